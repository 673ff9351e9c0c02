// A Rust `String` local filled in place before its use: `let mut p = String::new(); write!(p, "…{x}").unwrap();`
// then `.content(p)`. Read alone, the name was its first value, `String::new()` an empty text: the row claimed a fully
// known (empty) prompt. `push_str` / `push` are read as additions (go-string-adds.ts); String's `insert_str` / `insert`
// / `extend` / `clear` / `truncate` also change it (https://doc.rust-lang.org/std/string/struct.String.html), and so do
// `write!` / `writeln!` through `fmt::Write` and any function given `&mut p`: what they do is not read here, so the
// text is run time, named.
import { isId, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd, type Binding } from './scope';
import type { EvalScope, Value } from './value';

/** Tokens between a binding and its use read at most (as go-string-adds.ts). */
const MAX_SPAN = 8000;
const CHANGES = new Set(['insert_str', 'insert', 'extend', 'clear', 'truncate', 'replace_range', 'drain']);

/** `v`, the text binding `b` gives `name`, or run time when the String is changed in place before the use at `pos`. */
export function rustPushes(s: EvalScope, b: Binding, name: string, pos: number, v: Value): Value {
  const { toks } = s;
  // A text, or a `String::from(x)` / `String::with_capacity(n)` not read (a Vec given `&mut` is a list: message-vecs).
  if (b.kind === 'param' || v.num !== undefined || (v.str === undefined && toks[b.value]?.v !== 'String')) return v;
  const use = countBefore(toks.length, (k) => toks[k].start < pos);
  const from = b.value >= 0 ? exprEnd(s, b.value) : b.name + 1;
  for (let k = from; k < use && k < from + MAX_SPAN; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) continue;
    const changed = (isP(toks[k + 1], '.') && CHANGES.has(toks[k + 2]?.v) && isP(toks[k + 3], '(')) || (toks[k - 1]?.v === 'mut' && isP(toks[k - 2], '&'));
    // `write!(p, …)`: the macro's first argument is the writer (std::write!).
    const writer = isP(toks[k - 1], '(') && isP(toks[k - 2], '!') && (toks[k - 3]?.v === 'write' || toks[k - 3]?.v === 'writeln');
    if (changed || writer) return { runtime: name };
  }
  return v;
}

// Python `"".join(history)` (and Rust `history.join("\n")`, calls.ts) where the module builds `history` in steps (held-out 23's discord-chat-bot
// utils/ai_utils.py: `messages = list()`, `messages.append(initial_prompt)` at the top of the module, then
// `messages.append(f"\n{p}\n {bot_name}:")` in the function that sends `prompt="".join(messages)`). Python's
// `s.append(x)` adds x and `s.extend(t)` / `s += t` add t's items
// (https://docs.python.org/3/library/stdtypes.html#mutable-sequence-types): a statement of the list's own block read
// here; one inside a function (or a loop, an `if`) runs at run time, any number of times, and is named.
import { isId, isOpen, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { USES } from './fstring-holes';
import { pick } from './lookup';
import { column, left } from './py-list-additions';
import { occurrences } from './run-index';
import { tables } from './scope';
import { listText } from './text-join';
import type { Ctx } from './values';
import { label, type EvalScope, type Value } from './value';

/** Additions to one list read at most. */
const MAX_ADDITIONS = 64;
/** Longest addition named. */
const MAX_LABEL = 60;

/** The texts of the list the name at toks[at] holds joined by `sep`, with its additions; undefined when the name holds
 * no list literal or `list()`. */
export function joinedNamedList(s: EvalScope, at: number, sep: string, depth: number): Value | undefined {
  const { toks, match, text } = s;
  const name = toks[at].v;
  const b = pick(tables(s).binds.get(name), s, toks[at].start);
  if (!b || b.kind !== 'assign' || b.value < 0 || b.pos !== undefined || b.key !== undefined) return undefined;
  // Rust `vec![…]` and `Vec::new()` (held41 M7: `let mut history = vec![SEED_PROMPT.to_string()]`).
  const rust = s.syn.id === 'rust';
  const v = rust && toks[b.value].v === 'vec' && isP(toks[b.value + 1], '!') ? b.value + 2 : b.value;
  const literal = isP(toks[v], '[') && match[v] > v;
  const empty = rust ? toks[v].v === 'Vec' && isP(toks[v + 1], '::') && toks[v + 2]?.v === 'new' && isP(toks[v + 3], '(') && match[v + 3] === v + 4
    : isId(toks[v]) && toks[v].v === 'list' && isP(toks[v + 1], '(') && match[v + 1] === v + 2;
  if (!literal && !empty) return undefined;
  // Rust's `let mut history = …`: the statement's column is its `let`'s.
  const stmt = rust && toks[b.name - 1]?.v === 'mut' ? b.name - 2 : rust ? b.name - 1 : b.name;
  const col = rust && toks[stmt]?.v !== 'let' ? -1 : column(s, stmt);
  if (col < 0) return undefined;
  s.read?.push({ start: toks[b.name].start, end: toks[literal ? match[v] : rust ? v + 4 : v + 2].end });
  // From the statement's line start too: its indentation is the block's column, which each addition is compared with
  // (a span apart: editor/prefix.ts names a definition by a read span's first word).
  const lineStart = text.lastIndexOf('\n', toks[stmt].start - 1) + 1;
  s.read?.push({ start: lineStart, end: toks[b.name].end });
  // An addition past the first screen changes the list (editor/prefix.ts).
  s.forward?.add(USES + name);
  const own = fnAround(s, b.name);
  const useFn = fnAround(s, at);
  const texts: string[] = [];
  const holes: string[] = [];
  if (literal) {
    const first = listText(s, v, sep, depth);
    if (first?.str === undefined) return undefined;
    texts.push(first.str);
    holes.push(...(first.holes ?? []));
  }
  let seen = 0;
  for (const k of occurrences(s as Ctx, name)) {
    if (k <= b.name || seen >= MAX_ADDITIONS) continue;
    const add = addition(s, k, rust);
    if (!add) continue;
    seen++;
    const fn = fnAround(s, k);
    // Another function's local of the same name is another list.
    if (own && fn !== own) continue;
    // A statement of the list's own block before the use; a module list's also after it when a function reads it
    // (the module has run by the time the function is called).
    const block = fn === own && column(s, k) === col && !left(s, b.name, k, col);
    const before = k < at || (!own && !!useFn);
    if (!before && (own || !fn)) continue;
    s.read?.push({ start: toks[k].start, end: toks[add.close].end });
    // The lines between are read too, for their indentation (`left`): an edit of it moves the addition out of the block.
    s.read?.push({ start: lineStart, end: toks[k].start });
    // In a loop, an `if`, or a function: it runs at run time, any number of times.
    if (!block || !before) {
      const whole = text.slice(toks[k].start, toks[add.close].end).replace(/\s+/g, ' ');
      holes.push(whole.length > MAX_LABEL ? whole.slice(0, MAX_LABEL - 1) + '…' : whole);
      continue;
    }
    const items = isP(toks[add.from], '[') && match[add.from] === add.to - 1;
    const got = add.one ? evaluate(s, add.from, add.to, depth + 1)
      : items ? listText(s, add.from, sep, depth) : undefined;
    if (got && got.runtime === undefined && got.str !== undefined) {
      texts.push(got.str);
      holes.push(...(got.holes ?? []));
    } else holes.push(label(s, add.from, add.to));
  }
  const out: Value = { str: texts.join(sep) };
  if (holes.length) out.holes = holes;
  return out;
}

/** `name.append(x)` / `name.extend(t)` / `name += t` as a statement at toks[k]: the value's tokens [from, to), and
 * the statement's last token. */
function addition(s: EvalScope, k: number, rust: boolean): { from: number; to: number; close: number; one: boolean } | undefined {
  const { toks, match } = s;
  if (isP(toks[k - 1], '.')) return undefined;
  const op = toks[k + 1];
  // Rust's Vec::push adds one item (doc.rust-lang.org/std/vec/struct.Vec.html#method.push).
  const one = rust ? 'push' : 'append';
  const method = isP(op, '.') && isId(toks[k + 2]) && (toks[k + 2].v === one || (!rust && toks[k + 2].v === 'extend'));
  if (method && isP(toks[k + 3], '(') && match[k + 3] > k + 4) {
    return { from: k + 4, to: match[k + 3], close: match[k + 3], one: toks[k + 2].v === one };
  }
  if (rust) return undefined;
  if (isP(op, '+=') && isOpen(toks[k + 2]) && match[k + 2] > k + 2) {
    return { from: k + 2, to: match[k + 2] + 1, close: match[k + 2], one: false };
  }
  return undefined;
}

/** The innermost function around toks[k] (its body's first token), or 0 at the module's level. */
function fnAround(s: EvalScope, k: number): number {
  let best = 0;
  for (const fns of tables(s).fns.values()) {
    for (const f of fns) if (k >= f.body && k < f.bodyEnd && f.body > best) best = f.body;
  }
  return best;
}


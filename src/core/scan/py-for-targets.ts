// A Python `for` loop's target read in the loop's body: `for model in ["gpt-4o-mini", "gpt-4o"]:`, `for p in PROMPTS:`
// (a list or tuple constant, imported too), `for i, p in enumerate(PROMPTS):`, `for model, limit in [("a", 100), …]:`,
// `for cfg in CONFIGS: … cfg["model"]`. The body runs once per element (https://docs.python.org/3/reference/
// compound_stmts.html#the-for-statement): issue 11's worst case, as for a helper's several returns (branches.ts): the
// longest text, the largest number, every model named (analyze.ts prices the dearest); dict elements are one entry
// chosen at run time, read by key (members.ts). An iterable it cannot read leaves the target run time, never a value
// the name was given before the loop (held48 L14, mayonais/hcv_llm: `for index, api_text in enumerate(prompt_list):`).
import { KeyMemo } from '../util/key-memo';
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { pyBlockEnd } from './body-ends';
import { exprEnd, tables, type Binding } from './scope';
import { evaluate } from './evaluate';
import { listItems } from './members';
import { inFrames } from './arg-frames';
import { alternatives } from './branches';
import type { EvalScope, Value } from './value';

interface ForLoop {
  /** Token index of `for`, of the iterable's first token and of the token after it. */
  head: number;
  iter: number;
  iterEnd: number;
  /** Where the target holds the element (offsets): the statement's body, or a comprehension's brackets. */
  from: number;
  to: number;
  /** A comprehension's opening bracket: the list it makes holds every element (an embeddings input), so only a call
   * made per element (`[create(…, p) for p in ps]`) reads one. */
  open?: number;
  /** The target names' token indexes, in order (`i, p` → two). */
  targets: number[];
}

/** Elements of one iterable read at most (a longer list is left to run time). */
const MAX_ELEMENTS = 64;
/** Tokens of a header read for its `in` and `:`. */
const MAX_HEADER = 300;

interface Loops {
  byTarget: Map<string, ForLoop[]>;
  /** `name.append(` / `.extend(` / `.insert(` by list name: the `(` of each (a list filled before a loop walks it). */
  adds: Map<string, number[]>;
}

const LOOPS = new KeyMemo<Token[], Loops>();

/** The file's `for` statements by target name, and its list additions: made once per token list. */
function loopsOf(s: EvalScope): Loops {
  const made = LOOPS.get(s.toks);
  if (made) return made;
  const out = new Map<string, ForLoop[]>();
  const adds = new Map<string, number[]>();
  LOOPS.set(s.toks, { byTarget: out, adds });
  const { toks, match, text } = s;
  for (let h = 0; h < toks.length; h++) {
    const tk = toks[h];
    if (tk.t === T.Id && isP(toks[h + 1], '.') && ADDS.has(toks[h + 2]?.v) && isP(toks[h + 3], '(') && !isP(toks[h - 1], '.')) {
      const list = adds.get(tk.v);
      if (list) list.push(h + 3);
      else adds.set(tk.v, [h + 3]);
    }
    if (tk.t !== T.Id || tk.v !== 'for') continue;
    const targets: number[] = [];
    let k = h + 1;
    // `for a, b in …`, `for (a, b) in …`.
    const paren = isP(toks[k], '(') && match[k] > k ? match[k] : -1;
    if (paren > 0) k++;
    while (isId(toks[k]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || toks[k + 1]?.v === 'in')) {
      targets.push(k);
      k += isP(toks[k + 1], ',') ? 2 : 1;
      if (k === paren) k++;
      if (toks[k]?.v === 'in') break;
    }
    if (!targets.length || toks[k]?.v !== 'in' || toks[k].t !== T.Id) continue;
    const iter = k + 1;
    // A statement's header ends at its `:`; a comprehension's `for` (`[f(p) for p in ps if p]`) at its bracket's close,
    // an `if` or another `for`.
    let end = -1;
    let close = -1;
    for (let j = iter, n = 0; j < toks.length && n < MAX_HEADER; n++) {
      const t = toks[j];
      if (isP(t, ':') || (j > iter && t.t === T.Id && (t.v === 'if' || t.v === 'for' || t.v === 'async'))) {
        end = j;
        break;
      }
      if (isP(t, ')') || isP(t, ']') || isP(t, '}')) {
        end = close = j;
        break;
      }
      j = isOpen(t) && match[j] > j ? match[j] + 1 : j + 1;
    }
    if (end <= iter) continue;
    const comprehension = close >= 0 || !isP(toks[end], ':');
    if (comprehension) {
      // The brackets around it: the first unmatched close from the `for` on.
      for (let j = end; close < 0 && j < toks.length && j < end + MAX_HEADER; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ')') || isP(toks[j], ']') || isP(toks[j], '}')) close = j;
      if (close < 0 || !(match[close] >= 0 && match[close] < h)) continue;
    } else {
      // A statement, first on its line (after `async`).
      const prev = toks[h - 1];
      const before = prev?.v === 'async' && prev.t === T.Id ? toks[h - 2] : prev;
      if (before && text.lastIndexOf('\n', (prev === before ? tk : prev).start) < before.end) continue;
    }
    const loop: ForLoop = comprehension
      ? { head: h, iter, iterEnd: end, from: toks[match[close]].end, to: toks[close].start, targets, open: match[close] }
      : { head: h, iter, iterEnd: end, from: toks[end].end, to: toks[pyBlockEnd(s, end + 1, h)]?.start ?? Infinity, targets };
    for (const t of targets) {
      const list = out.get(toks[t].v);
      if (list) list.push(loop);
      else out.set(toks[t].v, [loop]);
    }
  }
  return { byTarget: out, adds };
}

const ADDS = new Set(['append', 'extend', 'insert']);

/** `name` used at offset `pos` in the body of a `for` loop that binds it: the elements' worst case, run time when they
 * cannot be read; undefined when no loop binds it there, or the body assigns it again before the use. */
export function forElement(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'python') return undefined;
  const { toks } = s;
  let loop: ForLoop | undefined;
  for (const l of loopsOf(s).byTarget.get(name) ?? []) {
    const inIter = toks[l.iter].start <= pos && pos < toks[l.iterEnd].start;
    if (l.from <= pos && pos < l.to && !inIter && (!loop || l.head > loop.head)) loop = l;
  }
  if (!loop || (loop.open !== undefined && !inCall(s, loop.open, loop.head, pos))) return undefined;
  const from = toks[loop.head].start;
  // `p = p.strip()` in the body before the use: that binding is the value (lookup.ts reads it); its own value reads the element.
  const done = (b: Binding) => (b.value >= 0 ? toks[exprEnd(s, b.value) - 1]?.end ?? Infinity : toks[b.name].end) <= pos;
  if (tables(s).binds.get(name)?.some((b) => toks[b.name].start > from && done(b))) return undefined;
  s.read?.push({ start: from, end: toks[loop.iterEnd].end });
  const shown = s.text.slice(toks[loop.iter].start, toks[loop.iterEnd - 1].end);
  const pos0 = loop.targets.findIndex((t) => toks[t].v === name);
  return elements(s, loop, pos0, shown, depth) ?? { runtime: name };
}

/** `prompts = []` then `prompts.append(p)` before the loop (held48 L14, a notebook's cell filling the list the next
 * cell walks): the elements are what the appends add, each read where it is written. */
function appended(s: EvalScope, name: number, head: number, shown: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const binds = tables(s).binds.get(toks[name].v) ?? [];
  let b: Binding | undefined;
  for (const x of binds) if (x.name < head && (!b || x.name > b.name)) b = x;
  if (!b || b.kind !== 'assign' || b.value < 0 || !isP(toks[b.value], '[') || match[b.value] !== b.value + 1) return undefined;
  const adds = (loopsOf(s).adds.get(toks[name].v) ?? []).filter((k) => k > b!.name && k < head);
  if (!adds.length || adds.length > MAX_ELEMENTS) return undefined;
  // Only `append(x)` of one element; `+=` before the loop is no addition read here.
  if (adds.some((k) => toks[k - 1].v !== 'append' || listItems(s, k)?.length !== 1)) return undefined;
  for (let k = b.name + 1; k < head; k++) if (toks[k].v === toks[name].v && isId(toks[k]) && isP(toks[k + 1], '+=')) return undefined;
  const values = adds.map((k) => evaluate(s, k + 1, match[k], depth + 1));
  if (values.some((v) => !v || v.runtime !== undefined || v.str === undefined || v.obj)) return undefined;
  const what = `${values.length === 1 ? 'the element' : `each of the ${values.length} elements`} appended to ${shown} (one pass each)`;
  const v = alternatives(values as Value[], what);
  return v && { ...v, source: { file: s.file, offset: toks[adds[0]].start, what } };
}

/** Whether a `(` opened between `from` and `to` (a comprehension's element) holds the offset `pos`. */
function inCall(s: EvalScope, from: number, to: number, pos: number): boolean {
  const { toks, match } = s;
  for (let k = from + 1; k < to && toks[k].start < pos; k++) if (isP(toks[k], '(') && match[k] > k && toks[match[k]].start > pos) return true;
  return false;
}

/** The target at place `at` of the loop: the worst case of what the iterable's elements give it. */
function elements(s: EvalScope, loop: ForLoop, at: number, shown: string, depth: number): Value | undefined {
  const { toks, match } = s;
  let from = loop.iter;
  let to = loop.iterEnd;
  let n = loop.targets.length;
  // `enumerate(xs)`: (index, element); the index is a number counted at run time.
  if (toks[from].v === 'enumerate' && isP(toks[from + 1], '(') && match[from + 1] === to - 1) {
    if (n !== 2 || at !== 1) return undefined;
    const args = listItems(s, from + 1);
    if (!args?.length) return undefined;
    [from, to] = args[0];
    n = 1;
    at = 0;
  }
  const list = evaluate(s, from, to, depth + 1);
  const o = list?.obj;
  if (!list || list.runtime !== undefined || o?.kind !== 'table' || o.struct || o.copy || !(isP(o.scope.toks[o.open], '[') || isP(o.scope.toks[o.open], '('))) return undefined;
  const items = listItems(o.scope, o.open);
  if (!items || items.length > MAX_ELEMENTS) return undefined;
  if (!items.length) return n === 1 && to === from + 1 && o.scope === s ? appended(s, from, loop.head, shown, depth) : undefined;
  const values = inFrames(o.frames, () =>
    items.map(([a, b]) => {
      if (n === 1) return evaluate(o.scope, a, b, depth + 1);
      // `for model, limit in [("a", 100), …]`: each element a tuple of as many items, the target its place.
      const sc = o.scope;
      if (!(isP(sc.toks[a], '(') || isP(sc.toks[a], '[')) || sc.match[a] !== b - 1) return undefined;
      const parts = listItems(sc, a);
      return parts?.length === n ? evaluate(sc, parts[at][0], parts[at][1], depth + 1) : undefined;
    }),
  );
  if (values.some((v) => !v || v.runtime !== undefined)) return undefined;
  const known = values as Value[];
  const what = known.length === 1 ? `the element of ${shown}` : `each of the ${known.length} elements of ${shown} (one pass each)`;
  if (known.every((v) => v.obj?.kind === 'table' && isP(v.obj.scope.toks[v.obj.open], '{'))) return { obj: { kind: 'any', of: known, key: shown } };
  if (!known.every((v) => (v.str !== undefined || v.num !== undefined) && !v.obj)) return undefined;
  const v = alternatives(known, what);
  return v && { ...v, source: { file: o.scope.file, offset: o.scope.toks[o.open].start, what: v.source ? `${what}: ${v.source.what}` : what } };
}

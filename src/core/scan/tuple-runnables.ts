// Python `llm, retriever = init_chatbot()`: a name bound by a tuple assignment holds the element at its position of
// the value, not the whole value. For a runnable that is the element the same-file helper returns (`return llm,
// retriever`) or the element of a literal tuple (`llm, store = ChatOpenAI(…), Chroma(…)`). Without this the helper's
// first construction was taken for every name: osint-langchain-app's `retriever.invoke(query)` on a Chroma retriever
// was priced as a gpt-4o-mini call (held51).
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import { assignmentBefore, functionDef, functionEnd } from './definitions';
import { tables } from './scope';
import { enclosingDef } from './runnable-tokens';
import type { Ctx } from './values';

/** The first value token of the name's assignment before `before` (definitions.ts assignmentBefore), else of a Python
 * tuple assignment naming it (`writer, ranker = …`: the index keeps a tuple's last target only) in a scope the use sees. */
export function boundValue(c: Ctx, name: string, before: number, skip: (at: number) => boolean): number {
  const def = assignmentBefore(c, name, before, skip);
  if (def >= 0 || c.syn.id !== 'python') return def;
  let near: { name: number; value: number } | undefined;
  for (const b of tables(c).binds.get(name) ?? []) if (b.pos !== undefined && b.name < before && (!near || b.name > near.name)) near = b;
  if (!near) return -1;
  const scope = enclosingDef(c, near.name);
  return scope < 0 || scope === enclosingDef(c, before) ? near.value : -1;
}

/** Token ranges of the top-level items of the tuple from toks[from] to the end of its line (one item: no tuple). */
function items(c: Ctx, from: number, end: number): [number, number][] {
  const { toks, match } = c;
  const out: [number, number][] = [];
  let start = from;
  let k = from;
  for (; k < end; k++) {
    const tk = toks[k];
    if (k > from && newlineBetween(c.text, toks[k - 1].end, tk.start) && !isP(toks[k - 1], ',')) break;
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (isP(tk, ')') || isP(tk, ']') || isP(tk, '}') || isP(tk, ';')) break;
    if (isP(tk, ',')) {
      out.push([start, k]);
      start = k + 1;
    }
  }
  if (start < k) out.push([start, k]);
  return out;
}

/** The position of `name` among the targets of the tuple assignment whose value starts at toks[value] (`a, b = …`,
 * at a statement's start); -1 when the assignment has one target. */
function targetPos(c: Ctx, name: string, value: number): number {
  const { toks } = c;
  if (!isP(toks[value - 1], '=')) return -1;
  const names: string[] = [];
  let k = value - 2;
  for (; k >= 0 && isId(toks[k]); k -= 2) {
    names.unshift(toks[k].v);
    if (!isP(toks[k - 1], ',')) break;
  }
  return names.length > 1 ? names.lastIndexOf(name) : -1;
}

/**
 * What a tuple-bound name holds: `read(from, to)` of its element, or `byName(element, at)` for a name a helper returns
 * (looked up at its `return`). Undefined when the assignment has one target (the caller reads the whole value); when
 * the element cannot be told, `read` of an empty range (nothing is bound: a wrong model is worse than none).
 */
export function tupleRunnable<F>(c: Ctx, name: string, value: number, end: number, read: (from: number, to: number) => F, byName: (name: string, at: number) => F): F | undefined {
  if (c.syn.id !== 'python') return undefined;
  const pos = targetPos(c, name, value);
  if (pos < 0) return undefined;
  const { toks, match } = c;
  const none = read(value, value);
  const own = items(c, value, toks.length);
  if (own.length > 1) return own[pos] ? read(own[pos][0], own[pos][1]) : none;
  // `init_chatbot()`: the element of the helper's `return a, b`.
  const fn = toks[value];
  if (!isId(fn) || !isP(toks[value + 1], '(') || match[value + 1] !== end - 1) return none;
  const def = functionDef(c, fn.v);
  if (def < 0) return none;
  const last = Math.min(functionEnd(c, def), toks.length);
  c.read?.push({ start: toks[def].start, end: toks[last - 1]?.end ?? c.text.length });
  for (let k = def + 2; k < last; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    const e = items(c, k + 1, last)[pos];
    if (!e) continue;
    return e[1] === e[0] + 1 && isId(toks[e[0]]) ? byName(toks[e[0]].v, k) : read(e[0], e[1]);
  }
  return none;
}

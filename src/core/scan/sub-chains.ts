// LangChain sub-chains: a chain that runs other chains beside its own model, each a model call of its own per run.
// `RunnableParallel(summary=summary_chain, keywords=keyword_chain)` (also `RunnableMap`, and the mapping literal
// `{"summary": summary_chain, …}` a pipe coerces to one), `RunnablePassthrough.assign(summary=summary_chain)`, and a
// model step followed by another (`prompt | llm | parser | prompt2 | llm2`) run each branch's model on the same input.
// Names: github.com/langchain-ai/langchain libs/core/langchain_core/runnables/base.py (RunnableParallel(steps__=None,
// **kwargs), RunnableMap = RunnableParallel, coerce_to_runnable of a dict) and passthrough.py
// (RunnablePassthrough.assign(**kwargs) → RunnableAssign(RunnableParallel(kwargs))); JS: github.com/langchain-ai/langchainjs
// langchain-core/src/runnables/base.ts (RunnableMap.from(steps), RunnableParallel extends RunnableMap, an object step
// coerced by _coerceToRunnable) and passthrough.ts (static assign(mapping)). runnables.ts records the branches
// it walks past; bound.ts takes them after reading the chain the call runs; site-read.ts reads one row per branch at
// the call that runs them.
import { isId, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import type { Made } from './runnable-made';
import { basename } from '../resolve/files';

/** Branches recorded at most per chain read. */
const MAX_SUBS = 8;

/** The model steps a chain's reading walked past, each with the text it was read in. */
let recorded: { c: Ctx; made: Made }[] = [];
/** The branch a row is being read for (bound.ts takes it instead of the chain's own model). */
let forced: Made | undefined;

export function recordSub(c: Ctx, made: Made): void {
  if (recorded.length < MAX_SUBS && !recorded.some((r) => r.made.at === made.at && home(r.c, r.made) === home(c, made) && samePrompt(r.made, made))) recorded.push({ c, made });
}

/** The file a branch was made in: a chain another module exports is read afresh each time the call's reading asks. */
function home(c: Ctx, made: Made): string {
  return 'ctx' in made ? (made.ctx as Ctx).file : c.file;
}

/** The same template: the same object, or one read again from the same place. */
function samePrompt(a: Made, b: Made): boolean {
  const [p, q] = [a.prompt?.parts[0], b.prompt?.parts[0]];
  return a.prompt === b.prompt || (!!p && !!q && p.span.start === q.span.start && p.span.end === q.span.end && a.prompt!.parts.length === b.prompt!.parts.length);
}

/** The branches recorded since the last take; one read in another module (an imported chain's) is read there. */
export function takeSubs(c: Ctx): Made[] {
  const out = recorded.map((r) => (r.c === c || 'ctx' in r.made ? r.made : ({ ...r.made, ctx: r.c, what: `of a sub-chain in ${basename(r.c.file)}` } as Made)));
  recorded = [];
  return out;
}

export function forcedSub(): Made | undefined {
  return forced;
}

/** Runs `read` with the chain's model taken to be the branch `made`. */
export function withSub<T>(made: Made, read: () => T): T {
  const was = forced;
  forced = made;
  try {
    return read();
  } finally {
    forced = was;
  }
}

/** The value ranges of a fan-out at toks[open] (`RunnableParallel(…)`, `.assign(…)`, a `{…}` mapping), or undefined. */
export function branches(c: Ctx, from: number, open: number, close: number): [number, number][] | undefined {
  const { toks, match } = c;
  const js = c.syn.id === 'javascript';
  if (c.syn.id !== 'python' && !js) return undefined;
  const fn = toks[open - 1];
  const dict = isP(toks[open], '{') && open === from;
  const method = isP(toks[open - 2], '.');
  // JS: `RunnableParallel.from({…})` / `RunnableMap.from({…})` (RunnableMap.from(steps) → new RunnableMap({ steps }),
  // RunnableParallel extends RunnableMap) and `RunnablePassthrough.assign({…})`.
  const jsFrom = js && method && fn?.v === 'from' && (toks[open - 3]?.v === 'RunnableParallel' || toks[open - 3]?.v === 'RunnableMap') && !isP(toks[open - 4], '.');
  const fan = isId(fn) && (jsFrom || (!js && !method && (fn.v === 'RunnableParallel' || fn.v === 'RunnableMap')) || (method && fn.v === 'assign' && passthrough(c, open - 3)));
  if (!dict && !fan) return undefined;
  const out: [number, number][] = [];
  let a = open + 1;
  let b = close;
  // `RunnableParallel({"a": x, "b": y})`: the mapping inside.
  if (fan && isP(toks[a], '{') && match[a] === close - 1) [a, b] = [a + 1, close - 1];
  for (let k = a; k < b; ) {
    const e = valueEnd(c, k, b);
    const sep = !js && isId(toks[k]) && isP(toks[k + 1], '=') ? k + 1 : keyAt(c, k);
    if (sep > 0 && sep + 1 < e) out.push([sep + 1, e]);
    else if (js && e === k + 1 && isId(toks[k])) out.push([k, e]); // `{ summary, keywords }`: shorthand
    k = e + 1;
  }
  return out;
}

/** The branches of the chain a row was just read for, beside the one it took: one row each (site-read.ts). */
let pending: Made[] = [];

export function keepPending(subs: Made[]): void {
  pending = subs;
}

export function takePending(): Made[] {
  const out = pending;
  pending = [];
  return out;
}

/** `RunnablePassthrough` or `RunnablePassthrough()` ending at toks[k] (the receiver of `.assign(`). */
function passthrough(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  return toks[k]?.v === 'RunnablePassthrough' || (isP(toks[k], ')') && match[k] > 0 && toks[match[k] - 1]?.v === 'RunnablePassthrough');
}

/** A fan-out's branches read by `read` (runnables.ts operand), each model found recorded as a call of its own; true
 * when `[from, last]` is a fan-out at all (`RunnableParallel(a=x)`, `{"a": x}`). */
export function fanOut(c: Ctx, from: number, last: number, read: (a: number, b: number) => Made | undefined): boolean {
  const { toks, match } = c;
  const fan = isP(toks[last], ')') || isP(toks[last], '}') ? branches(c, from, match[last], last) : undefined;
  for (const [a, b] of fan ?? []) {
    const made = read(a, b);
    if (made) recordSub(c, made);
  }
  return !!fan;
}

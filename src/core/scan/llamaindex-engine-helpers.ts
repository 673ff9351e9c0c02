// A LlamaIndex engine a same-file function makes and returns: `def load_engine(): …; return index.as_query_engine(
// llm=llm)` then `query_engine = load_engine()` and `query_engine.query(q)` (in a Streamlit script, another function).
// The call's engine is the maker the function's `return` holds, directly or through a local it assigned
// (`engine = index.as_query_engine(…)`, `return engine`). llama-index-core indices/base.py as_query_engine /
// as_chat_engine return the engine whose query / chat sends the LLM given (llamaindex-engines.ts).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore, functionDef, functionEnd } from './definitions';
import { exprEnd } from './body-ends';
import type { Ctx } from './values';

/** `return` statements of a helper read for its engine, at most. */
const MAX_RETURNS = 4;

/**
 * The engine maker's opening bracket that the call `f(…)` at toks[def, e) returns, f a function of this file, or -1.
 * `at` tells a maker from another value (llamaindex-engines.ts makerAt).
 */
export function helperMaker(c: Ctx, def: number, e: number, at: (c: Ctx, close: number) => number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'python' || !isId(toks[def]) || !isP(toks[def + 1], '(') || match[def + 1] !== e - 1) return -1;
  if (isP(toks[def - 1], '.')) return -1;
  const name = toks[def].v;
  // Defined below the call, or its body cut by the end of the text: left to the full analysis (editor/prefix.ts).
  c.forward?.add(name);
  const fn = functionDef(c, name);
  const end = fn >= 0 ? functionEnd(c, fn) : -1;
  if (end <= fn) return -1;
  c.read?.push({ start: toks[fn - 1].start, end: toks[Math.min(end, toks.length - 1)].end });
  for (let j = fn + 2, n = 0; j < end && n < MAX_RETURNS; j++) {
    if (toks[j].v !== 'return' || !isId(toks[j])) continue;
    n++;
    const re = Math.min(exprEnd(c, j + 1), end + 1);
    let v = j + 1;
    let ve = re;
    // `return engine` with `engine = index.as_query_engine(…)` in the body.
    if (ve === v + 1 && isId(toks[v])) {
      const local = assignmentBefore(c, toks[v].v, j);
      if (local <= fn) continue;
      v = local;
      ve = Math.min(exprEnd(c, local), end + 1);
    }
    // `return index.as_query_engine(llm=llm), index`: the first item of a tuple is not read.
    if (ve > v && isP(toks[ve - 1], ')') && match[ve - 1] >= v) {
      const open = at(c, ve - 1);
      if (open >= 0) return open;
    }
    j = re - 1;
  }
  return -1;
}

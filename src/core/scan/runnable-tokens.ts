// Token helpers of the LangChain chain reader (runnables.ts): where a method call's receiver starts, whether a name is
// a keyword argument, the class and function around a token, the top-level `|` steps of an LCEL pipe and the steps of
// a RunnableSequence. Moved out of runnables.ts, which keeps the walk that follows names to their constructions.
import { isId, isP, KEYWORDS } from '../lex/brackets';
import { functionEnd } from './definitions';
import { keyAt, valueEnd, type Ctx } from './values';
import { listItems } from './runnable-prompts';

/** The first token of the receiver (a name, a member chain, a call) before the `.` at toks[dot], or -1. */
export function receiverStart(c: Ctx, dot: number): number {
  const { toks, match } = c;
  let k = dot - 1;
  for (let n = 0; k >= 0 && n < 64; n++) {
    const tk = toks[k];
    if (isP(tk, ')') || isP(tk, ']')) {
      const o = match[k];
      if (o < 0 || o > k) return -1;
      k = o - 1;
      if (isId(toks[k]) && !KEYWORDS.has(toks[k].v)) continue;
      return k + 1;
    }
    if (isId(tk)) {
      if (isP(toks[k - 1], '.')) {
        k -= 2;
        continue;
      }
      return toks[k - 1]?.v === 'new' ? k - 1 : k;
    }
    return -1;
  }
  return -1;
}

/** A name given as a keyword argument (`f(chain=x)`): at `at`, inside a call's parentheses. */
export function isKeywordArgument(c: Ctx, at: number): boolean {
  const { toks, match } = c;
  if (!(isP(toks[at - 1], '(') || isP(toks[at - 1], ','))) return false;
  for (let k = at - 1, n = 0; k >= 0 && n < 256; k--, n++) {
    const tk = toks[k];
    if ((isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) return isP(tk, '(') && match[k] > at;
  }
  return false;
}

/** The name of the Python class whose body holds the method named at toks[def], or undefined. */
export function enclosingClass(c: Ctx, def: number): string | undefined {
  const { toks, text } = c;
  const col = (k: number) => toks[k].start - text.lastIndexOf('\n', toks[k].start - 1) - 1;
  const defCol = col(def - 1);
  for (let k = def - 2, n = 0; k > 0 && n < 20000; k--, n++) {
    if (toks[k].v !== 'class' || !isId(toks[k]) || !isId(toks[k + 1])) continue;
    return col(k) < defCol ? toks[k + 1].v : undefined;
  }
  return undefined;
}

/** The `def`/`function` name token of the function whose body holds token `at` (Python: by indentation). */
export function enclosingDef(c: Ctx, at: number): number {
  const { toks } = c;
  for (let k = at - 1, n = 0; k > 0 && n < 4000; k--, n++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '(')) continue;
    const kw = toks[k - 1]?.v;
    if (kw !== 'def' && kw !== 'function') continue;
    const end = functionEnd(c, k);
    return end >= at ? k : -1;
  }
  return -1;
}

/** Splits toks[from, to) at the top-level `|` (LCEL's pipe operator). */
export function pipes(c: Ctx, from: number, to: number): [number, number][] {
  const { toks, match } = c;
  const out: [number, number][] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
    else if (isP(tk, '|')) {
      out.push([start, k]);
      start = k + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** `RunnableSequence(a, b, c)`, `RunnableSequence(first=a, middle=[b], last=c)`, `RunnableSequence.from([a, b])`. */
export function sequenceSteps(c: Ctx, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of listItems(c, from, to)) {
    const sep = keyAt(c, a);
    const v = sep > 0 ? sep + 1 : a;
    if (isP(c.toks[v], '[') && c.match[v] === b - 1) out.push(...listItems(c, v + 1, b - 1));
    else out.push([v, b]);
  }
  return out;
}

/** The value of the keyword argument `name=` directly inside the call whose `(` is at `open`, or -1. */
export function keywordValue(c: Ctx, open: number, name: string): number {
  const { toks, match } = c;
  for (let j = open + 1; j < match[open]; j = valueEnd(c, j, match[open]) + 1) if (toks[j].v === name && isP(toks[j + 1], '=') && !isP(toks[j + 2], '=')) return j + 2;
  return -1;
}

/**
 * The legacy chain `LLMChain(llm=model, prompt=template)` (JS `new LLMChain({ llm: model, prompt })`): its template,
 * then its model, as the steps of a sequence; empty without an `llm`. Fields from github.com/langchain-ai/langchain
 * libs/langchain/langchain/chains/llm.py (LLMChain.prompt, LLMChain.llm) and github.com/langchain-ai/langchainjs
 * langchain/src/chains/llm_chain.ts (LLMChainInput.prompt, .llm).
 */
export function llmChainSteps(c: Ctx, open: number, close: number): [number, number][] {
  const { toks, match } = c;
  const obj = isP(toks[open + 1], '{') && match[open + 1] === close - 1;
  const fields = new Map<string, [number, number]>();
  for (const [a, b] of listItems(c, obj ? open + 2 : open + 1, obj ? close - 1 : close)) {
    if (!isId(toks[a])) continue;
    const sep = keyAt(c, a);
    if (sep > 0) fields.set(toks[a].v, [sep + 1, b]);
    else if (obj && b === a + 1) fields.set(toks[a].v, [a, b]);
  }
  const llm = fields.get('llm');
  const prompt = fields.get('prompt');
  return llm ? (prompt ? [prompt, llm] : [llm]) : [];
}

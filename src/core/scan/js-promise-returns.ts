// A JS helper that returns a Promise it settles in a callback: `return new Promise((resolve) => {
// chrome.storage.sync.get([KEY], (result) => { resolve(result[KEY] || DEFAULT_MAX_OUTPUT_TOKENS); }); })`
// (held59 EugeneMsv/ai-chrome-extension background/config/builder/gemini/maxOutputTokensManager.js, awaited as
// `await getMaxOutputTokens()`). `await` of it gives what `resolve(v)` is called with (ECMAScript: the executor's
// resolve function fulfils the promise with its argument, https://tc39.es/ecma262/#sec-promise-executor), so each
// `resolve(…)` in the executor is a value the function returns, as a `return` is; a reject gives none.
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** `resolve(…)` calls read in one executor at most. */
const MAX_RESOLVES = 8;

/** What `return new Promise((resolve) => { … resolve(v) … })` at toks[k] (the token after `return`) fulfils with; undefined when it is no such return. */
export function promiseResolves(s: EvalScope, k: number, depth: number): Value[] | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'javascript' || toks[k]?.v !== 'new' || toks[k + 1]?.v !== 'Promise' || !isP(toks[k + 2], '(') || !(match[k + 2] > k + 2)) return undefined;
  const end = match[k + 2];
  let p = k + 3;
  if (isId(toks[p]) && toks[p].v === 'async') p++;
  if (isId(toks[p]) && toks[p].v === 'function') p++;
  // `(resolve, reject) =>`, `resolve =>`, `function (resolve) {`.
  const name = isP(toks[p], '(') ? toks[p + 1] : toks[p];
  if (!isId(name) || (!isP(toks[p], '(') && !isP(toks[p + 1], '=>'))) return undefined;
  const out: Value[] = [];
  for (let j = p + 1; j < end && out.length < MAX_RESOLVES; j++) {
    if (toks[j].v !== name.v || !isId(toks[j]) || isP(toks[j - 1], '.') || !isP(toks[j + 1], '(') || !(match[j + 1] > j + 1)) continue;
    const close = match[j + 1];
    const v = close > j + 2 ? evaluate(s, j + 2, close, depth + 1) : undefined;
    out.push(v ?? { runtime: `${name.v}(…)` });
    j = close;
  }
  return out.length ? out : undefined;
}

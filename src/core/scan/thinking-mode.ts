// Claude's adaptive thinking asked for in a request's `thinking` value: `{ type: "adaptive" }` (Python / TS / JSON),
// or the SDKs' type for it (anthropic-sdk-java / -csharp `ThinkingConfigAdaptive`, anthropic-sdk-go
// `ThinkingConfigParamUnion{OfAdaptive: &anthropic.ThinkingConfigAdaptiveParam{}}`): Anthropic API reference,
// Messages, thinking: ThinkingConfigAdaptive `{"type": "adaptive"}`; the model decides how much to think, its thinking
// counting towards max_tokens with the answer.
import { T } from '../lex/lexer';
import { keyAt, type Ctx } from './values';
import { normKey } from './call-keys';

/** Longest run of tokens looked at: a thinking object is a handful of tokens. */
const MAX_TOKENS = 40;

/** Does the `thinking` value toks[from, to) ask for adaptive thinking? */
export function adaptiveThinking(c: Ctx, from: number, to: number): boolean {
  const end = Math.min(to, from + MAX_TOKENS);
  for (let k = from; k < end; k++) {
    const tk = c.toks[k];
    if (tk.t === T.Str && tk.v === 'adaptive') {
      // The value of a `type` key: `{"type": "adaptive"}`, `type: 'adaptive'`.
      for (let j = k - 1; j >= from && j >= k - 3; j--) {
        const kt = c.toks[j];
        if ((kt.t === T.Id || kt.t === T.Str) && normKey(kt.v) === 'type' && keyAt(c, j) > 0) return true;
      }
    } else if (tk.t === T.Id && (tk.v === 'ThinkingConfigAdaptive' || tk.v === 'ThinkingConfigAdaptiveParam')) return true;
  }
  return false;
}

/** Does the `thinking` value toks[from, to) ask for `type: 'enabled'` and name no budget (`budgetTokens`,
 * `budget_tokens`)? A budget named through a value not read is the caller's (f.thinkingUnresolved), not a default. */
export function enabledWithoutBudget(c: Ctx, from: number, to: number): boolean {
  const end = Math.min(to, from + MAX_TOKENS);
  let enabled = false;
  for (let k = from; k < end; k++) {
    const tk = c.toks[k];
    if ((tk.t === T.Id || tk.t === T.Str) && normKey(tk.v) === 'budgettokens') return false;
    if (tk.t === T.Str && tk.v === 'enabled') {
      for (let j = k - 1; j >= from && j >= k - 3; j--) {
        const kt = c.toks[j];
        if ((kt.t === T.Id || kt.t === T.Str) && normKey(kt.v) === 'type' && keyAt(c, j) > 0) enabled = true;
      }
    }
  }
  // A value longer than looked at may name its budget further on.
  return enabled && to - from <= MAX_TOKENS;
}

/** A budget given by shorthand (`thinking: { type: 'enabled', budgetTokens }`): the token of its name, if one. */
export function budgetShorthand(c: Ctx, from: number, to: number): number | undefined {
  const end = Math.min(to, from + MAX_TOKENS);
  for (let k = from; k < end; k++) {
    const tk = c.toks[k];
    if (tk.t === T.Id && normKey(tk.v) === 'budgettokens' && keyAt(c, k) <= 0) return k;
  }
  return undefined;
}

// The name the advice gives the output limit of an object made by a construction (bound.ts): the anchor's, renamed
// where the construction's own arguments call for another.
import { isId, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import type { Found } from './keys';
import type { Made } from './runnable-made';
import { INIT_CHAT_MODEL_GOOGLE_LIMIT, INIT_CHAT_MODEL_LIMIT } from './call-shapes-langchain';
import { googleInit } from './provider-prefix';

/** The limit parameter of the construction `made` at [open, close) in `m` (undefined: the call row's own). */
export function madeLimitParam(m: Ctx, made: Made, inner: Found, open: number, close: number): Made['limitParam'] {
  if (made.limitParam === INIT_CHAT_MODEL_LIMIT && googleInit(m, inner, open, close)) return INIT_CHAT_MODEL_GOOGLE_LIMIT;
  // An agent already given its settings object (`model_settings=ModelSettings(temperature=0.2)`, `modelSettings: {…}`):
  // the limit goes into that object; a second settings argument would be a syntax error (Python) or replace it.
  if (made.settings && settingsGiven(m, made.settings.key, open + 1, close)) return made.settings.limitParam;
  return made.limitParam;
}

/** Is `key` given among the arguments in [from, to): `key=…`, or in an object literal argument `{ key: …, key }`? */
function settingsGiven(m: Ctx, key: string, from: number, to: number, inObject = false): boolean {
  const { toks, match } = m;
  for (let k = from; k < to; k = valueEnd(m, k, to) + 1) {
    const named = isId(toks[k]) && toks[k].v === key;
    // `key=…`, `key: …`, or an object's shorthand member (`{ name, modelSettings }`).
    if (named && (keyAt(m, k) > 0 || (inObject && valueEnd(m, k, to) === k + 1))) return true;
    if (!inObject && isP(toks[k], '{') && match[k] > k && settingsGiven(m, key, k + 1, match[k], true)) return true;
  }
  return false;
}

// The service tier a request names (`service_tier: "flex"`, Go's `openai.ServiceTierFlex`), read by keys.ts.
import { T } from '../lex/lexer';
import type { Ctx } from './values';

/** The tier named in a value: a string (`"flex"`) or an SDK constant ending in the tier (`ServiceTierFlex`, `ServiceTier.FLEX`). */
export function readTier(c: Ctx, from: number, to: number): string | undefined {
  for (let k = to - 1; k >= from; k--) {
    const tk = c.toks[k];
    if (tk.t !== T.Str && tk.t !== T.Id) continue;
    const m = /(auto|default|standard|flex|priority|scale)$/i.exec(tk.v);
    return m ? m[1].toLowerCase() : undefined;
  }
  return undefined;
}

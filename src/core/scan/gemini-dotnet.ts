// Gemini.NET's request builder states its output limit as a positional argument:
// `new ApiRequestBuilder()….WithDefaultGenerationConfig(0.2f, 400)….Build()`
// (https://github.com/phanxuanquang/Gemini.NET, c7c2798, Gemini.NET/ApiRequestBuilder.cs
// `WithDefaultGenerationConfig(float temperature = 1, int maxOutputTokens = 65536)`). A named argument
// (`maxOutputTokens: 400`) is read by the key walk; `WithGenerationConfig(new GenerationConfig { MaxOutputTokens = n })` too.
import { isId, isP } from '../lex/brackets';
import { argIndex, readNumber, valueEnd, type Ctx } from './values';
import type { Found } from './keys';

/** The builder link read here: an edit that makes or breaks it changes the limit (reader-words.ts). */
export const GEMINI_DOTNET_WORDS = ['WithDefaultGenerationConfig'];

/** The limit of the first `.WithDefaultGenerationConfig(t, n)` in toks[from, to), when it is a number. */
export function geminiDotnetLimit(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'WithDefaultGenerationConfig' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(')) continue;
    const close = c.match[k + 1];
    if (close < 0 || close > to) return;
    const at = argIndex(c, k + 2, close, 1);
    // Only a positional second argument: a named one was read as a key.
    if (at >= close || (isId(toks[at]) && isP(toks[at + 1], ':'))) return;
    const n = readNumber(c, at, valueEnd(c, at, close));
    if (n) f.limit = { ...n, key: 'maxOutputTokens' };
    return;
  }
}

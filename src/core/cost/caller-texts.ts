// A prompt text a wrapper's callers pass, not all the same (scan/caller-merge.ts withCallers): the longest is counted,
// the worst case. Each caller's text is counted here too, with the call's tokenizer, so that the hover and the report
// say the input varies by caller and by how much ("the largest of 2 callers' texts: 17–41 tokens"), not one caller's
// count as if every caller sent it (held38 M8: ydammatsu/git-ai-tools, kimious/octopus).
import type { CallSite, CallerText } from '../types';
import type { ByCaller } from './estimate-types';
import { countTokens, type Encoding } from '../tokenize/token-count';

/** Callers counted, at most (the rest are named by number only). */
const MAX_COUNTED = 16;

/** The first counted prompt part whose text several callers pass, with each caller's text's tokens; else undefined. */
export function byCaller(site: CallSite, enc: Encoding, allowApproximate: boolean): ByCaller | undefined {
  const part = site.parts.findIndex((p) => p.resolved && (p.source?.callers?.length ?? 0) > 1);
  if (part < 0) return undefined;
  const callers = site.parts[part].source!.callers!.slice(0, MAX_COUNTED);
  const tokens = callers.map((c) => countTokens(c.text, enc, allowApproximate).tokens);
  // The other texts the same calls pass (`complete(system, user)`: each caller's system and user prompt), summed per
  // caller, so a caller's count is all it sends, not its first text (held43 C26/C27 hitosh308/recipemaker, C14 kotbot).
  const also: number[] = [];
  site.parts.forEach((p, q) => {
    const other = p.resolved && q > part ? p.source?.callers : undefined;
    if (!other || !aligned(site.parts[part].source!.callers!, other)) return;
    also.push(q);
    other.slice(0, MAX_COUNTED).forEach((c, k) => (tokens[k] += countTokens(c.text, enc, allowApproximate).tokens));
  });
  return also.length ? { part, tokens, also } : { part, tokens };
}

/** Whether two parts' callers are the same calls, in the same order: each of `b`'s in the same file as `a`'s at its
 * place and nearer to it than to any other of `a`'s (the arguments of one call sit together). */
function aligned(a: CallerText[], b: CallerText[]): boolean {
  if (a.length !== b.length) return false;
  return b.every((x, k) => {
    if (x.file !== a[k].file) return false;
    const d = Math.abs(x.offset - a[k].offset);
    return a.every((y, j) => j === k || y.file !== x.file || Math.abs(x.offset - y.offset) > d);
  });
}

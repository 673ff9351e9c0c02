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
    const at = other && aligned(site.parts[part].source!.callers!, other);
    if (!at) return;
    also.push(q);
    other!.forEach((c, k) => {
      if (at[k] < MAX_COUNTED) tokens[at[k]] += countTokens(c.text, enc, allowApproximate).tokens;
    });
  });
  const out: ByCaller = also.length ? { part, tokens, also } : { part, tokens };
  // The limit and the model each caller passes, when they differ by caller: each caller's own cost can be told.
  const all = site.parts[part].source!.callers!;
  const limits = perCaller(all, site.maxOutput?.byCaller ? site.maxOutput.source?.callers : undefined, (c) => c.num);
  const models = perCaller(all, site.model?.others?.length ? site.model.source?.callers : undefined, (c) => (c.runtime || c.several ? undefined : c.text));
  if (limits) out.limits = limits;
  if (models) out.models = models;
  return out;
}

/** For each of `callers` (the counted part's), what the same call passes in `other` (a limit's or a model's callers). */
function perCaller<T>(callers: CallerText[], other: CallerText[] | undefined, value: (c: CallerText) => T | undefined): (T | undefined)[] | undefined {
  const at = other && aligned(other, callers);
  return at?.slice(0, MAX_COUNTED).map((j) => value(other![j]));
}

/** Whether two parts' callers are the same calls: for each of `b`'s, the index of `a`'s in its file nearest to it (the
 * arguments of one call sit together), each of `a`'s taken once; else undefined. Not always in the same order: a
 * caller passing a text known only at run time is listed after those passing text (file-callers.ts), so kotbot's
 * `complete(systemPrompt = systemPrompt, userPrompt = userPrompt)` is first in one list and last in the other. */
export function aligned(a: readonly CallerText[], b: readonly CallerText[]): number[] | undefined {
  if (a.length !== b.length) return undefined;
  const at: number[] = [];
  for (const x of b) {
    // The same call, where both name it; else the nearest argument in the file.
    const same = x.call === undefined ? -1 : a.findIndex((y) => y.file === x.file && y.call === x.call);
    let best = same;
    for (let j = 0; j < a.length && same < 0; j++) {
      if (a[j].file !== x.file) continue;
      const d = Math.abs(x.offset - a[j].offset);
      if (best < 0 || d < Math.abs(x.offset - a[best].offset)) best = j;
      else if (d === Math.abs(x.offset - a[best].offset)) return undefined;
    }
    if (best < 0 || at.includes(best)) return undefined;
    at.push(best);
  }
  return at;
}

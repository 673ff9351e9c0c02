// A prompt text a wrapper's callers pass, not all the same (scan/caller-merge.ts withCallers): the longest is counted,
// the worst case. Each caller's text is counted here too, with the call's tokenizer, so that the hover and the report
// say the input varies by caller and by how much ("the largest of 2 callers' texts: 17–41 tokens"), not one caller's
// count as if every caller sent it (held38 M8: ydammatsu/git-ai-tools, kimious/octopus).
import type { CallSite } from '../types';
import type { ByCaller } from './estimate-types';
import { countTokens, type Encoding } from '../tokenize/token-count';

/** Callers counted, at most (the rest are named by number only). */
const MAX_COUNTED = 16;

/** The first counted prompt part whose text several callers pass, with each caller's text's tokens; else undefined. */
export function byCaller(site: CallSite, enc: Encoding, allowApproximate: boolean): ByCaller | undefined {
  const part = site.parts.findIndex((p) => p.resolved && (p.source?.callers?.length ?? 0) > 1);
  if (part < 0) return undefined;
  const callers = site.parts[part].source!.callers!;
  return { part, tokens: callers.slice(0, MAX_COUNTED).map((c) => countTokens(c.text, enc, allowApproximate).tokens) };
}

// The body of an HTTP call that is built at run time, shown as a part labelled by its text (read-call.ts).
import type { Ctx } from './values';

/** The body of an HTTP call as a part known at run time, labelled by its text. */
export function bodyPart(c: Ctx, from: number, to: number): { start: number; end: number; label: string } {
  const { toks } = c;
  let text = c.text.slice(toks[from].start, toks[to - 1].end).replace(/\s+/g, ' ');
  if (text.length > MAX_BODY_LABEL) text = text.slice(0, MAX_BODY_LABEL - 1) + '…';
  return { start: toks[from].start, end: toks[to - 1].end, label: `${text} (built at run time)` };
}

/** Longest body text in a label. */
const MAX_BODY_LABEL = 60;

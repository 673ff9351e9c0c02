// Offsets where the lines of a text start. The scanner (run-index.ts) and analyze() both need them for the text
// being analysed: the last text's are kept, so one analysis computes them once.

let lastText: string | undefined;
let lastStarts: readonly number[] = [0];

/** Offsets of the starts of the lines of `text` (0 first). The array is shared: read it, never change it. */
export function lineStarts(text: string): readonly number[] {
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  lastText = text;
  lastStarts = starts;
  return starts;
}

// The call-shape table indexed for the scan loop (scanner.ts): by the word just before an anchor's bracket.
import { SHAPES } from './call-shapes';
import type { CallShape } from './call-shape-types';

/**
 * Shapes indexed by the identifier just before the anchor's opening bracket, longest anchor first: `chat.completions.
 * create(` is tried before the legacy `completions.create(` that it ends with.
 */
export const BY_LAST = new Map<string, CallShape[]>();
for (const s of SHAPES) {
  const last = s.anchor[s.anchor.length - 2];
  const list = BY_LAST.get(last);
  if (list) list.push(s);
  else BY_LAST.set(last, [s]);
}
for (const list of BY_LAST.values()) list.sort((a, b) => b.anchor.length - a.anchor.length);

/** BY_LAST without the rows of other languages (`langs`), in the same order: built per language on first use. */
const BY_LAST_LANG = new Map<string, Map<string, CallShape[]>>();
export function byLastFor(lang: string): Map<string, CallShape[]> {
  let m = BY_LAST_LANG.get(lang);
  if (m) return m;
  m = new Map();
  for (const [last, list] of BY_LAST) {
    const mine = list.filter((s) => !s.langs || s.langs.includes(lang));
    if (mine.length) m.set(last, mine);
  }
  BY_LAST_LANG.set(lang, m);
  return m;
}

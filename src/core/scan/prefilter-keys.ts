// The byte pre-filter's keys (prefilter.ts): which words of each call shape's set (word-filter.ts triggerSets) the
// walk over a file's bytes looks for, and what else the bytes must hold when it finds one. Moved out of prefilter.ts.
import { syntaxFor } from '../lex/languages';
import { COMMON_WORDS, triggerSets } from './word-filter';

/**
 * Per set, the words one of which a passing text must hold: a single word of the set (all are required) or its
 * `needs` (one is required), whichever has the longest shortest word; a common method name (`create`, `complete`)
 * counts as half its length less one, so that ordinary code, full of them, seldom passes.
 */
export function prefilterKeys(languageId: string): string[] {
  return chosenKeys(languageId).keys;
}

/**
 * What else the bytes must hold when a key is found, as alternatives (each a list of words all present): the rest
 * of each set the key stands for (its other words, and one of its `needs`). A key found in ordinary code (`sessions`
 * of `sessions.events.send`, Go's `Generate` of ollama's row, as in `GenerateReport`) then costs one search of the
 * set's other words instead of decoding the file and running the word filter on it. No entry: the key alone passes.
 */
export function prefilterConditions(languageId: string): ReadonlyMap<string, string[][]> {
  return chosenKeys(languageId).also;
}

/**
 * Keys the walk takes only as whole words (no ASCII letter, digit or `_` on either side), as mayHaveCalls takes every
 * word: all but a key that passes alone and stands for longer words holding it (`chat` for `chatCompletion`). Code
 * holds keys inside its own names (`applyValue` holds Java's `Value`, a key since the Spring `@Value` URL row): the
 * walk no longer stops there, nor judges the key's conditions there (up to three more searches through the file).
 */
export function prefilterWholeKeys(languageId: string): ReadonlySet<string> {
  return chosenKeys(languageId).whole;
}

interface Chosen {
  keys: string[];
  also: Map<string, string[][]>;
  whole: Set<string>;
}
const CHOSEN = new Map<string, Chosen>();

function chosenKeys(languageId: string): Chosen {
  const id = syntaxFor(languageId).id;
  const done = CHOSEN.get(id);
  if (done) return done;
  const chosen: { words: string[]; rest: string[][] }[] = [];
  let unfiltered = false;
  for (const set of triggerSets(languageId)) {
    const score = (ws: string[]) => Math.min(...ws.map((w) => (COMMON_WORDS.has(w) ? w.length / 2 - 1 : w.length)));
    let best: string[] = [];
    let bestScore = -1;
    for (const w of set.words) {
      if (score([w]) > bestScore) [best, bestScore] = [[w], score([w])];
    }
    const byNeeds = !!set.needs?.length && score(set.needs) > bestScore;
    if (byNeeds) best = set.needs!;
    // A set of no words at all would pass any text: no filter for the language.
    if (!best.length) unfiltered = true;
    const others = set.words.filter((w) => byNeeds || w !== best[0]);
    const rest = byNeeds || !set.needs?.length ? [others] : set.needs.map((n) => [...others, n]);
    chosen.push({ words: best, rest });
  }
  const own = new Map<string, string[][]>();
  if (!unfiltered) for (const c of chosen) for (const w of c.words) own.set(w, [...(own.get(w) ?? []), ...c.rest]);
  const alone = (w: string) => own.get(w)!.some((alt) => !alt.length);
  // A key holding another key that passes alone is found through that one.
  const keys = [...own.keys()].filter((k) => ![...own.keys()].some((o) => o !== k && k.includes(o) && alone(o)));
  const also = new Map<string, string[][]>();
  for (const k of keys) if (!alone(k)) also.set(k, own.get(k)!);
  // A set's word is whole in a passing text; a key that passes alone and stands for longer words (dropped above) need
  // not be. A key with conditions stands for none (Go's `Generate`, ollama's row, inside `GenerateContent`).
  const dropped = [...own.keys()].filter((w) => !keys.includes(w));
  const whole = new Set(keys.filter((k) => also.has(k) || !dropped.some((w) => w.includes(k))));
  const r = { keys, also, whole };
  CHOSEN.set(id, r);
  return r;
}

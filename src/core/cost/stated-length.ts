// The length a prompt asks for, read from its static text: "a minimum of 1,200 words", "Article length: 1000 - 1200
// words", "(400 words max)", "in under 300 tokens". An output limit below it cuts every reply short (held45 C23,
// snsa-kscc/mistral-research-assistant: a report prompt asking for "a minimum of 1,200 words" was told "Set max_tokens
// to 600"). Words become tokens at OpenAI's rule of thumb for English text, "1 token ~= ¾ words", "100 tokens ~= 75
// words" (OpenAI Help Center, "What are tokens and how to count them?",
// https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them); other languages take more.
import type { PromptPart } from '../types';

export interface StatedLength {
  /** Tokens the longest stated length takes. */
  tokens: number;
  /** The prompt asks for at least that much ("a minimum of", "at least", "more than"): no cap can be sized from it. */
  atLeast: boolean;
  /** The words as written ("1,200 words"). */
  text: string;
}

/** Words a token holds in English (the help article's ¾). */
export const WORDS_PER_TOKEN = 0.75;
/** Static prompt text read for a length, at most. */
const MAX_TEXT = 200_000;
/** A number, or a range of two, before "words" / "tokens"; bounded repeats, so no backtracking trap on any text.
 * `\u2013` is the en dash, escaped to keep the bundles ASCII (restated-text.ts RESTATE). */
const LENGTH = /(\d{1,3}(?:,\d{3}){1,2}|\d{1,6})(?:[ \t]{0,3}(?:-|\u2013|to)[ \t]{0,3}(\d{1,3}(?:,\d{3}){1,2}|\d{1,6}))?[ \t]{1,3}(words?|tokens?)\b/gi;
/** Words before the number that leave the length open upwards; "no more than" / "not over" close it (held47 H13,
 * palladius/rails8-turbo-chat: "should be no more than 40 words" was read as 40 words or more). */
const OPEN = /(?:at least|minimum of|minimum|min\.|(?<!\b(?:no|not)[ \t]{1,3})(?:more than|over)|no less than|not less than)[ \t]{1,3}$/i;

/** The longest length the resolved prompt text states, or undefined when it states none. */
export function statedLength(parts: readonly PromptPart[]): StatedLength | undefined {
  let best: StatedLength | undefined;
  let open = false;
  let seen = 0;
  for (const p of parts) {
    if (!p.resolved || !p.text) continue;
    const text = p.text.slice(0, MAX_TEXT - seen);
    seen += text.length;
    for (const m of text.matchAll(LENGTH)) {
      const n = Math.max(num(m[1]), m[2] ? num(m[2]) : 0);
      if (!(n > 0)) continue;
      const tokens = /^w/i.test(m[3]) ? Math.ceil(n / WORDS_PER_TOKEN) : n;
      const atLeast = OPEN.test(text.slice(Math.max(0, m.index - 24), m.index));
      open ||= atLeast;
      if (!best || tokens > best.tokens) best = { tokens, atLeast, text: m[0] };
    }
    if (seen >= MAX_TEXT) break;
  }
  return best && { ...best, atLeast: best.atLeast || open };
}

const num = (s: string) => Number(s.replace(/,/g, ''));

import type { AnalysisResult } from '../analyze';

/**
 * Fields of a call that echo code as written (`modelUnresolved: "search.getRewriteModel()"`, a part's label, a loop's
 * header): renaming a word in them changes the result though the call reads nothing new, so the keystroke path must
 * treat their words as significant. The note after the code (`x (built at run time)`) is the tool's own words.
 */
const ECHO_KEYS = new Set(['modelUnresolved', 'maxOutputUnresolved', 'label', 'uncountedInput', 'loop', 'exit', 'turnsFrom']);
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const NOTE = / \([a-z][^]*$/;

export function echoedWords(result: AnalysisResult, into: Set<string>): void {
  const walk = (v: unknown, echoed: boolean): void => {
    if (typeof v === 'string') {
      if (echoed) for (const m of v.replace(NOTE, '').matchAll(WORD)) into.add(m[0]);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, echoed);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, ECHO_KEYS.has(k));
    }
  };
  walk(result.calls, false);
}

// A prompt that asks for its run-time text back, transformed: translated, anonymised, rewritten, proofread. The reply
// is about as long as that text, whose length is not known here, so an output limit sized for an answer (600) cuts it
// short (held62, LPC-RoR/legal app/services/pdf_anonimizador.rb: "Anonimiza únicamente los datos sensibles y devuelve
// el texto en Markdown … Texto a anonimizar: #{texto}" with a whole PDF's text was told "Set max_tokens to 600"; the
// app's other anonymisers set 4000 and 8000). Only the static text is read, in English and the Romance and German
// verbs seen in apps; a summary, an answer or a classification keeps its sized advice.
import type { PromptPart } from '../types';

/** Static prompt text read at most (bounded, as stated-length.ts reads). */
const MAX_TEXT = 200_000;
/** The verbs of a task whose reply restates its input; `correct` only before what it corrects ("the correct answer" is
 * no task). No nested repeats: linear on any text. `\u00fc` is ü: an ASCII escape keeps the shipped bundles all ASCII
 * (a single non-ASCII character makes V8 hold the whole bundle's source as two-byte text: test/bundle-ascii.test.ts).
 * `\b` is an ASCII word boundary, never true before ü after a space: that verb's start is a lookbehind instead. */
const RESTATE = /(?<![A-Za-z0-9_\u00c0-\u024f])\u00fcbersetz|\b(?:translate|translation|traduc[ei]|traduire|anonymi[sz]e|anonimiz|anonimic|pseudonymi[sz]e|rewrite|re-write|rephrase|paraphrase|reescrib|proofread|reword|correct (?:the|this|any|all) (?:text|grammar|spelling|typos|errors)|corrige (?:el|la|los|le|les) )/i;

/** The prompt asks for its run-time text back, transformed: some part is known only at run time and the static text
 * names a restating task. */
export function restatesRuntimeText(parts: readonly PromptPart[]): boolean {
  if (!parts.some((p) => !p.resolved)) return false;
  let seen = 0;
  for (const p of parts) {
    if (!p.resolved || !p.text || seen >= MAX_TEXT) continue;
    const text = p.text.slice(0, MAX_TEXT - seen);
    seen += text.length;
    if (RESTATE.test(text)) return true;
  }
  return false;
}

// A prompt that asks for its run-time text back, translated or anonymised (cost/restated-text.ts): the reply is as long
// as that text, so the output-limit advice names the parameter and proposes no number (held62: LPC-RoR/legal
// pdf_anonimizador.rb, a whole PDF's text to anonymise, was told "Set max_tokens to 600").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { restatesRuntimeText } from '../src/core/cost/restated-text';
import type { PromptPart } from '../src/core/types';

const part = (text: string, resolved = true): PromptPart => ({ text, span: { start: 0, end: 0 }, resolved });

test('restatesRuntimeText: a restating task over run-time text', () => {
  assert.equal(restatesRuntimeText([part('Translate into French: '), part('text', false)]), true);
  assert.equal(restatesRuntimeText([part('Anonimiza los datos sensibles y devuelve el texto:\n'), part('texto', false)]), true);
  assert.equal(restatesRuntimeText([part('Please correct the grammar of this paragraph: '), part('p', false)]), true);
  // German: ü starts no ASCII word, so `\b` never matched before it (dead until session 59).
  assert.equal(restatesRuntimeText([part('Übersetze den folgenden Text ins Englische: '), part('t', false)]), true);
  assert.equal(restatesRuntimeText([part('Bitte übersetzen: '), part('t', false)]), true);
  assert.equal(restatesRuntimeText([part('Die Grundübersetzung lautet: '), part('t', false)]), false);
  // All static text: the reply's length does not hang on run-time text.
  assert.equal(restatesRuntimeText([part('Translate "good morning" into French.')]), false);
  // A summary or an answer is no restatement; "the correct answer" is no task.
  assert.equal(restatesRuntimeText([part('Summarise this article: '), part('a', false)]), false);
  assert.equal(restatesRuntimeText([part('Pick the correct answer for: '), part('q', false)]), false);
});

const RB = (prompt: string) => `class Scrubber
  def call(texto)
    prompt = <<~TXT
      ${prompt}
      #{texto}
    TXT
    OpenAI::Client.new.chat(parameters: { model: "gpt-4o", messages: [{ role: "user", content: prompt }], temperature: 0 })
  end
end
`;

function limitAdvice(prompt: string) {
  const table = buildTable(loadShipped().sheets);
  return analyze(RB(prompt), 'ruby', 'scrubber.rb', table).calls[0].suggestions.filter((s) => s.kind === 'limit-output');
}

test('the limit advice proposes no number when the reply restates run-time text', () => {
  const scrub = limitAdvice('Anonimiza únicamente los datos sensibles y devuelve el texto en Markdown. Texto a anonimizar:')[0];
  assert.equal(scrub.limit, undefined);
  assert.equal(scrub.saveUsd, 0);
  assert.match(scrub.text, /^Set max_tokens to cap the worst case — the prompt asks for its run-time text back \(translated, rewritten or anonymised\)/);
  // A summary of the same text keeps its sized advice.
  assert.match(limitAdvice('Resume los hechos del documento en cinco puntos:')[0].text, /^Set max_tokens to 600 — caps the worst case/);
});

// Realtime (speech-to-speech) models are priced by their text tokens, their audio prices named: pricing/openai.yaml keeps
// the genai-prices realtime rows as `kind: realtime` with audio_input / audio_output (price/genai-import.ts), and a
// session's response on one says the audio is billed on top at run time, with no route, batch or limit advice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { convertGenaiProvider } from '../src/core/price/genai-import';
import { buildTable, lookupModel, parseSheet } from '../src/core/price/sheets';
import { lensTitle, hoverMarkdown } from '../src/core/report/format';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = { now: '2026-12-07T07:00:00Z' };

test('genai-prices realtime models are kept as kind realtime with their audio prices; transcription ones stay out', () => {
  const conv = convertGenaiProvider({
    id: 'openai',
    models: [
      { id: 'gpt-realtime', match: { equals: 'gpt-realtime' }, prices: { input_mtok: 4, cache_read_mtok: 0.4, output_mtok: 16, input_audio_mtok: 32, output_audio_mtok: 64 } },
      { id: 'gpt-realtime-whisper', match: { equals: 'gpt-realtime-whisper' }, prices: { input_audio_mtok: 3, input_mtok: 1, output_mtok: 1 } },
      { id: 'gpt-4o-audio-preview', match: { equals: 'gpt-4o-audio-preview' }, prices: { input_mtok: 2.5, output_mtok: 10, input_audio_mtok: 40 } },
    ],
  }, '2026-12-07')!;
  assert.deepEqual(conv.models.map((m) => m.model.id), ['gpt-realtime']);
  const m = conv.models[0].model;
  assert.equal(m.kind, 'realtime');
  assert.deepEqual([m.input, m.output, m.cachedInput, m.audioInput, m.audioOutput], [4, 16, 0.4, 32, 64]);
});

test('a sheet may give kind realtime and audio prices; another kind is refused', () => {
  const ok = parseSheet('provider: openai\nas_of: "2026-12-07"\nsource: x\nmodels:\n  gpt-realtime:\n    input: 4\n    output: 16\n    kind: realtime\n    audio_input: 32\n    audio_output: 64\n', 's.yaml');
  assert.deepEqual(ok.problems, []);
  const m = ok.sheet!.models[0];
  assert.deepEqual([m.kind, m.audioInput, m.audioOutput], ['realtime', 32, 64]);
  const bad = parseSheet('provider: openai\nas_of: "2026-12-07"\nsource: x\nmodels:\n  v:\n    input: 4\n    output: 16\n    kind: voice\n    audio_input: -1\n', 's.yaml');
  assert.equal(bad.sheet, undefined);
  assert.equal(bad.problems.length, 2);
});

test('the shipped sheet prices the realtime ids and their dated names, with no batch discount and no tier', () => {
  for (const [name, id, out] of [
    ['gpt-realtime', 'gpt-realtime', 16],
    ['gpt-realtime-2025-08-28', 'gpt-realtime', 16],
    ['gpt-realtime-2.1', 'gpt-realtime-2', 24],
    ['gpt-realtime-mini-2025-10-06', 'gpt-realtime-mini', 2.4],
    ['gpt-4o-realtime-preview-2024-12-17', 'gpt-4o-realtime-preview', 20],
    ['gpt-4o-mini-realtime-preview', 'gpt-4o-mini-realtime-preview', 2.4],
  ] as const) {
    const m = lookupModel(table(), name);
    assert.equal(m?.id, id, name);
    assert.equal(m!.kind, 'realtime');
    assert.equal(m!.output, out);
    assert.equal(m!.batchDiscount, undefined);
    assert.equal(m!.tier, undefined);
    assert.ok(m!.audioInput && m!.audioOutput);
  }
});

const SESSION = `from openai import AsyncOpenAI
client = AsyncOpenAI()
async def main():
    async with client.realtime.connect(model="gpt-realtime") as connection:
        await connection.session.update(session={"output_modalities": ["text"], "model": "gpt-realtime", "type": "realtime"})
        await connection.response.create()
`;

test('a realtime response is priced per response, its audio named, with no route, batch or limit advice', () => {
  const c = analyze(SESSION, 'python', 'rt.py', table(), NOW).calls[0];
  assert.equal(c.site.model?.id, 'gpt-realtime');
  assert.equal(c.estimate.modelKnown, true);
  assert.equal(c.estimate.maxOutputSource, 'runtime');
  assert.equal(c.estimate.maxOutputTokens, 4096);
  assert.deepEqual(c.suggestions, []);
  const w = c.warnings?.find((x) => x.kind === 'audio-unpriced');
  assert.match(w!.text, /^audio tokens not priced \(run time\): \$32\/M in, \$64\/M out/);
  assert.match(lensTitle(c), /per response \+ audio \(run time\) · gpt-realtime ·/);
  assert.match(hoverMarkdown(c, table()), /\*\*per response \(text tokens; audio at run time\), worst case\*\*/);
});

test('a shut-down realtime preview says so and names its replacement; a text call is never routed to a realtime model', () => {
  const c = analyze(SESSION.replace(/gpt-realtime/g, 'gpt-4o-realtime-preview'), 'python', 'rt.py', table(), NOW).calls[0];
  const dep = c.warnings?.find((x) => x.kind === 'deprecated');
  assert.equal(dep?.retired, '2026-05-07');
  assert.equal(dep?.replacement, 'gpt-realtime');
  assert.deepEqual(c.suggestions, []);
  const chat = analyze('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n', 'python', 'c.py', table(), NOW).calls[0];
  assert.ok(chat.suggestions.every((s) => !/realtime/.test(s.model ?? '')));
});

// Google_GenerativeAI, the community C# client (gunpal5/Google_GenerativeAI): a hand-written tool loop around
// `_model.GenerateContentAsync(request, ct)` is a run of the loop's bound whose conversation grows as the loop adds the
// model's function calls and their results to `request.Contents` (held54 G1, MenuNest GeminiChatService.cs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const file = path.join(FIXTURES, 'csharp', 'google_generativeai', 'Ai', 'GardenChatService.cs');
const text = fs.readFileSync(file, 'utf8');

test('a tool loop around GenerateContentAsync(request) is a run of its bound that grows the request', () => {
  const call = analyze(text, 'csharp', file, table).calls.find((c) => c.line === 34)!;
  assert.equal(call.site.sdk, 'Google Gemini');
  assert.equal(call.run?.turns, 6);
  assert.equal(call.run?.growsHistory, true);
});

test('the loop grows nothing when the request it sends is not added to', () => {
  const still = text.replace(/request\.Contents!?\.Add\(/g, 'Log(');
  const call = analyze(still, 'csharp', file, table).calls.find((c) => c.line === 34)!;
  assert.equal(call.run?.turns, 6);
  assert.equal(call.run?.growsHistory, false);
});

test('a call outside the loop is one request', () => {
  const call = analyze(text, 'csharp', file, table).calls.find((c) => c.line === 50)!;
  assert.equal(call.run, undefined);
});

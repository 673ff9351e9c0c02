// Gemini's resource name `models/gemini-2.5-flash` (analyze.ts, price/model-ids.ts resourceNameId): the row and the
// route advice name the model by the sheet's id, while the quick fix keeps the form the code writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';
import { resourceNameId } from '../src/core/price/model-ids';

const PY = `from google import genai

client = genai.Client()
MODEL = "models/gemini-2.5-flash"


def plan(city):
    return client.models.generate_content(model=MODEL, contents=f"Plan a day in {city}.")


def bare(city):
    return client.models.generate_content(model="gemini-2.5-flash", contents=f"Plan a day in {city}.")
`;

type Row = { line: number; model: string; inputUsd: number; totalUsdMax: number; suggestions: { kind: string; text: string; model?: string }[] };

test('resourceNameId: the id after models/ only when that id is what priced it', () => {
  assert.equal(resourceNameId('models/gemini-2.5-flash', 'gemini-2.5-flash'), 'gemini-2.5-flash');
  assert.equal(resourceNameId('models/Gemini-2.5-Flash', 'gemini-2.5-flash'), 'Gemini-2.5-Flash');
  assert.equal(resourceNameId('models/gemini-flash-latest', 'gemini-2.5-flash'), undefined, 'an alias keeps the name written');
  assert.equal(resourceNameId('openai/gpt-4o', 'gpt-4o'), undefined, 'a gateway prefix names the route and stays');
  assert.equal(resourceNameId('gemini-2.5-flash', 'gemini-2.5-flash'), undefined);
});

test('a models/ model id is shown and advised by its bare id, priced as the bare id, and the switch keeps the prefix', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-models-prefix-'));
  fs.writeFileSync(path.join(dir, 'plan.py'), PY);
  let out = '';
  try {
    assert.equal(run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows = new Map((JSON.parse(out) as { calls: Row[] }).calls.map((r) => [r.line, r]));
  const [pre, bare] = [rows.get(8)!, rows.get(12)!];
  assert.equal(pre.model, 'gemini-2.5-flash');
  assert.equal(pre.totalUsdMax, bare.totalUsdMax);
  const route = pre.suggestions.find((s) => s.kind === 'route');
  assert.ok(route, 'a cheaper Gemini model is advised');
  assert.doesNotMatch(route.text, /models\//);
  assert.equal(route.text, bare.suggestions.find((s) => s.kind === 'route')?.text);
  assert.equal(route.model, `models/${bare.suggestions.find((s) => s.kind === 'route')?.model}`, 'the quick fix writes the form the code uses');
});

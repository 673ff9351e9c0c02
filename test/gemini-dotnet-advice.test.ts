// Gemini.NET takes the output limit as WithDefaultGenerationConfig's maxOutputTokens argument on the request builder
// (phanxuanquang/Gemini.NET c7c2798 ApiRequestBuilder.cs); the limit advice names that call, not a bare field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { run } from '../src/cli/main';
import { FIXTURES } from './util';

type Row = { file: string; line: number; maxOutputSource: string; suggestions: { kind: string; text: string }[] };

test('a Gemini.NET request without a limit is told to add WithDefaultGenerationConfig(maxOutputTokens: n)', () => {
  let out = '';
  assert.equal(run(['scan', path.join(FIXTURES, 'csharp', 'gemini_dotnet'), '--format', 'json', '--at', '2026-11-20T10:00:00Z'], (s) => (out += s), () => {}), 0);
  const rows = (JSON.parse(out) as { calls: Row[] }).calls;
  const open = rows.filter((r) => r.suggestions.some((s) => s.kind.startsWith('limit')));
  assert.ok(open.length >= 1, 'a call without a limit gets limit advice');
  for (const r of open) {
    const text = r.suggestions.find((s) => s.kind.startsWith('limit'))!.text;
    // gemini-2.5-flash thinks: its limit advice names no number (a reasoning model's hidden tokens count against it).
    // The scan is dated before 2026-12-01, when gemini-2.5-flash retired (a retired model gets no advice).
    assert.match(text, /^Add \.WithDefaultGenerationConfig\(maxOutputTokens: (\d+|n)\) on the request builder/, `${r.file}:${r.line}`);
  }
});

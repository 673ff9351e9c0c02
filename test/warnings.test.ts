// Warnings on a call (src/core/cost/warnings.ts): a deprecated model with its date and successor, a prompt over the
// context window with a model that fits, in the JSON report and the terminal table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, parseSheet } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { buildReport, toTable } from '../src/core/report/report';
import type { PriceTable } from '../src/core/types';

const SHEET = `provider: anthropic
as_of: "2026-11-30"
source: https://example.test
models:
  claude-sonnet-4-0:
    { input: 3, output: 15, context: 200000, tier: frontier, tokenizer: claude,
      deprecated: { retires: "2026-06-15", successor: claude-sonnet-4-6, source: "Anthropic release notes" } }
  claude-opus-4-5:
    { input: 5, output: 25, context: 200000, tier: frontier, tokenizer: claude,
      deprecated: { retires: "2027-01-22", successor: claude-opus-5-5, source: "Anthropic deprecations page" } }
  claude-sonnet-4-6:
    { input: 3, output: 15, context: 200000, tier: frontier, tokenizer: claude,
      context_opt_in: { context: 1000000, how: "beta header context-1m-2025-08-07" } }
  claude-sonnet-5:
    { input: 2, output: 10, context: 1000000, tier: frontier, tokenizer: claude }
`;

function table(): PriceTable {
  const { sheet, problems } = parseSheet(SHEET, 'w.yaml');
  assert.deepEqual(problems, []);
  return buildTable([sheet!]);
}
const py = (model: string, limit = 1024, prompt = 'hi') =>
  `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="${model}", max_tokens=${limit}, messages=[{"role": "user", "content": ${prompt}}])\n`;
const NOW = { now: '2026-11-30T12:00:00Z' };

test('a deprecated model: a warning with the retirement date and successor, each from the data', () => {
  const c = analyze(py('claude-opus-4-5'), 'python', 'a.py', table(), NOW).calls[0];
  assert.deepEqual(c.warnings, [{
    kind: 'deprecated',
    severity: 'warning',
    text: 'claude-opus-4-5: deprecated by anthropic, retires on 2027-01-22; claude-opus-5-5 replaces it (source: Anthropic deprecations page)',
  }]);
  const retired = analyze(py('claude-sonnet-4-0'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(retired.warnings![0].severity, 'error');
  assert.match(retired.warnings![0].text, /retired on 2026-06-15: requests to it fail; claude-sonnet-4-6 replaces it/);
});

test('a prompt plus output limit over the context window is an error naming the window, the opt-in and a model that fits', () => {
  // One token per "x " pair in o200k; 210,000 of them is over 200,000 whatever the factor.
  const big = `"${'x '.repeat(210_000)}"`;
  const c = analyze(py('claude-sonnet-4-6', 4096, big), 'python', 'a.py', table(), NOW).calls[0];
  const w = c.warnings!.find((x) => x.kind === 'context-window')!;
  assert.equal(w.severity, 'error');
  assert.match(w.text, /is over claude-sonnet-4-6's context window of 200,000: the provider refuses the request/);
  assert.match(w.text, /a 1,000,000-token window needs an opt-in: beta header context-1m-2025-08-07/);
  assert.match(w.text, /claude-sonnet-5 fits \(1,000,000\)$/);
  const small = analyze(py('claude-sonnet-4-6'), 'python', 'a.py', table(), NOW).calls[0];
  assert.deepEqual(small.warnings, []);
});

test('shipped sheets: a 191,007-token prompt to gpt-4o is an error with a model that fits', () => {
  const t = buildTable(loadShipped().sheets);
  const src = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", max_tokens=1000, messages=[{"role": "user", "content": "${'x '.repeat(191_000)}"}])\n`;
  const c = analyze(src, 'python', 'a.py', t, NOW).calls[0];
  const w = c.warnings!.find((x) => x.kind === 'context-window');
  assert.ok(w, JSON.stringify(c.warnings));
  assert.match(w!.text, /over gpt-4o's context window of 128,000/);
  assert.match(w!.text, /; \S+ fits \([\d,]+\)$/);
});

test('warnings go to the JSON report and under the call in the table; suggestions carry why', () => {
  const t = table();
  const result = analyze(py('claude-opus-4-5'), 'python', 'a.py', t, NOW);
  const report = buildReport([{ file: 'a.py', result }], t);
  assert.equal(report.calls[0].warnings[0].kind, 'deprecated');
  assert.match(toTable(report), /\n {2}⚠ claude-opus-4-5: deprecated by anthropic, retires on 2027-01-22/);
});

test('a deprecated model is never a routing target (shipped sheets)', () => {
  const t = buildTable(loadShipped().sheets);
  const deprecated = new Set(t.models.filter((m) => m.deprecated).map((m) => m.id));
  assert.ok(deprecated.size >= 20, `${deprecated.size} deprecated models in the sheets`);
  for (const m of t.models) {
    if (!m.tier || m.tier === 'fast') continue;
    const src = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="${m.id}", max_tokens=1000, messages=[{"role": "user", "content": "hi"}])\n`;
    const c = analyze(src, 'python', 'a.py', t, { ...NOW }).calls[0];
    for (const s of c?.suggestions ?? []) if (s.model) assert.ok(!deprecated.has(s.model), `${m.id} → ${s.model}`);
  }
});

// Several answers per request (scan/choices.ts): `n`, `best_of` and Gemini's `candidateCount` multiply the output a
// call bills; the input is billed once. One answer (none set, or 1) prices as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, parseSheet } from '../src/core/price/sheets';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { buildReport } from '../src/core/report/report';
import { toMarkdown, toTable } from '../src/core/report/report-text';
import type { PriceTable } from '../src/core/types';

const SHEET = `provider: openai
as_of: "2026-11-30"
source: https://example.test
models:
  gpt-4o-mini:
    input: 0.15
    output: 0.6
    context: 128000
    max_output: 16384
    tier: fast
`;

function table(): PriceTable {
  const { sheet, problems } = parseSheet(SHEET, 'choices.yaml');
  assert.deepEqual(problems, []);
  return buildTable([sheet!]);
}

const py = (extra: string) =>
  `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="gpt-4o-mini",\n    messages=[{"role": "user", "content": "Name a colour."}],\n${extra}\n)\n`;

test('n multiplies the output worst case and the expected output, not the input', () => {
  const t = table();
  const one = analyze(py('    max_tokens=1000,'), 'python', 'a.py', t).calls[0];
  const five = analyze(py('    max_tokens=1000,\n    n=5,'), 'python', 'a.py', t).calls[0];
  assert.equal(five.estimate.choices, 5);
  assert.equal(five.estimate.inputUsd, one.estimate.inputUsd);
  assert.ok(Math.abs(five.estimate.outputUsdMax - 5 * one.estimate.outputUsdMax) < 1e-12);
  assert.ok(Math.abs(five.estimate.outputUsdMax - (1000 * 5 * 0.6) / 1e6) < 1e-12);
  assert.ok(Math.abs(five.estimate.outputUsdExpected - 5 * one.estimate.outputUsdExpected) < 1e-12);
  assert.ok(Math.abs(five.estimate.totalUsdMax - (five.estimate.inputUsd + five.estimate.outputUsdMax)) < 1e-12);
  assert.equal(five.estimate.maxOutputTokens, 1000, 'the limit is per answer');
  assert.match(lensTitle(five), /out \(5 choices\) per call/);
  assert.match(hoverMarkdown(five, t), /\| 1,000 × 5 answers \|/);
  const report = buildReport([{ file: 'a.py', result: analyze(py('    max_tokens=1000,\n    n=5,'), 'python', 'a.py', t) }], t);
  assert.equal(report.calls[0].choices, 5);
  // The terminal table and the Markdown report say it as the lens does (they showed the output's dollars alone).
  assert.match(toTable(report), /\$0\.0030 \(5 choices\)/);
  assert.match(toMarkdown(report), /\| \$0\.0030 \(5 choices\) \|/);
});

test('n=1 or no n: no choices, the same figures and text', () => {
  const t = table();
  const none = analyze(py('    max_tokens=1000,'), 'python', 'a.py', t).calls[0];
  const one = analyze(py('    max_tokens=1000,\n    n=1,'), 'python', 'a.py', t).calls[0];
  assert.equal(none.estimate.choices, undefined);
  assert.equal(one.site.choices, undefined);
  assert.deepEqual(one.estimate, none.estimate);
  assert.equal(lensTitle(one), lensTitle(none));
  const report = buildReport([{ file: 'a.py', result: analyze(py('    max_tokens=1000,'), 'python', 'a.py', t) }], t);
  assert.equal('choices' in report.calls[0], false);
  assert.doesNotMatch(toTable(report) + toMarkdown(report), /choices/);
});

test('n known only at run time: priced for one answer, said so, the expression in unresolved', () => {
  const t = table();
  const text = `from openai import OpenAI\nclient = OpenAI()\ndef ask(k):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Name a colour."}], max_tokens=1000, n=k)\n`;
  const res = analyze(text, 'python', 'a.py', t);
  const c = res.calls[0];
  assert.equal(c.estimate.choices, undefined);
  assert.ok(Math.abs(c.estimate.outputUsdMax - (1000 * 0.6) / 1e6) < 1e-12);
  assert.match(lensTitle(c), /out \(× n, run time\)/);
  assert.ok(c.estimate.notes.some((n) => /n set at run time \(k\)/.test(n)));
  assert.deepEqual(buildReport([{ file: 'a.py', result: res }], t).calls[0].unresolved, ['n=k']);
});

test('the output-limit advice saves the limit cut on every answer', () => {
  const t = table();
  const one = analyze(py(''), 'python', 'a.py', t).calls[0];
  const three = analyze(py('    n=3,'), 'python', 'a.py', t).calls[0];
  const a = one.suggestions.find((s) => s.kind === 'limit-output')!;
  const b = three.suggestions.find((s) => s.kind === 'limit-output')!;
  assert.equal(a.limit, b.limit);
  assert.ok(Math.abs(b.saveUsd - 3 * a.saveUsd) < 1e-12);
  assert.ok(Math.abs(b.saveUsd - ((16384 - a.limit!) * 3 * 0.6) / 1e6) < 1e-12);
});

test('best_of bills the larger of best_of and n; candidateCount only for Gemini, n not for Anthropic', () => {
  const t = table();
  const legacy = `from openai import OpenAI\nclient = OpenAI()\nr = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi", max_tokens=10, n=2, best_of=4)\n`;
  assert.equal(analyze(legacy, 'python', 'a.py', t).calls[0].site.choices?.n, 4);
  const claude = `import anthropic\nclient = anthropic.Anthropic()\nr = client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[{"role": "user", "content": "hi"}], metadata={"n": 3})\n`;
  assert.equal(analyze(claude, 'python', 'a.py', t).calls[0].site.choices, undefined);
});

test('a loop bills every answer each turn; the history grows by the one kept', () => {
  const t = table();
  const loop = (n: string) =>
    `from openai import OpenAI\nclient = OpenAI()\nmessages = [{"role": "user", "content": "Name a colour."}]\nfor i in range(3):\n    r = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=100${n})\n    messages.append({"role": "assistant", "content": r.choices[0].message.content})\n`;
  const one = analyze(loop(''), 'python', 'a.py', t).calls[0].run!;
  const two = analyze(loop(', n=2'), 'python', 'a.py', t).calls[0].run!;
  assert.equal(two.turns, 3);
  assert.deepEqual(two.perTurn.map((p) => p.inputTokens), one.perTurn.map((p) => p.inputTokens));
  for (let k = 0; k < 3; k++) assert.ok(Math.abs(two.perTurn[k].usdMax - one.perTurn[k].usdMax - (100 * 0.6) / 1e6) < 1e-12);
});

test("Groq's API refuses n > 1 (its OpenAI compatibility page): a Groq call's n is not read as a count", () => {
  const src = 'from groq import Groq\nclient = Groq()\nr = client.chat.completions.create(model="llama-3.3-70b-versatile", max_tokens=100, n=3, messages=[{"role": "user", "content": "Hi"}])\n';
  const c = analyze(src, 'python', 'g.py', table()).calls[0];
  assert.equal(c.site.provider?.toLowerCase(), 'groq');
  assert.equal(c.site.choices, undefined);
  // The same request through OpenAI's SDK is three answers.
  const o = analyze(src.replace('from groq import Groq', 'from openai import OpenAI').replace('Groq()', 'OpenAI()'), 'python', 'o.py', table()).calls[0];
  assert.equal(o.site.choices?.n, 3);
});

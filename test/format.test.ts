// src/core/report/format.ts: the hover's input-token label in each case it can show (exact, a family's measured
// error, an estimate; each with and without prompt parts known only at run time), and upper bounds of tiny amounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { formatUsdAtMost, hoverMarkdown, inputTokensText, lensTitle } from '../src/core/report/format';
import { runLensTitle } from '../src/core/report/run-format';
import { buildTable, lookupModel, parseSheet } from '../src/core/price/sheets';
import { chatFormatFor } from '../src/core/tokenize/chat-format';
import { loadShipped } from '../src/node/sheets';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const call = (src: string) => {
  const calls = analyze(src, 'python', 'f.py', table).calls;
  assert.equal(calls.length, 1, src);
  return calls[0];
};
const inputRow = (src: string) => /\| input \| ([^|]*) \|/.exec(hoverMarkdown(call(src), table))![1];

const Q = 'My invoice shows two charges for March.';
const TOOLS = 'tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}]';
const openai = (content: string, extra = '') => `client.chat.completions.create(model="gpt-4o", max_tokens=5, ${extra}messages=[{"role": "user", "content": ${content}}])`;
const claude = (content: string) => `client.messages.create(model="claude-sonnet-4-5", max_tokens=50, messages=[{"role": "user", "content": ${content}}])`;
const claudeError = () => {
  const m = chatFormatFor(lookupModel(table, 'claude-sonnet-4-5')!).measured!;
  return { pct: m.meanAbsPct < 10 ? m.meanAbsPct.toFixed(1) : String(Math.round(m.meanAbsPct)), n: m.calls };
};

test('hover, all text known: exact, the measured error, or estimate', () => {
  assert.match(inputRow(openai(`"${Q}"`)), /^\d+ \(exact\)$/);
  const { pct, n } = claudeError();
  assert.equal(inputRow(claude(`"${Q}"`)), `≈${call(claude(`"${Q}"`)).estimate.inputTokens} (≈ ±${pct}% on real Claude requests, n=${n})`);
  assert.match(inputRow(openai(`"${Q}"`, `${TOOLS}, `)), /^≈\d+ \(estimate\)$/);
});

test('hover, run-time parts: the known text exactly counted is a lower bound, "≥", never "≈… (exact)"', () => {
  const src = `def ask(question):\n    return ${openai('question')}\n`;
  const c = call(src);
  assert.equal(c.estimate.tokenCount, 'exact', 'the known text is counted exactly');
  const row = inputRow(src);
  assert.equal(row, `≥ ${c.estimate.inputTokens} (the known text counted exactly; 1 run-time part not counted)`);
  assert.doesNotMatch(hoverMarkdown(c, table), /≈\d+ \(exact\)/);
  assert.match(hoverMarkdown(c, table), /Not counted \(known at run time\): `question`/);
});

test('hover, run-time parts: the count is of each distinct part, plural', () => {
  const src = `def ask(a, b):\n    return client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "system", "content": a}, {"role": "user", "content": b}])\n`;
  assert.match(inputRow(src), /^≥ \d+ \(the known text counted exactly; 2 run-time parts not counted\)$/);
});

test('hover, run-time parts with a measured or estimated count: "≈N or more", saying how the known text was counted', () => {
  const { pct, n } = claudeError();
  const measured = `def ask(question):\n    return ${claude('question')}\n`;
  assert.equal(inputRow(measured), `≈${call(measured).estimate.inputTokens} or more (the known text counted to ≈ ±${pct}% on real Claude requests, n=${n}; 1 run-time part not counted)`);
  const estimated = `def ask(question):\n    return ${openai('question', `${TOOLS}, `)}\n`;
  assert.equal(call(estimated).estimate.tokenCount, 'estimate');
  assert.equal(inputRow(estimated), `≈${call(estimated).estimate.inputTokens} or more (the known text estimated; 1 run-time part not counted)`);
  assert.equal(inputTokensText(call(estimated), table), inputRow(estimated));
});

test('an upper bound below $0.0001 is "<$0.0001", never "≤ <$0.0001"', () => {
  assert.equal(formatUsdAtMost(0.006), '≤ $0.0060');
  assert.equal(formatUsdAtMost(0.00004), '<$0.0001');
  assert.equal(formatUsdAtMost(0), '≤ $0');
  assert.equal(formatUsdAtMost(12.5), '≤ $12.50');
  // One output token of gpt-4o-mini is far below $0.0001: the lens says "<$0.0001 out".
  const tiny = call(`client.chat.completions.create(model="gpt-4o-mini", max_tokens=1, messages=[{"role": "user", "content": "${Q}"}])`);
  assert.ok(tiny.estimate.outputUsdMax > 0 && tiny.estimate.outputUsdMax < 0.0001);
  const lens = lensTitle(tiny);
  assert.match(lens, / \+ <\$0\.0001 out per call · gpt-4o-mini/);
  assert.doesNotMatch(lens, /≤ </);
  assert.equal(runLensTitle({ turns: 3, turnsSource: 'code', caching: 'none', totalUsdMax: 0.00002, cachedTotalUsdMax: null }), 'agent run ≤ 3 turns: <$0.0001');
});

test('a limit set at run time for a model with no known maximum output: the lens and the hover give no dollar figure for the output', () => {
  const sheet = parseSheet(fs.readFileSync(path.join(FIXTURES, 'pricing', 'no-max-output.yaml'), 'utf8'), 'no-max-output.yaml').sheet!;
  const t = buildTable([...loadShipped().sheets, sheet]);
  const [c] = analyze('client.chat.completions.create(model="acme-chat", max_tokens=limit, messages=[{"role": "user", "content": "Hi"}])', 'python', 'f.py', t).calls;
  assert.equal(c.estimate.maxOutputSource, 'runtime');
  assert.match(lensTitle(c), /in \+ output limit set at run time per call/);
  const md = hoverMarkdown(c, t);
  assert.match(md, /\| output, worst case \(limit set at run time; no known model maximum\) \| unknown \| unknown \|/);
  assert.doesNotMatch(md, /unbounded/);
});

test('no limit for a model with no known maximum output: the hover says the worst case leaves the output out', () => {
  const sheet = parseSheet(fs.readFileSync(path.join(FIXTURES, 'pricing', 'no-max-output.yaml'), 'utf8'), 'no-max-output.yaml').sheet!;
  const t = buildTable([...loadShipped().sheets, sheet]);
  const [c] = analyze('client.chat.completions.create(model="acme-chat", messages=[{"role": "user", "content": "Hi"}])', 'python', 'f.py', t).calls;
  assert.equal(c.estimate.maxOutputSource, 'none');
  assert.match(lensTitle(c), /output unbounded \(no limit set\)/);
  const md = hoverMarkdown(c, t);
  assert.match(md, /\| output, worst case \(no limit set; no known model maximum\) \| unbounded \| unknown \|/);
  assert.match(md, /\| \*\*per call, worst case\*\* \| \| \*\*\S+ \+ output\*\* \|/);
});

// Chat formatting rules (src/core/tokenize/chat-format.ts): each rule pinned twice, on prompts written here run
// through the whole engine, and on the input counts providers billed for recorded calls
// (fixtures/calibration/billed-counts.json: token counts and bills, no prompt text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { countQuality, hoverMarkdown } from '../src/core/report/format';
import { buildTable, lookupModel, tokenFactor } from '../src/core/price/sheets';
import { countTokens } from '../src/core/tokenize/token-count';
import { chatFormatFor, formattedTokens, indentedLines } from '../src/core/tokenize/chat-format';
import { countRequest } from '../src/core/tokenize/request-count';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);
const o200k = (s: string) => countTokens(s, 'o200k_base').tokens;
const gemma3 = (s: string) => countTokens(s, 'gemma3').tokens;
const cl100k = (s: string) => countTokens(s, 'cl100k_base').tokens;
const call = (src: string, lang = 'python') => {
  const calls = analyze(src, lang, 'f', table).calls;
  assert.equal(calls.length, 1, src);
  return calls[0];
};

const SYS = 'You label support tickets as billing, bug or other.';
const Q = 'My invoice shows two charges for March.';
const A = 'billing';

test('OpenAI chat: 3 + one role token per message, 3 priming the reply; exact', () => {
  const c = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "system", "content": "${SYS}"}, {"role": "user", "content": "${Q}"}])`);
  assert.equal(c.estimate.inputTokens, o200k(SYS) + o200k(Q) + 2 * 4 + 3);
  assert.equal(c.estimate.tokenCount, 'exact');
  for (const role of ['system', 'user', 'assistant', 'developer', 'tool']) assert.equal(o200k(role), 1, role);
});

test('OpenAI Responses: instructions are one more message', () => {
  const c = call(`client.responses.create(model="gpt-4.1", instructions="${SYS}", input="${Q}", max_output_tokens=5)`);
  assert.equal(c.site.messages, 2);
  assert.equal(c.estimate.inputTokens, o200k(SYS) + o200k(Q) + 2 * 4 + 3);
  assert.equal(c.estimate.tokenCount, 'exact');
});

test('OpenAI reasoning models (harmony): 2 priming the reply, 2 more per assistant message', () => {
  const c = call(
    `client.chat.completions.create(model="gpt-5-mini", max_completion_tokens=500, messages=[{"role": "user", "content": "${Q}"}, {"role": "assistant", "content": "${A}"}, {"role": "user", "content": "${Q}"}])`,
  );
  assert.equal(c.site.messages, 3);
  assert.equal(c.site.assistantMessages, 1);
  assert.equal(c.estimate.inputTokens, 2 * o200k(Q) + o200k(A) + 3 * 4 + 2 + 2);
  assert.equal(c.estimate.tokenCount, 'exact');
});

test('Claude up to 4.6: factor × cl100k + 4.68 per user message + 1.81, a system prompt and replies their text alone', () => {
  const c = call(`client.messages.create(model="claude-sonnet-4-5", max_tokens=50, system="${SYS}", messages=[{"role": "user", "content": "${Q}"}])`);
  const f = tokenFactor(lookupModel(table, 'claude-sonnet-4-5')!);
  assert.equal(f, 1.138);
  assert.equal(c.site.messages, 2);
  assert.equal(c.site.systemMessages, 1);
  assert.equal(c.estimate.inputTokens, Math.round((cl100k(SYS) + cl100k(Q)) * f + 4.68 + 1.81));
  assert.equal(c.estimate.tokenCount, 'estimate');
  assert.ok(c.estimate.notes.some((n) => /1\.138 × cl100k \+ 4\.68 per user message \+ 1\.81; off by/.test(n)), c.estimate.notes.join('\n'));
  // An assistant turn in the history (or a prefill) costs its text alone.
  const turns = call(
    `client.messages.create(model="claude-sonnet-4-5", max_tokens=50, messages=[{"role": "user", "content": "${Q}"}, {"role": "assistant", "content": "${A}"}, {"role": "user", "content": "${Q}"}])`,
  );
  assert.equal(turns.estimate.inputTokens, Math.round((2 * cl100k(Q) + cl100k(A)) * f + 2 * 4.68 + 1.81));
  const opus = call(`client.messages.create(model="claude-opus-4-7", max_tokens=50, messages=[{"role": "user", "content": "${Q}"}])`);
  assert.equal(opus.estimate.inputTokens, Math.round(o200k(Q) * 1.396 + 2.08 + 4.32));
});

// An indented prompt as a triple-quoted string holds it: three indented lines, one unindented, a blank one.
const INDENTED = '\n    Sort these tickets by urgency:\n      - refund not received\n\tlogin fails on mobile\nReply with a list.\n\n';

test('Claude 4.7+: an indented line counts one o200k token fewer (its lone space), in the lens and in countRequest', () => {
  assert.equal(indentedLines(INDENTED), 3);
  assert.equal(indentedLines('one\ntwo\r\n  three'), 1);
  assert.equal(indentedLines('no break  at all'), 0);
  const price = lookupModel(table, 'claude-opus-4-7')!;
  const want = Math.round((o200k(INDENTED) - 3) * 1.396 + 2.08 + 4.32);
  const lens = call(`client.messages.create(model="claude-opus-4-7", max_tokens=50, messages=[{"role": "user", "content": ${JSON.stringify(INDENTED)}}])`);
  assert.equal(lens.estimate.inputTokens, want);
  assert.ok(lens.estimate.notes.some((n) => /1\.396 × \(o200k − 1 per indented line\) \+ 2\.08 per message \+ 4\.32; off by/.test(n)), lens.estimate.notes.join('\n'));
  assert.deepEqual(countRequest('anthropic.messages', { model: 'claude-opus-4-7', max_tokens: 50, messages: [{ role: 'user', content: INDENTED }] }, price), { tokens: want, exact: false });
  // Claude up to 4.6 counts every token: the rule is the newer tokenizer's alone.
  const older = call(`client.messages.create(model="claude-sonnet-4-5", max_tokens=50, messages=[{"role": "user", "content": ${JSON.stringify(INDENTED)}}])`);
  assert.equal(older.estimate.inputTokens, Math.round(cl100k(INDENTED) * 1.138 + 4.68 + 1.81));
});

test('Claude with extended thinking: 28.5 more up to 4.6 (its system prompt), nothing more measured on 4.7+', () => {
  const src = (model: string) =>
    `client.messages.create(model="${model}", max_tokens=4000, thinking={"type": "enabled", "budget_tokens": 2000}, messages=[{"role": "user", "content": "${Q}"}])`;
  const c = call(src('claude-sonnet-4-5'));
  assert.equal(c.site.thinkingBudget, 2000);
  assert.equal(c.estimate.inputTokens, Math.round(cl100k(Q) * 1.138 + 4.68 + 1.81 + 28.5));
  assert.equal(call(src('claude-opus-4-7')).estimate.inputTokens, Math.round(o200k(Q) * 1.396 + 2.08 + 4.32));
});

test('Gemini: the Gemma 3 count + 1 per content (none on 2.0); a response schema is not billed', () => {
  const c = call(`client.models.generate_content(model="gemini-2.5-flash", contents="${Q}")`);
  assert.equal(c.estimate.inputTokens, gemma3(Q) + 1);
  assert.equal(call(`client.models.generate_content(model="gemini-2.0-flash", contents="${Q}")`).estimate.inputTokens, gemma3(Q));
  // The engine used to add 3 + 3 here: 60% over a short question.
  assert.ok(c.estimate.inputTokens <= o200k(Q) + 2);
  const schema = call(`client.models.generate_content(model="gemini-2.5-flash", contents="${Q}", config={"response_schema": Ticket})`);
  assert.equal(schema.estimate.inputTokens, c.estimate.inputTokens);
  assert.ok(!schema.estimate.notes.some((n) => n.includes('response_schema')));
});

test('Gemini with a model the sheets lack, or known only at run time: the contents framed as Gemini frames them, not 3 + 3', () => {
  const known = call(`client.models.generate_content(model="gemini-2.5-flash", contents=question)`);
  assert.equal(known.estimate.inputTokens, 1);
  const runtime = call(`client.models.generate_content(model=model_name, contents=question)`);
  assert.equal(runtime.estimate.modelKnown, false);
  assert.equal(runtime.estimate.inputTokens, known.estimate.inputTokens);
  // A static text is the same text with the same per-content token (its count in the fallback vocabulary).
  const unknown = call(`client.models.generate_content(model="gemini-9-preview", contents="${Q}")`);
  assert.equal(unknown.estimate.inputTokens, o200k(Q) + 1);
});

test('tool definitions and response schemas bill as input: named, and the count is no longer exact', () => {
  const c = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, tools=TOOLS, response_format=Ticket, messages=[{"role": "user", "content": "${Q}"}])`);
  assert.deepEqual(c.site.uncountedInput, ['tools', 'response_format']);
  assert.equal(c.estimate.inputTokens, o200k(Q) + 4 + 3);
  assert.equal(c.estimate.tokenCount, 'estimate');
  assert.ok(c.estimate.notes.some((n) => n.startsWith('`tools`, `response_format` bill as input and are not counted (tool definitions:')), c.estimate.notes.join('\n'));
  const claude = call(`client.messages.create(model="claude-haiku-4-5", max_tokens=50, tools=[weather_tool], messages=[{"role": "user", "content": "${Q}"}])`);
  assert.ok(claude.estimate.notes.some((n) => /`tools` bills as input and is not counted \(tool definitions: about 410 tokens/.test(n)));
});

// ---------------------------------------------------------------------------------------------------------------
// The same rules against what providers billed.

interface Billed {
  family: string;
  set: 'fit' | 'held';
  model: string;
  billed: number;
  source: string;
  encoding?: string;
  messages: { role: string; tokens: number; nameTokens?: number; partTokens?: number[] }[] | number;
  /** Why the record does not show today's bill (what `prompt-cost calibrate` skips it for). */
  doubt?: string;
  o200k?: number;
  /** Claude: the texts' cl100k_base count, and the user messages. */
  cl100k?: number;
  user?: number;
  /** Claude: cache reads and writes the response reported. */
  cached?: number;
  /** Claude 4.7+: the texts' indented lines (chat-format.ts indentedLines). */
  indented?: number;
  /** Gemini: the texts' Gemma 3 count, and the contents that hold text. */
  gemma3?: number;
  contents?: number;
}
const BILLED: Billed[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'calibration', 'billed-counts.json'), 'utf8')).records;

function openaiCount(r: Billed, perMessage: number, priming: number, perAssistant: number): number {
  let n = priming;
  for (const m of r.messages as { role: string; tokens: number; nameTokens?: number }[]) {
    n += perMessage + m.tokens + (m.role === 'assistant' ? perAssistant : 0);
    if (m.nameTokens !== undefined) n += m.nameTokens + 1;
  }
  return n;
}
const exactShare = (rs: Billed[], f: (r: Billed) => number) => rs.filter((r) => f(r) === r.billed).length / rs.length;
const meanAbsPct = (rs: Billed[], f: (r: Billed) => number) => rs.reduce((s, r) => s + Math.abs(f(r) - r.billed) / r.billed, 0) / rs.length;

test('billed: OpenAI chat and Responses match the rule to the token; the old 3 per message never does', () => {
  for (const fam of ['openai-chat', 'openai-responses']) {
    const rs = BILLED.filter((r) => r.family === fam);
    assert.ok(rs.length >= 40, fam);
    const rule = (r: Billed) => openaiCount(r, 4, 3, 0);
    assert.ok(exactShare(rs, rule) >= 0.9, `${fam}: ${exactShare(rs, rule)}`);
    assert.ok(exactShare(rs, (r) => openaiCount(r, 3, 3, 0)) < 0.2, fam);
  }
});

test('billed: harmony-format models match 2 priming and +2 per assistant message', () => {
  const rs = BILLED.filter((r) => r.family.endsWith('/harmony'));
  assert.ok(rs.length >= 20);
  const f = chatFormatFor(lookupModel(table, 'gpt-5-mini'));
  assert.equal(f.perRequest, 2);
  assert.ok(exactShare(rs, (r) => openaiCount(r, 4, 2, 2)) >= 0.9, String(exactShare(rs, (r) => openaiCount(r, 4, 2, 2))));
  assert.ok(exactShare(rs, (r) => openaiCount(r, 4, 3, 0)) < 0.2);
});

// Two text parts of one message whose boundary o200k splits apart: "… is 4" + "2." counts " ", "4", "2", "." apart
// and " ", "42", "." joined.
const PART_A = 'The answer to the last question is 4';
const PART_B = '2. Explain it in one line.';

test('OpenAI: a message of several text parts is counted joined, as countRequest counts it and the API bills it', () => {
  assert.equal(o200k(PART_A + PART_B), o200k(PART_A) + o200k(PART_B) - 1);
  const want = o200k(PART_A + PART_B) + 4 + 3;
  const py = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "user", "content": [{"type": "text", "text": "${PART_A}"}, {"type": "text", "text": "${PART_B}"}]}])`);
  assert.equal(py.estimate.inputTokens, want);
  const js = call(`await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: [{ type: "text", text: "${PART_A}" }, { type: "text", text: "${PART_B}" }] }] });`, 'typescript');
  assert.equal(js.estimate.inputTokens, want);
  const price = lookupModel(table, 'gpt-4o')!;
  const body = { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: PART_A }, { type: 'text', text: PART_B }] }] };
  assert.equal((countRequest('openai.chat', body, price) as { tokens: number }).tokens, want);
  // Two messages are two texts: nothing joins across them.
  const two = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "user", "content": "${PART_A}"}, {"role": "user", "content": [{"type": "text", "text": "${PART_B}"}]}])`);
  assert.equal(two.estimate.inputTokens, o200k(PART_A) + o200k(PART_B) + 2 * 4 + 3);
  // Claude bills content blocks apart (request-count.ts joins only for OpenAI): the lens keeps them apart too.
  const claude = call(`client.messages.create(model="claude-opus-4-7", max_tokens=5, messages=[{"role": "user", "content": [{"type": "text", "text": "${PART_A}"}, {"type": "text", "text": "${PART_B}"}]}])`);
  const claudeReq = { model: 'claude-opus-4-7', max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'text', text: PART_A }, { type: 'text', text: PART_B }] }] };
  assert.equal(claude.estimate.inputTokens, (countRequest('anthropic.messages', claudeReq, lookupModel(table, 'claude-opus-4-7')) as { tokens: number }).tokens);
  assert.equal(claude.estimate.inputTokens, Math.round((o200k(PART_A) + o200k(PART_B)) * 1.396 + 2.08 + 4.32));
});

test('billed: a message of several text parts bills the joined text; the parts counted apart are 1 over', () => {
  const rs = BILLED.filter((r) => Array.isArray(r.messages) && r.messages.some((m) => m.partTokens));
  assert.ok(rs.length >= 2);
  for (const r of rs) {
    assert.equal(openaiCount(r, 4, 2, 2), r.billed, r.source);
    const apart = { ...r, messages: (r.messages as { role: string; tokens: number; partTokens?: number[] }[]).map((m) => ({ ...m, tokens: m.partTokens ? m.partTokens.reduce((a, b) => a + b) : m.tokens })) };
    assert.equal(openaiCount(apart, 4, 2, 2), r.billed + 1, r.source);
  }
});

test('billed: Responses recorded before April 2025 bill a hidden preamble (gpt-4o: 18); every later Responses call matches', () => {
  const rs = BILLED.filter((r) => r.family.startsWith('openai-responses'));
  const early = rs.filter((r) => r.doubt === 'Responses API before April 2025');
  assert.ok(early.length >= 5);
  for (const r of early) assert.equal(r.billed, openaiCount(r, 4, 3, 0) + 18, r.source);
  // The engine's format for the model: harmony for the reasoning models the sheet marks (gpt-5.2-chat among them).
  const rule = (r: Billed) => {
    const f = chatFormatFor(lookupModel(table, r.model, 'openai'));
    return openaiCount(r, f.perMessage, f.perRequest, f.perAssistantMessage);
  };
  const today = rs.filter((r) => !r.doubt);
  assert.ok(today.length >= 100, String(today.length));
  assert.deepEqual(today.filter((r) => rule(r) !== r.billed).map((r) => r.source), []);
  // The records whose bill the rule misses are all doubted, each for its own reason.
  assert.ok(rs.filter((r) => r.doubt).every((r) => rule(r) !== r.billed));
});

test('billed: Gemini 1.x/2.0 bill the Gemma 3 count alone, 2.5 and 3+ one more per content', () => {
  const rs = BILLED.filter((r) => r.family === 'gemini');
  const old = rs.filter((r) => /gemini-(1|2\.0)/.test(r.model));
  const recent = rs.filter((r) => !/gemini-(1|2\.0)/.test(r.model));
  assert.ok(old.length >= 5 && recent.length >= 30);
  assert.ok(exactShare(old, (r) => r.gemma3!) >= 0.6, String(exactShare(old, (r) => r.gemma3!)));
  assert.ok(exactShare(recent, (r) => r.gemma3! + r.contents!) >= 0.6, String(exactShare(recent, (r) => r.gemma3! + r.contents!)));
  assert.ok(exactShare(recent, (r) => Math.round(r.o200k! * 1.045 + 0.65 * (r.messages as number) + 0.27)) < exactShare(recent, (r) => r.gemma3! + r.contents!));
});

test('billed: Claude and Gemini estimates are within their stated error on held-out calls, and better than before', () => {
  for (const [fam, model, oldFactor] of [
    ['claude', 'claude-sonnet-4-5', 1.18],
    ['claude-4.7+', 'claude-opus-4-7', 1.53],
    ['gemini', 'gemini-2.5-flash', 1],
  ] as const) {
    const price = lookupModel(table, model)!;
    const f = chatFormatFor(price);
    // Usage edited by hand (cache tokens below every model's cacheable minimum, cli/calibrate.ts) is no bill.
    const held = BILLED.filter((r) => r.family === fam && r.set === 'held' && !(r.cached && r.billed < 1024));
    assert.ok(held.length >= 10, fam);
    const now = (r: Billed) =>
      fam === 'gemini'
        ? formattedTokens(chatFormatFor(lookupModel(table, r.model) ?? price), r.gemma3!, 1, r.contents!)
        : fam === 'claude'
          ? formattedTokens(f, r.cl100k!, tokenFactor(price), r.messages as number, 0, false, (r.messages as number) - r.user!)
          : formattedTokens(f, r.o200k!, tokenFactor(price), r.messages as number, 0, false, 0, r.indented!);
    const before = (r: Billed) => Math.round((r.o200k! + 3 * (r.messages as number) + 3) * oldFactor);
    const err = meanAbsPct(held, now);
    assert.ok(err < (fam === 'gemini' ? 0.04 : 0.1), `${fam}: ${(err * 100).toFixed(1)}%`);
    assert.ok(err < meanAbsPct(held, before), fam);
    assert.ok(f.measured && err * 100 <= f.measured.meanAbsPct + 3, `${fam}: stated ${f.measured?.meanAbsPct}%, here ${(err * 100).toFixed(1)}%`);
  }
});

test('billed: the Claude 4.7+ error the hover quotes is the error on all its held-out calls, from two repositories', () => {
  const price = lookupModel(table, 'claude-sonnet-5')!;
  const f = chatFormatFor(price);
  const held = BILLED.filter((r) => r.family === 'claude-4.7+' && r.set === 'held');
  assert.equal(held.length, f.measured!.calls);
  assert.deepEqual([...new Set(held.map((r) => r.source.split('@')[0]))].sort(), ['activeagents/activeagent', 'tidyverse/ellmer']);
  const now = (r: Billed) => formattedTokens(f, r.o200k!, tokenFactor(price), r.messages as number, 0, false, 0, r.indented!);
  assert.equal((meanAbsPct(held, now) * 100).toFixed(1), f.measured!.meanAbsPct.toFixed(1));
  const meanAbsTokens = held.reduce((s, r) => s + Math.abs(now(r) - r.billed), 0) / held.length;
  assert.equal(meanAbsTokens.toFixed(1), f.measured!.meanAbsTokens.toFixed(1));
});

test('billed: Claude 4.7+ held-out calls with indented lines come nearer the bill without the lone space tokens', () => {
  const price = lookupModel(table, 'claude-sonnet-5')!;
  const f = chatFormatFor(price);
  assert.equal(f.indentFree, true);
  const rs = BILLED.filter((r) => r.family === 'claude-4.7+' && r.set === 'held' && r.indented! > 0);
  assert.ok(rs.length >= 5, String(rs.length));
  const rule = (r: Billed) => formattedTokens(f, r.o200k!, tokenFactor(price), r.messages as number, 0, false, 0, r.indented!);
  const without = (r: Billed) => formattedTokens(f, r.o200k!, tokenFactor(price), r.messages as number);
  assert.ok(meanAbsPct(rs, rule) < meanAbsPct(rs, without), `${meanAbsPct(rs, rule)} vs ${meanAbsPct(rs, without)}`);
  // The fitting calls have no indented line: the factor fitted on them holds as it was.
  assert.ok(BILLED.filter((r) => r.family === 'claude-4.7+' && r.set === 'fit').every((r) => r.indented === 0));
});

test('the hover says how good the count is: exact for OpenAI text, else the measured held-out error and n', () => {
  const openai = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "user", "content": "${Q}"}])`);
  assert.equal(countQuality(openai, table), '(exact)');
  assert.match(hoverMarkdown(openai, table), /\| input \| \d+ \(exact\) \|/);
  for (const [model, src] of [
    ['claude-sonnet-4-5', `client.messages.create(model="claude-sonnet-4-5", max_tokens=50, messages=[{"role": "user", "content": "${Q}"}])`],
    ['claude-opus-4-7', `client.messages.create(model="claude-opus-4-7", max_tokens=50, messages=[{"role": "user", "content": "${Q}"}])`],
    ['gemini-2.5-flash', `client.models.generate_content(model="gemini-2.5-flash", contents="${Q}")`],
  ]) {
    const m = chatFormatFor(lookupModel(table, model)).measured!;
    const q = countQuality(call(src), table);
    assert.ok(q.startsWith('(≈ ±') && q.endsWith(`requests, n=${m.calls})`), `${model}: ${q}`);
    assert.ok(q.includes(`±${m.meanAbsPct < 10 ? m.meanAbsPct.toFixed(1) : Math.round(m.meanAbsPct)}%`), q);
  }
  // Tools make an OpenAI count an estimate, with no measured text error to quote.
  const tools = call(`client.chat.completions.create(model="gpt-4o", max_tokens=5, tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}], messages=[{"role": "user", "content": "${Q}"}])`);
  assert.equal(countQuality(tools, table), '(estimate)');
});

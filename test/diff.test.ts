// src/core/report/diff.ts and diff-format.ts: calls matched across moves and edits, what changed in each, the
// totals, --fail-on-increase, and the table, Markdown and JSON forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { diffRevisions, runCost, type DiffCall, type DiffSide } from '../src/core/report/diff';
import { increaseOver, parseIncreaseLimit } from '../src/core/report/diff-gate';
import { matchCalls, similarity } from '../src/core/report/diff-match';
import { signedUsd, toDiffJson, toDiffMarkdown, toDiffTable } from '../src/core/report/diff-format';
import { testTable } from './helpers/table';

const table = testTable();

const call = (model: string, prompt: string, limit?: number) =>
  `    r = client.chat.completions.create(\n        model="${model}",\n${limit ? `        max_tokens=${limit},\n` : ''}        messages=[{"role": "user", "content": "${prompt}"}],\n    )\n`;

function side(rev: string, files: Record<string, string>, commit: string | null = 'c'.repeat(40)): DiffSide & { commit: string } {
  return {
    rev,
    commit: commit as string,
    files: Object.entries(files).map(([file, text]) => ({ file, text, result: analyze(text, 'python', file, table) })),
  };
}

const dc = (file: string, line: number, words: string, shape = 'openai.chat'): DiffCall => ({
  file, line, sdk: 'OpenAI', shape, model: 'gpt-4o', modelKnown: true, inputTokens: 10, tokenCount: 'exact', maxOutputTokens: 100, maxOutputSource: 'code',
  inputUsd: 0.5, outputUsdMax: 0.5, totalUsdMax: 1, totalUsdExpected: 1, perMonthUsdMax: 1, perMonthUsdExpected: 1, words: words.split(' '),
});

test('similarity is 1 for the same words, 0 for none, in between for an edit', () => {
  assert.equal(similarity(['a', 'b'], ['b', 'a']), 1);
  assert.equal(similarity(['a'], ['b']), 0);
  const s = similarity('model gpt-4o messages role user content Summarise this'.split(' '), 'model gpt-4o-mini messages role user content Summarise this'.split(' '));
  assert.ok(s > 0.8 && s < 1, String(s));
});

test('matchCalls: moved lines, an edited call, two calls swapped in order, a call moved to another file', () => {
  const base = [dc('a.py', 10, 'create model gpt-4o summarise the text'), dc('a.py', 20, 'create model gpt-4o translate into french'), dc('b.py', 5, 'create model x classify the ticket')];
  const head = [
    dc('a.py', 3, 'create model gpt-4o translate into french please'),
    dc('a.py', 40, 'create model gpt-4o-mini summarise the text'),
    dc('c.py', 7, 'create model x classify the ticket'),
  ];
  const pairs = matchCalls(base, head).map((p) => `${p.base ? `${p.base.file}:${p.base.line}` : '-'} → ${p.head ? `${p.head.file}:${p.head.line}` : '-'}`).sort();
  assert.deepEqual(pairs, ['a.py:10 → a.py:40', 'a.py:20 → a.py:3', 'b.py:5 → c.py:7']);
});

test('matchCalls: another call form or file is a new call; an unlike call pairs only when it is the one left on both sides', () => {
  const pairs = matchCalls([dc('a.py', 1, 'x y z', 'openai.chat')], [dc('a.py', 1, 'x y z', 'anthropic.messages')]);
  assert.deepEqual(pairs.map((p) => [!!p.base, !!p.head]), [[true, false], [false, true]]);
  const rewritten = matchCalls([dc('a.py', 5, 'one two three four')], [dc('a.py', 6, 'five six seven eight')]);
  assert.equal(rewritten.length, 1, 'the only call of its form in the file, rewritten: still that call');
  const extra = matchCalls([dc('a.py', 5, 'one two three four')], [dc('a.py', 6, 'five six seven eight'), dc('a.py', 9, 'nine ten eleven twelve')]);
  assert.equal(extra.length, 3, 'unlike calls and one more of them: added and removed, not guessed');
});

test('a model switched to a dearer one is a changed call with a positive delta per call and per month', () => {
  const d = diffRevisions(side('main', { 'app.py': call('gpt-4o-mini', 'Summarise the text', 500) }), side('head', { 'app.py': '# moved down\n\n' + call('gpt-4o', 'Summarise the text', 500) }, null), table);
  assert.deepEqual(d.counts, { added: 0, removed: 0, changed: 1, unchanged: 0 });
  const c = d.calls[0];
  assert.equal(c.status, 'changed');
  assert.deepEqual(c.changed, ['model', 'moved']);
  assert.equal(c.base!.model, 'gpt-4o-mini');
  assert.equal(c.head!.model, 'gpt-4o');
  assert.equal(c.line, 3);
  assert.equal(c.base!.line, 1);
  for (const k of ['totalUsdMax', 'totalUsdExpected', 'perMonthUsdMax', 'perMonthUsdExpected'] as const) assert.ok(c.delta[k]! > 0, k);
  assert.ok(d.totals.delta.perMonthUsdMax > 0);
  assert.equal(d.totals.delta.perMonthUsdMax, Math.round((d.totals.head.perMonthUsdMax - d.totals.base.perMonthUsdMax) * 1e6) / 1e6);
  assert.equal(d.head.commit, null);
});

test('a removed output limit is a change (limit, worst case up); an unchanged call is counted, not listed first', () => {
  const base = { 'a.py': call('gpt-4o', 'Translate', 400) + call('gpt-4o', 'Classify the ticket', 100) };
  const head = { 'a.py': call('gpt-4o', 'Translate') + call('gpt-4o', 'Classify the ticket', 100) };
  const d = diffRevisions(side('main', base), side('head', head), table);
  assert.deepEqual(d.counts, { added: 0, removed: 0, changed: 1, unchanged: 1 });
  const c = d.calls[0];
  assert.deepEqual(c.changed, ['maxOutputTokens']);
  assert.equal(c.base!.maxOutputSource, 'code');
  assert.equal(c.head!.maxOutputSource, 'model-default');
  assert.ok(c.delta.totalUsdMax! > 0);
  assert.equal(c.delta.totalUsdExpected, 0, 'the expected reply does not depend on the limit');
  assert.equal(d.calls[1].status, 'unchanged');
  assert.match(toDiffMarkdown(d), /400 → none/);
});

test('a model switch without a limit in code is a model change only (the model maximum moves with it)', () => {
  const d = diffRevisions(side('main', { 'a.py': call('gpt-4', 'x') }), side('head', { 'a.py': call('gpt-4o', 'x') }), table);
  assert.deepEqual([d.calls[0].base!.maxOutputTokens, d.calls[0].head!.maxOutputTokens], [8192, 16384]);
  assert.deepEqual(d.calls[0].changed, ['model']);
  const limited = diffRevisions(side('main', { 'a.py': call('gpt-4o', 'x', 100) }), side('head', { 'a.py': call('gpt-4o', 'x', 200) }), table);
  assert.deepEqual(limited.calls[0].changed, ['maxOutputTokens']);
});

test('added and removed calls; a model in no price sheet is not priced (null), never zero', () => {
  const d = diffRevisions(side('main', { 'a.py': call('gpt-4o', 'Old prompt words here', 100) }), side('head', { 'b.py': call('no-such-model', 'A brand new prompt', 100) }), table);
  assert.deepEqual(d.counts, { added: 1, removed: 1, changed: 0, unchanged: 0 });
  const added = d.calls.find((c) => c.status === 'added')!;
  assert.equal(added.delta.totalUsdMax, null);
  assert.equal(added.head!.totalUsdMax, null);
  const removed = d.calls.find((c) => c.status === 'removed')!;
  assert.ok(removed.delta.perMonthUsdMax! < 0);
  assert.equal(d.totals.head.unknownModels, 1);
  assert.match(toDiffTable(d), /removed +a\.py:1 /);
  assert.match(toDiffTable(d), /1 call\(s\) in the head not priced \(the model is in no price sheet or set at run time\), not counted/);
});

test('per run: read from a run field when the engine gives one, absent otherwise', () => {
  assert.equal(runCost({ estimate: {} }), undefined);
  assert.deepEqual(runCost({ run: { totalUsdMax: 0.5, totalUsdExpected: 0.25 } }), { max: 0.5, expected: 0.25 });
  assert.deepEqual(runCost({ estimate: { run: { usdMax: 1 } } }), { max: 1, expected: null });
  const d = diffRevisions(side('main', { 'a.py': call('gpt-4o', 'x', 10) }), side('head', { 'a.py': call('gpt-4o-mini', 'x', 10) }), table);
  assert.equal('runUsdMax' in d.calls[0].delta, false);
  assert.doesNotMatch(toDiffMarkdown(d), /Per run/);
});

test('--fail-on-increase: USD or PCT% of the per-month worst case', () => {
  assert.deepEqual(parseIncreaseLimit('5'), { usd: 5 });
  assert.deepEqual(parseIncreaseLimit('$2.5'), { usd: 2.5 });
  assert.deepEqual(parseIncreaseLimit('10%'), { pct: 10 });
  assert.equal(parseIncreaseLimit('ten'), undefined);
  assert.equal(parseIncreaseLimit('-5'), undefined);
  const up = diffRevisions(side('main', { 'a.py': call('gpt-4o-mini', 'x', 100) }), side('head', { 'a.py': call('gpt-4o', 'x', 100) }), table);
  const rise = up.totals.delta.perMonthUsdMax;
  assert.ok(rise > 0);
  assert.equal(increaseOver(up, { usd: rise - 0.01 }), true);
  assert.equal(increaseOver(up, { usd: rise + 0.01 }), false);
  assert.equal(increaseOver(up, { pct: up.totals.deltaPct.perMonthUsdMax! - 1 }), true);
  assert.equal(increaseOver(up, { pct: up.totals.deltaPct.perMonthUsdMax! + 1 }), false);
  const fromZero = diffRevisions(side('main', {}), side('head', { 'a.py': call('gpt-4o', 'x', 100) }), table);
  assert.equal(fromZero.totals.deltaPct.perMonthUsdMax, null);
  assert.equal(increaseOver(fromZero, { pct: 1000 }), true, 'a rise from nothing is over every percentage');
  const down = diffRevisions(side('main', { 'a.py': call('gpt-4o', 'x', 100) }), side('head', { 'a.py': call('gpt-4o-mini', 'x', 100) }), table);
  assert.equal(increaseOver(down, { usd: 0 }), false);
});

test('Markdown for a PR comment: summary line first, top changes, the rest in <details>', () => {
  const many = (model: string) => ({ 'a.py': Array.from({ length: 8 }, (_, i) => call(model, `Prompt number ${i} about topic ${i}`, 100 * (i + 1))).join('') });
  const d = diffRevisions(side('main', many('gpt-4o-mini')), side('head', many('gpt-4o'), null), table);
  const md = toDiffMarkdown(d, 5);
  const lines = md.split('\n');
  assert.match(lines[0], /^### Prompt Cost: \+\$[\d,.]+ per month at the worst case/);
  assert.match(md, /8 changed · 0 added · 0 removed · 0 unchanged · `main` → working tree/);
  assert.match(md, /<details><summary>All 8 changed calls<\/summary>/);
  const firstTable = md.slice(0, md.indexOf('<details>')).split('\n').filter((l) => l.startsWith('| `a.py'));
  assert.equal(firstTable.length, 5);
  assert.ok(firstTable[0].includes('a.py:36'), 'the largest change first (the call with the highest limit)');
  assert.match(md, /gpt-4o-mini → \*\*gpt-4o\*\*/);
  const json = JSON.parse(toDiffJson(d));
  assert.equal(json.version, 1);
  assert.equal(json.kind, 'diff');
  assert.equal(json.calls.length, 8);
  assert.equal(signedUsd(0.5), '+$0.5000');
  assert.equal(signedUsd(-2), '−$2.00');
  assert.equal(signedUsd(null), '?');
});

test('no change: the forms say so', () => {
  const same = { 'a.py': call('gpt-4o', 'x', 100) };
  const d = diffRevisions(side('main', same), side('head', same), table);
  assert.deepEqual(d.counts, { added: 0, removed: 0, changed: 0, unchanged: 1 });
  assert.match(toDiffTable(d), /No call changed its cost/);
  assert.match(toDiffMarkdown(d), /No call changed its cost/);
  assert.equal(d.totals.delta.perMonthUsdMax, 0);
});

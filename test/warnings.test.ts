// Warnings on a call (src/core/cost/warnings.ts): a deprecated model with its date and successor, a prompt over the
// context window with a model that fits, in the JSON report and the terminal table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, parseSheet } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { buildReport, toTable } from '../src/core/report/report';
import type { PriceTable } from '../src/core/types';
import { lookupModel } from '../src/core/price/table';
import { deprecationWarning } from '../src/core/cost/warnings';
import { analyzeNotebook } from '../src/core/notebook/analyze-notebook';
import { sameOrNewer } from '../src/core/cost/generation';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { findingsOf } from '../src/core/report/findings';

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
    text: 'claude-opus-4-5: deprecated by Anthropic, retires on 2027-01-22; claude-opus-5-5 replaces it (source: Anthropic deprecations page)',
    replacement: 'claude-opus-5-5',
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
  // OpenAI's current long-window models all reason (gpt-4.1's 1,000,000 shuts down on 2027-01-14): one is named as such.
  assert.match(w!.text, /; \S+, a reasoning model, fits \([\d,]+\)$/);
  const fit = /; (\S+), a reasoning model/.exec(w!.text)![1];
  assert.equal(lookupModel(t, fit)?.deprecated, undefined, `${fit} is current`);
});

test('warnings go to the JSON report and under the call in the table; suggestions carry why', () => {
  const t = table();
  const result = analyze(py('claude-opus-4-5'), 'python', 'a.py', t, NOW);
  const report = buildReport([{ file: 'a.py', result }], t);
  assert.equal(report.calls[0].warnings[0].kind, 'deprecated');
  assert.match(toTable(report), /\n {2}⚠ claude-opus-4-5: deprecated by Anthropic, retires on 2027-01-22/);
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

const genai = (model: string) =>
  `from google import genai\nclient = genai.Client()\nclient.models.generate_content(model="${model}", contents="hi", config={"max_output_tokens": 100})\n`;
const DEC = { now: '2026-12-01T09:00:00Z' };

test('Gemini 1.5 (shipped sheets): retired, said on the lens and the hover, with a current newer model to move to', () => {
  const t = buildTable(loadShipped().sheets);
  for (const [id, date] of [['gemini-1.5-pro', '2025-09-29'], ['gemini-1.5-flash', '2025-09-29'], ['gemini-flash-1.5-8b', '2025-09-29'], ['gemini-pro', '2025-04-09']]) {
    const c = analyze(genai(id), 'python', 'a.py', t, DEC).calls[0];
    const w = c.warnings!.find((x) => x.kind === 'deprecated');
    assert.ok(w, `${id}: ${JSON.stringify(c.warnings)}`);
    assert.equal(w!.severity, 'error');
    assert.equal(w!.retired, date);
    assert.match(w!.text, new RegExp(`retired on ${date}: requests to it fail`));
    const next = lookupModel(t, w!.replacement!, 'google');
    assert.ok(next && !next.deprecated, `${id} → ${w!.replacement}: a current model`);
    assert.equal(sameOrNewer(id, next!.id), true, `${id} → ${next!.id}: never an older generation`);
    assert.match(lensTitle(c), new RegExp(`${id.replace(/\./g, '\\.')} \\(retired ${date}; use ${w!.replacement!.replace(/\./g, '\\.')}\\)`));
    assert.match(hoverMarkdown(c, t), /✖ \*\*deprecated\*\*: .*retired on/);
    for (const s of c.suggestions) if (s.model) assert.equal(sameOrNewer(id, s.model), true, `${id}: advice to ${s.model}`);
  }
  // Gemini 1.0 Pro names 1.5 Pro, itself retired: the chain is followed to a current model, never stopping at 1.5.
  const old = analyze(genai('gemini-pro'), 'python', 'a.py', t, DEC).calls[0].warnings![0];
  assert.match(old.text, /gemini-1\.5-pro, named to replace it, is itself deprecated/);
  assert.notEqual(old.replacement, 'gemini-1.5-pro');
});

test('every deprecated model of the shipped sheets: the replacement said is current and of the same or a newer generation', () => {
  const t = buildTable(loadShipped().sheets);
  let said = 0;
  for (const m of t.models.filter((x) => x.deprecated)) {
    const w = deprecationWarning(m, DEC, t)!;
    if (!w.replacement) continue;
    said += 1;
    const next = lookupModel(t, w.replacement, m.provider);
    if (!next) continue; // named by the provider, not in the sheets
    assert.ok(!next.deprecated, `${m.id} → ${next.id} is deprecated`);
    assert.notEqual(sameOrNewer(m.id, next.id), false, `${m.id} → ${next.id} is older`);
  }
  assert.ok(said >= 25, `${said} deprecated models with a replacement`);
});

test('a named successor that is itself deprecated is followed to the current one', () => {
  const t = buildTable(loadShipped().sheets);
  const m = lookupModel(t, 'claude-3-opus', 'anthropic')!;
  const w = deprecationWarning(m, DEC, t)!;
  assert.equal(w.replacement, 'claude-opus-5-5');
  assert.match(w.text, /claude-opus-4-5 was named to replace it but is itself deprecated; claude-opus-5-5 replaces that/);
});

test('a retired model in the cheaper if / else arm is said, naming that arm; the lens and the priced model stay the dearest', () => {
  // claude-sonnet-4-0 ($3/$15, retired 2026-06-15) and claude-opus-4-5 ($5/$25): the opus arm is priced.
  const src = [
    'import anthropic',
    'c = anthropic.Anthropic()',
    'def ask(fast):',
    '    if fast:',
    '        model = "claude-sonnet-4-0"',
    '    else:',
    '        model = "claude-opus-4-5"',
    '    return c.messages.create(model=model, max_tokens=512, messages=[{"role": "user", "content": "hi"}])',
    '',
  ].join('\n');
  const t = table();
  const result = analyze(src, 'python', 'a.py', t, NOW);
  const c = result.calls[0];
  assert.equal(c.site.model!.id, 'claude-opus-4-5');
  const arm = c.warnings!.find((w) => w.model === 'claude-sonnet-4-0');
  assert.ok(arm, JSON.stringify(c.warnings));
  assert.equal(arm!.severity, 'error');
  assert.equal(arm!.text, 'claude-sonnet-4-0 (another model this call can take, set on line 5): deprecated by Anthropic, retired on 2026-06-15: requests to it fail; claude-sonnet-4-6 replaces it (source: Anthropic release notes)');
  // The priced model's own warning is still there, and the lens does not call the priced model retired.
  assert.ok(c.warnings!.some((w) => w.model === undefined && /^claude-opus-4-5: deprecated/.test(w.text)));
  assert.doesNotMatch(lensTitle(c), /retired/);
  // JSON report and CI findings: the arm's warning carries its model and gets its own finding.
  const report = buildReport([{ file: 'a.py', result }], t);
  assert.ok(report.calls[0].warnings.some((w) => w.model === 'claude-sonnet-4-0' && w.severity === 'error'));
  const titles = findingsOf(report).filter((f) => f.rule.id === 'deprecated-model').map((f) => f.title);
  assert.deepEqual(titles.sort(), ['Deprecated model claude-opus-4-5', 'Deprecated model claude-sonnet-4-0']);
});

const openaiPy = (model: string) =>
  `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
const azureLc = (deployment: string) =>
  `from langchain_openai import AzureChatOpenAI\nllm = AzureChatOpenAI(azure_deployment="${deployment}", max_tokens=100)\nllm.invoke("hi")\n`;
const anthropicPy = (model: string) =>
  `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;

test('gpt-4-32k, gpt-3.5-turbo-16k, o1-preview and Claude Haiku 3 (shipped sheets): retired on the providers\' dates, with a current model to use', () => {
  const t = buildTable(loadShipped().sheets);
  const cases: [string, string, string, string][] = [
    // Named gpt-4o / o3, whose own shutdowns are announced (2027-01-14, 2026-12-11): the chain goes on to their
    // replacements; gpt-6.1-sol is in no sheet, named as OpenAI names it.
    [openaiPy('gpt-4-32k'), 'gpt-4-32k', '2025-06-06', 'gpt-6-luna'],
    [openaiPy('gpt-4-32k-0613'), 'gpt-4-32k-0613', '2025-06-06', 'gpt-6-luna'],
    [openaiPy('o1-preview-2024-09-12'), 'o1-preview-2024-09-12', '2025-07-28', 'gpt-6.1-sol'],
    // Named gpt-3.5-turbo, itself retired on 2026-10-23: the chain goes on to OpenAI's replacement for that.
    [openaiPy('gpt-3.5-turbo-16k'), 'gpt-3.5-turbo-16k', '2024-09-13', 'gpt-5.6-terra'],
    [anthropicPy('claude-3-haiku-20240307'), 'claude-3-haiku-20240307', '2026-04-20', 'claude-haiku-4-5'],
  ];
  for (const [src, id, date, use] of cases) {
    const c = analyze(src, 'python', 'a.py', t, DEC).calls[0];
    const w = c.warnings!.find((x) => x.kind === 'deprecated');
    assert.ok(w, `${id}: ${JSON.stringify(c.warnings)}`);
    assert.equal(w!.severity, 'error');
    assert.equal(w!.retired, date);
    assert.equal(w!.replacement, use);
    assert.equal(lookupModel(t, use)?.deprecated, undefined, `${use} is current`);
    assert.ok(lensTitle(c).includes(`${id} (retired ${date}; use ${use})`), lensTitle(c));
  }
});

test('an Azure deployment priced from OpenAI\'s row does not get OpenAI\'s retirement date; the Azure sheet\'s own row does', () => {
  const t = buildTable(loadShipped().sheets);
  // Azure's spelling, through the OpenAI SDK (an AzureOpenAI client), and through LangChain's AzureChatOpenAI (hint azure).
  const azure = [
    openaiPy('gpt-35-turbo'),
    azureLc('gpt-3.5-turbo'),
  ];
  for (const src of azure) {
    const c = analyze(src, 'python', 'a.py', t, DEC).calls[0];
    const w = c.warnings!.find((x) => x.kind === 'deprecated');
    assert.ok(w, JSON.stringify(c.warnings));
    assert.equal(w!.severity, 'warning');
    assert.equal(w!.retired, undefined);
    assert.match(w!.text, /^gpt-3\.5-turbo: deprecated by OpenAI, retired there on 2026-10-23; Azure OpenAI retires gpt-3?\.?5-turbo on its own schedule and the sheets give no Azure OpenAI date: retirement date unknown/);
    assert.doesNotMatch(w!.text, /requests to it fail/);
    assert.doesNotMatch(lensTitle(c), /retired/);
  }
  // OpenAI's own id through OpenAI keeps OpenAI's date.
  const own = analyze(openaiPy('gpt-3.5-turbo'), 'python', 'a.py', t, DEC).calls[0].warnings![0];
  assert.equal(own.retired, '2026-10-23');
  // o1-preview on Azure: the Azure sheet's row, Azure's date and Azure's suggested replacement.
  const o1 = analyze(azureLc('o1-preview'), 'python', 'a.py', t, DEC).calls[0];
  const w = o1.warnings!.find((x) => x.kind === 'deprecated')!;
  assert.equal(w.retired, '2025-07-28');
  assert.equal(w.replacement, 'o1');
  assert.match(w.text, /^o1-preview: deprecated by Azure, retired on 2025-07-28/);
});

test('the OpenAI SDK\'s AzureOpenAI / AsyncAzureOpenAI clients are Azure: OpenAI\'s id there takes Azure\'s schedule, o1-preview Azure\'s date', () => {
  const t = buildTable(loadShipped().sheets);
  const py = (ctor: string, model: string) =>
    `import openai\nfrom openai import AzureOpenAI\nclient = ${ctor}(api_version="2024-10-21")\nclient.chat.completions.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  const ts = (model: string) =>
    `import { AzureOpenAI } from "openai";\nconst client = new AzureOpenAI({ apiVersion: "2024-10-21" });\nawait client.chat.completions.create({ model: "${model}", max_tokens: 100, messages: [{ role: "user", content: "hi" }] });\n`;
  const calls = (model: string) => [
    analyze(py('AzureOpenAI', model), 'python', 'a.py', t, DEC).calls[0],
    analyze(py('openai.AsyncAzureOpenAI', model), 'python', 'a.py', t, DEC).calls[0],
    analyze(ts(model), 'typescript', 'a.ts', t, DEC).calls[0],
  ];
  for (const c of calls('gpt-3.5-turbo')) {
    assert.equal(c.site.provider, 'azure');
    const w = c.warnings!.find((x) => x.kind === 'deprecated');
    assert.ok(w, JSON.stringify(c.warnings));
    assert.equal(w!.severity, 'warning');
    assert.equal(w!.retired, undefined);
    assert.match(w!.text, /Azure OpenAI retires gpt-3\.5-turbo on its own schedule/);
  }
  for (const c of calls('o1-preview')) {
    const w = c.warnings!.find((x) => x.kind === 'deprecated')!;
    assert.equal(w.retired, '2025-07-28');
    assert.match(w.text, /^o1-preview: deprecated by Azure, retired on 2025-07-28/);
  }
});

test("in a notebook the other model's place is its cell and line, and the model's From names the caller's cell", () => {
  // Form seen in a real analysis notebook: a helper cell, then cells that call it with one model each.
  const code = (source: string) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source });
  const nb = JSON.stringify({
    cells: [
      code('import anthropic\nc = anthropic.Anthropic()\ndef ask(model, q):\n    return c.messages.create(model=model, max_tokens=512, messages=[{"role": "user", "content": q}])'),
      { cell_type: 'markdown', metadata: {}, source: '## Old model' },
      code('x = 1\nold = ask("claude-sonnet-4-0", "hi")'),
      code('new = ask("claude-opus-4-5", "hi")'),
    ],
    metadata: { kernelspec: { name: 'python3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
  const c = analyzeNotebook(nb, 'a.ipynb', table(), NOW).calls[0];
  assert.equal(c.site.model!.id, 'claude-opus-4-5');
  assert.deepEqual([c.site.model!.source?.cell, c.site.model!.source?.line], [4, 1]);
  const arm = c.warnings!.find((w) => w.model === 'claude-sonnet-4-0');
  assert.ok(arm, JSON.stringify(c.warnings));
  assert.match(arm!.text, /^claude-sonnet-4-0 \(another model this call can take, set in cell 3, line 2\): deprecated/);
  const row = buildReport([{ file: 'a.ipynb', result: { calls: [c], problems: [], approximate: false } }], table()).calls[0];
  assert.deepEqual(row.modelFrom && { ...(row.modelFrom as object), what: undefined }, { file: 'a.ipynb', cell: 4, line: 1, what: undefined });
});

test('a chat model stated only as a default, on the text-completions endpoint, is named run time (refusedDefault)', () => {
  const t = buildTable(loadShipped().sheets);
  const src = (model: string) =>
    `import os\nfrom openai import OpenAI\nclient = OpenAI()\nclient.completions.create(model=${model}, prompt="Say hi", max_tokens=10)\n`;
  // Only a fallback: the endpoint refuses gpt-4o, so the call succeeds only with the model set at run time.
  const dflt = analyze(src('os.getenv("MODEL", "gpt-4o")'), 'python', 'a.py', t, NOW).calls[0];
  assert.equal(dflt.site.model, undefined);
  assert.match(dflt.site.modelUnresolved ?? '', /^default of env MODEL: gpt-4o is a chat model, which the text-completions endpoint refuses; the model this call sends is set at run time$/);
  // A default the endpoint serves is priced as usual.
  const served = analyze(src('os.getenv("MODEL", "gpt-3.5-turbo-instruct")'), 'python', 'a.py', t, NOW).calls[0];
  assert.equal(served.site.model?.id, 'gpt-3.5-turbo-instruct');
  // A literal chat model is what the code sends: kept, with the endpoint's error.
  const literal = analyze(src('"gpt-4o"'), 'python', 'a.py', t, NOW).calls[0];
  assert.equal(literal.site.model?.id, 'gpt-4o');
  assert.ok(literal.warnings?.some((w) => w.kind === 'wrong-endpoint'), JSON.stringify(literal.warnings));
});

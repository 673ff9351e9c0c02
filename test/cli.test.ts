// The `prompt-cost scan` contract of DESIGN.md: exit codes 0/1/2, the versioned JSON shape, Markdown, a table that
// fits 100 columns, --budget, --prices (a model only a user sheet prices), --models, usage errors, skipped folders,
// and bad price sheets (exit 2 naming the file and the line).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../src/cli/main';
import { ROOT } from './util';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-cli-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

let n = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = path.join(TMP, `p${++n}`);
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, body] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, body);
  }
  return root;
}

interface Ran {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process from `cwd` (paths in the report are relative to it). */
function cli(argv: string[], cwd = TMP): Ran {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = run(argv, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

const APP_PY = `from openai import OpenAI

client = OpenAI()
SYSTEM = "You are a terse support assistant. Answer in one paragraph."

def answer(question):
    return client.chat.completions.create(
        model="gpt-4o",
        max_tokens=500,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": question},
        ],
    )
`;

const NOLIMIT_TS = `import OpenAI from "openai";
const openai = new OpenAI();

export async function summarise(text: string) {
  return openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Summarise this ticket in three bullet points." }],
  });
}
`;

/** A self-hosted model no shipped sheet prices. */
const SELF_HOSTED_PY = `import litellm

def draft(topic):
    return litellm.completion(
        model="acme-llama-70b-ft",
        max_tokens=200,
        messages=[{"role": "user", "content": "Draft a release note."}],
    )
`;

const USER_SHEET = `provider: acme
as_of: "2026-06-01"
source: https://intranet.example.com/llm-contract
models:
  acme-llama-70b-ft:
    input: 0.5
    output: 1.5
    tokenizer: llama
    token_factor: 1
    max_output: 4096
`;

function project(): string {
  return tree({
    'src/app.py': APP_PY,
    'web/summarise.ts': NOLIMIT_TS,
    'jobs/draft.py': SELF_HOSTED_PY,
    'node_modules/openai-demo/index.js': 'client.chat.completions.create({ model: "gpt-4o", messages: [] })\n',
    '.git/hooks/pre-commit.py': APP_PY,
    'generated/out.py': APP_PY,
    'scratch.py': APP_PY,
    '.gitignore': 'generated/\nscratch.py\n',
    'README.md': '# not code\n',
  });
}

interface JsonReport {
  version: number;
  priceSheets: { provider: string; asOf: string; source: string }[];
  calls: Record<string, unknown>[];
  totals: Record<string, number>;
  problems: { file: string; line?: number; message: string }[];
}

function json(r: Ran): JsonReport {
  assert.equal(r.code, 0, `exit 0 (stderr: ${r.err})`);
  return JSON.parse(r.out) as JsonReport;
}

test('--format json: the versioned shape with every documented field', () => {
  const dir = project();
  const rep = json(cli(['scan', '.', '--format', 'json'], dir));
  assert.equal(rep.version, 1);
  assert.ok(Array.isArray(rep.priceSheets) && rep.priceSheets.length > 0);
  for (const s of rep.priceSheets) {
    assert.equal(typeof s.provider, 'string');
    assert.match(s.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(s.source, /^https?:\/\//);
  }
  const files = rep.calls.map((c) => `${c.file}:${c.line}`).sort();
  assert.deepEqual(files, ['jobs/draft.py:4', 'src/app.py:7', 'web/summarise.ts:5'], 'calls, skipped folders and .gitignore honoured');
  const fields = ['file', 'line', 'language', 'sdk', 'model', 'modelKnown', 'inputTokens', 'tokenCount', 'unresolved', 'maxOutputTokens', 'maxOutputSource', 'inputUsd', 'outputUsdMax', 'totalUsdMax', 'suggestions'];
  for (const c of rep.calls) {
    for (const f of fields) assert.ok(f in c, `call field ${f}`);
    assert.ok(Number.isInteger(c.line) && (c.line as number) >= 1);
    assert.ok(c.tokenCount === 'exact' || c.tokenCount === 'estimate');
    assert.ok(['code', 'model-default', 'none'].includes(c.maxOutputSource as string));
    assert.ok(Array.isArray(c.unresolved));
    for (const s of c.suggestions as Record<string, unknown>[]) {
      assert.ok(['route', 'limit-output', 'batch', 'cache'].includes(s.kind as string), `suggestion kind ${s.kind}`);
      assert.equal(typeof s.saveUsd, 'number');
      assert.equal(typeof s.savePct, 'number');
      assert.equal(typeof s.text, 'string');
      if ('model' in s) assert.equal(typeof s.model, 'string');
    }
  }
  const app = rep.calls.find((c) => c.file === 'src/app.py')!;
  assert.equal(app.sdk, 'OpenAI');
  assert.equal(app.language, 'python');
  assert.equal(app.model, 'gpt-4o');
  assert.equal(app.modelKnown, true);
  assert.equal(app.maxOutputTokens, 500);
  assert.equal(app.maxOutputSource, 'code');
  assert.deepEqual(app.unresolved, ['question']);
  assert.ok((app.inputTokens as number) > 10);
  assert.ok((app.inputUsd as number) > 0 && (app.totalUsdMax as number) > (app.inputUsd as number));
  const ts = rep.calls.find((c) => c.file === 'web/summarise.ts')!;
  assert.notEqual(ts.maxOutputSource, 'code', 'no limit in code');
  assert.ok((ts.suggestions as { kind: string }[]).some((s) => s.kind === 'limit-output'), 'a call without a limit gets the limit advice');
  const hosted = rep.calls.find((c) => c.file === 'jobs/draft.py')!;
  assert.equal(hosted.modelKnown, false, 'not in the shipped sheets');
  assert.equal(hosted.totalUsdMax, null, 'an unknown model is never priced as zero');
  for (const k of ['calls', 'files', 'unknownModels', 'totalUsdMax', 'perMonthUsdMax']) assert.equal(typeof rep.totals[k], 'number', `totals.${k}`);
  assert.equal(rep.totals.calls, 3);
  assert.equal(rep.totals.unknownModels, 1);
  for (const p of rep.problems) {
    assert.equal(typeof p.file, 'string');
    assert.equal(typeof p.message, 'string');
    if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1);
  }
  assert.ok(rep.problems.some((p) => p.file === 'jobs/draft.py' && /acme-llama-70b-ft/.test(p.message)), 'the unknown model is a problem');
});

test('--format json: line is the sending call, requestLine where the request is built; a run-time request is kept', () => {
  const java = [
    'class Demo {',
    '  void go(OpenAIClient client) {',
    '    ResponseCreateParams params = ResponseCreateParams.builder()',
    '        .model(ChatModel.GPT_4O)',
    '        .input("Tell me a story.")',
    '        .build();',
    '    client.responses().create(params);',
    '    client.responses()',
    '        .createStreaming(params);',
    '  }',
    '}',
    '',
  ].join('\n');
  const py = 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(options):\n    params = {}\n    params.update(options)\n    return client.chat.completions.create(**params)\n';
  const dir = tree({ 'Demo.java': java, 'ask.py': py });
  const rep = json(cli(['scan', '.', '--format', 'json'], dir));
  const rows = rep.calls.map((c) => [c.file, c.line, c.requestLine ?? null, c.model]);
  assert.deepEqual(rows, [
    ['Demo.java', 7, 3, 'gpt-4o'],
    ['Demo.java', 9, 3, 'gpt-4o'],
    ['ask.py', 7, null, null],
  ]);
  const runtime = rep.calls.find((c) => c.file === 'ask.py')!;
  assert.equal(runtime.modelKnown, false);
  assert.deepEqual(runtime.unresolved, ['params (built at run time)']);
});

test('the same scan twice prints the same JSON', () => {
  const dir = project();
  assert.equal(cli(['scan', '.', '--format', 'json'], dir).out, cli(['scan', '.', '--format', 'json'], dir).out);
});

test('--prices prices a self-hosted model from a user sheet, and lists that sheet', () => {
  const dir = project();
  const sheet = path.join(dir, 'acme.yaml');
  fs.writeFileSync(sheet, USER_SHEET);
  const rep = json(cli(['scan', '.', '--format', 'json', '--prices', sheet], dir));
  const hosted = rep.calls.find((c) => c.file === 'jobs/draft.py')!;
  assert.equal(hosted.modelKnown, true);
  const tokens = hosted.inputTokens as number;
  assert.ok(Math.abs((hosted.inputUsd as number) - (tokens * 0.5) / 1e6) < 1e-6, 'input at the sheet price');
  assert.ok(Math.abs((hosted.outputUsdMax as number) - (200 * 1.5) / 1e6) < 1e-6, 'output at the limit in code, at the sheet price');
  assert.ok(rep.priceSheets.some((s) => s.provider === 'acme' && s.asOf === '2026-06-01'), 'the user sheet is listed');
  assert.equal(rep.totals.unknownModels, 0);
  // --prices=FILE works too.
  assert.equal(cli(['scan', '.', '--format', 'json', `--prices=${sheet}`], dir).code, 0);
});

test('--budget: exit 1 naming the calls over it, exit 0 under it', () => {
  const dir = project();
  const over = cli(['scan', '.', '--budget', '0.000001'], dir);
  assert.equal(over.code, 1);
  assert.match(over.err, /over the budget/);
  assert.match(over.err, /src\/app\.py:7/);
  const under = cli(['scan', '.', '--budget', '1000'], dir);
  assert.equal(under.code, 0, under.err);
  assert.equal(under.err, '');
  const bad = cli(['scan', '.', '--budget', 'cheap'], dir);
  assert.equal(bad.code, 2);
});

test('--models routes to the models given; never to one whose shutdown is announced', () => {
  const dir = tree({ 'src/app.py': APP_PY.replace('gpt-4o', 'gpt-5.4') });
  const rep = json(cli(['scan', 'src', '--format', 'json', '--models', 'gpt-5.4,gpt-5.4-mini'], dir));
  const app = rep.calls.find((c) => c.file === 'src/app.py')!;
  const routes = (app.suggestions as { kind: string; model?: string; savePct: number }[]).filter((s) => s.kind === 'route');
  assert.ok(routes.some((s) => s.model === 'gpt-5.4-mini' && s.savePct > 0), `route to gpt-5.4-mini: ${JSON.stringify(app.suggestions)}`);
  assert.ok(routes.every((s) => s.model === 'gpt-5.4-mini'), 'only the models given');
  // gpt-4o-mini shuts down on 2027-01-14 (pricing/openai.yaml): not a target even when named.
  const old = json(cli(['scan', '.', '--format', 'json', '--models', 'gpt-4o,gpt-4o-mini'], project()));
  const gpt4o = old.calls.find((c) => c.file === 'src/app.py')!;
  assert.ok(!(gpt4o.suggestions as { model?: string }[]).some((s) => s.model === 'gpt-4o-mini'), JSON.stringify(gpt4o.suggestions));
});

test('--format markdown: a titled table with a row per call and the price sheets', () => {
  const dir = project();
  const r = cli(['scan', '.', '--format', 'markdown'], dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /^# Prompt Cost report/);
  const rows = r.out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| File'));
  assert.equal(rows.length, 3);
  assert.ok(rows.some((l) => l.includes('src/app.py') && l.includes('| 7 |') && l.includes('gpt-4o')));
  assert.match(r.out, /Prices: /);
});

test('--format table fits 100 columns, with long paths and model ids too', () => {
  const longModel = 'my-org-finetuned-' + 'x'.repeat(60);
  const dir = tree({
    [`very/deeply/nested/${'folder/'.repeat(8)}module_with_a_long_name.py`]: APP_PY,
    'b.py': APP_PY.replace('gpt-4o', longModel),
    'c.ts': NOLIMIT_TS,
  });
  const r = cli(['scan', '.'], dir);
  assert.equal(r.code, 0);
  const lines = r.out.split('\n');
  const table = lines.slice(0, lines.indexOf(''));
  assert.ok(table.length >= 5, 'header, rule and rows');
  const summary = lines.find((l) => /calls in \d+ files/.test(l));
  assert.ok(summary);
  for (const l of [...table, summary!]) assert.ok([...l].length <= 100, `${[...l].length} columns: ${l}`);
  assert.ok(table.some((l) => l.includes('long_name.py:7')), 'the end of a long path and the line are kept');
});

test('usage errors exit 2 with a one-line message on stderr', () => {
  const dir = project();
  const cases: [string[], RegExp][] = [
    [['scan', '.', '--frobnicate'], /unknown option --frobnicate/],
    [['scan', '.', '--format', 'xml'], /--format/],
    [['scan', '.', '--prices'], /--prices needs a value/],
    [['scan', 'does-not-exist'], /does-not-exist/],
    [['lint', '.'], /unknown command/],
    [[], /command/],
  ];
  for (const [argv, re] of cases) {
    const r = cli(argv, dir);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '', `${argv.join(' ')}: nothing on stdout`);
    assert.match(r.err, re);
    assert.equal(r.err.trimEnd().split('\n').length, 1, `one line: ${JSON.stringify(r.err)}`);
  }
});

test('--help and --version exit 0', () => {
  const h = cli(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /Usage: prompt-cost scan/);
  const v = cli(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.out.trim(), /^\d+\.\d+\.\d+/);
});

test('an empty folder, or one without calls, is exit 0 with zero calls', () => {
  const dir = tree({ 'util.py': 'def add(a, b):\n    return a + b\n' });
  const rep = json(cli(['scan', '.', '--format', 'json'], dir));
  assert.equal(rep.calls.length, 0);
  assert.equal(rep.totals.calls, 0);
});

test('binary, minified and invalid UTF-8 files are notes in problems, and the scan goes on', () => {
  const dir = tree({
    'ok.py': APP_PY,
    'blob.py': Buffer.concat([Buffer.from(APP_PY), Buffer.from([0, 0, 0, 1])]),
    'bundle.js': ('var a=1;' + NOLIMIT_TS.replace(/\n/g, ' ')).repeat(100),
    'latin1.py': Buffer.concat([Buffer.from(APP_PY), Buffer.from([0xe9, 0xff, 0x0a])]),
  });
  const rep = json(cli(['scan', '.', '--format', 'json'], dir));
  const byFile = new Map(rep.problems.map((p) => [p.file, p.message]));
  assert.match(byFile.get('blob.py') ?? '', /binary/);
  assert.match(byFile.get('bundle.js') ?? '', /minified/);
  assert.match(byFile.get('latin1.py') ?? '', /UTF-8/);
  assert.deepEqual(rep.calls.map((c) => c.file).sort(), ['latin1.py', 'ok.py']);
});

test('--max-file-kb skips larger files with a note', () => {
  const dir = tree({ 'big.py': APP_PY + '#'.repeat(3000) + '\n', 'small.py': APP_PY });
  const rep = json(cli(['scan', '.', '--format', 'json', '--max-file-kb', '2'], dir));
  assert.deepEqual(rep.calls.map((c) => c.file), ['small.py']);
  assert.ok(rep.problems.some((p) => p.file === 'big.py' && /larger than 2 KB/.test(p.message)));
});

// ------------------------------------------------------------------------------------------------
// Bad price sheets: exit 2, the message names the file and the line.

const BAD_SHEETS: [string, string, number | undefined][] = [
  ['malformed YAML (bad indentation)', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1:\n    input: 1\n   output: 2\n', 7],
  ['malformed YAML (a stray closer)', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1: {input: 1, output: 2}}\n', 5],
  ['wrong type', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1:\n    input: "cheap"\n    output: 2\n', 6],
  ['negative price', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1:\n    input: 1\n    output: -2\n', 7],
  ['absurd price', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1:\n    input: 1e12\n    output: 2\n', 6],
  ['unknown field', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1:\n    input: 1\n    output: 2\n    discount: 0.5\n', 8],
  ['models not a map', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels: [a, b]\n', 4],
  ['duplicate model', 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n  m1: {input: 1, output: 2}\n  m1: {input: 3, output: 4}\n', 6],
];

for (const [name, yaml, line] of BAD_SHEETS) {
  test(`a price sheet with ${name}: exit 2 naming the file and line ${line}`, () => {
    const dir = project();
    const sheet = path.join(dir, `bad-${name.replace(/\W+/g, '-')}.yaml`);
    fs.writeFileSync(sheet, yaml);
    const r = cli(['scan', '.', '--prices', sheet], dir);
    assert.equal(r.code, 2, `exit 2 (stderr: ${r.err})`);
    assert.equal(r.out, '');
    assert.ok(r.err.includes(`${sheet}:${line}`), `names ${path.basename(sheet)}:${line}: ${r.err}`);
    assert.equal(r.err.trimEnd().split('\n').length, 1, 'one line');
  });
}

test('a price-sheet alias bomb: exit 2 naming the file and a line, refused before it is expanded', () => {
  const dir = project();
  const sheet = path.join(dir, 'bomb.yaml');
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  fs.writeFileSync(sheet, `provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nbomb:\n${levels.map((l) => '  ' + l).join('\n')}\nmodels:\n  m1: {input: 1, output: 2}\n`);
  const r = cli(['scan', '.', '--prices', sheet], dir);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /bomb\.yaml:\d+/, `names the file and a line: ${r.err}`);
  // The YAML reader's alias count stops it (9^10 strings if followed), not a later check on what it built.
  assert.match(r.err, /alias/i, `refused for its aliases: ${r.err}`);
});

test('a huge price sheet is refused without parsing it: exit 2 naming the file', () => {
  const dir = project();
  const sheet = path.join(dir, 'huge.yaml');
  const head = 'provider: acme\nas_of: "2026-06-01"\nsource: https://x.example\nmodels:\n';
  fs.writeFileSync(sheet, head + Array.from({ length: 90_000 }, (_, i) => `  model-${i}: {input: 1, output: 2}`).join('\n') + '\n');
  assert.ok(fs.statSync(sheet).size > 2 * 1024 * 1024);
  const r = cli(['scan', '.', '--prices', sheet], dir);
  assert.equal(r.code, 2);
  assert.ok(r.err.includes(sheet), r.err);
  assert.match(r.err, /large/);
});

test('a missing or folder --prices path: exit 2 naming it', () => {
  const dir = project();
  for (const p of [path.join(dir, 'nope.yaml'), dir]) {
    const r = cli(['scan', '.', '--prices', p], dir);
    assert.equal(r.code, 2);
    assert.ok(r.err.includes(p), r.err);
  }
});

// ------------------------------------------------------------------------------------------------
// The built binary: the bin entry in package.json runs, with the same exit codes.

test('the built dist/cli.js runs as a program with the documented exit codes', (t) => {
  const bin = path.join(ROOT, 'dist', 'cli.js');
  assert.ok(fs.existsSync(bin), 'dist/cli.js is built by `node esbuild.mjs --tests` (npm test builds it)');
  const dir = project();
  const ok = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).version, 1);
  const over = spawnSync(process.execPath, [bin, 'scan', '.', '--budget', '0.000001'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(over.status, 1);
  const usage = spawnSync(process.execPath, [bin, 'scan', '--nope'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(usage.status, 2);
  assert.equal(usage.stderr.trimEnd().split('\n').length, 1);
  // A user sheet needs the YAML parser, which the bundle requires from dist/yaml.cjs on first use.
  const sheet = path.join(dir, 'acme.yaml');
  fs.writeFileSync(sheet, USER_SHEET);
  const priced = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json', '--prices', sheet], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(priced.status, 0, priced.stderr);
  const hosted = (JSON.parse(priced.stdout).calls as { file: string; modelKnown: boolean }[]).find((c) => c.file === 'jobs/draft.py');
  assert.equal(hosted?.modelKnown, true, 'priced from the user sheet');
  t.diagnostic(`dist/cli.js: ${ok.stdout.length} bytes of JSON`);
});

test('the built dist/cli.js stops quietly when the reader of its output goes away (`| head`), keeping its exit code', () => {
  const bin = path.join(ROOT, 'dist', 'cli.js');
  const dir = project();
  // `true` exits before node has started, so the scan writes into a pipe nobody reads (EPIPE).
  const piped = (args: string) =>
    spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" scan . ${args} | true; echo "status=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  for (const [args, status] of [['--format json', 0], ['--budget 0.000001', 1]] as const) {
    const r = piped(args);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /, r.stderr);
    assert.equal(r.stdout.trim(), `status=${status}`, args);
  }
});

test('scan --at: the moment prices are taken at; a bad time is a usage error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-at-'));
  fs.writeFileSync(path.join(dir, 'a.py'), 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="deepseek-v4-flash", max_tokens=1000, messages=[{"role": "user", "content": "hi"}])\n');
  const json = (at: string) => {
    let out = '';
    const code = run(['scan', dir, '--format', 'json', '--at', at], (s) => (out += s), () => {});
    assert.equal(code, 0);
    return JSON.parse(out).calls[0];
  };
  // The worst case is the peak rate at any hour; the off-peak advice is there either way.
  assert.equal(json('2026-11-30T08:00:00Z').outputUsdMax, json('2026-11-30T17:00:00Z').outputUsdMax);
  assert.ok(json('2026-11-30T17:00:00Z').suggestions.some((s: { kind: string }) => s.kind === 'off-peak'));
  let err = '';
  assert.equal(run(['scan', dir, '--at', 'soon'], () => {}, (s) => (err += s)), 2);
  assert.match(err, /--at must be a date or time/);
});

test('an output limit set at run time for a model with no known maximum output: the worst-case output is unknown, never $0', () => {
  // Seen as "$0†" in the table (a Go local `maxTokens := cfg.MaxTokens`); reproduced in Go, Python and TypeScript with
  // the shipped gpt-4-32k, claude-3-5-sonnet, gemini-1.5-flash and deepseek-reasoner, which have no max_output.
  const files = ['test/fixtures/go/runtime_limit_local.go', 'test/fixtures/python/runtime_limit_param.py', 'test/fixtures/typescript/runtime_limit_env.ts'];
  const prices = ['--prices', 'test/fixtures/pricing/no-max-output.yaml'];
  const rep = json(cli(['scan', ...files, '--format', 'json', ...prices], ROOT));
  assert.equal(rep.calls.length, 3);
  for (const c of rep.calls) {
    assert.equal(c.modelKnown, true, String(c.file));
    assert.equal(c.maxOutputSource, 'runtime', String(c.file));
    assert.equal(c.maxOutputTokens, null, String(c.file));
    assert.equal(c.outputUsdMax, null, `${c.file}: no dollar figure for an unknown worst case`);
  }
  const table = cli(['scan', ...files, ...prices], ROOT).out;
  assert.doesNotMatch(table, /\$0†/);
  assert.equal(table.match(/unknown†/g)?.length, 3, table);
  const md = cli(['scan', ...files, '--format', 'markdown', ...prices], ROOT).out;
  assert.equal(md.match(/\| \$0\.0000|\| \$0 \|/g), null, md);
  assert.equal(md.match(/\| unknown \|/g)?.length, 3, md);
});

test('no output limit and no known maximum output: the worst case is unknown, never the input alone, and the totals say so', () => {
  // Seen with Groq's mixtral-8x7b-32768 (no max_output in its sheet): JSON gave outputUsdMax 0 and the totals priced
  // the input only, so a CI budget could never see the output.
  const root = tree({
    'bot.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="acme-chat", messages=[{"role": "user", "content": "Hi"}])\nclient.chat.completions.create(model="acme-chat", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n',
  });
  const prices = ['--prices', path.join(ROOT, 'test/fixtures/pricing/no-max-output.yaml')];
  const rep = json(cli(['scan', '.', '--format', 'json', ...prices], root));
  const [open, capped] = rep.calls as Record<string, unknown>[];
  assert.equal(open.maxOutputSource, 'none');
  assert.equal(open.outputUsdMax, null);
  assert.equal(capped.outputUsdMax, 0.0004);
  const totals = rep.totals as Record<string, number>;
  assert.equal(totals.outputUnknown, 1);
  const table = cli(['scan', '.', ...prices], root).out;
  assert.match(table, /output of 1 call\(s\) with no known maximum not included/);
  const md = cli(['scan', '.', '--format', 'markdown', ...prices], root).out;
  assert.match(md, /output of 1 call\(s\) with no known maximum not included/);
});

test('JSON names the expression that picks a model known only at run time; a known or assumed model has none', () => {
  const root = tree({
    'bot.py': `import os\nfrom openai import OpenAI\n\nclient = OpenAI()\n\nclass Bot:\n    def __init__(self, model):\n        self.model = model\n\n    def ask(self, q):\n        return client.chat.completions.create(model=self.model, max_tokens=100, messages=[{"role": "user", "content": q}])\n\nclient.chat.completions.create(model=os.environ["CHAT_MODEL"], max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n\ndef pick(cfg):\n    return client.chat.completions.create(model=cfg["ai"]["model"], max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n`,
    'app.py': APP_PY,
  });
  const j = JSON.parse(cli(['scan', '.', '--format', 'json'], root).out);
  const by = (file: string, line: number) => j.calls.find((c: { file: string; line: number }) => c.file === file && c.line === line);
  // The whole index chain, not its first step (`cfg["ai"]`).
  assert.equal(by('bot.py', 16).modelUnresolved, 'cfg["ai"]["model"]');
  assert.equal(by('bot.py', 11).model, null);
  assert.equal(by('bot.py', 11).modelUnresolved, 'self.model');
  assert.match(by('bot.py', 13).modelUnresolved, /CHAT_MODEL/);
  assert.equal('modelUnresolved' in j.calls.find((c: { file: string }) => c.file === 'app.py'), false);
  const assumed = JSON.parse(cli(['scan', '.', '--format', 'json', '--assume-model', 'gpt-4o-mini'], root).out);
  assert.equal('modelUnresolved' in assumed.calls.find((c: { file: string; line: number }) => c.file === 'bot.py' && c.line === 11), false);
});

test('JSON lists the other models a call can send (an if / else arm), the dearest priced; a single model lists none', () => {
  const root = tree({
    'pick.py': `from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(q, premium=False):\n    if premium:\n        model = "gpt-4.1"\n    else:\n        model = "gpt-4.1-nano"\n    return client.chat.completions.create(model=model, max_tokens=200, messages=[{"role": "user", "content": q}])\n`,
    'app.py': APP_PY,
  });
  const j = JSON.parse(cli(['scan', '.', '--format', 'json'], root).out);
  const pick = j.calls.find((c: { file: string }) => c.file === 'pick.py');
  assert.equal(pick.model, 'gpt-4.1');
  assert.deepEqual(pick.modelOthers, ['gpt-4.1-nano']);
  assert.equal('modelOthers' in j.calls.find((c: { file: string }) => c.file === 'app.py'), false);
});

test('JSON names where a model and a limit defined in another file come from, relative like the rows; literals name none', () => {
  const root = tree({
    'settings.py': `MODEL = "gpt-4.1-mini"\nLIMIT = 700\n`,
    'svc/ask.py': `from openai import OpenAI\nfrom settings import MODEL, LIMIT\n\nclient = OpenAI()\nCAP = 300\n\nclient.chat.completions.create(model=MODEL, max_tokens=LIMIT, messages=[{"role": "user", "content": "Hi"}])\nclient.chat.completions.create(model="gpt-4o", max_tokens=CAP, messages=[{"role": "user", "content": "Hi"}])\n`,
  });
  const j = JSON.parse(cli(['scan', 'svc', '--format', 'json'], root).out);
  const [imported, local] = j.calls;
  assert.equal(imported.file, 'svc/ask.py');
  assert.deepEqual([imported.modelFrom.file, imported.modelFrom.line], ['settings.py', 1]);
  assert.match(imported.modelFrom.what, /MODEL/);
  assert.deepEqual([imported.maxOutputFrom.file, imported.maxOutputFrom.line, imported.maxOutputTokens], ['settings.py', 2, 700]);
  assert.equal('modelFrom' in local, false);
  assert.deepEqual([local.maxOutputFrom.file, local.maxOutputFrom.line], ['svc/ask.py', 5]);
});

test('scan . run in the package folder reads the callers of an exported class in that folder (package root "")', () => {
  const root = tree({
    'package.json': '{ "name": "w" }',
    'writer.js': `const OpenAI = require("openai");\nclass Writer {\n  constructor(opts = {}) { this.opts = opts; this.client = new OpenAI(); }\n  run(t) { return this.client.chat.completions.create({ model: this.opts.model || "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: t }] }); }\n}\nmodule.exports = Writer;\n`,
    'app.js': `const Writer = require("./writer");\nmodule.exports = new Writer({ model: "gpt-4.1" });\n`,
  });
  const [row] = JSON.parse(cli(['scan', '.', '--format', 'json'], root).out).calls;
  assert.equal(row.file, 'writer.js');
  assert.equal(row.model, 'gpt-4.1');
  assert.deepEqual([row.modelFrom.file, row.modelFrom.line], ['app.js', 2]);
});

test('an assumed model is marked as assumed in JSON, the table and Markdown; a model the code names is not', () => {
  const root = tree({
    'runtime.py': `import os\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n# prompt-cost: model=gpt-4.1-mini\nclient.chat.completions.create(model=os.environ["CHAT_MODEL"], max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n\nclient.chat.completions.create(model=os.environ["OTHER_MODEL"], max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n`,
    'app.py': APP_PY,
  });
  const j = JSON.parse(cli(['scan', '.', '--format', 'json', '--assume-model', 'gpt-4o-mini'], root).out);
  const by = (file: string, line: number) => j.calls.find((c: { file: string; line: number }) => c.file === file && c.line === line);
  assert.equal(by('runtime.py', 7).model, 'gpt-4.1-mini');
  assert.equal(by('runtime.py', 7).modelAssumed, 'comment');
  assert.equal(by('runtime.py', 9).model, 'gpt-4o-mini');
  assert.equal(by('runtime.py', 9).modelAssumed, 'setting');
  const named = j.calls.find((c: { file: string }) => c.file === 'app.py');
  assert.equal(named.model, 'gpt-4o');
  assert.equal('modelAssumed' in named, false, 'a model written in the code is not assumed');
  const table = cli(['scan', '.', '--format', 'table', '--assume-model', 'gpt-4o-mini'], root).out;
  assert.match(table, /runtime\.py:7\s+gpt-4\.1-mini \(assumed\)/);
  assert.match(table, /app\.py:\d+\s+gpt-4o\s/);
  assert.match(cli(['scan', '.', '--format', 'markdown', '--assume-model', 'gpt-4o-mini'], root).out, /\| gpt-4o-mini \(assumed\) \|/);
});

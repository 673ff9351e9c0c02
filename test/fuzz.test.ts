// Property-based fuzzing of analyze() (issue 6): random and mutated sources in every supported language.
// Properties: no exception escapes, every offset it returns is inside the text, and the same input twice gives
// deep-equal results. FUZZ_RUNS sets the total number of cases (default 2,000; the nightly run uses 100,000):
//   FUZZ_RUNS=100000 node --test out/test/fuzz.test.js
// A failure prints fast-check's seed and counterexample; FUZZ_SEED=<seed> replays the same run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze, type AnalysisResult } from '../src/core/analyze';
import { LANGUAGES, SUPPORTED_LANGUAGE_IDS, languageIdForFile } from '../src/core/lex/languages';
import { SHAPES } from '../src/core/scan/call-shapes';
import { buildTable } from '../src/core/price/sheets';
import { limitEdit, modelEdit } from '../src/core/editor/edits';
import { loadShipped } from '../src/node/sheets';
import type { AnalyzeOptions, Span } from '../src/core/types';
import { FIXTURES, ROOT } from './util';

const TABLE = buildTable(loadShipped().sheets);
const TOTAL = Math.max(10, Number(process.env.FUZZ_RUNS) || 2000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Every language id the engine accepts: VS Code ids, syntax rows, and an unknown one (the C-like default). */
const LANG_IDS = [...new Set([...SUPPORTED_LANGUAGE_IDS, ...Object.keys(LANGUAGES), 'plaintext'])];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pricing' || d.name === 'hostile' ? [] : sourceFiles(p);
    return languageIdForFile(d.name) ? [p] : [];
  });
}

const SEEDS = [...sourceFiles(FIXTURES), ...sourceFiles(path.join(ROOT, 'examples'))]
  .sort()
  .map((p) => ({ name: path.relative(ROOT, p), lang: languageIdForFile(p)!, text: fs.readFileSync(p, 'utf8') }));

/** Fragments that open, close or confuse the lexer of some language, and the words the scanner looks for. */
const NASTY = [
  '"', "'", '`', '"""', "'''", '(', ')', '[', ']', '{', '}', '${', '#{', '\\(', '{$', '$', '\\', '\\\\', '/*', '*/', '//',
  '#', '=begin\n', '=end\n', '<<~EOS\n', '\nEOS\n', '<<-EOS', '<<<EOT\n', "<<<'EOT'\n", '\nEOT;\n', '%q(', '%Q{', '%w[',
  'r#"', '"#', '#"', '"#', 'b"', 'f"', 'rf"', '$@"', '@"', '$"', '{{', '}}', '{%', '%}', '---\n', '\n', '\r\n', '\r', '\t',
  '\u0000', '\ud800', '\udfff', '\ufeff', '\u2028', '😀', 'é', ',', ':', '=', '=>', ':=', '::', '->', '.', ';', '+', '...',
  '**', 'model=', 'model: ', '"model": ', 'max_tokens=', 'max_tokens: ', 'maxOutputTokens: ', '.model(', '.maxTokens(',
  'messages=[', 'content: ', 'system=', 'prompt: ', '1e309', '-1', '0x7fffffff', '99999999999999999999', 'NaN', '1_000',
  'openai.Int(', 'new UserChatMessage(', 'new ChatClient(', 'ChatCompletionOptions', 'A = "gpt-4o"\n', 'const M = "x";\n',
  ...new Set(SHAPES.map((s) => s.anchor.join(''))),
];

const MODELS = ['"gpt-4o"', '"gpt-4o-mini"', "'claude-3-5-haiku-20241022'", '"gemini-2.0-flash"', '"unknown-model"', '""', 'MODEL', 'os.environ["M"]'];

/** Token soup: code-like text in any language's syntax. */
const soup = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 2, arbitrary: fc.constantFrom(...MODELS) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n    ', 'client.', 'x', 'role', '"user"', 'Hello {name}!', '42') },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const shortSoup = fc.oneof(fc.constant(''), soup.map((x) => x.slice(0, 40)));

const KEYS = ['model', 'max_tokens', 'max_completion_tokens', 'maxOutputTokens', 'MaxOutputTokenCount', 'messages', 'content', 'role', 'system', 'prompt', 'input', 'instructions', 'config', 'inferenceConfig', 'thinking', 'budget_tokens', '"model"', "'max_tokens'"];
const SEPS = ['=', ': ', ' => ', ' = '];
const VALUES = [...MODELS, '800', '1e3', '-5', 'LIMIT', 'openai.Int(300)', '"Summarise: " + TEXT', 'f"Hi {name}"', '`Hi ${name}`', '"""Long\n text"""', '[{"role": "user", "content": "hi"}]', '{ maxTokens: 50 }', 'UserMessage("hi")', 'SYSTEM'];

/** A call built from the shape table with random keyed arguments, wrapped in soup: more paths reach the readers. */
const callSoup = fc
  .record({
    pre: shortSoup,
    model: fc.option(fc.tuple(fc.constantFrom('model', '"model"', 'Model'), fc.constantFrom(...SEPS), fc.constantFrom(...MODELS)), { freq: 4 }),
    consts: fc.array(fc.tuple(fc.constantFrom('MODEL', 'LIMIT', 'SYSTEM', 'TEXT'), fc.constantFrom(...VALUES)), { maxLength: 3 }),
    shape: fc.constantFrom(...SHAPES),
    lang: fc.option(fc.constantFrom(...LANG_IDS), { freq: 4 }),
    args: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SEPS), fc.oneof(fc.constantFrom(...VALUES), soup)), { maxLength: 6 }),
    close: fc.constantFrom(')', '))', '', ').build()', ')\n'),
    post: shortSoup,
  })
  .map(({ pre, model, consts, shape, lang, args, close, post }) => ({
    text:
      pre + '\n' + consts.map(([k, v]) => `${k} = ${v}\n`).join('') + 'client.' + shape.anchor.join('') +
      [...(model ? [model] : []), ...args].map(([k, s, v]) => k + s + v).join(', ') + close + post,
    // Mostly a language the shape is for, so the anchor counts; sometimes any language.
    lang: lang ?? shape.langs?.[0] ?? 'python',
    from: 'call soup',
  }));

type Mutation =
  | { op: 'insert'; at: number; frag: string }
  | { op: 'splice'; at: number; from: number; start: number; len: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; to: number }
  | { op: 'move'; at: number; len: number; to: number }
  | { op: 'truncate'; at: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: frac, frag: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6, unit: 'binary' })) }),
  fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: frac, len: fc.integer({ min: 1, max: 400 }), to: frac }),
  fc.record({ op: fc.constant('move' as const), at: frac, len: fc.integer({ min: 1, max: 200 }), to: frac }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
  // A slice of another seed file, often in another language.
  fc.record({ op: fc.constant('splice' as const), at: frac, from: frac, start: frac, len: fc.integer({ min: 1, max: 600 }) }),
);

function mutate(text: string, ms: Mutation[]): string {
  let s = text;
  for (const m of ms) {
    const at = Math.floor(m.at * (s.length + 1));
    switch (m.op) {
      case 'insert':
        s = s.slice(0, at) + m.frag + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.len);
        break;
      case 'duplicate': {
        const slice = s.slice(at, at + m.len);
        const to = Math.floor(m.to * (s.length + 1));
        s = s.slice(0, to) + slice + s.slice(to);
        break;
      }
      case 'move': {
        const slice = s.slice(at, at + m.len);
        const rest = s.slice(0, at) + s.slice(at + m.len);
        const to = Math.floor(m.to * (rest.length + 1));
        s = rest.slice(0, to) + slice + rest.slice(to);
        break;
      }
      case 'truncate':
        s = s.slice(0, at);
        break;
      case 'splice': {
        const other = SEEDS[Math.floor(m.from * SEEDS.length)].text;
        const start = Math.floor(m.start * other.length);
        s = s.slice(0, at) + other.slice(start, start + m.len) + s.slice(at);
        break;
      }
    }
  }
  return s;
}

const mutatedFixture = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    muts: fc.array(mutation, { minLength: 1, maxLength: 8 }),
    // Mostly the file's own language; sometimes another row reads it (a .py file opened as Rust).
    otherLang: fc.option(fc.constantFrom(...LANG_IDS), { freq: 5 }),
  })
  .map(({ seed, muts, otherLang }) => ({ text: mutate(seed.text, muts), lang: otherLang ?? seed.lang, from: seed.name }));

const randomSource = fc.oneof(
  { weight: 1, arbitrary: fc.record({ text: soup, lang: fc.constantFrom(...LANG_IDS), from: fc.constant('soup') }) },
  { weight: 3, arbitrary: callSoup },
);

/** Arbitrary UTF-16 (lone surrogates included) after an anchor, so the scanner does not skip the text. */
const randomUnicode = fc
  .record({
    anchor: fc.constantFrom(...new Set(SHAPES.map((s) => 'x.' + s.anchor.join(''))), '---\nmodel: gpt-4o\n---\n'),
    // A call is only a call with a model or a prompt in it: without a key first, arbitrary text never made one.
    key: fc.constantFrom('', 'model="gpt-4o", ', '{ model: "gpt-4o", '),
    body: fc.string({ unit: 'binary', maxLength: 300 }),
    lang: fc.constantFrom(...LANG_IDS),
  })
  .map(({ anchor, key, body, lang }) => ({ text: anchor + key + body, lang, from: 'unicode' }));

const MODEL_IDS = TABLE.models.map((m) => m.id);
/** Options the settings reader and the CLI can produce: non-negative numbers, any model list, approximate counts. */
const options: fc.Arbitrary<Partial<AnalyzeOptions>> = fc.record(
  {
    expectedOutputTokens: fc.oneof(fc.constantFrom(0, 1, 300, 1e9), fc.nat()),
    callsPerMonth: fc.oneof(fc.constantFrom(0, 1, 1e12), fc.nat()),
    compareModels: fc.array(fc.oneof(fc.constantFrom(...MODEL_IDS), fc.constantFrom('', 'unknown-model', 'GPT-4O', 'openai/gpt-4o', ' gpt-4o ')), { maxLength: 4 }),
    allowApproximate: fc.boolean(),
  },
  { requiredKeys: [] },
);

const isOffset = (n: unknown, len: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= len;

function checkSpan(what: string, s: Span | undefined, len: number): void {
  if (s === undefined) return;
  assert.ok(isOffset(s.start, len) && isOffset(s.end, len) && s.start <= s.end, `${what} {${s.start}, ${s.end}} outside a text of ${len}`);
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The properties every result must have. */
function checkResult(text: string, r: AnalysisResult): void {
  const len = text.length;
  const lines = lineCount(text);
  for (const c of r.calls) {
    const s = c.site;
    checkSpan('site.span', s.span, len);
    checkSpan('site.anchor', s.anchor, len);
    assert.ok(s.anchor.start >= s.span.start && s.anchor.end <= s.span.end, `anchor {${s.anchor.start}, ${s.anchor.end}} outside the call {${s.span.start}, ${s.span.end}}`);
    checkSpan('model.span', s.model?.span, len);
    checkSpan('maxOutput.span', s.maxOutput?.span, len);
    s.parts.forEach((p, i) => checkSpan(`parts[${i}].span`, p.span, len));
    if (s.limitInsertion) assert.ok(isOffset(s.limitInsertion.offset, len), `limitInsertion.offset ${s.limitInsertion.offset} outside a text of ${len}`);
    assert.ok(Number.isInteger(c.line) && c.line >= 1 && c.line <= lines, `line ${c.line} of ${lines}`);
    assert.equal(c.line, text.slice(0, s.anchor.start).split('\n').length, 'line is the line of the anchor');
    const e = c.estimate;
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'number') assert.ok(Number.isFinite(v) && v >= 0, `estimate.${k} = ${v}`);
    }
    for (const sug of c.suggestions) assert.ok(Number.isFinite(sug.saveUsd) && Number.isFinite(sug.savePct), `suggestion ${sug.kind} numbers`);
    // Quick-fix edits are offsets into the same text.
    const me = modelEdit(s, 'gpt-4o-mini');
    if (me) checkSpan('modelEdit span', me.span, len);
    const le = limitEdit(s, 500);
    if (le) checkSpan('limitEdit span', le.span, len);
  }
  for (const p of r.problems) if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines, `problem line ${p.line} of ${lines}`);
}

function property(text: string, lang: string, opts: Partial<AnalyzeOptions> = {}): number {
  let r1: AnalysisResult;
  let r2: AnalysisResult;
  try {
    r1 = analyze(text, lang, 'fuzz', TABLE, opts);
    r2 = analyze(text, lang, 'fuzz', TABLE, opts);
  } catch (e) {
    assert.fail(`analyze threw on ${lang}: ${(e as Error).stack ?? e}`);
  }
  checkResult(text, r1);
  assert.deepEqual(r2, r1, 'same input twice gives the same result');
  return r1.calls.length;
}

const stats: { name: string; runs: number; ms: number; calls: number }[] = [];

function run(name: string, arb: fc.Arbitrary<{ text: string; lang: string; from: string }>, share: number) {
  const numRuns = Math.max(1, Math.round(TOTAL * share));
  test(`fuzz: ${name} (${numRuns} cases)`, { timeout: 24 * 60 * 60 * 1000 }, (t) => {
    let calls = 0;
    let cases = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(arb, fc.option(options, { freq: 3 }), ({ text, lang }, opts) => {
        cases++;
        calls += property(text, lang, opts ?? {});
      }),
      { numRuns, seed: SEED, endOnFailure: false },
    );
    const ms = performance.now() - t0;
    stats.push({ name, runs: numRuns, ms, calls });
    t.diagnostic(`${numRuns} cases in ${(ms / 1000).toFixed(1)} s, ${calls} calls found`);
    // Every case asked for reached the properties (none skipped by a filter or a pre-condition), and the inputs hold
    // calls: a generator that stopped producing anchors would pass the properties on nothing. (With a handful of cases,
    // FUZZ_RUNS=10, none may hold a call by chance.)
    assert.equal(cases, numRuns, 'cases run');
    if (numRuns >= 100) assert.ok(calls > 0, `${name}: no call found in ${numRuns} cases`);
  });
}

test('fuzz seeds: fixtures and examples, many languages, each passes the properties unmutated', (t) => {
  const langs = new Set(SEEDS.map((s) => s.lang));
  t.diagnostic(`${SEEDS.length} seed files in ${langs.size} languages: ${[...langs].sort().join(', ')}`);
  assert.ok(SEEDS.length >= 10 && langs.size >= 8, `${SEEDS.length} seeds, ${langs.size} languages`);
  let calls = 0;
  for (const s of SEEDS) calls += property(s.text, s.lang);
  assert.ok(calls > 0, 'the seeds hold calls');
});

run('mutated fixtures', mutatedFixture, 0.6);
run('token soup in every language', randomSource, 0.25);
run('arbitrary UTF-16 after an anchor', randomUnicode, 0.15);

test('fuzz: a cancelled analysis returns a valid, possibly shorter result', () => {
  for (const s of SEEDS) {
    const full = analyze(s.text, s.lang, 'fuzz', TABLE);
    const r = analyze(s.text, s.lang, 'fuzz', TABLE, {}, { isCancellationRequested: true });
    assert.ok(Array.isArray(r.calls) && r.calls.length <= full.calls.length, `${s.name}: at most the full result`);
    checkResult(s.text, r);
  }
});

// The summary is a note, not a test (it asserted nothing that could fail).
after(() => {
  const runs = stats.reduce((a, s) => a + s.runs, 0);
  const ms = stats.reduce((a, s) => a + s.ms, 0);
  if (runs) console.log(`fuzz: ${runs} cases in ${(ms / 1000).toFixed(1)} s (FUZZ_RUNS=${TOTAL}${SEED !== undefined ? `, seed ${SEED}` : ''})`);
});

test('fuzz counterexample: a TypeScript file cut inside a call and read as Python is analysed, not thrown on', () => {
  // Seed -1295613421: the arrow function's body never closes, so its end was -1 and visible.ts read toks[-1].
  const text = 'import OpenAI from "openai";\n\nconst client = new OpenAI();\n\nexport const runCompletion = async function (options: {\n  messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[];\n  onToken?: (t: string) => void;\n}) {\n  const stream = await client.chat.completions.create({\n    model: "gpt-4o",\n    messages: options.messages,\n    stream: true,\n  }';
  for (const lang of ['python', 'typescript']) {
    const r = analyze(text, lang, 'cut.' + (lang === 'python' ? 'py' : 'ts'), TABLE);
    assert.ok(Array.isArray(r.calls), lang);
  }
});

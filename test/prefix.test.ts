// The first slice of a large file (core/editor/prefix.ts) may leave calls to the full analysis, but every call it keeps
// must be exactly the call the full analysis finds: checked on every fixture and example cut at every line end,
// and on the benchmark corpus cut at seeded points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { analyzePrefix, firstSliceEnd, FIRST_SLICE_MIN_LINES } from '../src/core/editor/prefix';
import type { AnalyzedCall } from '../src/core/types';
import { testTable } from './helpers/table';
import { sources } from './helpers/sources';
import { lensCorpus } from './bench/corpus';
import { FIXTURES, ROOT } from './util';

const table = testTable();
const plain = (c: AnalyzedCall) => JSON.parse(JSON.stringify(c));

/** Cuts `text` at each offset; returns the calls kept and the full analysis's calls that end before the cut. */
function check(name: string, text: string, lang: string, cuts: number[]): { kept: number; eligible: number } {
  const full = analyze(text, lang, name, table).calls;
  const byAnchor = new Map(full.map((c) => [c.site.anchor.start, c]));
  let kept = 0;
  let eligible = 0;
  for (const cut of cuts) {
    const r = analyzePrefix(text, lang, name, table, {}, cut);
    for (const c of r.calls) {
      const want = byAnchor.get(c.site.anchor.start);
      assert.ok(want, `${name} cut at ${cut}: call at line ${c.line} is not in the full analysis`);
      assert.deepEqual(plain(c), plain(want), `${name} cut at ${cut}: call at line ${c.line} differs from the full analysis`);
    }
    kept += r.calls.length;
    eligible += full.filter((c) => c.site.span.end < cut && c.site.parts.every((p) => p.span.end < cut)).length;
  }
  return { kept, eligible };
}

const lineEnds = (text: string) => {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
};

/** A generator seeded by the file's own path, so that adding a fixture does not move another file's cuts. */
function seededBy(file: string): () => number {
  let seed = 2166136261;
  for (const ch of path.relative(ROOT, file).split(path.sep).join('/')) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  seed %= 2 ** 31;
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test('every call kept from a prefix equals the full analysis: fixtures and examples cut at every line end and at random', () => {
  let kept = 0;
  let eligible = 0;
  let files = 0;
  for (const src of sources()) {
    if (firstSliceEnd('x\n'.repeat(1000), src.lang) === undefined) continue; // prompt files are read whole
    // Line ends (where the editor cuts) and seeded offsets anywhere (inside literals, names, operators).
    const rnd = seededBy(src.file);
    const anywhere = Array.from({ length: 40 }, () => 1 + Math.floor(rnd() * (src.text.length - 1)));
    const r = check(path.basename(src.file), src.text, src.lang, [...lineEnds(src.text), ...anywhere]);
    kept += r.kept;
    eligible += r.eligible;
    files++;
  }
  console.log(`prefix: ${files} files, ${kept} calls kept of ${eligible} that end before the cut`);
  assert.ok(files > 60);
  // The filter must not pass by keeping nothing.
  assert.ok(kept >= eligible * 0.75, `kept ${kept} of ${eligible}`);
});

test('every call kept from a prefix equals the full analysis: the benchmark corpus at seeded cuts', () => {
  let seed = 17;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let kept = 0;
  let eligible = 0;
  for (const f of lensCorpus(5, 4000, 80, FIXTURES)) {
    const ends = lineEnds(f.text);
    const cuts = Array.from({ length: 12 }, () => ends[Math.floor(rnd() * ends.length)]);
    const r = check(f.name, f.text, f.languageId, cuts);
    kept += r.kept;
    eligible += r.eligible;
  }
  console.log(`prefix (bench corpus): ${kept} calls kept of ${eligible} that end before the cut`);
  assert.ok(kept >= eligible * 0.75, `kept ${kept} of ${eligible}`);
});

test('the first slice: a screen plus a margin, at a line end; none for short files and prompt files', () => {
  const text = Array.from({ length: 2000 }, (_, i) => `x = ${i}`).join('\n');
  const end = firstSliceEnd(text, 'python')!;
  assert.equal(text.slice(0, end).split('\n').length - 1, FIRST_SLICE_MIN_LINES);
  assert.equal(text[end - 1], '\n');
  const lower = firstSliceEnd(text, 'python', 900)!;
  assert.equal(text.slice(0, lower).split('\n').length - 1, 900 + 1 + 150);
  assert.equal(firstSliceEnd(text, 'python', 1500), undefined, 'most of the file: analyse it whole');
  assert.equal(firstSliceEnd(text.slice(0, 2000), 'python'), undefined);
  assert.equal(firstSliceEnd(text, 'prompty'), undefined);
  // Cut past the end: the full analysis.
  const src = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';
  assert.deepEqual(plain(analyzePrefix(src, 'python', 'a.py', table, {}, src.length + 5).calls[0]), plain(analyze(src, 'python', 'a.py', table).calls[0]));
});

test('a call naming a constant that may be defined after the cut is left to the full analysis', () => {
  const filler = Array.from({ length: 50 }, (_, i) => `x${i} = ${i}`).join('\n');
  const py = [
    'def ask(q):',
    '    return client.chat.completions.create(model=MODEL, max_tokens=LIMIT, messages=[{"role": "user", "content": q}])',
    filler,
    'MODEL = "gpt-4o"',
    'LIMIT = 600',
    '',
  ].join('\n');
  const full = analyze(py, 'python', 'a.py', table).calls;
  assert.equal(full[0].site.model?.id, 'gpt-4o', 'module constants used above their line resolve');
  assert.equal(analyzePrefix(py, 'python', 'a.py', table, {}, py.indexOf('x10')).calls.length, 0);
  const after = analyzePrefix(py, 'python', 'a.py', table, {}, py.indexOf('LIMIT = ') + 'LIMIT = 600\n'.length);
  assert.deepEqual(plain(after.calls[0]), plain(full[0]));
  // Only the limit is named: the model is a literal, the prompt a parameter.
  const limitOnly = py.replace('model=MODEL', 'model="gpt-4o"');
  assert.equal(analyze(limitOnly, 'python', 'a.py', table).calls[0].site.maxOutput?.value, 600);
  assert.equal(analyzePrefix(limitOnly, 'python', 'a.py', table, {}, limitOnly.indexOf('x10')).calls.length, 0);
  // A name the rest of the file never defines does not hold the call back.
  const neverDefined = limitOnly.replace('LIMIT = 600', 'LIMITS = [600]');
  const kept = analyzePrefix(neverDefined, 'python', 'a.py', table, {}, neverDefined.indexOf('x10')).calls;
  assert.equal(kept.length, 1);
  assert.deepEqual(plain(kept[0]), plain(analyze(neverDefined, 'python', 'a.py', table).calls[0]));
});

test('a cut inside a call, a string or a builder chain keeps nothing from there on', () => {
  const py = 'a = 1\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": """Hi\nthere"""}])\n';
  const inString = py.indexOf('there');
  assert.equal(analyzePrefix(py, 'python', 'a.py', table, {}, inString).calls.length, 0);
  assert.equal(analyzePrefix(py, 'python', 'a.py', table, {}, py.indexOf('messages')).calls.length, 0);
  const java = [
    'import com.anthropic.models.messages.MessageCreateParams;',
    'class A { void f() {',
    '  var p = MessageCreateParams.builder()',
    '      .model(Model.CLAUDE_SONNET_4_5)',
    '      .addUserMessage("Hello")',
    '      .maxTokens(600L)',
    '      .build();',
    '}}',
    '',
  ].join('\n');
  const full = analyze(java, 'java', 'A.java', table).calls;
  assert.equal(full.length, 1);
  assert.equal(full[0].site.maxOutput?.value, 600);
  // Cut after `.addUserMessage(...)`: the chain goes on in the text, so the call is left to the full analysis.
  const cut = java.indexOf('      .maxTokens');
  assert.equal(analyzePrefix(java, 'java', 'A.java', table, {}, cut).calls.length, 0);
  // Cut after the whole chain: a call after the cut may still send it (then it is that call's request), so a builder
  // is left to the full analysis too.
  assert.equal(analyzePrefix(java, 'java', 'A.java', table, {}, java.indexOf('}}')).calls.length, 0);
  const sent = java.replace('}}', '  client.messages().create(p);\n}}');
  const sentFull = analyze(sent, 'java', 'A.java', table).calls;
  assert.deepEqual(sentFull.map((c) => [c.line, c.requestLine]), [[8, 3]]);
  assert.deepEqual(analyzePrefix(sent, 'java', 'A.java', table, {}, sent.indexOf('}}')).calls.map((c) => c.line), [8]);
});

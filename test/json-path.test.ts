// JSON files a JavaScript program reads (src/core/resolve/json-path.ts jsonLookup, jsonWhole): keys compared exactly,
// a member the object lacks told apart from text that is not JSON, and only what JSON.parse takes counted as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLookup, jsonObjectText, jsonWhole } from '../src/core/resolve/json-path';

const CONFIG = '{"defaults": {"provider": "gemini"}, "models": {"gemini": {"default": {"model": "gemini-2.5-flash"}, "tools": {"reducer": {"maxTokens": 16000}}}}}';

test('jsonLookup: exact keys, a member the object lacks is absent', () => {
  const hit = jsonLookup(CONFIG, ['models', 'gemini', 'default', 'model'], true);
  assert.ok(hit && hit !== 'absent' && hit.kind === 'scalar');
  assert.equal(hit.value, 'gemini-2.5-flash');
  assert.equal(CONFIG.slice(hit.start, hit.end), 'gemini-2.5-flash');
  assert.equal(jsonLookup(CONFIG, ['models', 'gemini', 'tools', 'reducer', 'model'], true), 'absent');
  assert.equal(jsonLookup(CONFIG, ['Models'], true), 'absent');
  assert.equal((jsonLookup(CONFIG, ['Models']) as { kind: string }).kind, 'object');
  // Not an object there, or not JSON: no answer either way.
  assert.equal(jsonLookup(CONFIG, ['defaults', 'provider', 'x'], true), undefined);
  assert.equal(jsonLookup('{"a": {"b": 1', ['a', 'c'], true), undefined);
});

test('jsonWhole: what JSON.parse takes, and nothing else', () => {
  const texts = ['{"a":1}', ' [1, 2.5e3, -0, "x\\"y", true, null, {}] ', '"s"', '\ufeff{"a": 1}', '{"a":1,}', '{ "m": "g",, }', '// c\n{}', '{"a": tru}', '"x', '01', '{"a" 1}', '', '[1 2]', '{"a":"\u0001"}'];
  for (const t of texts) {
    let parses = true;
    try {
      JSON.parse(t.replace(/^\ufeff/, ''));
    } catch {
      parses = false;
    }
    assert.equal(jsonWhole(t), parses, JSON.stringify(t));
  }
  // Deep nesting: refused, not a stack overflow.
  assert.equal(jsonWhole('['.repeat(100000) + ']'.repeat(100000)), false);
});

test('jsonObjectText: the object at a key path as JSON.stringify writes it, bounded; not an object or too long: none', () => {
  const text = '{\n  "prompt": { "role": "You grade essays.",\n    "rules": ["Be fair", "Cite lines"] },\n  "key": "sk-x"\n}';
  const hit = jsonObjectText(text, ['prompt'], 1000);
  assert.deepEqual(hit, { text: '{"role":"You grade essays.","rules":["Be fair","Cite lines"]}', start: text.indexOf('{ "role"') });
  assert.ok(!hit!.text.includes('sk-x'), 'nothing beside the object');
  assert.equal(jsonObjectText(text, ['key'], 1000), undefined);
  assert.equal(jsonObjectText(text, ['prompt'], 10), undefined);
  assert.equal(jsonObjectText(text, ['missing'], 1000), undefined);
});

// keys.ts: keyed values in a call's extent, in each syntax (`k=v`, `k: v`, `"k": v`, `.k(v)`, `{ k }`), and values.ts argIndex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readKey, walkKeys } from '../src/core/scan/keys';
import { argIndex } from '../src/core/scan/values';
import { ctxOf, emptyFound, tokIndex } from './helpers/ctx';
import { analyze } from '../src/core/analyze';
import { testTable } from './helpers/table';

function walk(src: string, lang: string, nth = 0) {
  const c = ctxOf(src, lang);
  const open = tokIndex(c, '(', nth);
  const f = emptyFound();
  walkKeys(c, f, open + 1, c.match[open]);
  return { c, f };
}

test('model and limit in every key syntax', () => {
  const cases: [string, string][] = [
    ['create(model="gpt-4o", max_tokens=800)', 'python'],
    ['create({ model: "gpt-4o", max_tokens: 800 })', 'javascript'],
    ['create(array("model" => "gpt-4o", "max_tokens" => 800))', 'php'],
    ['create(["model" => "gpt-4o", "max_tokens" => 800])', 'php'],
    ['create(new Options { Model = "gpt-4o", MaxTokens = 800 })', 'csharp'],
    ['create(x.model("gpt-4o").maxTokens(800))', 'java'],
  ];
  for (const [src, lang] of cases) {
    const { f } = walk(src, lang);
    assert.ok(f.model && 'ref' in f.model, `${lang}: ${src}`);
    assert.equal(f.model.ref.id, 'gpt-4o', src);
    assert.equal(f.limit?.value, 800, src);
  }
});

test('the model key is recorded with the end of its value (the quick fix inserts a limit there)', () => {
  const { c, f } = walk('create(model="gpt-4o", messages=m)', 'python');
  assert.equal(f.modelKeyIdx, tokIndex(c, 'model'));
  assert.equal(c.toks[f.modelEnd! - 1].v, 'gpt-4o');
  const s = walk('create({ model, messages })', 'javascript');
  assert.equal(s.f.modelKeyIdx, tokIndex(s.c, 'model'));
  assert.equal(s.f.modelEnd, s.f.modelKeyIdx! + 1, 'shorthand: the value is the key');
});

test('the first model key wins; role keys count messages; keys nested at any depth are read', () => {
  const { f } = walk('create(model="gpt-4o", extra={"model": "gpt-4o-mini"}, messages=[{"role": "system", "content": "A"}, {"role": "user", "content": q}])', 'python');
  assert.ok(f.model && 'ref' in f.model);
  assert.equal(f.model.ref.id, 'gpt-4o');
  assert.equal(f.messages, 2);
  assert.deepEqual(f.parts.map((p) => [p.text, p.resolved]), [['A', true], ['', false]]);
});

test('`a.model = x` inside a call is an assignment, not a key; a model from a name it cannot read stays unresolved with its label', () => {
  const { f } = walk('create(cfg.model = "gpt-4o")', 'javascript');
  assert.equal(f.model, undefined);
  const u = walk('create(model=pick_model(), messages=m)', 'python');
  assert.ok(u.f.model && 'unresolved' in u.f.model);
  assert.equal(u.f.model.unresolved, 'pick_model()');
});

test('readKey returns where to continue: after the value', () => {
  const c = ctxOf('f(max_tokens=300, x=1)', 'python');
  const f = emptyFound();
  const k = tokIndex(c, 'max_tokens');
  assert.equal(readKey(c, f, k, k + 2, k + 3), k + 3);
  assert.equal(f.limit?.value, 300);
  assert.equal(f.limit?.key, 'max_tokens');
});

test('argIndex: the n-th positional argument, skipping nested brackets', () => {
  const c = ctxOf('f(a(1, 2), [3, 4], "x")', 'python');
  const open = tokIndex(c, '(');
  const end = c.match[open];
  assert.equal(c.toks[argIndex(c, open + 1, end, 0)].v, 'a');
  assert.equal(c.toks[argIndex(c, open + 1, end, 1)].v, '[');
  assert.equal(c.toks[argIndex(c, open + 1, end, 2)].v, 'x');
  assert.equal(argIndex(c, open + 1, end, 3), end, 'past the last argument: the end of the call');
});

test('a key computed at run time: limit keys on every branch are the limit, an unreadable one makes it run time', () => {
  // n3d1117/chatgpt-telegram-bot bot/openai_helper.py picks max_completion_tokens or max_tokens by model.
  const py = `k = 'max_completion_tokens' if fast else 'max_tokens'\ncreate(**{'model': 'gpt-4o', k: 900})`;
  assert.equal(walk(py, 'python').f.limit?.value, 900);
  const ts = `const k = fast ? "max_completion_tokens" : "max_tokens";\ncreate({ model: "gpt-4o", [k]: 900 })`;
  assert.equal(walk(ts, 'typescript').f.limit?.value, 900);
  // A key that names another setting is that setting; one that cannot be read may be the limit.
  assert.equal(walk(`k = 'temperature'\ncreate(**{'model': 'gpt-4o', k: 0.2})`, 'python').f.limitUnresolved, undefined);
  const open = walk(`def f(opt, v):\n    return create(**{'model': 'gpt-4o', opt: v})`, 'python', 1).f;
  assert.equal(open.limit, undefined);
  assert.equal(open.limitUnresolved, 'opt (a key known only at run time)');
  assert.equal(walk(`function f(opt, v) { return create({ model: "gpt-4o", [opt]: v }) }`, 'typescript', 1).f.limitUnresolved, 'opt (a key known only at run time)');
  // A limit the request sets by its name stands.
  assert.equal(walk(`def f(opt, v):\n    return create(**{'model': 'gpt-4o', 'max_tokens': 300, opt: v})`, 'python', 1).f.limit?.value, 300);
});

test('a request key named like an Object member (`constructor`, `toString`) is no feature of the call', () => {
  // FEATURE_KEYS was a plain object: `constructor` passed `key in FEATURE_KEYS` and put the Object function in the
  // call's uses (found by the exact35 profile review).
  const src = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], constructor=1, toString=2)\n';
  const site = analyze(src, 'python', 'feature_keys.py', testTable()).calls[0]?.site;
  assert.ok(site, 'the call is found');
  assert.equal(site.uses, undefined);
});

// KeyMemo (core/util/key-memo.ts): a per-object cache kept on the object, with a WeakMap's get/set/has/delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyMemo } from '../src/core/util/key-memo';

test('each KeyMemo keeps its own value per key', () => {
  const a = new KeyMemo<object, string>();
  const b = new KeyMemo<object, string>();
  const k1 = {};
  const k2: unknown[] = [];
  assert.equal(a.get(k1), undefined);
  assert.equal(a.has(k1), false);
  a.set(k1, 'a1').set(k2, 'a2');
  b.set(k1, 'b1');
  assert.equal(a.get(k1), 'a1');
  assert.equal(a.get(k2), 'a2');
  assert.equal(b.get(k1), 'b1');
  assert.equal(b.has(k2), false);
  assert.equal(a.delete(k1), true);
  assert.equal(a.has(k1), false);
  assert.equal(b.get(k1), 'b1');
  assert.equal(a.delete(k1), false);
});

test('the cache is invisible on the key: not in its keys, JSON or a spread copy', () => {
  const m = new KeyMemo<object, number>();
  const scope = { file: 'a.py', toks: [1, 2] };
  m.set(scope, 7);
  m.set(scope.toks, 8);
  assert.deepEqual(Object.keys(scope), ['file', 'toks']);
  assert.equal(JSON.stringify(scope), '{"file":"a.py","toks":[1,2]}');
  const copy = { ...scope };
  assert.equal(m.has(copy), false);
  assert.equal(m.get(copy.toks), 8); // the same array, not a copy
});

test('a key that takes no new property (frozen) is cached in a WeakMap', () => {
  const m = new KeyMemo<object, string>();
  const frozen = Object.freeze({ id: 1 });
  m.set(frozen, 'x');
  assert.equal(m.get(frozen), 'x');
  assert.equal(m.has(frozen), true);
  assert.equal(m.delete(frozen), true);
  assert.equal(m.get(frozen), undefined);
});

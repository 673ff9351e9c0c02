import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHAPES } from '../src/core/scan/call-shapes';
import { HTTP_SHAPES } from '../src/core/scan/call-shapes-http';

test('every call-shape row has its own id: the scanner looks rows up by id (a RestSharp `Post` once took Go net/http Post\'s)', () => {
  const seen = new Map<string, number>();
  for (const s of SHAPES) seen.set(s.id, (seen.get(s.id) ?? 0) + 1);
  assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([id]) => id), []);
});

test('RestSharp rows are C# only and need a RestRequest in the file', () => {
  const rows = HTTP_SHAPES.filter((s) => s.id.endsWith('.restsharp'));
  assert.ok(rows.length >= 5 * 6, `${rows.length} rows`);
  for (const r of rows) {
    assert.deepEqual(r.langs, ['csharp'], r.id);
    assert.deepEqual(r.needs, ['RestRequest'], r.id);
  }
  assert.equal(HTTP_SHAPES.find((s) => s.id === 'http.openai.chat.Post')?.langs?.[0], 'go');
});

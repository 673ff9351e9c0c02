// lineStarts keeps the last text's line starts (analyze() and the scanner's run index share them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineStarts } from '../src/core/util/line-starts';

test('lineStarts: each text its own starts, asked again or in turn with another text of the same length', () => {
  const a = 'one\ntwo\n\nfour';
  const b = 'on\netwo\n\nfour';
  assert.deepEqual(lineStarts(a), [0, 4, 8, 9]);
  assert.equal(lineStarts(a), lineStarts(a), 'the same text: the kept array');
  assert.deepEqual(lineStarts(b), [0, 3, 8, 9]);
  assert.deepEqual(lineStarts(a), [0, 4, 8, 9]);
  assert.deepEqual(lineStarts(''), [0]);
  assert.deepEqual(lineStarts('\n'), [0, 1]);
});

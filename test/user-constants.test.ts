// src/core/scan/user-constants.ts: same-file constants. Here: a type annotation (`NAME: T = v`) is one logical line;
// a `:` ending a line (`if x > limit:`, a JS `case limit:`) followed by an assignment binds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf } from './helpers/ctx';

const consts = (text: string, lang: string) => {
  const c = ctxOf(text, lang).consts;
  return Object.fromEntries([...c].map(([k, v]) => [k, v.map((d) => d.str ?? d.num)]));
};

test('a colon ending a line is no type annotation: the name before it binds nothing', () => {
  const py = 'limit = 400\n\ndef check(x):\n    if x > limit:\n        y = "too long"\n    return y\n';
  assert.deepEqual(consts(py, 'python'), { limit: [400], y: ['too long'] });
  const js = 'switch (kind) {\n  case limit:\n    y = "too long";\n}\n';
  assert.deepEqual(consts(js, 'javascript'), { y: ['too long'] });
});

test('annotated constants on one line still bind, with a backslash continuation in Python', () => {
  assert.deepEqual(consts('SYSTEM: str = "Be brief."\nLIMIT: Final[int] = 300\n', 'python'), { SYSTEM: ['Be brief.'], LIMIT: [300] });
  assert.deepEqual(consts('SYSTEM: str \\\n    = "Be brief."\n', 'python'), { SYSTEM: ['Be brief.'] });
  assert.deepEqual(consts('export const SYSTEM: string = "Be brief.";\n', 'typescript'), { SYSTEM: ['Be brief.'] });
  assert.deepEqual(consts('const SYSTEM: &str = "Be brief.";\n', 'rust'), { SYSTEM: ['Be brief.'] });
  assert.deepEqual(consts('val SYSTEM: String = "Be brief."\n', 'kotlin'), { SYSTEM: ['Be brief.'] });
});

// Python tuple assignments to members (scan/py-member-tuples.ts): `self.num_docs, self.num_hops = num_docs, num_hops`
// bound `self.num_hops` to the first element, so dspy's multihop tutorial ran `range(self.num_hops)` 10 times, not 4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { memberTupleValue, NOT_TUPLE, UNKNOWN_ELEMENT } from '../src/core/scan/py-member-tuples';
import { lex } from '../src/core/lex/lexer';
import { matchBrackets } from '../src/core/lex/brackets';
import { LANGUAGES } from '../src/core/lex/languages';

const table = buildTable(loadShipped().sheets);
const src = (assign: string) => `from openai import OpenAI

class Hop:
    def __init__(self, num_docs=10, num_hops=4):
        self.client = OpenAI()
        ${assign}

    def run(self, q):
        for _ in range(self.num_hops):
            self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], max_tokens=self.num_docs)
`;

test('each member of a tuple target takes its own element of the right side', () => {
  const [c] = analyze(src('self.num_docs, self.num_hops = num_docs, num_hops'), 'python', 'hop.py', table).calls;
  assert.equal(c.run?.turns, 4, 'range(self.num_hops): the default of num_hops');
  assert.equal(c.estimate.maxOutputTokens, 10, 'max_tokens=self.num_docs: the default of num_docs');
  // Mixed targets and nested values keep their positions.
  const [d] = analyze(src('x, self.num_hops, self.num_docs = f(1, 2), 3, (7)'), 'python', 'hop.py', table).calls;
  assert.equal(d.run?.turns, 3);
  assert.equal(d.estimate.maxOutputTokens, 7);
});

test('a tuple target whose right side is one value binds no member (it was its first element before)', () => {
  const [c] = analyze(src('self.num_docs, self.num_hops = pair()'), 'python', 'hop.py', table).calls;
  assert.notEqual(c.run?.turns, 10);
  assert.notEqual(c.estimate.maxOutputTokens, 10);
});

test('memberTupleValue: positions, one-line statements, and what is not a tuple', () => {
  const value = (text: string, member: string) => {
    const toks = lex(text, LANGUAGES.python);
    const i = toks.findIndex((t, k) => t.v === member && toks[k - 1]?.v === '.');
    const v = memberTupleValue({ toks, match: matchBrackets(toks), text }, i);
    return v >= 0 ? toks[v].v : v;
  };
  assert.equal(value('self.a, self.b = "x", "y"\n', 'b'), 'y');
  assert.equal(value('self.a, self.b = "x", "y"\n', 'a'), 'x');
  assert.equal(value('a, self.b, c = 1, [2, 3], 4\n', 'b'), '[');
  assert.equal(value('self.a = 1\n', 'a'), NOT_TUPLE);
  assert.equal(value('self.a, self.b = pair()\n', 'b'), UNKNOWN_ELEMENT);
  // A comma on the line before is another statement's.
  assert.equal(value('x = f(1,\n 2)\nself.a = 3\n', 'a'), NOT_TUPLE);
  assert.equal(value('foo(self.a, self.b)\n', 'b'), NOT_TUPLE);
});

// Python list copies (src/core/scan/py-list-copies.ts) and the messages they hold: `[*BASE, {…}]`, `BASE + [{…}]`,
// `BASE[:]`, `list(BASE)`, `BASE.copy()` count the copied list's messages once, with the ones written or added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const head = `from openai import OpenAI
client = OpenAI()
BASE = [{"role": "system", "content": "You answer in one line."}]
`;
const send = (messages: string) => `${head}def f(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=${messages})\n`;
const local = (copy: string) => `${head}def f(q):\n    c${copy.startsWith(':') ? ' ' : ' = '}${copy}\n    c.append({"role": "user", "content": q})\n    c.append({"role": "assistant", "content": "Sure."})\n    return client.chat.completions.create(model="gpt-4o-mini", messages=c)\n`;
const read = (src: string) => scan(src, 'python').map((s) => ({ messages: s.messages, parts: s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)) }));

test('a list unpacked or joined in the call counts its messages beside the ones written there', () => {
  for (const m of ['[*BASE, {"role": "user", "content": q}]', 'BASE + [{"role": "user", "content": q}]']) {
    assert.deepEqual(read(send(m)), [{ messages: 2, parts: ['You answer in one line.', '?q'] }], m);
  }
});

test('a copy kept in a local counts the copied messages and what is appended to the copy', () => {
  for (const copy of ['BASE[:]', 'list(BASE)', 'BASE.copy()', 'copy.copy(BASE)', 'BASE + [{"role": "user", "content": "Hi."}]', ': list[dict] = BASE[:]']) {
    const joined = copy.startsWith('BASE +');
    const got = read(local(copy));
    assert.deepEqual(got, [{ messages: joined ? 4 : 3, parts: ['You answer in one line.', ...(joined ? ['Hi.'] : []), '?q', 'Sure.'] }], copy);
  }
});

test('no copy: a conditional copy, a slice that is not whole, a copy of a parameter', () => {
  const src = (copy: string) => `${head}def f(q, hist):\n    c = ${copy}\n    return client.chat.completions.create(model="gpt-4o-mini", messages=c)\n`;
  assert.deepEqual(read(src('BASE[1:]'))[0].parts, ['?c']);
  assert.deepEqual(read(src('hist.copy()'))[0].parts, ['?c']);
  assert.deepEqual(read(src('BASE[:] if q else []'))[0].parts, ['?c']);
});

test('a copy passed as a keyword argument reads as the list passed, not as a name added to', () => {
  const src = (arg: string) => `${head}def ask(ctx):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=ctx)\n\ndef f(q):\n    return ask(\n        ctx=${arg},\n    )\n`;
  assert.deepEqual(read(src('BASE[:]')), read(src('BASE')));
});

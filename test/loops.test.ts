// Loop bounds read from a Python `for` header (scan/loops.ts): a list written in place, and one bound to a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const SRC = `from openai import OpenAI

client = OpenAI()
PROMPTS = ["Say hello.", "Say goodbye.", "Say thanks."]
GROWING = ["Say hello."]
GROWING.append("Say goodbye.")
SIZES = [f"{n} words" for n in range(4)]


def ask(text):
    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": text}], max_tokens=40)


def every_prompt():
    for p in PROMPTS:
        ask(p)
    for p in ["Say hello.", "Say goodbye.", "Say thanks."]:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)
    for p in PROMPTS:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)


def local_tuple():
    pair = ("Name a fruit.", "Name a tree.")
    for p in pair:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)


def changed_lists():
    for p in GROWING:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)
    for p in SIZES:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)


def passed(PROMPTS):
    for p in PROMPTS:
        client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": p}], max_tokens=40)
`;

const byLine = new Map(analyze(SRC, 'python', 'loops.py', table).calls.map((c) => [c.line, c]));

test('a loop over a module-level list literal bound to a name is a run of its length, as the list written in place is', () => {
  assert.equal(byLine.get(18)!.site.run?.turns, 3, 'in place');
  assert.equal(byLine.get(20)!.site.run?.turns, 3, 'bound to PROMPTS');
  assert.equal(byLine.get(20)!.site.run?.turnsSource, 'code');
});

test('a local tuple assigned once is read the same', () => {
  assert.equal(byLine.get(26)!.site.run?.turns, 2);
});

test('a list changed in place, a comprehension, or a parameter of the same name is no fixed count', () => {
  assert.equal(byLine.get(31)!.site.run?.turns, undefined);
  assert.equal(byLine.get(33)!.site.run?.turns, undefined);
  assert.equal(byLine.get(38)!.site.run?.turns, undefined);
});

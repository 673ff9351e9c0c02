// Prompt parts (src/core/scan/parts.ts): a messages list kept in a variable and extended before the call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const PY = (adds: string) => `from openai import OpenAI
client = OpenAI()

def ask(question, history):
    messages = [{"role": "system", "content": "Be brief."}]
${adds}
    return client.chat.completions.create(model="gpt-4.1-mini", max_tokens=100, messages=messages)
`;

test('items appended once each count as messages of the list, their text as prompt parts', () => {
  const [s] = findSites(PY('    messages.append({"role": "user", "content": "Hello."})\n    messages.append({"role": "user", "content": question})'), 'python', 'a.py').sites;
  assert.equal(s.messages, 3);
  assert.deepEqual(s.parts.filter((p) => p.resolved).map((p) => p.text), ['Be brief.', 'Hello.']);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label), ['question']);
});

test('an addition in a loop, several items at once, or += is named, not counted', () => {
  for (const adds of ['    for h in history:\n        messages.append(h)', '    messages.extend(history)', '    messages += history', '    messages.insert(0, {"role": "user", "content": "x"})']) {
    const [s] = findSites(PY(adds), 'python', 'a.py').sites;
    assert.equal(s.messages, 1, adds);
    // A loop's additions are named by what it walks (py-append-blocks.ts).
    const label = adds.includes('for h in history') ? 'history (each added to messages at run time)' : 'messages (added to at run time)';
    assert.ok(s.parts.some((p) => p.label === label), adds);
  }
});

test('a Python append at the list\'s own indentation after a loop or branch has ended runs once: counted', () => {
  const adds = '    for h in history:\n        messages.append(h)\n    if question:\n        messages.append({"role": "user", "content": "Hi."})\n    messages.append({"role": "user", "content": "Answer now."})';
  const [s] = findSites(PY(adds), 'python', 'a.py').sites;
  assert.deepEqual(s.parts.filter((p) => p.resolved).map((p) => p.text), ['Be brief.', 'Answer now.']);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label).sort(), ['history (each added to messages at run time)', 'messages (added to at run time)']);
});

test('a messages list a helper appends to and returns keeps what it appends', () => {
  const src = `from openai import OpenAI
client = OpenAI()

def build(question, history):
    msgs = [{"role": "system", "content": "Be brief."}]
    for h in history:
        msgs.append(h)
    msgs.append({"role": "user", "content": "Question: " + question})
    return msgs

def ask(question, history):
    msgs = build(question, history)
    return client.chat.completions.create(model="gpt-4.1-mini", max_tokens=100, messages=msgs)
`;
  const [s] = findSites(src, 'python', 'a.py').sites;
  assert.deepEqual(s.parts.filter((p) => p.resolved).map((p) => p.text), ['Be brief.', 'Question: ']);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label).sort(), ['history (each added to msgs at run time)', 'question']);
});

// A Python tool list built in steps (src/core/scan/py-list-additions.ts): `+=` and `extend` add a list's items,
// `append` one item (https://docs.python.org/3/library/stdtypes.html#mutable-sequence-types), when the statement is in
// the list's own block before the call; the tools the call sends are the list with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const tool = (name: string) => `{"type": "function", "function": {"name": "${name}", "parameters": {"type": "object", "properties": {}}}}`;
const names = (text: string | undefined) => [...(text ?? '').matchAll(/"name":"(\w+)"/g)].map((m) => m[1]);

test('a module list extended by +=, extend and append before the call sends every addition', () => {
  const src = `from openai import OpenAI
client = OpenAI()
TOOLS = [${tool('a')}]
TOOLS += [${tool('b')}, ${tool('c')}]
EXTRA = [${tool('d')}]
TOOLS.extend(EXTRA)
TOOLS.append(${tool('e')})

def ask(q):
    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": q}], tools=TOOLS)
`;
  const [s] = scan(src, 'python');
  assert.deepEqual(names(s.tools?.text), ['a', 'b', 'c', 'd', 'e']);
  assert.equal(s.tools?.definitions, 5);
  // The span reaches the last addition: an edit there changes what the call sends.
  assert.ok(s.tools!.span.end > src.indexOf('TOOLS.append'));
});

test('a local list: additions in its block count; under an if, after the block or after the call they do not', () => {
  const src = `from openai import OpenAI
client = OpenAI()

def ask(q, more):
    tools = [${tool('a')}]
    tools.append(${tool('b')})
    if more:
        tools.append(${tool('c')})
    r = client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": q}], tools=tools)
    tools.append(${tool('d')})
    return r

tools = []
tools.append(${tool('e')})
`;
  const [s] = scan(src, 'python');
  assert.deepEqual(names(s.tools?.text), ['a', 'b']);
  assert.equal(s.tools?.definitions, 2);
});

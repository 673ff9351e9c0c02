// The binding tables (src/core/scan/scope.ts) as the scan reads them: which value a name has where a call uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const labels = (src: string, lang: string) => scan(src, lang).map((s) => s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)));

test('a block header ending in a name and a colon binds nothing from the next line (arc53/DocsGPT google_ai.py)', () => {
  const py = `from openai import OpenAI
client = OpenAI()
def f(messages):
    for message in messages:
        parts = []
    return client.chat.completions.create(model="gpt-4o", messages=messages)
`;
  assert.deepEqual(labels(py, 'python'), [['?messages']]);
  const ts = `import OpenAI from 'openai';
const client = new OpenAI();
export function f(kind: string, question: string) {
  let style = '';
  switch (kind) {
    case question:
      style = 'Be brief.';
  }
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
}
`;
  assert.deepEqual(labels(ts, 'typescript'), [['?question']]);
});

test('an annotated assignment on one line still binds (x: str = "…")', () => {
  const py = `from openai import OpenAI
client = OpenAI()
SYSTEM: str = "You are terse."
client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])
`;
  assert.deepEqual(labels(py, 'python'), [['You are terse.']]);
});

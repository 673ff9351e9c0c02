// A call's result spread into the request (scan/spread-calls.ts): it may hold a limit, so with none written the limit is
// run time and no cap is advised. Form of browser-use llm/aws/chat_anthropic.py:177 (`messages.create(model=…,
// messages=…, **self._get_client_params_for_invoke())`, whose helper sets max_tokens from the class's field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanFiles } from './helpers/cli';

const PY = `from openai import OpenAI
client = OpenAI()

class Chat:
    def _params(self):
        return {"max_tokens": self.max_tokens} if self.max_tokens else {}

    def spread(self, p):
        return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": p}], **self._params())

    def nested(self, p):
        return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": p}], metadata={**tags()})
`;
const TS = `import OpenAI from "openai";
const client = new OpenAI();
export async function spread(p: string) {
  return client.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: p }], ...options() });
}
`;

type Row = { file: string; line: number; maxOutputSource?: string; unresolved?: string[]; suggestions: { kind: string; text: string }[] };

function rows(): Map<string, Row> {
  return new Map(scanFiles<Row>({ 'chat.py': PY, 'chat.ts': TS }, '2026-12-01T10:00:00Z').map((r) => [`${path.basename(r.file)}:${r.line}`, r]));
}

test('a spread call result may hold the limit: run time, named, no cap advised', () => {
  const r = rows();
  for (const at of ['chat.py:9', 'chat.ts:4']) {
    assert.equal(r.get(at)?.maxOutputSource, 'runtime', at);
    assert.ok(r.get(at)?.unresolved?.some((u) => u.endsWith('(merged at run time)')), at);
    assert.ok(!r.get(at)?.suggestions.some((s) => /^Set max_tokens to \d/.test(s.text)), at);
  }
});

test('a spread inside another argument (`metadata={**tags()}`) is not the request: no limit, a cap advised', () => {
  const r = rows().get('chat.py:12');
  assert.equal(r?.maxOutputSource, 'model-default');
  assert.ok(r?.suggestions.some((s) => s.kind === 'limit-output'));
});

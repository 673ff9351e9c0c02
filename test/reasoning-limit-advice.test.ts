// A reasoning model without a limit in code (cost/advisor.ts): its hidden reasoning tokens count against the limit, so
// the advice names the parameter and no number (600 could leave no room for the answer), and a JVM framework that
// sends `maxTokens` as max_tokens, which OpenAI's reasoning models refuse, is told `maxCompletionTokens`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';

const JAVA = `import dev.langchain4j.model.openai.OpenAiChatModel;

public class Ask {
    public String ask(String q) {
        OpenAiChatModel model = OpenAiChatModel.builder()
            .apiKey(System.getenv("OPENAI_API_KEY"))
            .modelName("gpt-5-mini")
            .build();
        return model.chat("Answer briefly: " + q);
    }
}
`;
const PY = `from openai import OpenAI

client = OpenAI()


def ask(q):
    return client.chat.completions.create(model="gpt-5-mini", messages=[{"role": "user", "content": "Answer briefly: " + q}])


def plain(q):
    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": q}])
`;

type Row = { file: string; line: number; suggestions: { kind: string; text: string; limit?: number; saveUsd: number }[] };

function limits(): Map<string, Row['suggestions'][number] | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-reasoning-'));
  fs.writeFileSync(path.join(dir, 'Ask.java'), JAVA);
  fs.writeFileSync(path.join(dir, 'ask.py'), PY);
  let out = '';
  try {
    assert.equal(run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows = (JSON.parse(out) as { calls: Row[] }).calls;
  return new Map(rows.map((r) => [`${path.basename(r.file)}:${r.line}`, r.suggestions.find((s) => s.kind === 'limit-output')]));
}

test('a reasoning model without a limit is told the parameter and no number; LangChain4j on OpenAI is told maxCompletionTokens', () => {
  const got = limits();
  const java = got.get('Ask.java:9');
  assert.ok(java, 'the LangChain4j call has limit advice');
  assert.match(java.text, /^Set maxCompletionTokens to cap the worst case — a reasoning model's hidden tokens/);
  assert.equal(java.saveUsd, 0, 'no number, so no saving claimed');
  const py = got.get('ask.py:7');
  assert.ok(py);
  assert.match(py.text, /^Set max_completion_tokens to cap the worst case — /);
  assert.equal(py.saveUsd, 0);
  // A model that does not reason keeps the number and its saving.
  const plain = got.get('ask.py:11');
  assert.ok(plain);
  assert.match(plain.text, /^Set max_completion_tokens to 600 — caps the worst case, saves \$/);
  assert.ok(plain.saveUsd > 0);
});

// The Anthropic SDKs require max_tokens on messages.create / messages.stream (scan/anthropic-required-limit.ts): a
// call without it fails every time, so it is an error with no saving advised. Forms of andres-root/akira
// agents/models/anthropic_claude.py:20 (`self.client.messages.create(model=self.model, messages=[…])`, no max_tokens)
// and of browser-use llm/aws/chat_anthropic.py:177 (`messages.create(…, **self._get_client_params_for_invoke())`,
// whose spread carries max_tokens: no verdict).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanFiles } from './helpers/cli';

const PY = `import anthropic
client = anthropic.Anthropic()

def bare(p):
    return client.messages.create(model="claude-sonnet-4-5", messages=[{"role": "user", "content": p}])

def spread(p):
    return client.messages.create(model="claude-sonnet-4-5", messages=[{"role": "user", "content": p}], **params())

def capped(p):
    with client.messages.stream(model="claude-sonnet-4-5", max_tokens=500, messages=[{"role": "user", "content": p}]) as s:
        return s
`;
const TS = `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export async function bare(p: string) {
  return client.messages.create({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: p }] });
}
export async function spread(p: string, o: object) {
  return client.messages.create({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: p }], ...o });
}
`;

type Row = { file: string; line: number; suggestions: { kind: string }[]; warnings?: { kind: string; severity: string; text: string }[] };

function rows(): Map<string, Row> {
  return new Map(scanFiles<Row>({ 'a.py': PY, 'b.ts': TS }, '2026-12-01T10:00:00Z').map((r) => [`${path.basename(r.file)}:${r.line}`, r]));
}

const refusal = (r: Row | undefined) => r?.warnings?.find((w) => w.kind === 'refused');

test('no max_tokens and no spread: an error, and no advice', () => {
  const r = rows();
  for (const at of ['a.py:5', 'b.ts:4']) {
    const w = refusal(r.get(at));
    assert.ok(w, at);
    assert.equal(w.severity, 'error');
    assert.match(w.text, /max_tokens is missing/);
    assert.deepEqual(r.get(at)?.suggestions, [], at);
  }
  assert.match(refusal(r.get('a.py:5'))!.text, /TypeError/);
});

test('a spread may carry max_tokens, and a limit written is fine: no error', () => {
  const r = rows();
  for (const at of ['a.py:8', 'a.py:11', 'b.ts:7']) {
    assert.ok(r.get(at), `row ${at}`);
    assert.equal(refusal(r.get(at)), undefined, at);
  }
});

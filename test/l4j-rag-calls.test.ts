// LangChain4j RAG steps that send a chat of their own (l4j-rag-calls.ts): CompressingQueryTransformer and
// LanguageModelQueryRouter are rows of the chat model they are made with. Their limit is that model's, and the AI
// service is built with the same model, so a cap proposed for the step would cut the service's answers too: the
// advice names the limit and proposes no number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'java', 'langchain4j_rag_steps');

type Row = { file: string; line: number; model?: string; suggestions: { kind: string; text: string; limit?: number }[] };

test('a RAG step on a shared chat model gets no cap number, and says why', () => {
  const rows = scanCopy<Row>(FIXTURE, '2026-12-07T12:00:00Z').filter((r) => r.file.endsWith('DocsAssistant.java'));
  const steps = rows.filter((r) => r.line === 24 || r.line === 29);
  assert.equal(steps.length, 2);
  for (const r of steps) {
    const limit = r.suggestions.find((s) => s.kind === 'limit-output');
    assert.ok(limit, `line ${r.line}: the limit is still named`);
    assert.equal(limit.limit, undefined, `line ${r.line}: no number proposed`);
    assert.match(limit.text, /also cuts the answers of whatever else is built with that model/);
  }
});

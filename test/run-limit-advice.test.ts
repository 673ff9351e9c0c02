// An OpenAI Assistants run with no limit in code whose model, the assistant's, is not known (cost/advisor.ts): the
// run takes max_completion_tokens, but it counts every turn of the run, a run that reaches it ends "incomplete", and
// the model may be a reasoning model, so the advice names the parameter and proposes no number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const GO = `package main

import (
	"context"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

func ask(c *openai.Client, threadID string) {
	c.CreateRun(context.Background(), threadID, openai.RunRequest{AssistantID: os.Getenv("ASSISTANT_ID")})
}

func askMini(c *openai.Client, threadID string) {
	c.CreateRun(context.Background(), threadID, openai.RunRequest{AssistantID: os.Getenv("ASSISTANT_ID"), Model: "gpt-4.1-mini"})
}
`;

test('a run whose model is not known is told the parameter, no number; one with a known model keeps its figure', () => {
  const table = buildTable(loadShipped().sheets);
  const [unknown, known] = analyze(GO, 'go', 'run.go', table).calls;
  assert.equal(unknown.site.model, undefined);
  const advice = unknown.suggestions.filter((s) => s.kind === 'limit-output');
  assert.equal(advice.length, 1);
  assert.equal(advice[0].limit, undefined);
  assert.equal(advice[0].saveUsd, 0);
  assert.match(advice[0].text, /^Set MaxCompletionTokens to cap the run — it counts every turn of the run, and a run that reaches it ends "incomplete"/);
  assert.doesNotMatch(advice[0].text, /600/);
  assert.equal(known.site.model?.id, 'gpt-4.1-mini');
  assert.match(known.suggestions.find((s) => s.kind === 'limit-output')!.text, /^Set MaxCompletionTokens to 600 — caps the worst case, saves/);
});

// A loop header comparing a list's size counts items, not calls, when each pass adds a batch (scan/batch-grown.ts):
// adarshuk01/quiz-ai questionsController.js asks for 20 questions a call under `while (questions.length <
// totalRequired)` and was read as a run of 50 calls. Own text in that form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const JS = `import OpenAI from "openai";

const client = new OpenAI();

export async function quizBatches(topic, wanted = 40) {
  let items = [];
  while (items.length < wanted) {
    const res = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: \`Ten questions about \${topic}, as a JSON array.\` }], max_tokens: 800 });
    const batch = JSON.parse(res.choices[0].message.content);
    items = [...items, ...batch];
  }
  return items;
}

export async function pushedBatches(topic) {
  const items = [];
  while (items.length < 30) {
    const res = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: \`Ten facts about \${topic}, as a JSON array.\` }], max_tokens: 800 });
    items.push(...JSON.parse(res.choices[0].message.content));
  }
  return items;
}

export async function oneAtATime(topic) {
  const items = [];
  while (items.length < 5) {
    const res = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: \`One fact about \${topic}.\` }], max_tokens: 80 });
    items.push(res.choices[0].message.content);
  }
  return items;
}
`;

const GO = `package quiz

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

func Batches(ctx context.Context, client *openai.Client, topic string) []string {
	var items []string
	for len(items) < 40 {
		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
			Model:     "gpt-4.1-mini",
			MaxTokens: 800,
			Messages:  []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Ten questions about " + topic}},
		})
		if err != nil {
			return items
		}
		items = append(items, splitLines(resp.Choices[0].Message.Content)...)
	}
	return items
}
`;

const js = new Map(analyze(JS, 'javascript', 'quiz.js', table).calls.map((c) => [c.line, c]));
const go = new Map(analyze(GO, 'go', 'quiz.go', table).calls.map((c) => [c.line, c]));

test('a batch spread or pushed into the list the header measures: no count of calls', () => {
  assert.equal(js.get(8)!.site.run?.turns, undefined, 'items = [...items, ...batch]');
  assert.equal(js.get(18)!.site.run?.turns, undefined, 'items.push(...batch)');
  assert.equal(go.get(12)!.site.run?.turns, undefined, 'items = append(items, batch...)');
});

test('one item a pass: the bound is the count of calls, as before', () => {
  assert.equal(js.get(27)!.site.run?.turns, 5);
  assert.equal(js.get(27)!.site.run?.turnsSource, 'code');
});

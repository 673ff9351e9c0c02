// Loops over a list written in the code, in brace languages (scan/literal-lists.ts): JS/TS `for (const q of [...])`
// and Go `for _, q := range []string{...}`, in place or bound once to a name; a list changed or spread is no count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const TS = `import OpenAI from "openai";
const client = new OpenAI();
const QUESTIONS = ["What is a vector?", "What is a tensor?"];
const TOPICS = ["cats", "dogs"] as const;
const GROWING = ["one"];
GROWING.push("two");
const more = ["x"];

async function main(extra: string[]) {
  for (const q of ["Tell me a joke.", "Tell me a fact.", "Tell me a riddle."]) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
  for (const q of QUESTIONS) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
  for (const t of TOPICS) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: t }] });
  }
  for (const q of GROWING) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
  for (const q of [...more, ...extra]) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
}

async function passed(QUESTIONS: string[]) {
  for (const q of QUESTIONS) {
    await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 50, messages: [{ role: "user", content: q }] });
  }
}
`;

const GO = `package main

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

var questions = []string{"What is Go?", "What is a goroutine?"}

func main() {
	client := openai.NewClient("key")
	ctx := context.Background()
	for _, q := range []string{"Say hi.", "Say bye.", "Say thanks."} {
		client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4.1-mini", MaxTokens: 50, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: q}}})
	}
	for _, q := range questions {
		client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4.1-mini", MaxTokens: 50, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: q}}})
	}
	for _, tc := range []struct{ q string }{{"a"}, {"b"}} {
		client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4.1-mini", MaxTokens: 50, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: tc.q}}})
	}
	rest := []string{"x", "y", "z"}
	rest = append(rest, "w")
	for _, q := range rest {
		client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4.1-mini", MaxTokens: 50, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: q}}})
	}
	for _, q := range questions[1:] {
		client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "gpt-4.1-mini", MaxTokens: 50, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: q}}})
	}
}
`;

const ts = new Map(analyze(TS, 'typescript', 'ask.ts', table).calls.map((c) => [c.line, c]));
const go = new Map(analyze(GO, 'go', 'main.go', table).calls.map((c) => [c.line, c]));

test('a JS/TS for…of over an array written in place is a run of its length', () => {
  assert.equal(ts.get(11)!.site.run?.turns, 3);
  assert.equal(ts.get(11)!.site.run?.turnsSource, 'code');
  assert.match(ts.get(11)!.site.run!.turnsFrom, /^for \(const q of \[/);
});

test('a JS/TS for…of over a const array bound once in the file (also `as const`) counts its items', () => {
  assert.equal(ts.get(14)!.site.run?.turns, 2);
  assert.equal(ts.get(17)!.site.run?.turns, 2);
});

test('an array pushed to, a spread of arrays, or a parameter of the same name gives no count', () => {
  assert.equal(ts.get(20)!.site.run?.turns, undefined);
  assert.equal(ts.get(23)!.site.run?.turns, undefined);
  assert.equal(ts.get(29)!.site.run?.turns, undefined);
});

test('a Go range over a slice literal in the header is a run of its length, its braces no loop body', () => {
  assert.equal(go.get(15)!.site.run?.turns, 3);
  assert.equal(go.get(15)!.site.run?.turnsFrom, 'for _, q := range []string{"Say hi.", "Say bye.", "Say thanks."}');
  assert.equal(go.get(21)!.site.run?.turns, 2, 'a table of struct values');
});

test('a Go range over a package-level slice literal counts its items', () => {
  assert.equal(go.get(18)!.site.run?.turns, 2);
});

test('a Go slice appended to, or a slice of one, gives no count', () => {
  assert.equal(go.get(26)!.site.run?.turns, undefined);
  assert.equal(go.get(29)!.site.run?.turns, undefined);
});

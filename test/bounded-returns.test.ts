// A limit computed at run time but bounded (arithmetic.ts) and carried through a helper's return, a Go numeric
// conversion and a floor clamp: modernice/jotbot f278af6 services/openai/openai.go:220 sends `maxTokens, err :=
// svc.maxChatTokens(messages)`, computed as `int(math.Min(float64(svc.maxTokens), float64(maxTokensForModel)))` then
// `int(math.Min(float64(maxTokens), float64(remaining)))` and `if maxTokens < 0 { maxTokens = 0 }`; it was read as
// unknown (the model's 16,384-token maximum priced), it is at most svc.maxTokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const limitAt = (src: string, lang: string, file: string, line: number) => analyze(src, lang, file, table).calls.find((c) => c.line === line)!.site.maxOutput;

test('Go: a method returning int(math.Min(…)) of a field and a window, clamped at 0, is at most the field', () => {
  const file = path.join(FIXTURES, 'go', 'bounded_limit', 'summarize.go');
  const out = limitAt(fs.readFileSync(file, 'utf8'), 'go', file, 54);
  assert.equal(out?.value, 400, 's.maxTokens = DefaultMaxTokens');
  assert.equal(out?.bounded, true);
});

const GO = `package main

import (
	"context"
	"math"

	openai "github.com/sashabaranov/go-openai"
)

const limit = 512

func capped(client *openai.Client, remaining int) {
	maxTokens := int(math.Min(float64(limit), float64(remaining)))
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "gpt-4o", MaxTokens: maxTokens})
}

func known(client *openai.Client) {
	maxTokens := int(math.Min(float64(limit), float64(300)))
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "gpt-4o", MaxTokens: maxTokens})
}

func floor(client *openai.Client, remaining int) {
	n := int(math.Min(float64(limit), float64(remaining)))
	if n < 0 {
		n = 0
	}
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "gpt-4o", MaxTokens: n})
}

`;

test('Go math.Min through int()/float64(): the number when both are known, else at most the known one', () => {
  assert.deepEqual([limitAt(GO, 'go', 'm.go', 14)?.value, limitAt(GO, 'go', 'm.go', 14)?.bounded], [512, true]);
  assert.deepEqual([limitAt(GO, 'go', 'm.go', 19)?.value, limitAt(GO, 'go', 'm.go', 19)?.bounded], [300, undefined]);
  assert.deepEqual([limitAt(GO, 'go', 'm.go', 27)?.value, limitAt(GO, 'go', 'm.go', 27)?.bounded], [512, true], 'a floor clamp keeps the bound');
});

test('Python: a helper returning min(n, len(p)) is at most n where it is sent', () => {
  const py = `from openai import OpenAI
client = OpenAI()

def lim(p):
    return min(300, len(p))

def ask(p):
    return client.chat.completions.create(model="gpt-4o", max_tokens=lim(p), messages=[{"role": "user", "content": p}])
`;
  assert.deepEqual([limitAt(py, 'python', 'a.py', 8)?.value, limitAt(py, 'python', 'a.py', 8)?.bounded], [300, true]);
});

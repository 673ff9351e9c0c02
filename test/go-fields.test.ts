// Go struct fields read through the receiver (src/core/scan/go-fields.ts), on text as it is while being typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const BOT = `package main

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

type Bot struct{ Model string }

func (b *Bot) ask(prompt string) {
	openai.NewClient("k").CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model:    b.Model,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
}

func (b *Bot) setup() {
	b.Model = "gpt-4o"
}
`;

test('a field assignment typed up to its `=` at the end of the text is no crash (the value is not there yet)', () => {
  const cut = BOT.slice(0, BOT.indexOf('b.Model = ') + 'b.Model ='.length);
  const [s] = scan(cut, 'go');
  assert.ok(s, 'the call is still found');
  assert.equal(s.model?.id, undefined);
  assert.equal(scan(BOT, 'go')[0]?.model?.id, 'gpt-4o');
});

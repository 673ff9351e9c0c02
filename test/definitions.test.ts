// Assignments the scan follows (src/core/scan/definitions.ts), as the scanner reads them: Go's multi-value and typed
// declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const GENAI = (decl: string) => `package p

import "google.golang.org/genai"

func f(ctx context.Context, client *genai.Client) error {
	${decl}
	r, _ := chat.SendMessage(ctx, genai.Part{Text: "Hello"})
	_ = r
	return nil
}
`;

test('Go `chat, err := …` binds the first name to the call (go-genai examples/chats/chat.go)', () => {
  const [s] = scan(GENAI('chat, err := client.Chats.Create(ctx, "gemini-2.5-pro", nil, nil)\n\tif err != nil {\n\t\treturn err\n\t}'), 'go');
  assert.equal(s?.model?.id, 'gemini-2.5-pro');
});

test('Go `var name *T = value` is an assignment of the value', () => {
  const src = `package p

import "google.golang.org/genai"

func f(ctx context.Context, client *genai.Client) {
	var cfg *genai.GenerateContentConfig = &genai.GenerateContentConfig{MaxOutputTokens: 77}
	client.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("Hi"), cfg)
}
`;
  assert.equal(scan(src, 'go')[0]?.maxOutput?.value, 77);
});

test('Go `var chat *T; chat, err = …` binds the first name to the call (ConnectAI-E/feishu-openai common.go form)', () => {
  const [s] = scan(GENAI('var chat *genai.Chat\n\tvar err error\n\tchat, err = client.Chats.Create(ctx, "gemini-2.5-flash", nil, nil)\n\tif err != nil {\n\t\treturn err\n\t}'), 'go');
  assert.equal(s?.model?.id, 'gemini-2.5-flash');
});

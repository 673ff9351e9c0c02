// Go SDK objects configured after they are made and the Go rows' guards (src/core/scan/go-objects.ts), read through
// the scanner as a call is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const LEGACY = `package p

import "github.com/google/generative-ai-go/genai"

func f(ctx context.Context, client *genai.Client, n int) {
	model := client.GenerativeModel("gemini-1.5-flash")
	BODY
	resp, _ := model.GenerateContent(ctx, genai.Text("Say hi."))
	_ = resp
}
`;
const legacy = (body: string) => scan(LEGACY.replace('BODY', body), 'go');

test('a limit set on the model object by its setter is the limit (generative-ai-go content.go SetMaxOutputTokens)', () => {
  const [s] = legacy('model.SetMaxOutputTokens(300)');
  assert.equal(s?.model?.id, 'gemini-1.5-flash');
  assert.equal(s?.maxOutput?.value, 300);
  assert.equal(s?.maxOutput?.key, 'SetMaxOutputTokens');
});

test('the field forms: MaxOutputTokens = &n, genai.Ptr[int32](n), a GenerationConfig value', () => {
  assert.equal(legacy('n := int32(90)\n\tmodel.MaxOutputTokens = &n')[0]?.maxOutput?.value, 90);
  assert.equal(legacy('model.MaxOutputTokens = genai.Ptr[int32](70)')[0]?.maxOutput?.value, 70);
  assert.equal(legacy('model.GenerationConfig = genai.GenerationConfig{MaxOutputTokens: genai.Ptr[int32](50)}')[0]?.maxOutput?.value, 50);
});

test('a setter given a run-time value (k8sgpt googlegenai.go) is a run-time limit, never none', () => {
  const [s] = legacy('model.SetMaxOutputTokens(int32(n))');
  assert.equal(s?.maxOutput, undefined);
  assert.equal(s?.maxOutputUnresolved, 'int32(n)');
});

test('no setter: no limit; the model handed to a helper first: run time, named', () => {
  const [none] = legacy('model.SetTemperature(0.2)');
  assert.equal(none?.maxOutput, undefined);
  assert.equal(none?.maxOutputUnresolved, undefined);
  const [handed] = legacy('configure(model)');
  assert.equal(handed?.maxOutputUnresolved, 'model (configured by configure)');
});

test('a setter on another object of the same name in another function is not this one\'s', () => {
  const src = LEGACY.replace('BODY', '') + `
func g(client *genai.Client) {
	model := client.GenerativeModel("gemini-1.5-pro")
	model.SetMaxOutputTokens(10)
}
`;
  const [s] = scan(src, 'go');
  assert.equal(s?.maxOutput, undefined);
  assert.equal(s?.maxOutputUnresolved, undefined);
});

test('the system instruction set on the model is prompt text, a message of its own', () => {
  const [s] = legacy('model.SystemInstruction = genai.NewUserContent(genai.Text("Be brief."))');
  assert.deepEqual(s?.parts.filter((p) => p.resolved).map((p) => p.text), ['Be brief.', 'Say hi.']);
  assert.equal(s?.systemMessages, 1);
});

test('a chat session made of the model (StartChat) sends with the model\'s limit', () => {
  const src = LEGACY.replace('BODY', 'model.SetMaxOutputTokens(40)\n\tcs := model.StartChat()\n\tr, _ := cs.SendMessage(ctx, genai.Text("Next?"))\n\t_ = r');
  const sites = scan(src, 'go');
  assert.equal(sites.length, 2);
  assert.equal(sites[0].maxOutput?.value, 40);
  assert.equal(sites[0].model?.id, 'gemini-1.5-flash');
});

test('Go methods named like any type\'s count only where the SDK is imported', () => {
  const body = `
func f(ctx context.Context, c *api.Client) error {
	return c.Chat(ctx, &api.ChatRequest{Model: "llama3.2", Options: map[string]any{"num_predict": 30}}, nil)
}
`;
  const withImport = scan(`package p\n\nimport "github.com/ollama/ollama/api"\n${body}`, 'go');
  assert.equal(withImport.length, 1);
  assert.equal(withImport[0].sdk, 'Ollama');
  assert.equal(withImport[0].maxOutput?.value, 30);
  assert.equal(scan(`package p\n\nimport "example.com/chat/api"\n${body}`, 'go').length, 0);
});

test('Google Gen AI: the positional config, a variable or nil; a variable\'s system instruction counts', () => {
  const src = `package p

import "google.golang.org/genai"

func f(ctx context.Context, client *genai.Client) {
	var config *genai.GenerateContentConfig = &genai.GenerateContentConfig{MaxOutputTokens: 222, SystemInstruction: genai.NewContentFromText("Be kind.", genai.RoleUser)}
	a, _ := client.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("Hi"), config)
	b, _ := client.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("Hi"), nil)
	_, _ = a, b
}
`;
  const [a, b] = scan(src, 'go');
  assert.equal(a.maxOutput?.value, 222);
  assert.deepEqual(a.parts.filter((p) => p.resolved).map((p) => p.text), ['Be kind.', 'Hi']);
  assert.deepEqual(a.parts.filter((p) => !p.resolved), []);
  assert.equal(b.maxOutput, undefined);
  assert.equal(b.maxOutputUnresolved, undefined);
});

test('Bedrock InvokeModel: the body is the model\'s own JSON, its limit run time and named', () => {
  const src = `package p

import "github.com/aws/aws-sdk-go-v2/service/bedrockruntime"

func f(ctx context.Context, c *bedrockruntime.Client, body []byte) {
	c.InvokeModel(ctx, &bedrockruntime.InvokeModelInput{ModelId: aws.String("anthropic.claude-3-haiku-20240307-v1:0"), Body: body})
}
`;
  const [s] = scan(src, 'go');
  assert.equal(s?.model?.id, 'anthropic.claude-3-haiku-20240307-v1:0');
  assert.equal(s?.maxOutputUnresolved, "Body (the model's own JSON request)");
});

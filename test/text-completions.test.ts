// Legacy text-completions calls (OpenAI /v1/completions, Anthropic /v1/complete): every form is marked as one, is
// billed its prompt with no chat-message tokens around it, and is never told to switch to a chat-only model.
// The forms are written here in our own words after the SDKs' signatures named in the call-shape rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { rejectTarget, servesCompletions } from '../src/core/cost/routing';
import type { AnalyzedCall } from '../src/core/types';
import { lensTitle } from '../src/core/report/format';

const NOW = { now: '2026-11-30T12:00:00Z' };
const shipped = buildTable(loadShipped().sheets);
const calls = (src: string, lang: string, file: string): AnalyzedCall[] => analyze(src, lang, file, shipped, NOW).calls;

/** [form, language, file, a text-completions call, its chat sibling or '' when the form has none]. */
const FORMS: [string, string, string, string, string][] = [
  ['openai-python v1', 'python', 'a.py',
    'from openai import OpenAI\nclient = OpenAI()\nr = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi", max_tokens=10)\n',
    'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-3.5-turbo-instruct", messages=[{"role": "user", "content": "Say hi"}], max_tokens=10)\n'],
  ['openai-python v0', 'python', 'a.py',
    'import openai\nr = openai.Completion.create(model="gpt-3.5-turbo-instruct", prompt="Say hi", max_tokens=10)\n',
    'import openai\nr = openai.ChatCompletion.create(model="gpt-3.5-turbo-instruct", messages=[{"role": "user", "content": "Say hi"}], max_tokens=10)\n'],
  ['openai-python v0 async', 'python', 'a.py',
    'import openai\nasync def f():\n    return await openai.Completion.acreate(model="gpt-3.5-turbo-instruct", prompt="Say hi", max_tokens=10)\n', ''],
  ['openai-node', 'javascript', 'a.js',
    'import OpenAI from "openai";\nconst client = new OpenAI();\nconst r = await client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi", max_tokens: 10 });\n',
    'import OpenAI from "openai";\nconst client = new OpenAI();\nconst r = await client.chat.completions.create({ model: "gpt-3.5-turbo-instruct", messages: [{ role: "user", content: "Say hi" }], max_tokens: 10 });\n'],
  ['openai-node v3', 'javascript', 'a.js',
    'const { Configuration, OpenAIApi } = require("openai");\nconst openai = new OpenAIApi(new Configuration({}));\nconst r = await openai.createCompletion({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi", max_tokens: 10 });\n',
    'const { Configuration, OpenAIApi } = require("openai");\nconst openai = new OpenAIApi(new Configuration({}));\nconst r = await openai.createChatCompletion({ model: "gpt-3.5-turbo-instruct", messages: [{ role: "user", content: "Say hi" }], max_tokens: 10 });\n'],
  ['fetch /v1/completions', 'javascript', 'a.js',
    'const r = await fetch("https://api.openai.com/v1/completions", { method: "POST", body: JSON.stringify({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi", max_tokens: 10 }) });\n',
    'const r = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "gpt-3.5-turbo-instruct", messages: [{ role: "user", content: "Say hi" }], max_tokens: 10 }) });\n'],
  ['requests.post /v1/completions', 'python', 'a.py',
    'import requests\nr = requests.post("https://api.openai.com/v1/completions", json={"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 10})\n', ''],
  ['@azure/openai beta', 'javascript', 'a.js',
    'import { OpenAIClient } from "@azure/openai";\nconst client = new OpenAIClient(endpoint, cred);\nconst r = await client.getCompletions("gpt-35-turbo-instruct", ["Say hi"], { maxTokens: 10 });\n',
    'import { OpenAIClient } from "@azure/openai";\nconst client = new OpenAIClient(endpoint, cred);\nconst r = await client.getChatCompletions("gpt-35-turbo-instruct", [{ role: "user", content: "Say hi" }], { maxTokens: 10 });\n'],
  ['go-openai', 'go', 'a.go',
    'package main\n\nimport openai "github.com/sashabaranov/go-openai"\n\nfunc f(c *openai.Client) {\n\tr, _ := c.CreateCompletion(ctx, openai.CompletionRequest{Model: "gpt-3.5-turbo-instruct", Prompt: "Say hi", MaxTokens: 10})\n\t_ = r\n}\n', ''],
  ['openai-go', 'go', 'a.go',
    'package main\n\nimport "github.com/openai/openai-go"\n\nfunc f(client openai.Client) {\n\tr, _ := client.Completions.New(ctx, openai.CompletionNewParams{Model: "gpt-3.5-turbo-instruct", Prompt: openai.CompletionNewParamsPromptUnion{OfString: openai.String("Say hi")}, MaxTokens: openai.Int(10)})\n\t_ = r\n}\n', ''],
  ['go-gpt3 CompletionWithEngine', 'go', 'a.go',
    'package main\n\nimport gpt3 "github.com/PullRequestInc/go-gpt3"\n\nfunc f(client gpt3.Client) {\n\tr, _ := client.CompletionWithEngine(ctx, "gpt-3.5-turbo-instruct", gpt3.CompletionRequest{Prompt: []string{"Say hi"}, MaxTokens: gpt3.IntPtr(10)})\n\t_ = r\n}\n',
    'package main\n\nimport gpt3 "github.com/PullRequestInc/go-gpt3"\n\nfunc f(client gpt3.Client) {\n\tr, _ := client.ChatCompletion(ctx, gpt3.ChatCompletionRequest{Model: "gpt-3.5-turbo-instruct", Messages: []gpt3.ChatCompletionRequestMessage{{Role: "user", Content: "Say hi"}}, MaxTokens: 10})\n\t_ = r\n}\n'],
  ['go-gpt3 Completion', 'go', 'a.go',
    'package main\n\nimport gpt3 "github.com/PullRequestInc/go-gpt3"\n\nfunc f(key string) {\n\tclient := gpt3.NewClient(key, gpt3.WithDefaultEngine("gpt-3.5-turbo-instruct"))\n\tr, _ := client.Completion(ctx, gpt3.CompletionRequest{Prompt: []string{"Say hi"}, MaxTokens: gpt3.IntPtr(10)})\n\t_ = r\n}\n', ''],
  ['OkGoDoIt OpenAI-API-dotnet', 'csharp', 'A.cs',
    'using OpenAI_API;\nusing OpenAI_API.Completions;\nusing OpenAI_API.Models;\nclass A {\n  async void F(OpenAIAPI api) {\n    var r = await api.Completions.CreateCompletionAsync(new CompletionRequest("Say hi", "gpt-3.5-turbo-instruct", 10));\n  }\n}\n', ''],
  ['openai-php', 'php', 'a.php',
    "<?php\n$client = OpenAI::client($key);\n$r = $client->completions()->create(['model' => 'gpt-3.5-turbo-instruct', 'prompt' => 'Say hi', 'max_tokens' => 10]);\n",
    "<?php\n$client = OpenAI::client($key);\n$r = $client->chat()->create(['model' => 'gpt-3.5-turbo-instruct', 'messages' => [['role' => 'user', 'content' => 'Say hi']], 'max_tokens' => 10]);\n"],
  ['ruby-openai', 'ruby', 'a.rb',
    'client = OpenAI::Client.new\nr = client.completions(parameters: { model: "gpt-3.5-turbo-instruct", prompt: "Say hi", max_tokens: 10 })\n', ''],
  ['TheoKanning openai-java', 'java', 'A.java',
    'import com.theokanning.openai.completion.CompletionRequest;\nimport com.theokanning.openai.service.OpenAiService;\nclass A {\n  void f(OpenAiService service) {\n    CompletionRequest req = CompletionRequest.builder().model("gpt-3.5-turbo-instruct").prompt("Say hi").maxTokens(10).build();\n    service.createCompletion(req);\n  }\n}\n', ''],
];

for (const [form, lang, file, text, chat] of FORMS) {
  test(`${form}: a text-completions call is marked, billed its prompt alone, and not moved to a chat model`, () => {
    const c = calls(text, lang, file);
    assert.equal(c.length, 1, `${form}: one call`);
    assert.equal(c[0].site.textCompletion, true, `${form}: marked`);
    assert.ok(!c[0].suggestions.some((s) => s.kind === 'route'), `${form}: ${c[0].suggestions.map((s) => s.text).join(' | ')}`);
    if (c[0].estimate.priceId === 'gpt-3.5-turbo-instruct') assert.equal(c[0].estimate.inputTokens, 2, `${form}: "Say hi" is 2 cl100k tokens`);
    if (!chat) return;
    const k = calls(chat, lang, file);
    assert.equal(k.length, 1, `${form} chat: one call`);
    assert.equal(k[0].site.textCompletion, undefined, `${form} chat: not marked`);
    assert.ok(k[0].estimate.inputTokens > 2, `${form} chat: the chat format's tokens are added`);
  });
}

test('Anthropic completions.create is a text completion: no batch advice (Message Batches take Messages requests)', () => {
  const src = 'import anthropic\nc = anthropic.Anthropic()\nr = c.completions.create(model="claude-2.1", max_tokens_to_sample=300, prompt="\\n\\nHuman: Say hi\\n\\nAssistant:")\n';
  const s = findSites(src, 'python', 'a.py').sites;
  assert.equal(s.length, 1);
  assert.equal(s[0].sdk, 'Anthropic');
  assert.equal(s[0].textCompletion, true);
  assert.equal(s[0].batchable, false);
});

test('the Batch API takes /v1/completions: an OpenAI text completion keeps its batch advice', () => {
  const c = calls(FORMS[0][3], 'python', 'a.py')[0];
  assert.ok(c.suggestions.some((s) => s.kind === 'batch'), c.suggestions.map((s) => s.text).join(' | '));
});

test('only models that serve /v1/completions are targets of a text-completions call', () => {
  const ids = (...xs: string[]) => xs.map((id) => servesCompletions({ id } as never));
  assert.deepEqual(ids('gpt-3.5-turbo-instruct', 'gpt-3.5-turbo-instruct-0914', 'davinci-002', 'babbage-002', 'gpt-35-turbo-instruct', 'openai/gpt-3.5-turbo-instruct'), [true, true, true, true, true, true]);
  assert.deepEqual(ids('gpt-4.1-mini', 'gpt-3.5-turbo', 'gpt-4o-mini', 'claude-3-haiku', 'text-davinci-003-chat'), [false, false, false, false, false]);
  const cur = lookupModel(shipped, 'gpt-3.5-turbo-instruct')!;
  // gpt-4.1-mini as it was before OpenAI announced its shutdown (2027-01-14): a chat model the rules would take.
  const mini = { ...lookupModel(shipped, 'gpt-4.1-mini')!, deprecated: undefined };
  const c = calls(FORMS[0][3], 'python', 'a.py')[0];
  assert.equal(rejectTarget(cur, mini, c.site, c.estimate), 'does not serve the text-completions endpoint');
  const k = calls(FORMS[0][4], 'python', 'a.py')[0];
  assert.equal(rejectTarget(cur, mini, k.site, k.estimate), undefined, 'a chat call may still move');
});

// A current chat model sent to /v1/completions: OpenAI answers 404 "This is a chat model and not supported in the
// v1/completions endpoint", and go-openai refuses it before sending (ErrCompletionUnsupportedModel, completion.go).
for (const [form, lang, file, text] of FORMS.filter(([f]) => ['openai-python v1', 'openai-node', 'go-openai', 'ruby-openai', 'TheoKanning openai-java'].includes(f))) {
  test(`${form}: a chat model on the text-completions endpoint is said to fail, with no advice`, () => {
    const c = calls(text.replace('gpt-3.5-turbo-instruct', 'gpt-4o'), lang, file);
    assert.equal(c.length, 1);
    const w = c[0].warnings?.find((x) => x.kind === 'wrong-endpoint');
    assert.ok(w, `${form}: ${JSON.stringify(c[0].warnings)}`);
    assert.equal(w.severity, 'error');
    assert.match(w.text, /^gpt-4o is a chat model: the text-completions endpoint \(\/v1\/completions\) refuses it/);
    assert.deepEqual(c[0].suggestions, [], 'a call that fails gets no cheaper-model or batch advice');
    assert.match(lensTitle(c[0]), /· gpt-4o \(a chat model: the completions endpoint refuses it\) ·/);
  });
}

test('a model the endpoint serves, a retired one and a chat call get no wrong-endpoint warning', () => {
  const kinds = (src: string, lang: string, file: string) => calls(src, lang, file)[0].warnings?.map((w) => w.kind) ?? [];
  assert.ok(!kinds(FORMS[0][3], 'python', 'a.py').includes('wrong-endpoint'), 'gpt-3.5-turbo-instruct serves it');
  assert.ok(!kinds(FORMS[0][4].replace('gpt-3.5-turbo-instruct', 'gpt-4o'), 'python', 'a.py').includes('wrong-endpoint'), 'a chat call');
  // gpt-4 is retired: its deprecation warning says the endpoint already, once.
  const old = kinds(FORMS[0][3].replace('gpt-3.5-turbo-instruct', 'gpt-4'), 'python', 'a.py');
  assert.ok(old.includes('deprecated') && !old.includes('wrong-endpoint'), old.join(','));
  // Anthropic's legacy endpoint is another rule (its models are retired).
  const an = calls('import anthropic\nc = anthropic.Anthropic()\nr = c.completions.create(model="claude-sonnet-4-5", max_tokens_to_sample=300, prompt="Hi")\n', 'python', 'a.py');
  assert.ok(!an[0].warnings?.some((w) => w.kind === 'wrong-endpoint'));
});

// /v1/completions returns 16 tokens at most when max_tokens is not sent (openai/openai-openapi openapi.yaml,
// CreateCompletionRequest.max_tokens default: 16): the worst case is 16, and "Set max_tokens to 600" would raise it.
test('an OpenAI text completion with no max_tokens is priced at the endpoint default of 16 tokens, with no limit advice', () => {
  const c = calls('from openai import OpenAI\nclient = OpenAI()\nr = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi")\n', 'python', 'a.py')[0];
  assert.equal(c.estimate.maxOutputTokens, 16);
  assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output'), c.suggestions.map((s) => s.text).join(' | '));
  const chat = calls('from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hi"}])\n', 'python', 'a.py')[0];
  assert.ok(chat.estimate.maxOutputTokens! > 16, 'a chat call keeps the model maximum');
});

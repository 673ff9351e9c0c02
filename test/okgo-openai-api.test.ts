// OkGoDoIt's OpenAI-API-dotnet (namespace OpenAI_API): its calls, its Model names in a quick fix, and a retired
// completions model priced by no sheet. Forms as in XachinaProject/rogulbot chatgpt_bot/Program.cs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { applyEdits, modelEdit } from '../src/core/editor/edits';
import { testTable } from './helpers/table';

const table = testTable();
const cs = (body: string) => `using OpenAI_API;\nusing OpenAI_API.Models;\nclass Bot {\n  OpenAIAPI api = new OpenAIAPI("k");\n  async Task Run(string q) {\n    ${body}\n  }\n}\n`;

test('a completion request with a positional model constant and limit is read', () => {
  const text = cs('var r = await api.Completions.CreateCompletionAsync(new CompletionRequest(q, Model.ChatGPTTurboInstruct, 400, 0.5));');
  const [s] = findSites(text, 'csharp', 'Bot.cs').sites;
  assert.equal(s.sdk, 'OpenAI-API-dotnet');
  assert.equal(s.model?.id, 'gpt-3.5-turbo-instruct');
  assert.equal(s.maxOutput?.value, 400);
});

test('the same call without `using OpenAI_API` is not this SDK', () => {
  const text = cs('var r = await api.Completions.CreateCompletionAsync(new CompletionRequest(q, Model.ChatGPTTurboInstruct, 400));').replace('using OpenAI_API;\nusing OpenAI_API.Models;\n', '');
  assert.equal(findSites(text, 'csharp', 'Bot.cs').sites.filter((s) => s.sdk === 'OpenAI-API-dotnet').length, 0);
});

test('a quick fix writes the library\'s own Model name, never another C# SDK\'s', () => {
  const text = cs('var r = await api.Chat.CreateChatCompletionAsync(new ChatRequest { Model = Model.GPT4, MaxTokens = 300 });');
  const [s] = findSites(text, 'csharp', 'Bot.cs').sites;
  assert.equal(s.model?.id, 'gpt-4');
  const e = modelEdit(s, 'gpt-3.5-turbo');
  assert.ok(e);
  assert.match(applyEdits(text, [e]), /Model = Model\.ChatGPTTurbo,/);
  // OpenAI-DotNet's `GPT4oMini` does not exist in OpenAI_API.Models.Model: no edit rather than a broken one.
  assert.equal(modelEdit(s, 'gpt-4o-mini'), undefined);
});

test('text-davinci-003 (Model.DavinciText) is retired: found, its model named, priced by no sheet', () => {
  const text = cs('var r = await api.Completions.CreateCompletionAsync(new CompletionRequest(q, Model.DavinciText, 400));');
  const { calls } = analyze(text, 'csharp', 'Bot.cs', table);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].site.model?.id, 'text-davinci-003');
  assert.equal(calls[0].estimate.modelKnown, false);
});

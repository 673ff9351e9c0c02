// A prompt text a wrapper's callers pass, not all the same (src/core/scan/caller-merge.ts withCallers,
// src/core/cost/caller-texts.ts): the longest is counted, and the hover and the JSON row name every caller with its
// own count (held38 M8: ydammatsu/git-ai-tools main.go → lib.CallOpenAI, kimious/octopus models → Gpt#chat_completion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { buildReport } from '../src/core/report/report';
import { hoverMarkdown } from '../src/core/report/format';
import { countTokens } from '../src/core/tokenize/token-count';
import type { PriceTable } from '../src/core/types';
import { FIXTURES } from './util';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

function analyzed(rel: string) {
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), rel.endsWith('.go') ? 'go' : 'ruby', file, table(), {}, undefined, undefined, diskIndex());
  return { file, result, call: result.calls[0] };
}

test('Go: the callers of a wrapper pass two prompts; the longest is counted and each caller is named with its count', () => {
  const { file, result, call } = analyzed('go/caller_prompts/llm/complete.go');
  const title = countTokens('Write a pull request title for these changes:\n').tokens;
  assert.deepEqual(call.estimate.byCaller, { part: 0, tokens: [title, 42] });
  assert.equal(call.estimate.promptTokens, 42);
  const hover = hoverMarkdown(call, table());
  assert.match(hover, new RegExp(`the largest of 2 callers' texts: ${title}–42 tokens`));
  assert.match(hover, new RegExp(`- callers: main\\.go:12 \\(${title} tokens\\), main\\.go:14 \\(42 tokens\\)`));
  const row = buildReport([{ file, result }], table()).calls[0];
  const main = path.join(path.dirname(path.dirname(file)), 'main.go');
  assert.deepEqual(row.inputByCaller, [
    { file: main, line: 12, tokens: title },
    { file: main, line: 14, tokens: 42 },
  ]);
});

test('Ruby: two models pass different system prompts to one method; the row says the input varies by caller', () => {
  const { file, result, call } = analyzed('ruby/caller_prompts/app/models/writer.rb');
  assert.equal(call.estimate.byCaller?.tokens.length, 2);
  const [followUp, summary] = call.estimate.byCaller!.tokens;
  assert.ok(followUp > summary, `${followUp} > ${summary}`);
  assert.equal(call.estimate.promptTokens, followUp);
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.deepEqual(row.inputByCaller?.map((c) => `${path.basename(c.file)}:${c.line}`), ['follow_up.rb:5', 'summary.rb:4']);
});

test('one caller, or callers passing the same text: nothing varies, no caller list', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caller-texts-'));
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.org/one\n\ngo 1.22\n');
  const wrapper = `package main

import (
	"context"
	openai "github.com/sashabaranov/go-openai"
)

func ask(prompt string) {
	openai.NewClient("k").CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model:    openai.GPT4oMini,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: prompt}},
	})
}

func main() {
	ask("Name three rivers.")
	ask("Name three rivers.")
}
`;
  const file = path.join(dir, 'main.go');
  fs.writeFileSync(file, wrapper);
  const result = analyze(wrapper, 'go', file, table(), {}, undefined, undefined, diskIndex());
  assert.equal(result.calls[0].estimate.promptTokens, countTokens('Name three rivers.').tokens);
  assert.equal(result.calls[0].estimate.byCaller, undefined);
  assert.equal(buildReport([{ file, result }], table()).calls[0].inputByCaller, undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a caller whose text is known only at run time is listed so, beside the caller whose text is counted', () => {
  const rel = 'kotlin/caller_params/src/main/kotlin/demo/notes/NotesClient.kt';
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), 'kotlin', file, table(), {}, undefined, undefined, diskIndex());
  const text = fs.readFileSync(file, 'utf8');
  const call = result.calls.find((c) => text.slice(0, c.site.anchor.start).split('\n').length === 36)!;
  const weekly = countTokens('Summarise the week: ').tokens;
  assert.deepEqual(call.estimate.byCaller, { part: 0, tokens: [weekly, 0] });
  const hover = hoverMarkdown(call, table());
  assert.match(hover, new RegExp(`the largest of 2 callers' texts: ${weekly}–${weekly} tokens, 1 known only at run time`));
  assert.match(hover, /- callers: Digest\.kt:11 \(\d+ tokens\), Digest\.kt:9 \(run time\)/);
  const row = buildReport([{ file, result }], table()).calls.find((r) => r.line === 36)!;
  assert.deepEqual(row.inputByCaller?.map((c) => [path.basename(c.file), c.line, c.runtime ?? false]), [['Digest.kt', 11, false], ['Digest.kt', 9, true]]);
});

test('Java: callers pass a wrapper two texts (system and user); each caller is counted with both', () => {
  const rel = 'java/http_client_helper_body/src/main/java/org/example/garden/AssistantClient.java';
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), 'java', file, table(), {}, undefined, undefined, diskIndex());
  const call = result.calls[0];
  const both = (a: string, b: string) => countTokens(a).tokens + countTokens(b).tokens;
  const water = both('You advise home gardeners on watering. Answer in two sentences.', 'Plant: \nClimate: \nHow often should it be watered?\n');
  const prune = both('You advise on pruning.', 'When should I prune ?');
  assert.deepEqual(call.estimate.byCaller, { part: 0, tokens: [water, prune], also: [1] });
  assert.match(hoverMarkdown(call, table()), new RegExp(`the largest of 2 callers' texts \\(each caller's 2 prompt texts together\\): ${prune}–${water} tokens`));
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.deepEqual(row.inputByCaller?.map((c) => [path.basename(c.file), c.tokens]), [['PlantAdvisor.java', water], ['PlantAdvisor.java', prune]]);
});

test('Kotlin: a caller passing its user text at run time is listed last for that text; each caller still gets both its texts', () => {
  // held43 C14/C25 (Heapy/kotbot): GptService passes `userPrompt = userPrompt`, UserNoteService a template; the user
  // texts' callers came in another order than the system texts', so neither was added and C14 counted 50 against 59.
  const rel = 'kotlin/caller_limits/src/main/kotlin/demo/chat/Gpt.kt';
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), 'kotlin', file, table(), {}, undefined, undefined, diskIndex());
  const call = result.calls[0];
  const answer = countTokens('You are a helpful assistant for questions about the Kotlin language and its tools.').tokens;
  const notes = countTokens('Read the chat messages and list the facts they state about the user.').tokens + countTokens('List the facts about this user from their messages:\n\n').tokens;
  assert.deepEqual(call.estimate.byCaller?.tokens, [answer, notes]);
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.deepEqual(row.inputByCaller?.map((c) => [path.basename(c.file), c.line, c.tokens]), [['Answer.kt', 10, answer], ['Notes.kt', 8, notes]]);
});

test('Kotlin: callers pass a wrapper different limits and models; each caller is listed with its own, the row keeps the worst case', () => {
  // held43 M3 (Heapy/kotbot): maxTokens = 1024 from GptService, 512 from UserNoteService's two calls.
  const rel = 'kotlin/caller_limits/src/main/kotlin/demo/chat/Gpt.kt';
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), 'kotlin', file, table(), {}, undefined, undefined, diskIndex());
  const call = result.calls[0];
  assert.deepEqual([call.estimate.byCaller?.limits, call.estimate.byCaller?.models], [[1024, 512], ['gpt-5.4-mini', 'gpt-5.4-nano']]);
  assert.match(hoverMarkdown(call, table()), /- callers: Answer\.kt:10 \(\d+ tokens; gpt-5\.4-mini, limit 1,024\), Notes\.kt:8 \(\d+ tokens; gpt-5\.4-nano, limit 512\)/);
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.deepEqual([row.model, row.maxOutputTokens, row.maxOutputSource], ['gpt-5.4-mini', 1024, 'code']);
  assert.deepEqual(row.inputByCaller?.map((c) => [c.line, c.maxOutputTokens, c.model]), [[10, 1024, 'gpt-5.4-mini'], [8, 512, 'gpt-5.4-nano']]);
});

test('a limit every caller passes alike is the row limit, not listed per caller', () => {
  const rel = 'java/http_client_helper_body/src/main/java/org/example/garden/AssistantClient.java';
  const file = path.join(FIXTURES, rel);
  const result = analyze(fs.readFileSync(file, 'utf8'), 'java', file, table(), {}, undefined, undefined, diskIndex());
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.ok(row.inputByCaller?.length);
  assert.ok(row.inputByCaller!.every((c) => c.maxOutputTokens === undefined && c.model === undefined));
});

test('a caller passing on a model its own callers choose is listed with no model of its own', () => {
  // DataTalksClub/llm-zoomcamp offline-rag-evaluation.ipynb: `rag(q, model='gpt-4o')` calls `llm(prompt, model=model)`
  // and is called with 'gpt-3.5-turbo' and 'gpt-4o-mini'; its entry named the longest id, gpt-3.5-turbo, as its model.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caller-models-'));
  const text = `from openai import OpenAI

client = OpenAI()


def llm(prompt, model="gpt-4o"):
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])


def rag(question, model="gpt-4o"):
    return llm("Answer from the course notes: " + question, model=model)


rag("When does the course start?", model="gpt-3.5-turbo")
rag("How do I join?", model="gpt-4o-mini")
llm("Rate this answer from 1 to 5, with one word of reason.", model="gpt-4o-mini")
`;
  const file = path.join(dir, 'notes.py');
  fs.writeFileSync(file, text);
  const result = analyze(text, 'python', file, table(), {}, undefined, undefined, diskIndex());
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.equal(row.inputByCaller?.length, 2);
  assert.deepEqual(row.inputByCaller?.map((c) => [c.line, c.model]), [[11, undefined], [16, 'gpt-4o-mini']]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('Go: callers on consecutive lines are each read, with their own text and limit', () => {
  // No `;` ends a Go statement: `ask("…", 30)` then `ask("…", 400)` put a `)` before the second call's name, which
  // go-callers.ts took for a method's receiver, so only the first caller was read (its limit, 30, priced).
  const { file, result, call } = analyzed('go/caller_limits/main.go');
  assert.deepEqual(call.estimate.byCaller?.limits, [30, 400, 50]);
  assert.deepEqual([call.site.maxOutput?.value, call.site.maxOutput?.byCaller, call.site.maxOutputUnresolved], [400, true, undefined]);
  const row = buildReport([{ file, result }], table()).calls[0];
  assert.deepEqual(row.inputByCaller?.map((c) => [c.line, c.maxOutputTokens]), [[18, 30], [19, 400], [20, 50]]);
  assert.equal(row.maxOutputSource, 'code');
});

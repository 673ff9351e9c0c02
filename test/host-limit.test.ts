// src/core/scan/host-limit.ts: a call whose OpenAI SDK client goes to another host by its base URL is advised the
// output limit that host documents (DeepSeek max_tokens, Groq max_completion_tokens), or told the name is not known
// (xAI, a local server), with no quick fix then. The fixtures are test/fixtures/{python,typescript}/host_limits.*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { limitHint } from '../src/core/cost/advisor';
import { limitEdit } from '../src/core/editor/edits';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { run } from '../src/cli/main';
import type { AnalyzedCall, PriceTable } from '../src/core/types';
import { FIXTURES } from './util';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = '2026-12-01T10:00:00Z';
const PY = path.join(FIXTURES, 'python', 'host_limits.py');
const TS = path.join(FIXTURES, 'typescript', 'host_limits.ts');

function calls(file: string, lang: string): Map<number, AnalyzedCall> {
  const text = fs.readFileSync(file, 'utf8');
  const r = analyze(text, lang, file, table(), { now: AT });
  return new Map(r.calls.map((c) => [text.slice(0, c.site.anchor.start).split('\n').length, c]));
}

/** The limit advice, the "No output limit" hint (the diagnostic's) and the quick fix's text of one call. */
function advice(c: AnalyzedCall): { advice?: string; hint: string; fix?: string } {
  const s = c.suggestions.find((x) => x.kind === 'limit-output');
  const fix = s && typeof s.limit === 'number' ? limitEdit(c.site, s.limit)?.text : undefined;
  return { advice: s?.text.replace(/ — .*$/, ''), hint: limitHint(c.site), fix };
}

test('Python: DeepSeek is advised max_tokens (and its own max_tokens is its limit), Groq max_completion_tokens, Ollama max_tokens; xAI gets no name and no fix', () => {
  const py = calls(PY, 'python');
  assert.deepEqual(advice(py.get(14)!), { advice: 'Set max_tokens to 600', hint: 'Set max_tokens to cap the cost.', fix: ', max_tokens=600' });
  assert.deepEqual(advice(py.get(29)!), { advice: 'Set max_completion_tokens to 600', hint: 'Set max_completion_tokens to cap the cost.', fix: ', max_completion_tokens=600' });
  assert.deepEqual(advice(py.get(33)!), {
    advice: "The parameter name xAI uses for an output limit is not known. A reasoning model's hidden tokens count against any limit: leave them room",
    hint: 'The parameter name xAI uses for an output limit is not known.',
    fix: undefined,
  });
  // Ollama, known by its port 11434 (ollama/ollama openai/openai.go: Chat Completions take max_tokens only): the hint
  // names max_tokens; a local server bills no tokens, so the call is not priced and gets no advice.
  assert.deepEqual(advice(py.get(37)!), { advice: undefined, hint: 'Set max_tokens to cap the cost.', fix: undefined });
  assert.deepEqual(py.get(37)!.suggestions, []);
  // OpenAI itself keeps the SDK's name.
  assert.equal(advice(py.get(41)!).advice, 'Set max_completion_tokens to 600');
  // A max_tokens the code sets on a DeepSeek call is its limit: no advice to add one.
  const set = py.get(21)!;
  assert.equal(set.estimate.maxOutputSource, 'code');
  assert.equal(set.estimate.maxOutputTokens, 300);
  assert.equal(advice(set).advice, undefined);
});

test('TypeScript: DeepSeek (a baseURL constant) and Together max_tokens, Groq max_completion_tokens, LM Studio unknown', () => {
  const ts = calls(TS, 'typescript');
  assert.deepEqual(advice(ts.get(11)!), { advice: 'Set max_tokens to 600', hint: 'Set max_tokens to cap the cost.', fix: ', max_tokens: 600' });
  assert.equal(advice(ts.get(24)!).fix, ', max_completion_tokens: 600');
  assert.equal(advice(ts.get(29)!).fix, ', max_tokens: 600');
  // LM Studio at 127.0.0.1: no per-token price, no advice (the hint still says the limit's name is not known).
  assert.deepEqual(advice(ts.get(34)!), {
    advice: undefined,
    hint: 'The parameter name the server at 127.0.0.1 uses for an output limit is not known.',
    fix: undefined,
  });
  // `max_tokens: 16` on a DeepSeek call is its limit.
  assert.equal(ts.get(19)!.estimate.maxOutputTokens, 16);
  assert.equal(advice(ts.get(19)!).advice, undefined);
});

test('the CLI words the advice after the host: JSON suggestions and the annotations', () => {
  let out = '';
  assert.equal(run(['scan', PY, TS, '--format', 'json', '--at', AT], (s) => (out += s), () => {}), 0);
  const rows = (JSON.parse(out) as { calls: { file: string; line: number; suggestions: { kind: string; text: string }[] }[] }).calls;
  const said = (file: string, line: number) =>
    rows.find((r) => r.file.endsWith(file) && r.line === line)!.suggestions.filter((s) => s.kind === 'limit-output').map((s) => s.text.replace(/ — .*$/, ''));
  assert.deepEqual(said('host_limits.py', 14), ['Set max_tokens to 600']);
  assert.deepEqual(said('host_limits.py', 21), []);
  assert.deepEqual(said('host_limits.py', 29), ['Set max_completion_tokens to 600']);
  assert.deepEqual(said('host_limits.py', 33), ["The parameter name xAI uses for an output limit is not known. A reasoning model's hidden tokens count against any limit: leave them room"]);
  assert.deepEqual(said('host_limits.ts', 11), ['Set max_tokens to 600']);
  assert.deepEqual(said('host_limits.ts', 34), []);
  // No call to DeepSeek, Together, xAI or a local server is told max_completion_tokens.
  for (const r of rows) {
    const texts = r.suggestions.map((s) => s.text).join('\n');
    if (/host_limits\.py$/.test(r.file) ? [14, 21, 33, 37].includes(r.line) : [11, 19, 29, 34].includes(r.line)) assert.doesNotMatch(texts, /max_completion_tokens/, `${r.file}:${r.line}`);
  }
  let gh = '';
  run(['scan', PY, '--format', 'github', '--at', AT], (s) => (gh += s), () => {});
  const line = (n: number) => gh.split('\n').find((l) => l.includes('No output limit') && l.includes(`line=${n},`)) ?? '';
  assert.match(line(14), /Set max_tokens to 600/);
  assert.match(line(33), /The parameter name xAI uses for an output limit is not known\. A reasoning model.s hidden tokens count against any limit: leave them room\.$/);
  assert.doesNotMatch(line(33), /max_completion_tokens/);
});

test("Together's and Groq's own SDK clients (chat.completions.create like OpenAI's) are advised their host's name", () => {
  const py = calls(path.join(FIXTURES, 'python', 'host_native_clients.py'), 'python');
  assert.deepEqual(advice(py.get(21)!), { advice: 'Set max_tokens to 600', hint: 'Set max_tokens to cap the cost.', fix: ', max_tokens=600' });
  assert.equal(py.get(21)!.site.provider, 'together');
  assert.equal(advice(py.get(13)!).advice, 'Set max_completion_tokens to 600');
  assert.equal(py.get(13)!.site.provider, 'groq');
  const ts = calls(path.join(FIXTURES, 'typescript', 'host_native_clients.ts'), 'typescript');
  assert.equal(advice(ts.get(9)!).fix, ', max_tokens: 600');
});

test("Cerebras' and Hugging Face's own clients: their host's limit name, no OpenAI batch job, no 600 for a reasoning model", () => {
  const py = calls(path.join(FIXTURES, 'python', 'host_native_cerebras_hf.py'), 'python');
  for (const line of [12, 21, 26]) assert.ok(!py.get(line)!.suggestions.some((s) => s.kind === 'batch'), `line ${line}: no batch advice`);
  // gpt-oss-120b reasons (its OpenAI row says so) though Cerebras' own price is not in a sheet: no number proposed.
  assert.deepEqual(advice(py.get(21)!).advice, 'Set max_completion_tokens to cap the worst case');
  assert.equal(py.get(21)!.site.provider, 'cerebras');
  assert.deepEqual(advice(py.get(26)!), { advice: 'Set max_tokens to 600', hint: 'Set max_tokens to cap the cost.', fix: ', max_tokens=600' });
  assert.equal(py.get(26)!.site.provider, 'huggingface');
});

test('Ollama by its port through go-openai (config.BaseURL) and async-openai (with_api_base): max_tokens, not max_completion_tokens', () => {
  // go-openai ClientConfig.BaseURL (config.go), async-openai OpenAIConfig::with_api_base (config.rs); Ollama's
  // ChatCompletionRequest has MaxTokens `json:"max_tokens"` and no max_completion_tokens (ollama/ollama openai/openai.go).
  const go = [
    'package notes',
    '',
    'import (',
    '\t"context"',
    '',
    '\topenai "github.com/sashabaranov/go-openai"',
    ')',
    '',
    'func Tag(ctx context.Context, note string) (openai.ChatCompletionResponse, error) {',
    '\tcfg := openai.DefaultConfig("unused")',
    '\tcfg.BaseURL = "http://127.0.0.1:11434/v1"',
    '\tllm := openai.NewClientWithConfig(cfg)',
    '\treturn llm.CreateChatCompletion(ctx, openai.ChatCompletionRequest{',
    '\t\tModel:    openai.GPT4o,',
    '\t\tMessages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: note}},',
    '\t})',
    '}',
  ].join('\n');
  const g = analyze(go, 'go', 'notes.go', table(), { now: AT }).calls[0];
  assert.equal(g.site.limitParam, 'MaxTokens');
  assert.equal(g.site.limitUnnamed, undefined);
  // A local server: not priced, no advice (no OpenAI batch job, no cap that saves money).
  assert.deepEqual(g.suggestions, []);
  assert.equal(g.estimate.modelKnown, false);
  // A file that also makes a client on OpenAI's own host: which one a call uses is not read here, the SDK's name stays.
  const both = go.replace('\tllm := openai.NewClientWithConfig(cfg)', '\t_ = openai.NewClient("key")\n\tllm := openai.NewClientWithConfig(cfg)');
  assert.equal(analyze(both, 'go', 'notes.go', table(), { now: AT }).calls[0].site.limitParam, 'MaxCompletionTokens');
  const rs = [
    'use async_openai::{config::OpenAIConfig, types::{ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs}, Client};',
    '',
    'pub async fn tag(note: &str) {',
    '    let cfg = OpenAIConfig::new().with_api_base("http://localhost:11434/v1").with_api_key("unused");',
    '    let llm = Client::with_config(cfg);',
    '    let req = CreateChatCompletionRequestArgs::default()',
    '        .model("gpt-4o")',
    '        .messages([ChatCompletionRequestUserMessageArgs::default().content(note).build().unwrap().into()])',
    '        .build()',
    '        .unwrap();',
    '    let _ = llm.chat().create(req).await;',
    '}',
  ].join('\n');
  const r = analyze(rs, 'rust', 'src/notes.rs', table(), { now: AT }).calls[0];
  assert.equal(r.site.limitParam, 'max_tokens');
  assert.deepEqual(r.suggestions, []);
});

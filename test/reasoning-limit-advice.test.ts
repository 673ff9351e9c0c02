// A reasoning model without a limit in code (cost/advisor.ts): its hidden reasoning tokens count against the limit, so
// 600 could leave no room for the answer. OpenAI's own models are told OpenAI's documented starting reserve (25,000);
// other vendors' the parameter and no number. A JVM framework that sends `maxTokens` as max_tokens, which OpenAI's
// reasoning models refuse, is told `maxCompletionTokens`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';
import { analyze } from '../src/core/analyze';
import { applyEdits, limitEdit } from '../src/core/editor/edits';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const JAVA = `import dev.langchain4j.model.openai.OpenAiChatModel;

public class Ask {
    public String ask(String q) {
        OpenAiChatModel model = OpenAiChatModel.builder()
            .apiKey(System.getenv("OPENAI_API_KEY"))
            .modelName("gpt-5-mini")
            .build();
        return model.chat("Answer briefly: " + q);
    }
}
`;
const PY = `from openai import OpenAI

client = OpenAI()


def ask(q):
    return client.chat.completions.create(model="gpt-5-mini", messages=[{"role": "user", "content": "Answer briefly: " + q}])


def plain(q):
    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": q}])
`;

type Row = { file: string; line: number; suggestions: { kind: string; text: string; limit?: number; saveUsd: number }[] };

function limits(): Map<string, Row['suggestions'][number] | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-reasoning-'));
  fs.writeFileSync(path.join(dir, 'Ask.java'), JAVA);
  fs.writeFileSync(path.join(dir, 'ask.py'), PY);
  let out = '';
  try {
    assert.equal(run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows = (JSON.parse(out) as { calls: Row[] }).calls;
  return new Map(rows.map((r) => [`${path.basename(r.file)}:${r.line}`, r.suggestions.find((s) => s.kind === 'limit-output')]));
}

test("an OpenAI reasoning model without a limit is told OpenAI's 25,000 starting reserve; LangChain4j on OpenAI is told maxCompletionTokens", () => {
  const got = limits();
  const java = got.get('Ask.java:9');
  assert.ok(java, 'the LangChain4j call has limit advice');
  assert.match(java.text, /^Set maxCompletionTokens to 25,000 — OpenAI's suggested starting room for reasoning and answer; caps the worst case, saves \$/);
  const py = got.get('ask.py:7');
  assert.ok(py);
  assert.match(py.text, /^Set max_completion_tokens to 25,000 — OpenAI's/);
  // gpt-5-mini's maximum is 128,000 tokens (pricing/openai.yaml): the cap saves the 103,000 tokens above it.
  assert.ok(Math.abs(py.saveUsd - (128000 - 25000) * 2 / 1e6) < 1e-9, `saving ${py.saveUsd}`);
  // A model that does not reason keeps the number and its saving.
  const plain = got.get('ask.py:11');
  assert.ok(plain);
  assert.match(plain.text, /^Set max_completion_tokens to 600 — caps the worst case, saves \$/);
  assert.ok(plain.saveUsd > 0);
});

test("the quick fix writes 25000 into an OpenAI reasoning call; another vendor's reasoning model gets no number", () => {
  const table = buildTable(loadShipped().sheets);
  const r = analyze(PY, 'python', 'ask.py', table, { now: '2026-12-01T10:00:00Z' });
  const c = r.calls.find((x) => x.site.model?.id === 'gpt-5-mini');
  assert.ok(c);
  const s = c.suggestions.find((x) => x.kind === 'limit-output');
  assert.equal(s?.limit, 25000);
  const edit = limitEdit(c.site, s!.limit!);
  assert.ok(edit);
  assert.match(applyEdits(PY, [edit]), /model="gpt-5-mini", max_completion_tokens=25000,|max_completion_tokens=25000/);
  // Gemini 3.5 Flash thinks too (as 2.5 Flash did), but Google documents no starting reserve: the parameter, no number, no saving.
  const G = `from google import genai\nclient = genai.Client()\nr = client.models.generate_content(model="gemini-3.5-flash", contents="Answer briefly: " + q)\n`;
  const g = analyze(G, 'python', 'g.py', table, { now: '2026-12-01T10:00:00Z' }).calls[0];
  assert.ok(g);
  const gs = g.suggestions.find((x) => x.kind === 'limit-output');
  assert.ok(gs, 'gemini limit advice');
  assert.equal(gs.limit, undefined);
  assert.equal(gs.saveUsd, 0);
  assert.match(gs.text, /leave them room/);
});

test('a call whose model is known only at run time is told the parameter and no number (it may be a reasoning model); Claude and a known model keep theirs', () => {
  const table = buildTable(loadShipped().sheets);
  const at = { now: '2026-12-01T10:00:00Z' };
  const advice = (src: string, lang: string, file: string) => analyze(src, lang, file, table, at).calls.map((c) => c.suggestions.find((x) => x.kind === 'limit-output'));
  const PYRT = `import os\nfrom openai import OpenAI\nclient = OpenAI()\nMODEL = os.environ["MODEL"]\n\ndef ask(q):\n    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": q}])\n\ndef known(q):\n    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": q}])\n`;
  const [rt, known] = advice(PYRT, 'python', 'rt.py');
  assert.ok(rt, 'limit advice on the run-time model');
  assert.equal(rt.limit, undefined);
  assert.equal(rt.saveUsd, 0);
  assert.match(rt.text, /^Set max_completion_tokens to cap the worst case — the model is known only at run time, and a reasoning model's hidden tokens count against it, so no number is proposed$/);
  assert.equal(known?.limit, 600);
  const JSRT = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport const ask = (q) => client.responses.create({ model: process.env.MODEL, input: q });\n`;
  const [js] = advice(JSRT, 'javascript', 'rt.js');
  assert.match(js?.text ?? '', /^Set max_output_tokens to cap the worst case — the model is known only at run time/);
  assert.equal(js?.limit, undefined);
  const GRT = `import os\nfrom google import genai\nclient = genai.Client()\nr = client.models.generate_content(model=os.environ["GEMINI_MODEL"], contents="Answer briefly.")\n`;
  const [g] = advice(GRT, 'python', 'g.py');
  assert.equal(g?.limit, undefined);
  assert.match(g?.text ?? '', /no number is proposed/);
});

test('a model no price sheet lists is told the parameter and no number: it may be a reasoning model (a Gemini -latest alias; not qwen3 on the user’s own Ollama)', () => {
  const table = buildTable(loadShipped().sheets);
  const at = { now: '2026-12-01T10:00:00Z' };
  const G = `from google import genai\nclient = genai.Client()\nr = client.models.generate_content(model="gemini-flash-latest", contents="Answer briefly.")\n`;
  const g = analyze(G, 'python', 'g.py', table, at).calls[0]?.suggestions.find((x) => x.kind === 'limit-output');
  assert.ok(g, 'limit advice on the unpriced Gemini alias');
  assert.equal(g.limit, undefined);
  assert.equal(g.saveUsd, 0);
  assert.match(g.text, /^Set max_output_tokens to cap the worst case — gemini-flash-latest is in no price sheet, so whether it reasons .* no number is proposed$/);
  const O = `import ollama\nr = ollama.chat(model="qwen3", messages=[{"role": "user", "content": "Answer briefly."}])\n`;
  const o = analyze(O, 'python', 'o.py', table, at).calls[0]?.suggestions.find((x) => x.kind === 'limit-output');
  // qwen3 on the user's own Ollama server costs nothing per token: no cap is advised there (analyze.ts ownServer).
  assert.equal(o, undefined, 'no limit advice on the user’s own server');
  // Another vendor's model sent here is in a sheet (the other-vendor warning says the call fails): not "in no price sheet".
  const X = `from google import genai\nclient = genai.Client()\nr = client.models.generate_content(model="gpt-4o-mini", contents="Answer briefly.")\n`;
  const x = analyze(X, 'python', 'x.py', table, at).calls[0]?.suggestions.find((s) => s.kind === 'limit-output');
  assert.ok(x, 'limit advice on the other vendor\'s model');
  assert.doesNotMatch(x.text, /in no price sheet/);
});

test('ruby-openai and openai-php send the body as written: an OpenAI reasoning model is told max_completion_tokens, and the quick fix writes it', () => {
  const table = buildTable(loadShipped().sheets);
  const at = { now: '2026-12-01T10:00:00Z' };
  const RB = `require "openai"\nclient = OpenAI::Client.new(access_token: ENV["OPENAI_API_KEY"])\nclient.chat(parameters: { model: "gpt-5-nano", messages: [{ role: "user", content: "Summarise this." }] })\nclient.chat(parameters: { model: "gpt-4.1-mini", messages: [{ role: "user", content: "Summarise this." }] })\n`;
  const PHP = `<?php\n$client = OpenAI::client(getenv('OPENAI_API_KEY'));\n$r = $client->chat()->create(['model' => 'gpt-5-nano', 'messages' => [['role' => 'user', 'content' => 'Summarise this.']]]);\n`;
  for (const [src, lang, file, key] of [[RB, 'ruby', 'a.rb', 'max_completion_tokens: 25000'], [PHP, 'php', 'a.php', "'max_completion_tokens' => 25000"]] as const) {
    const calls = analyze(src, lang, file, table, at).calls;
    const c = calls.find((x) => x.site.model?.id === 'gpt-5-nano');
    assert.ok(c, `${lang}: the call`);
    const s = c.suggestions.find((x) => x.kind === 'limit-output');
    assert.ok(s);
    assert.match(s.text, /^Set max_completion_tokens to 25,000 — OpenAI's/);
    assert.equal(s.param, 'max_completion_tokens');
    const edit = limitEdit(c.site, s.limit!, s.param);
    assert.ok(edit, `${lang}: an edit`);
    assert.ok(applyEdits(src, [edit]).includes(key), applyEdits(src, [edit]));
  }
  // A model that does not reason keeps the SDK's max_tokens (OpenAI still takes it there).
  const plain = analyze(RB, 'ruby', 'a.rb', table, at).calls.find((x) => x.site.model?.id === 'gpt-4.1-mini')?.suggestions.find((x) => x.kind === 'limit-output');
  assert.match(plain?.text ?? '', /^Set max_tokens to 600/);
  assert.equal(plain?.param, undefined);
});

test('SwiftOpenAI sends maxTokens as max_tokens: an OpenAI reasoning model is told the maCompletionTokens property, with no edit of the init', () => {
  const table = buildTable(loadShipped().sheets);
  const at = { now: '2026-12-01T10:00:00Z' };
  // jamesrochabrun/SwiftOpenAI at 4edec2bb: init(messages:model:…maxTokens:…) only; `public var maCompletionTokens`.
  const SW = `import SwiftOpenAI\nfunc ask(service: OpenAIService) async throws {\n  let p = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Summarise this."))], model: .gpt5)\n  _ = try await service.startChat(parameters: p)\n  let q = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Summarise this."))], model: .gpt4omini)\n  _ = try await service.startChat(parameters: q)\n}\n`;
  const calls = analyze(SW, 'swift', 'a.swift', table, at).calls;
  const c = calls.find((x) => x.site.model?.id === 'gpt-5');
  assert.ok(c, 'the gpt-5 call');
  const s = c.suggestions.find((x) => x.kind === 'limit-output');
  assert.match(s?.text ?? '', /^Set maCompletionTokens to 25,000 — OpenAI's/);
  assert.equal(limitEdit(c.site, s!.limit!, s!.param), undefined);
  const plain = calls.find((x) => x.site.model?.id === 'gpt-4o-mini')?.suggestions.find((x) => x.kind === 'limit-output');
  assert.match(plain?.text ?? '', /^Set maxTokens to 600/);
});

// Estimator, advisor, edits and format over a fixed test table: the numbers a user sees, computed by hand here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { applyEdits, limitEdit, modelEdit } from '../src/core/editor/edits';
import { formatPct, formatTokens, formatUsd, hoverMarkdown, lensTitle, routeLensTitle } from '../src/core/report/format';
import { compareModels } from '../src/core/cost/estimator';
import { countTokens } from '../src/core/tokenize/token-count';
import { DEFAULT_OPTIONS } from '../src/core/analyze';
import { testTable } from './helpers/table';

const table = testTable();
const SYSTEM = 'You are a support assistant. Answer in two sentences.';
const py = (extra: string, model = 'gpt-4o') =>
  `from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "${SYSTEM}"\n\nr = client.chat.completions.create(\n    model="${model}",\n    messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],${extra}\n)\n`;

test('input tokens equal js-tiktoken plus the chat overhead; dollars follow the sheet', () => {
  const { calls } = analyze(py('\n    max_tokens=600,'), 'python', 'a.py', table);
  assert.equal(calls.length, 1);
  const e = calls[0].estimate;
  const promptTokens = countTokens(SYSTEM, 'o200k_base').tokens;
  assert.equal(e.promptTokens, promptTokens);
  // two messages (two role keys): 3 + the role's one token each, plus 3 priming the reply
  assert.equal(e.inputTokens, promptTokens + 2 * 4 + 3);
  assert.equal(e.tokenCount, 'exact');
  assert.equal(e.maxOutputTokens, 600);
  assert.equal(e.maxOutputSource, 'code');
  assert.equal(e.inputUsd, (e.inputTokens * 2.5) / 1e6);
  assert.equal(e.outputUsdMax, (600 * 10) / 1e6);
  assert.equal(e.outputUsdExpected, (300 * 10) / 1e6);
  assert.equal(e.perMonthUsdMax, e.totalUsdMax * 10_000);
  assert.equal(calls[0].line, 5);
});

test('no output limit: the worst case is the model maximum, flagged, and a limit is suggested with the SDK name', () => {
  const { calls } = analyze(py(''), 'python', 'a.py', table);
  const c = calls[0];
  assert.equal(c.estimate.maxOutputSource, 'model-default');
  assert.equal(c.estimate.maxOutputTokens, 16384);
  const limit = c.suggestions.find((s) => s.kind === 'limit-output');
  assert.ok(limit, 'a limit suggestion');
  assert.equal(limit!.limit, 600);
  assert.match(limit!.text, /^Set max_completion_tokens to 600/);
  assert.ok(Math.abs(limit!.saveUsd - ((16384 - 600) * 10) / 1e6) < 1e-12);
  assert.match(lensTitle(c), /→ 16,384 max tok \(no limit set\)$/);
});

test('route: gpt-4o → gpt-4o-mini, same provider, with the saving in dollars and percent', () => {
  const { calls } = analyze(py('\n    max_tokens=600,'), 'python', 'a.py', table);
  const route = calls[0].suggestions.find((s) => s.kind === 'route');
  assert.ok(route);
  assert.equal(route!.model, 'gpt-4o-mini');
  const mini = (calls[0].estimate.inputTokens * 0.15 + 600 * 0.6) / 1e6;
  assert.ok(Math.abs(route!.saveUsd - (calls[0].estimate.totalUsdMax - mini)) < 1e-12);
  assert.equal(Math.round(route!.savePct), 94);
  assert.equal(route!.text, 'Switch to gpt-4o-mini — saves 94%');
  assert.match(routeLensTitle(route!), /^gpt-4o-mini: −94% \(saves \$0\.00\d\d\/call\)$/);
});

test('batch and cache suggestions', () => {
  const long = 'Policy clause. '.repeat(600);
  const src = `import anthropic\nclient = anthropic.Anthropic()\nPOLICY = "${long}"\nclient.messages.create(model="claude-sonnet-4-5", max_tokens=500, system=POLICY, messages=[{"role": "user", "content": q}])\n`;
  const { calls } = analyze(src, 'python', 'b.py', table);
  const cache = calls[0].suggestions.find((s) => s.kind === 'cache');
  assert.ok(cache, 'a cache suggestion for a long static prefix');
  assert.match(cache!.text, /static prefix/);
  const openai = analyze(py('\n    max_tokens=600,'), 'python', 'a.py', table).calls[0];
  const batch = openai.suggestions.find((s) => s.kind === 'batch');
  assert.ok(batch);
  assert.equal(batch!.savePct, 50);
});

test('Claude: estimate from the cl100k count times the factor plus the fitted message terms, labelled', () => {
  const src = 'client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[{"role": "user", "content": "Hello there, how are you today?"}])';
  const c = analyze(src, 'python', 'c.py', table).calls[0];
  const cl100k = countTokens('Hello there, how are you today?', 'cl100k_base').tokens;
  assert.equal(c.estimate.tokenCount, 'estimate');
  // the test table's factor 1.2; 4.68 per user message, 1.81 per request (tokenize/chat-format.ts)
  assert.equal(c.estimate.inputTokens, Math.round(cl100k * 1.2 + 4.68 + 1.81));
  assert.match(lensTitle(c), /^≈ /);
  assert.ok(c.estimate.notes.some((n) => /off by [\d.]+% \([\d.]+ tokens\) on average on \d+ recorded Claude calls/.test(n)), c.estimate.notes.join('\n'));
});

test('long-context tier prices apply above the threshold', () => {
  const big = 'word '.repeat(210_000);
  const src = `client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[{"role": "user", "content": "${big}"}])`;
  const c = analyze(src, 'python', 'd.py', table).calls[0];
  assert.ok(c.estimate.inputTokens > 200_000);
  assert.equal(c.estimate.inputUsd, (c.estimate.inputTokens * 6) / 1e6);
  assert.ok(c.estimate.notes.some((n) => n.includes('long-context')));
});

test('cl100k models count with cl100k; reasoning models are flagged and not told to lower limits', () => {
  const src = 'client.chat.completions.create(model="gpt-4", max_tokens=100, messages=[{"role": "user", "content": "naïve café"}])';
  const c = analyze(src, 'python', 'e.py', table).calls[0];
  assert.equal(c.estimate.promptTokens, countTokens('naïve café', 'cl100k_base').tokens);
  const r = analyze('client.chat.completions.create(model="o3", max_completion_tokens=50000, messages=[])', 'python', 'f.py', table).calls[0];
  assert.ok(r.estimate.notes.some((n) => n.includes('reasoning')));
  assert.ok(!r.suggestions.some((s) => s.kind === 'limit-output'));
});

test('an unknown model is named and never priced as zero', () => {
  const res = analyze(py('\n    max_tokens=10,', 'my-finetune'), 'python', 'g.py', table);
  const c = res.calls[0];
  assert.equal(c.estimate.modelKnown, false);
  assert.match(lensTitle(c), /unknown model "my-finetune"/);
  assert.ok(res.problems.some((p) => p.message.includes('my-finetune') && p.line === 5));
});

test('edits: switch a literal, a constant, an SDK constant; add and change a limit', () => {
  const src = py('');
  const c = analyze(src, 'python', 'a.py', table).calls[0];
  const switched = applyEdits(src, [modelEdit(c.site, 'gpt-4o-mini')!]);
  assert.match(switched, /model="gpt-4o-mini",/);
  const added = applyEdits(src, [limitEdit(c.site, 600)!]);
  assert.match(added, /model="gpt-4o", max_completion_tokens=600,/);
  assert.equal(analyze(added, 'python', 'a.py', table).calls[0].estimate.maxOutputTokens, 600);

  const ts = 'const MODEL = "gpt-4o";\nawait client.chat.completions.create({ model: MODEL, messages });';
  const t = analyze(ts, 'typescript', 'a.ts', table).calls[0];
  assert.equal(applyEdits(ts, [modelEdit(t.site, 'gpt-4o-mini')!]), ts.replace('"gpt-4o"', '"gpt-4o-mini"'));
  assert.match(applyEdits(ts, [limitEdit(t.site, 500)!]), /model: MODEL, max_completion_tokens: 500,/);

  const go = 'c, _ := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{\n\tModel: openai.ChatModelGPT4o,\n\tMaxCompletionTokens: openai.Int(800),\n})';
  const g = analyze(go, 'go', 'a.go', table).calls[0];
  assert.equal(g.estimate.maxOutputTokens, 800);
  assert.match(applyEdits(go, [modelEdit(g.site, 'gpt-4o-mini')!]), /Model: openai\.ChatModelGPT4oMini,/);
  assert.match(applyEdits(go, [limitEdit(g.site, 300)!]), /openai\.Int\(300\)/);

  const java = 'var p = ChatCompletionCreateParams.builder().addUserMessage("Hi").model(ChatModel.GPT_4O).build();';
  const j = analyze(java, 'java', 'A.java', table).calls[0];
  assert.equal(j.site.model?.id, 'gpt-4o');
  assert.match(applyEdits(java, [limitEdit(j.site, 200)!]), /\.model\(ChatModel\.GPT_4O\)\.maxCompletionTokens\(200\)\.build/);
  assert.match(applyEdits(java, [modelEdit(j.site, 'gpt-4o-mini')!]), /ChatModel\.GPT_4O_MINI/);
  // An SDK constant held in a name is no place for a model id: no edit rather than `.model(gpt-4o-mini)`.
  const held = 'import com.openai.models.ChatModel;\nclass Q {\n  static final ChatModel MODEL = ChatModel.GPT_4O;\n  void a() {\n    var p = ChatCompletionCreateParams.builder().addUserMessage("Hi").model(MODEL).build();\n    client.chat().completions().create(p);\n  }\n}\n';
  const hs = analyze(held, 'java', 'Q.java', table).calls[0].site;
  assert.equal(hs.model?.id, 'gpt-4o');
  assert.equal(modelEdit(hs, 'gpt-4o-mini'), undefined);
  // A Spring AI provider enum's constant switches to another of that enum, never to another SDK's name for the id
  // (LangChain4j's MISTRAL_SMALL_LATEST is no MistralAiApi.ChatModel name).
  const mistral = 'import org.springframework.ai.mistralai.MistralAiChatModel;\nimport org.springframework.ai.mistralai.api.MistralAiApi;\nclass M {\n  String a(MistralAiChatModel chatModel) {\n    var o = MistralAiChatOptions.builder().model(MistralAiApi.ChatModel.LARGE.getValue()).maxTokens(300).build();\n    return chatModel.call(new Prompt("Hi", o)).getResult().getOutput().getText();\n  }\n}\n';
  const ms = analyze(mistral, 'java', 'M.java', table).calls[0].site;
  assert.equal(ms.model?.id, 'mistral-large-latest');
  assert.match(applyEdits(mistral, [modelEdit(ms, 'mistral-small-latest')!]), /MistralAiApi\.ChatModel\.SMALL\.getValue\(\)/);
  assert.equal(modelEdit(ms, 'gpt-4o-mini'), undefined);
  // Spring AI's OpenAiApi.ChatModel and LangChain4j's OpenAiChatModelName spell gpt-4o-mini `GPT_4_O_MINI`; openai-java's
  // `GPT_4O_MINI` is no name of theirs (OpenAiApi.java at every spring-ai tag; OpenAiChatModelName.java).
  const spring = 'import org.springframework.ai.openai.OpenAiChatModel;\nimport org.springframework.ai.openai.api.OpenAiApi;\nclass S {\n  String a(OpenAiChatModel chatModel) {\n    var o = OpenAiChatOptions.builder().model(OpenAiApi.ChatModel.GPT_4_O.getValue()).maxTokens(300).build();\n    return chatModel.call(new Prompt("Hi", o)).getResult().getOutput().getText();\n  }\n}\n';
  const ss = analyze(spring, 'java', 'S.java', table).calls[0].site;
  assert.equal(ss.model?.id, 'gpt-4o');
  assert.match(applyEdits(spring, [modelEdit(ss, 'gpt-4o-mini')!]), /OpenAiApi\.ChatModel\.GPT_4_O_MINI\.getValue\(\)/);
  const lc4j = 'import dev.langchain4j.model.openai.OpenAiChatModel;\nimport static dev.langchain4j.model.openai.OpenAiChatModelName.GPT_4_O;\nclass L {\n  String a() {\n    var m = OpenAiChatModel.builder().apiKey(k).modelName(GPT_4_O).maxTokens(300).build();\n    return m.chat("Hi");\n  }\n}\n';
  const ls = analyze(lc4j, 'java', 'L.java', table).calls[0].site;
  assert.match(applyEdits(lc4j, [modelEdit(ls, 'gpt-4o-mini')!]), /\.modelName\(GPT_4_O_MINI\)/);
  // A name the framework's enum has not (Spring AI 2.x code given openai-java's constant): no edit, not a guess.
  const sdkName = spring.replace('OpenAiApi.ChatModel.GPT_4_O.getValue()', 'GPT_4O');
  const sn = analyze(sdkName, 'java', 'S.java', table).calls[0]?.site;
  if (sn?.model?.kind === 'sdk-constant') assert.equal(modelEdit(sn, 'gpt-4o-mini'), undefined);
  // go-openai's constants switch within their own family, and never leak into Java code (both have a bare `GPT5`-like form).
  const gg = 'r, _ := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: openai.GPT4o, MaxTokens: 600})';
  const gs = analyze(gg, 'go', 'b.go', table).calls[0].site;
  assert.equal(gs.model?.id, 'gpt-4o');
  assert.match(applyEdits(gg, [modelEdit(gs, 'gpt-5-mini')!]), /Model: openai\.GPT5Mini,/);
  assert.match(applyEdits(gg, [modelEdit(gs, 'o3')!]), /Model: openai\.O3,/);
  const bare = gg.replace(', MaxTokens: 600', '');
  assert.match(applyEdits(bare, [limitEdit(analyze(bare, 'go', 'b.go', table).calls[0].site, 300)!]), /Model: openai\.GPT4o, MaxCompletionTokens: 300\}/);
  assert.match(applyEdits(java, [modelEdit(j.site, 'gpt-5')!]), /ChatModel\.GPT_5\)/);
  // go-gpt3 (PullRequestInc) spells gpt-3.5-turbo as go-openai does but has no constant for gpt-4o: no edit writes one.
  const g3 = 'import "github.com/PullRequestInc/go-gpt3"\nr, _ := client.ChatCompletion(ctx, gpt3.ChatCompletionRequest{Model: gpt3.GPT3Dot5Turbo0301, MaxTokens: 90})';
  const g3s = analyze(g3, 'go', 'c.go', table).calls[0].site;
  assert.equal(g3s.model?.id, 'gpt-3.5-turbo-0301');
  assert.match(applyEdits(g3, [modelEdit(g3s, 'gpt-3.5-turbo')!]), /Model: gpt3\.GPT3Dot5Turbo,/);
  assert.equal(modelEdit(g3s, 'gpt-4o'), undefined);
  // OpenAI-DotNet's constants in C#: its own spelling (`GPT4_1_Mini`), not go-openai's (`GPT4Dot1Mini`).
  const cs = 'var r = await api.ChatEndpoint.GetCompletionAsync(new ChatRequest(messages, Model.GPT4o, maxTokens: 300));';
  const cst = analyze(cs, 'csharp', 'A.cs', table).calls[0].site;
  assert.equal(cst.model?.id, 'gpt-4o');
  assert.match(applyEdits(cs, [modelEdit(cst, 'gpt-4.1-mini')!]), /messages, Model\.GPT4_1_Mini, maxTokens/);
  assert.match(applyEdits(cs, [modelEdit(cst, 'gpt-4o-mini')!]), /Model\.GPT4oMini,/);
});

test('compare models prices the same call on each, with savings against the current one', () => {
  const c = analyze(py('\n    max_tokens=600,'), 'python', 'a.py', table).calls[0];
  const rows = compareModels(c, table, ['gpt-4o', 'gpt-4o-mini', 'claude-haiku-4-5', 'nope'], DEFAULT_OPTIONS);
  assert.equal(rows[0].current, true);
  assert.equal(rows[0].savePct, 0);
  assert.ok(rows[1].savePct > 90);
  assert.ok(rows[2].known && rows[2].totalUsdMax > rows[1].totalUsdMax);
  assert.equal(rows[3].known, false);
});

test('format: grouping and rounding written out agree with Intl.NumberFormat en-US (seeded sample)', () => {
  const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 20_000; i++) {
    const n = 1 + Math.exp(rnd() * 25) * (i % 2 ? 1 : rnd());
    const v = i % 3 ? n : Math.round(n * 1000) / 1000; // exact half-cent ties too
    assert.equal(formatUsd(v), '$' + usd.format(v), String(v));
    const t = Math.round(rnd() * 10 ** (1 + (i % 12)));
    assert.equal(formatTokens(t), int.format(t), String(t));
  }
});

test('format: dollars, tokens, percentages, hover', () => {
  assert.equal(formatUsd(0.0031), '$0.0031');
  assert.equal(formatUsd(0.00001), '<$0.0001');
  assert.equal(formatUsd(1234.5), '$1,234.50');
  assert.equal(formatUsd(0), '$0');
  assert.equal(formatTokens(1240), '1,240');
  assert.equal(formatTokens(1240, true), '≈1,240');
  assert.equal(formatPct(93.6), '94%');
  assert.equal(formatPct(0.2), '<1%');
  assert.equal(formatUsd(1.005), '$1.01');
  assert.equal(formatTokens(-1234567), '-1,234,567');
  const c = analyze(py('\n    max_tokens=600,'), 'python', 'a.py', table).calls[0];
  const lens = lensTitle(c);
  assert.match(lens, /^≈ (<\$0\.0001|\$0\.\d{4}) in \+ ≤ \$0\.0060 out per call · gpt-4o · \d+ → 600 max tok$/);
  const hover = hoverMarkdown(c, table);
  assert.match(hover, /Not counted \(known at run time\): `question`/);
  assert.match(hover, /Prices: OpenAI, as of 2026-01-01/);
});

test('a limit the code sets gets no advice to lower it, plain, with a response schema or in JSON mode', () => {
  // held41 C16 and held43 C10: "Lower max_tokens to 600 if replies fit" on a limit someone chose was counted wrong by
  // two blind samples; held35 C14–C16 (`parse(…, max_tokens=15000, response_format=Invoice)`) would fail to parse cut
  // short. The worst case the limit sets is still priced.
  for (const fmt of ['', 'response_format=Invoice,', 'response_format={"type": "json_object"},']) {
    const c = analyze(py(`\n    max_tokens=15000,\n    ${fmt}`), 'python', 'a.py', table).calls[0];
    assert.equal(c.site.maxOutput?.value, 15000, fmt);
    assert.equal(c.estimate.maxOutputTokens, 15000, fmt);
    assert.equal(c.site.uses?.includes('structured-output') ?? false, fmt !== '', fmt);
    assert.deepEqual(c.suggestions.filter((s) => s.kind === 'limit-output'), [], fmt);
  }
  // The same call without a limit is told to set one.
  const none = analyze(py(''), 'python', 'a.py', table).calls[0];
  assert.match(none.suggestions.find((s) => s.kind === 'limit-output')?.text ?? '', /^Set max_completion_tokens to 600 — caps the worst case, saves \$/);
});

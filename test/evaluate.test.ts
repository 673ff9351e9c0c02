// The evaluator (src/core/scan/evaluate.ts) as a user meets it: values reached through variables priced right, a
// limit known only at run time flagged and never "fixed" by advice, a model the user assumes labelled as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { modelEdit } from '../src/core/editor/edits';
import { buildReport } from '../src/core/report/report';
import { testTable } from './helpers/table';

const table = testTable();

// The 9-line reproduction: a limit passed through a parameter.
const PARAM = `import anthropic
client = anthropic.Anthropic()

def ask(question, max_tokens=1000):
    return client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=max_tokens,
        messages=[{"role": "user", "content": question}],
    )
`;

test('a limit through a parameter with a default is that default, and no limit is advised', () => {
  const [c] = analyze(PARAM, 'python', 'ask.py', table).calls;
  assert.equal(c.estimate.maxOutputSource, 'code');
  assert.equal(c.estimate.maxOutputTokens, 1000);
  assert.equal(c.site.maxOutput?.source?.what, 'default of parameter max_tokens');
  assert.equal(c.site.maxOutput?.source?.line, 4);
  assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output' && /^Set /.test(s.text)), 'no "Set max_tokens" advice');
  assert.match(hoverMarkdown(c, table), /output limit: default of parameter max_tokens — line 4/);
});

test('a limit known only at run time: worst case at the model maximum, flagged "runtime", never "Set max_tokens"', () => {
  const text = PARAM.replace('max_tokens=1000', 'max_tokens');
  const r = analyze(text, 'python', 'ask.py', table);
  const [c] = r.calls;
  assert.equal(c.site.maxOutputUnresolved, 'max_tokens');
  assert.equal(c.estimate.maxOutputSource, 'runtime');
  assert.equal(c.estimate.maxOutputTokens, 64000);
  assert.deepEqual(c.suggestions.filter((s) => s.kind === 'limit-output'), []);
  assert.match(lensTitle(c), /limit set at run time/);
  const row = buildReport([{ file: 'ask.py', result: r }], table).calls[0];
  assert.equal(row.maxOutputSource, 'runtime');
  assert.ok(row.unresolved.includes('max_tokens'), 'the expression is listed in unresolved');
});

test('a `||` / `??` default of a value read at run time is marked a fallback in the hover and the JSON row; a literal is not', () => {
  const text = `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export async function ask(q: string, opts: { maxTokens?: number } = {}) {
  return client.messages.create({
    model: process.env.CLAUDE_MODEL || "claude-sonnet-4-5",
    max_tokens: opts.maxTokens ?? 700,
    messages: [{ role: "user", content: q }],
  });
}
export const fixed = () => client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 300, messages: [{ role: "user", content: "Hi" }] });
`;
  const r = analyze(text, 'typescript', 'ask.ts', table);
  const [c, fixed] = r.calls;
  assert.equal(c.site.model?.source?.fallback, true);
  assert.equal(c.site.maxOutput?.source?.fallback, true);
  assert.match(hoverMarkdown(c, table), /model: default of process\.env\.CLAUDE_MODEL \(a fallback: sent only when that value is not set\) — line 5/);
  assert.match(hoverMarkdown(c, table), /output limit: default of opts\.maxTokens \(a fallback: sent only when that value is not set\) — line 6/);
  const [row, plain] = buildReport([{ file: 'ask.ts', result: r }], table).calls;
  assert.deepEqual([row.modelFrom?.fallback, row.maxOutputFrom?.fallback, row.maxOutputTokens], [true, true, 700]);
  assert.equal(fixed.site.maxOutput?.source, undefined);
  assert.equal(plain.maxOutputFrom, undefined);
});

test('a local assigned from a constant, a table entry and a settings field resolve; the nearest binding wins', () => {
  const text = `import anthropic
client = anthropic.Anthropic()
max_tokens = 4000
LIMITS = {"triage": 300}

def triage(q):
    limit = LIMITS["triage"]
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=limit, messages=[{"role": "user", "content": q}])

def other(q, max_tokens):
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=max_tokens, messages=[{"role": "user", "content": q}])
`;
  const [a, b] = analyze(text, 'python', 'x.py', table).calls;
  assert.equal(a.estimate.maxOutputTokens, 300);
  // The parameter shadows the module's max_tokens: run time, not 4000.
  assert.equal(b.site.maxOutput, undefined);
  assert.equal(b.site.maxOutputUnresolved, 'max_tokens');
});

test('env defaults, helpers and several returns: the dearest is priced and the others named', () => {
  const text = `import os
from openai import OpenAI
client = OpenAI()

def pick(fast):
    if fast:
        return "gpt-4o-mini"
    return "gpt-4o"

r = client.chat.completions.create(model=pick(True), max_tokens=100, messages=[{"role": "user", "content": "hi"}])
s = client.chat.completions.create(model=os.environ.get("M", "gpt-4o-mini"), max_tokens=100, messages=[{"role": "user", "content": "hi"}])
`;
  const [r, s] = analyze(text, 'python', 'x.py', table).calls;
  assert.equal(r.site.model?.id, 'gpt-4o');
  assert.deepEqual(r.site.model?.others, ['gpt-4o-mini']);
  assert.equal(modelEdit(r.site, 'gpt-4o-mini'), undefined, 'no single place to edit');
  assert.match(hoverMarkdown(r, table), /can also be `gpt-4o-mini`/);
  assert.equal(s.site.model?.id, 'gpt-4o-mini');
  assert.equal(s.site.model?.source?.what, 'default of env M');
});

test('a model read from a dict known at run time with a stated default: the default priced, said to be the default', () => {
  const text = `from openai import OpenAI
client = OpenAI()
FALLBACK = "gpt-4.1"

def step(state, message):
    text = message.get("content", "")
    a = client.chat.completions.create(model=state.get("model", "gpt-4o-mini"), messages=[{"role": "user", "content": text}])
    b = client.chat.completions.create(model=state.get("model") or FALLBACK, messages=[{"role": "user", "content": text}])
    return a, b
`;
  const [a, b] = analyze(text, 'python', 'x.py', table).calls;
  assert.equal(a.site.model?.id, 'gpt-4o-mini');
  assert.equal(a.site.model?.source?.what, 'default of state.get("model")');
  assert.match(hoverMarkdown(a, table), /model: default of state\.get\("model"\) — line 7/);
  // The constant keeps its place (the hover links to it) and is named as the default.
  assert.equal(b.site.model?.id, 'gpt-4.1');
  assert.equal(b.site.model?.source?.what, 'default of state.get("model") (constant FALLBACK)');
  assert.equal(b.site.model?.source?.line, 3);
  // A prompt read the same way is the message's text at run time, not its default "".
  assert.deepEqual(a.site.parts.filter((p) => !p.resolved).map((p) => p.label), ['text']);
});

test('a model the user assumes: a comment above the call in any syntax, or the setting; the lens says "assumed"', () => {
  const py = `from openai import OpenAI
client = OpenAI()
def f(model):
    # prompt-cost: model=gpt-4o-mini
    return client.chat.completions.create(model=model, max_tokens=50, messages=[{"role": "user", "content": "hi"}])
`;
  const [c] = analyze(py, 'python', 'x.py', table).calls;
  assert.equal(c.site.model?.id, 'gpt-4o-mini');
  assert.equal(c.site.model?.assumed, 'comment');
  assert.match(lensTitle(c), /gpt-4o-mini \(assumed\)/);
  assert.equal(modelEdit(c.site, 'gpt-4o'), undefined, 'an assumed model is not edited');
  const ts = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function f(model: string) {\n  /* prompt-cost: model=gpt-4o */\n  return client.chat.completions.create({ model, max_tokens: 50, messages: [] });\n}\n`;
  assert.equal(analyze(ts, 'typescript', 'x.ts', table).calls[0].site.model?.id, 'gpt-4o');
  const noComment = py.replace('# prompt-cost: model=gpt-4o-mini', '# no hint');
  const [u] = analyze(noComment, 'python', 'x.py', table).calls;
  assert.equal(u.site.model, undefined);
  const [set] = analyze(noComment, 'python', 'x.py', table, { assumeModel: 'gpt-4o' }).calls;
  assert.equal(set.site.model?.id, 'gpt-4o');
  assert.equal(set.site.model?.assumed, 'setting');
  assert.equal(set.estimate.modelKnown, true);
  assert.match(lensTitle(set), /gpt-4o \(assumed\)/);
});

test('a limit from a table indexed by a run-time model: the largest entry, flagged "runtime", no limit advice; a known model reads its entry', () => {
  const text = `import anthropic
client = anthropic.Anthropic()
LIMITS = {"claude-3-5-haiku-20241022": {"out": 4096}, "claude-sonnet-4-5": {"out": 8192}}

def ask(model, q):
    return client.messages.create(model=model, max_tokens=LIMITS[model]["out"], messages=[{"role": "user", "content": q}])

def ask_known(q, model="claude-3-5-haiku-20241022"):
    return client.messages.create(model=model, max_tokens=LIMITS[model]["out"], messages=[{"role": "user", "content": q}])
`;
  const [a, b] = analyze(text, 'python', 'x.py', table).calls;
  assert.equal(a.site.maxOutput?.value, 8192);
  assert.deepEqual(a.site.maxOutput?.others, [4096]);
  assert.equal(a.site.maxOutputUnresolved, 'LIMITS[model]["out"]');
  assert.equal(a.estimate.maxOutputSource, 'runtime');
  assert.equal(a.estimate.maxOutputTokens, 8192);
  assert.ok(a.estimate.notes.some((n) => /chosen at run time .*largest value it can take, 8192 tokens/.test(n)));
  assert.deepEqual(a.suggestions.filter((s) => s.kind === 'limit-output'), []);
  assert.match(hoverMarkdown(a, table), /output, worst case \(largest value the limit can take; chosen at run time\) \| 8,192/);
  assert.equal(b.site.maxOutput?.value, 4096);
  assert.equal(b.site.maxOutput?.others, undefined);
  assert.equal(b.site.maxOutputUnresolved, undefined);
  assert.equal(b.estimate.maxOutputSource, 'code');
});

test('the assumeModel setting picks its entry of a table indexed by the run-time model, as the comment does', () => {
  const text = `import anthropic
client = anthropic.Anthropic()
LIMITS = {"claude-3-5-haiku-20241022": {"out": 4096}, "claude-sonnet-4-5": {"out": 8192}}

def ask(model, q):
    return client.messages.create(model=model, max_tokens=LIMITS[model]["out"], messages=[{"role": "user", "content": q}])
`;
  const [c] = analyze(text, 'python', 'x.py', table, { assumeModel: 'claude-3-5-haiku-20241022' }).calls;
  assert.equal(c.site.model?.id, 'claude-3-5-haiku-20241022');
  assert.equal(c.site.model?.assumed, 'setting');
  assert.equal(c.site.maxOutput?.value, 4096, 'the assumed model\'s entry, not the largest');
  assert.equal(c.site.maxOutput?.others, undefined);
  assert.equal(c.site.maxOutputUnresolved, undefined);
  assert.equal(c.estimate.maxOutputSource, 'code');
  assert.equal(c.estimate.maxOutputTokens, 4096);
  // A model the code states is never replaced by the setting.
  const stated = text.replace('def ask(model, q)', 'def ask(q, model="claude-sonnet-4-5")');
  const [d] = analyze(stated, 'python', 'x.py', table, { assumeModel: 'claude-3-5-haiku-20241022' }).calls;
  assert.equal(d.site.model?.id, 'claude-sonnet-4-5');
  assert.equal(d.site.model?.assumed, undefined);
  assert.equal(d.site.maxOutput?.value, 8192);
});

// Seen in mem0ai/mem0 (llms/anthropic.py) and anthropic-quickstarts (agents/agent.py): the whole request comes from a
// helper, `create(**params)`; the helper may set the limit, so the lens must not advise adding one.
test('a request built by a helper and spread into the call: limit "runtime", named, and no "Set max_tokens"', () => {
  const src = `import anthropic
client = anthropic.Anthropic()

class Llm:
    def generate(self, messages):
        params = self._params(messages)
        return client.messages.create(**params)
`;
  const [c] = analyze(src, 'python', 'llm.py', table).calls;
  assert.ok(c, 'the call is reported');
  assert.equal(c.site.maxOutputUnresolved, 'params (built at run time)');
  assert.equal(c.estimate.maxOutputSource, 'runtime');
  assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output' && /^Set /.test(s.text)), c.suggestions.map((s) => s.text).join('; '));
  // .NET: messages as arguments and no options object: there is no limit, and saying so stays right.
  const cs = `using OpenAI.Chat;
ChatClient client = new("gpt-4o-mini", "key");
ChatCompletion r = client.CompleteChat(messages);
`;
  const [d] = analyze(cs, 'csharp', 'P.cs', table).calls;
  assert.equal(d.site.maxOutputUnresolved, undefined);
});

// mem0ai/mem0 llms/litellm.py: the request dict names the model, and the limit is set on it afterwards, per branch.
test('a limit set on the request after it is built (params["max_tokens"] = …) is that limit, never "Set max_tokens"', () => {
  const src = `import litellm

class Llm:
    def generate(self, messages, max_tokens=1500):
        params = {"model": "gpt-4o-mini", "messages": messages}
        if self.new_api:
            params["max_completion_tokens"] = max_tokens
        else:
            params["max_tokens"] = max_tokens
        return litellm.completion(**params)

    def runtime(self, messages, limit):
        params = {"model": "gpt-4o-mini", "messages": messages}
        params["max_tokens"] = limit
        return litellm.completion(**params)
`;
  const [a, b] = analyze(src, 'python', 'llm.py', table).calls;
  assert.equal(a.estimate.maxOutputSource, 'code');
  assert.equal(a.estimate.maxOutputTokens, 1500);
  assert.equal(b.estimate.maxOutputSource, 'runtime');
  assert.equal(b.site.maxOutputUnresolved, 'limit');
  for (const c of [a, b]) assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output' && /^Set /.test(s.text)));
});

test('a request dict spreading the caller\'s keyword arguments: the limit is run time, never "Set max_tokens" (arc53/DocsGPT)', () => {
  const src = `from openai import OpenAI
client = OpenAI()
def generate(model, messages, **kwargs):
    request_params = {"model": model, "messages": messages, **kwargs}
    return client.chat.completions.create(**request_params)
`;
  const [c] = analyze(src, 'python', 'gen.py', table).calls;
  assert.equal(c.site.maxOutputUnresolved, 'kwargs (merged at run time)');
  assert.equal(c.estimate.maxOutputSource, 'runtime');
  assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output' && /^Set /.test(s.text)), 'no "Set max_tokens" advice');
});

test('a sum on a run-time value with a fallback is run time at the model maximum; the fallback alone is the stated default', () => {
  // ErikBjare/gptme gptme/llm/llm_anthropic.py: `(model_meta.max_output or 4096) + (thinking_budget if … else 0)`.
  const text = `import anthropic
client = anthropic.Anthropic()

def think(meta, q, deep):
    limit = (meta.output_cap or 4096) + (12000 if deep else 0)
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=limit, messages=[{"role": "user", "content": q}])

def plain(meta, q):
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=meta.output_cap or 2048, messages=[{"role": "user", "content": q}])
`;
  const [sum, plain] = analyze(text, 'python', 'x.py', table).calls;
  assert.equal(sum.estimate.maxOutputSource, 'runtime');
  assert.equal(sum.estimate.maxOutputTokens, 64000);
  assert.equal(sum.site.maxOutputUnresolved, 'limit');
  assert.deepEqual(sum.suggestions.filter((s) => s.kind === 'limit-output'), []);
  assert.equal(plain.estimate.maxOutputSource, 'code');
  assert.equal(plain.estimate.maxOutputTokens, 2048);
  assert.equal(plain.site.maxOutput?.source?.what, 'default of meta.output_cap');
});

test('a model put together in an f-string from known parts is priced, and not edited in place', () => {
  const table = testTable();
  const py = `from google import genai
client = genai.Client()
MODEL_ID = "gemini-2.5-flash" # @param ["gemini-2.5-flash", "gemini-2.5-pro"] {"allow-input":true}
r = client.models.generate_content(model=f"models/{MODEL_ID}", contents="Describe the clip.")
s = client.models.generate_content(model=f"models/{name}", contents="Describe the clip.")
`;
  const [r, s] = analyze(py, 'python', 'x.py', table).calls;
  assert.equal(r.site.model?.id, 'models/gemini-2.5-flash');
  assert.equal(r.site.model?.composed, true);
  assert.equal(modelEdit(r.site, 'gemini-2.5-flash-lite'), undefined, 'no one place holds the model');
  assert.equal(s.site.model, undefined);
  assert.equal(s.site.modelUnresolved, 'f"models/{name}"');
});

// jiangjunjie/ChatGPT-Reviewer app/completion.py (held-out sample 22): the limit is what is left of a budget.
test('a limit computed under a bound is priced at the bound, run time, and no limit is advised', () => {
  const text = `import openai

class Client:
    def __init__(self, model="gpt-4o-mini", max_tokens=4000):
        self.model = model
        self.max_tokens = max_tokens

    def review(self, diff):
        return openai.chat.completions.create(model=self.model, messages=[{"role": "user", "content": diff}],
            max_tokens=self.max_tokens - len(diff))

def capped(diff, n):
    return openai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": diff}], max_tokens=min(n, 900))

def doubled(diff):
    return openai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": diff}], max_tokens=300 * 2)
`;
  const r = analyze(text, 'python', 'review.py', table);
  const [budget, capped, doubled] = r.calls;
  assert.deepEqual([budget.estimate.maxOutputSource, budget.estimate.maxOutputTokens, budget.site.maxOutput?.bounded, budget.site.maxOutput?.source?.what], ['runtime', 4000, true, 'default of parameter max_tokens']);
  assert.equal(budget.site.maxOutputUnresolved, 'self.max_tokens - len(diff)');
  assert.deepEqual([capped.estimate.maxOutputSource, capped.estimate.maxOutputTokens, capped.site.maxOutput?.bounded], ['runtime', 900, true]);
  for (const c of [budget, capped]) assert.ok(!c.suggestions.some((s) => s.kind === 'limit-output'));
  assert.match(lensTitle(budget), /→ 4,000 max tok \(at most; computed at run time\)/);
  assert.match(hoverMarkdown(budget, table), /\| output, worst case \(at most this; limit computed at run time\) \| 4,000 \|/);
  // Both sides known: the product, as written (the whole expression is what an edit replaces).
  assert.deepEqual([doubled.estimate.maxOutputSource, doubled.estimate.maxOutputTokens, doubled.site.maxOutput?.bounded], ['code', 600, undefined]);
  assert.equal(text.slice(doubled.site.maxOutput!.span.start, doubled.site.maxOutput!.span.end), '300 * 2');
  const rows = buildReport([{ file: 'review.py', result: r }], table).calls;
  assert.deepEqual(rows.map((x) => x.maxOutputBounded), [true, true, undefined]);
});

// A condition read up to its ternary's `?` (scan/conditions.ts) ends where the next statement starts in a file
// without semicolons: `ok`'s comparison is no condition of the ternary on the line below.
const NO_SEMICOLONS = `import Anthropic from '@anthropic-ai/sdk'
const client = new Anthropic()
export async function ask(text: string, s?: string) {
  const ok = s === 'fast'
  const model = typeof s === 'string' && ok ? 'claude-haiku-4-5' : 'claude-sonnet-4-5'
  return client.messages.create({ model, max_tokens: 900, messages: [{ role: 'user', content: text }] })
}
`;

test('a ternary condition with typeof and && states both arms; the scan stops at the next statement', () => {
  const [c] = analyze(NO_SEMICOLONS, 'typescript', 'ask.ts', table).calls;
  // The dearest of the two is priced (analyze.ts), the other named.
  assert.deepEqual([c.site.model?.id, ...(c.site.model?.others ?? [])].sort(), ['claude-haiku-4-5', 'claude-sonnet-4-5']);
});

test('a member of the object a function returns is read through its shorthand properties', () => {
  const text = NO_SEMICOLONS.replace('  return client', '  const opts = options()\n  return client')
    .replace('max_tokens: 900', 'max_tokens: opts.limit')
    + 'function options() {\n  const limit = Number(process.env.LIMIT) || 700\n  return { limit }\n}\n';
  const [c] = analyze(text, 'typescript', 'ask.ts', table).calls;
  assert.equal(c.site.maxOutput?.value, 700);
});

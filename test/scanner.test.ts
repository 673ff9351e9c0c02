// scanner.ts: which calls are found, their extent, and where an output limit would go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNSENT_PROMPT, mayHaveCalls, scan } from '../src/core/scan/scanner';

const JS_SHORTHAND = 'const model = "gpt-4o";\nconst r = await client.chat.completions.create({ model, messages });\n';

test('a shorthand model key `{ model, messages }`: the limit goes right after the key, in property syntax', () => {
  const [site] = scan(JS_SHORTHAND, 'javascript');
  assert.equal(site.model?.id, 'gpt-4o');
  const key = JS_SHORTHAND.indexOf('model,');
  assert.deepEqual(site.limitInsertion, { offset: key + 'model'.length, template: ', max_completion_tokens: {n}' });
});

test('the limit goes after the model value in the syntax the model key was written in', () => {
  const py = 'r = client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": "Hi"}],\n)\n';
  const [p] = scan(py, 'python');
  assert.deepEqual(p.limitInsertion, { offset: py.indexOf('",') + 1, template: ', max_completion_tokens={n}' });
  const js = 'client.chat.completions.create({ model: "gpt-4o", messages });';
  const [j] = scan(js, 'javascript');
  assert.deepEqual(j.limitInsertion, { offset: js.indexOf('",') + 1, template: ', max_completion_tokens: {n}' });
  const php = "$client->chat()->create(['model' => 'gpt-4o', 'messages' => $m]);";
  const [h] = scan(php, 'php');
  assert.equal(h.limitInsertion?.template, ", 'max_tokens' => {n}");
});

test('no insertion when the code sets a limit is not offered twice: the site carries the limit it read', () => {
  const py = 'client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=m)\n';
  const [p] = scan(py, 'python');
  assert.equal(p.maxOutput?.value, 300);
  assert.equal(p.maxOutput?.key, 'max_tokens');
});

test('anchor and span: the anchor is the sending method and its bracket, the span runs to the closing bracket', () => {
  const py = 'x = 1\nr = self.client.chat.completions.create(model="gpt-4o", messages=m)\n';
  const [p] = scan(py, 'python');
  assert.equal(py.slice(p.anchor.start, p.anchor.end), 'create(');
  assert.ok(py.slice(p.span.start, p.span.end).endsWith('create(model="gpt-4o", messages=m)'));
});

test('calls in comments and strings are not calls; a file without any call word is skipped early', () => {
  assert.deepEqual(scan('# client.chat.completions.create(model="gpt-4o")\ns = "client.chat.completions.create(model=\'x\')"\n', 'python'), []);
  assert.equal(mayHaveCalls('print("hello")\n', 'python'), false);
  assert.equal(mayHaveCalls('client.chat.completions.create(model="gpt-4o")', 'python'), true);
});

test('mayHaveCalls: a shape\'s words count as whole words, each word of the shape is needed', () => {
  // Parts of longer names hold no anchor: `create_order`, `chatCompletions`.
  assert.equal(mayHaveCalls('def create_order(chat_completions):\n    return completions_create(x)\n', 'python'), false);
  // The gate word of Mistral's `chat.complete(` is `chat`; `complete` is looked for only then.
  assert.equal(mayHaveCalls('r = client.chat.complete(model="mistral-large-latest", messages=m)\n', 'python'), true);
  assert.equal(mayHaveCalls('r = client.chat.send(x)\n', 'python'), false);
  assert.equal(mayHaveCalls('job.complete()\nstream(x)\n', 'python'), false);
  // A shape with `needs`: `invoke(` alone is everywhere, with a LangChain construction it may be a call.
  assert.equal(mayHaveCalls('chain.invoke(x)\n', 'python'), false);
  assert.equal(mayHaveCalls('llm = ChatOpenAI(model="gpt-4o")\nllm.invoke(x)\n', 'python'), true);
});

test('the call-shape row decides the language: a Ruby-only shape is not read in Python', () => {
  // `chat(` is Ruby's ruby-openai row; in Python it needs an `ollama` or `cohere` word in the file.
  assert.deepEqual(scan('r = client.chat(parameters: { model: "gpt-4o" })\n', 'python'), []);
  const [rb] = scan('r = client.chat(parameters: { model: "gpt-4o", messages: m })\n', 'ruby');
  assert.equal(rb.model?.id, 'gpt-4o');
});

test('a LangChain model made here and sent elsewhere names its prompt as given where it is used (gpt-engineer core/ai.py)', () => {
  const src = `from langchain_openai import ChatOpenAI

class AI:
    def __init__(self, model_name="gpt-4-turbo"):
        self.model_name = model_name
        self.llm = self._create_chat_model()

    def _create_chat_model(self):
        return ChatOpenAI(model=self.model_name, max_tokens=4096)

    def next(self, messages):
        return self.llm.invoke(messages)
`;
  const [s] = scan(src, 'python');
  assert.equal(s.model?.id, 'gpt-4-turbo');
  assert.deepEqual(s.parts.map((p) => p.label), [UNSENT_PROMPT]);
  // Sent in the file: the send is the call and carries its own prompt.
  const sent = scan('from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o")\nllm.invoke("Say hi.")\n', 'python');
  assert.deepEqual(sent.map((x) => x.parts.map((p) => p.text)), [['Say hi.']]);
});

test('the Gemini SDKs before Google Gen AI: model, system instruction and limit from where the model object is made', () => {
  const py = `import google.generativeai as genai
def f(model_id, prompt):
    model = genai.GenerativeModel(model_id, generation_config=genai.GenerationConfig(temperature=0))
    return model.generate_content(prompt)
def g(text):
    cfg = genai.GenerationConfig(max_output_tokens=300)
    m = genai.GenerativeModel("gemini-1.5-flash", system_instruction="Be brief.", generation_config=cfg)
    return m.generate_content(text)
`;
  const [a, b] = scan(py, 'python');
  // A model named only at run time still makes it a call (stitionai/devika src/llm/gemini_client.py).
  assert.equal(a?.modelUnresolved, 'model_id');
  assert.equal(a?.maxOutput, undefined);
  assert.equal(b?.model?.id, 'gemini-1.5-flash');
  assert.equal(b?.maxOutput?.value, 300);
  assert.deepEqual(b?.parts.map((p) => p.text || p.label), ['Be brief.', 'text']);
  const js = `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(key);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 20 } });
await model.generateContent('Title this note.');
`;
  const [j] = scan(js, 'typescript');
  assert.equal(j?.model?.id, 'gemini-1.5-flash');
  assert.equal(j?.maxOutput?.value, 20);
});

test('an SDK method passed to a call that makes it: the other arguments are the request (arc53/DocsGPT, asyncio.to_thread)', () => {
  const py = `import asyncio
from openai import OpenAI
client = OpenAI()
async def f(prompt):
    return await asyncio.to_thread(client.chat.completions.create, model="gpt-4o-mini", max_tokens=300, messages=[{"role": "user", "content": prompt}])
def g(messages):
    params = {"model": "gpt-4.1", "messages": messages, "max_tokens": 50}
    return self._create_with_tool_fallback(self.client.chat.completions.create, params, "x")
`;
  const [a, b, ...rest] = scan(py, 'python');
  assert.equal(rest.length, 0);
  assert.equal(a?.model?.id, 'gpt-4o-mini');
  assert.equal(a?.maxOutput?.value, 300);
  assert.equal(b?.model?.id, 'gpt-4.1');
  assert.equal(b?.maxOutput?.value, 50);
  // Not a call: the method alone (`map(client.chat.completions.create)`), or patched in a test.
  assert.deepEqual(scan('from openai import OpenAI\nclient = OpenAI()\nfns = map(client.chat.completions.create)\nmock.patch.object(client.chat.completions, "create")\n', 'python'), []);
});

// A call whose answer a person at the terminal waits for gets no batch or off-peak advice (scan/interactive.ts):
// held-out 19's openai-node demo reads a question with readline/promises and was advised "Use the openai batch API
// if the answer can wait". Reading a file line by line with readline, or a function that asks nobody, keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { analyzePrefix, firstSliceEnd } from '../src/core/editor/prefix';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
// A DeepSeek off-peak hour is priced as dearer at this time, so off-peak advice is on offer where it applies.
const AT = '2026-12-01T10:00:00Z';
const kinds = (text: string, lang: string) =>
  analyze(text, lang, lang === 'python' ? 'a.py' : 'a.mjs', table(), { now: AT }).calls.map((c) => c.suggestions.map((s) => s.kind).sort().join('|'));

const CREATE = 'await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 200, messages: [{ role: "user", content: q }] })';

test('JS: a readline question before the call, at top level or in a callback, means a person waits', () => {
  const top = `import OpenAI from "openai";\nimport readline from "node:readline/promises";\nconst openai = new OpenAI();\nconst rl = readline.createInterface({ input: process.stdin, output: process.stdout });\nconst q = await rl.question("Ask: ");\nconst r = ${CREATE};\n`;
  assert.deepEqual(kinds(top, 'javascript'), ['']);
  const cb = `const OpenAI = require("openai");\nconst readline = require("readline");\nconst openai = new OpenAI();\nconst rl = readline.createInterface({ input: process.stdin });\nrl.question("Ask: ", async (q) => {\n  const r = ${CREATE};\n  console.log(r);\n});\n`;
  assert.deepEqual(kinds(cb, 'javascript'), ['']);
});

test('JS: readline over a file (no question) and a function that asks nobody keep the batch advice', () => {
  const lines = `import OpenAI from "openai";\nimport readline from "node:readline";\nimport fs from "node:fs";\nconst openai = new OpenAI();\nconst rl = readline.createInterface({ input: fs.createReadStream("tickets.txt") });\nfor await (const q of rl) {\n  const r = ${CREATE};\n}\n`;
  assert.deepEqual(kinds(lines, 'javascript'), ['batch']);
});

test('Python: input() before the call in the same function means a person waits; another function does not', () => {
  const py = `from openai import OpenAI\nclient = OpenAI()\n\ndef chat():\n    q = input("You: ")\n    r = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": q}], max_tokens=200)\n    print(r)\n\ndef summarize(text):\n    return client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": text}], max_tokens=200)\n`.replace(/OpenAI\(\)/, 'OpenAI(base_url="https://api.deepseek.com")');
  const [asked, batchable] = kinds(py, 'python');
  assert.ok(!asked.includes('batch') && !asked.includes('off-peak'), asked);
  assert.ok(batchable.includes('off-peak'), batchable);
});

// A current model with a cheaper one to move to (gpt-4o's, gpt-4o-mini, shuts down with it on 2027-01-14).
const FETCH = `await fetch(URL_, { method: "POST", body: JSON.stringify({ model: "gpt-5.4", max_tokens: 200, messages: [{ role: "user", content: text }] }) })`;

test('a file that answers requests: an extension listener, an HTTP route, a bot, a Streamlit page (their helpers too)', () => {
  // held-out 20 (memrecall): helpers of a service worker's runtime.onMessage listener.
  const ext = `const URL_ = "https://api.openai.com/v1/chat/completions";\nasync function summarize(text) {\n  const r = ${FETCH};\n  return r.json();\n}\nchrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {\n  summarize(msg.text).then(sendResponse);\n  return true;\n});\n`;
  assert.deepEqual(kinds(ext, 'javascript'), ['route']);
  const express = `import OpenAI from "openai";\nconst openai = new OpenAI();\nasync function answer(q) {\n  return ${CREATE.replace('gpt-4o-mini', 'gpt-5.4')};\n}\napp.post("/ask", async (req, res) => res.json(await answer(req.body.q)));\n`;
  assert.deepEqual(kinds(express, 'javascript'), ['route']);
  const fastapi = `from openai import OpenAI\nfrom fastapi import FastAPI\napp = FastAPI()\nclient = OpenAI()\n\n@app.post("/ask")\ndef ask(q: str):\n    return client.chat.completions.create(model="gpt-5.4", messages=[{"role": "user", "content": q}], max_tokens=200)\n`;
  assert.deepEqual(kinds(fastapi, 'python'), ['route']);
  const st = `import streamlit as st\nfrom openai import OpenAI\nclient = OpenAI()\nq = st.chat_input("Ask")\nif q:\n    st.write(client.chat.completions.create(model="gpt-5.4", messages=[{"role": "user", "content": q}], max_tokens=200))\n`;
  assert.deepEqual(kinds(st, 'python'), ['route']);
});

test('a worker fed jobs (parentPort.on("message")) and a plain script keep the batch advice', () => {
  const worker = `import OpenAI from "openai";\nimport { parentPort } from "node:worker_threads";\nconst openai = new OpenAI();\nparentPort.on("message", async (q) => {\n  const r = ${CREATE.replace('gpt-4o-mini', 'gpt-5.4')};\n  parentPort.postMessage(r);\n});\n`;
  assert.deepEqual(kinds(worker, 'javascript'), ['batch|route']);
  const script = `from openai import OpenAI\nclient = OpenAI()\nfor doc in open("docs.txt"):\n    client.chat.completions.create(model="gpt-5.4", messages=[{"role": "user", "content": doc}], max_tokens=200)\n`;
  assert.deepEqual(kinds(script, 'python'), ['batch|route']);
});

test('a first screen cut before the route still says the file answers requests', () => {
  const calls = Array.from({ length: 400 }, (_, i) => `async function f${i}(q) {\n  return ${CREATE.replace('gpt-4o-mini', 'gpt-5.4')};\n}\n`).join('');
  const text = `import OpenAI from "openai";\nconst openai = new OpenAI();\n${calls}app.post("/ask", async (req, res) => res.json(await f0(req.body.q)));\n`;
  const cut = firstSliceEnd(text, 'javascript')!;
  assert.ok(cut < text.indexOf('app.post'));
  const first = analyzePrefix(text, 'javascript', 'a.mjs', table(), { now: AT }, cut);
  assert.ok(first.calls.length > 10);
  for (const c of first.calls) assert.deepEqual(c.suggestions.map((s) => s.kind), ['route']);
});

// held-out 21: two Telegram bots whose handlers (python-telegram-bot, in bot.py) call a helper module's client
// (openai_utils.py, `import openai_utils`; openai_helper.py, `from openai_helper import OpenAIHelper`), each call
// advised "Use the openai batch API if the answer can wait".
test('Python: a helper module imported by a bot or route module answers whoever waits there; one a script imports keeps batch', () => {
  const helper = 'from openai import OpenAI\nclient = OpenAI()\n\nclass ChatGPT:\n    def reply(self, text):\n        return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], max_tokens=300)\n';
  const bot = 'import openai_utils\nfrom telegram.ext import Application, MessageHandler, filters\n\nasync def on_text(update, context):\n    await update.message.reply_text(openai_utils.ChatGPT().reply(update.message.text))\n\napp = Application.builder().token("T").build()\napp.add_handler(MessageHandler(filters.TEXT, on_text))\n';
  const script = 'from openai_utils import ChatGPT\n\nfor line in open("tickets.txt"):\n    print(ChatGPT().reply(line))\n';
  const advice = (files: Record<string, string>) => {
    const index = new ValueIndex(memFiles(files));
    return analyze(files['app/bot/openai_utils.py'], 'python', 'app/bot/openai_utils.py', table(), { now: AT }, undefined, undefined, index).calls[0].suggestions.map((s) => s.kind);
  };
  const base = { 'app/requirements.txt': 'openai\n', 'app/bot/__init__.py': '', 'app/bot/openai_utils.py': helper };
  assert.ok(!advice({ ...base, 'app/bot/bot.py': bot }).includes('batch'));
  assert.ok(advice({ ...base, 'app/bot/run_tickets.py': script }).includes('batch'));
  // No workspace index (a single file): nothing known of its importers, the advice stays.
  assert.ok(analyze(helper, 'python', 'openai_utils.py', table(), { now: AT }).calls[0].suggestions.some((s) => s.kind === 'batch'));
});

test('Python: python-telegram-bot handlers (MessageHandler, CommandHandler) mark the file as answering requests', () => {
  const py = 'from openai import OpenAI\nfrom telegram.ext import CommandHandler\nclient = OpenAI()\n\nasync def ask(update, context):\n    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": update.message.text}], max_tokens=300)\n    await update.message.reply_text(r.choices[0].message.content)\n\nhandler = CommandHandler("ask", ask)\n';
  assert.deepEqual(kinds(py, 'python'), ['']);
});

// held-out 22: an aiogram bot's entry module makes the service and starts polling; its handlers get the service
// injected, so no import joins them to it. The entry module's `dispatcher.start_polling(bot)` is the mark.
test('Python: a service module imported by the module that starts a bot (start_polling, run_polling) gets no batch advice', () => {
  const service = 'from google import genai\nclient = genai.Client()\n\nclass Service:\n    def text(self, q):\n        return client.models.generate_content(model="gemini-3.5-flash", contents=q, config={"max_output_tokens": 400})\n';
  const main = 'import asyncio\nfrom aiogram import Bot, Dispatcher\nfrom services.gemini_service import Service\n\nasync def main():\n    dp = Dispatcher(service=Service())\n    await dp.start_polling(Bot("T"))\n\nasyncio.run(main())\n';
  const files = { 'bot/requirements.txt': 'aiogram\n', 'bot/services/__init__.py': '', 'bot/services/gemini_service.py': service, 'bot/main.py': main };
  const advice = (f: Record<string, string>) => analyze(f['bot/services/gemini_service.py'], 'python', 'bot/services/gemini_service.py', table(), { now: AT }, undefined, undefined, new ValueIndex(memFiles(f))).calls[0].suggestions.map((s) => s.kind);
  assert.ok(!advice(files).includes('batch'));
  // Not started as a bot, nor a bot library in its manifest (that alone marks the app: interactive-apps.test.ts).
  assert.ok(advice({ ...files, 'bot/requirements.txt': 'google-genai\n', 'bot/main.py': main.replace('await dp.start_polling(Bot("T"))', 'print(Service().text("hi"))') }).includes('batch'));
});

// held-out 32 (AaaDee/ChooseYouOwnChatventure backend): the Express app in app.ts mounts a router module, whose
// handlers call a request module, which calls the OpenAI helper in openai/requestCompletions.ts: three imports up, the
// helper's call was advised "Use the openai batch API if the answer can wait".
test('JS: a helper several imports below a route module answers whoever waits there; a chain from a script or a jobs folder keeps batch', () => {
  const helper = 'import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function complete(messages) {\n  const r = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages });\n  return r.choices[0].message.content;\n}\n';
  const request = 'import { complete } from "./complete";\nexport const startStory = () => complete([{ role: "user", content: "Begin a story." }]);\n';
  const router = 'import express from "express";\nimport { startStory } from "../llm/startStory";\nexport const storyRoutes = express.Router();\nstoryRoutes.post("/start", async (req, res) => res.send(await startStory()));\n';
  const app = 'import express from "express";\nimport { storyRoutes } from "./controllers/storyRoutes";\nconst app = express();\napp.use("/story", storyRoutes);\napp.get("/ping", (req, res) => res.send("ok"));\nexport default app;\n';
  const script = 'import { startStory } from "../llm/startStory";\nfor (let i = 0; i < 100; i++) console.log(await startStory());\n';
  const advice = (files: Record<string, string>) => {
    const index = new ValueIndex(memFiles(files));
    return analyze(files['api/llm/complete.ts'], 'typescript', 'api/llm/complete.ts', table(), { now: AT }, undefined, undefined, index).calls[0].suggestions.map((s) => s.kind);
  };
  const base = { 'api/package.json': '{"dependencies":{"express":"4","openai":"4"}}', 'api/llm/complete.ts': helper, 'api/llm/startStory.ts': request };
  assert.ok(!advice({ ...base, 'api/controllers/storyRoutes.ts': router, 'api/app.ts': app }).includes('batch'));
  // The router module not mounted by a route-serving app: nothing up the chain answers anyone.
  assert.ok(advice({ ...base, 'api/controllers/storyRoutes.ts': router.replace('storyRoutes.post("/start", async (req, res) => res.send(await startStory()));', 'export const run = startStory;') }).includes('batch'));
  assert.ok(advice({ ...base, 'api/tools/generate.ts': script }).includes('batch'));
  // A server that schedules a module of its jobs folder: the job's chain is offline work.
  const job = 'import { startStory } from "../llm/startStory";\nexport async function nightly() { for (const u of []) await startStory(); }\n';
  const server = 'import express from "express";\nimport cron from "node-cron";\nimport { nightly } from "./jobs/nightly";\nconst app = express();\napp.get("/health", (req, res) => res.send("ok"));\ncron.schedule("0 3 * * *", nightly);\n';
  assert.ok(advice({ ...base, 'api/jobs/nightly.ts': job, 'api/server.ts': server }).includes('batch'));
});

// iwakami-ns/GraphRagText2Sql: an Azure Functions app whose HTTP-triggered function (`[HttpTrigger(…, "post", Route =
// "ask")]`) takes a service in its constructor; the service calls a static helper class in another file. C# names
// types, not files: the function's file uses the service's type, the service's file the helper's.
test('C#: a service an HTTP-triggered Azure Function uses, and the helper that service uses, get no batch advice', () => {
  const expander = 'using OpenAI.Chat;\n\nnamespace Demo.Services;\n\npublic static class TermExpander\n{\n    public static string Expand(string q)\n    {\n        ChatClient client = new(model: "gpt-4o", apiKey: "k");\n        return client.CompleteChat(new UserChatMessage($"Expand {q}")).Value.Content[0].Text;\n    }\n}\n';
  const service = 'namespace Demo.Services;\n\npublic sealed class GraphService\n{\n    public string Find(string q) => TermExpander.Expand(q);\n}\n';
  const fn = 'using Microsoft.Azure.Functions.Worker;\nusing Demo.Services;\n\npublic sealed class AskFunction\n{\n    private readonly GraphService _graph;\n    public AskFunction(GraphService g) { _graph = g; }\n\n    [Function("ask")]\n    public string Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ask")] HttpRequestData req) => _graph.Find("q");\n}\n';
  const program = 'var host = new HostBuilder().ConfigureServices(s => { s.AddSingleton<GraphService>(); }).Build();\nhost.Run();\n';
  const advice = (files: Record<string, string>) =>
    analyze(files['src/Services/TermExpander.cs'], 'csharp', 'src/Services/TermExpander.cs', table(), { now: AT }, undefined, undefined, new ValueIndex(memFiles(files))).calls[0].suggestions.map((s) => s.kind);
  const base = { 'src/App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>', 'src/Services/TermExpander.cs': expander, 'src/Services/GraphService.cs': service, 'src/Program.cs': program };
  assert.ok(!advice({ ...base, 'src/Functions/AskFunction.cs': fn }).includes('batch'));
  // A timer-triggered function (a nightly job) is offline work; a registration in the host is no use of the type.
  assert.ok(advice({ ...base, 'src/Functions/AskFunction.cs': fn.replace('[HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ask")] HttpRequestData req', '[TimerTrigger("0 0 3 * * *")] TimerInfo t') }).includes('batch'));
  assert.ok(advice({ ...base, 'src/Program.cs': program.replace('host.Run();', 'app.MapGet("/health", () => "ok");\nhost.Run();') }).includes('batch'));
});

// A Pydantic AI chat at the terminal (`while True: prompt = Prompt.ask(…)`, then `agent.run_sync(prompt,
// message_history=history)` and `history = result.all_messages()`) was a loop of one call each, told "Use the OpenAI
// batch API": the history it sends grows, and a person waits for each answer.
const PYD = (ask: string, keep: string) =>
  `from pydantic_ai import Agent\nfrom rich.prompt import Prompt\n\nagent = Agent("openai:gpt-5.4", system_prompt="Answer questions about the garden.")\n\n\ndef main():\n    history = []\n    while True:\n        prompt = ${ask}\n        result = agent.run_sync(prompt, message_history=history)\n        ${keep}\n        print(result.output)\n`;

test('Python: a Pydantic AI chat loop that asks with Prompt.ask or input() grows its history and gets no batch advice', () => {
  for (const [ask, keep] of [
    ['Prompt.ask("You")', 'history = result.all_messages()'],
    ['input("> ")', 'history.extend(result.new_messages())'],
    ['Prompt.ask("You")', 'print(len(history))'],
  ]) {
    const text = PYD(ask, keep);
    const [c] = analyze(text, 'python', 'chat.py', table(), { now: AT }).calls;
    assert.ok(c.site.run, `${ask} / ${keep}: a run`);
    assert.equal(c.site.run!.growsHistory, !keep.startsWith('print'), `${ask} / ${keep}: grows`);
    assert.equal(c.site.interactive, true, `${ask} / ${keep}: a person waits`);
    assert.ok(!c.suggestions.some((s) => s.kind === 'batch' || s.kind === 'off-peak'), `${ask} / ${keep}: ${c.suggestions.map((s) => s.text)}`);
  }
  // The same loop over a file's lines asks nobody: it keeps the batch advice.
  const lines = PYD('next(questions)', 'print(len(history))').replace('def main():', 'questions = iter(open("q.txt"))\n\n\ndef main():');
  const [c] = analyze(lines, 'python', 'chat.py', table(), { now: AT }).calls;
  assert.equal(c.site.interactive, undefined);
  assert.ok(c.suggestions.some((s) => s.kind === 'batch'), c.suggestions.map((s) => s.text).join('; '));
});

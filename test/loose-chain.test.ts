// The import chain of batch advice in a loose folder of modules (issue #11): no package.json, pyproject.toml or
// requirements file above them, as a scan of a folder of scripts finds them. The scanned folder is the package: a
// Telegram bot's handlers in bot.py import ask() from llm.py (the form of held-out 21's telegram_bot.py and
// openai_helper.py, without their project files), a Vue-less web page's script imports its helper the same way.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanFilesNow } from '../src/node/scan-files';
import { diskIndex } from '../src/node/resolver';
import { shippedTable, AT } from './helpers/app-advice';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-loose-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(TMP, 't'));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}

/** The suggestion kinds of each call of `file` in a scan of `root` (with the run's index, as the CLI scans). */
function kinds(root: string, file: string, index = true): string[][] {
  const r = scanFilesNow({ paths: [root], table: shippedTable(), options: { now: AT }, maxBytes: 1 << 20, relative: (f) => path.relative(root, f).split(path.sep).join('/'), ...(index ? { index: diskIndex() } : {}) });
  return r.results.find((x) => x.file === file)!.result.calls.map((c) => c.suggestions.map((s) => s.kind));
}

const LLM_PY = 'from openai import OpenAI\n\nclient = OpenAI()\n\ndef ask(question):\n    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=300, messages=[{"role": "user", "content": question}])\n    return r.choices[0].message.content\n';
const BOT_PY = 'import telebot\nfrom llm import ask\n\nbot = telebot.TeleBot("token")\n\n@bot.message_handler(func=lambda m: True)\ndef reply(message):\n    bot.reply_to(message, ask(message.text))\n\nbot.infinity_polling()\n';
const HELPER_JS = 'import OpenAI from "openai"\nconst client = new OpenAI()\nexport async function ask(q) {\n  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages: [{ role: "user", content: q }] })\n  return r.choices[0].message.content\n}\n';
const SERVER_JS = 'import express from "express"\nimport { ask } from "./lib/ask.js"\nconst app = express()\napp.post("/ask", async (req, res) => res.json({ answer: await ask(req.body.q) }))\napp.listen(3000)\n';

test('Python: a loose folder is the package: the bot that imports the helper withholds its batch advice', () => {
  const alone = tree({ 'llm.py': LLM_PY });
  assert.ok(kinds(alone, 'llm.py')[0].includes('batch'), 'no importer: batch kept');
  const root = tree({ 'llm.py': LLM_PY, 'bot.py': BOT_PY });
  assert.ok(!kinds(root, 'llm.py')[0].includes('batch'), 'the bot answers whoever writes to it');
  // A batch script importing the helper is no waiting user.
  const script = tree({ 'llm.py': LLM_PY, 'nightly.py': 'from llm import ask\nfor q in open("qs.txt"):\n    print(ask(q))\n' });
  assert.ok(kinds(script, 'llm.py')[0].includes('batch'));
});

test('JS: a loose folder is the package: an Express server importing the helper withholds its batch advice', () => {
  const root = tree({ 'lib/ask.js': HELPER_JS, 'server.js': SERVER_JS });
  assert.ok(!kinds(root, 'lib/ask.js')[0].includes('batch'));
  // The scan of the helper's own folder does not reach the server above it: the advice stays.
  const r = scanFilesNow({ paths: [path.join(root, 'lib')], table: shippedTable(), options: { now: AT }, maxBytes: 1 << 20, relative: (f) => f, index: diskIndex() });
  assert.ok(r.results[0].result.calls[0].suggestions.some((s) => s.kind === 'batch'));
});

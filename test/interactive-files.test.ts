// src/core/scan/interactive-files.ts: the literals that let a file skip a marker's regex must be in every text the
// regex matches, so that servesRequests says what the regexes alone say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { syntaxFor } from '../src/core/lex/languages';
import { COMPONENT_LANGUAGES } from '../src/core/lex/components';
import { DECORATOR, MARKERS, servesRequests } from '../src/core/scan/interactive-files';
import { findSourceFiles } from '../src/node/files';
import { FIXTURES, ROOT } from './util';

const byRegex = (text: string, languageId: string) => (MARKERS[syntaxFor(languageId).id] ?? []).some(([re]) => re.test(text));

test('each marker the regex finds, its literals are in the text', () => {
  let served = 0;
  let files = 0;
  for (const dir of [FIXTURES, path.join(ROOT, 'examples')]) {
    for (const f of findSourceFiles([dir], [])) {
      if (f.notebook) continue;
      const text = fs.readFileSync(f.path, 'utf8');
      files++;
      for (const [re, ...hints] of MARKERS[syntaxFor(f.languageId).id] ?? []) {
        if (re.test(text)) assert.ok(hints.every((any) => any.some((h) => text.includes(h))), `${f.path}: ${re} without ${JSON.stringify(hints)}`);
      }
      // A Vue / Svelte / Astro component is waited on whatever its text (interactive-files.ts); other files as the regexes say.
      const serves = COMPONENT_LANGUAGES.has(f.languageId) || byRegex(text, f.languageId);
      assert.equal(servesRequests(text, f.languageId), serves, f.path);
      if (serves) served++;
    }
  }
  assert.ok(files > 100 && served > 5, `${files} files, ${served} serving`);
});

test('each decorator marker is its line-start regex from the `@` on, sticky', () => {
  assert.equal(DECORATOR.size, 2);
  for (const [re, at] of DECORATOR) {
    assert.ok(re.source.startsWith('^[ \\t]*@') && re.flags === 'm', re.source);
    assert.equal(at.source, re.source.slice('^[ \\t]*'.length));
    assert.equal(at.flags, 'y');
    assert.ok(MARKERS.python.some(([m]) => m === re));
  }
});

test('the framework forms the markers name are found', () => {
  const cases: [string, string][] = [
    ['javascript', 'chrome.runtime.onMessage.addListener((m) => {})'],
    ['javascript', "app.post('/chat', handler)"],
    ['javascript', "router.get( `/x`, h)"],
    ['javascript', "client.on('messageCreate', async (m) => {})"],
    ['javascript', 'bot.command("start", f)'],
    ['javascript', 'export async function POST(req) {}'],
    ['python', '@app.post("/chat")\ndef chat(): pass'],
    ['python', '  @router.api_route("/x")'],
    ['python', '@bot.message_handler(commands=["start"])'],
    ['python', '\t@client.event\nasync def on_message(m): pass'],
    ['python', 'app.add_handler(CommandHandler("start", start))'],
    ['python', 'dp.start_polling(bot)'],
    ['python', 'application.run_webhook(listen="0.0.0.0")'],
    ['python', 'q = st.chat_input("Ask")'],
    ['python', 'gr.ChatInterface(fn).launch()'],
    ['python', 'class AskCommand(sublime_plugin.WindowCommand):\n    def run(self): pass'],
    ['java', '@PostMapping("/chat")'],
    ['csharp', '[HttpPost]'],
    ['csharp', 'app.MapPost("/chat", h);'],
    ['go', 'http.HandleFunc("/chat", h)'],
    ['go', 'r.POST( "/chat", h)'],
  ];
  for (const [l, text] of cases) {
    assert.ok(byRegex(text, l), `${l} regex: ${text}`);
    assert.ok(servesRequests(text, l), `${l}: ${text}`);
  }
  assert.equal(servesRequests('x = a.get("k")\n# @app is not a route\n', 'python'), false);
  // A decorator's marker from the start of its line only (blanks before it), on any line, as the multiline regex.
  assert.equal(servesRequests('x = 1 @app.get("/")\n', 'python'), false);
  assert.ok(servesRequests('x = 1\r\n \t @app.get("/")\n', 'python'));
  assert.ok(servesRequests('@app.get("/")', 'python'));
  assert.equal(servesRequests('@ app.get("/")', 'python'), false);
  assert.ok(servesRequests('a@b\n@bot.on\n', 'python'));
  assert.equal(servesRequests('process.on("message", f)', 'javascript'), false);
});

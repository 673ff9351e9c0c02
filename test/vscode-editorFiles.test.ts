// src/vscode/editorFiles.ts (the editor's WorkspaceResolver without `vscode`): the editor's resolver keeps lenses live. Editing a value in a file beside the call — a
// Go package sibling, a Kotlin top-level declaration, a Java or C# class in the same folder — re-prices the call,
// whether that file was open when the call was first analysed or read from disk and opened afterwards; so does
// editing a caller in another file that passes the values of a wrapper's parameters (a Ruby service object, a Python helper).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import * as esbuild from 'esbuild';
import type * as EditorFilesModule from '../src/vscode/editorFiles';
import { normalize } from '../src/core/resolve/files';
import { testTable } from './helpers/table';
import { ROOT } from './util';
import { shippedTable, AT } from './helpers/app-advice';

/** src/vscode is left out of the test build (most of it needs `vscode`); this pure module is bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}
const { EditorFiles } = load<typeof EditorFilesModule>('src/vscode/editorFiles.ts');

const table = testTable();

interface Case {
  lang: string;
  languageId: string;
  files: Record<string, string>;
  call: string;
  sibling: string;
  from: string;
  to: string;
  read: (r: ReturnType<typeof analyze>) => unknown;
  before: unknown;
  after: unknown;
}

const CASES: Case[] = [
  {
    lang: 'Go package sibling',
    languageId: 'go',
    files: {
      'go.mod': 'module example.com/desk\n',
      'bot/chat.go': `package bot

import (
\t"context"
\t"github.com/openai/openai-go/v3"
)

func Answer(ctx context.Context, client openai.Client, q string) (*openai.ChatCompletion, error) {
\treturn client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
\t\tModel:               answerModel,
\t\tMessages:            []openai.ChatCompletionMessageParamUnion{openai.UserMessage(q)},
\t\tMaxCompletionTokens: openai.Int(answerTokens),
\t})
}
`,
      'bot/limits.go': 'package bot\n\nconst answerTokens = 700\n\nconst answerModel = "gpt-4.1-mini"\n',
    },
    call: 'bot/chat.go',
    sibling: 'bot/limits.go',
    from: 'answerTokens = 700',
    to: 'answerTokens = 900',
    read: (r) => r.calls[0]?.estimate.maxOutputTokens,
    before: 700,
    after: 900,
  },
  {
    lang: 'Kotlin top-level declaration',
    languageId: 'kotlin',
    files: {
      'src/main/kotlin/com/acme/bot/Bot.kt': `package com.acme.bot

import com.openai.client.OpenAIClient
import com.openai.models.chat.completions.ChatCompletionCreateParams

class Bot(private val client: OpenAIClient) {
    fun review(text: String): String {
        val params = ChatCompletionCreateParams.builder()
            .model(REVIEW_MODEL)
            .addUserMessage(text)
            .maxCompletionTokens(REVIEW_TOKENS)
            .build()
        return client.chat().completions().create(params).choices().first().message().content().orElse("")
    }
}
`,
      'src/main/kotlin/com/acme/bot/Settings.kt': 'package com.acme.bot\n\nconst val REVIEW_MODEL = "gpt-4.1-mini"\nconst val REVIEW_TOKENS = 300L\n',
    },
    call: 'src/main/kotlin/com/acme/bot/Bot.kt',
    sibling: 'src/main/kotlin/com/acme/bot/Settings.kt',
    from: '"gpt-4.1-mini"',
    to: '"gpt-4.1"',
    read: (r) => r.calls[0]?.site.model?.id,
    before: 'gpt-4.1-mini',
    after: 'gpt-4.1',
  },
  {
    lang: 'Java class beside the call',
    languageId: 'java',
    files: {
      'src/main/java/com/acme/help/Assistant.java': `package com.acme.help;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

public class Assistant {
    private final OpenAIClient client;

    public Assistant(OpenAIClient client) { this.client = client; }

    public String answer(String q) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(Texts.MODEL)
                .addSystemMessage(Texts.SYSTEM)
                .addUserMessage(q)
                .maxCompletionTokens(Texts.TOKENS)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("");
    }
}
`,
      'src/main/java/com/acme/help/Texts.java': 'package com.acme.help;\n\npublic final class Texts {\n    public static final String MODEL = "gpt-4.1-mini";\n    public static final String SYSTEM = "Answer briefly.";\n    public static final long TOKENS = 250L;\n}\n',
    },
    call: 'src/main/java/com/acme/help/Assistant.java',
    sibling: 'src/main/java/com/acme/help/Texts.java',
    from: 'TOKENS = 250L',
    to: 'TOKENS = 125L',
    read: (r) => r.calls[0]?.estimate.maxOutputTokens,
    before: 250,
    after: 125,
  },
  {
    lang: 'C# class beside the call',
    languageId: 'csharp',
    files: {
      'Services/Reviewer.cs': `using OpenAI.Chat;

namespace App.Services;

public class Reviewer
{
    private readonly ChatClient _chat = new ChatClient(ReviewTexts.Model, "key");

    public async Task<string> Review(string topic)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = ReviewTexts.Tokens };
        var r = await _chat.CompleteChatAsync(new ChatMessage[] { new SystemChatMessage(ReviewTexts.System), new UserChatMessage(topic) }, options);
        return r.Value.Content[0].Text;
    }
}
`,
      'Services/ReviewTexts.cs': 'namespace App.Services;\n\npublic static class ReviewTexts\n{\n    public const string Model = "gpt-4o-mini";\n    public const string System = "You review pull requests.";\n    public const int Tokens = 400;\n}\n',
    },
    call: 'Services/Reviewer.cs',
    sibling: 'Services/ReviewTexts.cs',
    from: 'Tokens = 400',
    to: 'Tokens = 800',
    read: (r) => r.calls[0]?.estimate.maxOutputTokens,
    before: 400,
    after: 800,
  },
  {
    lang: 'Ruby caller of a service object in another file',
    languageId: 'ruby',
    files: {
      Gemfile: 'gem "ruby-openai"\n',
      'app/services/llm_service.rb': `class LlmService
  def initialize
    @client = OpenAI::Client.new
  end

  def chat(messages:, model: "gpt-4o-mini")
    @client.chat(parameters: { model: model, messages: messages, max_tokens: 300 })
  end
end
`,
      'app/jobs/notes_job.rb': 'class NotesJob\n  def perform(note)\n    LlmService.new.chat(messages: [{ role: "user", content: "Tidy this note." }], model: "gpt-4o-mini")\n  end\nend\n',
    },
    call: 'app/services/llm_service.rb',
    sibling: 'app/jobs/notes_job.rb',
    from: 'model: "gpt-4o-mini")',
    to: 'model: "gpt-4o")',
    read: (r) => r.calls[0]?.site.model?.id,
    before: 'gpt-4o-mini',
    after: 'gpt-4o',
  },
  {
    lang: 'Python caller in another module',
    languageId: 'python',
    files: {
      'requirements.txt': 'openai\n',
      'utils/llm.py': 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef ask(prompt, max_tokens=200):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens)\n',
      'app/notes.py': 'from utils.llm import ask\n\n\ndef tidy(note):\n    return ask(f"Tidy this note: {note}", max_tokens=400)\n',
    },
    call: 'utils/llm.py',
    sibling: 'app/notes.py',
    from: 'max_tokens=400',
    to: 'max_tokens=700',
    read: (r) => r.calls[0]?.estimate.maxOutputTokens,
    before: 400,
    after: 700,
  },
];

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-files-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

for (const c of CASES) {
  for (const openFirst of [true, false]) {
    test(`${c.lang}: an unsaved edit to the sibling re-prices the call (sibling ${openFirst ? 'open from the start' : 'read from disk, then opened'})`, () => {
      const root = tree(c.files);
      try {
        const sib = normalize(path.join(root, c.sibling));
        const callPath = path.join(root, c.call);
        const callText = fs.readFileSync(callPath, 'utf8');
        const open = new Map<string, string>();
        if (openFirst) open.set(sib, c.files[c.sibling]);
        const files = new EditorFiles((p) => open.get(p));
        const run = () => analyze(callText, c.languageId, callPath, table, {}, undefined, undefined, files.index);
        assert.equal(c.read(run()), c.before);
        // The sibling is opened (if it was not) and edited without saving.
        const edited = c.files[c.sibling].replace(c.from, c.to);
        assert.notEqual(edited, c.files[c.sibling]);
        open.set(sib, edited);
        assert.equal(files.edited(sib), true, 'the edit is reported: lenses are refreshed');
        assert.equal(c.read(run()), c.after);
        // A file no value came from changes nothing.
        assert.equal(files.edited(normalize(path.join(root, 'unrelated.txt'))), false);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
}

test('a file saved on disk that a lens read is reported changed; one never read is not, unless created or deleted', () => {
  const root = tree(CASES[0].files);
  try {
    const files = new EditorFiles(() => undefined);
    const callPath = path.join(root, CASES[0].call);
    analyze(fs.readFileSync(callPath, 'utf8'), 'go', callPath, table, {}, undefined, undefined, files.index);
    assert.equal(files.changedOnDisk(path.join(root, CASES[0].sibling), false), true);
    assert.equal(files.changedOnDisk(path.join(root, 'README.md'), false), false);
    assert.equal(files.changedOnDisk(path.join(root, 'bot/new.go'), true), true);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the workspace folders are the roots: a loose folder\'s bot that imports the helper withholds its batch advice in the editor too', () => {
  // The CLI takes a scanned loose folder (no package.json or project file) as one package (loose-chain.test.ts); the
  // editor did not, as it never set the index's roots, so the lens of the same helper advised a batch the CLI withheld.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-roots-'));
  try {
    const llm = 'from openai import OpenAI\n\nclient = OpenAI()\n\ndef ask(question):\n    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=300, messages=[{"role": "user", "content": question}])\n    return r.choices[0].message.content\n';
    fs.writeFileSync(path.join(dir, 'llm.py'), llm);
    fs.writeFileSync(path.join(dir, 'bot.py'), 'import telebot\nfrom llm import ask\n\nbot = telebot.TeleBot("t")\n\n@bot.message_handler(func=lambda m: True)\ndef reply(message):\n    bot.reply_to(message, ask(message.text))\n');
    const files = new EditorFiles(() => undefined);
    const kinds = () => analyze(llm, 'python', path.join(dir, 'llm.py'), shippedTable(), { now: AT }, undefined, undefined, files.index).calls[0].suggestions.map((s) => s.kind);
    assert.ok(kinds().includes('batch'), 'no roots: no package, the batch advice stays');
    assert.equal(files.setRoots([dir]), true);
    assert.ok(!kinds().includes('batch'), 'the workspace folder is the package: the bot is interactive');
    assert.equal(files.setRoots([dir]), false, 'the same folders change nothing');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

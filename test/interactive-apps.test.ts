// Chat bots and desktop apps (src/core/scan/interactive-apps.ts): a manifest naming a bot or desktop library marks
// every call of the app as answering a person (no batch, no off-peak advice), except in its offline folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { interactiveApp, namesAppLibrary } from '../src/core/scan/interactive-apps';
import { ValueIndex } from '../src/core/resolve/value-index';
import { cli } from './helpers/cli';
import { tmpDir, write } from './helpers/git-repo';

test('manifests of each ecosystem name a bot or desktop library; near names do not', () => {
  const yes = [
    '{ "dependencies": { "openai": "^4.0.0", "telegraf": "^4.16.3" } }',
    '{ "devDependencies": { "electron": "^31.0.0" } }',
    'openai==1.30.0\naiogram>=3.4\n',
    '[project]\ndependencies = ["discord.py>=2.3", "anthropic"]\n',
    '[dependencies]\ntauri = { version = "2", features = [] }\nasync-openai = "0.23"\n',
    '<ItemGroup><PackageReference Include="Telegram.Bot" Version="19.0.0" /></ItemGroup>',
    '<dependency><groupId>org.telegram</groupId><artifactId>telegrambots</artifactId></dependency>',
    "implementation(\"net.dv8tion:JDA:5.0.0\")",
    "gem 'discordrb'\n",
    '{ "dependencies": { "@line/bot-sdk": "^9.2.0", "openai": "^4" } }',
    'line-bot-sdk==3.11.0\nopenai\n',
    "gem 'line-bot-api'\n",
    'plugins {\n    id("com.android.application")\n}\n',
    "apply plugin: 'com.android.application'\n",
    'plugins {\n    alias(libs.plugins.android.application)\n}\n',
    'plugins {\n    alias(libs.plugins.androidApplication)\n    alias(libs.plugins.jetbrainsKotlinAndroid)\n}\n',
    // A VS Code extension (held41 spraylee/vscode-ai-commit): its `engines.vscode`, or its typings.
    '{ "name": "ai-commit", "engines": { "vscode": "^1.85.0" }, "dependencies": { "openai": "^4" } }',
    '{ "devDependencies": { "@types/vscode": "^1.85.0" } }',
  ];
  for (const t of yes) assert.equal(namesAppLibrary(t, false), true, t);
  const no = [
    '{ "dependencies": { "discord.js-commando": "1", "openai": "^4" } }',
    '[dependencies]\ntauri-build = "2"\n',
    'requests==2.31\nopenai==1.30\n',
    'plugins {\n    id("com.android.library")\n    id("org.jetbrains.kotlin.jvm")\n}\n',
    'plugins {\n    alias(libs.plugins.androidLibrary)\n}\n',
    '{ "name": "vscode-helpers", "keywords": ["vscode-theme"], "dependencies": { "openai": "^4" } }',
  ];
  for (const t of no) assert.equal(namesAppLibrary(t, false), false, t);
  assert.equal(namesAppLibrary('require (\n\tgithub.com/bwmarrin/discordgo v0.28.1\n)\n', true), true);
  assert.equal(namesAppLibrary('require github.com/sashabaranov/go-openai v1.24.1\n', true), false);
  assert.equal(namesAppLibrary('require github.com/line/line-bot-sdk-go/v8 v8.10.0\n', true), true);
});

test('every file of such an app, nearest manifest or above, but not its jobs, workers, tasks, cron or scripts', () => {
  const texts: Record<string, string> = {
    '/bot/package.json': '{ "dependencies": { "grammy": "^1.20.0" } }',
    '/bot/src/services/ai.ts': '',
    '/bot/src/jobs/digest.ts': '',
    '/api/requirements.txt': 'fastapi\nopenai\n',
    '/api/app/summarise.py': '',
  };
  const files: WorkspaceFiles = {
    read: (p) => texts[p],
    list: (d) => {
      const names = Object.keys(texts).filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
  };
  const index = new ValueIndex(files);
  assert.equal(interactiveApp(index, '/bot/src/services/ai.ts'), true);
  assert.equal(interactiveApp(index, '/bot/src/jobs/digest.ts'), false, 'offline work of the bot');
  assert.equal(interactiveApp(index, '/api/app/summarise.py'), false, 'no bot or desktop library');
});

test('a bot helper whose handler is elsewhere gets no batch advice; the same helper outside a bot does', () => {
  const helper = `from openai import OpenAI
client = OpenAI()

def describe(photo_caption):
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": photo_caption}])
`;
  const root = tmpDir('prompt-cost-apps-');
  write(root, {
    'bot/requirements.txt': 'python-telegram-bot==21.0\nopenai\n',
    'bot/services/vision.py': helper,
    'bot/jobs/nightly.py': helper,
    'tool/requirements.txt': 'openai\n',
    'tool/services/vision.py': helper,
  });
  const r = cli(['scan', '.', '--format', 'json'], root);
  const rows = JSON.parse(r.out).calls as { file: string; suggestions: { kind: string }[] }[];
  const batch = (f: string) => rows.find((x) => x.file === f)!.suggestions.some((s) => s.kind === 'batch');
  assert.equal(batch('bot/services/vision.py'), false);
  assert.equal(batch('bot/jobs/nightly.py'), true);
  assert.equal(batch('tool/services/vision.py'), true);
});

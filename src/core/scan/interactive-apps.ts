// Apps whose every call answers a person: a chat bot, a desktop app or an editor extension, known from the libraries
// its manifest names. Their calls get no batch or off-peak advice, even in a helper whose handler is in another file
// the tool does not follow (held-out 24: a Tauri command's provider in providers/openai.rs, a Telegram bot's DocCheck service in C#;
// held-out 22: a Telegram bot's gemini_service.py). A file under a jobs/workers/tasks/cron/scripts/batch folder is
// the app's offline work and keeps the advice.
import type { ValueIndex } from '../resolve/value-index';
import { ancestors, dirname, join, normalize } from '../resolve/files';
import { servedMember } from './interactive-members';

/** Package names as their registries list them (npm, PyPI, crates.io, NuGet, Maven Central, RubyGems), lower-cased. */
const APP_LIBRARIES = new Set([
  // Telegram: npm telegraf, node-telegram-bot-api, grammy; PyPI python-telegram-bot, aiogram, pyTelegramBotAPI;
  // crates.io teloxide; NuGet Telegram.Bot, Telegram.BotAPI; Maven org.telegram:telegrambots; RubyGems telegram-bot-ruby.
  'telegraf', 'node-telegram-bot-api', 'grammy', 'python-telegram-bot', 'aiogram', 'pytelegrambotapi', 'teloxide', 'telegram.bot',
  'telegrambots', 'telegram-bot-ruby', 'telegram.botapi',
  // Discord: npm discord.js; PyPI discord.py, py-cord; crates.io serenity, poise; NuGet Discord.Net, DSharpPlus;
  // Maven net.dv8tion:JDA; RubyGems discordrb.
  'discord.js', 'discord.py', 'py-cord', 'serenity', 'poise', 'discord.net', 'dsharpplus', 'jda', 'discordrb',
  // Slack Bolt: npm @slack/bolt, PyPI slack-bolt / slack_bolt.
  '@slack/bolt', 'slack-bolt', 'slack_bolt',
  // LINE Messaging API SDKs: npm @line/bot-sdk, PyPI line-bot-sdk, RubyGems line-bot-api.
  '@line/bot-sdk', 'line-bot-sdk', 'line-bot-api',
  // Desktop apps: npm electron, @tauri-apps/api; crates.io tauri.
  'electron', '@tauri-apps/api', 'tauri',
  // Editor extensions: a VS Code extension's manifest names `vscode` in `engines` (required,
  // https://code.visualstudio.com/api/references/extension-manifest) and its typings @types/vscode; the person who
  // ran the command waits (held41 spraylee/vscode-ai-commit, advised the batch API for a commit message).
  'vscode', '@types/vscode',
]);
/** Go modules (go.mod require lines). */
const GO_APP_MODULES = [
  'github.com/go-telegram-bot-api/telegram-bot-api', 'gopkg.in/telebot', 'gopkg.in/tucnak/telebot',
  'github.com/bwmarrin/discordgo', 'github.com/slack-go/slack', 'github.com/line/line-bot-sdk-go',
];
const MANIFESTS = new Set(['package.json', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'Cargo.toml', 'Gemfile', 'build.gradle', 'build.gradle.kts', 'pom.xml', 'go.mod']);
const OFFLINE_DIRS = new Set(['jobs', 'job', 'workers', 'worker', 'tasks', 'cron', 'scripts', 'batch']);

const isManifest = (name: string) => MANIFESTS.has(name) || name.endsWith('.csproj');

/** Is `file` part of a chat bot or desktop app (a manifest above it names one's library), outside its offline folders?
 * Each folder's manifests are read once until a file under it changes: every analysis of a file asks. */
export function interactiveApp(index: ValueIndex, file: string): boolean {
  const path = normalize(file);
  if (path.split('/').some((seg) => OFFLINE_DIRS.has(seg))) return false;
  for (const dir of ancestors(dirname(path))) {
    const names = index.files.list(dir);
    if (!names?.some(isManifest)) continue;
    const app = index.memo(dir, 'app-library', () => names.some((n) => isManifest(n) && namesAppLibrary(index.files.read(join(dir, n)) ?? '', n === 'go.mod')));
    if (app) return true;
  }
  // A library of a workspace or solution whose web server or bot depends on it (interactive-members.ts).
  return servedMember(index, path);
}

/** Is this (lower-cased) package name a chat bot's or desktop app's library? */
export const isAppLibrary = (name: string) => APP_LIBRARIES.has(name);

/** A manifest's words (`"discord.js": "^14"`, `aiogram>=3`, `Include="Telegram.Bot"`, `org.telegram:telegrambots:6`). */
export function namesAppLibrary(text: string, goMod: boolean): boolean {
  if (goMod) return GO_APP_MODULES.some((m) => text.includes(m));
  for (const word of text.toLowerCase().split(/[^a-z0-9._@/-]+/)) if (APP_LIBRARIES.has(word) || androidApp(word)) return true;
  return false;
}

/**
 * An Android app's Gradle plugin: `id("com.android.application")`, `apply plugin: 'com.android.application'`, or a
 * version catalog's `alias(libs.plugins.android.application)` (AppPlugin, "the plugin applied with
 * com.android.application", https://developer.android.com/reference/tools/gradle-api/9.0/com/android/build/gradle/AppPlugin).
 * A phone's user waits for the answer (held-out 26 my-padi, ChatGPT-basic-android-client). A catalog alias written
 * `androidApplication` is reached as `libs.plugins.androidApplication` (Gradle version catalogs: an alias's `-`, `_`,
 * `.` separate accessor segments, camelCase stays one; held36 onlynotes-swent/onlynotes app/build.gradle.kts).
 */
function androidApp(word: string): boolean {
  return word === 'com.android.application' || word.endsWith('.android.application') || word.endsWith('plugins.androidapplication');
}

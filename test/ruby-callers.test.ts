// Callers of a Ruby class's method in the project's other files (src/core/scan/ruby-callers.ts), in a workspace whose
// files sit at the scan's own root (`prompt-cost scan .` inside the project: the root folder's path is '').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import type { WorkspaceFiles } from '../src/core/resolve/files';

const BOT = `require 'openai'

class Bot
  def initialize
    @client = OpenAI::Client.new(access_token: ENV['OPENAI_API_KEY'])
  end

  def compose(prompt, limit)
    @client.chat(parameters: { model: 'gpt-4o-mini', max_tokens: limit, messages: [{ role: 'user', content: prompt }] })
  end
end
`;
const MAIN = `require_relative 'bot'

bot = Bot.new
puts bot.compose('Write a haiku about the sea.', 120)
`;

/** Files at the root ('') and in folders below it, as the CLI lists a folder scanned from inside. */
function rootFiles(texts: Record<string, string>): WorkspaceFiles {
  const folderOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  return {
    read: (p) => texts[p],
    list: (d) => {
      const names = Object.keys(texts).filter((p) => folderOf(p) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
    folders: (d) => [...new Set(Object.keys(texts).filter((p) => folderOf(p).startsWith(d) && folderOf(p) !== d).map((p) => (d ? p.slice(d.length + 1) : p).split('/')[0]))],
  };
}

test("a wrapper's callers are read when the project's root is the scan's root (its path '')", () => {
  const files = { Gemfile: "source 'https://rubygems.org'\n", 'bot.rb': BOT, 'main.rb': MAIN };
  const [s] = findSites(BOT, 'ruby', 'bot.rb', undefined, new ValueIndex(rootFiles(files))).sites;
  assert.equal(s?.maxOutput?.value, 120);
});

test('a plain folder of scripts (no Gemfile) is its own project: its .rb files are the callers, not those below it', () => {
  const files = { 'bot.rb': BOT, 'main.rb': MAIN, 'other/main.rb': MAIN.replace('120', '900') };
  const [s] = findSites(BOT, 'ruby', 'bot.rb', undefined, new ValueIndex(rootFiles(files))).sites;
  assert.equal(s?.maxOutput?.value, 120);
});

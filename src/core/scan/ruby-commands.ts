// RubyLLM's `ask` / `say` written without parentheses (`chat.ask "…"`, `chat.ask <<~PROMPT`, `chat.ask question do
// |chunk|`: ruby_llm's README and docs/_core_features/chat.md write it so, as do Rails apps such as Eric-Guo/pgac_demo
// app/sidekiq/ask_for_llm_job.rb): read by the same row as `ask(`, its arguments to the end of the line
// (ruby-command-args.ts). And `complete`, which takes none (`chat.complete do |chunk|`, docs/_advanced/rails.md's
// streaming job; davidpacecode/clapback app/jobs/chat_stream_job.rb, roonglit/ai_workshop).
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { isP } from '../lex/brackets';
import { BY_LAST } from './shape-index';
import { commandArgLast, commandArgStart } from './ruby-command-args';
import { readCall } from './read-call';
import { readRun } from './runs';
import { LANGCHAINRB_COMMANDS, langchainrbCommand } from './langchainrb-commands';

/** Reads the call whose method is named at `name` (after a `.`) when it is a RubyLLM send written without parentheses;
 * the last token of its arguments (a command inside them is not read again: hostile input, `a.ask a.ask a.ask …`), or
 * `name`. */
export function readRubyCommand(c: Ctx, name: number, languageId: string, made: [number, number][], sites: CallSite[]): number {
  const { toks } = c;
  const word = toks[name].v;
  // langchainrb's `assistant.run!`, `assistant.add_message_and_run content: …` (langchainrb-commands.ts).
  if (LANGCHAINRB_COMMANDS.has(word) && isP(toks[name - 1], '.')) { const at = langchainrbCommand(c, name, languageId, made, sites); if (at >= 0) return at; }
  // openai-ruby's realtime `connection.response.create`, no arguments (ruby-realtime.ts).
  if (word === 'create' && isP(toks[name - 1], '.') && toks[name - 2]?.v === 'response' && !isP(toks[name + 1], '(')) return realtimeCommand(c, name, languageId, made, sites);
  if ((word !== 'ask' && word !== 'say' && word !== 'complete') || !isP(toks[name - 1], '.')) return name;
  // `chat.complete`, `chat.complete do |chunk|`, `chat.complete.content`: no arguments; `from` is its name (read-call.ts).
  const bare = word === 'complete';
  if (bare && isP(toks[name + 1], '(')) return name;
  const from = bare ? name : commandArgStart(c, name);
  if (from < 0) return name;
  const last = bare ? name : commandArgLast(c, from);
  for (const shape of BY_LAST.get(word) ?? []) {
    if (!shape.rubyLlm) continue;
    const site = readCall(c, shape, name - 1, from, languageId, made);
    if (!site) break;
    readRun(c, site, name - 1, from, last + 1);
    sites.push(site);
    break;
  }
  return last;
}

/** `connection.response.create` with no arguments: read by the realtime row, `from` its name (read-call.ts). */
function realtimeCommand(c: Ctx, name: number, languageId: string, made: [number, number][], sites: CallSite[]): number {
  const shape = BY_LAST.get('create')?.find((s) => s.id === 'openai.realtime.response.rb');
  const site = shape && readCall(c, shape, name - 2, name, languageId, made);
  if (!site) return name;
  readRun(c, site, name - 2, name, name + 1);
  sites.push(site);
  return name;
}

// langchainrb's sending methods written without parentheses, as Ruby allows and as langchainrb's own examples write
// them: `assistant.add_message_and_run content: user_message, auto_tool_execution: true` (examples/assistant_chat.rb),
// `assistant.run!` (DB-lost/rock-blade-AI-rails app/jobs/generate_ai_response_job.rb), `store.ask question: "…"`. Read
// by the same rows as the bracketed forms, the keyword arguments to the end of the line (ruby-command-args.ts).
import type { CallSite } from '../types';
import { isP } from '../lex/brackets';
import { BY_LAST } from './shape-index';
import { commandArgLast, commandArgStart } from './ruby-command-args';
import { readCall } from './read-call';
import { readRun } from './runs';
import { walkKeys, type Found } from './keys';
import { pushParts } from './push-parts';
import { assistantRunIn } from './langchainrb-assistant';
import type { Ctx } from './values';
import { hasIdent } from './run-index';

/** The methods read so: the Assistant's sending methods and a store's `ask`. */
export const LANGCHAINRB_COMMANDS = new Set(['run', 'run!', 'add_message_and_run', 'add_message_and_run!', 'ask']);

/** Reads the langchainrb call named at `name` (after a `.`) written without parentheses: the last token it read, or -1. */
export function langchainrbCommand(c: Ctx, name: number, languageId: string, made: [number, number][], sites: CallSite[]): number {
  const { toks } = c;
  const word = toks[name].v;
  if (isP(toks[name + 1], '(')) return -1;
  const from = commandArgStart(c, name);
  // `assistant.run!` alone sends; a store's `ask` needs its question.
  if (from < 0 && word === 'ask') return -1;
  const last = from < 0 ? name : commandArgLast(c, from);
  const id = word === 'ask' ? 'langchainrb.vectorsearch.ask' : `langchainrb.assistant.${word}`;
  const shape = BY_LAST.get(word)?.find((s) => s.id === id);
  const site = shape?.needs?.some((w) => hasIdent(c, w)) && readCall(c, shape, name, name, languageId, made);
  if (!site) return -1;
  if (from >= 0) {
    const f: Found = { parts: [], messages: 0 };
    walkKeys(c, f, from, last + 1);
    pushParts(site.parts, f.parts);
    site.span = { start: site.span.start, end: Math.max(site.span.end, toks[last].end) };
  }
  const run = from >= 0 ? assistantRunIn(c, site, name, from, last + 1) : undefined;
  if (run) site.run = run;
  else readRun(c, site, name, name, name + 1);
  sites.push(site);
  return last;
}

// langchainrb's Assistant (patterns-ai-core/langchainrb a944fb5 and 0.19.5, lib/langchain/assistant.rb):
// `assistant = Langchain::Assistant.new(llm:, instructions: "…", tools: [Weather.new(…)])`, then
// `assistant.add_message_and_run(content: "…", auto_tool_execution: true)` (or `add_message(…)` then `run(…)`, and the
// `run!` / `add_message_and_run!` forms, which are `auto_tool_execution: true`). Each request is `@llm.chat(
// **@llm_adapter.build_chat_params(instructions:, messages: array_of_message_hashes, tools:, tool_choice:,
// parallel_tool_calls:))`: the instructions (a system message where the LLM takes one), every message so far and the
// tools' definitions; no model and no max_tokens of its own, so the LLM's default_options decide both. A reply with tool
// calls ends the run unless auto_tool_execution is on; with it the tools run and the chat is sent again,
// `@state = handle_state until run_finished?(auto_tool_execution)`, with no bound on the rounds (so since 0.14.0, when
// run took this form).
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart, RunSite } from '../types';
import { ASSISTANT_HOLDER } from './langchainrb-holders';
import { anchorStart } from './links';
import { collectParts } from './parts';
import type { Made } from './runnable-made';
import { assignmentBefore } from './definitions';
import { valueEnd } from './value-end';
import type { Ctx } from './values';
import { LANGCHAINRB_CLASSES } from './langchainrb';

const ANCHOR = ASSISTANT_HOLDER.anchor;

const SOURCE = 'langchainrb lib/langchain/assistant.rb';

/** The LLM an Assistant made at toks[def] (its `(` at `open`) sends to, with its instructions and tools. */
export function assistantMade(c: Ctx, made: Made, def: number, open: number): Made {
  const { toks } = c;
  const span = { start: toks[def].start, end: toks[open - 1].end };
  const parts: PromptPart[] = [];
  const ins = keyword(c, open, 'instructions');
  if (ins) collectParts(c, ins[0], ins[1], parts);
  const tools = keyword(c, open, 'tools');
  if (tools && !emptyList(c, tools)) {
    const given = c.text.slice(toks[tools[0]].start, toks[tools[1] - 1].end);
    parts.push({ text: '', span, resolved: false, label: `the definitions of the assistant's tools (${given.length > 60 ? given.slice(0, 57) + '…' : given}), sent with each request` });
  }
  const g = made.gem ? LANGCHAINRB_CLASSES[made.gem] : undefined;
  // The Assistant passes no max_tokens, and the OpenAI and GoogleGemini classes send none from default_options (langchainrb.ts).
  const limitParam = g && !g.ownLimitKeys.length ? `max_tokens: {n} to the chat of a Langchain::LLM::${made.gem} subclass (the Assistant passes no limit)` : made.limitParam;
  return { ...made, limitParam, prompt: { parts, messages: ins ? 2 : 1 } };
}

/** The run of an Assistant's `run(…)` / `add_message_and_run(…)` at `first`, its `(` at `open` (runs.ts). */
export function assistantRun(c: Ctx, site: CallSite, first: number, open: number): RunSite | undefined {
  const { toks, match } = c;
  if (!site.shape.startsWith('langchainrb.assistant.')) return undefined;
  return isP(toks[open], '(') && match[open] > open ? assistantRunIn(c, site, first, open + 1, match[open]) : assistantRunIn(c, site, first, open, open);
}

/**
 * The run of an Assistant's sending method at `first`, its arguments in [from, to): with auto_tool_execution (the `!`
 * forms, or `auto_tool_execution:` not false) and tools given, a tool loop with no bound; else one request (undefined).
 */
export function assistantRunIn(c: Ctx, site: CallSite, first: number, from: number, to: number): RunSite | undefined {
  const { toks, match } = c;
  if (!site.shape.startsWith('langchainrb.assistant.')) return undefined;
  const bang = toks[first].v.endsWith('!');
  const auto = bang ? undefined : keywordIn(c, from, to, 'auto_tool_execution');
  if (!bang && (!auto || toks[auto[0]].v === 'false')) return undefined;
  const name = isP(toks[first - 1], '.') && isId(toks[first - 2]) ? toks[first - 2].v : undefined;
  const def = name ? assignmentBefore(c, name, first) : -1;
  const open = def >= 0 ? def + ANCHOR.length - 1 : -1;
  if (open >= 0 && anchorStart(toks, open, ANCHOR) === def && match[open] > open) {
    c.read?.push({ start: toks[def].start, end: toks[match[open]].end });
    const tools = keyword(c, open, 'tools');
    if (!tools || emptyList(c, tools)) {
      // Made with no tools, none given later (`assistant.tools = […]`, attr_accessor :tools): nothing to call, one request.
      c.read?.push({ start: 0, end: c.text.length });
      if (!toks.some((t, k) => t.v === 'tools' && isP(toks[k - 1], '.') && toks[k - 2]?.v === name)) return undefined;
    }
  }
  const how = bang ? toks[first].v : `auto_tool_execution: ${c.text.slice(toks[auto![0]].start, toks[auto![1] - 1].end)}`;
  return {
    kind: 'agent', turnsSource: 'setting', growsHistory: true,
    turnsFrom: `Langchain::Assistant ${how}: a request per tool round until a reply calls no tool, no bound (${SOURCE} run: handle_state until run_finished?)`,
    anchor: { ...site.anchor }, extent: { ...site.span },
  };
}

const emptyList = (c: Ctx, v: [number, number]) => isP(c.toks[v[0]], '[') && isP(c.toks[v[0] + 1], ']') && v[1] === v[0] + 2;

/** The value of keyword `key:` among the arguments of the call whose `(` is at `open`, a token range [from, to). */
export function keyword(c: Ctx, open: number, key: string): [number, number] | undefined {
  return c.match[open] > open ? keywordIn(c, open + 1, c.match[open], key) : undefined;
}

/** The value of keyword `key:` among the arguments in [from, to); Ruby 3.1's shorthand `key:` is the local of that name. */
export function keywordIn(c: Ctx, from: number, to: number, key: string): [number, number] | undefined {
  const { toks } = c;
  for (let k = from; k < to; k = valueEnd(c, k, to) + 1) {
    if (toks[k].v !== key || !isP(toks[k + 1], ':')) continue;
    if (k + 2 >= to || isP(toks[k + 2], ',')) return [k, k + 1];
    return [k + 2, valueEnd(c, k + 2, to)];
  }
  return undefined;
}

// openai-ruby's Realtime API: `client.realtime.connect(model: m) do |connection| … connection.response.create … end`
// (openai/openai-ruby edfb30b lib/openai/helpers/realtime/resources/realtime_extension.rb connect(model:, …, &block)
// yields the connection; connection_resources.rb Response#create(**params) sends a "response.create" event). The
// connection is the block's parameter, and the send is often written without parentheses (examples/realtime/
// websocket_text.rb, image_input.rb, websocket_voice_turn.rb, function_calling.rb).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** Tokens walked back from a use for the block that binds it. */
const MAX_BACK = 3000;
/** Words that open a Ruby construct closed by `end` wherever they stand. */
const OPENERS = new Set(['do', 'def', 'class', 'module', 'case', 'begin']);
/** Words that open one only at the start of a statement (`x = if …`), not as a modifier (`return if x`). */
const STATEMENT_OPENERS = new Set(['if', 'unless', 'while', 'until']);

/**
 * The first token of the call a block binding `name` as its parameter hangs on (`client.realtime.connect(model: m)`
 * for `… do |connection|` or `{ |connection| … }` around toks[before]), or -1: none in the method around the use.
 */
export function rubyBlockParam(c: Ctx, name: string, before: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'ruby') return -1;
  let level = 0;
  for (let k = before - 1, n = 0; k > 0 && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    if (isP(tk, '}') && match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    const brace = isP(tk, '{') && match[k] > before;
    if (!brace && !isId(tk)) continue;
    if (tk.v === 'end' && !isP(toks[k - 1], '.')) {
      level++;
      continue;
    }
    const opener = brace || (OPENERS.has(tk.v) && !isP(toks[k - 1], '.')) || (STATEMENT_OPENERS.has(tk.v) && statementStart(c, k));
    if (!opener) continue;
    if (!brace && level > 0) {
      level--;
      continue;
    }
    if (tk.v === 'def' || tk.v === 'class' || tk.v === 'module') return -1;
    if (!(brace || tk.v === 'do') || !blockBinds(c, k + 1, name)) continue;
    const start = callStart(c, k - 1);
    // The keystroke path: an edit between the call and the use may change the binding.
    if (start >= 0) c.read?.push({ start: toks[start].start, end: toks[before].start });
    return start;
  }
  return -1;
}

/** Whether `|a, name|` at `at` lists `name`. */
function blockBinds(c: Ctx, at: number, name: string): boolean {
  const { toks } = c;
  if (!isP(toks[at], '|')) return false;
  for (let k = at + 1; k < at + 12 && k < toks.length; k++) {
    if (isP(toks[k], '|')) return false;
    if (isId(toks[k]) && toks[k].v === name && (isP(toks[k + 1], ',') || isP(toks[k + 1], '|'))) return true;
  }
  return false;
}

/** The start of the call chain ending at `end` (`client.realtime.connect(model: m)`), or -1 when it has no brackets. */
function callStart(c: Ctx, end: number): number {
  const { toks, match } = c;
  if (!isP(toks[end], ')') || !(match[end] >= 0 && match[end] < end)) return -1;
  let k = match[end] - 1;
  while (k > 1 && isId(toks[k]) && (isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) && (isId(toks[k - 2]) || isP(toks[k - 2], ')'))) {
    k -= 2;
    if (isP(toks[k], ')') && match[k] >= 0 && match[k] < k) k = match[k] - 1;
  }
  return isId(toks[k]) ? k : -1;
}

/** Whether toks[k] starts its statement: first on its line, or right after `=`. */
function statementStart(c: Ctx, k: number): boolean {
  const prev = c.toks[k - 1];
  return !prev || isP(prev, '=') || c.text.slice(prev.end, c.toks[k].start).includes('\n');
}

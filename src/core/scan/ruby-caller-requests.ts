// What the callers of a Ruby wrapper pass for the request it merges: `def chat(parameters) @client.chat(parameters:
// { model: model }.merge(parameters)) end` called as `client.chat(messages: [{ role: 'system', content: <<~X }, …],
// tools: […])` in the generators of the same gem (Hitoshi-Noborikawa/tsukuru lib/tsukuru/open_ai_client.rb and
// lib/generators/tsukuru/*_generator.rb). Keyword arguments passed to a method whose last parameter is positional
// arrive as one Hash (https://www.ruby-lang.org/en/news/2019/12/12/separation-of-positional-and-keyword-arguments-in-ruby-3-0/),
// so the request is the caller's keys. Each caller's keys and tools are read where it writes them; the longest
// (prompt and tool definitions) is priced, as of a helper's several returns, and the hover names the caller. A caller that passes `model:` replaces
// the wrapper's model (Hash#merge: the argument's keys win, https://docs.ruby-lang.org/en/3.3/Hash.html#method-i-merge):
// then nothing is read from the callers.
import type { PromptPart } from '../types';
import { basename } from '../resolve/files';
import type { Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { mergeCounts } from './links';
import { pushParts } from './parts';
import { mergeCallers } from './ruby-merge-callers';
import { readTools } from './tools';

/** Callers read at most; more leave the request to run time. */
const MAX_CALLERS = 16;

/**
 * Reads into `f` the request the callers of the method whose parameter `name` (token `at`) is merged pass, when all
 * are in view; false when not read (the name stays a run-time part).
 */
export function requestFromCallers(c: Ctx, f: Found, at: number): boolean {
  const all = mergeCallers(c, at);
  if (!all?.length || all.length > MAX_CALLERS) return false;
  const read = all.map((x) => {
    const found: Found = { parts: [], messages: 0 };
    // A context of that file's own: the evaluator's per-file caches stay with it.
    const cc: Ctx = { ...x.scope };
    walkKeys(cc, found, x.open + 1, x.close);
    const unread: string[] = [];
    const tools = readTools(cc, x.open, x.close, x.open, unread, true);
    if (tools) found.tools = tools;
    for (const label of tools ? unread : []) found.parts.push({ text: '', span: tools!.span, resolved: false, label });
    const len = found.parts.reduce((n, p) => n + p.text.length, 0) + (tools?.text.length ?? 0);
    return { x, found, len };
  });
  if (read.some((r) => r.found.model)) return false;
  const best = read.reduce((a, b) => (b.len > a.len ? b : a));
  const file = best.x.scope.file;
  const where = `${basename(file)}:${lineAt(best.x.scope.text, best.x.scope.toks[best.x.open].start)}`;
  const what = all.length > 1 ? `passed by ${where}, the longest of ${all.length} callers` : `passed by ${where}`;
  // Spans are this file's: the parts stand where the request is merged; where each was written is its source.
  const span = { start: c.toks[at].start, end: c.toks[at].end };
  const parts: PromptPart[] = best.found.parts.map((p) => (p.resolved ? { ...p, span, source: p.source ?? { file, offset: p.span.start, what } } : { ...p, span }));
  pushParts(f.parts, parts);
  if (best.found.tools) f.tools = { ...best.found.tools, span };
  f.messages += best.found.messages;
  mergeCounts(f, best.found);
  return true;
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

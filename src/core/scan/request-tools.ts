// Tools sent with a request built away from the call: `kwargs = dict(model=…, tools=TOOL_SCHEMAS, messages=…)` then
// `client.messages.create(**kwargs)` (AngeloRizzieri/gdrive-search-agent agent/agent.py, an Anthropic agent loop whose
// 3 tool schemas, imported from agent/tools.py, were not counted), or a key set by subscript after it, `if tools:
// kwargs["tools"] = TOOLS`: sent on some path, so counted as the worst case. The request's range is the one read-call.ts
// followed (CallSite.request); the call's own extent is read first (runs.ts).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import { exprEnd } from './scope';
import { isKeyIn, keyMatch } from './call-keys';
import { assigned, definitionsAt, readTools, type Unread } from './tools';

const TOOL_KEYS = keyMatch(new Set(['tools', 'functions']));
/** Tokens searched after the request for a `NAME["tools"] = …` before the call. */
const MAX_SEARCH = 4000;

/** The tool definitions of the request the call sends, read where it is built; undefined when none is read. */
export function requestTools(c: Ctx, site: CallSite, first: number, unread: Unread): ToolDefs | undefined {
  if (!site.request) return undefined;
  const { toks, match } = c;
  const start = tokenAt(c, site.request.start);
  if (start < 0 || start >= first) return undefined;
  let end = start;
  while (end < first && toks[end].end < site.request.end) end++;
  const own = readTools(c, start, end, first, unread);
  // An empty list (`create_react_agent(model=m, tools=[])`) sends no tool: nothing to count.
  if (own) return own.definitions > 0 ? own : undefined;
  unread.length = 0;
  // Python `kwargs = {…}` / `dict(…)`, then `kwargs["tools"] = …` before the call: the last such assignment.
  if (c.syn.id !== 'python' || !isP(toks[start - 1], '=') || !isId(toks[start - 2])) return undefined;
  const name = toks[start - 2].v;
  let got: ToolDefs | undefined;
  for (let k = end + 1; k < first && k < end + MAX_SEARCH; k++) {
    if (isOpen(toks[k]) && match[k] > k && !isP(toks[k], '[')) k = match[k];
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.') || !isP(toks[k + 1], '[')) continue;
    if (toks[k + 2]?.t !== T.Str || !isKeyIn(TOOL_KEYS, toks[k + 2].v) || !isP(toks[k + 3], ']') || !isP(toks[k + 4], '=')) continue;
    const v = k + 5;
    const e = exprEnd(c, v);
    const held = isId(toks[v]) && e === v + 1 ? assigned(c, toks[v].v, first) : [-1, isOpen(toks[v]) ? v : -1];
    // A name bound to a literal (`TOOLS = [...]`), not to a call's result (`tools = state.get("tools", [])`).
    if (held[0] >= 0 && held[1] >= 0 && !isP(toks[held[1] - 1], '=')) continue;
    unread.length = 0;
    got = definitionsAt(c, held[1], held[0], v, first, unread) ?? got;
  }
  return got && got.definitions > 0 ? got : undefined;
}

/** The token starting at character offset `at`, -1 when none does. */
export function tokenAt(c: Ctx, at: number): number {
  const { toks } = c;
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < at) lo = mid + 1;
    else if (toks[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

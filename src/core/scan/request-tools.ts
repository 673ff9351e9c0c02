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
import { assigned, definitionsAt, readTools, toolsValue, type Unread } from './tools';
import { keyAt, valueEnd } from './values';
import type { PyToolSdk } from './py-tool-schema';

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
  const plain = plainToolSdk(site.shape);
  const own = readTools(c, start, end, first, unread, false, plain) ?? positionalTools(c, start, end, first, unread, plain);
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

/** Agent factories that take the tools second, unnamed: LangGraph `create_react_agent(model, tools, …)`
 * (prebuilt/chat_agent_executor.py), LangChain v1 `create_agent(model, tools=None, …)` (agents/factory.py). */
const TOOLS_SECOND = new Set(['create_react_agent', 'create_agent']);

/** `create_react_agent(llm, [search, lookup])`: the second argument, when the request is such a factory's call. */
function positionalTools(c: Ctx, start: number, end: number, first: number, unread: Unread, plain?: PyToolSdk): ToolDefs | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'python' || !TOOLS_SECOND.has(toks[start]?.v) || !isP(toks[start + 1], '(')) return undefined;
  const close = match[start + 1];
  if (close < 0 || close > end) return undefined;
  const a = valueEnd(c, start + 2, close);
  if (!isP(toks[a], ',') || keyAt(c, start + 2) > 0 || keyAt(c, a + 1) > 0 || a + 1 >= close) return undefined;
  const b = valueEnd(c, a + 1, close);
  return b > a + 1 ? toolsValue(c, a + 1, b, first, unread, false, plain) : undefined;
}

/**
 * The SDK that makes a tool of a plain function named in the tools of a call of row `shape`: LangGraph's ToolNode, which
 * the agent factories (`create_react_agent`, LangChain v1 `create_agent`) build, wraps each callable with langchain_core's
 * `tool` (prebuilt/tool_node.py: `tool_ = create_tool(cast("type[BaseTool]", tool))`, `from langchain_core.tools import
 * tool as create_tool`), the `@tool` decorator's own function.
 */
export function plainToolSdk(shape: string): PyToolSdk | undefined {
  return shape.startsWith('langgraph.agent.') || shape.startsWith('langchain.agent.') ? 'langchain' : undefined;
}

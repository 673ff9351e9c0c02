// LangChain v1 Python `create_agent(model, tools, middleware=[…])`'s middleware, the counterpart of
// langchain-js-middleware.ts (whose list walk reads these tables for Python). A middleware adds model calls to an
// agent given no tools only when it brings tools of its own: github.com/langchain-ai/langchain
// libs/langchain_v1/langchain/agents/factory.py (stored at 8ca2695b): `middleware_tools = [t for m in middleware for t
// in getattr(m, "tools", [])]`, `available_tools = middleware_tools + regular_tools`, and a ToolNode, with its
// model → tools → model loop, only `if available_tools or wrap_tool_call_wrapper …` (a wrap_tool_call alone gives the
// model no tool to call). The built-ins: agents/middleware/__init__.py at 638226e6. TodoListMiddleware sets
// `self.tools = [write_todos]` (middleware/todo.py at 05f28d3b); ShellToolMiddleware registers its "shell" tool
// (middleware/shell_tool.py); the others wrap the one call. `ModelCallLimitMiddleware(*, thread_limit=None,
// run_limit=None, exit_behavior="end")` ends the run before a model call once `run_count >= self.run_limit` (or the
// thread's count its limit): middleware/model_call_limit.py at 03c5d677, before_model → `{"jump_to": "end", …}`.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { keywordValue } from './runnable-tokens';
import { classRange } from './py-class-fields';
import { assignmentBefore } from './definitions';
import { readNumber, valueEnd, type Ctx } from './values';

export const PY_MODEL_CALL_LIMIT = 'langchain-ai/langchain libs/langchain_v1/langchain/agents/middleware/model_call_limit.py at 03c5d677 before_model: jump_to "end" once run_count >= run_limit';

/** Built-ins that bring a tool (todo.py `self.tools = [write_todos]`; shell_tool.py's "shell" tool). */
export const PY_ADDS_TOOLS = new Set(['TodoListMiddleware', 'ShellToolMiddleware']);
/** The other built-ins of middleware/__init__.py at 638226e6: none brings a tool. */
export const PY_WRAPS_ONLY = new Set(['ContextEditingMiddleware', 'HumanInTheLoopMiddleware', 'ModelCallLimitMiddleware',
  'ModelFallbackMiddleware', 'PIIMiddleware', 'SummarizationMiddleware', 'ToolCallLimitMiddleware', 'LLMToolEmulator',
  'ToolRetryMiddleware', 'LLMToolSelectorMiddleware']);

/**
 * A class of the file (`class Logging(AgentMiddleware): …`) that brings no tools: no `tools`, no wrap_tool_call (whose
 * ToolNode may run tools a wrap_model_call adds) and no `can_jump_to` naming "model".
 */
export function pyCustomWrapsOnly(a: Ctx, name: string): boolean {
  const r = classRange(a, name, 0);
  if (!r) return false;
  const { toks } = a;
  a.read?.push({ start: toks[r[0]].start, end: toks[Math.min(r[1], toks.length) - 1].end });
  for (let k = r[0]; k < r[1]; k++) {
    const v = toks[k].v;
    if (toks[k].t === T.Id && (v === 'tools' || v === 'wrap_tool_call' || v === 'awrap_tool_call')) return false;
    if (toks[k].t === T.Str && v === 'model' && toks.slice(Math.max(r[0], k - 8), k).some((t) => t.v === 'can_jump_to')) return false;
  }
  return true;
}

/**
 * The `[` of the middleware list the value at toks[v] is: written there, or a name assigned a list literal before `v`
 * and never grown in the file (`mw.append(…)`, `mw += …`, `mw.extend(…)`, `mw.insert(…)`); -1 otherwise.
 */
export function pyMiddlewareList(c: Ctx, v: number): number {
  const { toks } = c;
  if (isP(toks[v], '[')) return v;
  if (!isId(toks[v]) || !(isP(toks[v + 1], ')') || isP(toks[v + 1], ','))) return -1;
  const name = toks[v].v;
  const at = assignmentBefore(c, name, v);
  if (at < 0 || !isP(toks[at], '[')) return -1;
  for (let k = 0; k < toks.length - 2; k++) {
    if (toks[k].v !== name || toks[k].t !== T.Id) continue;
    if (isP(toks[k + 1], '.') && /^(append|extend|insert)$/.test(toks[k + 2].v)) return -1;
    if (isP(toks[k + 1], '+=')) return -1;
  }
  c.read?.push({ start: toks[at].start, end: toks[c.match[at]].end });
  return at;
}

/** The smallest `run_limit` / `thread_limit` of a ModelCallLimitMiddleware in `middleware=[…]` of the call at toks[open]. */
export function pyCallLimit(c: Ctx, open: number): { n: number; written: string } | undefined {
  const { toks, match } = c;
  const v = keywordValue(c, open, 'middleware');
  const list = v < 0 ? -1 : pyMiddlewareList(c, v);
  if (list < 0 || match[list] < 0) return undefined;
  c.read?.push({ start: toks[list].start, end: toks[match[list]].end });
  let best: { n: number; written: string } | undefined;
  for (let j = list + 1; j < match[list]; j = valueEnd(c, j, match[list]) + 1) {
    // `ModelCallLimitMiddleware(run_limit=5)` in the list, or a name assigned one before.
    let at = j;
    if (isId(toks[j]) && !isP(toks[j + 1], '(')) at = assignmentBefore(c, toks[j].v, j);
    if (at < 0 || toks[at].v !== 'ModelCallLimitMiddleware' || !isP(toks[at + 1], '(')) continue;
    for (const key of ['run_limit', 'thread_limit']) {
      const v = keywordValue(c, at + 1, key);
      if (v < 0) continue;
      const e = valueEnd(c, v, match[at + 1]);
      const n = readNumber(c, v, e);
      if (n && n.value >= 0 && (!best || n.value < best.n)) best = { n: Math.floor(n.value), written: c.text.slice(toks[v - 2].start, toks[e - 1].end) };
    }
  }
  return best;
}

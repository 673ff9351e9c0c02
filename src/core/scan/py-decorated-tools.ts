// A Python function passed as a tool by its name (`tools=[lookup]`) whose `def` is decorated to make it one: the
// definition its SDK sends (py-tool-schema.ts), with the SDK told by the decorator and, for `@tool`, its import.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { lastBefore, occurrences } from './run-index';
import { pyToolSchema, type PyToolSdk } from './py-tool-schema';

/** Names of a tool definition's pieces the scan could not read (tools.ts Unread). */
type Unread = string[];

/** Decorators that make a Python function a tool: OpenAI Agents SDK `@function_tool`, Pydantic AI `@agent.tool(_plain)`, LangChain `@tool`. */
const TOOL_DECORATORS = new Set(['function_tool', 'tool', 'tool_plain']);

/**
 * A tool made from a decorated function (`@function_tool def lookup(city: str) -> str: """Look up …"""`): counted as
 * the definition its SDK sends, built from the def (py-tool-schema.ts); parameter types it does not read are named in
 * `unread`.
 */
export function decoratedTool(c: Ctx, name: string, before: number, unread: Unread, plain?: PyToolSdk): { text: string; from: number } | undefined {
  const { toks, match } = c;
  const at = occurrences(c, name);
  for (let n = lastBefore(at, before), tried = 0; n >= 0 && tried < 16; n--, tried++) {
    const k = at[n];
    if (toks[k - 1]?.v !== 'def' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    let d = k - 2;
    if (toks[d]?.v === 'async') d--;
    // `@function_tool`, `@function_tool(…)`, `@agent.tool`: the decorator's last name before the `def`.
    const args = isP(toks[d], ')') && match[d] >= 0 ? match[d] : -1;
    if (args >= 0) d = args - 1;
    // An undecorated `def`: a plain function the call's SDK makes a tool of (`plain`), as LangGraph's ToolNode does with
    // `create_tool` for the agent factories.
    const bare = plain !== undefined && !decoratorAbove(c, toks[k - 2]?.v === 'async' ? k - 2 : k - 1);
    if (!bare && (!isId(toks[d]) || !TOOL_DECORATORS.has(toks[d].v))) return undefined;
    let from = bare ? k - 1 : d;
    while (!bare && from > 0 && !isP(toks[from], '@') && from > d - 6) from--;
    const close = match[k + 1];
    let j = close + 1;
    while (j < toks.length && j < close + 12 && !isP(toks[j], ':')) j++;
    // `@tool` is LangChain's unless imported from the Agents SDK (agents/decorators.py: `tool = function_tool`).
    const sdk: PyToolSdk = bare ? plain! : toks[d].v === 'function_tool' || (toks[d].v === 'tool' && !isP(toks[d - 1], '.') && importedFrom(c, 'tool') === 'agents') ? 'openai-agents' : toks[d].v === 'tool_plain' || isP(toks[d - 1], '.') ? 'pydantic-ai' : 'langchain';
    const doc = toks[j + 1]?.t === T.Str ? toks[j + 1].v : undefined;
    const { fn, unknown } = pyToolSchema(sdk, toks, c.text, { name, open: k + 1, close, doc, options: args >= 0 && !bare ? decoratorOptions(c, args) : new Map() });
    for (const u of unknown) if (!unread.includes(u)) unread.push(u);
    return { text: JSON.stringify(fn), from: toks[from].start };
  }
  return undefined;
}

/** Is the line above the `def` (or `async def`) at `at` a decorator (`@x`, `@x(…)` over several lines)? */
function decoratorAbove(c: Ctx, at: number): boolean {
  const { toks, match } = c;
  let k = at - 1;
  if (k < 0) return false;
  if (isP(toks[k], ')') && match[k] >= 0) k = match[k];
  while (k > 0 && !c.text.slice(toks[k - 1].end, toks[k].start).includes('\n')) k--;
  return isP(toks[k], '@');
}

/** The top package a `from pkg.mod import …, name` statement takes the name from (undefined: not imported so). */
function importedFrom(c: Ctx, name: string): string | undefined {
  const { toks } = c;
  for (const k of occurrences(c, name)) {
    let j = k - 1;
    while (j > 0 && j > k - 64 && (isP(toks[j], ',') || isP(toks[j], '(') || (isId(toks[j]) && toks[j].v !== 'import'))) j--;
    if (toks[j]?.v !== 'import') continue;
    let m = j - 1;
    while (m > 0 && (isP(toks[m], '.') || (isId(toks[m]) && toks[m].v !== 'from'))) m--;
    if (toks[m]?.v === 'from' && isId(toks[m + 1])) return toks[m + 1].v;
  }
  return undefined;
}

/** A decorator's literal arguments: `key=value` by key, a first positional string as `_name` (`@tool("lookup")`). */
function decoratorOptions(c: Ctx, open: number): Map<string, string | number | boolean | null> {
  const { toks, match } = c;
  const out = new Map<string, string | number | boolean | null>();
  for (let j = open + 1; j < match[open]; j++) {
    const v = toks[j + 2];
    if (isId(toks[j]) && isP(toks[j + 1], '=') && (isP(toks[j + 3], ',') || j + 3 === match[open])) {
      if (v.t === T.Str) out.set(toks[j].v, v.v);
      else if (v.v === 'True' || v.v === 'False') out.set(toks[j].v, v.v === 'True');
    } else if (j === open + 1 && toks[j].t === T.Str) out.set('_name', toks[j].v);
  }
  return out;
}

// What a LangChain model's derivatives add to each call of it. `llm.with_structured_output(Cls)`: the schema
// (lc-structured-output.ts). `llm.bind_tools([…])` (Python) / `llm.bindTools([…])` (JS): the tool definitions, sent
// with every call of the model it returns, billed as input. LangChain's tool-calling guide: "Chat models that support
// tool calling features implement a `.bind_tools()` method for passing tool schemas to the model. Tool schemas can be
// passed in as Python functions (with typehints and docstrings), Pydantic models, TypedDict classes, or LangChain Tool
// objects" (docs src/oss/how-tos/tool_calling.md). A list of dict literals is counted as the SDK call's `tools=` is
// (tools.ts); functions, classes and tool objects are not read here: the call says its tools are not counted, and it
// uses tools either way (a switch of model must support them). Seen in SukiratBhatti/LangGraph demo.py:60
// (`llm_with_tools = llm.bind_tools(tools)` with `tools = [TavilySearch(…), human_assistance]`).
import { isId, isOpen, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Bound } from './bound';
import type { Found } from './keys';
import { structuredOn, type StructuredAt } from './lc-structured-output';
import { assigned, definitionsAt } from './tools';
import { executorRun } from './lc-agent-executor';

/** Puts what the derivatives the chain went through send on the site. */
export function derivativesOn(site: CallSite, bound: Bound, f: Found): void {
  if (bound.structured) structuredOn(site, bound.structured, bound.provider);
  if (bound.toolsBound) boundToolsOn(site, bound.toolsBound, f);
  if (bound.executor) site.run = executorRun(site, bound.executor); // an AgentExecutor's steps (lc-agent-executor.ts)
}

function boundToolsOn(site: CallSite, at: StructuredAt, f: Found): void {
  (f.uses ??= new Set()).add('tools');
  if (site.tools) return;
  const unread: string[] = [];
  const read = boundDefinitions(at, unread);
  const defs = read && known(read);
  // What is not read (`search = WebSearch(…)` in the list) is named; none read: the tools are not counted.
  for (const label of read ? unread : []) site.parts.push({ text: '', span: read!.span, resolved: false, label });
  if (defs) site.tools = defs;
  else site.uncountedInput = [...new Set([...(site.uncountedInput ?? []), 'tools'])];
}

/** The definitions read, without the places of those not read (`null`, named in `unread`): none, undefined. */
function known(defs: ToolDefs): ToolDefs | undefined {
  let list: unknown;
  try {
    list = JSON.parse(defs.text.replace(/,(\s*[\]}])/g, '$1')); // Python's trailing commas kept as written
  } catch {
    return defs;
  }
  if (!Array.isArray(list) || !list.includes(null)) return defs;
  const kept = list.filter((d) => d !== null);
  return kept.length ? { ...defs, text: JSON.stringify(kept), definitions: kept.length } : undefined;
}

/** The tools argument (first, or `tools=` / `tools:`) when it is a literal of definitions, or a name assigned one. */
function boundDefinitions(at: StructuredAt, unread: string[]): ToolDefs | undefined {
  const { ctx: c, open, close } = at;
  const { toks } = c;
  let v = open + 1;
  if (toks[v]?.v === 'tools' && (isP(toks[v + 1], '=') || isP(toks[v + 1], ':'))) v += 2;
  if (v >= close) return undefined;
  if (isOpen(toks[v]) && isP(toks[v], '[')) return definitionsAt(c, v, -1, v, open, unread, true);
  if (!isId(toks[v]) || !(isP(toks[v + 1], ')') || isP(toks[v + 1], ','))) return undefined;
  const [name, lit] = assigned(c, toks[v].v, open);
  // Only a list literal (`tools = […]`): a name assigned a call (`tools = load_tools(…)`) holds what the scan cannot read.
  if (lit < 0 || !isP(toks[lit], '[') || lit !== name + 2) return undefined;
  return definitionsAt(c, lit, name, v, open, unread, true);
}

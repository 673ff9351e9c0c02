// A LangGraph application served by the LangGraph server (`langgraph dev`, `langgraph up`, LangGraph Platform) never
// runs its graph in code: langgraph.json names it, `"graphs": { "agent": "./src/agent/graph.py:graph" }`, the path
// relative to the json's folder and the variable after the colon ("the variable name of the CompiledGraph appears at
// the end of the value of each subkey in the top-level graphs key",
// https://langchain-ai.github.io/langgraph/cloud/deployment/setup/; langgraph-cli config: a value is that string or
// an object with a `path`). A prebuilt agent bound to that variable (`graph = create_react_agent(…)` /
// `create_agent(…)`: victorm-lc/basic-react agent.py) is a row where it is made, read as a same-file `graph.invoke(…)`
// reads it (langchain-agents.ts), its input the conversation the server sends on each model call.
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname, join, normalize } from '../resolve/files';
import type { Bound } from './bound';
import type { Found } from './keys';
import { walkKeys } from './keys';
import { agentModel, factoryImported } from './langchain-agents';
import { keyAt, readModel, type Ctx } from './values';
import { splitProvider } from './provider-prefix';

const CONFIG = 'langgraph.json';
/** Folders above the file looked at for a langgraph.json (a project's src/<package>/graph.py is 2-3 deep). */
const UP = 6;

/** The variables langgraph.json files above `file` name in it. */
function servedNames(c: Ctx): Set<string> | undefined {
  const idx = c.index;
  if (!idx || !c.file) return undefined;
  const file = normalize(c.file);
  let out: Set<string> | undefined;
  for (const dir of ancestors(dirname(file), UP)) {
    if (!idx.files.list(dir)?.includes(CONFIG)) continue;
    const named = idx.memo(dir, 'langgraph-graphs', () => graphsOf(dir, idx.files.read(join(dir, CONFIG))));
    for (const [path, name] of named) if (path === file) (out ??= new Set()).add(name);
  }
  return out;
}

/** `[file, variable]` of each graph a langgraph.json names: `./x/graph.py:graph`, or a module `x.graph:graph`. */
function graphsOf(dir: string, text: string | undefined): [string, string][] {
  let graphs: unknown;
  try {
    graphs = text ? (JSON.parse(text) as { graphs?: unknown }).graphs : undefined;
  } catch {
    return [];
  }
  if (!graphs || typeof graphs !== 'object') return [];
  const out: [string, string][] = [];
  for (const v of Object.values(graphs as Record<string, unknown>)) {
    const ref = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { path?: unknown }).path : undefined;
    if (typeof ref !== 'string') continue;
    const colon = ref.lastIndexOf(':');
    if (colon <= 0) continue;
    const path = ref.slice(0, colon);
    const rel = path.endsWith('.py') ? path : path.includes('/') ? '' : path.split('.').join('/') + '.py';
    if (rel) out.push([join(dir, rel), ref.slice(colon + 1).trim()]);
  }
  return out;
}

/**
 * The agent made at `first` when a langgraph.json serves it from this file (the file importing the factory): bound to
 * a module variable it names (`NAME = create_react_agent(` at column 0), or made in a module function it names that
 * returns it (`def make_graph(): agent = create_agent(…); return agent`, or `return create_agent(…)`: the server calls
 * the function, https://langchain-ai.github.io/langgraph/cloud/deployment/graph_rebuild/). Undefined: not served.
 */
export function readServed(c: Ctx, shapeId: string, f: Found, first: number, open: number, end: number, made: [number, number][]): Bound | undefined {
  const { toks, text } = c;
  const name = toks[first - 2];
  const assigned = isP(toks[first - 1], '=') && isId(name);
  const returned = isId(toks[first - 1]) && toks[first - 1].v === 'return';
  if (!assigned && !returned) return undefined;
  if (!factoryImported(c, shapeId)) return undefined;
  const served = servedNames(c);
  if (!served) return undefined;
  const at = assigned ? name.start : toks[first - 1].start;
  // Column 0: a module's variable, what the server imports; else the module function around it.
  const topLevel = assigned && (at === 0 || text.charCodeAt(at - 1) === 10);
  const fn = topLevel ? undefined : enclosingDef(text, at);
  if (topLevel ? !served.has(name.v) : !fn || !served.has(fn.name) || (assigned && !returns(text, fn, name.v))) return undefined;
  // The name is read: renaming it must take the full analysis.
  c.read?.push({ start: fn ? fn.start : at, end: toks[first].end });
  walkKeys(c, f, open + 1, end);
  // A model string first (`create_agent("openai:gpt-4o-mini", …)`), as a run of the agent reads it (call-shapes-agents.ts).
  if (f.model === undefined && end > open + 1 && keyAt(c, open + 1) < 0) f.model = readModel(c, open + 1, end);
  splitProvider(f, ':');
  const bound: Bound = { start: first, end };
  agentModel(c, f, bound, made, first);
  return bound;
}

/** The module function (`def NAME(` / `async def NAME(` at column 0) whose body holds `offset`: its name and extent. */
function enclosingDef(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  let ls = text.lastIndexOf('\n', offset - 1) + 1;
  for (let n = 0; ls > 0 && n < 2000; n++) {
    ls = text.lastIndexOf('\n', ls - 2) + 1;
    const ch = text.charCodeAt(ls);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 35) continue;
    const line = text.slice(ls, text.indexOf('\n', ls) < 0 ? text.length : text.indexOf('\n', ls));
    const head = line.startsWith('async def ') ? 10 : line.startsWith('def ') ? 4 : -1;
    if (head < 0) return undefined;
    const paren = line.indexOf('(', head);
    if (paren < 0) return undefined;
    let end = text.length;
    for (let k = text.indexOf('\n', offset); k >= 0 && k + 1 < text.length; k = text.indexOf('\n', k + 1)) {
      const c = text.charCodeAt(k + 1);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 35) { end = k; break; }
    }
    return { name: line.slice(head, paren).trim(), start: ls, end };
  }
  return undefined;
}

/** Does the function return the name (`return agent`)? */
function returns(text: string, fn: { start: number; end: number }, name: string): boolean {
  const word = 'return ' + name;
  for (let k = text.indexOf(word, fn.start); k >= 0 && k < fn.end; k = text.indexOf(word, k + 1)) {
    const after = text.charCodeAt(k + word.length);
    if (!(after === 95 || (after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122))) return true;
  }
  return false;
}

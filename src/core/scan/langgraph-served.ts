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
 * The agent made at `first` (`NAME = create_react_agent(` at the module's top level, the file importing the factory)
 * when a langgraph.json serves NAME from this file: read as the agent's run. Undefined: not served.
 */
export function readServed(c: Ctx, shapeId: string, f: Found, first: number, open: number, end: number, made: [number, number][]): Bound | undefined {
  const { toks } = c;
  const name = toks[first - 2];
  // Column 0: a module's variable, what the server imports (a name in a function is no graph it can find).
  if (!isP(toks[first - 1], '=') || !isId(name) || (name.start > 0 && c.text.charCodeAt(name.start - 1) !== 10)) return undefined;
  if (!factoryImported(c, shapeId)) return undefined;
  if (!servedNames(c)?.has(name.v)) return undefined;
  // The name is read: renaming it must take the full analysis.
  c.read?.push({ start: name.start, end: toks[first].end });
  walkKeys(c, f, open + 1, end);
  // A model string first (`create_agent("openai:gpt-4o-mini", …)`), as a run of the agent reads it (call-shapes-agents.ts).
  if (f.model === undefined && end > open + 1 && keyAt(c, open + 1) < 0) f.model = readModel(c, open + 1, end);
  splitProvider(f, ':');
  const bound: Bound = { start: first, end };
  agentModel(c, f, bound, made, first);
  return bound;
}

// A model call in the node function of a hand-built LangGraph loop runs once per turn of that loop: `builder.add_node(
// "chatbot", chatbot)`, `builder.add_conditional_edges("chatbot", tools_condition)` and `builder.add_edge("tools",
// "chatbot")` send the graph back to the node after each tool call until the model answers without one (the LangGraph
// quickstart's chatbot with tools; langgraph prebuilt/tool_node.py tools_condition: `return "tools"` when the last
// message has tool calls, else END). The node sends the state's messages, which grow by the answer and the tool
// results each turn. Read in the node's own file, Python: the node named by a literal and a function of the file.
// LangGraph bounds a run by graph steps, `recursion_limit`: ⌈N/2⌉ model calls (graph-steps.ts).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { KeyMemo } from '../util/key-memo';
import type { CallSite, RunSite } from '../types';
import { enclosingClass, enclosingDef } from './runnable-tokens';
import { functionDef, functionEnd } from './definitions';
import { hasIdent, identsNamed } from './run-index';
import { USES } from './fstring-holes';
import { keyAt, valueEnd, type Ctx } from './values';
import { importers } from './js-callers';
import { contextOf } from './imported-runnables';
import { basename } from '../resolve/files';
import { graphStepTurns } from './graph-steps';
// The steps-to-turns rule travels with the loops for their other reader (runs.ts: prebuilt agents).
export { graphStepTurns };

interface NodeLoop {
  node: string;
  back: string;
  /** Token span of the edges that make the loop. */
  from: number;
  to: number;
  /** The largest recursion_limit the file states, and where. */
  limit?: { n: number; at: number };
}

const LOOPS = new KeyMemo<Ctx, Map<string, NodeLoop | null>>();

/** The run of the call at `first` when its function is a node of a graph loop in this file. */
export function graphLoopRun(c: Ctx, site: CallSite, first: number): RunSite | undefined {
  if (c.syn.id !== 'python') return undefined;
  const def = enclosingDef(c, first);
  if (def < 0 || c.toks[def - 1]?.v !== 'def') return undefined;
  // The node's function, or the one that makes and returns it (`def agent_node(self): def agent(state): …; return agent`).
  const outer = enclosingDef(c, def - 1);
  const fns = [c.toks[def].v, ...(outer >= 0 && c.toks[outer - 1]?.v === 'def' ? [c.toks[outer].v] : [])];
  // A class whose objects are nodes (`add_node("agent", AgentNode(llm))`): its `__call__` runs.
  const cls = fns[0] === '__call__' ? enclosingClass(c, def) : undefined;
  if (cls) fns.push(cls);
  // The graph may be built below the first screen's cut: a use of the function after it leaves the call to the full
  // analysis (editor/prefix.ts).
  // So may the edges or a recursion_limit: their words after the cut do the same.
  if (c.text.includes('langgraph')) for (const w of [...fns, ...GRAPH_WORDS]) c.forward?.add(USES + w);
  let loop: NodeLoop | undefined;
  for (const fn of fns) if (!loop) loop = loopIn(c, fn);
  const anchor = { start: site.anchor.start, end: site.anchor.end };
  let extent = { start: site.span.start, end: site.span.end };
  let where = '';
  if (loop) {
    const { toks } = c;
    extent = { start: Math.min(extent.start, toks[loop.from].start), end: Math.max(extent.end, toks[loop.to].end) };
    c.read?.push({ start: toks[loop.from].start, end: toks[loop.to].end });
  } else if (outer < 0 && c.index) {
    // A module function a graph module of the package imports (`from app.agent.nodes import agent_node`), at column 0.
    const col = c.toks[def - 2]?.v === 'async' ? c.toks[def - 2].start : c.toks[def - 1].start;
    if (col > 0 && c.text.charCodeAt(col - 1) !== 10) return undefined;
    // Only a function that may be a node: its module names LangGraph, or it takes the graph's `state`.
    if (!c.text.includes('langgraph') && c.toks[def + 2]?.v !== 'state') return undefined;
    for (const o of importers(c, fns[0]).slice(0, MAX_IMPORTERS)) {
      const oc = contextOf(o.scope, c);
      if ((loop = loopIn(oc, o.via ? fns[0] : o.local))) {
        where = ` in ${basename(oc.file)}`;
        break;
      }
    }
  }
  if (!loop) return undefined;
  where = `LangGraph loop "${loop.node}" ⇄ "${loop.back}"${where}`;
  if (loop.limit) return { kind: 'agent', ...graphStepTurns(loop.limit.n, `recursion_limit ${loop.limit.n}`, where), turnsSource: 'code', growsHistory: true, anchor, extent };
  return { kind: 'agent', turnsSource: 'setting', turnsFrom: `${where}: no turn limit by default`, growsHistory: true, anchor, extent };
}

const GRAPH_WORDS = ['add_node', 'add_edge', 'add_conditional_edges', 'recursion_limit'];

/** Modules that import a node's function looked at for the graph. */
const MAX_IMPORTERS = 4;

/** The loop through the node that runs `fn` in the file of `c`, worked out once per file and function. */
function loopIn(c: Ctx, fn: string): NodeLoop | undefined {
  if (!hasIdent(c, 'add_conditional_edges') || !hasIdent(c, 'add_node')) return undefined;
  let map = LOOPS.get(c);
  if (!map) LOOPS.set(c, (map = new Map()));
  let loop = map.get(fn);
  if (loop === undefined) map.set(fn, (loop = nodeLoop(c, fn) ?? null));
  return loop ?? undefined;
}

/** The loop through the node that runs function `fn`: its name, the node that leads back to it, the edges' span. */
function nodeLoop(c: Ctx, fn: string): NodeLoop | undefined {
  const { toks, match } = c;
  // `add_node("chatbot", chatbot)`, or `add_node(chatbot)` named after the function.
  let node: string | undefined;
  let from = -1;
  for (const k of identsNamed(c, 'add_node')) {
    const args = callArgs(c, k);
    if (!args) continue;
    const [a, b] = args;
    const named = toks[a[0]].t === T.Str && b ? nodeFn(c, b) : a[1] === a[0] + 1 ? lastName(c, a) : undefined;
    if (named !== fn) continue;
    node = toks[a[0]].t === T.Str ? toks[a[0]].v : fn;
    from = k;
    break;
  }
  if (node === undefined) return undefined;
  // The nodes the node's conditional edges may go to.
  let to = from;
  let routes: Set<string> | undefined;
  for (const k of identsNamed(c, 'add_conditional_edges')) {
    const args = callArgs(c, k);
    if (!args || args.length < 2 || !isStr(c, args[0], node)) continue;
    routes = destinations(c, args[1], args[2]);
    from = Math.min(from, k);
    to = Math.max(to, match[k + 1]);
    break;
  }
  if (!routes) return undefined;
  // `add_edge("tools", "chatbot")` from one of them.
  for (const k of identsNamed(c, 'add_edge')) {
    const args = callArgs(c, k);
    if (!args || args.length !== 2 || !isStr(c, args[1], node) || toks[args[0][0]].t !== T.Str) continue;
    const back = toks[args[0][0]].v;
    if (!routes.has(back) || back === node) continue;
    return { node, back, from: Math.min(from, k), to: Math.max(to, match[k + 1]), limit: recursionLimit(c) };
  }
  return undefined;
}

/** Where a router may send: its path map (a list or dict literal), `tools_condition`'s "tools", or the strings a same-file router returns. */
function destinations(c: Ctx, router: [number, number], map: [number, number] | undefined): Set<string> {
  const { toks } = c;
  const out = new Set<string>();
  if (map && (isP(toks[map[0]], '[') || isP(toks[map[0]], '{'))) {
    const dict = isP(toks[map[0]], '{');
    for (let k = map[0] + 1; k < map[1] - 1; k = valueEnd(c, k, map[1] - 1) + 1) {
      const v = dict ? keyAt(c, k) + 1 : k;
      if (v > 0 && toks[v]?.t === T.Str && valueEnd(c, v, map[1] - 1) === v + 1) out.add(toks[v].v);
    }
    return out;
  }
  const name = lastName(c, router);
  if (name === 'tools_condition') out.add('tools');
  else if (name) {
    // `return "tools"` in the router's body (a `def should_continue(state)` of this file).
    const def = functionDef(c, name);
    const end = def < 0 ? -1 : functionEnd(c, def);
    for (let k = def + 2; def >= 0 && k <= end; k++) if (toks[k].t === T.Str && toks[k - 1]?.v === 'return') out.add(toks[k].v);
  }
  return out;
}

/** The largest `recursion_limit` the file states (`{"recursion_limit": 50}`, `recursion_limit=50`). */
function recursionLimit(c: Ctx): NodeLoop['limit'] {
  const { toks } = c;
  let best: NodeLoop['limit'];
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'recursion_limit' || !(isP(toks[k + 1], ':') || isP(toks[k + 1], '='))) continue;
    const n = toks[k + 2];
    if (n.t === T.Num && n.n !== undefined && n.n > 0 && (!best || n.n > best.n)) best = { n: Math.floor(n.n), at: k };
  }
  return best;
}

/** The arguments of the method call whose name is at `k` (`.name(…)`), each a token span; undefined when no call. */
function callArgs(c: Ctx, k: number): [number, number][] | undefined {
  const { toks, match } = c;
  if (!isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < 0) return undefined;
  const close = match[k + 1];
  const out: [number, number][] = [];
  for (let a = k + 2; a < close; ) {
    const e = valueEnd(c, a, close);
    if (e <= a) break;
    // Keyword arguments in their order (`add_conditional_edges(source="agent", path=route)`).
    const sep = keyAt(c, a);
    out.push([sep > 0 ? sep + 1 : a, e]);
    if (!isP(toks[e], ',')) break;
    a = e + 1;
  }
  return out;
}

/**
 * The function a node runs: `agent`, `self.agent`; `partial(agent, llm=llm)`; `lambda state: agent(state, llm)`; a
 * call, `AgentNode(llm)` (the class's `__call__`) or `make_agent(llm)` (the function that returns the node's).
 */
function nodeFn(c: Ctx, [a, e]: [number, number]): string | undefined {
  const { toks, match } = c;
  if (toks[a].v === 'lambda') {
    // valueEnd stops at the parameter, taken for a key (`state:`): the body runs to the argument's end.
    let colon = a + 1;
    while (colon < a + 12 && isId(toks[colon]) && isP(toks[colon + 1], ',')) colon += 2;
    if (!isId(toks[colon]) || !isP(toks[colon + 1], ':')) return undefined;
    const q = callee(c, colon + 2, valueEnd(c, colon + 2, Math.min(toks.length, colon + 400)));
    return q < 0 ? undefined : toks[q].v;
  }
  const plain = lastName(c, [a, e]);
  if (plain) return plain;
  const q = callee(c, a, e);
  if (q < 0 || toks[q].v !== 'partial') return q < 0 ? undefined : toks[q].v;
  return lastName(c, [q + 2, valueEnd(c, q + 2, match[q + 1])]);
}

/** The last name of the call that is all of toks[from, e) (`agent(state)`, `functools.partial(…)`), -1 when none. */
function callee(c: Ctx, from: number, e: number): number {
  const { toks, match } = c;
  let q = from;
  while (isId(toks[q]) && isP(toks[q + 1], '.') && q + 2 < e) q += 2;
  return isId(toks[q]) && isP(toks[q + 1], '(') && match[q + 1] === e - 1 ? q : -1;
}

/** The last name of `x`, `self.x`, `nodes.x`: the function a node runs. */
function lastName(c: Ctx, [a, e]: [number, number]): string | undefined {
  const { toks } = c;
  for (let k = a; k < e; k += 2) if (!isId(toks[k]) || (k + 1 < e && !isP(toks[k + 1], '.'))) return undefined;
  return isId(toks[e - 1]) ? toks[e - 1].v : undefined;
}

function isStr(c: Ctx, [a, e]: [number, number], v: string): boolean {
  return e === a + 1 && c.toks[a].t === T.Str && c.toks[a].v === v && !c.toks[a].holes?.length;
}

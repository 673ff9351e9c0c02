// Python: the `@kernel_function` methods of the plugins a file adds to its kernel (`kernel.add_plugin(WeatherPlugin(),
// plugin_name="weather")`), sent as tools by a call with automatic invocation (sk-tool-runs.ts), each as Semantic Kernel
// writes it (microsoft/semantic-kernel python/semantic_kernel/connectors/ai/function_calling_utils.py
// kernel_function_metadata_to_function_call_format: `{"type": "function", "function": {"name": "<plugin>-<function>",
// "description", "parameters": {"type": "object", "properties", "required"}}}`). functions/kernel_function_decorator.py:
// the name and description given to `@kernel_function(…)`, else the method's name and docstring; a parameter's
// description is the first string of its `Annotated[…]`; it is required unless it has a default other than None or is
// Optional. schema/kernel_json_schema_builder.py TYPE_MAPPING: str, int, float, bool, list, dict, set, tuple →
// string, integer, number, boolean, array, object, array, array; the description after the type. The C# plugins are
// read in sk-plugin-tools.ts. Seen with no tool counted in the SDK's python/samples (a tool loop of 0 tool tokens).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { pyBlockEnd } from './body-ends';
import { cleandoc } from './py-docstrings';
import { importedClass } from './imported-classes';

const MAX_PLUGINS = 16;
const MAX_FUNCTIONS = 64;
const TYPES: Record<string, string> = { str: 'string', int: 'integer', float: 'number', bool: 'boolean', list: 'array', List: 'array', dict: 'object', Dict: 'object', set: 'array', tuple: 'array', object: 'object' };

type Fn = { type: 'function'; function: { name: string; description: string; parameters: unknown } };

/** The tools of the plugins this Python file adds to its kernel, or, given `agentOpen` (the bracket of a
 * `ChatCompletionAgent(…)`), of that agent's `plugins=[X(), …]` too (chat_completion_agent.py: the agent's kernel
 * adds them, `kernel.add_plugins(plugins)`, each under its class name); undefined when none is read. Types not read
 * are named in `unread`. */
export function skPluginToolsPy(c: Ctx, at: number, unread: string[] = [], agentOpen = -1): ToolDefs | undefined {
  if (c.syn.id !== 'python') return undefined;
  const { toks, match } = c;
  const out: Fn[] = [];
  const seen = new Set<string>();
  for (let k = 1; k + 1 < toks.length && seen.size < MAX_PLUGINS; k++) {
    if (toks[k].v !== 'add_plugin' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) continue;
    const a = args(c, k + 1, match[k + 1]);
    const plugin = a.find((x) => x.key === 'plugin') ?? a.find((x) => !x.key);
    const named = a.find((x) => x.key === 'plugin_name') ?? a.filter((x) => !x.key)[1];
    // The name given, else the instance's class name (kernel_function_extension.py add_plugin: `getattr(plugin, "name",
    // plugin.__class__.__name__)`; a class with a `name` of its own is not read).
    if (!plugin || (named && (named.to !== named.from + 1 || toks[named.from].t !== T.Str))) continue;
    // Read outside the call: an edit there is seen by the keystroke path (incremental.test.ts).
    c.read?.push({ start: toks[k].start, end: toks[match[k + 1]].end });
    addPlugin(c, plugin, named ? toks[named.from].v : undefined, k, seen, out, unread);
  }
  const list = agentOpen >= 0 && match[agentOpen] > agentOpen ? args(c, agentOpen, match[agentOpen]).find((x) => x.key === 'plugins') : undefined;
  if (list && isP(toks[list.from], '[') && match[list.from] === list.to - 1) {
    for (const el of args(c, list.from, match[list.from])) if (!el.key && seen.size < MAX_PLUGINS) addPlugin(c, el, undefined, agentOpen, seen, out, unread);
  }
  if (!out.length) return undefined;
  return { text: JSON.stringify(out), definitions: out.length, span: { start: toks[at].start, end: toks[at].end } };
}

/** One plugin instance (`WeatherPlugin()` or a name bound to one before `before`): its functions into `out`. */
function addPlugin(c: Ctx, plugin: { from: number; to: number }, given: string | undefined, before: number, seen: Set<string>, out: Fn[], unread: string[]): void {
  const cls = instanceOf(c, plugin.from, plugin.to, before);
  const name = given ?? cls;
  if (!cls || !name || seen.has(name)) return;
  seen.add(name);
  const own = classAt(c, cls);
  const imp = own < 0 ? importedClass(c, cls) : undefined;
  const scope: EvalScope | undefined = own >= 0 ? c : imp?.scope;
  const start = own >= 0 ? own : scope ? classAt(scope, cls) : -1;
  if (!given && start >= 0 && ownName(scope!, start)) return;
  if (scope && start >= 0) out.push(...functionsOf(scope, start, name, unread, scope === c ? c : undefined));
  // A plugin of a package (`TimePlugin` of semantic_kernel.core_plugins): its functions go too, not counted.
  else unread.push(`${name} plugin (${cls}): its functions not counted`);
}

/** `WeatherPlugin()` (or a name assigned it before `before`): the class. */
function instanceOf(c: Ctx, from: number, to: number, before: number): string | undefined {
  const { toks, match } = c;
  if (isId(toks[from]) && isP(toks[from + 1], '(') && match[from + 1] === to - 1) return /^[A-Z]/.test(toks[from].v) ? toks[from].v : undefined;
  if (to !== from + 1 || !isId(toks[from])) return undefined;
  // assignmentBefore gives the bound value's first token.
  const k = assignmentBefore(c, toks[from].v, before);
  if (k < 0) return undefined;
  return isId(toks[k]) && /^[A-Z]/.test(toks[k].v) && isP(toks[k + 1], '(') && match[k + 1] > k ? toks[k].v : undefined;
}

/** Does the class at toks[at] set a `name` (its plugin's name then, not the class's)? */
function ownName(s: EvalScope, at: number): boolean {
  const { toks } = s;
  for (let k = at + 2; k < toks.length && k < at + 4000; k++) {
    if (toks[k].v === 'class' && isId(toks[k])) return false;
    // `name = "…"` in the class body or `self.name = …`; a keyword argument (`@kernel_function(name="tick")`) is not.
    const keyword = isP(toks[k - 1], '(') || isP(toks[k - 1], ',');
    if (toks[k].v === 'name' && isP(toks[k + 1], '=') && !keyword && (!isP(toks[k - 1], '.') || toks[k - 2]?.v === 'self')) return true;
  }
  return false;
}

/** Token index of `class <cls>` in s, or -1. */
function classAt(s: EvalScope, cls: string): number {
  return s.toks.findIndex((t, i) => t.v === 'class' && isId(t) && s.toks[i + 1]?.v === cls);
}

/** The `@kernel_function` methods of the class whose `class` keyword is toks[at]; the class's text recorded as read in
 * `here` when it is the scanned file's. */
function functionsOf(s: EvalScope, at: number, plugin: string, unread: string[], here?: Ctx): Fn[] {
  const { toks, match } = s;
  let colon = at + 2;
  if (isP(toks[colon], '(') && match[colon] > colon) colon = match[colon] + 1;
  if (!isP(toks[colon], ':')) return [];
  const end = pyBlockEnd(s, colon + 1, at);
  if (end > at) here?.read?.push({ start: toks[at].start, end: toks[Math.min(end, toks.length) - 1].end });
  const out: Fn[] = [];
  for (let k = colon + 1; k < end && out.length < MAX_FUNCTIONS; k++) {
    if (!isP(toks[k], '@') || toks[k + 1]?.v !== 'kernel_function') continue;
    const opts = new Map<string, string>();
    let d = k + 2;
    if (isP(toks[d], '(') && match[d] > d) {
      for (const x of args(s as Ctx, d, match[d])) if (x.key && x.to === x.from + 1 && toks[x.from].t === T.Str) opts.set(x.key, toks[x.from].v);
      d = match[d] + 1;
    }
    while (d < end && isP(toks[d], '@')) d++; // another decorator: its name follows
    let def = d;
    while (def < end && def < d + 40 && toks[def].v !== 'def') def++;
    const open = def + 2;
    if (toks[def]?.v !== 'def' || !isP(toks[open], '(') || !(match[open] > open)) continue;
    let body = match[open] + 1;
    while (body < end && !isP(toks[body], ':')) body++;
    const doc = toks[body + 1]?.t === T.Str ? toks[body + 1].v : undefined;
    const description = opts.get('description') ?? (doc !== undefined ? cleandoc(doc) : '');
    const name = `${plugin}-${opts.get('name') ?? toks[def + 1].v}`;
    out.push({ type: 'function', function: { name, description, parameters: parameters(s, open, name, unread) } });
    k = match[open];
  }
  return out;
}

/** The parameters schema of the def whose `(` is toks[open], as SK builds it. */
function parameters(s: EvalScope, open: number, fn: string, unread: string[]): unknown {
  const { toks, match } = s;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const a of args(s as Ctx, open, match[open])) {
    // `city: Annotated[str, "…"]` and `label=None` come keyed (calls.ts args); `self`, `*args` bare.
    const keyed = a.key !== undefined && (isP(toks[a.from - 1], ':') || isP(toks[a.from - 1], '='));
    const p = keyed ? a.key! : isId(toks[a.from]) && a.to === a.from + 1 ? toks[a.from].v : undefined;
    if (!p || p === 'self' || p === 'cls' || isP(toks[a.from - 2], '*') || isP(toks[a.from - 2], '**') || isP(toks[a.from - 1], '*') || isP(toks[a.from - 1], '**')) continue;
    const annotated = keyed && isP(toks[a.from - 1], ':');
    let eq = annotated ? a.from : a.to;
    if (annotated) while (eq < a.to && !isP(toks[eq], '=')) eq++;
    if (keyed && !annotated) eq = a.from - 1;
    const ann = annotated ? typeOf(s, a.from, eq) : { type: undefined, optional: false };
    if (ann.type === undefined && annotated) {
      const label = `${fn}(${p}): its type not read`;
      if (!unread.includes(label)) unread.push(label);
    }
    const hasDefault = eq < a.to;
    const noneDefault = hasDefault && a.to === eq + 2 && toks[eq + 1]?.v === 'None';
    properties[p] = { type: ann.type ?? 'object', ...(ann.items ? { items: { type: ann.items } } : {}), ...(ann.description !== undefined ? { description: ann.description } : {}) };
    if ((!hasDefault || noneDefault) && !ann.optional) required.push(p);
  }
  return { type: 'object', properties, required };
}

type Ann = { type?: string; items?: string; description?: string; optional: boolean };

/** `Annotated[str, "The city"]`, `str | None`, `Optional[int]`, `list[str]`: the JSON type SK writes. */
function typeOf(s: EvalScope, a: number, b: number): Ann {
  const { toks, match } = s;
  if (a >= b) return { optional: false };
  let k = a;
  while (isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2; // `typing.Annotated`
  const name = toks[k].v;
  const close = isP(toks[k + 1], '[') ? match[k + 1] : -1;
  // `X | None`: optional.
  const bar = toks.slice(a, b).findIndex((t, i) => isP(t, '|') && !(close > 0 && a + i > k + 1 && a + i < close));
  if (bar >= 0) {
    const parts = [typeOf(s, a, a + bar), typeOf(s, a + bar + 1, b)];
    const real = parts.filter((x) => x.type !== 'null');
    return real.length === 1 ? { ...real[0], optional: true } : { optional: false };
  }
  if (name === 'None' && b === k + 1) return { type: 'null', optional: true };
  const inner = close > 0 ? args(s as Ctx, k + 1, close) : [];
  if (name === 'Annotated' && inner.length) {
    const t = typeOf(s, inner[0].from, inner[0].to);
    const str = inner.slice(1).find((x) => x.to === x.from + 1 && toks[x.from].t === T.Str);
    return { ...t, ...(str ? { description: toks[str.from].v } : {}) };
  }
  if (name === 'Optional' && inner.length === 1) return { ...typeOf(s, inner[0].from, inner[0].to), optional: true };
  const type = TYPES[name];
  if (!type || (close < 0 ? k + 1 !== b : close + 1 !== b)) return { optional: false };
  const item = type === 'array' && inner.length === 1 ? TYPES[toks[inner[0].from].v] : undefined;
  return { type, ...(item && inner[0].to === inner[0].from + 1 ? { items: item } : {}), optional: false };
}

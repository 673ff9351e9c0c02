// The kernel functions a Semantic Kernel call with automatic invocation sends as tools (sk-tool-runs.ts): the
// `[KernelFunction]` methods of the classes the file adds as plugins (`kernel.ImportPluginFromType<T>()`,
// `builder.Plugins.AddFromType<T>()`, `KernelPluginFactory.CreateFromType<T>()`), read in their class's file. Each is
// sent as the OpenAI connector writes it (microsoft/semantic-kernel dotnet/src/Connectors/Connectors.OpenAI/Core/
// OpenAIFunction.cs ToFunctionDefinition): the name `Plugin-Function` (NameSeparator "-"; the plugin's name is the
// type's unless given), the `[Description]`, and parameters `{"type":"object","required":[…],"properties":{…}}` with
// each parameter's type and description. A method returning a task loses its "Async" suffix (KernelNameAttribute
// remarks). Form seen in pwhsueh/SemanticKernelDemo Program.cs:21 (held64 Q1): two plugin classes, four functions,
// counted 0 tool tokens before.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { classScopes } from './class-files';
import { args } from './calls';

/** Plugin classes read per call, and functions per class, at most. */
const MAX_PLUGINS = 16;
const MAX_FUNCTIONS = 64;
/** `ImportPluginFromType<T>(…)`, `Plugins.AddFromType<T>(…)`, `CreatePluginFromType<T>(…)`, `KernelPluginFactory.CreateFromType<T>(…)`. */
const ADDERS = new Set(['ImportPluginFromType', 'AddFromType', 'CreatePluginFromType', 'CreateFromType']);
/** Parameters SK fills itself (KernelFunctionFromMethod): never in the schema. */
const INJECTED = new Set(['Kernel', 'KernelFunction', 'KernelArguments', 'CancellationToken', 'ILogger', 'ILoggerFactory', 'IServiceProvider', 'CultureInfo', 'IFormatProvider', 'IAIServiceSelector']);
const JSON_TYPES: Record<string, string> = {
  string: 'string', String: 'string', char: 'string', Guid: 'string', DateTime: 'string', DateTimeOffset: 'string',
  int: 'integer', long: 'integer', short: 'integer', byte: 'integer', uint: 'integer', ulong: 'integer', Int32: 'integer', Int64: 'integer',
  double: 'number', float: 'number', decimal: 'number', Double: 'number', Single: 'number', Decimal: 'number',
  bool: 'boolean', Boolean: 'boolean',
};

type Fn = { type: 'function'; function: { name: string; description?: string; parameters: unknown } };

/** The tools of the plugins this file adds to its kernel; undefined when it adds none whose class is read. */
export function skPluginTools(c: Ctx, at: number): ToolDefs | undefined {
  if (c.syn.id !== 'csharp') return undefined;
  const { toks, match } = c;
  const out: Fn[] = [];
  const seen = new Set<string>();
  for (let k = 0; k + 4 < toks.length && seen.size < MAX_PLUGINS; k++) {
    if (!ADDERS.has(toks[k].v) || !isId(toks[k]) || !isP(toks[k + 1], '<') || !isId(toks[k + 2]) || !isP(toks[k + 3], '>') || !isP(toks[k + 4], '(')) continue;
    const cls = toks[k + 2].v;
    const a = match[k + 4] > k + 4 ? args(c, k + 4, match[k + 4]) : [];
    // `ImportPluginFromType<T>("name")`: the plugin's name, else the type's (KernelPluginFactory.CreateFromType).
    const named = a.find((x) => !x.key || x.key === 'pluginName');
    const plugin = named && named.to === named.from + 1 && toks[named.from].t === T.Str ? toks[named.from].v : cls;
    if (seen.has(plugin)) continue;
    seen.add(plugin);
    const own = toks.some((t, i) => t.v === 'class' && isId(t) && toks[i + 1]?.v === cls) ? (c as EvalScope) : undefined;
    const scope = own ?? classScopes(c, cls).next().value;
    if (scope) out.push(...functionsOf(scope, cls, plugin));
  }
  if (!out.length) return undefined;
  return { text: JSON.stringify(out), definitions: out.length, span: { start: toks[at].start, end: toks[at].end } };
}

/** The `[KernelFunction]` methods of class `cls` in scope s, as the connector sends them. */
function functionsOf(s: EvalScope, cls: string, plugin: string): Fn[] {
  const { toks, match } = s;
  const out: Fn[] = [];
  let k = 0;
  while (k + 1 < toks.length && !(toks[k].v === 'class' && toks[k + 1].v === cls)) k++;
  let open = k;
  while (open < toks.length && !isP(toks[open], '{')) open++;
  const close = match[open] > open ? match[open] : toks.length;
  for (k = open + 1; k < close && out.length < MAX_FUNCTIONS; k++) {
    if (!isP(toks[k], '[') || !(match[k] > k)) continue;
    // The attribute lists before one method: `[KernelFunction, Description("…")]` or `[KernelFunction("name")]` `[Description("…")]`.
    let fnName: string | undefined;
    let description: string | undefined;
    let kernel = false;
    let j = k;
    while (isP(toks[j], '[') && match[j] > j) {
      const a = attrs(s, j);
      kernel ||= a.kernel;
      fnName ??= a.name;
      description ??= a.description;
      j = match[j] + 1;
    }
    if (!kernel) {
      k = j - 1;
      continue;
    }
    // The header up to the parameters: its last name is the method's.
    let p = j;
    while (p < close && !isP(toks[p], '(') && !isP(toks[p], '{') && !isP(toks[p], ';')) p++;
    if (!isP(toks[p], '(') || !isId(toks[p - 1]) || !(match[p] > p)) continue;
    const task = toks.slice(j, p).some((t) => t.v === 'Task' || t.v === 'ValueTask');
    const method = toks[p - 1].v;
    const name = fnName ?? (task && method.endsWith('Async') && method.length > 5 ? method.slice(0, -5) : method);
    out.push({ type: 'function', function: { name: `${plugin}-${name}`, ...(description ? { description } : {}), parameters: parameters(s, p) } });
    k = match[p];
  }
  return out;
}

/** What one attribute list `[…]` at toks[open] says. */
function attrs(s: EvalScope, open: number): { kernel: boolean; name?: string; description?: string } {
  const { toks, match } = s;
  const out: { kernel: boolean; name?: string; description?: string } = { kernel: false };
  for (let k = open + 1; k < match[open]; k++) {
    const str = isP(toks[k + 1], '(') && toks[k + 2]?.t === T.Str ? toks[k + 2].v : undefined;
    if (toks[k].v === 'KernelFunction') {
      out.kernel = true;
      if (str !== undefined) out.name = str;
    } else if (toks[k].v === 'Description' && str !== undefined) out.description = str;
    if (isP(toks[k + 1], '(') && match[k + 1] > k) k = match[k + 1];
  }
  return out;
}

/** The parameters schema of the method whose `(` is toks[open]. */
function parameters(s: EvalScope, open: number): unknown {
  const { toks, match } = s;
  const required: string[] = [];
  const properties: Record<string, unknown> = {};
  for (const a of args(s as Ctx, open, match[open])) {
    let k = a.from;
    let description: string | undefined;
    while (isP(toks[k], '[') && match[k] > k && match[k] < a.to) {
      description ??= attrs(s, k).description;
      k = match[k] + 1;
    }
    let eq = k;
    while (eq < a.to && !isP(toks[eq], '=')) eq++;
    const name = toks[eq - 1];
    if (!isId(name) || eq - 1 <= k - 1) continue;
    const typeToks = toks.slice(k, eq - 1).filter((t) => !['this', 'ref', 'out', 'in', 'params'].includes(t.v));
    const type = typeToks[0]?.v ?? '';
    if (INJECTED.has(type)) continue;
    const nullable = typeToks.some((t) => t.v === '?');
    const json = JSON_TYPES[type] ?? (typeToks.some((t) => t.v === '[' || t.v === 'List' || t.v === 'IEnumerable') ? 'array' : 'object');
    const members = json === 'object' && typeToks.length <= 2 ? enumMembers(s, type) : undefined;
    // `Color[]`, `List<Color>`: an array of the enum's names.
    const element = json === 'array' ? typeToks.find((t) => isId(t) && t.v !== 'List' && t.v !== 'IEnumerable') : undefined;
    const items = element && !JSON_TYPES[element.v] ? enumMembers(s, element.v) : undefined;
    if (items) {
      properties[name.v] = { ...(description ? { description } : {}), type: nullable ? ['array', 'null'] : 'array', items: { type: 'string', enum: items } };
      if (eq >= a.to) required.push(name.v);
      continue;
    }
    if (members) {
      // SK writes an enum as its names (KernelJsonSchemaBuilder's JsonStringEnumConverter): a string schema.
      properties[name.v] = { ...(description ? { description } : {}), type: nullable ? ['string', 'null'] : 'string', enum: nullable ? [...members, null] : members };
      if (eq >= a.to) required.push(name.v);
      continue;
    }
    properties[name.v] = { ...(description ? { description } : {}), type: nullable ? [json, 'null'] : json };
    if (eq >= a.to) required.push(name.v);
  }
  return { type: 'object', required, properties };
}

/** Members of the C# `enum type { A, B = 2 }` declared in s or in the workspace file of its name, or undefined. */
function enumMembers(s: EvalScope, type: string): string[] | undefined {
  const own = s.toks.some((t, i) => t.v === type && s.toks[i - 1]?.v === 'enum');
  const scope: EvalScope | undefined = own ? s : classScopes(s, type).next().value ?? undefined;
  if (!scope) return undefined;
  const { toks, match } = scope;
  const k = toks.findIndex((t, i) => t.v === type && isId(t) && toks[i - 1]?.v === 'enum');
  let open = k + 1;
  while (k >= 0 && open < k + 6 && !isP(toks[open], '{')) open++;
  if (k < 0 || !isP(toks[open], '{') || !(match[open] > open)) return undefined;
  const out: string[] = [];
  for (let j = open + 1; j < match[open]; j++) {
    // `[Description("…")] Metric`: past the attribute; `B = 2`: past the value.
    if (isP(toks[j], '[') && match[j] > j) j = match[j];
    else if (isId(toks[j]) && (isP(toks[j - 1], '{') || isP(toks[j - 1], ',') || isP(toks[j - 1], ']'))) out.push(toks[j].v);
  }
  return out.length ? out : undefined;
}

// The tool definitions a Pydantic AI `Agent(…)` is given where it is made, sent with every request of its run
// (pydantic/pydantic-ai at 4fda3898, v2.33.0 + 11):
//   `tools=[get_weather, Tool(get_time, name=…, description=…)]`: a function tool each, built from the def as for
//     `@agent.tool` (_function_schema.py; py-tool-schema.ts); `Tool(function, *, name=None, description=None, …)` uses
//     `name or function.__name__` and `description or function_schema.description` (tools.py Tool.__init__).
//   `output_type=Model` (also `A | B`, `[A, B]`, `bool`, `list[Model]`): the default structured output mode is 'tool'
//     (models/__init__.py `profile.get('default_structured_output_mode', 'tool')`), an output tool per type
//     (_output.py OutputToolset.build): named `final_result` (DEFAULT_OUTPUT_TOOL_NAME), `final_result_<Type>` when
//     there are several; described by the class docstring, else 'The final response which ends this conversation'
//     (DEFAULT_OUTPUT_TOOL_DESCRIPTION), prefixed `<Type>: ` when there are several; its parameters the class's
//     JSON schema with property titles removed (tools.py GenerateToolJsonSchema) and the description moved out, a type
//     that is no model (`bool`, `list[Model]`) wrapped as `{"response": …}` (ObjectOutputProcessor). `str` is text
//     output, no tool; `DeferredToolRequests` adds none.
// Seen in pydantic-ai examples (bank_support.py `output_type=SupportOutput`, flight_booking.py `FlightDetails |
// NoFlightFound`, roulette_wheel.py `output_type=bool`): none of these definitions were counted.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite } from '../types';
import { keyAt, type Ctx } from './values';
import { itemEnd, label, type Json } from './zod-schema';
import { decoratedTool } from './py-decorated-tools';
import { pydanticClassSchema } from './py-pydantic-schema';
import { assigned } from './tools';
import { commonToolDef } from './pydantic-ai-common-tools';

type Obj = { [k: string]: Json };
const OUTPUT_NAME = 'final_result';
const OUTPUT_DESCRIPTION = 'The final response which ends this conversation';
const SCALARS: Record<string, Obj> = { bool: { type: 'boolean' }, int: { type: 'integer' }, float: { type: 'number' } };
/** `output_type=`, and `result_type=`, its name before 0.1: pydantic_ai_slim/pydantic_ai/agent.py at 005b48a5 `if
 * 'result_type' in _deprecated_kwargs: … output_type = _deprecated_kwargs['result_type']`, built the same way. */
const OUTPUT_KEYS = new Set(['output_type', 'result_type']);
/** Output types that add no output tool: text output, and the deferred-tool marker (_output.py OutputSchema.build). */
const NO_TOOL = new Set(['str', 'DeferredToolRequests']);

/**
 * Sets the site's tools to those the construction made[0..1] gives by `tools=[…]` and `output_type=` when it writes
 * either out; a piece it cannot read is named on the call and not counted. The decorators' tools are added after
 * (py-agent-decorators.ts).
 */
export function agentOwnTools(c: Ctx, site: CallSite, made: [number, number]): void {
  const { toks, match } = c;
  let open = made[0];
  while (open < made[1] && !isP(toks[open], '(')) open++;
  const close = match[open];
  if (!isP(toks[open], '(') || close === undefined || close < 0) return;
  const defs: string[] = [];
  const unread: string[] = [];
  let [from, to, found, functions] = [Infinity, -1, false, false];
  for (let k = open + 1; k < close; k = itemEnd(c, k, close) + 1) {
    const key = toks[k].v;
    if (!isId(toks[k]) || keyAt(c, k) !== k + 1 || !isP(toks[k + 1], '=') || (key !== 'tools' && !OUTPUT_KEYS.has(key))) continue;
    const [v, e] = [k + 2, itemEnd(c, k + 2, close)];
    if (v >= e) continue;
    // `tools=TOOLS` (a name): read as any tools value was (tools.ts), not here.
    if (key === 'tools' && !(isP(toks[v], '[') && match[v] === e - 1)) continue;
    const got = key === 'tools' ? toolList(c, v, made[0], unread) : outputTools(c, v, e, unread);
    if (got === undefined) continue;
    found = true;
    functions ||= key === 'tools' && got.length > 0;
    defs.push(...got);
    [from, to] = [Math.min(from, toks[k].start), Math.max(to, toks[e - 1].end)];
  }
  if (!found) return;
  const span = { start: from, end: to };
  for (const l of unread) site.parts.push({ text: '', span, resolved: false, label: l });
  if (!defs.length) return;
  site.tools = { text: `[${defs.join(',')}]`, definitions: defs.length, span };
  // Output tools alone are how the structured output is asked for, not tools the agent acts with.
  const use = functions ? 'tools' : 'structured-output';
  (site.uses ??= []).includes(use) || site.uses.push(use);
}

/** The function tools of a `[…]` list opening at toks[open]: their JSON texts. */
function toolList(c: Ctx, open: number, before: number, unread: string[]): string[] {
  const { toks, match } = c;
  const out: string[] = [];
  for (let k = open + 1; k < match[open]; k = itemEnd(c, k, match[open]) + 1) {
    const e = itemEnd(c, k, match[open]);
    if (k >= e) continue;
    let fn: string | undefined;
    let options = new Map<string, string>();
    // `duckduckgo_search_tool()`: one of pydantic_ai.common_tools (pydantic-ai-common-tools.ts).
    const common = isId(toks[k]) && isP(toks[k + 1], '(') && match[k + 1] === e - 1 ? commonToolDef(c, toks[k].v) : undefined;
    if (common) {
      out.push(common);
      continue;
    }
    if (isId(toks[k]) && e === k + 1) {
      fn = toks[k].v;
      // `greet_tool = Tool(greet, …)` before the agent: the Tool it holds.
      const [at, b] = assigned(c, fn, before);
      if (at >= 0 && b > 0 && isP(toks[b], '(') && toks[b - 1].v === 'Tool' && b === at + 3) {
        [fn, options] = toolArgs(c, b);
        c.read?.push({ start: toks[at].start, end: toks[match[b]].end });
      }
    } else if (toks[k].v === 'Tool' && isP(toks[k + 1], '(') && match[k + 1] === e - 1) [fn, options] = toolArgs(c, k + 1);
    const def = fn === undefined ? undefined : decoratedTool(c, fn, before, unread, 'pydantic-ai');
    if (!def) {
      unread.push(`tool ${label(c, k, e)} (defined elsewhere or made at run time): not counted`);
      continue;
    }
    c.read?.push({ start: def.from, end: toks[e - 1].end });
    const parsed = JSON.parse(def.text) as { name: string; description?: string; parameters: Obj };
    const name = options.get('name') ?? parsed.name;
    const description = options.get('description') ?? parsed.description;
    out.push(JSON.stringify({ name, ...(description ? { description } : {}), parameters: parsed.parameters }));
  }
  return out;
}

/** `Tool(fn, name='…', description='…')` (or `function=fn`): the function's name and the literal options. */
function toolArgs(c: Ctx, open: number): [string | undefined, Map<string, string>] {
  const { toks, match } = c;
  const options = new Map<string, string>();
  let fn: string | undefined;
  for (let k = open + 1; k < match[open]; k = itemEnd(c, k, match[open]) + 1) {
    const e = itemEnd(c, k, match[open]);
    if (k === open + 1 && isId(toks[k]) && e === k + 1) fn = toks[k].v;
    else if (isId(toks[k]) && isP(toks[k + 1], '=') && e === k + 3) {
      if (toks[k].v === 'function' && isId(toks[k + 2])) fn = toks[k + 2].v;
      else if (toks[k + 2].t === T.Str) options.set(toks[k].v, toks[k + 2].v);
    }
  }
  return [fn, options];
}

/** The output tools of `output_type=` toks[v, e): undefined when the form is not one read here (named, not counted). */
function outputTools(c: Ctx, v: number, e: number, unread: string[]): string[] | undefined {
  const { toks, match } = c;
  const types: [number, number][] = [];
  // `A | B | C`, or a list `[A, B]`: its members; else one type.
  const [a, b] = isP(toks[v], '[') && match[v] === e - 1 ? [v + 1, e - 1] : [v, e];
  for (let k = a; k < b; ) {
    let j = k;
    while (j < b && !isP(toks[j], '|') && !isP(toks[j], ',')) j = isP(toks[j], '[') && match[j] > j ? match[j] + 1 : j + 1;
    if (j > k) types.push([k, j]);
    k = j + 1;
  }
  const kept = types.filter(([s, t]) => !(t === s + 1 && NO_TOOL.has(toks[s].v)));
  const several = kept.length > 1;
  const out: string[] = [];
  for (const [s, t] of kept) {
    const one = outputTool(c, s, t, several, unread);
    if (one === undefined) {
      unread.push(`output type ${label(c, s, t)}: its schema not counted`);
      continue;
    }
    out.push(one);
  }
  return out;
}

/** One output tool's JSON text for the type toks[s, t) (a class of the workspace, a scalar, `list[…]` of either). */
function outputTool(c: Ctx, s: number, t: number, several: boolean, unread: string[]): string | undefined {
  const { toks, match } = c;
  let schema: Obj | undefined;
  let typeName: string;
  let description: string | undefined;
  if (t === s + 1 && isId(toks[s]) && SCALARS[toks[s].v]) {
    typeName = toks[s].v;
    schema = sent(wrapped(SCALARS[typeName]));
  } else if (t === s + 1 && isId(toks[s])) {
    typeName = toks[s].v;
    const cls = pydanticClassSchema(c, typeName, unread);
    if (!cls) return undefined;
    if (typeof cls.title === 'string') typeName = cls.title;
    schema = sent(cls);
    if (typeof schema.description === 'string') description = schema.description;
    delete schema.description;
  } else if ((toks[s].v === 'list' || toks[s].v === 'List') && isP(toks[s + 1], '[') && match[s + 1] === t - 1 && t === s + 4 && isId(toks[s + 2])) {
    // `list[Model]`: no model, so wrapped; the model goes to `$defs` (pydantic's TypedDict schema).
    const inner = toks[s + 2].v;
    typeName = `list${inner}`;
    if (SCALARS[inner]) schema = sent(wrapped({ items: SCALARS[inner], type: 'array' }));
    else {
      const cls = pydanticClassSchema(c, inner, unread);
      if (!cls) return undefined;
      const { $defs, ...own } = cls;
      const title = typeof own.title === 'string' ? own.title : inner;
      schema = sent({ $defs: { ...(($defs ?? {}) as Obj), [title]: own }, ...wrapped({ items: { $ref: `#/$defs/${title}` }, type: 'array' }) });
    }
  } else return undefined;
  const name = several ? `${OUTPUT_NAME}_${typeName}` : OUTPUT_NAME;
  const desc = description ?? (several ? `${typeName}: ${OUTPUT_DESCRIPTION}` : OUTPUT_DESCRIPTION);
  return JSON.stringify({ name, description: desc, parameters: schema });
}

function wrapped(inner: Obj): Obj {
  return { properties: { response: inner }, required: ['response'], type: 'object' };
}

/**
 * The schema as Pydantic AI sends it to OpenAI models (profiles/openai.py OpenAIJsonSchemaTransformer.transform, strict
 * unset): every `title` removed, `additionalProperties: false` on each object, which gets `properties` if it has none
 * (GenerateToolJsonSchema already drops property titles). Other providers' transformers differ by a few keys.
 */
function sent(o: Obj): Obj {
  const out: Obj = {};
  const each = (v: Json): Json => (v && typeof v === 'object' && !Array.isArray(v) ? sent(v) : v);
  for (const [k, v] of Object.entries(o)) {
    if (k === 'title') continue;
    const map = v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    if ((k === 'properties' || k === '$defs') && map) out[k] = Object.fromEntries(Object.entries(map).map(([p, ps]) => [p, each(ps)]));
    else if ((k === 'anyOf' || k === 'allOf' || k === 'oneOf' || k === 'prefixItems') && Array.isArray(v)) out[k] = v.map(each);
    else if (k === 'items' || k === 'additionalProperties') out[k] = each(v);
    else out[k] = v;
  }
  if (out.type === 'object') {
    out.properties ??= {};
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  return out;
}

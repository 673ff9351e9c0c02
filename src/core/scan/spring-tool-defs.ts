// The tool definitions a Spring AI ChatClient bean given `defaultTools(bean, …)` sends with every request: the `@Tool`
// methods of each object's class (spring-ai-model MethodToolCallbackProvider), read in the class's file. Each is sent as
// spring-projects/spring-ai builds it (read at fd3fd6ec, v2.0.1 + 2; spring-petclinic-ai pins 2.0.0-M1):
//   name: `@Tool(name = …)` else the method's name; description: `@Tool(description = …)` else the method's name
//     (spring-ai-model tool/support/ToolUtils.java getToolName, getToolDescription);
//   parameters: util/json/schema/JsonSchemaGenerator.java generateForMethodInput: `{"$schema": draft 2020-12, "type":
//     "object", "properties": {…}, "required": […], "additionalProperties": false}`, every parameter required unless
//     `@ToolParam(required = false)` / `@Nullable`, its description from `@ToolParam(description = …)`, a ToolContext
//     parameter left out; sent by the OpenAI model as a function tool (OpenAiChatModel ChatCompletionFunctionTool).
// A parameter of a class of the application (`Owner owner`) is the schema of its fields (jvm-class-schema.ts); one whose
// type is not read is `{}` and named as not counted. Seen in spring-petclinic/spring-petclinic-ai
// genai/ChatConfiguration.java (`.defaultTools(petclinicTools)`, PetclinicTools.java: four @Tool methods), whose call
// counted no tool definition.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { classScopes } from './class-files';
import { args } from './calls';
import { classBody } from './jvm-class-props';
import { fieldTypeSchema } from './jvm-class-schema';

/** Classes read per bean, and tools per class, at most. */
const [MAX_CLASSES, MAX_TOOLS] = [16, 64];
const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
// A method parameter's type gets no `format` (JsonSchemaGeneratorTests generateSchemaForMethodWithSimpleParameters at
// fd3fd6ec, v2.0.1 + 2: `int age` → `{"type": "integer"}`; a field of a class would have `"format": "int32"`).
const [STR, INT, NUM, BOOL] = [{ type: 'string' }, { type: 'integer' }, { type: 'number' }, { type: 'boolean' }];
const SCALARS: Record<string, { [k: string]: Json }> = {
  String: STR, char: STR, Character: STR, int: INT, Integer: INT, long: INT, Long: INT, short: INT, Short: INT, byte: INT, Byte: INT,
  double: NUM, Double: NUM, float: NUM, Float: NUM, boolean: BOOL, Boolean: BOOL,
};
/** LangChain4j fills these itself (ToolSpecifications parametersFrom): never in the schema. */
const L4J_MANAGED = new Set(['InvocationParameters', 'InvocationContext']);
const LISTS = new Set(['List', 'Set', 'Collection', 'Iterable', 'ArrayList']);

/** Whose `@Tool` annotation: Spring AI's (org.springframework.ai.tool.annotation) or LangChain4j's (dev.langchain4j.agent.tool). */
export type ToolFlavor = 'spring-ai' | 'langchain4j';

export interface SpringTools {
  text: string;
  definitions: number;
  /** Parameters whose schema is not read. */
  unknown: string[];
}

/** The tools of the objects `.defaultTools(…)` is given in toks[from, to) of a bean method whose parameters are
 * toks[params[0], params[1]); undefined when none is read. */
export function springToolDefs(c: Ctx, params: readonly [number, number], from: number, to: number): SpringTools | undefined {
  const { toks, match } = c;
  const classes: string[] = [];
  for (let d = from; d + 2 < to; d++) {
    if (!isP(toks[d], '.') || toks[d + 1].v !== 'defaultTools' || !isP(toks[d + 2], '(') || !(match[d + 2] > d)) continue;
    for (const a of args(c, d + 2, match[d + 2])) {
      // `new WeatherTools()`, or a parameter of the bean method (`PetclinicTools petclinicTools`).
      if (toks[a.from].v === 'new' && isId(toks[a.from + 1])) classes.push(toks[a.from + 1].v);
      else if (a.to === a.from + 1 && isId(toks[a.from])) {
        const type = paramType(c, params, toks[a.from].v);
        if (type) classes.push(type);
      }
    }
  }
  return classToolDefs(c, classes);
}

/** The Spring AI `@Tool` methods of the classes named (ToolCallbacks.from → MethodToolCallbackProvider); undefined when
 * none is read. `found` collects the classes whose file imports Spring AI's @Tool. */
export function classToolDefs(c: Ctx, classes: string[], found?: Set<string>): SpringTools | undefined {
  const { toks } = c;
  const defs: Json[] = [];
  const unknown: string[] = [];
  for (const cls of [...new Set(classes)].slice(0, MAX_CLASSES)) {
    const own = toks.some((t, i) => t.v === 'class' && toks[i + 1]?.v === cls) ? (c as EvalScope) : undefined;
    const scope = own ?? classScopes(c, cls).next().value;
    if (!scope || !/\bimport\s+org\.springframework\.ai\.tool\.annotation\.(?:Tool\b|\*)/.test(scope.text)) continue;
    found?.add(cls);
    toolsOf(scope, cls, defs, unknown, 'spring-ai');
  }
  return defs.length ? { text: JSON.stringify(defs), definitions: defs.length, unknown } : undefined;
}

/** The declared type of `name` among toks[from, to): Java `Type name` (a parameter or a field), Kotlin `name: Type`. */
export function paramType(c: Ctx, [from, to]: readonly [number, number], name: string): string | undefined {
  const { toks } = c;
  for (let p = Math.max(from, 1); p < to; p++) {
    if (toks[p].v !== name || !isId(toks[p]) || isP(toks[p - 1], '.')) continue;
    const after = toks[p + 1];
    if (isId(toks[p - 1]) && !JAVA_WORDS.has(toks[p - 1].v) && (isP(after, ',') || isP(after, ')') || isP(after, ';') || p + 1 === to)) return toks[p - 1].v;
    if (c.syn.id === 'kotlin' && isP(after, ':') && isId(toks[p + 2]) && (isP(toks[p + 3], ',') || isP(toks[p + 3], ')'))) return toks[p + 2].v;
  }
  return undefined;
}

const JAVA_WORDS = new Set(['return', 'new', 'final', 'val', 'var', 'this', 'throw', 'else']);

/** The `@Tool` methods of class `cls` in scope s, as the flavor's SDK sends them. */
export function toolsOf(s: EvalScope, cls: string, defs: Json[], unknown: string[], flavor: ToolFlavor): void {
  const { toks, match } = s;
  const body = classBody(s, cls);
  if (!body) return;
  const close = body[1];
  for (let k = body[0] + 1; k < close && defs.length < MAX_TOOLS; k++) {
    if (isP(toks[k], '{') && match[k] > k) k = match[k]; // a method's body
    if (!isP(toks[k], '@') || toks[k + 1]?.v !== 'Tool' || isP(toks[k + 2], '.')) continue;
    const opts = isP(toks[k + 2], '(') && match[k + 2] > k ? annotationArgs(s, k + 2) : new Map<string, string | boolean>();
    // The header up to the parameters: its last name is the method's.
    let p = isP(toks[k + 2], '(') ? match[k + 2] + 1 : k + 2;
    while (p < close && isP(toks[p], '@')) p = isP(toks[p + 2], '(') && match[p + 2] > p ? match[p + 2] + 1 : p + 2;
    while (p < close && !isP(toks[p], '(') && !isP(toks[p], '{') && !isP(toks[p], ';')) p++;
    if (!isP(toks[p], '(') || !isId(toks[p - 1]) || !(match[p] > p)) continue;
    const method = toks[p - 1].v;
    const text = (key: string) => (typeof opts.get(key) === 'string' && opts.get(key) ? (opts.get(key) as string) : undefined);
    const name = text('name') ?? method;
    // LangChain4j: the value's lines joined by "\n", none when empty (ToolSpecifications getDescription).
    const description = flavor === 'langchain4j' ? text('value') : text('description') ?? method;
    defs.push({ name, ...(description !== undefined ? { description } : {}), parameters: parameters(s, p, method, unknown, flavor) });
    k = match[p];
  }
}

/** `(key = "…", flag = false)` of an annotation whose `(` is toks[open]; a parenthesised text (`("""…""")`) is read. */
function annotationArgs(s: EvalScope, open: number): Map<string, string | boolean> {
  const { toks } = s;
  const out = new Map<string, string | boolean>();
  for (const a of args(s as Ctx, open, s.match[open])) {
    let [f, e] = [a.from, a.to];
    while (isP(toks[f], '(') && isP(toks[e - 1], ')') && s.match[f] === e - 1) [f, e] = [f + 1, e - 1];
    // `{"line 1", "line 2"}` (LangChain4j's `String[] value`): the lines joined by "\n".
    if (isP(toks[f], '{') && s.match[f] === e - 1) {
      const lines = args(s as Ctx, f, e - 1).map((x) => (x.to === x.from + 1 && toks[x.from].t === T.Str ? toks[x.from].v : undefined));
      if (lines.every((l) => l !== undefined)) out.set(a.key ?? 'value', lines.join('\n'));
      continue;
    }
    // Adjacent pieces joined with `+`.
    let text = '';
    let ok = e > f;
    for (let j = f; j < e && ok; j++) {
      if (toks[j].t === T.Str) text += toks[j].v;
      else ok = isP(toks[j], '+');
    }
    const key = a.key ?? 'value';
    if (ok) out.set(key, text);
    else if (e === f + 1 && (toks[f].v === 'true' || toks[f].v === 'false')) out.set(key, toks[f].v === 'true');
  }
  return out;
}

/** The input schema of the method whose `(` is toks[open]. */
function parameters(s: EvalScope, open: number, method: string, unknown: string[], flavor: ToolFlavor): Json {
  const { toks, match } = s;
  const properties: { [k: string]: Json } = {};
  const required: string[] = [];
  for (const a of args(s as Ctx, open, match[open])) {
    let k = a.from;
    let description: string | undefined;
    let optional = false;
    let skip = false;
    while (isP(toks[k], '@') && isId(toks[k + 1])) {
      const ann = toks[k + 1].v;
      const opts = isP(toks[k + 2], '(') && match[k + 2] > k ? annotationArgs(s, k + 2) : new Map<string, string | boolean>();
      if (ann === 'ToolParam') {
        if (typeof opts.get('description') === 'string') description = opts.get('description') as string;
        if (opts.get('required') === false) optional = true;
      } else if (ann === 'P') {
        // LangChain4j's @P: description or value, not required when `required = false` or given a defaultValue.
        const d = opts.get('description') ?? opts.get('value');
        if (typeof d === 'string' && d) description = d;
        if (opts.get('required') === false || typeof opts.get('defaultValue') === 'string') optional = true;
      } else if (ann === 'ToolMemoryId') skip = true;
      else if (ann === 'Nullable' && flavor === 'spring-ai') optional = true;
      k = isP(toks[k + 2], '(') && match[k + 2] > k ? match[k + 2] + 1 : k + 2;
    }
    if (toks[k]?.v === 'final') k++;
    if (a.to - 1 <= k || !isId(toks[a.to - 1])) continue;
    const pname = toks[a.to - 1].v;
    const typeText = s.text.slice(toks[k].start, toks[a.to - 2].end);
    if (skip || toks[k].v === 'ToolContext' || L4J_MANAGED.has(toks[k].v)) continue;
    // LangChain4j: an Optional<X> parameter is X, not required.
    let [ta, tb] = [k, a.to - 1];
    if (flavor === 'langchain4j' && toks[k].v === 'Optional' && isP(toks[k + 1], '<') && isP(toks[tb - 1], '>')) [ta, tb, optional] = [k + 2, tb - 1, true];
    // A class of the application: its fields (jvm-class-schema.ts); Spring AI removes the parameter's own `format`.
    let schema = typeSchema(s, ta, tb) ?? fieldTypeSchema(s, ta, tb, flavor, unknown, `${method}(${pname})`);
    if (schema && flavor === 'spring-ai' && 'format' in schema) schema = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'format'));
    if (!schema) {
      const label = `${method}(${pname}: ${typeText}): its schema not counted`;
      if (!unknown.includes(label)) unknown.push(label);
    }
    const prop: { [k: string]: Json } = { ...(schema ?? {}) };
    if (description) prop.description = description;
    properties[pname] = prop;
    if (!optional) required.push(pname);
  }
  // LangChain4j's OpenAI model: `{"type": "object", "properties": …, "required": …}`, empty ones when the method has no
  // parameter (langchain4j-open-ai OpenAiUtils toOpenAiParameters).
  if (flavor === 'langchain4j') return { type: 'object', properties, required };
  return { $schema: DRAFT, type: 'object', properties, required, additionalProperties: false };
}

/** The schema of the Java type toks[a, b): a scalar, or a list of one; undefined for any other class. */
function typeSchema(s: EvalScope, a: number, b: number): { [k: string]: Json } | undefined {
  const { toks } = s;
  if (b === a + 1 && SCALARS[toks[a].v]) return SCALARS[toks[a].v];
  if (LISTS.has(toks[a].v) && isP(toks[a + 1], '<') && isP(toks[b - 1], '>')) {
    const item = typeSchema(s, a + 2, b - 1);
    return item ? { type: 'array', items: item } : undefined;
  }
  if (b === a + 3 && isP(toks[a + 1], '[') && isP(toks[a + 2], ']') && SCALARS[toks[a].v]) return { type: 'array', items: SCALARS[toks[a].v] };
  return undefined;
}

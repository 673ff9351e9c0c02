// OpenAI's input tokens for function tools and a JSON-schema response format. The API does not bill their JSON: it
// writes them into its system message, the functions as a TypeScript namespace (`namespace functions { // desc
// type name = (_: { // param desc \n param: string, \n opt?: "a" | "b", }) => any; }`, a function without
// properties `type name = () => any;`; the rendering hmarr/openai-chat-tokens src/functions.ts reconstructs, and
// its +9 per request, −4 when a system message is already there, +1 for tool_choice none), the schema under
// `# Response Formats` / `## name` / `// description`, as its JSON without `additionalProperties` and `required`.
// Counted in the model's own vocabulary. The terms below were fitted on the fit half of recorded calls (openai/openai-dotnet@b3b4bbbc
// tests/SessionRecords, alexrudall/ruby-openai@62938e0 spec/fixtures/cassettes, tmc/langchaingo@8fea3de6 httprr;
// the half is the md5 of the file name: docs/calibration.md "OpenAI tools and response formats").
import type { Encoding } from '../tokenize/token-count';
import { countTokens } from '../tokenize/token-count';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface OpenAIToolContext {
  /** The model's vocabulary. */
  encoding: Encoding;
  /** A system or developer message (Responses `instructions` too) is in the request: the tools join it. */
  system: boolean;
  /** Responses API rather than chat completions. */
  responses?: boolean;
  /** `tool_choice`: none, or a tool the model must call (`required`, a named function). */
  choice?: 'none' | 'forced';
}

/** Per request with tools, when no system message is there (one is made for them): 9 on all 7 fit-half chat calls
 * without one (openai-dotnet NoParameterToolWorks 46, ParallelToolCalls 81, FunctionsWork 75, ParametersWork 75,
 * ConsecutiveToolCalls 124 prompt_tokens; ruby-openai gpt-3_5-turbo_valid_tool_call_chat 69); hmarr's +9. */
const TOOLS_ONCE = 9;
/** The tools joined to a system message there already: 4 fewer (fit half: openai-dotnet
 * StructuredOutputs(WithoutSchema,Unspecified) 78, langchaingo TestStructuredOutputFunctionCalling 85: +5 each;
 * StructuredOutputs(WithSchema,Strict) 88: +4); hmarr's −4. */
const SYSTEM_JOINED = -4;
/** A response schema's own section, no system message there: 8 (fit half: openai-dotnet StructuredRefusalWorks 95
 * and StructuredOutputsWork 75: 8, NonStrictJsonSchemaWorks 57: 9; with one, langchaingo
 * TestStructuredOutputObjectSchema 53: 4 = 8 − 4). */
const SCHEMA_ONCE = 8;
/** The Responses API bills 7 fewer around them (fit half: openai-dotnet StructuredOutputs(%gpt-4o-mini%) 48: 1
 * against chat's 8). */
const RESPONSES = -7;
/** A forced tool (`required`, a named function) on o200k models: 10 more (fit half: openai-dotnet OutputTextMethod,
 * Responses, 43). gpt-3.5-turbo billed `required` as `auto` (ruby-openai
 * gpt-3_5-turbo_multiple_tool_calls_full_conversation 70, as its twin without it). */
const FORCED = 10;

export interface OpenAIFunction {
  name: string;
  description?: string;
  parameters?: unknown;
}

/** The function definitions in a tools list (chat `{type, function}`, Responses' flat `{type, name, …}`,
 * legacy `functions`), or undefined when one is anything else (a server tool, text the scan could not read). */
export function openaiFunctions(v: unknown): OpenAIFunction[] | undefined {
  const list = Array.isArray(v) ? v : isObj(v) ? [v] : [];
  const out: OpenAIFunction[] = [];
  for (const t of list) {
    const f = isObj(t) && isObj(t.function) ? t.function : t;
    if (!isObj(f) || typeof f.name !== 'string' || (isObj(t) && t.type !== undefined && t.type !== null && t.type !== 'function')) return undefined;
    // Parameters written as something the scan could not read (a call, a variable, a zod schema it did not convert):
    // not to be counted as none. A JSON schema has `properties` or `type`; `{}` is no parameters.
    const p = f.parameters;
    if (p !== undefined && !(isObj(p) && (Object.keys(p).length === 0 || isObj(p.properties) || typeof p.type === 'string'))) return undefined;
    out.push({ name: f.name, ...(typeof f.description === 'string' ? { description: f.description } : {}), ...(f.parameters !== undefined ? { parameters: f.parameters } : {}) });
  }
  return out.length ? out : undefined;
}

const MAX_DEPTH = 16;

function typeText(p: unknown, indent: number, depth: number): string {
  if (!isObj(p) || depth > MAX_DEPTH) return '';
  const e = Array.isArray(p.enum) ? p.enum : undefined;
  switch (p.type) {
    case 'string':
      return e ? e.map((v) => `"${String(v)}"`).join(' | ') : 'string';
    case 'number':
    case 'integer':
      return e ? e.map((v) => String(v)).join(' | ') : 'number';
    case 'boolean':
    case 'null':
      return p.type;
    case 'object':
      return `{\n${propertyLines(p, indent + 2, depth + 1)}\n}`;
    case 'array':
      return p.items !== undefined ? `${typeText(p.items, indent, depth + 1)}[]` : 'any[]';
    default:
      return '';
  }
}

function propertyLines(o: Json, indent: number, depth: number): string {
  const lines: string[] = [];
  const required = Array.isArray(o.required) ? o.required : [];
  for (const [name, p] of Object.entries(isObj(o.properties) ? o.properties : {})) {
    if (isObj(p) && typeof p.description === 'string' && p.description) lines.push(`// ${p.description}`);
    lines.push(`${name}${required.includes(name) ? '' : '?'}: ${typeText(p, indent, depth)},`);
  }
  const pad = ' '.repeat(indent);
  return lines.map((l) => pad + l).join('\n');
}

/** The functions as OpenAI writes them into the prompt. */
export function renderFunctions(fns: OpenAIFunction[]): string {
  const lines = ['namespace functions {', ''];
  for (const f of fns) {
    if (f.description) lines.push(`// ${f.description}`);
    const params = isObj(f.parameters) ? f.parameters : {};
    if (isObj(params.properties) && Object.keys(params.properties).length) lines.push(`type ${f.name} = (_: {`, propertyLines(params, 0, 0), '}) => any;');
    else lines.push(`type ${f.name} = () => any;`);
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

/** Input tokens the function tools add to a request. */
export function openaiToolTokens(fns: OpenAIFunction[], c: OpenAIToolContext, allowApproximate = false): number {
  let n = countTokens(renderFunctions(fns), c.encoding, allowApproximate).tokens + TOOLS_ONCE + (c.system ? SYSTEM_JOINED : 0) + (c.responses ? RESPONSES : 0);
  if (c.choice === 'none') n += 1;
  else if (c.choice === 'forced' && c.encoding === 'o200k_base') n += FORCED;
  return Math.max(0, n);
}

const strip = (v: unknown, depth = 0): unknown =>
  depth > MAX_DEPTH
    ? null
    : Array.isArray(v)
      ? v.map((x) => strip(x, depth + 1))
      : isObj(v)
        ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'additionalProperties' && k !== 'required').map(([k, x]) => [k, strip(x, depth + 1)]))
        : v;

/** A JSON-schema response format (`{name, description, schema}`; a bare schema is named `schema`): the tokens it
 * adds. `c.system` is true also when tools came first (they made the system message). */
export function openaiSchemaTokens(format: { name?: unknown; description?: unknown; schema?: unknown }, c: OpenAIToolContext, allowApproximate = false): number {
  const name = typeof format.name === 'string' ? format.name : 'schema';
  const desc = typeof format.description === 'string' && format.description ? `// ${format.description}\n` : '';
  const text = `# Response Formats\n\n## ${name}\n\n${desc}${JSON.stringify(strip(format.schema ?? {}))}`;
  return Math.max(0, countTokens(text, c.encoding, allowApproximate).tokens + SCHEMA_ONCE + (c.system ? SYSTEM_JOINED : 0) + (c.responses ? RESPONSES : 0));
}

// A structured-output schema given as a zod object, as the JSON schema the SDK sends for it, counted as a schema
// written as a literal is (cost/tool-tokens.ts `schema`, fitted on the o200k tokens of that JSON schema alone,
// tokenize/request-count.ts: `json_schema.schema` / `text.format.schema`, not the wrapper around it):
// - openai-node `response_format: zodResponseFormat(Recipe, "recipe")` (chat, also `beta.chat.completions.parse`) and
//   `text: { format: zodTextFormat(Recipe, "recipe") }` (Responses). openai/openai-node src/helpers/zod.ts makes the
//   schema with its copy of zod-to-json-schema, `openaiStrictMode: true` (src/_vendor/zod-to-json-schema/parsers/
//   object.ts: in strict mode every key is required) and, for zod 3, target JSON Schema 7, which adds
//   `$schema: "http://json-schema.org/draft-07/schema#"` (zodToJsonSchema.ts).
// - The Vercel AI SDK `generateObject({ schema: Recipe })` / `streamObject`: zodSchema() (zod-to-json-schema,
//   `$refStrategy: 'none'`, JSON Schema 7: the same `$schema`; vercel/ai ai@4.3.9 packages/ui-utils/src/zod-schema.ts);
//   `output: "array"` wraps it in `{ elements: [...] }`. @ai-sdk/openai 1.x sends it to gpt-4o as a forced tool named
//   "json" (openai-chat-language-model.ts: `defaultObjectGenerationMode` is "tool" unless structuredOutputs), 2.x as
//   `text.format.schema`; both are priced here at the schema's fitted cost (for a 140-token schema the tool fit gives
//   ~10 tokens less).
// The zod expression is read by zod-schema.ts, here or across an import; what it cannot read is named on the call.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import { itemEnd, zodSchema, type Json, type Unread } from './zod-schema';

const DRAFT_7 = 'http://json-schema.org/draft-07/schema#';
/** The openai-node helpers that turn a zod object into a response format. */
const HELPERS = new Set(['zodResponseFormat', 'zodTextFormat']);
/** AI SDK calls whose `schema` is the response schema. */
const OBJECT_CALLS = /(^|\.)(generateObject|streamObject)$/;

/**
 * The response schema of the call whose arguments are toks(open, end) when it is given as a zod object, else
 * undefined. What the zod expression holds that cannot be read is pushed to `unread` (labels).
 */
export function zodResponseSchema(c: Ctx, site: CallSite, open: number, end: number, unread: string[]): ToolDefs | undefined {
  if (c.syn.id !== 'javascript') return undefined;
  const { toks, match } = c;
  const obj = open + 1;
  if (!isP(toks[obj], '{') || match[obj] < 0 || match[obj] > end) return undefined;
  const close = match[obj];
  for (let k = obj + 1; k < close; k = itemEnd(c, k, close) + 1) {
    const e = itemEnd(c, k, close);
    if (!isId(toks[k]) && toks[k].t !== T.Str) continue;
    const key = toks[k].v;
    const colon = isP(toks[k + 1], ':');
    if (colon && (key === 'response_format' || key === 'text')) {
      // `text: { format: zodTextFormat(…) }`: the helper one level down.
      let v = k + 2;
      if (key === 'text' && isP(toks[v], '{') && match[v] < e) v = formatIn(c, v);
      const helper = v >= 0 ? helperCall(c, v, e) : undefined;
      if (!helper) continue;
      const zu: Unread = { labels: [] };
      const read = zodSchema(c, helper.schema[0], helper.schema[1], zu).schema;
      // Nothing read (a schema built at run time): left uncounted, named by the call's `response_format`.
      if (!Object.keys(read).length) return undefined;
      const schema = strict(root(read));
      for (const l of zu.labels) if (!unread.includes(l)) unread.push(l);
      return { text: JSON.stringify(schema), definitions: 1, span: spanOf(c, k, e) };
    }
    if (key === 'schema' && site.sdk === 'Vercel AI SDK' && objectCall(c, open)) {
      const [from, to] = colon ? [k + 2, e] : [k, e];
      if (from >= to) continue;
      const zu: Unread = { labels: [] };
      const read = zodSchema(c, from, to, zu).schema;
      if (!Object.keys(read).length) return undefined;
      for (const l of zu.labels) if (!unread.includes(l)) unread.push(l);
      // `output: "array"` asks for `{ elements: [item, …] }` (ai@4.3.9 packages/ai/core/generate-object/output-strategy.ts).
      const output = stringKey(c, obj, close, 'output');
      if (output === 'no-schema' || output === 'enum') return undefined;
      const item = output === 'array' ? { type: 'object', properties: { elements: { type: 'array', items: read } }, required: ['elements'], additionalProperties: false } : read;
      return { text: JSON.stringify(root(item)), definitions: 1, span: spanOf(c, k, e) };
    }
  }
  return undefined;
}

/** The value token of `format:` inside the object literal opening at toks[o], or -1. */
function formatIn(c: Ctx, o: number): number {
  const { toks, match } = c;
  for (let k = o + 1; k < match[o]; k = itemEnd(c, k, match[o]) + 1) if (toks[k].v === 'format' && isP(toks[k + 1], ':')) return k + 2;
  return -1;
}

/** The schema argument of `zodResponseFormat(Schema, "name", …)` / `zodTextFormat(…)` starting at toks[v], before `e`. */
function helperCall(c: Ctx, v: number, e: number): { schema: [number, number] } | undefined {
  const { toks, match } = c;
  if (!isId(toks[v]) || !HELPERS.has(toks[v].v) || !isP(toks[v + 1], '(') || match[v + 1] < 0 || match[v + 1] >= e + 1) return undefined;
  const close = match[v + 1];
  const a = v + 2;
  const ae = itemEnd(c, a, close);
  if (a >= ae) return undefined;
  return { schema: [a, ae] };
}

/** Whether the call whose `(` is toks[open] is generateObject / streamObject (its callee's last name). */
function objectCall(c: Ctx, open: number): boolean {
  const { toks } = c;
  let k = open - 1;
  let name = '';
  while (k >= 0 && isId(toks[k])) {
    name = toks[k].v + (name ? '.' + name : '');
    if (!isP(toks[k - 1], '.')) break;
    k -= 2;
  }
  return OBJECT_CALLS.test(name);
}

/** A string value of `key:` in the object literal (open, close), when written. */
function stringKey(c: Ctx, open: number, close: number, key: string): string | undefined {
  const { toks } = c;
  for (let k = open + 1; k < close; k = itemEnd(c, k, close) + 1) if (toks[k].v === key && isP(toks[k + 1], ':')) return evaluate(c, k + 2, itemEnd(c, k + 2, close))?.str;
  return undefined;
}

/** The span of the key's item: the read regions of the schema's definition are kept by zod-schema.ts. */
function spanOf(c: Ctx, k: number, e: number) {
  return { start: c.toks[k].start, end: c.toks[Math.max(k, e - 1)].end };
}

/** The root schema as zod-to-json-schema emits it for JSON Schema 7: the `$schema` key last. */
function root(schema: { [k: string]: Json }): { [k: string]: Json } {
  return Object.keys(schema).length ? { ...schema, $schema: DRAFT_7 } : schema;
}

/** The root schema in openaiStrictMode, as openai-node's helpers send it (also openai-agents-js tools: agents-js-tools.ts). */
export function strictRoot(schema: { [k: string]: Json }): Json {
  return strict(root(schema));
}

/** openaiStrictMode: every property of every object is required (parsers/object.ts). */
function strict(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'properties' || k === '$schema' ? v : strict(v);
  const props = schema.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    const p: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(props)) p[k] = strict(v);
    out.properties = p;
    if (schema.type === 'object') out.required = Object.keys(p);
  }
  return out;
}

// A zod schema written in code (`z.object({ city: z.string().describe("…") })`) as the JSON schema the Vercel AI SDK
// sends for it. The SDK converts with zod-to-json-schema, `$refStrategy: 'none'`, target JSON Schema 7 (vercel/ai
// ai@4.3.9 packages/ui-utils/src/zod-schema.ts; since v5 its own copy, packages/provider-utils/src/schema.ts and
// to-json-schema/zod3-to-json-schema/parsers/: object.ts `{type, properties, required (the non-optional keys),
// additionalProperties: false}`, string.ts, number.ts, array.ts, enum.ts, nullable.ts, default.ts; parse-def.ts adds
// `.describe()` as `description` after them). The root `$schema` it adds is left out: OpenAI renders a function's
// parameters as TypeScript and keeps only descriptions, types, enums and required (hmarr/openai-chat-tokens
// src/functions.ts), and the recorded calls the tool cost was fitted on hold none. What is not read is named.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { tables } from './scope';
import { evaluate } from './evaluate';
import { importsOf } from './imported';
import type { EvalScope } from './value';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** What reading schemas and tools found that it could not read, by the expression's text. */
export interface Unread {
  labels: string[];
  /** Schema nodes read so far: bounded, since names can refer to each other (`a = z.object({x: b, y: b})`, …). */
  steps?: number;
}

/** Schema nodes read at most per call. */
const MAX_STEPS = 4000;

const MAX_DEPTH = 12;
const PRIMITIVE: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean', bigint: 'integer', null: 'null' };
/** Methods that change what is validated, not the JSON schema (zod-to-json-schema has no parser output for them). */
const NO_SCHEMA = new Set(['trim', 'toLowerCase', 'toUpperCase', 'refine', 'superRefine', 'transform', 'catch', 'brand', 'readonly', 'strip', 'pipe', 'meta']);

/** The end of one item of a list or object literal starting at toks[i]: its `,` or `end`. */
export function itemEnd(s: EvalScope, i: number, end: number): number {
  let k = i;
  while (k < end && !isP(s.toks[k], ',')) k = isOpen(s.toks[k]) && s.match[k] > k && s.match[k] < end ? s.match[k] + 1 : k + 1;
  return k;
}

/** The source text of toks[i, end), shortened, as a label. */
export function label(s: EvalScope, i: number, end: number): string {
  const t = s.text.slice(s.toks[i].start, s.toks[Math.max(i, end - 1)].end).replace(/\s+/g, ' ');
  return t.length > 60 ? t.slice(0, 57) + '…' : t;
}

/**
 * Where `name` is bound to a value: a `const` of this file (the nearest before `pos`, else any at the top), or an
 * import of a workspace module followed to its definition. [the scope, the value's first token], or undefined.
 */
export function boundValue(s: EvalScope, name: string, pos: number, depth: number): [EvalScope, number] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const list = tables(s).binds.get(name)?.filter((b) => b.kind === 'assign' && b.value >= 0 && b.key === undefined && b.pos === undefined);
  if (list?.length) {
    const before = list.filter((b) => s.toks[b.name].start < pos);
    const b = before.length ? before[before.length - 1] : list[0];
    // The whole definition is read: an edit of the schema or the tool changes what the call sends.
    s.read?.push({ start: s.toks[b.name].start, end: s.toks[Math.max(b.value, exprEnd(s, b.value) - 1)].end });
    return [s, b.value];
  }
  const imp = importsOf(s).names.get(name);
  const idx = s.index;
  if (!imp || !idx || imp.name === '*') return undefined;
  s.read?.push(imp.span);
  const path = idx.module(s.file, imp.from, s.syn.id);
  const other = path ? idx.scope(path) : undefined;
  return other && other !== s ? boundValue(other, imp.name, Number.MAX_SAFE_INTEGER, depth + 1) : undefined;
}

/** The JSON schema of the zod expression toks[i, end), and whether it is optional (`.optional()`, `.default(…)`). */
export function zodSchema(s: EvalScope, i: number, end: number, unread: Unread, depth = 0): { schema: Obj; optional: boolean } {
  const { toks, match } = s;
  unread.steps = (unread.steps ?? 0) + 1;
  if (unread.steps > MAX_STEPS) {
    if (unread.steps === MAX_STEPS + 1) unread.labels.push(label(s, i, end));
    return { schema: {}, optional: false };
  }
  let schema: Obj | undefined;
  let j = i;
  const open = (k: number) => isP(toks[k], '(') && match[k] > k && match[k] < end;
  if (depth <= MAX_DEPTH && isId(toks[i]) && isP(toks[i + 1], '.') && isId(toks[i + 2]) && open(i + 3)) {
    schema = constructor(s, toks[i + 2].v, i + 4, match[i + 3], unread, depth);
    if (schema) j = match[i + 3] + 1;
  }
  let optional = false;
  // The AI SDK's own wrappers: `zodSchema(z.object(…))`, `jsonSchema({ type: "object", … })` (sent as written).
  if (!schema && isId(toks[i]) && open(i + 1) && match[i + 1] + 1 === end && (toks[i].v === 'zodSchema' || toks[i].v === 'jsonSchema')) {
    if (toks[i].v === 'zodSchema') return zodSchema(s, i + 2, itemEnd(s, i + 2, match[i + 1]), unread, depth + 1);
    const v = literal(s, i + 2, itemEnd(s, i + 2, match[i + 1]), unread, depth);
    return { schema: v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {}, optional: false };
  }
  // A plain object, no wrapper (`parameters: { type: "object", properties: { … } }`, chatgpt-md's tool scripts): read
  // as the JSON schema it spells, as jsonSchema() of it sends. The SDK's types want a Schema or zod there; ai ≥5 reads
  // only `inputSchema` and sends an empty schema for a tool without one (packages/ai/src/prompt/
  // prepare-tools-and-tool-choice.ts, provider-utils asSchema): the schema as written is the most the call can send.
  if (!schema && isP(toks[i], '{') && match[i] === end - 1) {
    const v = literal(s, i, end, unread, depth);
    return { schema: v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {}, optional: false };
  }
  if (!schema && isId(toks[i]) && depth <= MAX_DEPTH) {
    // A schema held by a name (`inputSchema: FinalizeReportSchema`), here or imported.
    const at = boundValue(s, toks[i].v, toks[i].start, depth);
    if (at) {
      const [o, v] = at;
      const r = zodSchema(o, v, exprEnd(o, v), unread, depth + 1);
      [schema, optional] = [r.schema, r.optional];
      j = i + 1;
    }
  }
  if (!schema) {
    unread.labels.push(label(s, i, end));
    return { schema: {}, optional: false };
  }
  for (; j + 2 < end + 1 && isP(toks[j], '.') && isId(toks[j + 1]) && open(j + 2); j = match[j + 2] + 1) {
    const m = toks[j + 1].v;
    const a = j + 3;
    const close = match[j + 2];
    const num = a < close && toks[a].t === T.Num ? Number(toks[a].v) : undefined;
    const type: Json | undefined = schema.type;
    if (m === 'describe') {
      const d = evaluate(s, a, close);
      if (d?.str !== undefined) schema.description = d.str;
      else unread.labels.push(label(s, a, close));
    } else if (m === 'optional' || m === 'nullish') optional = true;
    else if (m === 'default') {
      optional = true;
      const d = evaluate(s, a, close);
      if (d?.str !== undefined) schema.default = d.str;
      else if (d?.num !== undefined) schema.default = d.num;
    } else if (m === 'nullable') schema = typeof type === 'string' && PRIMITIVE[type] ? { ...schema, type: [type, 'null'] } : { anyOf: [schema, { type: 'null' }] };
    else if (m === 'array') schema = { type: 'array', items: schema };
    else if (m === 'int') schema.type = 'integer';
    else if ((m === 'min' || m === 'max' || m === 'length' || m === 'nonempty') && (num !== undefined || m === 'nonempty')) {
      const n = num ?? 1;
      const [lo, hi] = type === 'string' ? ['minLength', 'maxLength'] : type === 'array' ? ['minItems', 'maxItems'] : ['minimum', 'maximum'];
      if (m !== 'max') schema[lo] = n;
      if (m === 'max' || m === 'length') schema[hi] = n;
    } else if (m === 'positive') schema.exclusiveMinimum = 0;
    else if (m === 'nonnegative') schema.minimum = 0;
    else if (m === 'email' || m === 'url' || m === 'uuid' || m === 'datetime' || m === 'date' || m === 'time') schema.format = m === 'url' ? 'uri' : m === 'datetime' ? 'date-time' : m;
    else if (!NO_SCHEMA.has(m)) unread.labels.push(label(s, j + 1, close + 1));
  }
  return { schema, optional };
}

/** `z.<name>(args)` with its arguments at toks[a, close). */
function constructor(s: EvalScope, name: string, a: number, close: number, unread: Unread, depth: number): Obj | undefined {
  const { toks, match } = s;
  if (PRIMITIVE[name]) return { type: PRIMITIVE[name] };
  if (name === 'any' || name === 'unknown') return {};
  if (name === 'date') return { type: 'string', format: 'date-time' };
  if (name === 'array' && a < close) return { type: 'array', items: zodSchema(s, a, itemEnd(s, a, close), unread, depth + 1).schema };
  if (name === 'literal' && a < close) {
    const v = evaluate(s, a, close);
    if (v?.str !== undefined) return { type: 'string', const: v.str };
    if (v?.num !== undefined) return { type: 'number', const: v.num };
    return undefined;
  }
  if (name === 'enum' && isP(toks[a], '[') && match[a] > a) {
    const values: string[] = [];
    for (let k = a + 1; k < match[a]; k = itemEnd(s, k, match[a]) + 1) {
      const v = evaluate(s, k, itemEnd(s, k, match[a]));
      if (v?.str === undefined) return undefined;
      values.push(v.str);
    }
    return { type: 'string', enum: values };
  }
  if (name === 'union' && isP(toks[a], '[') && match[a] > a) {
    const anyOf: Json[] = [];
    for (let k = a + 1; k < match[a]; k = itemEnd(s, k, match[a]) + 1) anyOf.push(zodSchema(s, k, itemEnd(s, k, match[a]), unread, depth + 1).schema);
    return { anyOf };
  }
  if (name === 'record' && a < close) {
    // `z.record(value)` or `z.record(key, value)`: the value's schema as additionalProperties.
    const first = itemEnd(s, a, close);
    const v = first < close ? first + 1 : a;
    return { type: 'object', additionalProperties: zodSchema(s, v, itemEnd(s, v, close), unread, depth + 1).schema };
  }
  if (name === 'object' && (a === close || (isP(toks[a], '{') && match[a] > a))) return objectSchema(s, a, a === close ? a : match[a], unread, depth);
  return undefined;
}

/** `z.object({ key: schema, … })` with its `{` at toks[open] (open === close: `z.object()`). */
function objectSchema(s: EvalScope, open: number, close: number, unread: Unread, depth: number): Obj {
  const { toks } = s;
  const properties: Obj = {};
  const required: string[] = [];
  for (let k = open + 1; k < close; ) {
    const e = itemEnd(s, k, close);
    const key = toks[k];
    if ((isId(key) || toks[k].t === T.Str) && isP(toks[k + 1], ':')) {
      const r = zodSchema(s, k + 2, e, unread, depth + 1);
      properties[key.v] = r.schema;
      if (!r.optional) required.push(key.v);
    } else if (isId(key) && e === k + 1) {
      const r = zodSchema(s, k, e, unread, depth + 1);
      properties[key.v] = r.schema;
      if (!r.optional) required.push(key.v);
    } else if (k < e) unread.labels.push(label(s, k, e));
    k = e + 1;
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** A JSON-like literal written in code (`{ type: "object", properties: { … } }`) as its value; what is not one is named. */
function literal(s: EvalScope, i: number, end: number, unread: Unread, depth: number): Json {
  const { toks, match } = s;
  const tk = toks[i];
  if (depth <= MAX_DEPTH && (isP(tk, '{') || isP(tk, '[')) && match[i] === end - 1) {
    const close = match[i];
    const out: Obj = {};
    const list: Json[] = [];
    for (let k = i + 1; k < close; k = itemEnd(s, k, close) + 1) {
      const e = itemEnd(s, k, close);
      if (k >= e) continue;
      if (isP(tk, '[')) list.push(literal(s, k, e, unread, depth + 1));
      else if ((isId(toks[k]) || toks[k].t === T.Str) && isP(toks[k + 1], ':')) out[toks[k].v] = literal(s, k + 2, e, unread, depth + 1);
      else unread.labels.push(label(s, k, e));
    }
    return isP(tk, '[') ? list : out;
  }
  if (end === i + 1 && isId(tk) && (tk.v === 'true' || tk.v === 'false' || tk.v === 'null')) return tk.v === 'null' ? null : tk.v === 'true';
  const v = evaluate(s, i, end);
  if (v?.str !== undefined) return v.str;
  if (v?.num !== undefined) return v.num;
  unread.labels.push(label(s, i, end));
  return null;
}

const STATEMENT_WORDS = new Set(['const', 'let', 'var', 'export', 'function', 'import']);

/** The end of the value that starts at toks[v] in its assignment: the `;` or the line's end at bracket depth 0. */
export function exprEnd(s: EvalScope, v: number): number {
  const { toks, match } = s;
  let k = v;
  while (k < toks.length) {
    if (isOpen(toks[k]) && match[k] > k) {
      k = match[k] + 1;
      continue;
    }
    if (isP(toks[k], ';') || isP(toks[k], ',') || isP(toks[k], ')') || isP(toks[k], '}') || isP(toks[k], ']')) return k;
    if (k > v && STATEMENT_WORDS.has(toks[k].v) && isId(toks[k])) return k;
    k++;
  }
  return k;
}

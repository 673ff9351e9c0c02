// A structured-output schema given as a pydantic class (`client.beta.chat.completions.parse(…, response_format=Dish)`,
// `client.chat.completions.parse`, `client.responses.parse(…, text_format=Dish)`, their `.stream`), as the JSON schema
// openai-python sends for it: pydantic v2's model_json_schema() (a field's title is its name title-cased, the class
// docstring is the description, nested models go to `$defs` and are named by `$ref`, keys sorted; pydantic
// json_schema.py GenerateJsonSchema) made strict by openai/openai-python src/openai/lib/_pydantic.py
// to_strict_json_schema (every object `additionalProperties: false`, every property required, `default: None`
// dropped, a `$ref` with other keys inlined). Counted as a schema written as a literal is (cost/tool-tokens.ts
// `schema`, the JSON schema alone). A field type it does not know is named on the call, never guessed.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import { importsOf } from './imported';
import { itemEnd, label, type Json } from './zod-schema';
import type { EvalScope } from './value';

type Obj = { [k: string]: Json };
const PRIMITIVE: Record<string, Obj> = {
  str: { type: 'string' }, int: { type: 'integer' }, float: { type: 'number' }, bool: { type: 'boolean' },
  datetime: { format: 'date-time', type: 'string' }, date: { format: 'date', type: 'string' }, Any: {},
};
const LISTS = new Set(['list', 'List', 'Sequence', 'tuple', 'set', 'Set']);
const DICTS = new Set(['dict', 'Dict', 'Mapping']);
/** Classes nested at most, and fields read per schema (a generated model can be large). */
const MAX_DEPTH = 8;
const MAX_FIELDS = 400;

interface Read { defs: Map<string, Obj>; unread: string[]; fields: number }

/** The response schema of a Python `parse` / `stream` call given a pydantic class, else undefined. */
export function pydanticResponseSchema(c: Ctx, open: number, end: number, unread: string[]): ToolDefs | undefined {
  const { toks } = c;
  if (c.syn.id !== 'python' || !isId(toks[open - 1]) || !/^(parse|stream)$/.test(toks[open - 1].v) || !isP(toks[open - 2], '.')) return undefined;
  for (let k = open + 1; k < end; k = itemEnd(c, k, end) + 1) {
    if (!isId(toks[k]) || (toks[k].v !== 'response_format' && toks[k].v !== 'text_format') || !isP(toks[k + 1], '=')) continue;
    const e = itemEnd(c, k, end);
    if (!isId(toks[k + 2]) || e !== k + 3) return undefined;
    const schema = pydanticStrictSchema(c, toks[k + 2].v, unread);
    return schema === undefined ? undefined : { text: JSON.stringify(schema), definitions: 1, span: { start: toks[k].start, end: toks[k + 2].end } };
  }
  return undefined;
}

/** The strict JSON schema openai-python sends for a pydantic class (as `response_format`), else undefined. */
export function pydanticStrictSchema(c: EvalScope, name: string, unread: string[]): Json | undefined {
  const root = pydanticClassSchema(c, name, unread);
  return root && strict(root as Obj, root as Obj);
}

/** A pydantic class's model_json_schema() (not made strict), `$defs` included; undefined when no class of that name is found. */
export function pydanticClassSchema(c: EvalScope, name: string, unread: string[]): { [k: string]: Json } | undefined {
  const found = findClass(c, name, 0);
  if (!found) return undefined;
  const r: Read = { defs: new Map(), unread: [], fields: 0 };
  const root = model(found[0], found[1], r, 0) as Obj;
  if (r.defs.size) root.$defs = Object.fromEntries([...r.defs].sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const l of r.unread) if (!unread.includes(l)) unread.push(l);
  return sorted(root) as Obj;
}

/** `class Name(…BaseModel…):` of this file, or of the workspace module the name is imported from: [scope, `class` token]. */
function findClass(s: EvalScope, name: string, depth: number): [EvalScope, number] | undefined {
  const { toks } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'class' || toks[k].t !== T.Id || toks[k + 1]?.v !== name || !isP(toks[k + 2], '(')) continue;
    // The whole class is read: an edit of a field changes what the call sends (the keystroke path's read regions).
    s.read?.push({ start: toks[k].start, end: toks[Math.max(k, classEnd(s, k) - 1)].end });
    return [s, k];
  }
  const imp = importsOf(s).names.get(name);
  if (!imp || imp.name === '*' || !s.index || depth > 2) return undefined;
  const path = s.index.module(s.file, imp.from, s.syn.id);
  const other = path ? s.index.scope(path) : undefined;
  return other && other !== s ? findClass(other, imp.name, depth + 1) : undefined;
}

/** The token after the class body that starts with toks[at] (`class`). */
function classEnd(s: EvalScope, at: number): number {
  const indent = column(s, at).col;
  let k = at + 1;
  while (k < s.toks.length && !(column(s, k).first && column(s, k).col <= indent)) k = lineEnd(s, k);
  return k;
}

/** Whether toks[i] starts its line, and then its column (-1 otherwise): only the blanks before it are looked at. */
function column(s: EvalScope, i: number): { col: number; first: boolean } {
  const start = s.toks[i].start;
  let j = start - 1;
  while (j >= 0 && (s.text[j] === ' ' || s.text[j] === '\t')) j--;
  const first = j < 0 || s.text[j] === '\n' || s.text[j] === '\r';
  return { col: first ? start - j - 1 : -1, first };
}

/** The model's schema, before sorting: its fields read from the class body (lines indented under `class`). */
function model(s: EvalScope, at: number, r: Read, depth: number): Json {
  const { toks, match } = s;
  const properties: Obj = {};
  const required: string[] = [];
  const out: Obj = {};
  const indent = column(s, at).col;
  let k = match[at + 2] + 1;
  if (!isP(toks[k], ':')) return {};
  k++;
  if (toks[k]?.t === T.Str && column(s, k).first) {
    out.description = toks[k].v.trim().replace(/\n[ \t]+/g, '\n');
    k++;
  }
  while (k < toks.length) {
    const pos = column(s, k);
    if (pos.first && pos.col <= indent) break;
    const line = lineEnd(s, k);
    if (pos.first && isId(toks[k]) && isP(toks[k + 1], ':') && !/^(def|class|model_config)$/.test(toks[k].v) && r.fields++ < MAX_FIELDS) {
      let eq = k + 2;
      while (eq < line && !isP(toks[eq], '=')) eq = match[eq] > eq ? match[eq] + 1 : eq + 1;
      const field = fieldSchema(s, k + 2, eq, eq < line ? eq + 1 : -1, line, toks[k].v, r, depth);
      properties[toks[k].v] = field.schema;
      if (field.required) required.push(toks[k].v);
    }
    k = line;
  }
  const title = toks[at + 1].v;
  return { ...out, properties, ...(required.length ? { required } : {}), title, type: 'object' };
}

/** The token after the logical line that starts at toks[k] (brackets span lines). */
function lineEnd(s: EvalScope, k: number): number {
  const { toks, match } = s;
  let j = k;
  do j = match[j] > j ? match[j] + 1 : j + 1;
  while (j < toks.length && !column(s, j).first);
  return j;
}

/** A field `name: annotation [= default]`: its schema with title, description and default, and whether required. */
function fieldSchema(s: EvalScope, a: number, ae: number, d: number, de: number, name: string, r: Read, depth: number): { schema: Obj; required: boolean } {
  const { toks, match } = s;
  let schema = typeSchema(s, a, ae, r, depth);
  let required = d < 0;
  const extra: Obj = {};
  let fieldCall = d >= 0 && isId(toks[d]) && toks[d].v === 'Field' && isP(toks[d + 1], '(') ? d + 1 : -1;
  // `Annotated[str, Field(description=…)]`.
  if (isId(toks[a]) && toks[a].v === 'Annotated' && isP(toks[a + 1], '[')) {
    const first = itemEnd(s, a + 2, match[a + 1]);
    schema = typeSchema(s, a + 2, first, r, depth);
    if (isId(toks[first + 1]) && toks[first + 1].v === 'Field' && isP(toks[first + 2], '(')) fieldCall = first + 2;
  }
  if (fieldCall >= 0) {
    const close = match[fieldCall];
    required = true;
    for (let k = fieldCall + 1, n = 0; k < close; k = itemEnd(s, k, close) + 1, n++) {
      const e = itemEnd(s, k, close);
      const kw = isId(toks[k]) && isP(toks[k + 1], '=') ? toks[k].v : n === 0 ? 'default' : '';
      const v = isId(toks[k]) && isP(toks[k + 1], '=') ? k + 2 : k;
      if (kw === 'description' || kw === 'title') {
        const str = evaluate(s, v, e)?.str;
        if (str !== undefined) extra[kw] = str;
        else r.unread.push(label(s, v, e));
      } else if (kw === 'default' || kw === 'default_factory') {
        if (kw === 'default' && /^(\.\.\.|Ellipsis)$/.test(s.text.slice(toks[v].start, toks[e - 1].end).replace(/\s+/g, ''))) continue;
        required = false;
        if (kw === 'default') extra.default = literal(s, v, e) as Json;
      }
    }
  } else if (d >= 0) extra.default = literal(s, d, de) as Json;
  if (extra.default === undefined) delete extra.default;
  const title = name.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).replace(/_/g, ' ');
  // A `$ref` keeps its siblings (pydantic ≥2.9 emits them side by side; strict() inlines such a ref).
  // A bare `$ref` gets no title (tests/lib/test_pydantic.py of openai-python: `"operator": {"$ref": …}`).
  return { schema: schema.$ref !== undefined ? { ...schema, ...extra } : { ...schema, title, ...extra }, required };
}

/** A default written as a literal (`None`, a string, a number, True/False), else undefined (not emitted). */
function literal(s: EvalScope, i: number, e: number): Json | undefined {
  const tk = s.toks[i];
  if (e === i + 1 && isId(tk) && (tk.v === 'None' || tk.v === 'True' || tk.v === 'False')) return tk.v === 'None' ? null : tk.v === 'True';
  const v = evaluate(s, i, e);
  return v?.str ?? v?.num;
}

/** The schema of the annotation toks[a, e). */
function typeSchema(s: EvalScope, a: number, e: number, r: Read, depth: number): Obj {
  const { toks, match } = s;
  if (a >= e) return {};
  // `X | None`, `A | B`: a union.
  const parts: [number, number][] = [];
  let from = a;
  for (let k = a; k < e; k = match[k] > k ? match[k] + 1 : k + 1) if (isP(toks[k], '|')) (parts.push([from, k]), (from = k + 1));
  if (parts.length) {
    parts.push([from, e]);
    return { anyOf: parts.map(([x, y]) => typeSchema(s, x, y, r, depth)) };
  }
  const tk = toks[a];
  if (isId(tk) && tk.v === 'None' && e === a + 1) return { type: 'null' };
  if (isId(tk) && PRIMITIVE[tk.v] && e === a + 1) return { ...PRIMITIVE[tk.v] };
  const args = isP(toks[a + 1], '[') && match[a + 1] === e - 1 ? itemsOf(s, a + 2, e - 1) : undefined;
  if (isId(tk) && args) {
    if (LISTS.has(tk.v) && args.length >= 1) return { items: typeSchema(s, args[0][0], args[0][1], r, depth), type: 'array' };
    if (DICTS.has(tk.v) && args.length === 2) return { additionalProperties: typeSchema(s, args[1][0], args[1][1], r, depth), type: 'object' };
    if (tk.v === 'Optional' && args.length === 1) return { anyOf: [typeSchema(s, args[0][0], args[0][1], r, depth), { type: 'null' }] };
    if (tk.v === 'Union') return { anyOf: args.map(([x, y]) => typeSchema(s, x, y, r, depth)) };
    if (tk.v === 'Literal') {
      const values = args.map(([x, y]) => evaluate(s, x, y)?.str);
      if (values.every((v) => v !== undefined)) return values.length === 1 ? { const: values[0]!, type: 'string' } : { enum: values as string[], type: 'string' };
    }
  }
  // Another pydantic model of the workspace: in `$defs`, named by `$ref`.
  if (isId(tk) && e === a + 1 && /^[A-Z]/.test(tk.v) && depth < MAX_DEPTH) {
    const found = findClass(s, tk.v, 0);
    const def = found && !r.defs.has(tk.v) ? (isModel(found[0], found[1]) ? 'model' : enumValues(found[0], found[1])) : undefined;
    if (def === 'model') {
      r.defs.set(tk.v, {});
      r.defs.set(tk.v, model(found![0], found![1], r, depth + 1) as Obj);
    } else if (def) r.defs.set(tk.v, { enum: def, title: tk.v, type: 'string' });
    if (r.defs.has(tk.v)) return { $ref: `#/$defs/${tk.v}` };
  }
  r.unread.push(label(s, a, e));
  return {};
}

/** Whether `class X(…)` names a base other than Enum types (a model; its fields are read). */
function isModel(s: EvalScope, at: number): boolean {
  const { toks, match } = s;
  for (let k = at + 3; k < match[at + 2]; k++) if (/Enum$/.test(toks[k].v)) return false;
  return true;
}

/** The string values of an Enum class's members (`RED = "red"`), undefined when one is not a string literal. */
function enumValues(s: EvalScope, at: number): string[] | undefined {
  const { toks } = s;
  const indent = column(s, at).col;
  const values: string[] = [];
  for (let k = s.match[at + 2] + 2; k < toks.length; k = lineEnd(s, k)) {
    const pos = column(s, k);
    if (pos.first && pos.col <= indent) break;
    if (!pos.first || !isId(toks[k]) || !isP(toks[k + 1], '=')) continue;
    const v = toks[k + 2]?.t === T.Str && lineEnd(s, k) === k + 3 ? evaluate(s, k + 2, k + 3)?.str : undefined;
    if (v === undefined) return undefined;
    values.push(v);
  }
  return values.length ? values : undefined;
}

function itemsOf(s: EvalScope, from: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = from; k < close; k = itemEnd(s, k, close) + 1) out.push([k, itemEnd(s, k, close)]);
  return out;
}

/** Keys sorted as pydantic sorts them, except property names and defaults, which keep their order. */
function sorted(v: Json, keep = false): Json {
  if (Array.isArray(v)) return v.map((x) => sorted(x));
  if (v === null || typeof v !== 'object') return v;
  const keys = keep ? Object.keys(v) : Object.keys(v).sort();
  return Object.fromEntries(keys.map((k) => [k, k === 'default' ? v[k] : sorted(v[k], k === 'properties')]));
}

/** openai-python's _ensure_strict_json_schema. */
function strict(v: Json, root: Obj, depth = 0): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || depth > 64) return v;
  const o: Obj = { ...v };
  if (o.$defs && typeof o.$defs === 'object' && !Array.isArray(o.$defs)) o.$defs = Object.fromEntries(Object.entries(o.$defs).map(([k, d]) => [k, strict(d, root, depth + 1)]));
  if (o.type === 'object' && !('additionalProperties' in o)) o.additionalProperties = false;
  if (o.properties && typeof o.properties === 'object' && !Array.isArray(o.properties)) {
    o.required = Object.keys(o.properties);
    o.properties = Object.fromEntries(Object.entries(o.properties).map(([k, p]) => [k, strict(p, root, depth + 1)]));
  }
  if (o.items && typeof o.items === 'object') o.items = strict(o.items, root, depth + 1);
  if (Array.isArray(o.anyOf)) o.anyOf = o.anyOf.map((x) => strict(x, root, depth + 1));
  if (o.default === null) delete o.default;
  const ref = o.$ref;
  if (typeof ref === 'string' && Object.keys(o).length > 1) {
    const name = ref.replace('#/$defs/', '');
    const defs = root.$defs as Obj | undefined;
    const def = defs?.[name];
    if (def && typeof def === 'object' && !Array.isArray(def)) {
      const merged: Obj = { ...def, ...o };
      delete merged.$ref;
      return strict(merged, root, depth + 1);
    }
  }
  return o;
}

// The function definition a Python agent SDK sends for a `def` it makes a tool, built from the def as the SDK builds it,
// so that the count is of what is sent (its name, description and JSON schema), not of the signature as written.
//   openai-agents `@function_tool` (src/agents/function_schema.py function_schema, strict_schema.py): a pydantic model
//     `{name}_args` of the parameters (a first RunContextWrapper / ToolContext left out), field titles kept, the
//     docstring's description and parameter descriptions (any style); strict: every property required,
//     `additionalProperties: false`, a `None` default dropped.
//   LangChain `@tool` (langchain_core tools/structured.py from_function, utils/function_calling.py
//     _convert_pydantic_to_openai_function): the whole docstring, dedented and stripped, is the description (the
//     indentation as Python 3.13+ compiles a docstring: common indentation removed; only with
//     `parse_docstring=True` its Google parameter descriptions are read); titles removed; required = no default;
//     run_manager / callbacks / RunnableConfig / Injected… parameters left out.
//   pydantic-ai `@agent.tool` / `@agent.tool_plain` (_function_schema.py function_schema, _griffe.py doc_descriptions):
//     no titles, `additionalProperties: false`, required = no default; a Returns section makes the description
//     `<summary>…</summary>\n<returns>…</returns>`; a first RunContext parameter left out.
// A parameter type the def does not spell in builtins or typing (a model class) is not read: its property is `{}` and
// the type is named as not counted.
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { cleandoc, readDocstring } from './py-docstrings';

export type PyToolSdk = 'openai-agents' | 'langchain' | 'pydantic-ai';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

export interface PyToolDef {
  name: string;
  /** toks[open] is the def's `(`, toks[close] its `)`. */
  open: number;
  close: number;
  /** The docstring's value as written (undefined: none). */
  doc?: string;
  /** Literal keyword arguments of the decorator (`name_override="…"`, `parse_docstring=True`) and its first
   * positional string (LangChain's `@tool("name")`). */
  options: Map<string, Json>;
}

export interface PyToolSchema {
  fn: { name: string; description?: string; parameters: Schema };
  /** Parameter types not read (their schema not counted), named with the parameter: `f(order: Order): …`. */
  unknown: string[];
}

const SCALARS: Record<string, string> = { str: 'string', int: 'integer', float: 'number', bool: 'boolean' };
/** Strings of a format (pydantic's schema of datetime, date, time, UUID, bytes). */
const FORMATS: Record<string, string> = { datetime: 'date-time', date: 'date', time: 'time', UUID: 'uuid', bytes: 'binary' };
const LISTS = new Set(['list', 'List', 'Sequence', 'Iterable', 'set', 'Set', 'frozenset', 'FrozenSet']);
const DICTS = new Set(['dict', 'Dict', 'Mapping', 'MutableMapping']);
const CONTEXTS = new Set(['RunContextWrapper', 'ToolContext', 'RunContext']);
const LC_FILTERED = new Set(['run_manager', 'callbacks']);

/** A Python name as pydantic titles it (str.title() with `_` as a space): `order_id` → `Order Id`. */
export function pyTitle(name: string): string {
  let out = '';
  let prevLetter = false;
  for (const ch of name.replace(/_/g, ' ')) {
    const letter = ch.toLowerCase() !== ch.toUpperCase();
    out += letter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevLetter = letter;
  }
  return out;
}

interface Ann {
  schema: Schema;
  description?: string;
  unknown?: string;
}

/** The annotation tokens [a, b) read as pydantic's JSON schema of the type. */
function annotation(toks: Token[], text: string, a: number, b: number): Ann {
  const parts: [number, number][] = [];
  let depth = 0;
  let from = a;
  for (let j = a; j < b; j++) {
    if (isP(toks[j], '[')) depth++;
    else if (isP(toks[j], ']')) depth--;
    else if (depth === 0 && isP(toks[j], '|')) {
      parts.push([from, j]);
      from = j + 1;
    }
  }
  parts.push([from, b]);
  if (parts.length > 1) return union(parts.map(([x, y]) => annotation(toks, text, x, y)));
  const label = (): Ann => ({ schema: {}, unknown: text.slice(toks[a]?.start ?? 0, toks[b - 1]?.end ?? 0) });
  if (a >= b) return { schema: {} };
  if (toks[a].t === T.Id && toks[a].v === 'None' && b === a + 1) return { schema: { type: 'null' } };
  // A dotted name (`typing.List`, `t.Optional`): its last part.
  let k = a;
  while (isP(toks[k + 1], '.') && toks[k + 2]?.t === T.Id) k += 2;
  if (toks[k].t !== T.Id) return label();
  const name = toks[k].v;
  const args: [number, number][] = [];
  if (isP(toks[k + 1], '[')) {
    let d = 0;
    let s = k + 2;
    for (let j = k + 1; j < b; j++) {
      if (isP(toks[j], '[') || isP(toks[j], '(')) d++;
      else if (isP(toks[j], ']') || isP(toks[j], ')')) {
        d--;
        if (d === 0) {
          if (j > s) args.push([s, j]);
          break;
        }
      } else if (d === 1 && isP(toks[j], ',')) {
        args.push([s, j]);
        s = j + 1;
      }
    }
  } else if (k + 1 !== b) return label();
  const arg = (i: number) => (args[i] ? annotation(toks, text, args[i][0], args[i][1]) : { schema: {} });
  if (SCALARS[name] && !args.length) return { schema: { type: SCALARS[name] } };
  if (FORMATS[name] && !args.length) return { schema: { format: FORMATS[name], type: 'string' } };
  if (name === 'Any' || name === 'object') return { schema: {} };
  if (LISTS.has(name)) {
    const item = arg(0);
    const s: Schema = { items: item.schema, type: 'array' };
    if (name.toLowerCase().endsWith('set')) s.uniqueItems = true;
    return { schema: s, unknown: item.unknown };
  }
  if (DICTS.has(name)) {
    const v = arg(1);
    return { schema: args.length > 1 ? { additionalProperties: v.schema, type: 'object' } : { type: 'object' }, unknown: v.unknown };
  }
  if (name === 'Optional') return union([arg(0), { schema: { type: 'null' } }]);
  if (name === 'Union') return union(args.map((_, i) => arg(i)));
  if (name === 'Literal') {
    const values = args.map(([x, y]) => (y === x + 1 && toks[x].t === T.Str ? toks[x].v : y === x + 1 && toks[x].t === T.Num ? Number(toks[x].v) : undefined));
    if (values.some((v) => v === undefined)) return label();
    const type = values.every((v) => typeof v === 'string') ? 'string' : values.every((v) => typeof v === 'number') ? 'integer' : undefined;
    const s: Schema = values.length === 1 ? { const: values[0] as Json } : { enum: values as Json[] };
    if (type) s.type = type;
    return { schema: s };
  }
  if (name === 'Annotated') {
    const inner = arg(0);
    for (const [x, y] of args.slice(1)) {
      if (y === x + 1 && toks[x].t === T.Str) return { ...inner, description: toks[x].v };
      const desc = fieldDescription(toks, x, y);
      if (desc !== undefined) return { ...inner, description: desc };
    }
    return inner;
  }
  return label();
}

/** `Field(description="…")` among tokens [a, b): its description. */
function fieldDescription(toks: Token[], a: number, b: number): string | undefined {
  if (toks[a]?.v !== 'Field' || !isP(toks[a + 1], '(')) return undefined;
  for (let j = a + 2; j + 2 < b; j++) if (toks[j].v === 'description' && isP(toks[j + 1], '=') && toks[j + 2].t === T.Str) return toks[j + 2].v;
  return undefined;
}

function union(anns: Ann[]): Ann {
  const unknown = anns.find((x) => x.unknown)?.unknown;
  return { schema: { anyOf: anns.map((x) => x.schema) }, unknown };
}

/** A literal default as JSON (undefined: not a literal, left out of the schema). */
function literal(toks: Token[], a: number, b: number): Json | undefined {
  if (b === a + 2 && isP(toks[a], '-') && toks[a + 1].t === T.Num) return -Number(toks[a + 1].v);
  if (b !== a + 1) return isP(toks[a], '[') && isP(toks[a + 1], ']') && b === a + 2 ? [] : undefined;
  const t = toks[a];
  if (t.t === T.Str) return t.v;
  if (t.t === T.Num) return Number(t.v);
  return t.v === 'True' ? true : t.v === 'False' ? false : t.v === 'None' ? null : undefined;
}

/** Keys of an object sorted, as pydantic writes its JSON schema. */
function sorted(o: Schema): Schema {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export function pyToolSchema(sdk: PyToolSdk, toks: Token[], text: string, def: PyToolDef): PyToolSchema {
  const str = (k: string) => (typeof def.options.get(k) === 'string' ? (def.options.get(k) as string) : undefined);
  const name = (sdk === 'openai-agents' ? str('name_override') : sdk === 'langchain' ? str('_name') : str('name')) ?? def.name;
  const parseLc = def.options.get('parse_docstring') === true;
  const style = str(sdk === 'pydantic-ai' ? 'docstring_format' : 'docstring_style');
  const useDoc = !(sdk === 'openai-agents' && def.options.get('use_docstring_info') === false) && (sdk !== 'langchain' || parseLc);
  const doc = def.doc !== undefined && useDoc ? readDocstring(def.doc, style === 'google' || style === 'sphinx' || style === 'numpy' ? style : undefined, sdk === 'openai-agents') : undefined;
  let description: string | undefined;
  if (sdk === 'openai-agents') description = str('description_override') ?? doc?.description;
  else if (sdk === 'langchain') description = str('description') ?? (parseLc ? doc?.description : def.doc !== undefined ? cleandoc(def.doc) : undefined);
  else {
    description = str('description') ?? doc?.description;
    if (doc?.returns) {
      const ret = `<returns>\n${doc.returns.type ? `<type>${doc.returns.type}</type>\n` : ''}<description>${doc.returns.description}</description>\n</returns>`;
      description = description ? `<summary>${description}</summary>\n${ret}` : ret;
    }
  }
  const properties: Schema = {};
  const required: string[] = [];
  const unknown: string[] = [];
  let first = true;
  for (let j = def.open + 1; j < def.close; ) {
    // One parameter: [j, end) up to the next top-level comma.
    let end = j;
    for (let d = 0; end < def.close && !(d === 0 && isP(toks[end], ',')); end++) {
      if (isP(toks[end], '[') || isP(toks[end], '(') || isP(toks[end], '{')) d++;
      else if (isP(toks[end], ']') || isP(toks[end], ')') || isP(toks[end], '}')) d--;
    }
    const at = j;
    j = end + 1;
    const wasFirst = first;
    first = false;
    if (isP(toks[at], '*') || isP(toks[at], '**') || isP(toks[at], '/') || toks[at].t !== T.Id) continue;
    const pname = toks[at].v;
    let eq = at + 1;
    while (eq < end && !isP(toks[eq], '=')) eq++;
    const annToks: [number, number] = isP(toks[at + 1], ':') ? [at + 2, eq] : [at + 1, at + 1];
    const annText = text.slice(toks[annToks[0]]?.start ?? 0, toks[annToks[1] - 1]?.end ?? 0);
    if (pname === 'self' || pname === 'cls') continue;
    if (wasFirst && (sdk === 'openai-agents' || sdk === 'pydantic-ai') && [...CONTEXTS].some((c) => annText.includes(c))) continue;
    if (sdk === 'langchain' && (LC_FILTERED.has(pname) || annText.includes('RunnableConfig') || annText.includes('Injected'))) continue;
    const ann = annToks[1] > annToks[0] ? annotation(toks, text, annToks[0], annToks[1]) : { schema: {} };
    const label = ann.unknown && `${def.name}(${pname}: ${ann.unknown}): its schema not counted`;
    if (label && !unknown.includes(label)) unknown.push(label);
    const prop: Schema = { ...ann.schema };
    const pdesc = doc?.params.get(pname) ?? ann.description ?? (eq < end ? fieldDescription(toks, eq + 1, end) : undefined);
    if (pdesc !== undefined) prop.description = pdesc;
    const dflt = eq < end ? literal(toks, eq + 1, end) : undefined;
    if (dflt !== undefined && !(sdk === 'openai-agents' && dflt === null)) prop.default = dflt;
    if (sdk === 'openai-agents') prop.title = pyTitle(pname);
    properties[pname] = sorted(prop);
    if (eq >= end || sdk === 'openai-agents') required.push(pname);
  }
  const parameters: Schema = { properties };
  if (required.length || sdk === 'openai-agents') parameters.required = required;
  if (sdk === 'openai-agents') parameters.title = `${def.name}_args`;
  parameters.type = 'object';
  if (sdk !== 'langchain') parameters.additionalProperties = false;
  return { fn: { name, ...(description ? { description } : {}), parameters }, unknown };
}


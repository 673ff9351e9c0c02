// Tool (function) definitions sent with a call: `tools=[…]`, `tools: {…}`, Gemini `function_declarations`, a
// variable assigned a literal before the call. Providers bill them as input on every call; their text is kept in
// compact JSON form (what the SDKs serialise) for the token count.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import { keyAt, valueEnd, type Ctx } from './values';
import { isKeyIn, keyMatch, type KeyMatch } from './call-keys';
import { lastBefore, occurrences } from './run-index';

const TOOL_KEYS = keyMatch(new Set(['tools', 'functions', 'functiondeclarations']));
/** Longest tool text kept (a generated schema can be large; the count stays linear). */
const MAX_TOOL_TEXT = 1 << 20;

/** Response schemas written as a literal (`response_format={…}`, Anthropic `output_format`, Gemini `response_schema`). */
const SCHEMA_KEYS = keyMatch(new Set(['responseformat', 'outputformat', 'responseschema', 'responsejsonschema']));

export function readTools(c: Ctx, open: number, end: number, first: number): ToolDefs | undefined {
  return readKeyedLiteral(c, TOOL_KEYS, open, end, first);
}

export function readSchema(c: Ctx, open: number, end: number, first: number): ToolDefs | undefined {
  return readKeyedLiteral(c, SCHEMA_KEYS, open, end, first);
}

function readKeyedLiteral(c: Ctx, keys: KeyMatch, open: number, end: number, first: number): ToolDefs | undefined {
  const { toks, match } = c;
  for (let k = open + 1; k < end; k++) {
    const tk = toks[k];
    if ((tk.t !== T.Id && tk.t !== T.Str) || !isKeyIn(keys, tk.v)) continue;
    const sep = keyAt(c, k);
    let v: number;
    let name = -1;
    if (sep > 0) {
      v = sep + 1;
      if (isId(toks[v]) && valueEnd(c, v, end) === v + 1) [name, v] = assigned(c, toks[v].v, first);
    } else if (isId(tk) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) {
      // Shorthand `{ model, tools, messages }`.
      [name, v] = assigned(c, tk.v, first);
    } else continue;
    if (v < 0 || !isOpen(toks[v]) || match[v] < 0) return undefined;
    const reach = { from: toks[name >= 0 ? name : v].start };
    const text = compact(c, v, match[v], first, 0, reach);
    // A definition held by a name the file does not assign a literal (`tools=[weather_tool]` from elsewhere) is
    // not counted: the call keeps it in uncountedInput and says so.
    if (text === undefined) return undefined;
    // The span reaches back over the name a literal is assigned to: renaming it changes what the call sends.
    return { text, definitions: elements(c, v), span: { start: reach.from, end: toks[match[v]].end } };
  }
  return undefined;
}

/** [the name's token, the opening bracket of the literal it was last assigned before `before`], -1 when none. */
function assigned(c: Ctx, name: string, before: number): [number, number] {
  const { toks } = c;
  const at = occurrences(c, name);
  for (let n = lastBefore(at, before), tried = 0; n >= 0 && tried < 64; n--, tried++) {
    const k = at[n];
    if (isP(toks[k - 1], '.')) continue;
    let v = k + 1;
    while (v < before && v < k + 12 && !(isP(toks[v], '=') || isP(toks[v], ':='))) v++;
    if (!(isP(toks[v], '=') || isP(toks[v], ':='))) continue;
    for (let b = v + 1; b < v + 6 && b < before; b++) if (isOpen(toks[b])) return [k, b];
    return [k, -1];
  }
  return [-1, -1];
}

/** Top-level elements of the list or object literal opening at `open`. */
export function elements(c: Ctx, open: number): number {
  const { toks, match } = c;
  const close = match[open];
  let n = close > open + 1 ? 1 : 0;
  for (let j = open + 1; j < close; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < close) n++;
  return n;
}

const LITERAL_WORDS = new Set(['True', 'False', 'None', 'true', 'false', 'null', 'nil', 'undefined']);

/**
 * The literal as compact JSON-like text: strings quoted, other tokens as written, no whitespace. A bare name
 * (`[search_tool]`) is replaced by the literal it was assigned before the call; undefined when there is none.
 */
function compact(c: Ctx, open: number, close: number, first: number, depth: number, reach: { from: number }): string | undefined {
  const { toks, match } = c;
  let out = '';
  for (let j = open; j <= close && out.length < MAX_TOOL_TEXT; j++) {
    const tk = toks[j];
    const next = toks[j + 1];
    const bare = tk.t === T.Id && !LITERAL_WORDS.has(tk.v) && !isP(toks[j - 1], '.') && !isP(toks[j - 1], '?.') &&
      !(next && next.t === T.Punct && (next.v === '(' || next.v === '.' || next.v === ':' || next.v === '=' || next.v === '?.'));
    if (bare) {
      // What the name stands for is read too: the span reaches back over it (an edit there changes the count).
      const fn = decoratedTool(c, tk.v, first);
      if (fn !== undefined) {
        out += fn.text;
        reach.from = Math.min(reach.from, fn.from);
        continue;
      }
      const [name, v] = depth < 3 ? assigned(c, tk.v, first) : [-1, -1];
      if (v < 0 || !isOpen(toks[v]) || match[v] < 0) return undefined;
      reach.from = Math.min(reach.from, toks[name].start);
      const inner = compact(c, v, match[v], first, depth + 1, reach);
      if (inner === undefined) return undefined;
      out += inner;
      continue;
    }
    if (tk.t === T.Str) out += JSON.stringify(tk.v);
    else if (tk.t === T.Id && (tk.v === 'True' || tk.v === 'False' || tk.v === 'None')) out += tk.v === 'None' ? 'null' : tk.v.toLowerCase();
    else out += tk.v;
  }
  return out;
}

/** Decorators that make a Python function a tool: OpenAI Agents SDK `@function_tool`, Pydantic AI `@agent.tool(_plain)`, LangChain `@tool`. */
const TOOL_DECORATORS = new Set(['function_tool', 'tool', 'tool_plain']);

/**
 * A tool made from a decorated function (`@function_tool def lookup(city: str) -> str: """Look up …"""`): the SDK
 * sends its name, its docstring as the description and a schema of its parameters; counted as that JSON, with the
 * signature as written standing for the schema.
 */
function decoratedTool(c: Ctx, name: string, before: number): { text: string; from: number } | undefined {
  const { toks, match } = c;
  const at = occurrences(c, name);
  for (let n = lastBefore(at, before), tried = 0; n >= 0 && tried < 16; n--, tried++) {
    const k = at[n];
    if (toks[k - 1]?.v !== 'def' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    let d = k - 2;
    if (toks[d]?.v === 'async') d--;
    // `@function_tool`, `@function_tool(…)`, `@agent.tool`: the decorator's last name before the `def`.
    if (isP(toks[d], ')') && match[d] >= 0) d = match[d] - 1;
    if (!isId(toks[d]) || !TOOL_DECORATORS.has(toks[d].v)) return undefined;
    let from = d;
    while (from > 0 && !isP(toks[from], '@') && from > d - 6) from--;
    const close = match[k + 1];
    const signature = c.text.slice(toks[k + 2]?.start ?? toks[close].start, toks[close].start).replace(/\s+/g, ' ').trim();
    let j = close + 1;
    while (j < toks.length && j < close + 12 && !isP(toks[j], ':')) j++;
    const doc = toks[j + 1]?.t === T.Str ? toks[j + 1].v.trim() : '';
    return { text: JSON.stringify({ name, description: doc, parameters: signature }), from: toks[from].start };
  }
  return undefined;
}

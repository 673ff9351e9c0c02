// Tool (function) definitions sent with a call: `tools=[…]`, `tools: {…}`, Gemini `function_declarations`, a
// variable assigned a literal before the call. Providers bill them as input on every call; their text is kept in
// compact JSON form (what the SDKs serialise) for the token count.
import { hiddenLocal } from './block-locals';
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { ToolDefs } from '../types';
import { keyAt, valueEnd, type Ctx } from './values';
import { isKeyIn, keyMatch, type KeyMatch } from './call-keys';
import { lastBefore, occurrences } from './run-index';
import { exported, imported } from './imported';
import type { EvalScope, Value } from './value';
import { comprehension } from './py-enums';
import { listAdditions } from './py-list-additions';
import { heldLiteral } from './tool-holders';
import { decoratedTool } from './py-decorated-tools';
import type { PyToolSdk } from './py-tool-schema';

const TOOL_KEYS = keyMatch(new Set(['tools', 'functions', 'functiondeclarations']));
/** Longest tool text kept (a generated schema can be large; the count stays linear). */
const MAX_TOOL_TEXT = 1 << 20;

/** Response schemas written as a literal (`response_format={…}`, Anthropic `output_format`, Gemini `response_schema`). */
const SCHEMA_KEYS = keyMatch(new Set(['responseformat', 'outputformat', 'responseschema', 'responsejsonschema']));

/** Pieces of a definition known only at run time (a comprehension the scan cannot evaluate): the rest is counted,
 * these are named as unresolved parts of the call. */
export type Unread = string[];

/**
 * `tolerant`: a name that holds no literal (`enum: Paths.all - @seen`, `count < 3 ? {…} : nil`) counts as `null` and
 * is named in `unread`, the rest counted (ruby-caller-requests.ts); else such a name leaves the definitions uncounted.
 * `plain`: the SDK that makes a tool of an undecorated Python function given by name (py-decorated-tools.ts).
 */
export function readTools(c: Ctx, open: number, end: number, first: number, unread: Unread = [], tolerant = false, plain?: PyToolSdk): ToolDefs | undefined {
  return readKeyedLiteral(c, TOOL_KEYS, open, end, first, unread, tolerant, plain);
}

export function readSchema(c: Ctx, open: number, end: number, first: number, unread: Unread = []): ToolDefs | undefined {
  return readKeyedLiteral(c, SCHEMA_KEYS, open, end, first, unread);
}

function readKeyedLiteral(c: Ctx, keys: KeyMatch, open: number, end: number, first: number, unread: Unread, tolerant = false, plain?: PyToolSdk): ToolDefs | undefined {
  const { toks, match } = c;
  for (let k = open + 1; k < end; k++) {
    const tk = toks[k];
    if ((tk.t !== T.Id && tk.t !== T.Str) || !isKeyIn(keys, tk.v)) continue;
    const sep = keyAt(c, k);
    let v: number;
    let name = -1;
    if (sep > 0) {
      if (phpArray(c, sep + 2)) v = sep + 2; // PHP `'tools' => array(…)`: the literal its bracket opens
      else return toolsValue(c, sep + 1, end, first, unread, tolerant, plain);
    } else if (isId(tk) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) {
      // Shorthand `{ model, tools, messages }`.
      [name, v] = assigned(c, tk.v, first);
    } else continue;
    return definitionsAt(c, v, name, sep > 0 ? sep + 1 : k, first, unread, tolerant, plain);
  }
  return undefined;
}

/** The definitions the value at `v` gives (a literal, a name assigned one, `self.tools`, `tool_list()`), keyed or positional. */
export function toolsValue(c: Ctx, v: number, end: number, first: number, unread: Unread, tolerant = false, plain?: PyToolSdk): ToolDefs | undefined {
  const { toks } = c;
  const at = v;
  let name = -1;
  if (isId(toks[v]) && valueEnd(c, v, end) === v + 1) [name, v] = assigned(c, toks[v].v, first);
  else if (isId(toks[v])) v = heldLiteral(c, v, end); // `self.tools`, `tool_list()` (tool-holders.ts)
  return definitionsAt(c, v, name, at, first, unread, tolerant, plain);
}

/**
 * The definitions a value gives: v its literal's bracket (-1 none), name the name that holds it (-1 none), at the value
 * as written. Also for a key set by subscript (`kwargs["tools"] = TOOLS`, request-tools.ts).
 */
export function definitionsAt(c: Ctx, v: number, name: number, at: number, first: number, unread: Unread, tolerant = false, plain?: PyToolSdk): ToolDefs | undefined {
  const { toks, match } = c;
  if (v < 0 && name < 0 && isId(toks[at])) {
    // A name the file imports (`tools=TOOLS` from another module): that module's literal.
    const got = imported(c, toks[at].v, 0);
    const text = elsewhere(got, 1, unread);
    const o = got?.obj;
    return text === undefined || o?.kind !== 'table' ? undefined : { text, definitions: elements(o.scope, o.open), span: { start: toks[at].start, end: toks[at].end } };
  }
  if (v < 0 || !isOpen(toks[v]) || match[v] < 0) return undefined;
  // `tools=[]` written in place sends no definition (LangGraph's agent binds none: chat_agent_executor.py `bind_tools`
  // only `if … len(tool_classes) > 0`); an empty list a name holds may be appended to (`added` below). Go's
  // `[]openai.FunctionDefinition{…}` and C#'s `new[] {…}` open with `[]` too: a type or a body follows them.
  if (name < 0 && match[v] === v + 1 && isP(toks[v], '[') && !isId(toks[v + 2]) && !isOpen(toks[v + 2])) return undefined;
  const reach = { from: toks[name >= 0 ? name : v].start };
  const text = written(c, v, compact(c, v, match[v], first, 0, reach, unread, tolerant, plain));
  // A definition held by a name the file does not assign a literal (`tools=[weather_tool]` from elsewhere) is
  // not counted: the call keeps it in uncountedInput and says so.
  if (text === undefined) return undefined;
  // The span reaches back over the name a literal is assigned to: renaming it changes what the call sends.
  const defs = { text, definitions: elements(c, v), span: { start: reach.from, end: toks[match[v]].end } };
  return name >= 0 && c.syn.id === 'python' && isP(toks[v], '[') ? added(c, defs, toks[name].v, name, first, reach, unread) : defs;
}

/** [the name's token, the opening bracket of the literal it was last assigned before `before`], -1 when none. */
export function assigned(c: Ctx, name: string, before: number): [number, number] {
  const { toks } = c;
  const at = occurrences(c, name);
  for (let n = lastBefore(at, before), tried = 0; n >= 0 && tried < 64; n--, tried++) {
    const k = at[n];
    // Not a member, nor a keyword argument (`create(tools=tools)`: the name is read there, not assigned).
    if (isP(toks[k - 1], '.') || isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || hiddenLocal(c, k, toks[before]?.start ?? c.text.length)) continue;
    // The name's own `=`, after a type annotation at most (`TOOLS: list[dict] = […]`): not the next statement's
    // (`from .prompts import TOOL, SYSTEM` then `client = Anthropic()` read `()` as the tool).
    let v = k + 1;
    while (v < before && v < k + 12 && !(isP(toks[v], '=') || isP(toks[v], ':=')) && !NOT_ANNOTATION.has(toks[v].v)) v++;
    if (!(isP(toks[v], '=') || isP(toks[v], ':='))) continue;
    if ((v > k + 1 && !isP(toks[k + 1], ':')) || lineBreak(c, k, v)) continue;
    for (let b = v + 1; b < v + 6 && b < before; b++) if (isOpen(toks[b])) return [k, b];
    return [k, -1];
  }
  return [-1, -1];
}

/** A Python list with the additions made to it before the call (`tools += […]`, py-list-additions.ts). */
function added(c: Ctx, defs: ToolDefs, name: string, at: number, first: number, reach: { from: number }, unread: Unread): ToolDefs {
  const { adds, unread: unknown, end: stated } = listAdditions(c, name, at, first, (n) => assigned(c, n, first)[1]);
  let { text, definitions } = defs;
  let end = Math.max(defs.span.end, stated);
  for (const add of adds) {
    const part = written(c, add.open, compact(c, add.open, c.match[add.open], first, 0, reach, unread));
    // Joined as one list, without the trailing commas Python allows (the SDK sends JSON).
    const items = part === undefined ? undefined : add.one ? part : part.slice(1, -1).replace(/,$/, '');
    if (!items) {
      if (part === undefined) unknown.push(add.label);
      continue;
    }
    const head = text.slice(0, -1).replace(/,$/, '');
    text = head.length > 1 ? `${head},${items}]` : `[${items}]`;
    definitions += add.one ? 1 : elements(c, add.open);
    end = Math.max(end, add.end);
  }
  for (const u of unknown) if (!unread.includes(u)) unread.push(u);
  return { text, definitions, span: { start: reach.from, end } };
}

/** Tokens that end a name's type annotation before its `=`: the name is not the one assigned. */
const NOT_ANNOTATION = new Set([',', ';', '(', ')', 'import', 'from', '=>', '==']);

/** A line break between tokens a and b (a Python annotation stays on its name's line). */
function lineBreak(c: Ctx, a: number, b: number): boolean {
  return c.text.slice(c.toks[a].end, c.toks[b].start).includes('\n');
}

/** Top-level elements of the list or object literal opening at `open`. */
export function elements(c: Pick<EvalScope, 'toks' | 'match'>, open: number): number {
  const { toks, match } = c;
  const close = match[open];
  let n = close > open + 1 ? 1 : 0;
  for (let j = open + 1; j < close; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < close) n++;
  return n;
}

const LITERAL_WORDS = new Set(['True', 'False', 'None', 'true', 'false', 'null', 'nil', 'undefined']);

/**
 * The literal as compact JSON-like text: strings quoted, other tokens as written, no whitespace. A bare name
 * (`[search_tool]`) is replaced by the literal it was assigned before the call, or by the literal another module of the
 * workspace exports under it (`from .prompts import CLASSIFY_TOOL`); undefined when there is none.
 */
function compact(c: Ctx, open: number, close: number, first: number, depth: number, reach: { from: number }, unread: Unread, tolerant = false, plain?: PyToolSdk): string | undefined {
  return render(c, open, close, unread, (name) => {
    // What the name stands for is read too: the span reaches back over it (an edit there changes the count).
    const fn = decoratedTool(c, name, first, unread, plain);
    if (fn !== undefined) {
      reach.from = Math.min(reach.from, fn.from);
      return fn.text;
    }
    if (depth >= MAX_NESTED) return undefined;
    const [at, v] = assigned(c, name, first);
    if (v >= 0 && isOpen(c.toks[v]) && c.match[v] >= 0) {
      reach.from = Math.min(reach.from, c.toks[at].start);
      return written(c, v, compact(c, v, c.match[v], first, depth + 1, reach, unread, tolerant, plain));
    }
    return at < 0 ? elsewhere(imported(c, name, 0), depth + 1, unread) : undefined;
  }, tolerant);
}

/**
 * The text of a value made by a call (`z.object({…})`, `types.Tool(function_declarations=[…])`) when its arguments
 * write the definition out; a call of names only (`BetaLocalFilesystemMemoryTool()`, `make_tools(cfg)`) is a tool
 * whose definition is not in the code: unknown, not `()`.
 */
function written(c: Ctx, open: number, text: string | undefined): string | undefined {
  if (text !== undefined && phpArray(c, open)) return `array${text}`;
  return text !== undefined && isP(c.toks[open], '(') && !/[[{]/.test(text) ? undefined : text;
}

/** PHP's long array form, `array(…)` opening at toks[open] (the short form's `[…]`; tool-texts.ts reads both). */
function phpArray(c: Ctx, open: number): boolean {
  return c.syn.id === 'php' && isP(c.toks[open], '(') && c.toks[open - 1]?.t === T.Id && c.toks[open - 1].v.toLowerCase() === 'array' && c.match[open] > open;
}

/** Names followed inside a definition (a tool list of named tools whose schemas are named too). */
const MAX_NESTED = 3;

/** A literal of another module (an imported tool or schema): its text, the names in it read in that module. */
function elsewhere(v: Value | undefined, depth: number, unread: Unread): string | undefined {
  if (v?.str !== undefined && !v.holes?.length) return JSON.stringify(v.str);
  if (v?.num !== undefined) return String(v.num);
  const o = v?.obj;
  if (o?.kind !== 'table' || depth > MAX_NESTED || o.scope.match[o.open] < 0) return undefined;
  return render(o.scope, o.open, o.scope.match[o.open], unread, (name) => elsewhere(exported(o.scope, name, 0), depth + 1, unread));
}

/**
 * The tokens [open, close] as compact JSON-like text, each bare name replaced by `bare(name)` (undefined: unknown). A
 * list comprehension is its values when they are known (py-enums.ts), else `[]` with its text added to `unread`.
 */
function render(s: EvalScope, open: number, close: number, unread: Unread, bare: (name: string) => string | undefined, tolerant = false): string | undefined {
  const { toks, match } = s;
  let out = '';
  for (let j = open; j <= close && out.length < MAX_TOOL_TEXT; j++) {
    const tk = toks[j];
    const next = toks[j + 1];
    const listed = j > open && isP(tk, '[') && match[j] > j && match[j] < close ? comprehension(s, j) : undefined;
    if (listed) {
      if ('text' in listed) out += listed.text;
      else {
        out += '[]';
        if (!unread.includes(listed.unknown)) unread.push(listed.unknown);
      }
      j = match[j];
    } else if (tolerant && s.syn.id === 'ruby' && isP(tk, ':') && next?.t === T.Id && next.start === tk.end && isP(toks[j - 1], ':')) {
      // A Ruby symbol value (`type: :object`): its name as a string.
      out += JSON.stringify(next.v);
      j++;
    }
    else if (tk.t === T.Id && !LITERAL_WORDS.has(tk.v) && !isP(toks[j - 1], '.') && !isP(toks[j - 1], '?.') &&
      !(next && next.t === T.Punct && (next.v === '(' || next.v === '.' || next.v === ':' || next.v === '=' || next.v === '?.'))) {
      const text = bare(tk.v);
      if (text === undefined && !tolerant) return undefined;
      if (text === undefined) {
        // `Paths::All.list`, `@seen`: the whole name chain, named.
        let e = j;
        while ((isP(toks[e + 1], '::') || isP(toks[e + 1], '.')) && isId(toks[e + 2]) && e + 2 <= close) e += 2;
        const label = s.text.slice(tk.start, toks[e].end);
        if (!unread.includes(label)) unread.push(label);
        out += 'null';
        j = e;
      } else out += text;
    } else if (tk.t === T.Str) out += JSON.stringify(tk.v);
    else if (tk.t === T.Id && (tk.v === 'True' || tk.v === 'False' || tk.v === 'None')) out += tk.v === 'None' ? 'null' : tk.v.toLowerCase();
    else out += tk.v;
  }
  return out;
}

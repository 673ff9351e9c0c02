// What the evaluator works on and returns: the scope of a file, a Value, and the small readers every part shares.
import type { Token } from '../lex/lexer';
import type { Span, ValueSource } from '../types';
import type { FileScope } from '../resolve/value-index';
import type { Imports } from '../resolve/imports';
import type { tables } from './scope';
import type { ConfigObj } from './dotnet-config';
import type { DocObj } from './config-loads';
import type { JsonObj } from './json-config';
import type { Frame } from './arg-frames';
import type { CliObj } from './cli-options';
import type { ZodObj } from './zod-defaults';
import type { SettingsObj } from './vscode-settings';

/** What the evaluator needs of a file; the scanned file's Ctx and every imported file's scope have this shape. */
export interface EvalScope extends FileScope {
  tables?: ReturnType<typeof tables>;
  imports?: Imports;
  /** Definitions the evaluator read in this (the scanned) file: the incremental path keeps them live. */
  read?: Span[];
  /** Values given for run-time expressions, by their text: the call's model when it is known, so that a table
   * indexed by the model variable (`LIMITS[model]`) reads that model's entry. */
  given?: Map<string, Value>;
  /** Names the evaluator looked up in this file. */
  readNames?: Set<string>;
  /** Names looked up with no binding before the use (a prefix analysis must not trust them). */
  forward?: Set<string>;
  /** What `this.X` (and a bare `X`) is in a class read as one bound object: a .NET options class's computed property
   * reads the other properties as bound (dotnet-option-props.ts). */
  self?: (name: string, depth: number) => Value | undefined;
}

/** A Python list copied (`c = BASE[:]`, `BASE + [{…}]`): where, the name it is kept in (-1: none), the items joined. */
export interface ListCopy {
  scope: EvalScope;
  name: number;
  /** The copy's first token (`BASE` of `c = BASE[:]`). */
  at: number;
  join?: [number, number];
}

export interface Value {
  str?: string;
  num?: number;
  /** Holes in the text (f-string or template parts known only at run time). */
  holes?: string[];
  /** A file-system path (a `Path(…)`, `open(…)` handle or `__dirname`), for file reads. */
  path?: string;
  /** A file tree (Go `embed.FS`): `ReadFile("x")` reads `x` relative to this file's folder. */
  embedFs?: EvalScope;
  /** The literal the value is written as, in `source.file` (or the scanned file), for an in-place edit. */
  lit?: { span: Span; quote?: string; scope: Pick<EvalScope, 'file'> };
  source?: ValueSource;
  /** Branches known only at run time beside the known ones (a helper's `return custom;`), by their text. */
  late?: string[];
  /** Other values it can take: several returns, a table indexed at run time. */
  others?: (string | number)[];
  /** `others` are what different callers pass (caller-merge.ts): each call's value is stated in code, none chosen at
   * run time. */
  byCaller?: true;
  /** Where each of `others` is defined, by its text, when it was read from its own binding (an if / else arm). */
  otherSources?: Record<string, ValueSource>;
  /** Members can be read from it. */
  obj?:
    | { kind: 'module'; scopes: EvalScope[] }
    /** `frames`: the arguments bound when a helper returned it (arg-frames.ts); `struct`: a Go struct literal; `copy`:
     * a Python copy of the list (py-list-copies.ts), kept in toks[name] of its scope, with a literal joined to it. */
    | { kind: 'table'; scope: EvalScope; open: number; frames?: readonly Frame[]; struct?: true; copy?: ListCopy }
    /** `args`: made by a call that passes arguments (`Prompts(system=…)`): its attributes are set from them, not
     * from its `__init__`'s defaults (py-typed-params.ts initAttribute), and are not known here. `cls`: the Python
     * class of the file it is an instance of, whose own fields its attributes are (py-class-fields.ts); `annotated`:
     * a parameter's annotation names the class, its fields are what the class's constructions pass. */
    | { kind: 'instance'; scope: EvalScope; args?: true; cls?: string; annotated?: true }
    /** One of these tables, chosen at run time by `key` (`LIMITS[model]` whose entries are tables). */
    | { kind: 'any'; of: Value[]; key: string }
    /** .NET configuration: the root, a section, or bound options (dotnet-config.ts). */
    | ConfigObj
    /** A settings file a Python program loads (config-loads.ts). */
    | DocObj
    /** A JSON file of the workspace, or an object in it (json-config.ts). */
    | JsonObj
    /** Command-line options parsed by yargs, with the defaults the code states (cli-options.ts). */
    | CliObj
    /** A zod object schema, or the body it parses, with the defaults its fields state (zod-defaults.ts). */
    | ZodObj
    /** A VS Code extension's settings (`workspace.getConfiguration('x')`), defaults from its package.json. */
    | SettingsObj;
  /** The default written for a value known only at run time (`x or 4096`): what it takes when that value is unset. */
  fallback?: true;
  /** A LangChain prompt template's text (prompt-templates-py.ts): its variables are holes, its methods keep the text. */
  template?: true;
  /** A Python `string.Template(t)` / `jinja2.Template(t)` made of a text (py-text-templates.ts): its fill keeps the text. */
  pyTemplate?: 'string' | 'jinja2';
  /** A documented guess (a `.env.example` value): a default written in code wins over it. */
  weak?: true;
  /** The price sheet a model wrapper names (`openrouter("deepseek/deepseek-r1-0528")` kept in a name): the lookup's hint. */
  provider?: string;
  /** An AI SDK provider instance made by a factory (`createOpenAI({…})`): the price sheet of the models it makes. */
  factory?: string;
  /** One branch is `undefined` / `null` (`KEY ? createX(…) : undefined`): `v ?? other` may be either. */
  absent?: true;
  /** Read from a table by a key known only at run time (`MODEL_ALIASES[model]`): a key the table lacks gives nothing,
   * so `v ?? model` is the run-time `model` then. */
  missable?: true;
  /** A member a JSON object does not have (json-config.ts): `x ?? d` is d. */
  unset?: true;
  /** The pieces of a text split on a separator (`spec.split(':')`): an element is read by its place. */
  items?: string[];
  /** An AI SDK provider factory named, not yet called (`createOpenAI` in `{ openai: createOpenAI }`): the price sheet
   * of the instances it makes. */
  maker?: string;
  /** Known only at run time: what to call it. */
  runtime?: string;
  /** Beside `runtime`: the default the code states for it (`state.get("model", DEFAULT)`), read only where a model
   * is expected; a prompt part keeps the expression (`msg.get("content", "")` is the message's text, not ""). */
  stated?: Value;
  /** Beside `stated`: it is a parameter's default that a caller overrides with `runtime` (caller-merge.ts lateOverDefault). */
  overridden?: true;
  /** Beside `runtime`: the number it cannot exceed (`budget - len(prompt)`, `min(n, 4000)`; arithmetic.ts), the worst
   * case of an output limit. */
  atMost?: Value;
}

export const MAX_DEPTH = 10;
export const SELF = new Set(['self', 'this', 'cls', 'Self', 'me', '$this']);
/** The words of brackets.ts KEYWORDS that Go reserves or predeclares (https://go.dev/ref/spec#Keywords,
 * https://go.dev/ref/spec#Predeclared_identifiers); the others (`public`, `self`, `final`) are names in Go. */
export const GO_RESERVED = new Set(['true', 'false', 'nil', 'const', 'var', 'func', 'return', 'for', 'if', 'else', 'go', 'defer']);
/** The words of KEYWORDS that Java reserves (JLS 3.9 Keywords, 3.10.3 / 3.10.8 literals); the others are names in Java
 * (a stream `InputStream in = res.getInputStream()`, `is`, `out`). */
export const JAVA_RESERVED = new Set(['true', 'false', 'null', 'new', 'const', 'return', 'for', 'if', 'else', 'static', 'final', 'public', 'private', 'this', 'super', 'do', 'try', 'catch']);
/** The words of KEYWORDS that Python reserves (docs.python.org/3/reference/lexical_analysis.html#keywords); the others
 * are names in Python (`out = out.replace(…)`, `val`, `ref`, `array`). */
export const PY_RESERVED = new Set(['True', 'False', 'None', 'await', 'async', 'return', 'lambda', 'def', 'in', 'for', 'if', 'else', 'and', 'or', 'not', 'is', 'as', 'try', 'yield']);
/** Receivers whose members are settings: an unknown `config.max_tokens` takes the file's `max_tokens` field default. */
export const CONFIGISH = /^(_?(config|cfg|conf|settings|options|opts|params|defaults|llm_config|model_config)|[A-Z][A-Z0-9_]*)$/;
export const STRING_PASS = new Set(['strip', 'trim', 'trimIndent', 'trimMargin', 'stripIndent', 'lstrip', 'rstrip', 'trimStart', 'trimEnd', 'strip_heredoc', 'squish', 'to_string', 'toString', 'to_owned', 'into', 'as_str', 'String', 'str', 'dedent', 'cleandoc', 'format', 'decode', 'unwrap', 'unwrap_or_default', 'expect', 'to_s', 'freeze', 'clone']);
export const ENV_HOLDERS = new Set(['environ', 'env', 'ENV', 'Environment', 'getenv', 'System']);

export const at = (s: EvalScope, i: number) => s.toks[i]?.start ?? s.text.length;

/** Where a stated default comes from: its own definition when it has one (a field, a constant), named as the default. */
export function statedSource(s: EvalScope, what: string, d: Value, offset: number): ValueSource {
  return d.source ? { ...d.source, what: `${what} (${d.source.what})` } : { file: s.file, offset, what };
}

export function label(s: EvalScope, i: number, e: number): string {
  const a = s.toks[i];
  const b = s.toks[Math.max(i, e - 1)];
  if (!a || !b) return '?';
  const text = s.text.slice(a.start, b.end);
  // Most labels are a name or a one-line expression: no whitespace but single spaces, nothing to fold.
  return FOLDS.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Whitespace that /\s+/ → ' ' changes: any but a space, or two spaces. */
const FOLDS = /[^\S ]| {2}/;

/** One step of a chain `a.b(c)[d]`. */
export type Op = { k: 'member'; name: string; i: number } | { k: 'call'; open: number; close: number } | { k: 'index'; open: number; close: number };

/** The inner span of a literal's text (without quotes or prefix). */
export function literalSpan(s: EvalScope, tk: Token): Span {
  const raw = s.text.slice(tk.start, tk.end);
  const i = tk.v ? raw.indexOf(tk.v) : -1;
  return i > 0 ? { start: tk.start + i, end: tk.start + i + tk.v.length } : { start: tk.start, end: tk.end };
}

export function quoteAt(s: EvalScope, tk: Token): string | undefined {
  const ch = s.text[literalSpan(s, tk).start - 1];
  return ch === '"' || ch === "'" || ch === '`' ? ch : undefined;
}

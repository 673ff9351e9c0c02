// The evaluator: any expression's token range → a Value (a string with labelled holes, a number, or unknown with a
// label), every name looked up through one scope chain — locals assigned before the use, the function's parameter
// defaults, the file's constants and class fields, the imports (through the resolver), environment defaults written
// in code — recording where each value was defined (DESIGN.md, "Inside the scan stage").
import { countBefore } from '../util/binary-search';
import { T, type Token } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import type { Span, ValueSource } from '../types';
import type { FileScope } from '../resolve/value-index';
import { readImports, type Imports } from '../resolve/imports';
import { goImportDir, goPackageFiles, resolveModule } from '../resolve/modules';
import { basename, dirname, join } from '../resolve/files';
import { exprEnd, tables, type Binding } from './scope';
import { resolveConstant } from './user-constants';
import { readPromptFile, callReadsFile, pathCall } from './file-reads';

/** What the evaluator needs of a file; the scanned file's Ctx and every imported file's scope have this shape. */
export interface EvalScope extends FileScope {
  tables?: ReturnType<typeof tables>;
  imports?: Imports;
  /** Definitions the evaluator read in this (the scanned) file: the incremental path keeps them live. */
  read?: Span[];
  /** Names the evaluator looked up in this file. */
  readNames?: Set<string>;
  /** Names looked up with no binding before the use (a prefix analysis must not trust them). */
  forward?: Set<string>;
}

export interface Value {
  str?: string;
  num?: number;
  /** Holes in the text (f-string or template parts known only at run time). */
  holes?: string[];
  /** A file-system path (a `Path(…)`, `open(…)` handle or `__dirname`), for file reads. */
  path?: string;
  /** The literal the value is written as, in `source.file` (or the scanned file), for an in-place edit. */
  lit?: { span: Span; quote?: string; scope: EvalScope };
  source?: ValueSource;
  /** Other values it can take: several returns, a table indexed at run time. */
  others?: (string | number)[];
  /** Members can be read from it. */
  obj?: { kind: 'module'; scopes: EvalScope[] } | { kind: 'table'; scope: EvalScope; open: number } | { kind: 'instance'; scope: EvalScope };
  /** Known only at run time: what to call it. */
  runtime?: string;
}

const MAX_DEPTH = 10;
const SELF = new Set(['self', 'this', 'cls', 'Self', 'me']);
/** Receivers whose members are settings: an unknown `config.max_tokens` takes the file's `max_tokens` field default. */
const CONFIGISH = /^(_?(config|cfg|conf|settings|options|opts|params|defaults|llm_config|model_config)|[A-Z][A-Z0-9_]*)$/;
const STRING_PASS = new Set(['strip', 'trim', 'trimIndent', 'trimMargin', 'stripIndent', 'lstrip', 'rstrip', 'trimStart', 'trimEnd', 'strip_heredoc', 'squish', 'to_string', 'toString', 'to_owned', 'into', 'as_str', 'String', 'str', 'dedent', 'cleandoc', 'format', 'decode', 'unwrap', 'expect', 'to_s', 'freeze']);
const ENV_HOLDERS = new Set(['environ', 'env', 'ENV', 'Environment', 'getenv', 'System']);

const at = (s: EvalScope, i: number) => s.toks[i]?.start ?? s.text.length;

function label(s: EvalScope, i: number, e: number): string {
  const a = s.toks[i];
  const b = s.toks[Math.max(i, e - 1)];
  if (!a || !b) return '?';
  return s.text.slice(a.start, b.end).replace(/\s+/g, ' ');
}

/** The value of the expression at toks[i] (bounded by `end`). */
export function evaluate(s: EvalScope, i: number, end: number, depth = 0): Value | undefined {
  return expr(s, i, end, depth).v;
}

/** An expression: terms joined by `+` (or `.` in PHP), implicit concatenation, or a default (`or`, `??`, `||`, `/`). */
export function expr(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } {
  const { toks } = s;
  if (depth > MAX_DEPTH) return { v: { runtime: label(s, i, Math.min(end, i + 1)) }, next: Math.min(end, i + 1) };
  let r = term(s, i, end, depth);
  let v = r.v;
  let k = r.next;
  while (k < end && v) {
    const op = toks[k];
    if (!op) break;
    if (op.t === T.Str && toks[k - 1]?.t === T.Str && v.str !== undefined) {
      const n = term(s, k, end, depth);
      v = join2(v, n.v);
      k = n.next;
      continue;
    }
    const isDefault = (op.t === T.Punct && (op.v === '??' || op.v === '||' || op.v === '?:')) || (op.t === T.Id && op.v === 'or');
    if (isDefault) {
      const n = term(s, k + 1, end, depth);
      // The left side is what runs when set; unknown until run time, the default written here is the stated value.
      if (v.runtime !== undefined && n.v && n.v.runtime === undefined) v = { ...n.v, source: n.v.source ?? { file: s.file, offset: at(s, k + 1), what: `default of ${v.runtime}` } };
      k = n.next;
      continue;
    }
    if (op.t === T.Punct && (op.v === '+' || (s.syn.dotConcat && op.v === '.'))) {
      const n = term(s, k + 1, end, depth);
      v = join2(v, n.v);
      k = n.next;
      continue;
    }
    if (op.t === T.Punct && op.v === '/' && v.path !== undefined) {
      const n = term(s, k + 1, end, depth);
      v = n.v?.str !== undefined ? { path: join(v.path, n.v.str) } : { runtime: label(s, i, n.next) };
      k = n.next;
      continue;
    }
    break;
  }
  return { v, next: k };
}

/** `a + b`: strings join (holes kept), numbers add; anything unknown makes the whole unknown. */
function join2(a: Value, b: Value | undefined): Value {
  if (!b) return { runtime: a.runtime ?? '?' };
  if (a.str !== undefined && b.str !== undefined) {
    const out: Value = { str: a.str + b.str };
    const holes = [...(a.holes ?? []), ...(b.holes ?? [])];
    if (holes.length) out.holes = holes;
    out.source = a.source ?? b.source;
    return out;
  }
  if (a.num !== undefined && b.num !== undefined) return { num: a.num + b.num };
  // A string with an unknown piece: the known text stays, the unknown becomes a hole.
  if (a.str !== undefined && b.runtime !== undefined) return { ...a, holes: [...(a.holes ?? []), b.runtime], lit: undefined };
  if (b.str !== undefined && a.runtime !== undefined) return { ...b, holes: [a.runtime, ...(b.holes ?? [])], lit: undefined };
  return { runtime: a.runtime ?? b.runtime ?? '?' };
}

function term(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } {
  const { toks, match } = s;
  const tk = toks[i];
  if (!tk || i >= end) return { next: i };
  if (tk.t === T.Str) {
    const v: Value = { str: tk.v, lit: { span: literalSpan(s, tk), quote: quoteAt(s, tk), scope: s } };
    if (tk.holes?.length) v.holes = tk.holes.map((h) => h.expr);
    return { v, next: i + 1 };
  }
  if (tk.t === T.Num && tk.n !== undefined) return { v: { num: tk.n, lit: { span: { start: tk.start, end: tk.end }, scope: s } }, next: i + 1 };
  if (isP(tk, '(') && match[i] > i) {
    const inner = expr(s, i + 1, match[i], depth + 1);
    // `(Path(__file__).parent / "x.md").read_text()`: members and calls of the parenthesised value.
    if (inner.v && isP(toks[match[i] + 1], '.') && isId(toks[match[i] + 2])) return chain(s, match[i] + 2, end, depth, inner.v);
    return { v: inner.v, next: match[i] + 1 };
  }
  // A table literal: `{ "triage": 300 }`, `{ triage: 300 }` (members are read from it when asked).
  if ((isP(tk, '{') || (isP(tk, '[') && s.syn.id === 'php')) && match[i] > i) return { v: { obj: { kind: 'table', scope: s, open: i } }, next: match[i] + 1 };
  if (isP(tk, '-') && toks[i + 1]?.t === T.Num) return { v: { num: -(toks[i + 1].n ?? 0) }, next: i + 2 };
  if (!isId(tk)) return { next: i };
  if (tk.v === 'await' || tk.v === 'new' || tk.v === 'try' || tk.v === 'static') return term(s, i + 1, end, depth);
  if (KEYWORDS.has(tk.v) && !SELF.has(tk.v)) return { next: i + 1 };
  return chain(s, i, end, depth);
}

type Op = { k: 'member'; name: string; i: number } | { k: 'call'; open: number; close: number } | { k: 'index'; open: number; close: number };

/** `a.b(c)[d].e…`: names, calls and indexes from left to right. */
function chain(s: EvalScope, i: number, end: number, depth: number, base?: Value): { v?: Value; next: number } {
  const { toks, match } = s;
  const ops: Op[] = [];
  let k = i + 1;
  // Rust `include_str!(…)`, a macro.
  if (isP(toks[k], '!') && isP(toks[k + 1], '(')) k++;
  while (k < end) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === '.' || tk.v === '?.' || tk.v === '::' || tk.v === '->') && isId(toks[k + 1])) {
      ops.push({ k: 'member', name: toks[k + 1].v, i: k + 1 });
      k += 2;
    } else if ((isP(tk, '(') || isP(tk, '[')) && match[k] > k && match[k] < Math.max(end, match[k] + 1)) {
      // A call's arguments on the next line in Python are still its arguments; a `[` after a line break is not.
      ops.push({ k: tk.v === '(' ? 'call' : 'index', open: k, close: match[k] });
      k = match[k] + 1;
    } else if (isP(tk, '!') && isP(toks[k + 1], '.')) k++;
    else break;
  }
  const whole = label(s, i, k);
  let cur: Value | undefined = base;
  const names: string[] = [toks[i].v];
  let nameAt = i;
  for (let o = 0; o < ops.length; o++) {
    const op = ops[o];
    if (op.k === 'member') {
      names.push(op.name);
      continue;
    }
    if (op.k === 'call') {
      cur = call(s, cur, names, nameAt, op.open, op.close, ops[o + 1], depth);
      if (cur?.runtime !== undefined) return { v: { runtime: whole }, next: k };
    } else {
      const base = names.length ? member(s, cur, names, nameAt, depth) : cur;
      cur = index(s, base, op.open, op.close, depth);
    }
    names.length = 0;
    nameAt = op.close + 1;
    if (!cur) return { v: { runtime: whole }, next: k };
  }
  if (names.length) cur = member(s, cur, names, nameAt, depth);
  if (!cur || (cur.runtime !== undefined && cur.runtime !== whole)) cur = { ...(cur ?? {}), runtime: whole };
  return { v: cur, next: k };
}

/** Members `names` of `base`, or, with no base, a name looked up in scope and then its members. */
function member(s: EvalScope, base: Value | undefined, names: string[], i: number, depth: number): Value | undefined {
  let cur = base;
  let n = 0;
  if (!cur) {
    const head = names[0];
    if (SELF.has(head) && names.length >= 2) {
      // `self.x` bound in a method (`self.x = x` in __init__), else the class field `x`; `self.config.x` the same.
      const m = bindingValue(s, '.' + names[1], at(s, i), depth);
      if (m && names.length === 2) return m;
      cur = m;
      n = 2;
      if (!cur || cur.runtime !== undefined) return fieldDefault(s, names[names.length - 1], i, depth) ?? { runtime: names.join('.') };
    } else {
      if (head === '__file__' || head === '__filename') return { path: s.file, str: s.file };
      if (head === '__dirname' || head === '__dir__') return { path: dirname(s.file), str: dirname(s.file) };
      if (head === 'import' && names[1] === 'meta') return names[2] === 'url' ? { path: s.file, str: s.file } : names[2] === 'dirname' ? { path: dirname(s.file), str: dirname(s.file) } : undefined;
      cur = lookup(s, head, at(s, i), depth);
      n = 1;
      if ((!cur || cur.runtime !== undefined) && names.length > 1 && (CONFIGISH.test(head) || /^[A-Z]/.test(head))) {
        // `Prompts.SYSTEM` (a class in another file of the folder), `config.max_tokens` (a settings field).
        const other = /^[A-Z]/.test(head) ? classFile(s, head, names[1], depth) : undefined;
        if (other) return other;
        return fieldDefault(s, names[names.length - 1], i, depth) ?? cur;
      }
    }
  }
  for (; n < names.length && cur; n++) {
    const nm = names[n];
    if (cur.path !== undefined) {
      if (nm === 'parent' || nm === 'dirname' || nm === 'dir') cur = { path: dirname(cur.path), str: dirname(cur.path) };
      else if (nm === 'url' || nm === 'href' || nm === 'pathname') cur = { ...cur };
      else return { runtime: names.join('.') };
      continue;
    }
    if (cur.obj) cur = objMember(cur.obj, nm, depth);
    else return cur.runtime !== undefined ? { runtime: names.join('.') } : undefined;
  }
  return cur;
}

/** A field default reached through a settings object: the file's `name` bound at the class or module level. */
function fieldDefault(s: EvalScope, name: string, i: number, depth: number): Value | undefined {
  const v = bindingValue(s, name, Number.MAX_SAFE_INTEGER, depth, true);
  if (v && v.runtime === undefined) return v.source?.what === name ? { ...v, source: { ...v.source, what: `field default ${name}` } } : v;
  return undefined;
}

function objMember(obj: NonNullable<Value['obj']>, name: string, depth: number): Value | undefined {
  if (obj.kind === 'module' || obj.kind === 'instance') {
    const scopes = obj.kind === 'module' ? obj.scopes : [obj.scope];
    for (const sc of scopes) {
      const v = exported(sc, name, depth);
      if (v) return v;
    }
    return undefined;
  }
  return tableMember(obj.scope, obj.open, name, depth);
}

/** `{ "triage": 300 }`, `{ triage: 300 }`, `dict(triage=300)`, `%{triage: 300}`: the value under a key. */
function tableMember(s: EvalScope, open: number, key: string | undefined, depth: number): Value | undefined {
  const { toks, match } = s;
  const close = match[open];
  const all: Value[] = [];
  for (let k = open + 1; k < close; k++) {
    const tk = toks[k];
    if ((tk.t === T.Id || tk.t === T.Str) && (isP(toks[k + 1], ':') || isP(toks[k + 1], '=') || isP(toks[k + 1], '=>')) && (k === open + 1 || isP(toks[k - 1], ',') || isP(toks[k - 1], '{') || isP(toks[k - 1], '('))) {
      const e = exprEnd(s, k + 2);
      if (key === undefined || tk.v === key) {
        const v = evaluate(s, k + 2, e, depth + 1);
        if (v && key !== undefined) return { ...v, source: v.source ?? { file: s.file, offset: tk.start, what: `${tk.v} in a table` } };
        if (v) all.push(v);
      }
      k = e - 1;
    } else if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
  }
  if (key !== undefined) return undefined;
  // Indexed at run time: the worst case of the values the table holds.
  if (!all.length || all.some((v) => v.runtime !== undefined)) return undefined;
  const nums = all.filter((v) => v.num !== undefined);
  if (nums.length === all.length) {
    const max = nums.reduce((a, b) => (b.num! > a.num! ? b : a));
    return { ...max, others: nums.filter((v) => v !== max).map((v) => v.num!) };
  }
  const strs = all.filter((v) => v.str !== undefined && !v.holes?.length);
  if (strs.length === all.length) return { ...strs[0], others: strs.slice(1).map((v) => v.str!) };
  return undefined;
}

function index(s: EvalScope, base: Value | undefined, open: number, close: number, depth: number): Value | undefined {
  if (!base) return undefined;
  if (base.runtime !== undefined) return { runtime: base.runtime };
  const key = evaluate(s, open + 1, close, depth + 1);
  if (base.obj?.kind === 'table') {
    const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
    if (k === undefined && key?.runtime === undefined) return undefined;
    return tableMember(base.obj.scope, base.obj.open, k, depth);
  }
  return undefined;
}

/** A name in scope at offset `pos`: the nearest binding before it in this file, else an import, else the package. */
export function lookup(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  s.readNames?.add(name);
  const local = bindingValue(s, name, pos, depth);
  if (local) return local;
  const imp = imported(s, name, depth);
  if (imp) return imp;
  s.forward?.add(name);
  return undefined;
}

/** The binding of `name` nearest before `pos` (a parameter only inside its function), else the first after. */
function pick(list: Binding[] | undefined, s: EvalScope, pos: number, topOnly = false): Binding | undefined {
  if (!list) return undefined;
  // Bindings are in source order (tables() adds them in one pass): the nearest before `pos` is found by binary
  // search, and earlier ones are looked at only past parameters whose function has ended (a walk over every binding
  // per lookup was quadratic on a file of many assignments and calls: hostile "assignments and calls").
  let best: Binding | undefined;
  for (let i = countBefore(list.length, (k) => s.toks[list[k].name].start < pos) - 1, n = 0; i >= 0 && n < 64; i--, n++) {
    const b = list[i];
    if (topOnly && b.kind === 'param') continue;
    if (b.kind === 'param' && b.until !== undefined && pos > b.until) continue;
    best = b;
    break;
  }
  if (best && !topOnly) return best;
  return list.find((b) => b.kind !== 'param');
}

function bindingValue(s: EvalScope, name: string, pos: number, depth: number, topOnly = false): Value | undefined {
  const emb = s.syn.id === 'go' ? goEmbeds(s).get(name) : undefined;
  if (emb) return readPromptFile(s, emb);
  const b = pick(tables(s).binds.get(name), s, pos, topOnly);
  if (!b) return undefined;
  if (s.toks[b.name].start >= pos) s.forward?.add(name.replace(/^\./, ''));
  const nameTk = s.toks[b.name];
  const shown = name.replace(/^\./, 'self.');
  if (b.value < 0) return { runtime: shown };
  const e = exprEnd(s, b.value);
  s.read?.push({ start: nameTk.start, end: s.toks[e - 1]?.end ?? nameTk.end });
  const v = evaluate(s, b.value, e, depth + 1);
  if (!v) return { runtime: shown };
  if (v.runtime !== undefined) return b.kind === 'param' ? { runtime: shown } : v;
  const what = b.kind === 'param' ? `default of parameter ${name}` : b.kind === 'member' ? `${shown}` : /^[A-Z][A-Z0-9_]*$/.test(name) ? `constant ${name}` : name;
  // The innermost definition names the value: where its literal is written (`constant SYSTEM` in prompts.py, not
  // the local or the import that passed it on).
  return { ...v, source: v.source ?? { file: s.file, offset: nameTk.start, what } };
}

/** `//go:embed prompts/x.md` above `var name string`: the variable holds the file's text. */
function goEmbeds(s: EvalScope & { embeds?: Map<string, string> }): Map<string, string> {
  if (s.embeds) return s.embeds;
  const out = new Map<string, string>();
  for (let i = s.text.indexOf('//go:embed '); i >= 0; i = s.text.indexOf('//go:embed ', i + 1)) {
    const nl = s.text.indexOf('\n', i);
    if (nl < 0) break;
    const path = s.text.slice(i + 11, nl).trim().split(/\s+/)[0];
    const m = /^\s*var\s+(\w+)\s+string\b/.exec(s.text.slice(nl + 1, nl + 200));
    if (m && path) out.set(m[1], path);
  }
  s.embeds = out;
  return out;
}

/** A name another module makes visible: its own binding, or one it imports and passes on. */
function exported(s: EvalScope, name: string, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = bindingValue(s, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
  if (own) return own;
  if (tables(s).classes.has(name)) return { obj: { kind: 'instance', scope: s } };
  return imported(s, name, depth + 1, true);
}

function importsOf(s: EvalScope): Imports {
  return (s.imports ??= readImports(s.toks, s.syn.id === 'javascript' && /\.tsx?$/.test(s.file) ? 'typescript' : s.syn.id));
}

function imported(s: EvalScope, name: string, depth: number, reexport = false): Value | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH) return undefined;
  const imps = importsOf(s);
  const b = imps.names.get(name);
  const lang = s.syn.id;
  if (b) {
    if (lang === 'go') {
      const dir = goImportDir(idx.files, s.file, b.from);
      const scopes = dir ? goPackageFiles(idx.files, dir).map((f) => idx.scope(f)).filter((x): x is FileScope => !!x) : [];
      return scopes.length ? { obj: { kind: 'module', scopes } } : undefined;
    }
    const path = resolveModule(idx.files, s.file, b.from, lang);
    const other = path ? idx.scope(path) : undefined;
    if (!other) {
      // `from . import prompts` / `from app import prompts`: a module inside the package.
      const sub = lang === 'python' ? resolveModule(idx.files, s.file, b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name, lang) : undefined;
      const subScope = sub ? idx.scope(sub) : undefined;
      return subScope ? { obj: { kind: 'module', scopes: [subScope] } } : undefined;
    }
    if (b.name === '*') return { obj: { kind: 'module', scopes: [other] } };
    const v = exported(other, b.name === 'default' ? 'default' : b.name, depth + 1);
    if (v) return v;
    if (lang === 'python') {
      const sub = resolveModule(idx.files, s.file, b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name, lang);
      const subScope = sub ? idx.scope(sub) : undefined;
      if (subScope) return { obj: { kind: 'module', scopes: [subScope] } };
    }
    return undefined;
  }
  for (const from of imps.star) {
    const path = resolveModule(idx.files, s.file, from, lang);
    const other = path ? idx.scope(path) : undefined;
    const v = other ? exported(other, name, depth + 1) : undefined;
    if (v) return v;
  }
  // Go: the other files of the package share its top-level names.
  if (lang === 'go' && !reexport) {
    for (const f of goPackageFiles(idx.files, dirname(s.file))) {
      if (f === s.file) continue;
      const other = idx.scope(f);
      const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
      if (v) return v;
    }
  }
  return undefined;
}

/** `Prompts.SYSTEM` where class Prompts is in Prompts.java / .kt / .cs / .php / prompts.rb of the same folder. */
function classFile(s: EvalScope, cls: string, name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || tables(s).classes.has(cls)) return undefined;
  const dir = dirname(s.file);
  const snake = cls.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const names = new Set(idx.files.list(dir) ?? []);
  for (const f of [`${cls}.java`, `${cls}.kt`, `${cls}.cs`, `${cls}.php`, `${snake}.rb`, `${cls}.swift`]) {
    if (!names.has(f)) continue;
    const other = idx.scope(join(dir, f));
    const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
    if (v && v.runtime === undefined) return v;
  }
  return undefined;
}

/** Arguments of a call: each a token range, with its keyword when written `key=v` / `key: v`. */
export function args(s: EvalScope, open: number, close: number): { key?: string; from: number; to: number }[] {
  const { toks, match } = s;
  const out: { key?: string; from: number; to: number }[] = [];
  let k = open + 1;
  while (k < close) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    const named = (isId(toks[k]) || toks[k].t === T.Str) && (isP(toks[k + 1], '=') || isP(toks[k + 1], ':')) && k + 2 <= e;
    out.push(named ? { key: toks[k].v, from: k + 2, to: e } : { from: k, to: e });
    k = e + 1;
  }
  return out;
}

/** A call: string methods pass their receiver, env reads give their default, helpers their returns, files their text. */
function call(s: EvalScope, recv: Value | undefined, names: string[], nameAt: number, open: number, close: number, next: Op | undefined, depth: number): Value | undefined {
  const a = args(s, open, close);
  const fn = names[names.length - 1] ?? '';
  const arg = (n: number) => (a[n] ? evaluate(s, a[n].from, a[n].to, depth + 1) : undefined);
  const kw = (key: string) => {
    const x = a.find((y) => y.key === key);
    return x ? evaluate(s, x.from, x.to, depth + 1) : undefined;
  };
  // The receiver of a method: `PROMPT.strip()`, `Path(x).read_text()`, `open(p).read()`.
  const base = names.length > 1 ? member(s, recv, names.slice(0, -1), nameAt, depth) : recv;
  if (base && names.length > 0 && (base.str !== undefined || base.path !== undefined) && (STRING_PASS.has(fn) || fn === 'resolve' || fn === 'absolute' || fn === 'expanduser')) {
    return base.path !== undefined && fn !== 'format' ? base : { ...base, path: undefined };
  }
  // Environment reads: `os.getenv("X", "d")`, `os.environ.get("X", "d")`, Ruby's ENV fetch with a default.
  const envRead = fn === 'getenv' || fn === 'Getenv' || fn === 'GetEnvironmentVariable' || ((fn === 'get' || fn === 'fetch' || fn === 'getOrDefault' || fn === 'getProperty') && names.some((n) => ENV_HOLDERS.has(n)));
  if (envRead) {
    const keyName = arg(0)?.str ?? '?';
    const d = a.length >= 2 ? arg(1) : undefined;
    if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: { file: s.file, offset: at(s, a[1].from), what: `default of env ${keyName}` } };
    return { runtime: `env ${keyName}` };
  }
  // `LIMITS.get("triage", 500)`: the entry, else the default.
  if (fn === 'get' && base?.obj?.kind === 'table' && a.length >= 1) {
    const key = arg(0);
    const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
    const hit = k !== undefined || key?.runtime !== undefined ? tableMember(base.obj.scope, base.obj.open, k, depth) : undefined;
    return hit ?? (a.length >= 2 ? arg(1) : undefined);
  }
  // `dict(triage=300)`, `Object.freeze({…})`, `Map.of(…)` read as tables.
  if (fn === 'dict' && names.length === 1) return { obj: { kind: 'table', scope: s, open } };
  if (fn === 'freeze' && a.length === 1) return arg(0);
  // `Field(default="…")`, `Field("…")`, `field(default=…)`: a pydantic / dataclass field's default.
  if ((fn === 'Field' || fn === 'field') && names.length <= 2) {
    const d = kw('default') ?? (a[0] && !a[0].key ? arg(0) : undefined);
    if (d && d.runtime === undefined) return d;
    return { runtime: 'field' };
  }
  // Single-argument pass-throughs: `dedent("…")`, `str(x)`, `int(x)`, `String(x)`, `Number(x)`.
  if (names.length <= 2 && a.length === 1 && /^(dedent|cleandoc|str|int|float|String|Number|parseInt|Integer|Some|Ok|strip|trim|Int|Long|NewOpt|F)$/.test(fn)) {
    const v = arg(0);
    if (v && v.runtime === undefined) return v;
  }
  // Paths and file reads with static paths.
  const p = pathCall(s, base, names, a, arg, depth);
  if (p) return p;
  const read = callReadsFile(base, names, a, arg, next);
  if (read !== undefined) return read === null ? { runtime: '' } : readPromptFile(s, read);
  // A helper in scope that returns literals, or a class (an instance whose members are its fields).
  if (names.length === 1 || (names.length === 2 && SELF.has(names[0]))) return helper(s, fn, at(s, nameAt), depth);
  if (base?.obj && (base.obj.kind === 'module' || base.obj.kind === 'instance')) {
    const scopes = base.obj.kind === 'module' ? base.obj.scopes : [base.obj.scope];
    for (const sc of scopes) {
      const v = helper(sc, fn, Number.MAX_SAFE_INTEGER, depth);
      if (v) return v;
    }
  }
  return undefined;
}

/** What a function named `fn` returns when every `return` is a literal or a constant; several: the first, the others kept. */
function helper(s: EvalScope, fn: string, pos: number, depth: number): Value | undefined {
  const t = tables(s);
  if (t.classes.has(fn)) return { obj: { kind: 'instance', scope: s } };
  const list = t.fns.get(fn);
  if (!list) {
    const imp = lookup(s, fn, pos, depth + 1);
    return imp?.obj?.kind === 'instance' ? imp : imp?.runtime !== undefined ? undefined : undefined;
  }
  const f = list[list.length - 1];
  const found: Value[] = [];
  if (f.expr) {
    const v = evaluate(s, f.body, f.bodyEnd, depth + 1);
    if (v) found.push(v);
  } else {
    for (let k = f.body; k < f.bodyEnd; k++) {
      if (isId(s.toks[k]) && s.toks[k].v === 'return') {
        const e = exprEnd(s, k + 1);
        const v = evaluate(s, k + 1, e, depth + 1);
        found.push(v ?? { runtime: fn + '()' });
        k = e - 1;
      }
    }
  }
  if (!found.length || found.some((v) => v.runtime !== undefined || (v.str === undefined && v.num === undefined))) return undefined;
  s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
  const first = found[0];
  const src: ValueSource = { file: s.file, offset: s.toks[f.name].start, what: `returned by ${fn}()` };
  return { ...first, source: first.source ?? src, others: found.slice(1).map((v) => (v.str ?? v.num)!) };
}

/** The inner span of a literal's text (without quotes or prefix). */
export function literalSpan(s: EvalScope, tk: Token): Span {
  const raw = s.text.slice(tk.start, tk.end);
  const i = tk.v ? raw.indexOf(tk.v) : -1;
  return i > 0 ? { start: tk.start + i, end: tk.start + i + tk.v.length } : { start: tk.start, end: tk.end };
}

function quoteAt(s: EvalScope, tk: Token): string | undefined {
  const ch = s.text[literalSpan(s, tk).start - 1];
  return ch === '"' || ch === "'" || ch === '`' ? ch : undefined;
}

export { basename };

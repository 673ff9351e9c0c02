// Go settings whose default is written in a struct tag: `Model string \`long:"model" env:"MODEL" default:"gpt-4o-mini"\``
// read as `opts.OpenAI.Model`, where `var opts struct { OpenAI struct { … } \`group:"openai"\` }` is parsed by
// jessevdk/go-flags (flags.go: "default: the default value of an option"), or a struct parsed by
// kelseyhightower/envconfig (README: "it will populate it with "foobar" as a default value"), alecthomas/kong (README:
// `default:"X"` Default value) or caarlos0/env (README: "If you set the `envDefault` tag for something, this value will
// be used in the case of absence of it in the environment"). The tag is the default the code states; a flag or an
// environment variable may set another at run time. The name read is a package var, a local declared `var x T`, or a
// parameter, of an anonymous struct or a named struct type (of this package or an imported one of the module); the
// fields between are nested anonymous structs or named struct types.
import { goYamlChain } from './go-yaml-config';
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { tables } from './scope';
import { importsOf } from './imported';
import { goTypeField } from './go-config';
import { goPackageName, packageVarAt, siblingScopes } from './go-decls';
import type { EvalScope, Value } from './value';
import { namesFollowedBy } from './names-followed';

/** Files of a package looked through for a declaration. */
const MAX_FILES = 200;
/** Names in a chain read (`opts.A.B.C.Model`). */
const MAX_CHAIN = 8;
/** Tag keys whose value is the field's default: go-flags, envconfig, kong, codingconcepts/env (`default`; env.go@5b08454
 * setField `t.Tag.Lookup("default")`), caarlos0/env (`envDefault`). */
const DEFAULT_KEYS = new Set(['default', 'envDefault']);
const NUMERIC = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64']);

/** A struct's field list: the file it is written in and its `{`. */
export interface Body {
  s: EvalScope;
  open: number;
}

/** The default the struct tag of the last field of `names` states (`opts.OpenAI.Model`), read at offset `pos`. */
export function goTagDefault(s: EvalScope, names: string[], pos: number): Value | undefined {
  if (names.length < 2 || names.length > MAX_CHAIN || assigned(s, names)) return undefined;
  let body = varBody(s, names[0], pos);
  const tags: string[] = [];
  for (let n = 1; body && n < names.length - 1; n++) {
    const f = fieldAt(readIn(s, body), names[n]);
    if (f?.tag) tags.push(body.s.text.slice(f.tag.start, f.tag.end));
    body = f ? typeBody(body.s, f.type) : undefined;
  }
  const f = body && fieldAt(readIn(s, body), names[names.length - 1]);
  if (!body || !f?.tag) return undefined;
  const d = tagDefault(body.s, f.tag);
  // `cfg.OpenAI.Model` of nested structs each tagged `yaml:"…"`, filled by a YAML loader (go-yaml-config.ts).
  if (!d && tags.length === names.length - 2) return goYamlChain(s, body.s.file, [...tags, body.s.text.slice(f.tag.start, f.tag.end)], names.join('.'));
  if (!d) return undefined;
  const typeName = body.s.toks[f.type];
  const v: Value | undefined = typeName?.v === 'string' ? { str: d.value } : NUMERIC.has(typeName?.v ?? '') && /^-?\d+(\.\d+)?$/.test(d.value) ? { num: Number(d.value) } : undefined;
  if (!v) return undefined;
  s.readNames?.add(names[0]);
  return { ...v, source: { file: body.s.file, offset: d.offset, what: `struct tag default of ${names.join('.')} (a flag or environment variable can set another at run time)` } };
}

/** The default the tag of `body`'s field `name` states, typed as the field (a string, or a number of a numeric field). */
export function fieldTagValue(body: Body, name: string, what: string): Value | undefined {
  const f = fieldAt(body, name);
  const d = f?.tag && tagDefault(body.s, f.tag);
  if (!f || !d) return undefined;
  const typeName = body.s.toks[f.type]?.v ?? '';
  const v: Value | undefined = typeName === 'string' ? { str: d.value } : NUMERIC.has(typeName) && /^-?\d+(\.\d+)?$/.test(d.value) ? { num: Number(d.value) } : undefined;
  return v && { ...v, source: { file: body.s.file, offset: d.offset, what: `struct tag default of ${what} (a flag or environment variable can set another at run time)` } };
}

/** A struct of the scanned file is read whole: an edit of a field's name, type or tag changes the value (keystroke path). */
function readIn(s: EvalScope, body: Body): Body {
  const { toks, match } = body.s;
  if (body.s === s) s.read?.push({ start: toks[body.open - 1]?.start ?? toks[body.open].start, end: toks[match[body.open]]?.end ?? s.text.length });
  return body;
}

/** `names` assigned in this file (`opts.OpenAI.Model = …`): the tag is not what the read gets. */
function assigned(s: EvalScope, names: string[]): boolean {
  const { toks } = s;
  const last = names[names.length - 1];
  for (const k of namesFollowedBy(toks, '=').get(last) ?? []) {
    if (k < 2 * names.length - 2) continue;
    let ok = true;
    for (let n = names.length - 2, m = k - 2; n >= 0 && ok; n--, m -= 2) ok = isP(toks[m + 1], '.') && toks[m].v === names[n];
    if (ok) return true;
  }
  return false;
}

/** The struct the name `name` read at `pos` is declared of: a parameter, a local `var`, or a package var. */
export function varBody(s: EvalScope, name: string, pos: number): Body | undefined {
  const { toks } = s;
  let own: { name: number; body: number; bodyEnd: number } | undefined;
  for (const list of tables(s).fns.values())
    for (const f of list) if ((toks[f.body]?.start ?? Infinity) <= pos && pos < (toks[f.bodyEnd]?.start ?? s.text.length) && (!own || f.body > own.body)) own = f;
  const binds = (tables(s).binds.get(name) ?? []).filter((b) => toks[b.name].start < pos && (b.kind !== 'param' || (b.until ?? 0) >= pos));
  const b = binds[binds.length - 1];
  if (b?.kind === 'param') return b.value < 0 ? typeBody(s, b.name + 1) : undefined;
  if (own) {
    // The method's receiver: `func (o *OpenAI) ask(…)`.
    const close = own.name - 1;
    const open = isP(toks[close], ')') ? s.match[close] : -1;
    if (open >= 0 && toks[open - 1]?.v === 'func' && toks[open + 1]?.v === name && !binds.length) {
      s.read?.push({ start: toks[open].start, end: toks[close].end });
      return typeBody(s, open + 2);
    }
    // A local declared in the function (`var opts Opts`): that; one assigned (`opts := load()`) is not read here.
    for (let k = own.body; k < own.bodyEnd && toks[k].start < pos; k++) {
      if (toks[k].t !== T.Id || toks[k].v !== name || toks[k - 1]?.v !== 'var') continue;
      s.read?.push({ start: toks[k - 1].start, end: toks[k].end });
      return typeBody(s, k + 1);
    }
    if (b && toks[b.name].start >= (toks[own.body]?.start ?? 0)) return undefined;
  }
  if (importsOf(s).names.has(name)) return undefined;
  const here = packageVar(s, name);
  if (here !== undefined) return here ?? undefined;
  for (const other of siblingScopes(s, name)) {
    const body = packageVar(other, name);
    if (body !== undefined) return body ?? undefined;
  }
  return undefined;
}

/** A package-level `var NAME T` (alone or in a `var (…)` block) of this file: its struct; null: declared, not of one. */
function packageVar(s: EvalScope, name: string): Body | null | undefined {
  const k = packageVarAt(s, name);
  if (k < 0) return undefined;
  s.read?.push({ start: s.toks[k - 1].start, end: s.toks[k].end });
  return typeBody(s, k + 1) ?? null;
}

/** The struct of the type written at token `k`: `struct {…}`, `T`, `*T`, `pkg.T`, or an empty literal `= T{}`. */
export function typeBody(s: EvalScope, k: number): Body | undefined {
  const { toks, match } = s;
  if (isP(toks[k], '=')) {
    k++;
    if (isP(toks[k], '&')) k++;
    // `= T{}` / `= &pkg.T{}`: the type, when the literal sets nothing.
    const brace = isP(toks[k + 1], '.') ? k + 3 : k + 1;
    if (!isP(toks[brace], '{') || match[brace] !== brace + 1) return undefined;
  }
  if (isP(toks[k], '*')) k++;
  if (isId(toks[k]) && toks[k].v === 'struct') return isP(toks[k + 1], '{') && match[k + 1] > k + 1 ? { s, open: k + 1 } : undefined;
  const ref = typeRef(s, k);
  return ref && structDecl(s, ref.dir, ref.name, ref.local ? goPackageName(s.text) : undefined);
}

/** The named type written at token `k` (`T`, `*T`, `pkg.T`): the folder of its package and its name. */
export function typeRef(s: EvalScope, k: number): { dir: string; name: string; local?: true } | undefined {
  const { toks } = s;
  const idx = s.index;
  if (isP(toks[k], '*')) k++;
  if (!idx || !isId(toks[k]) || toks[k].v === 'struct') return undefined;
  if (!isP(toks[k + 1], '.')) return { dir: dirname(s.file), name: toks[k].v, local: true };
  if (!isId(toks[k + 2])) return undefined;
  const b = importsOf(s).names.get(toks[k].v);
  const dir = b && b.name === '*' ? goImportDir(idx.files, s.file, b.from) : undefined;
  if (dir) s.read?.push(b!.span);
  return dir ? { dir, name: toks[k + 2].v } : undefined;
}

/**
 * `o.params.Model` where the field `params` of o's struct is of a named struct type (`params Params`): what that
 * type's literals and assignments give `Model`, its importers' literals included (go-config.ts): the constructor keeps
 * the `Params` it is given, and main.go writes the one literal of it.
 */
export function goChainField(s: EvalScope, names: string[], pos: number, depth: number): Value | undefined {
  if (names.length < 3 || names.length > MAX_CHAIN) return undefined;
  let body = varBody(s, names[0], pos);
  for (let n = 1; body && n < names.length - 2; n++) {
    const f = fieldAt(readIn(s, body), names[n]);
    body = f ? typeBody(body.s, f.type) : undefined;
  }
  const f = body && fieldAt(readIn(s, body), names[names.length - 2]);
  const ref = f && typeRef(body!.s, f.type);
  return ref && goTypeField(s, ref.dir, ref.name, names[names.length - 1], names.join('.'), depth);
}

/** `type NAME struct {` (alone or in a `type (…)` block) in the package in `dir`, this file first. */
export function structDecl(from: EvalScope, dir: string, name: string, pkg: string | undefined): Body | undefined {
  const own = dirname(from.file) === dir ? findStruct(from, name) : undefined;
  const idx = from.index;
  if (own || !idx) return own;
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    const text = idx.text(f) ?? '';
    if (f === from.file || !text.includes(name) || (pkg && goPackageName(text) !== pkg)) continue;
    const sc = idx.scope(f);
    const body = sc && findStruct(sc, name);
    if (body) return body;
  }
  return undefined;
}

function findStruct(s: EvalScope, name: string): Body | undefined {
  const { toks, match } = s;
  for (let k = 1; k + 2 < toks.length; k++) {
    const tk = toks[k];
    if (isP(tk, '(') && toks[k - 1]?.v === 'type') continue;
    if ((isP(tk, '{') || isP(tk, '(')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (tk.t !== T.Id || tk.v !== name || toks[k + 1].v !== 'struct' || !isP(toks[k + 2], '{')) continue;
    const prev = toks[k - 1];
    if (prev.v === 'type' || (s.text.lastIndexOf('\n', tk.start) >= prev.end && !isP(prev, '.'))) return { s, open: k + 2 };
  }
  return undefined;
}

/** A field of a struct's list, first on its line: where its type starts (-1: a pointer, slice or map), and its tag. */
export function fieldAt(body: Body, name: string): { type: number; tag?: Token } | undefined {
  const { s, open } = body;
  const { toks, match, text } = s;
  const close = match[open];
  const lineStart = (m: number) => m === open + 1 || text.lastIndexOf('\n', toks[m].start) >= toks[m - 1].end;
  for (let m = open + 1; m < close; m++) {
    const tk = toks[m];
    if ((isP(tk, '{') || isP(tk, '(') || isP(tk, '[')) && match[m] > m) {
      m = match[m];
      continue;
    }
    if (tk.t !== T.Id || tk.v !== name || !lineStart(m)) continue;
    // `Config *config.OpenAIConfig`: a pointer's type is read where its `*` stands (typeRef, typeBody step over it).
    const ptr = isP(toks[m + 1], '*') && isId(toks[m + 2]) ? 1 : 0;
    const k = m + 1 + ptr;
    if (!isId(toks[k]) || toks[k].v === 'map') return { type: -1 };
    const end = toks[k].v === 'struct' && isP(toks[k + 1], '{') ? match[k + 1] + 1 : isP(toks[k + 1], '.') ? k + 3 : k + 1;
    const tag = toks[end];
    const sameLine = tag && tag.t === T.Str && text.lastIndexOf('\n', tag.start) < toks[end - 1].end;
    return { type: k - ptr, tag: sameLine ? tag : undefined };
  }
  return undefined;
}

/** The value of the tag's one `default:"…"` / `envDefault:"…"` key and its offset; none when repeated (a slice's
 * values) or interpolated (`${HOME}/tmp`: caarlos0/env envExpand, kong variables). */
function tagDefault(s: EvalScope, tag: Token): { value: string; offset: number } | undefined {
  const raw = s.text.slice(tag.start, tag.end);
  let found: { value: string; offset: number } | undefined;
  for (const m of raw.matchAll(TAG_PAIR)) {
    if (!DEFAULT_KEYS.has(m[1])) continue;
    if (found) return undefined;
    found = { value: m[2], offset: tag.start + m.index! + m[1].length + 2 };
  }
  return found && !found.value.includes('${') && !found.value.includes('\\') ? found : undefined;
}

/** `key:"value"` in a struct tag (https://pkg.go.dev/reflect#StructTag), linear: no alternative overlaps another. */
const TAG_PAIR = /([A-Za-z_][\w-]*):"((?:[^"\\]|\\.)*)"/g;

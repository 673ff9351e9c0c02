// Go settings kept in a struct of a config package and filled in by its loader: `Model: public.Config.Model` where
// `var Config *config.Configuration` and the config package's LoadConfig does `if config.Model == "" { config.Model =
// "gpt-3.5-turbo" }` (eryajf/chatgpt-dingtalk config/config.go), or `Model: cfg.OpenaiModel` where the loader makes
// `&Config{OpenaiModel: getViperStringValue("OPENAI_MODEL", "gpt-3.5-turbo")}` (ConnectAI-E/feishu-openai
// initialization/config.go). A value of struct type T read as `x.F` takes what the package of T gives F: its composite
// literals `T{F: v}` and its `x.F = v` on names of type T. One known value set unconditionally, by a literal or in the
// arm of an `if` that tests F for empty is the default the code states, when every value known only at run time is
// set in the arm of an `if` that tests it for set (`if model != "" { config.Model = model }`) or by a setter from its
// parameter or a callback handed the struct; anything else (a cap `if n > 2000 { n = 2000 }`, two literals that
// differ) is left to run time. A literal that copies the field from a value of T (`T{F: cur.F}`, a getter's copy of a
// package var; muntianus/telegram-reminder internal/bot/bot.go getRuntimeConfig) adds no value of its own.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { countBefore } from '../util/binary-search';
import { armOf, callbackParam, enclosingOpen, type Arm } from './go-fields';
import { exprEnd, tables } from './scope';
import { evaluate } from './evaluate';
import { importsOf } from './imported';
import { declaresStruct, goPackageName, packageVarAt, siblingScopes } from './go-decls';
import { importerLiterals, importerTypedNames } from './go-importers';
import { goYamlField } from './go-yaml-config';
import { goCallResultAt } from './go-result-types';
import { neverCalled } from './go-caller-values';
import { goParamFieldFromCallers } from './go-callers';
import { MAX_DEPTH, statedSource, type EvalScope, type Value } from './value';

/** Places a field is set that are read for one use. */
const MAX_SETS = 32;
/** Files of a package looked through (a larger package is left as it was). */
const MAX_FILES = 200;

/** A struct type as a declaration names it: `*config.Configuration` → package `config`, type `Configuration`. */
interface TypeRef {
  pkg?: string;
  name: string;
  /** The file whose imports say which package `pkg` is. */
  scope: EvalScope;
}

/** The type written at token `k` (`*pkg.T`, `pkg.T`, `T`, `new(T)`, `&T{`), or undefined. */
function typeAt(s: EvalScope, k: number): TypeRef | undefined {
  const { toks } = s;
  if (isId(toks[k]) && toks[k].v === 'new' && isP(toks[k + 1], '(')) k += 2;
  if (isP(toks[k], '*') || isP(toks[k], '&')) k++;
  if (!isId(toks[k])) return undefined;
  if (isP(toks[k + 1], '.') && isId(toks[k + 2])) return /^[A-Z]/.test(toks[k + 2].v) ? { pkg: toks[k].v, name: toks[k + 2].v, scope: s } : undefined;
  return { name: toks[k].v, scope: s };
}

/** The type a package-level `var NAME *pkg.T` (alone or in a `var (…)` block) or `var NAME = new(T)` declares. */
function packageVarType(s: EvalScope, name: string): TypeRef | undefined {
  const k = packageVarAt(s, name);
  if (k < 0) return undefined;
  const eq = isP(s.toks[k + 1], '=') ? k + 2 : -1;
  return typeAt(s, eq > 0 ? eq : k + 1);
}

/** The folder of the package a type is declared in (its import, or the declaring file's own folder). */
function typeDir(ref: TypeRef): string | undefined {
  const idx = ref.scope.index;
  if (!idx || !ref.pkg) return idx ? dirname(ref.scope.file) : undefined;
  const b = importsOf(ref.scope).names.get(ref.pkg);
  if (!b || b.name !== '*') return undefined;
  ref.scope.read?.push(b.span);
  return goImportDir(idx.files, ref.scope.file, b.from);
}

/**
 * The files of the package in `dir` that declares struct type `type`: those with the same package clause as the
 * declaring file (a folder may hold a package's `_test` or stray files of another package), `from`'s own when both
 * declare it.
 */
function typeFiles(from: EvalScope, dir: string, type: string): string[] {
  const idx = from.index!;
  const files = goPackageFiles(idx.files, dir).slice(0, MAX_FILES);
  const own = dirname(from.file) === dir ? goPackageName(from.text) : undefined;
  const declared = files.find((f) => {
    const t = idx.text(f) ?? '';
    return declaresStruct(t, type) && (!own || goPackageName(t) === own);
  });
  if (!declared) return [];
  const pkg = goPackageName(idx.text(declared) ?? '');
  return files.filter((f) => goPackageName(idx.text(f) ?? '') === pkg);
}

/** `x.F` at offset `pos` where x is a parameter of the function it is in, or a package-level var, of a struct type. */
export function goTypedName(s: EvalScope, name: string, field: string, pos: number, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const list = tables(s).binds.get(name);
  let ref: TypeRef | undefined;
  const before = list?.filter((b) => s.toks[b.name].start < pos && (b.kind !== 'param' || (b.until ?? 0) >= pos));
  const b = before?.[before.length - 1];
  if (b?.kind === 'param' && b.value < 0) ref = typeAt(s, b.name + 1);
  else if ((!b || b.kind === 'assign') && !importsOf(s).names.has(name)) {
    // A package var (`openai.X`, `fmt.Y` are imports, not looked for): this file's declarations once per file. One
    // this file declares with a value before the use (`var current = Settings{…}`) is its binding, not a local.
    let memo = VARS.get(tables(s));
    if (!memo) VARS.set(tables(s), (memo = new Map()));
    if (!memo.has(name)) memo.set(name, { at: packageVarAt(s, name), ref: packageVarType(s, name) });
    const own = memo.get(name)!;
    ref = b ? (b.name === own.at ? own.ref : resultType(s, b.value, depth)) : own.ref ?? samePackageVar(s, name);
  }
  if (!ref) return undefined;
  // Literals that differ (one request builder's model, another's) are not one setting: what the callers pass.
  return typeField(ref, field, `${name}.${field}`, depth) ?? (b?.kind === 'param' ? goParamFieldFromCallers(s, b.name, field, depth) : undefined);
}

/**
 * A local assigned a function's result (`cfg, err := config.LoadConfig()`): the result's type (go-result-types.ts),
 * when the call's value is no struct the evaluator reads itself (`return Settings{…}`: what that literal says).
 */
function resultType(s: EvalScope, value: number, depth: number): TypeRef | undefined {
  const r = value >= 0 ? goCallResultAt(s, value) : undefined;
  if (!r || evaluate(s, value, exprEnd(s, value), depth + 1)?.obj) return undefined;
  return typeAt(r.scope, r.at);
}

/** This file's package vars by name: the declaring token (-1: none) and type, with its tables. */
const VARS = new KeyMemo<object, Map<string, { at: number; ref?: TypeRef }>>();

/** `public.Config.Model`: the package var `Config` of another package, and its field. */
export function goPackageVarField(scopes: EvalScope[], name: string, field: string, shown: string, depth: number): Value | undefined {
  for (const sc of scopes) {
    const ref = packageVarType(sc, name);
    if (ref) return typeField(ref, field, shown, depth);
  }
  return undefined;
}

function samePackageVar(s: EvalScope, name: string): TypeRef | undefined {
  for (const other of siblingScopes(s, name)) {
    const ref = packageVarType(other, name);
    if (ref) return ref;
  }
  return undefined;
}

function typeField(ref: TypeRef, field: string, shown: string, depth: number): Value | undefined {
  const dir = typeDir(ref);
  return dir ? goTypeField(ref.scope, dir, ref.name, field, shown, depth) : undefined;
}

/** One place the field is given a value: the value, and how it is guarded. */
interface FieldSet {
  v: Value;
  arm: Arm;
  scope: EvalScope;
  at: number;
  /** A literal of the type (a constructor's), not an assignment. */
  literal?: true;
  /** `x.F = p` where p is a parameter of the function it is in, or x one of a callback (go-fields.ts callbackParam). */
  setter?: true;
  /** `T{F: x.F}`: a copy of x's F, nothing of its own when x is of type T. */
  copyOf?: string;
}

/** The value the files of the package in `dir` give field `field` of struct type `type`; see the file's head. */
export function goTypeField(from: EvalScope, dir: string, type: string, field: string, shown: string, depth: number): Value | undefined {
  // Being worked out (a literal of the type that reads the field): not known, not a loop.
  const key = `${dir}:${type}.${field}`;
  if (!from.index || depth > MAX_DEPTH || BUSY.has(key)) return undefined;
  BUSY.add(key);
  try {
    return typeFieldValue(from, dir, type, field, shown, depth);
  } finally {
    BUSY.delete(key);
  }
}

const BUSY = new Set<string>();

function typeFieldValue(from: EvalScope, dir: string, type: string, field: string, shown: string, depth: number): Value | undefined {
  const idx = from.index!;
  const scopes: EvalScope[] = [];
  for (const f of typeFiles(from, dir, type)) {
    const text = idx.text(f) ?? '';
    if (!text.includes(field) || !text.includes(type)) continue;
    const sc = f === from.file ? from : idx.scope(f);
    if (sc) scopes.push(sc);
  }
  // Names of type T may be declared in one file of the package and set in another.
  const typed = new Set<string>();
  const sets: FieldSet[] = [];
  for (const sc of scopes) typedNames(sc, type, field, depth, typed, sets);
  for (const sc of scopes) assignments(sc, field, typed, depth, sets);
  for (let n = sets.length - 1; n >= 0; n--) if (sets[n].copyOf && typed.has(sets[n].copyOf!)) sets.splice(n, 1);
  // `pkg.T{F: v}` in the packages that import T's (go-importers.ts): `openai.Params{Model: opts.OpenAI.Model}` in main.
  for (const { scope, open } of importerLiterals(from, dir, type)) literal(scope, open, field, depth, sets);
  // `x.F = v` on names typed `pkg.T` there (a constructor's `if cfg.MaxTokens == 0 { cfg.MaxTokens = 4096 }`).
  for (const { scope, names } of importerTypedNames(from, dir, type, field)) assignments(scope, field, names, depth, sets);
  if (sets.length > MAX_SETS) return undefined;
  // Nothing in the code sets it: a loader may fill it from a YAML file (go-yaml-config.ts).
  if (!sets.length) return goYamlField(from, dir, type, field, shown);
  const known = sets.filter(({ v }) => v.runtime === undefined && !v.late?.length && !v.holes?.length && (v.str !== undefined || v.num !== undefined));
  if (!known.length || new Set(known.map(({ v }) => v.str ?? v.num)).size !== 1) return undefined;
  const runtime = sets.filter((x) => !known.includes(x));
  const defaulted = known.some((x) => x.arm === 'default');
  // The one known value set again where a setting is given (`if cfg.Model != "" { rc.Model = cfg.Model }`, whose default
  // is that value) is still that value; a cap (`if n > 2000 { n = 2000 }`) is not.
  if (!known.every((x) => x.literal || x.arm !== 'other')) return undefined;
  // A value read at run time and defaulted right after, in the same block, when empty (`cfg.OpenAIModel =
  // os.Getenv("OPENAI_MODEL"); if cfg.OpenAIModel == "" { cfg.OpenAIModel = "gpt-4o-mini" }`, a LoadApp found with
  // find_string, inside `if cfg.AIProvider == "openai" {`) is that default too.
  const emptied = (x: FieldSet) => known.some((d) => d.arm === 'default' && d.scope === x.scope && d.at > x.at && enclosingOpen(d.scope, enclosingOpen(d.scope, d.at)) === enclosingOpen(x.scope, x.at));
  if (!runtime.every((x) => x.arm === 'override' || x.setter || emptied(x))) return undefined;
  const d = known[0];
  const what = defaulted || runtime.length ? `default of ${shown}` : d.literal ? `${shown} as a ${type} literal sets it` : `${shown} as ${setBy(d)} sets it`;
  for (const x of sets) x.scope.read?.push({ start: x.scope.toks[x.at].start, end: x.scope.toks[x.at].end });
  return { ...d.v, source: statedSource(d.scope, what, d.v, d.scope.toks[d.at].start) };
}

/** The function an assignment is made in, as the hover names it. */
function setBy(x: FieldSet): string {
  let own: string | undefined;
  let body = -1;
  for (const [name, list] of tables(x.scope).fns) for (const f of list) if (f.body <= x.at && x.at < f.bodyEnd && f.body > body) [own, body] = [name, f.body];
  return own ? `${own}()` : 'the package';
}

/** Names declared of type T in one file (`x *T`, `x T`, `x := &T{`, `x = new(T)`), and its literals `T{field: v}`. */
function typedNames(s: EvalScope, type: string, field: string, depth: number, typed: Set<string>, out: FieldSet[]): void {
  const { toks, match } = s;
  for (let k = 1; k + 1 < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id || tk.v !== type || isP(toks[k + 1], '.') || isP(toks[k - 1], '.')) continue;
    let n = isP(toks[k - 1], '*') || isP(toks[k - 1], '&') ? k - 2 : k - 1;
    if (isP(toks[n], '(') && toks[n - 1]?.v === 'new') n -= 2;
    if (isP(toks[n], ':=') || isP(toks[n], '=')) n--;
    if (isId(toks[n]) && !KEYWORDS.has(toks[n].v) && toks[n].v !== 'type' && !isP(toks[n - 1], '.')) typed.add(toks[n].v);
    if (isP(toks[k + 1], '{') && match[k + 1] > k + 1 && toks[k - 1]?.v !== 'type') literal(s, k + 1, field, depth, out);
  }
}

/** `x.field = v` in one file, x a name of type T. */
function assignments(s: EvalScope, field: string, typed: Set<string>, depth: number, out: FieldSet[]): void {
  const { toks } = s;
  for (let k = 2; k + 2 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== field || !isP(toks[k - 1], '.') || !typed.has(toks[k - 2].v) || isP(toks[k - 3], '.')) continue;
    if (!isP(toks[k + 1], '=') || out.length > MAX_SETS) continue;
    const e = exprEnd(s, k + 2);
    const v = evaluate(s, k + 2, e, depth + 1) ?? { runtime: s.text.slice(toks[k + 2].start, toks[Math.max(k + 2, e - 1)].end) };
    const setter = (e === k + 3 && isId(toks[k + 2]) && isParam(s, toks[k + 2].v, k)) || callbackParam(s, k - 2);
    out.push({ v, arm: armOf(s, k - 2), scope: s, at: k, setter: setter || undefined });
  }
}

/** `T{…, field: v, …}`: v, at the literal's top level. */
function literal(s: EvalScope, open: number, field: string, depth: number, out: FieldSet[]): void {
  const { toks, match } = s;
  const close = match[open];
  for (let m = open + 1; m < close; m++) {
    if ((isP(toks[m], '(') || isP(toks[m], '[') || isP(toks[m], '{')) && match[m] > m) {
      m = match[m];
      continue;
    }
    if (toks[m].t !== T.Id || toks[m].v !== field || !isP(toks[m + 1], ':') || !(isP(toks[m - 1], '{') || isP(toks[m - 1], ','))) continue;
    const e = Math.min(exprEnd(s, m + 2), close);
    const v = evaluate(s, m + 2, e, depth + 1) ?? { runtime: s.text.slice(toks[m + 2].start, toks[Math.max(m + 2, e - 1)].end) };
    // A run-time value in a function nothing calls (go-caller-values.ts) is no value the field takes.
    if (v.runtime !== undefined && neverCalled(s, open)) continue;
    const copyOf = e === m + 5 && isId(toks[m + 2]) && isP(toks[m + 3], '.') && toks[m + 4].v === field ? toks[m + 2].v : undefined;
    out.push({ v, arm: 'none', scope: s, at: m, literal: true, ...(copyOf ? { copyOf } : {}) });
  }
}

/** Is `name`, used at token `at`, a parameter of the function `at` is in? */
function isParam(s: EvalScope, name: string, at: number): boolean {
  const pos = s.toks[at].start;
  const list = tables(s).binds.get(name) ?? [];
  const i = countBefore(list.length, (k) => s.toks[list[k].name].start < pos) - 1;
  const b = list[i];
  return !!b && b.kind === 'param' && (b.until ?? 0) >= pos;
}


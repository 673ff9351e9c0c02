// Which calls are a Go sender's with its own URL (go-fixed-sends.ts): a call of it passing a struct of its parameter's
// type (`llm.Req{…}`, `&Req{…}`, a local bound to one, a parameter declared with it), found in its own package or,
// for an exported method, in the files of the module that write that type's literal (`llm.Req{`); and a method
// called across packages (`p.client.Send(&r)`), taken from the module packages the file imports. The sender's own
// send is the row only when no such call is found.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { args } from './calls';
import { goPackageName } from './go-decls';
import { importsOf } from './imported';
import { goModule, importerCalls, importerLiterals } from './go-importers';
import { calledNames } from './names-followed';
import { CALLERS, paramsOf } from './file-callers';
import { tables } from './scope';
import { goBody } from './http-go';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import type { FixedSend } from './go-fixed-sends';
import type { Wrapper } from './http-wrappers';

/** Files of a package looked through for a sender's callers, at most. */
const MAX_FILES = 200;

/** A struct literal `T{…}`, `&T{…}`, `pkg.T{…}` spanning toks[a, e): its package qualifier and type. */
export function literalOf(c: EvalScope, a: number, e: number): { pkg?: string; type: string } | undefined {
  const { toks, match } = c;
  let k = isP(toks[a], '&') ? a + 1 : a;
  let pkg: string | undefined;
  if (isId(toks[k]) && isP(toks[k + 1], '.')) {
    pkg = toks[k].v;
    k += 2;
  }
  if (!isId(toks[k]) || !isP(toks[k + 1], '{') || match[k + 1] !== e - 1) return undefined;
  return { ...(pkg ? { pkg } : {}), type: toks[k].v };
}

/** The struct type the argument toks[from, to) (goBody's) is: a literal's, or a parameter's declared type (`r *llm.Req`). */
export function argType(c: EvalScope, from: number, to: number): { pkg?: string; type: string } | undefined {
  const lit = literalOf(c, from, to);
  if (lit) return lit;
  const { toks, match } = c;
  // `buildRequest(text)`: a function of the file declared to return `T` / `*T` / `pkg.T`.
  if (isId(toks[from]) && isP(toks[from + 1], '(') && match[from + 1] === to - 1) {
    const fn = tables(c).fns.get(toks[from].v)?.at(-1);
    const po = fn ? (fn.params ?? fn.name + 1) : -1;
    return fn && isP(toks[po], '(') && match[po] > po ? typeAt(c, match[po] + 1, (k) => k + 2 === fn.body) : undefined;
  }
  if (to !== from + 1 || !isId(toks[from])) return undefined;
  for (const [p, { fn }] of paramsOf(c)) {
    if (toks[p].v !== toks[from].v || fn.body > from || from >= fn.bodyEnd) continue;
    const end = match[fn.params ?? fn.name + 1];
    return typeAt(c, p + 1, (k) => isP(toks[k + 1], ',') || k + 1 === end);
  }
  return undefined;
}

/** The type written at toks[k] (`*llm.Req`, `Req`) when `ends` says its name ends the type. */
function typeAt(c: EvalScope, k: number, ends: (k: number) => boolean): { pkg?: string; type: string } | undefined {
  const { toks } = c;
  while (isP(toks[k], '*')) k++;
  let pkg: string | undefined;
  if (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) {
    pkg = toks[k].v;
    k += 2;
  }
  return isId(toks[k]) && ends(k) ? { ...(pkg ? { pkg } : {}), type: toks[k].v } : undefined;
}

/** The calls of a fixed-URL sender in a file (`name(` tokens the file's dispatcher lookup takes for it). */
function callsIn(sc: EvalScope, fx: FixedSend, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  for (const k of calledNames(sc.toks).get(fx.name) ?? []) {
    const w = lookup(sc as Ctx, k);
    if (w?.fixed?.id !== fx.id) continue;
    const b = args(sc, k + 1, sc.match[k + 1]).filter((x) => !x.key)[w.body];
    if (!b || b.from >= b.to) continue;
    if (!fx.method) return true;
    const [f, t] = goBody(sc as Ctx, b.from, b.to, k);
    if (argType(sc, f, t)?.type === fx.type) return true;
  }
  return false;
}


/**
 * Is the send of fixed-URL sender `w` (in c's file) called from a file of the workspace the lookup reaches? The
 * file's own calls are read live (a call typed, or one after the first screen's cut, changes the answer: the name
 * is noted as go-callers.ts notes it); the other files' once until one of the module's files changes.
 */
export function fixedCalled(c: Ctx, w: Wrapper, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  const fx = w.fixed!;
  c.readNames?.add(fx.name);
  c.forward?.add(CALLERS + fx.name);
  if (callsIn(c, fx, lookup)) return true;
  const idx = c.index;
  if (!idx) return false;
  // Once per sender until a file of its module changes (an editor's edit of a caller elsewhere changes the answer).
  const dir = dirname(c.file);
  return idx.memo(goModule(idx.files, dir)?.root ?? dir, `go.fixed-called ${fx.id}`, () => otherCalls(c, fx, lookup));
}

function otherCalls(c: Ctx, fx: FixedSend, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  const idx = c.index;
  if (!idx) return false;
  const dir = dirname(c.file);
  const pkg = goPackageName(c.text);
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    if (f === c.file || !(idx.text(f) ?? '').includes(fx.name + '(')) continue;
    const o = idx.scope(f);
    if (o && goPackageName(o.text) === pkg && callsIn(o, fx, lookup)) return true;
  }
  if (!/^[A-Z]/.test(fx.name)) return false;
  // Another package's files: those writing the parameter's struct literal `llm.Req{` (a method's callers) or calling
  // the function `llm.Send(`.
  const seen = new Set<string>();
  for (const { scope } of [...importerLiterals(c, dir, fx.type), ...(fx.method ? [] : importerCalls(c, dir, fx.name))]) {
    if (seen.has(scope.file)) continue;
    seen.add(scope.file);
    if (callsIn(scope, fx, lookup)) return true;
  }
  return false;
}

/** Per file: the module packages it imports, by the name it calls them (`llm` → `internal/llm`). */
const IMPORTED = new KeyMemo<object, Map<string, string | null>>();

/**
 * `p.client.Send(&r)` in another package than the method's: a method sender of a module package the file imports,
 * whose parameter's struct literal (`llm.Req{…}` of that package) the call passes.
 */
export function importedMethodSender(c: Ctx, at: number, dirSenders: (dir: string) => Map<string, Wrapper>): Wrapper | undefined {
  const { toks } = c;
  const idx = c.index;
  const name = toks[at].v;
  if (!idx || !isP(toks[at - 1], '.') || !/^[A-Z]/.test(name) || !isP(toks[at + 1], '(')) return undefined;
  // The arguments first (cheap): one that is a struct of an imported package (`&llm.Req{…}`, `r` bound to one) names
  // the only package whose senders are looked at.
  const open = at + 1;
  const byPlace = args(c, open, c.match[open]).filter((x) => !x.key);
  for (let n = 0; n < byPlace.length; n++) {
    const b = byPlace[n];
    if (b.from >= b.to) continue;
    const [f, t] = goBody(c, b.from, b.to, at);
    const type = argType(c, f, t);
    const dir = type?.pkg ? importedDir(c, type.pkg) : undefined;
    if (!dir) continue;
    // `o.Send(…)` with `o *Other` a parameter of a type of this package: Other's method.
    const recv = isId(toks[at - 2]) && !isP(toks[at - 3], '.') ? argType(c, at - 2, at - 1) : undefined;
    if (recv && recv.pkg !== type!.pkg) return undefined;
    const w = dirSenders(dir).get(name);
    if (w?.fixed?.method && w.body === n && w.fixed.type === type!.type) return w;
  }
  return undefined;
}

/** The folder of the module package the file imports as `alias`, once per file and alias. */
function importedDir(c: Ctx, alias: string): string | undefined {
  let dirs = IMPORTED.get(c);
  if (!dirs) IMPORTED.set(c, (dirs = new Map()));
  if (dirs.has(alias)) return dirs.get(alias) ?? undefined;
  const b = importsOf(c).names.get(alias);
  const dir = b && b.name === '*' && c.index ? goImportDir(c.index.files, c.file, b.from) : undefined;
  dirs.set(alias, dir ?? null);
  return dir;
}

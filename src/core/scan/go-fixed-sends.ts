// A Go function or method of the app's own that sends its request parameter to a URL it names itself:
// `func (c *Client) Send(r *Req) (…) { if r.Model == "" { r.Model = fallbackModel }; body, _ := json.Marshal(r) /* or
// r.Encode() */; req, _ := http.NewRequest(http.MethodPost, chatURL, bytes.NewReader(body)); … }`, called as
// `r := llm.Req{MaxTokens: 1500, Messages: …}; c.Send(&r)` (matiasinsaurralde/congreso-votaciones internal/pkg/openai
// `Completion(completionRequest *CompletionRequest)` with its endpoint and default model consts in constants.go, its
// caller in pkg/processor). As for a dispatcher whose URL is a parameter (go-http-wrappers.ts), each call of it is the
// row, its request read where the caller writes it; the send itself is a row only when no caller of it is found
// (an exported client called from no file of the workspace). The `if r.Model == "" { r.Model = K }` default names the
// model of a caller whose struct literal leaves Model out; a caller naming one is that model; a request known only at
// run time stays run time. A method's call is taken only with a struct literal of its parameter's type (`llm.Req{…}`,
// `&Req{…}`, or a local bound to one): another type's method of the same name is not it.
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { args } from './calls';
import { evaluate } from './evaluate';
import { exprEnd, tables } from './scope';
import { armOf } from './go-fields';
import { goPackageName } from './go-decls';
import { importsOf } from './imported';
import { importerLiterals } from './go-importers';
import { calledNames } from './names-followed';
import { paramsOf } from './file-callers';
import { modelOf, readModel, type Ctx, type ModelValue } from './values';
import { endpoint, targetOf, urlOf, type HttpRequest } from './http-calls';
import { goBody, type Arg } from './http-go';
import { statedSource, type EvalScope } from './value';
import type { CallShape } from './call-shape-types';
import type { Fn } from './function-forms';
import type { Wrapper } from './http-wrappers';

/** What a fixed-URL sender is, beside the body parameter's place (Wrapper.body). */
export interface FixedSend {
  /** The sender's file scope, its send's name token and bracket, and the URL argument there. */
  scope: EvalScope;
  first: number;
  open: number;
  url: [number, number];
  /** The function's name, and whether it is a method (its calls then need a literal of `type`). */
  name: string;
  method: boolean;
  /** The parameter's type name (`Req` of `r *llm.Req`). */
  type: string;
  /** The value the function gives an empty Model (`if r.Model == "" { r.Model = K }`): K's tokens in `scope`. */
  model?: [number, number];
}

/** Files of a package, or importers of it, looked through for a sender's callers, at most. */
const MAX_FILES = 200;

/**
 * The send at toks[first] (bracket `open`, URL `url`, body tokens `body` as goBody found them) of `fn`, when its URL
 * is no parameter and its body is parameter `names[i]` (`r`, `json.Marshal(r)`, `r.Encode()` of a method encoding its
 * receiver).
 */
export function fixedSendOf(s: EvalScope, fn: Fn, names: string[], first: number, url: Arg, body: [number, number]): Wrapper | undefined {
  const { toks, match } = s;
  const [a, e] = body;
  let i = -1;
  if (e === a + 1 && isId(toks[a])) i = names.indexOf(toks[a].v);
  // `r.Encode()`, `r.ToJSON()`: a method of the package that returns json.Marshal of its receiver.
  else if (e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && isId(toks[a + 2]) && isP(toks[a + 3], '(') && match[a + 3] === a + 4 && encodes(s, toks[a + 2].v)) i = names.indexOf(toks[a].v);
  if (i < 0 || url.from >= url.to) return undefined;
  const po = fn.params ?? fn.name + 1;
  const type = isP(toks[po], '(') && match[po] > po ? paramType(s, po, i) : undefined;
  if (!type) return undefined;
  const fixed: FixedSend = { scope: s, first, open: first + 1, url: [url.from, url.to], name: toks[fn.name].v, method: isP(toks[fn.name - 1], ')'), type };
  const model = defaultModel(s, fn.body, first, names[i]);
  if (model) fixed.model = model;
  return { url: -1, body: i, fixed };
}

/** The type name of parameter `n` of the list at `open` (`r *llm.Req` → Req, `r Req` → Req). */
function paramType(s: EvalScope, open: number, n: number): string | undefined {
  const a = args(s, open, s.match[open]).filter((x) => !x.key)[n];
  const last = a && a.to - 1 > a.from ? s.toks[a.to - 1] : undefined;
  return last && isId(last) && /^[A-Z]/.test(last.v) ? last.v : undefined;
}

/** Is `name` a method of the file or its package whose body is `json.Marshal(receiver)`? */
function encodes(s: EvalScope, name: string): boolean {
  const scopes = [s];
  if (!tables(s).fns.has(name) && s.index) {
    const pkg = goPackageName(s.text);
    for (const f of goPackageFiles(s.index.files, dirname(s.file)).slice(0, MAX_FILES)) {
      const text = s.index.text(f) ?? '';
      if (f === s.file || !text.includes(`) ${name}(`) || goPackageName(text) !== pkg) continue;
      const o = s.index.scope(f);
      if (o) scopes.push(o);
    }
  }
  for (const o of scopes) {
    for (const fn of tables(o).fns.get(name) ?? []) {
      const { toks } = o;
      // `func (c *Req) Encode()`: the receiver's name after `func (`.
      const recv = toks[fn.name - 1] && isP(toks[fn.name - 1], ')') && isP(toks[o.match[fn.name - 1]], '(') ? toks[o.match[fn.name - 1] + 1]?.v : undefined;
      if (!recv) continue;
      for (let k = fn.body; k + 4 < fn.bodyEnd; k++) {
        if (toks[k].v === 'json' && isP(toks[k + 1], '.') && toks[k + 2].v === 'Marshal' && isP(toks[k + 3], '(') && toks[k + 4].v === recv && isP(toks[k + 5], ')')) return true;
      }
    }
  }
  return false;
}

/** `p.Model = K` before the send, in an arm testing for empty (`if p.Model == "" {`): K's tokens. */
function defaultModel(s: EvalScope, from: number, to: number, p: string): [number, number] | undefined {
  const { toks } = s;
  for (let k = from; k + 4 < to; k++) {
    if (toks[k].v !== p || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'Model' || !isP(toks[k + 3], '=') || isP(toks[k - 1], '.')) continue;
    if (armOf(s, k) !== 'default') return undefined;
    return [k + 4, exprEnd(s, k + 4)];
  }
  return undefined;
}

/** A struct literal `T{…}`, `&T{…}`, `pkg.T{…}` spanning toks[a, e): its package qualifier and type. */
function literalOf(c: EvalScope, a: number, e: number): { pkg?: string; type: string } | undefined {
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
function argType(c: EvalScope, from: number, to: number): { pkg?: string; type: string } | undefined {
  const lit = literalOf(c, from, to);
  if (lit || to !== from + 1 || !isId(c.toks[from])) return lit;
  const { toks, match } = c;
  for (const [p, { fn }] of paramsOf(c)) {
    if (toks[p].v !== toks[from].v || fn.body > from || from >= fn.bodyEnd) continue;
    let k = p + 1;
    while (isP(toks[k], '*')) k++;
    let pkg: string | undefined;
    if (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) {
      pkg = toks[k].v;
      k += 2;
    }
    const end = match[fn.params ?? fn.name + 1];
    return isId(toks[k]) && (isP(toks[k + 1], ',') || k + 1 === end) ? { ...(pkg ? { pkg } : {}), type: toks[k].v } : undefined;
  }
  return undefined;
}

/** The request a call of a fixed-URL sender sends (its arguments `a`), or undefined when the call is not one of it. */
export function fixedRequest(c: Ctx, shape: CallShape, a: Arg[], wrap: Wrapper, first: number): HttpRequest | undefined {
  const fx = wrap.fixed!;
  const arg = a.filter((x) => !x.key)[wrap.body];
  if (!arg || arg.from >= arg.to) return undefined;
  const [from, to] = goBody(c, arg.from, arg.to, first);
  const lit = literalOf(c, from, to);
  if (fx.method && (lit ?? argType(c, from, to))?.type !== fx.type) return undefined;
  const s = fx.scope as Ctx;
  const u = urlOf(s, fx.open, fx.url[0], fx.url[1], fx.first);
  if (!u || !endpoint(u, shape.http!)) return undefined;
  const out: HttpRequest = { from, to, target: targetOf(u.url) };
  // `r.Model = cfg.Model` between the literal and the call: that model, else the sender's default.
  const set = lit ? setAfter(c, arg, to, first) : -1;
  const m = set >= 0 ? readModel(c, set, exprEnd(c, set)) : lit && fx.model ? givenModel(c, fx, first) : undefined;
  if (m) out.modelDefault = m;
  return out;
}

/** `r.Model = …` after the literal (ending at `after`) the argument `r` / `&r` names, before the call: the value's token. */
function setAfter(c: Ctx, arg: Arg, after: number, first: number): number {
  const { toks } = c;
  const name = toks[isP(toks[arg.from], '&') ? arg.from + 1 : arg.from];
  if (!isId(name) || arg.to - arg.from > 2) return -1;
  let at = -1;
  for (let k = after; k + 3 < first; k++) {
    if (toks[k].v === name.v && isP(toks[k + 1], '.') && toks[k + 2].v === 'Model' && isP(toks[k + 3], '=') && !isP(toks[k - 1], '.')) at = k + 4;
  }
  return at;
}

/** The model the sender gives a request with none, placed where it is written. */
function givenModel(c: Ctx, fx: FixedSend, first: number): ModelValue {
  const s = fx.scope;
  const [a, e] = fx.model!;
  const v = evaluate(s, a, e);
  if (!v || v.runtime !== undefined || v.str === undefined) return undefined;
  const what = `default ${fx.name}() gives a request with no Model`;
  const at = c.toks[first];
  return modelOf(c, { ...v, source: statedSource(s, what, v, s.toks[a].start) }, { start: at.start, end: at.end });
}

/** The calls of a fixed-URL sender in a file (`name(` tokens the file's dispatcher lookup takes for it). */
function callsIn(sc: EvalScope, fx: FixedSend, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  for (const k of calledNames(sc.toks).get(fx.name) ?? []) {
    const w = lookup(sc as Ctx, k);
    if (w?.fixed?.scope.file !== fx.scope.file || w.fixed.first !== fx.first) continue;
    const b = args(sc, k + 1, sc.match[k + 1]).filter((x) => !x.key)[w.body];
    if (!b || b.from >= b.to) continue;
    if (!fx.method) return true;
    const [f, t] = goBody(sc as Ctx, b.from, b.to, k);
    if (argType(sc, f, t)?.type === fx.type) return true;
  }
  return false;
}

/** Per workspace index (or file scope), per sender: whether a call of it is found (then the calls are the rows). */
const CALLED = new WeakMap<object, Map<string, boolean>>();

/** Is the send of fixed-URL sender `w` (in c's file) called from a file of the workspace the lookup reaches? */
export function fixedCalled(c: Ctx, w: Wrapper, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  const fx = w.fixed!;
  const holder = c.index ?? c;
  let m = CALLED.get(holder);
  if (!m) CALLED.set(holder, (m = new Map()));
  const key = `${c.file}:${fx.first}`;
  let out = m.get(key);
  if (out === undefined) m.set(key, (out = findCalls(c, fx, lookup)));
  return out;
}

function findCalls(c: Ctx, fx: FixedSend, lookup: (c: Ctx, at: number) => Wrapper | undefined): boolean {
  if (callsIn(c, fx, lookup)) return true;
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
  // Another package's files: those writing the parameter's struct literal `llm.Req{` (a method's callers) or naming it.
  const seen = new Set<string>();
  for (const { scope } of importerLiterals(c, dir, fx.type)) {
    if (seen.has(scope.file)) continue;
    seen.add(scope.file);
    if (callsIn(scope, fx, lookup)) return true;
  }
  return false;
}

/** Per file: the module packages it imports, by the name it calls them (`llm` → `internal/llm`). */
const IMPORTED = new WeakMap<object, Map<string, string>>();

/**
 * `p.client.Send(&r)` in another package than the method's: a method sender of a module package the file imports,
 * whose parameter's struct literal (`llm.Req{…}` of that package) the call passes.
 */
export function importedMethodSender(c: Ctx, at: number, dirSenders: (dir: string) => Map<string, Wrapper>): Wrapper | undefined {
  const { toks } = c;
  const idx = c.index;
  const name = toks[at].v;
  if (!idx || !isP(toks[at - 1], '.') || !/^[A-Z]/.test(name) || !isP(toks[at + 1], '(')) return undefined;
  let dirs = IMPORTED.get(c);
  if (!dirs) {
    IMPORTED.set(c, (dirs = new Map()));
    for (const [alias, b] of importsOf(c).names) {
      const dir = b.name === '*' ? goImportDir(idx.files, c.file, b.from) : undefined;
      if (dir) dirs.set(alias, dir);
    }
  }
  if (!dirs.size) return undefined;
  // `o.Send(…)` with `o *Other` a parameter of a type of this package: Other's method.
  const recv = isId(toks[at - 2]) && !isP(toks[at - 3], '.') ? argType(c, at - 2, at - 1) : undefined;
  if (recv && (!recv.pkg || !dirs.has(recv.pkg))) return undefined;
  const open = at + 1;
  for (const [alias, dir] of dirs) {
    const w = dirSenders(dir).get(name);
    if (!w?.fixed?.method) continue;
    const b = args(c, open, c.match[open]).filter((x) => !x.key)[w.body];
    if (!b || b.from >= b.to) continue;
    const [f, t] = goBody(c, b.from, b.to, at);
    const type = argType(c, f, t);
    if (type?.pkg === alias && type.type === w.fixed.type) return w;
  }
  return undefined;
}

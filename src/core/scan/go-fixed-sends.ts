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
import { args } from './calls';
import { evaluate } from './evaluate';
import { exprEnd, tables } from './scope';
import { armOf, enclosingOpen } from './go-fields';
import { goPackageName } from './go-decls';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { paramPlace } from './go-http-forwards';
import { modelOf, readModel, type Ctx, type ModelValue } from './values';
import { endpoint, targetOf, urlOf, type HttpRequest } from './http-calls';
import { goBody, type Arg } from './http-go';
import { statedSource, type EvalScope } from './value';
import type { CallShape } from './call-shape-types';
import type { Fn } from './function-forms';
import type { Wrapper } from './http-wrappers';
import { argType, literalOf } from './go-fixed-callers';

/** What a fixed-URL sender is, beside the body parameter's place (Wrapper.body). */
export interface FixedSend {
  /** The sending function: its file, receiver type and name. */
  id: string;
  /** The file scope of the send, its name token and bracket, and the URL argument there. */
  scope: EvalScope;
  first: number;
  open: number;
  url: [number, number];
  /** The function's name, and whether it is a method (its calls then need a literal of `type`). */
  name: string;
  method: boolean;
  /** The parameter's type name (`Req` of `r *llm.Req`). */
  type: string;
  /** The base the URL is joined to (a dispatcher `c.baseURL + path` called with the path, go-http-wrappers.ts). */
  base?: string;
  /** The value the function gives an empty Model (`if r.Model == "" { r.Model = K }`), or any (`r.Model = K`). */
  model?: { scope: EvalScope; at: [number, number]; forced: boolean; fn: string };
}

/** Files of a package, or importers of it, looked through for a sender's callers, at most. */
const MAX_FILES = 200;

/**
 * The send at toks[first] (bracket `open`, URL `url`, body tokens `body` as goBody found them) of `fn`, when its URL
 * is no parameter and its body is parameter `names[i]` (`r`, `json.Marshal(r)`, `r.Encode()` of a method encoding its
 * receiver).
 */
export function fixedSendOf(s: EvalScope, fn: Fn, names: string[], first: number, url: Arg, body: [number, number]): Wrapper | undefined {
  const i = bodyParam(s, names, body);
  if (i < 0 || url.from >= url.to) return undefined;
  return made(s, fn, names, i, { scope: s, first, open: first + 1, url: [url.from, url.to] });
}

/** The parameter a request body is (`r`, `r.Encode()` of a method marshalling its receiver), by place; -1: none. */
function bodyParam(s: EvalScope, names: string[], [a, e]: [number, number]): number {
  const { toks, match } = s;
  if (e === a + 1 && isId(toks[a])) return names.indexOf(toks[a].v);
  // `r.Encode()`, `r.ToJSON()`: a method of the package that returns json.Marshal of its receiver.
  if (e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && isId(toks[a + 2]) && isP(toks[a + 3], '(') && match[a + 3] === a + 4 && encodes(s, toks[a + 2].v)) return names.indexOf(toks[a].v);
  return -1;
}

/** The sender `fn` with its request parameter `i`, sending as `send` says (or as the sender it calls does). */
function made(s: EvalScope, fn: Fn, names: string[], i: number, send: Pick<FixedSend, 'scope' | 'first' | 'open' | 'url' | 'base' | 'model'>): Wrapper | undefined {
  const { toks, match } = s;
  const po = fn.params ?? fn.name + 1;
  const type = isP(toks[po], '(') && match[po] > po ? paramType(s, po, i) : undefined;
  if (!type) return undefined;
  // Its file, receiver type and name: the same in a file's first screen and when it is edited above it.
  const recv = isP(toks[fn.name - 1], ')') ? toks[fn.name - 2]?.v : '';
  const fixed: FixedSend = { ...send, id: `${s.file}:${recv}.${toks[fn.name].v}`, name: toks[fn.name].v, method: isP(toks[fn.name - 1], ')'), type };
  const model = defaultModel(s, fn, names[i]);
  if (model) fixed.model = model;
  return { url: -1, body: i, fixed };
}

/**
 * A function handing its request parameter to a sender (`GetOpenAiResp(ctx, rd)` calling `GetHttpResp(ctx, rd)`), or to
 * a dispatcher with a URL of its own (`getReq(rd, DefaultUrl)` of `func getReq(r *RequestData, url string)`: hleft/
 * gpt3-5-turbo-go gpt35/client.go): a sender too, its calls the rows.
 */
export function fixedForwardOf(s: EvalScope, fn: Fn, names: string[], lookup: (name: string, at: number) => Wrapper | undefined): Wrapper | undefined {
  const { toks, match } = s;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !isId(toks[k - 1]) || match[k] < k || toks[k - 1].v === 'func') continue;
    const w = lookup(toks[k - 1].v, k - 1);
    if (!w || w.urlField || w.bodyField) continue;
    const byPlace = args(s, k, match[k]).filter((a) => !a.key);
    const b = byPlace[w.body];
    const i = b ? bodyParam(s, names, goBody(s as Ctx, b.from, b.to, k - 1)) : -1;
    if (i < 0) continue;
    if (w.fixed) return made(s, fn, names, i, w.fixed);
    const u = byPlace[w.url];
    if (!u || u.from >= u.to || paramPlace(s, names, u.from, u.to).i >= 0) continue;
    // `send("GET", path, nil)`: a method written here that is not POST sends no request body.
    const m = w.method === undefined || w.methodField ? undefined : byPlace[w.method];
    const mv = m && evaluate(s, m.from, m.to);
    if (mv?.str !== undefined && mv.str.toUpperCase() !== 'POST') continue;
    return made(s, fn, names, i, { scope: s, first: k - 1, open: k, url: [u.from, u.to], ...(w.base === undefined ? {} : { base: w.base }) });
  }
  return undefined;
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

/** `p.Model = K` in an arm testing for empty (`if p.Model == "" {`), or in the function's own block (any request). */
function defaultModel(s: EvalScope, fn: Fn, p: string): FixedSend['model'] {
  const { toks } = s;
  for (let k = fn.body; k + 4 < fn.bodyEnd; k++) {
    if (toks[k].v !== p || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'Model' || !isP(toks[k + 3], '=') || isP(toks[k - 1], '.')) continue;
    const arm = armOf(s, k);
    const forced = arm === 'none' && enclosingOpen(s, k) + 1 === fn.body;
    if (arm !== 'default' && !forced) return undefined;
    return { scope: s, at: [k + 4, exprEnd(s, k + 4)], forced, fn: toks[fn.name].v };
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
  const found = urlOf(s, fx.open, fx.url[0], fx.url[1], fx.first);
  const u = found && fx.base !== undefined ? { ...found, url: fx.base + found.url } : found;
  if (!u || !endpoint(u, shape.http!)) return undefined;
  const out: HttpRequest = { from, to, target: targetOf(u.url) };
  // `r.Model = cfg.Model` between the literal and the call: that model, else the sender's default.
  const set = lit && !fx.model?.forced ? setAfter(c, arg, to, first) : -1;
  const m = set >= 0 ? readModel(c, set, exprEnd(c, set)) : fx.model && (lit || fx.model.forced) ? givenModel(c, fx, first) : undefined;
  if (m) out.modelDefault = m;
  if (m && fx.model?.forced) out.modelForced = true;
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
  const { scope: s, at: [a, e], forced, fn } = fx.model!;
  const v = evaluate(s, a, e);
  if (!v || v.runtime !== undefined || v.str === undefined) return undefined;
  const what = forced ? `the model ${fn}() sets on every request` : `default ${fn}() gives a request with no Model`;
  const at = c.toks[first];
  return modelOf(c, { ...v, source: statedSource(s, what, v, s.toks[a].start) }, { start: at.start, end: at.end });
}


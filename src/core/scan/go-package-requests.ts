// A Go request built by a function of another file of the package, or of another package of the module, and sent
// here: `req := newRequest(diff)` with `func newRequest` in request.go, `req := prompts.NewRequest(diff)` then
// `client.CreateChatCompletion(ctx, req)`, or `openaiReq := openai.BuildOpenAIRequest(mrInfos)` passed to the
// package's sender (brianmatzelle/documenter pkg/generate/handler.go, the request a `models.OpenAIRequest{Model:
// config.OPENAI_MODEL, …}` of pkg/generate/openai/request.go). The function's one `return` is read in its own file
// with the call's arguments bound to its parameters (arg-frames.ts), as jvm-param-requests.ts helperRequest reads
// a Python or Java helper's: its model and limit placed in that file, its prompt parts at the call here.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { exprEnd, tables, type Fn } from './scope';
import { args } from './calls';
import { evaluate } from './evaluate';
import { withArgs } from './arg-frames';
import { goImportedFunction } from './go-result-types';
import { goPackageFunction } from './go-decls';
import { requestAt, type Request } from './request-defs';
import { placed } from './jvm-param-requests';
import { assignmentBefore } from './definitions';
import { goSelfMethod, grownBy, goVarMethod } from './go-method-requests';

/** `pkg.F(…)` at token `def` (`pkg` a package of the module), or `f(…)` of a sibling file: the request its one
 * `return` builds, or undefined. */
export function goPackageRequest(c: Ctx, def: number, modelArg?: number): Request | undefined {
  const { toks, match } = c;
  const end = exprEnd(c, def);
  // `pkg.F(…)`, or `f(…)` of another file of this package (`newRequest(diff)` in main.go, defined in request.go).
  const qualified = isId(toks[def]) && isP(toks[def + 1], '.') && isId(toks[def + 2]);
  const at = qualified ? def + 2 : def;
  if (!isId(toks[at]) || !isP(toks[at + 1], '(') || match[at + 1] !== end - 1) return undefined;
  const name = toks[at].v;
  const other = qualified ? (/^[A-Z]/.test(name) ? goImportedFunction(c, toks[def].v, name) : undefined) : siblingFunction(c, name);
  // `bot.GetRequest(prompt)`: a method of the package type the variable holds (go-method-requests.ts).
  const method = !other && qualified ? goVarMethod(c, toks[def].v, name, def) : undefined;
  const sc = other?.scope ?? method?.scope;
  const f = method?.fn ?? (sc && tables(sc).fns.get(name)?.find((x) => x.name === other!.name));
  const ret = f && built(sc!, f);
  if (!sc || !f || ret === undefined) return undefined;
  const list = args(c, at + 1, match[at + 1]);
  const given = { list, bind: true as const, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1) };
  let oc: Ctx = { ...sc };
  let req: Request | undefined;
  // `req := openai.ChatCompletionRequest{…}` … `return req, nil`: the local's literal.
  let from = isId(sc.toks[ret]) && exprEnd(oc, ret) === ret + 1 ? assignmentBefore(oc, sc.toks[ret].v, ret) : ret;
  // `req := b.getBaseMessage()` in a method: the literal that method of the receiver's type returns.
  const inner = from >= 0 && method ? selfCall(oc, f, from) : undefined;
  if (inner) [oc, from] = [{ ...inner.scope }, inner.at];
  const read = () => void (req = requestAt(oc, from, modelArg));
  // The parameters bound where f is written (another file's method read plain).
  if (oc.file === sc.file) withArgs(oc, f, given, read);
  else read();
  if (!req?.found.model) return undefined;
  const here = { start: toks[def].start, end: toks[end - 1].end };
  c.read?.push(here);
  const found = placed(req.found, oc.file, c.file, here, name);
  // `b.appendMessages(&req)` before `return req`: messages added at run time, named, not counted.
  const grown = isId(sc.toks[ret]) ? grownBy(sc, f, sc.toks[ret].v) : undefined;
  if (grown) found.parts = [...found.parts, { text: '', span: here, resolved: false, label: grown }];
  return { found, start: def, end: end - 1 };
}

/**
 * The first token of the one `return` of `f` that gives a request: an error path's `return openai.ChatCompletionRequest{},
 * err` or `return nil, err` is passed over (newSummarizationRequest of a go-openai app returns the empty request when its
 * prompt fails). Undefined when several others return.
 */
function built(s: Ctx, f: Fn): number | undefined {
  const { toks, match } = s;
  let at: number | undefined;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    let v = isP(toks[k + 1], '&') ? k + 2 : k + 1;
    while (isId(toks[v]) && isP(toks[v + 1], '.') && isId(toks[v + 2])) v += 2;
    const empty = (isId(toks[v]) && isP(toks[v + 1], '{') && match[v + 1] === v + 2) || toks[k + 1]?.v === 'nil';
    if (empty) continue;
    if (at !== undefined) return undefined;
    at = k + 1;
  }
  return at;
}

/** `b.m()` at toks[at], the whole value, in method f of receiver b: the one `return` of m, where it is written. */
function selfCall(s: Ctx, f: Fn, at: number): { scope: Ctx; at: number } | undefined {
  const { toks, match } = s;
  if (!isId(toks[at]) || !isP(toks[at + 1], '.') || !isId(toks[at + 2]) || !isP(toks[at + 3], '(') || match[at + 3] !== exprEnd(s, at) - 1) return undefined;
  const m = goSelfMethod(s, f, toks[at].v, toks[at + 2].v);
  const ret = m && built(m.scope, m.fn);
  return m && ret !== undefined ? { scope: m.scope, at: ret } : undefined;
}

/** `func name(` (not a method) of another file of c's package: its scope and name token. */
function siblingFunction(c: Ctx, name: string): { scope: Ctx; name: number } | undefined {
  const o = goPackageFunction(c, name);
  const f = o && tables(o.scope).fns.get(name)?.find((x) => o.scope.toks[x.name - 1]?.v === 'func');
  return o && f ? { scope: o.scope as Ctx, name: f.name } : undefined;
}

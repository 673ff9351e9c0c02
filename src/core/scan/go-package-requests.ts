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
  const sc = other?.scope;
  const f = sc && tables(sc).fns.get(name)?.find((x) => x.name === other.name);
  const ret = f && built(sc, f);
  if (!sc || !f || ret === undefined) return undefined;
  const list = args(c, at + 1, match[at + 1]);
  const given = { list, bind: true as const, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1) };
  const oc: Ctx = { ...sc };
  let req: Request | undefined;
  // `req := openai.ChatCompletionRequest{…}` … `return req, nil`: the local's literal.
  const from = isId(sc.toks[ret]) && exprEnd(oc, ret) === ret + 1 ? assignmentBefore(oc, sc.toks[ret].v, ret) : ret;
  withArgs(oc, f, given, () => void (req = requestAt(oc, from, modelArg)));
  if (!req?.found.model) return undefined;
  const here = { start: toks[def].start, end: toks[end - 1].end };
  c.read?.push(here);
  return { found: placed(req.found, oc.file, c.file, here, name), start: def, end: end - 1 };
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

/** `func name(` (not a method) of another file of c's package: its scope and name token. */
function siblingFunction(c: Ctx, name: string): { scope: Ctx; name: number } | undefined {
  const o = goPackageFunction(c, name);
  const f = o && tables(o.scope).fns.get(name)?.find((x) => o.scope.toks[x.name - 1]?.v === 'func');
  return o && f ? { scope: o.scope as Ctx, name: f.name } : undefined;
}

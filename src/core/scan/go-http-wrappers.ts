// A Go function or method of the app's own that sends its parameter URL, or a base joined with its parameter path,
// with its parameter body: `func (c *Client) post(ctx context.Context, path string, body any) (…) { b, _ :=
// json.Marshal(body); req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(b)) …}`
// called as `c.post(ctx, "/chat/completions", req)` by each endpoint method, or a generic `httpRequest[Req, Resp
// any](ctx, url string, in *Req)` called with "https://api.openai.com/v1/chat/completions" (Entrecasteaux/
// command-line-chatbot internal/openai/http.go). The request inside it names no endpoint (its URL is a parameter),
// so it is no call there; each call of it whose URL names a provider's API is one (http-calls.ts decides, as for
// http-wrappers.ts in JS), its body read where the caller writes it. Found by what the function does, never by its
// name: in the file, or in another file of its package.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { goImportDir, goPackageFiles } from '../resolve/modules';
import { importsOf } from './imported';
import { dirname } from '../resolve/files';
import { args } from './calls';
import { assignmentBefore, assignmentsBefore } from './definitions';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import { goPackageName } from './go-decls';
import { goHttpArgs, type Arg } from './http-go';
import { forwardOf, paramPlace } from './go-http-forwards';
import { fixedForwardOf, fixedSendOf } from './go-fixed-sends';
import { fixedCalled, importedMethodSender } from './go-fixed-callers';
import { tables } from './scope';
import type { Fn } from './function-forms';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { judgedOnce, type WrapperCache } from './wrapper-memo';
import type { Wrapper } from './http-wrappers';

/** Files of a package looked through for dispatchers. */
const MAX_FILES = 200;
/** The net/http functions a dispatcher sends with. */
const SENDS = new Set(['NewRequest', 'NewRequestWithContext', 'Post']);

/** Words of a provider's API path a dispatcher's caller writes. */
export const GO_PATH_WORDS = ['completions', '/messages', 'generateContent', '/responses', '/api/chat', '/api/generate'];

/** Per file scope, its functions judged (null: no dispatcher). */
const JUDGED: WrapperCache = new KeyMemo();

/** Words of a Go file that sends with net/http. */
export const GO_SEND_WORDS = ['NewRequest', 'http.Post'];

/** Words of a Go file that may send with net/http or call a dispatcher of its package. */
export function goMayCallWrapper(has: (w: string) => boolean, index: unknown): boolean {
  // A call naming only the API's path (`api.GenericRequest(nil, buf, "/v1/chat/completions", "POST", …)`).
  // A struct literal a sender with its own URL is passed (`llm.Req{MaxTokens: 1500, Messages: …}`, go-fixed-sends.ts).
  return GO_SEND_WORDS.some(has) || (!!index && (has('Model') || has('"model"') || has('Messages') || GO_PATH_WORDS.some(has)));
}

/** The dispatcher called at toks[at] (`post` of `c.post(…)`, `httpRequest` of `httpRequest[A, B](…)`), if it is one. */
export function goWrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks } = c;
  // Not its declaration (`func post(`, `func (c *Client) post(`), nor a function of an imported package (`fmt.Errorf`).
  if (!isId(toks[at]) || toks[at - 1]?.v === 'func' || (isP(toks[at - 1], ')') && toks[c.match[at - 1] - 1]?.v === 'func')) return undefined;
  // `api.GenericRequest(…)`: an exported dispatcher of another package of the module (ephex2/go-gpt-cli).
  if (isP(toks[at - 1], '.') && isId(toks[at - 2]) && isImportName(c, toks[at - 2].v)) return importedWrapper(c, toks[at - 2].v, toks[at].v);
  const name = toks[at].v;
  const own = tables(c).fns.has(name) ? judged(c, name) : packageWrappers(c).get(name);
  // The call is this dispatcher's only while its definition keeps the name: an edit of it takes the full path.
  if (own) c.readNames?.add(name);
  // `p.client.Send(&r)`: a method of an imported package of the module sending to its own URL (go-fixed-sends.ts).
  return own ?? (c.index ? importedMethodSender(c, at, (dir) => dirWrappers(c.index!, dir)) : undefined);
}

/** Per file, the names its imports are called by (`fmt`, `http`, an alias). */
const IMPORTS = new KeyMemo<object, Set<string>>();

/** `fmt.Println`, `http.Post`: a package the file imports, whose functions are no dispatcher of this package. */
function isImportName(c: Ctx, name: string): boolean {
  let names = IMPORTS.get(c);
  if (!names) {
    IMPORTS.set(c, (names = new Set()));
    for (const m of c.text.matchAll(/^\s*(?:import\s+)?(?:(\w+)\s+)?"([\w./-]+)"\s*$/gm)) names.add(m[1] ?? m[2].split('/').pop()!);
  }
  return names.has(name);
}

function judged(s: EvalScope, name: string): Wrapper | undefined {
  return judgedOnce(JUDGED, s, name, wrapperOf);
}

/** The dispatchers of the files of c's package (c's own are read live, first) that send with net/http, by name. */
function packageWrappers(c: Ctx): Map<string, Wrapper> {
  return c.index ? dirWrappers(c.index, dirname(c.file), goPackageName(c.text)) : new Map();
}

/** An exported dispatcher `name` of the module's package imported as `pkg`. */
function importedWrapper(c: Ctx, pkg: string, name: string): Wrapper | undefined {
  const idx = c.index;
  const b = importsOf(c).names.get(pkg);
  if (!idx || !b || b.name !== '*' || !/^[A-Z]/.test(name)) return undefined;
  const dir = goImportDir(idx.files, c.file, b.from);
  if (!dir) return undefined;
  c.read?.push(b.span);
  return dirWrappers(idx, dir).get(name);
}

/** The dispatchers of a package folder's files (those of package `pkg` when given), by name. */
function dirWrappers(idx: NonNullable<Ctx['index']>, dir: string, pkg?: string): Map<string, Wrapper> {
  // The folder's map, kept until a file of the folder changes (an editor's edit there adds or removes a dispatcher):
  // made empty first, so a dispatcher judged while it is filled sees those read so far.
  const made = idx.memo(dir, 'go.wrappers', () => ({ out: new Map<string, Wrapper>(), filled: false }));
  const { out } = made;
  if (made.filled) return out;
  made.filled = true;
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    const text = idx.text(f) ?? '';
    if (!(text.includes('NewRequest') || text.includes('http.Post')) || (pkg !== undefined && goPackageName(text) !== pkg)) continue;
    const other = idx.scope(f);
    if (!other) continue;
    for (const name of tables(other).fns.keys()) {
      const w = judged(other, name);
      if (w && !out.has(name)) out.set(name, w);
    }
  }
  return out;
}

/** The parameters' names by place (`ctx context.Context, path string, body any` → ctx, path, body). */
function paramNames(s: EvalScope, fn: Fn): string[] | undefined {
  const { toks, match } = s;
  let open = fn.params ?? fn.name + 1;
  // `httpRequest[Req, Resp any](…)`: past the type parameters.
  if (isP(toks[open], '[') && match[open] > open) open = match[open] + 1;
  if (!isP(toks[open], '(') || match[open] < open) return undefined;
  return args(s, open, match[open]).map((a) => (isId(toks[a.from]) && !a.key ? toks[a.from].v : ''));
}

/** A net/http send in the function's body whose URL is a parameter (or a base + a parameter) and whose body is one. */
function wrapperOf(s: EvalScope, fn: Fn): Wrapper | undefined {
  const { toks, match } = s;
  const names = paramNames(s, fn);
  if (!names?.length) return undefined;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !SENDS.has(toks[k - 1]?.v) || !isP(toks[k - 2], '.') || match[k] < k) continue;
    const at = goHttpArgs(s as Ctx, k - 1, args(s, k, match[k]), k - 1);
    if (!at?.body) continue;
    // `body`, or a field of a struct parameter (`r.Payload`, go-http-forwards.ts).
    const { i: body, field: bodyField } = paramPlace(s, names, at.body[0], at.body[1]);
    const { from, to } = at.url;
    let { i: url, field: urlField } = paramPlace(s, names, from, to);
    let base: string | undefined;
    // `c.baseURL + path`, or a local given it in each branch (`rawURL = override + route` / `= base() + route`).
    if (url < 0) {
      const local = to === from + 1 && isId(toks[from]) && !names.includes(toks[from].v) ? assignmentsBefore(s as Ctx, toks[from].v, from) : [];
      const joins = local.length ? local.map((v) => joined(s, names, v, exprEnd(s, v))) : [joined(s, names, from, to)];
      if (joins.every((j) => j && j.url === joins[0]!.url)) {
        url = joins[0]!.url;
        base = joins.every((j) => j!.base === joins[0]!.base) ? joins[0]!.base : joins[0]!.shown;
      }
    }
    // A URL of its own and the request a parameter (`json.Marshal(r)`, `r.Encode()`): go-fixed-sends.ts.
    if (url < 0 && !bodyField) {
      const fixed = fixedSendOf(s, fn, names, k - 1, at.url, at.body);
      if (fixed) return fixed;
    }
    if (url >= 0 && body >= 0 && (body !== url || bodyField !== urlField)) {
      return { url, body, ...(urlField ? { urlField } : {}), ...(bodyField ? { bodyField } : {}), ...(base === undefined ? {} : { base }), ...methodOf(s, names, k - 1, at) };
    }
  }
  // A function handing its parameters on to a dispatcher of the file or package (`createRequest(r)`, `c.do(…)`).
  if (BUSY.has(fn)) return undefined;
  BUSY.add(fn);
  try {
    const look = (name: string, at: number) => (isP(toks[at - 1], '.') && isImportName(s as Ctx, toks[at - 2]?.v ?? '') ? undefined : tables(s).fns.has(name) ? judged(s, name) : packageWrappers(s as Ctx).get(name));
    // Or its request parameter to a sender, or with a URL of its own to a dispatcher (go-fixed-sends.ts).
    return forwardOf(s, fn, names, look) ?? fixedForwardOf(s, fn, names, look);
  } finally {
    BUSY.delete(fn);
  }
}

/** Functions being judged: a dispatcher calling itself is judged once. */
const BUSY = new Set<Fn>();

/** `base + path` at toks[from, to) with `path` a parameter: its place and the base as far as it is known, else `{base}`. */
function joined(s: EvalScope, names: string[], from: number, to: number): { url: number; base: string; shown: string } | undefined {
  const { toks } = s;
  const url = to - from >= 3 && isP(toks[to - 2], '+') && isId(toks[to - 1]) ? names.indexOf(toks[to - 1].v) : -1;
  if (url < 0) return undefined;
  const shown = `{${s.text.slice(toks[from].start, toks[to - 3].end)}}`;
  const v = evaluate(s, from, to - 2);
  return { url, base: v?.str !== undefined && !v.holes?.length && v.runtime === undefined ? v.str : shown, shown };
}

/** The parameter a send's method comes from (`method`, `strings.ToUpper(method)`, through locals): each call passes it. */
function methodOf(s: EvalScope, names: string[], first: number, at: { method?: Arg }): { method?: number; methodField?: string } {
  if (!at.method) return {};
  const { toks, match } = s;
  let [a, e, before] = [at.method.from, at.method.to, first];
  for (let n = 0; n < 4; n++) {
    if (toks[a]?.v === 'strings' && isP(toks[a + 1], '.') && /^To(Upper|Lower)$/.test(toks[a + 2]?.v ?? '') && isP(toks[a + 3], '(') && match[a + 3] === e - 1) {
      [a, e] = [a + 4, e - 1];
      continue;
    }
    // `r.Type` of a struct parameter `r`.
    const p = paramPlace(s, names, a, e);
    if (p.field) return { method: p.i, methodField: p.field };
    if (e !== a + 1 || !isId(toks[a])) return {};
    const def = assignmentBefore(s as Ctx, toks[a].v, before);
    // A parameter, or a local given it (`method = strings.ToUpper(method)`: the name before that assignment).
    if (def < 0) return names.includes(toks[a].v) ? { method: names.indexOf(toks[a].v) } : {};
    [a, e, before] = [def, exprEnd(s, def), def - 2];
  }
  return {};
}

/**
 * Whether the send at toks[first] is a dispatcher's own (its URL a parameter): its calls are the rows, not it (the
 * evaluator may read the parameter from a single caller, which would count that call twice).
 */
export function inGoWrapper(c: Ctx, first: number): boolean {
  const w = enclosingWrapper(c, first);
  return !!w && !w.fixed;
}

/** Whether the send at toks[first] is a sender's with its own URL that is called in the workspace (go-fixed-sends.ts). */
export function sentByCallers(c: Ctx, first: number): boolean {
  const w = enclosingWrapper(c, first);
  return !!w?.fixed && fixedCalled(c, w, goWrapperAt);
}

function enclosingWrapper(c: Ctx, first: number): Wrapper | undefined {
  let best: [string, Fn] | undefined;
  for (const [name, fns] of tables(c).fns) {
    for (const fn of fns) if (fn.body <= first && first < fn.bodyEnd && (!best || fn.body > best[1].body)) best = [name, fn];
  }
  return best && wrapperOf(c, best[1]);
}

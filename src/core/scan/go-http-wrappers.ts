// A Go function or method of the app's own that sends its parameter URL, or a base joined with its parameter path,
// with its parameter body: `func (c *Client) post(ctx context.Context, path string, body any) (…) { b, _ :=
// json.Marshal(body); req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(b)) …}`
// called as `c.post(ctx, "/chat/completions", req)` by each endpoint method, or a generic `httpRequest[Req, Resp
// any](ctx, url string, in *Req)` called with "https://api.openai.com/v1/chat/completions" (Entrecasteaux/
// command-line-chatbot internal/openai/http.go). The request inside it names no endpoint (its URL is a parameter),
// so it is no call there; each call of it whose URL names a provider's API is one (http-calls.ts decides, as for
// http-wrappers.ts in JS), its body read where the caller writes it. Found by what the function does, never by its
// name: in the file, or in another file of its package.
import { isId, isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { args } from './calls';
import { evaluate } from './evaluate';
import { goPackageName } from './go-decls';
import { goHttpArgs } from './http-go';
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

/** Per file scope, its functions judged (null: no dispatcher). */
const JUDGED: WrapperCache = new WeakMap();
/** Per workspace index, per package folder: the other files' dispatchers by name. */
const PACKAGES = new WeakMap<object, Map<string, Map<string, Wrapper>>>();

/** Words of a Go file that may send with net/http or call a dispatcher of its package. */
export function goMayCallWrapper(has: (w: string) => boolean, index: unknown): boolean {
  return has('NewRequest') || has('http.Post') || (!!index && (has('Model') || has('"model"')));
}

/** The dispatcher called at toks[at] (`post` of `c.post(…)`, `httpRequest` of `httpRequest[A, B](…)`), if it is one. */
export function goWrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks } = c;
  // Not its declaration (`func post(`, `func (c *Client) post(`), nor a function of an imported package (`fmt.Errorf`).
  if (!isId(toks[at]) || toks[at - 1]?.v === 'func' || (isP(toks[at - 1], ')') && toks[c.match[at - 1] - 1]?.v === 'func')) return undefined;
  if (isP(toks[at - 1], '.') && isId(toks[at - 2]) && isImportName(c, toks[at - 2].v)) return undefined;
  const name = toks[at].v;
  if (tables(c).fns.has(name)) return judged(c, name);
  return packageWrappers(c).get(name);
}

/** Per file, the names its imports are called by (`fmt`, `http`, an alias). */
const IMPORTS = new WeakMap<object, Set<string>>();

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
  const idx = c.index;
  if (!idx) return new Map();
  let byDir = PACKAGES.get(idx);
  if (!byDir) PACKAGES.set(idx, (byDir = new Map()));
  const dir = dirname(c.file);
  let out = byDir.get(dir);
  if (out) return out;
  out = new Map();
  byDir.set(dir, out);
  const pkg = goPackageName(c.text);
  for (const f of goPackageFiles(idx.files, dir).slice(0, MAX_FILES)) {
    const text = idx.text(f) ?? '';
    if (!(text.includes('NewRequest') || text.includes('http.Post')) || goPackageName(text) !== pkg) continue;
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
  if (!names || names.length < 2) return undefined;
  const param = (from: number, to: number) => (to === from + 1 && isId(toks[from]) ? names.indexOf(toks[from].v) : -1);
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !SENDS.has(toks[k - 1]?.v) || !isP(toks[k - 2], '.') || match[k] < k) continue;
    const at = goHttpArgs(s as Ctx, k - 1, args(s, k, match[k]), k - 1);
    if (!at?.body) continue;
    const body = param(at.body[0], at.body[1]);
    const { from, to } = at.url;
    let url = param(from, to);
    let base: string | undefined;
    // `c.baseURL + path`: the base as far as it is known, else a run-time hole the path follows.
    if (url < 0 && to - from >= 3 && isP(toks[to - 2], '+') && (url = param(to - 1, to)) >= 0) {
      const v = evaluate(s, from, to - 2);
      base = v?.str !== undefined && !v.holes?.length && v.runtime === undefined ? v.str : `{${s.text.slice(toks[from].start, toks[to - 3].end)}}`;
    }
    if (url >= 0 && body >= 0 && body !== url) return base === undefined ? { url, body } : { url, body, base };
  }
  return undefined;
}

/**
 * Whether the send at toks[first] is a dispatcher's own (its URL a parameter): its calls are the rows, not it (the
 * evaluator may read the parameter from a single caller, which would count that call twice).
 */
export function inGoWrapper(c: Ctx, first: number): boolean {
  let best: [string, Fn] | undefined;
  for (const [name, fns] of tables(c).fns) {
    for (const fn of fns) if (fn.body <= first && first < fn.bodyEnd && (!best || fn.body > best[1].body)) best = [name, fn];
  }
  return !!best && !!wrapperOf(c, best[1]);
}

// Spring Cloud OpenFeign clients: an interface of the module declared `@FeignClient(name = "openai", url =
// "https://api.openai.com/v1")` (or `url = "${openai.url}"`, bound from the module's application.properties / .yml) with
// `@PostMapping("/chat/completions") ChatResponse chat(@RequestBody ChatRequest request)`. A call `client.chat(req)` on
// a field or parameter of that type posts `req` to the joined URL: an HTTP call (http-calls.ts decides by the URL), its
// body read as a RestTemplate's is (http-jvm.ts). Spring Cloud OpenFeign reference, "Declarative REST Client: Feign"
// (@FeignClient url, path; Spring MVC annotations @PostMapping / @RequestMapping(method = POST), @RequestBody; an
// unannotated parameter is the body); Feign's own contract: `@RequestLine("POST /chat/completions")`
// (https://github.com/OpenFeign/feign README).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { evaluate } from './evaluate';
import { declaredTypes } from './chains';
import { gradleProjectDeps, jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { springProperties, relaxed, splitPlaceholder } from '../resolve/spring-properties';
import { dirname } from '../resolve/files';
import type { ValueIndex } from '../resolve/value-index';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import type { Wrapper } from './http-wrappers';
import { mockStub } from './mock-stubs';
import { readRetrofit, retrofitBase, retrofitHolders, retrofitMade } from './jvm-retrofit';
import { pathParams, type PathParam } from './jvm-path-params';

interface FeignMethod {
  /** The URL the method posts to: the client's url and path, then the method's path. */
  url: string;
  /** The parameter sent as the body: its place, and its name (Kotlin's named argument `body = req`). */
  body: number;
  bodyKey?: string;
  /** Retrofit's `@Path("model")` parameters (jvm-path-params.ts). */
  paths?: PathParam[];
}

const NONE = new Map<string, Map<string, FeignMethod>>();
/** Files of a module read for `@FeignClient`, at most; methods of a client. */
const MAX_FILES = 2000;
const MAX_METHODS = 64;

/** The module's Feign clients: interface name → its POSTing methods by name; with the Retrofit and Feign interfaces
 * of the Gradle modules its build depends on (`implementation(project(":core-network"))`: an app's data module
 * calling the network module's service), each read and kept under its own module. */
export function feignClients(index: ValueIndex, file: string, namesRetrofit: boolean): Map<string, Map<string, FeignMethod>> {
  const root = jvmModule(index.files, file);
  // Outside a module only the file's own interfaces: read when its text names Retrofit (the index keeps what it reads).
  if (!root) return namesRetrofit ? ownRetrofit(index, file) : NONE;
  const own = moduleClients(index, root);
  const deps = index.memo(root, 'gradle.deps', () => gradleProjectDeps(index.files, root));
  if (!deps.length) return own;
  const out = new Map(own);
  for (const d of deps) for (const [k, v] of moduleClients(index, d)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** The Feign clients and Retrofit services declared in the module's own sources. */
function moduleClients(index: ValueIndex, root: string): Map<string, Map<string, FeignMethod>> {
  return index.memo(root, 'feign.clients', () => {
    const out = new Map<string, Map<string, FeignMethod>>();
    for (const f of jvmModuleSources(index.files, root).slice(0, MAX_FILES)) {
      const text = index.text(f) ?? '';
      const retrofit = text.includes('retrofit2');
      if (!retrofit && !text.includes('FeignClient')) continue;
      const s = index.scope(f);
      if (s && retrofit) readRetrofit(s, out, (name) => methods(index, s, name.open, name.close, retrofitBase(index, root, name.iface)));
      else if (s) readClients(index, s, out);
    }
    return out;
  });
}

const OWN = new KeyMemo<object, Map<string, Map<string, FeignMethod>>>();

/** A file outside any module (no build file above it): the Retrofit interfaces it declares itself. */
function ownRetrofit(index: ValueIndex, file: string): Map<string, Map<string, FeignMethod>> {
  const s = index.text(file)?.includes('retrofit2') ? index.scope(file) : undefined;
  if (!s) return NONE;
  let out = OWN.get(s.toks);
  if (!out) {
    const m = new Map<string, Map<string, FeignMethod>>();
    readRetrofit(s, m, (i) => methods(index, s, i.open, i.close, retrofitBase(index, undefined, i.iface, file)));
    OWN.set(s.toks, (out = m));
  }
  return out;
}

/** Whether a JVM file may call a Feign client of its module: it names one. */
export function mayCallFeign(index: ValueIndex | undefined, file: string | undefined, has: (w: string) => boolean): boolean {
  if (!index || !file) return false;
  for (const name of feignClients(index, file, has('retrofit2')).keys()) if (has(name)) return true;
  // A service kept in a singleton of the module (`Api.chat.complete(…)`): the file names the holder and its member.
  const root = jvmModule(index.files, file);
  for (const [holder, members] of root ? retrofitHolders(index, root) : []) if (has(holder) && [...members.keys()].some(has)) return true;
  return false;
}

/** The Feign method called at toks[at] (`client.chat(`, `this.client.chat(`), as a wrapper whose URL is its own. */
export function feignAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks } = c;
  if (!c.index || !c.file || !isP(toks[at - 1], '.') || !isId(toks[at - 2])) return undefined;
  const clients = feignClients(c.index, c.file, c.text.includes('retrofit2'));
  // A test's stub of the client (`when(api.chat(any()))`) sends nothing.
  if (!clients.size || mockStub(toks, at, c.match, c.syn.id, c.read)) return undefined;
  // A name Kotlin infers the type of from Retrofit's `create(Api::class.java)` (jvm-retrofit.ts retrofitMade).
  const types = [...declaredTypes(c, toks[at - 2].v), ...retrofitMade(c, toks[at - 2].v)];
  // `Api.chat.complete(body)`: the member of a singleton holder (jvm-retrofit.ts retrofitHolders); or a name bound to
  // one with no type written, `private val service = RetrofitClient.openAIService` then `service.complete(body)`
  // (JGomez-Dev/ComposeGPT OpenAIRepository.kt, audit41).
  const direct = isP(toks[at - 3], '.') && isId(toks[at - 4]) && !isP(toks[at - 5], '.');
  const path: [string, string] | undefined = direct ? [toks[at - 4].v, toks[at - 2].v] : isP(toks[at - 3], '.') ? undefined : heldAlias(c, toks[at - 2].v) ?? importedMember(c, toks[at - 2].v);
  const root = path ? jvmModule(c.index.files, c.file) : undefined;
  const held = root && path ? retrofitHolders(c.index, root).get(path[0])?.get(path[1]) : undefined;
  for (const type of held ? [...types, held] : types) {
    const m = clients.get(type)?.get(toks[at].v);
    if (m) return { url: -1, body: m.body, bodyKey: m.bodyKey, feignUrl: m.url, ...(m.paths?.length ? { feignPaths: m.paths } : {}) };
  }
  return undefined;
}

/** Kotlin `val name = Holder.member` (no type, nothing after the member): [Holder, member], its text a read span. */
function heldAlias(c: Ctx, name: string): [string, string] | undefined {
  if (c.syn.id !== 'kotlin') return undefined;
  const { toks } = c;
  for (let k = 1; k + 5 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || (toks[k - 1].v !== 'val' && toks[k - 1].v !== 'var') || !isP(toks[k + 1], '=')) continue;
    if (!isId(toks[k + 2]) || !isP(toks[k + 3], '.') || !isId(toks[k + 4]) || isP(toks[k + 5], '.') || isP(toks[k + 5], '(')) continue;
    c.read?.push({ start: toks[k - 1].start, end: toks[k + 5].start });
    return [toks[k + 2].v, toks[k + 4].v];
  }
  return undefined;
}

/** Kotlin `import pkg.Holder.name` (or `… as name`): the object's member used by its bare name (`api.chat(body)`,
 * kotlinlang.org/docs/packages.html: an object declaration's members can be imported); [Holder, member]. Seen in
 * held54 SMU-GreenPulse/2024-android ChatViewModel.kt `import com.example.sensor.network.RetrofitInstance.api`. */
function importedMember(c: Ctx, name: string): [string, string] | undefined {
  if (c.syn.id !== 'kotlin') return undefined;
  const { toks } = c;
  for (let k = 0; k + 4 < toks.length; k++) {
    if (toks[k].v !== 'import' || !isId(toks[k + 1])) continue;
    let e = k + 1;
    while (isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
    const alias = toks[e + 1]?.v === 'as' && isId(toks[e + 2]) ? toks[e + 2].v : undefined;
    if ((alias ?? toks[e].v) === name && e - 2 > k && /^[A-Z]/.test(toks[e - 2].v)) return [toks[e - 2].v, toks[e].v];
  }
  return undefined;
}

/** `@FeignClient(…) interface Name { … }` declarations of the file, into `out`. */
function readClients(index: ValueIndex, s: EvalScope, out: Map<string, Map<string, FeignMethod>>): void {
  const { toks, match } = s;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'FeignClient' || !isP(toks[k - 1], '@')) continue;
    let url = '';
    let path = '';
    let j = k + 1;
    if (isP(toks[j], '(') && match[j] > j) {
      for (const a of args(s, j, match[j])) {
        if (a.key === 'url') url = statedText(index, s, a.from, a.to) ?? '{url}';
        else if (a.key === 'path') path = statedText(index, s, a.from, a.to) ?? '';
      }
      j = match[j] + 1;
    }
    // Past other annotations (`@RequestMapping("/v1")` adds its path) to `interface Name {`.
    for (let n = 0; j < toks.length && n < 64 && toks[j].v !== 'interface'; n++) {
      if (isP(toks[j], '@') && toks[j + 1]?.v === 'RequestMapping' && isP(toks[j + 2], '(') && match[j + 2] > j + 2) path += mappedPath(index, s, j + 2) ?? '';
      j = isP(toks[j], '(') && match[j] > j ? match[j] + 1 : j + 1;
    }
    if (toks[j]?.v !== 'interface' || !isId(toks[j + 1])) continue;
    let open = j + 2;
    while (open < toks.length && !isP(toks[open], '{')) open++;
    if (match[open] < open) continue;
    out.set(toks[j + 1].v, methods(index, s, open, match[open], joinUrl(url, path)));
    k = match[open];
  }
}

/** The interface body's POSTing methods: `@PostMapping("/p") R name(@RequestBody Req r)` and the like. */
function methods(index: ValueIndex, s: EvalScope, open: number, close: number, base: string): Map<string, FeignMethod> {
  const { toks, match } = s;
  const out = new Map<string, FeignMethod>();
  for (let k = open + 1; k < close && out.size < MAX_METHODS; k++) {
    if (!isP(toks[k], '@') || !isId(toks[k + 1])) continue;
    const ann = toks[k + 1].v;
    // `@PostMapping` alone posts to the client's URL.
    const hasArgs = isP(toks[k + 2], '(') && match[k + 2] > k + 2;
    let path: string | undefined;
    if (ann === 'PostMapping') path = (hasArgs && mappedPath(index, s, k + 2)) || '';
    // Retrofit's `@POST("chat/completions")`, relative to the builder's baseUrl (jvm-retrofit.ts).
    else if (ann === 'POST' && hasArgs) path = mappedPath(index, s, k + 2) ?? '';
    else if (ann === 'RequestMapping' && hasArgs && posts(s, k + 2)) path = mappedPath(index, s, k + 2) ?? '';
    else if (ann === 'RequestLine' && hasArgs) {
      const line = statedText(index, s, k + 3, match[k + 2]);
      if (line?.startsWith('POST ')) path = line.slice(5).split(' ')[0].split('?')[0];
    }
    if (path === undefined) continue;
    // The method's name: the first `name(` after the annotations (a return type's `List<R>` is passed over).
    let n = hasArgs ? match[k + 2] + 1 : k + 2;
    while (n < close && !(isId(toks[n]) && isP(toks[n + 1], '(') && !isP(toks[n - 1], '@'))) n = isP(toks[n], '(') && match[n] > n ? match[n] + 1 : n + 1;
    if (n >= close || match[n + 1] < n + 1) continue;
    const body = bodyParam(s, n + 1);
    const paths = ann === 'POST' ? pathParams(s, n + 1) : [];
    if (body >= 0) out.set(toks[n].v, { url: joinUrl(base, path), body, bodyKey: paramName(s, n + 1, body), ...(paths.length ? { paths } : {}) });
    k = match[n + 1];
  }
  return out;
}

/** `method = RequestMethod.POST` among a @RequestMapping's arguments. */
function posts(s: EvalScope, open: number): boolean {
  return args(s, open, s.match[open]).some((a) => a.key === 'method' && s.text.slice(s.toks[a.from].start, s.toks[a.to - 1].end).includes('POST'));
}

/** A mapping's path: its first positional argument, or `value` / `path`; of an array (Kotlin `["/p"]`, Java `{"/p"}`) the first. */
function mappedPath(index: ValueIndex, s: EvalScope, open: number): string | undefined {
  const a = args(s, open, s.match[open]).find((x) => !x.key || x.key === 'value' || x.key === 'path');
  if (!a) return undefined;
  const { toks, match } = s;
  const list = (isP(toks[a.from], '[') || isP(toks[a.from], '{')) && match[a.from] === a.to - 1 ? args(s, a.from, match[a.from])[0] : undefined;
  return list ? statedText(index, s, list.from, list.to) : statedText(index, s, a.from, a.to);
}

/** The parameter annotated `@RequestBody`, else the only one without an annotation; -1 when none. */
function bodyParam(s: EvalScope, open: number): number {
  const { toks } = s;
  const params = args(s, open, s.match[open]);
  const annotated = params.map((p) => {
    for (let k = p.from; k < p.to; k++) if (isP(toks[k], '@')) return toks[k + 1]?.v ?? '@';
    return '';
  });
  const marked = annotated.findIndex((a) => a === 'RequestBody' || a === 'Body');
  if (marked >= 0) return marked;
  const plain = annotated.flatMap((a, i) => (a === '' ? [i] : []));
  return plain.length === 1 ? plain[0] : -1;
}

/** A string the code states (a literal or a constant), its `${key}` / `${key:default}` placeholder bound from the
 * module's Spring properties; `{key}` when only known at run time. */
export function statedText(index: ValueIndex, s: EvalScope, from: number, to: number): string | undefined {
  if (from >= to) return undefined;
  const v = s.toks[from].t === T.Str && to === from + 1 ? s.toks[from].v : evaluate(s, from, to, 1)?.str;
  if (v === undefined) return undefined;
  const p = splitPlaceholder(v.trim());
  if (!p) return v;
  const want = relaxed(p.key);
  const hit = s.file ? springProperties(index.files, dirname(s.file), (k) => relaxed(k) === want)[0] : undefined;
  if (hit && !hit.runtime) return hit.value;
  return p.fallback && !p.fallback.includes('${') ? p.fallback : `{${p.key}}`;
}

/** The name of parameter n of the list at toks[open]: Kotlin's `@Body req: Req` (before `:`), Java's `@Body Req req` (last). */
function paramName(s: EvalScope, open: number, n: number): string | undefined {
  const p = args(s, open, s.match[open])[n];
  if (!p) return undefined;
  const { toks } = s;
  for (let k = p.from; k + 1 < p.to; k++) if (isId(toks[k]) && isP(toks[k + 1], ':') && !isP(toks[k - 1], '@')) return toks[k].v;
  return isId(toks[p.to - 1]) ? toks[p.to - 1].v : undefined;
}

export function joinUrl(base: string, path: string): string {
  if (!path) return base;
  if (!base) return path;
  let b = base.length;
  while (b > 0 && base[b - 1] === '/') b--;
  let p = 0;
  while (p < path.length && path[p] === '/') p++;
  return `${base.slice(0, b)}/${path.slice(p)}`;
}

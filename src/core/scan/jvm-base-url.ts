// The base URL of the Spring HTTP client a relative URL is sent on (`webClient.post().uri("/chat/completions")`,
// `restTemplate.postForObject<R>("v1/chat/completions", body)`), as the client's module makes it:
// - WebClient (and Spring 6.1's RestClient, sent the same way): `WebClient.builder().baseUrl(X)` or `WebClient.create(X)` (WebClient.Builder#baseUrl: "Configure a base
//   URL for requests. … a request's URI template is resolved against it",
//   https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/web/reactive/function/client/WebClient.Builder.html);
// - RestTemplate: `RestTemplateBuilder.rootUri(X)` (spring-boot RootUriTemplateHandler), `new DefaultUriBuilderFactory(X)`
//   set as its uriTemplateHandler, or an interceptor that sends to `URI(X + request.uri)` (held-out 24 telegram-bot).
// X is a literal, a constant, a `${key}` placeholder or a `@ConfigurationProperties` field read from the module's
// application.properties / .yml (jvm-feign.ts statedText). When the module makes its clients of that kind with more
// than one base, none is chosen.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import type { ValueIndex } from '../resolve/value-index';
import { statedText } from './jvm-feign';
import { hostOfUrl } from '../price/hosts';
import type { EvalScope } from './value';
import type { Ctx } from './values';

export type ClientKind = 'web' | 'rest';

interface Bases {
  web: Set<string>;
  rest: Set<string>;
  /** The file each base was read in, for the hover. */
  where: Map<string, string>;
  /** Bases given as `rootUri(…)`: spring-boot's RootUriTemplateHandler prefixes only a path that starts with `/`. */
  rooted: Set<string>;
}

/** The providers' own API hosts (the OpenAI-compatible ones are price/hosts.ts's). */
const PROVIDER_HOST = /^https?:\/\/(?:api\.openai\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|api\.mistral\.ai|api\.cohere\.(?:ai|com))(?:[/:?#]|$)/i;

/** Module files read for a base, at most; bases of a kind kept. */
const MAX_FILES = 2000;
const MAX_BASES = 4;
/** Words one of which a file that makes a client with a base names. */
const WORDS = ['baseUrl', 'rootUri', 'DefaultUriBuilderFactory', 'ClientHttpRequestInterceptor', 'WebClient.create', 'RestClient.create'];

/** The one base URL the call's module makes its clients of `kind` with and the file it is read in; `count`: how many
 * bases of that kind the module states (0: none, so a relative URL's host is not stated in the module). */
export function jvmBaseUrl(c: Ctx, kind: ClientKind): { base?: string; file?: string; rooted?: boolean; count: number } {
  const idx = c.index;
  const root = idx && c.file ? jvmModule(idx.files, c.file) : undefined;
  if (!idx || !root) return { count: 0 };
  const bases = idx.memo(root, 'http-base:jvm', () => moduleBases(idx, root));
  const set = bases[kind];
  // A module with clients of several hosts (a JSON placeholder API's and OpenAI's, martinkabe/SpringBootMasterClass2024):
  // a model's path is sent to the one base that is a model provider's.
  const llm = set.size > 1 ? [...set].filter((b) => PROVIDER_HOST.test(b) || hostOfUrl(b)) : [];
  if (set.size !== 1 && llm.length !== 1) return { count: set.size };
  const base = set.size === 1 ? [...set][0] : llm[0];
  return { base, file: bases.where.get(base), count: 1, ...(bases.rooted.has(base) ? { rooted: true } : {}) };
}

function moduleBases(idx: ValueIndex, root: string): Bases {
  const out: Bases = { web: new Set(), rest: new Set(), where: new Map(), rooted: new Set() };
  for (const f of jvmModuleSources(idx.files, root).slice(0, MAX_FILES)) {
    const text = idx.text(f) ?? '';
    if (!WORDS.some((w) => text.includes(w))) continue;
    const s = idx.scope(f);
    if (s) readBases(idx, s, out, f);
  }
  return out;
}

function readBases(idx: ValueIndex, s: EvalScope, out: Bases, file: string): void {
  const { toks, match } = s;
  const add = (kind: ClientKind, from: number, to: number, rooted?: boolean) => {
    const v = from < to ? statedText(idx, s, from, to) : undefined;
    if (v === undefined || !/^https?:\/\//i.test(v) || out[kind].size >= MAX_BASES) return;
    out[kind].add(v);
    if (rooted) out.rooted.add(v);
    if (!out.where.has(v)) out.where.set(v, file.slice(file.lastIndexOf('/') + 1));
  };
  for (let k = 1; k < toks.length - 2; k++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const v = toks[k].v;
    const a = v === 'baseUrl' || v === 'create' || v === 'rootUri' || v === 'DefaultUriBuilderFactory' || v === 'URI' ? first(s, k + 1) : undefined;
    if (!a) continue;
    // Spring 6.1's RestClient sends with WebClient's chain (`client.post().uri(…).body(…)`, http-jvm.ts reads both as
    // 'web'): `RestClient.builder().baseUrl(X)`, `RestClient.create(X)` (RestClient javadoc, "Use static factory methods
    // create(), create(String), or builder()"; RestClient.Builder#baseUrl(String)).
    if (v === 'baseUrl' && (builtFrom(s, k, 'WebClient') || builtFrom(s, k, 'RestClient'))) add('web', a[0], a[1]);
    else if (v === 'create' && (toks[k - 2]?.v === 'WebClient' || toks[k - 2]?.v === 'RestClient') && isP(toks[k - 1], '.')) add('web', a[0], a[1]);
    else if (v === 'rootUri' || v === 'DefaultUriBuilderFactory') add('rest', a[0], a[1], v === 'rootUri');
    else if (v === 'URI' || (toks[k - 2]?.v === 'URI' && v === 'create')) {
      // An interceptor's `URI(base + request.uri)` / `URI.create(base + request.getURI())`: base.
      const e = requestUriAt(s, a[0], a[1]);
      if (e >= 0) add('rest', a[0], e);
    }
  }
}

/** The first positional argument of the call at toks[open]. */
function first(s: EvalScope, open: number): [number, number] | undefined {
  const a = args(s, open, s.match[open]).filter((x) => !x.key)[0];
  return a && a.from < a.to ? [a.from, a.to] : undefined;
}

/** Whether the chain before the link named at toks[name] starts at `Type.builder()`, or at a name declared
 * `Type.Builder` (Spring Boot's injected `WebClient.Builder`: `this.webClient = builder.baseUrl(…).build()` in a
 * constructor taking `WebClient.Builder builder`, held45 teki60/Intelligent-Expense-Tracker AIService.java). */
function builtFrom(s: EvalScope, name: number, type: string): boolean {
  const { toks, match } = s;
  let k = name - 1;
  for (let n = 0; isP(toks[k], '.') && isP(toks[k - 1], ')') && n < 16; n++) {
    const o = match[k - 1];
    if (o < 1 || !isId(toks[o - 1])) return false;
    if (toks[o - 1].v === 'builder') return isP(toks[o - 2], '.') && toks[o - 3]?.v === type;
    k = o - 2;
  }
  return isP(toks[k], '.') && isId(toks[k - 1]) && !isP(toks[k - 2], '.') && declaredBuilder(s, toks[k - 1].v, type);
}

/** Tokens searched for a name's `Type.Builder` declaration at most. */
const MAX_DECLARATION_SEARCH = 20_000;

/** Whether the file declares `name` of type `Type.Builder`: Java `Type.Builder name`, Kotlin `name: Type.Builder`. */
function declaredBuilder(s: EvalScope, name: string, type: string): boolean {
  const { toks } = s;
  for (let k = 2; k < toks.length - 1 && k < MAX_DECLARATION_SEARCH; k++) {
    if (toks[k].v !== 'Builder' || !isP(toks[k - 1], '.') || toks[k - 2].v !== type) continue;
    if (toks[k + 1]?.v === name || (isP(toks[k - 3], ':') && toks[k - 4]?.v === name)) return true;
  }
  return false;
}

/** The `+` before a trailing `request.uri` / `request.getURI()` in toks[from, to), or -1. */
function requestUriAt(s: EvalScope, from: number, to: number): number {
  const { toks } = s;
  const tail = toks[to - 1]?.v === 'uri' ? 3 : toks[to - 1]?.v === ')' && toks[to - 3]?.v === 'getURI' ? 5 : 0;
  const plus = to - tail - 1;
  if (!tail || plus <= from || !isP(toks[plus], '+') || !isId(toks[plus + 1]) || !isP(toks[plus + 2], '.')) return -1;
  return plus;
}

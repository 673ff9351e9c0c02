// The host an OpenAI-compatible call goes to, from the base URL its client is made with: `client =
// OpenAI(base_url="https://api.together.xyz/v1")` then `client.chat.completions.create(…)`, `new OpenAI({ baseURL:
// "…" })`, LangChain's `ChatOpenAI(base_url=…)`, or a file whose only known URL is one host's (`openai.api_base =
// "…"`). The host picks the price sheet (price/hosts.ts) and the output limit's name (host-limit.ts); a closed host
// (OctoAI) gets no price. A base URL of a host the table does not have is named (`localhost`): its limit's name is not known.
import { KeyMemo } from '../util/key-memo';
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { AZURE_OPENAI, OCTOAI, hostByProvider, hostOfUrl, isUrl, type Host, type PortServer } from '../price/hosts';
import { fileNamesBaseUrl } from '../price/cross-vendor';
// The server a call's target names, for its reader (read-call.ts): a local one prices nothing.
export { localServer } from '../price/hosts';
import { importedBinding } from './imported';
import { assignmentBefore } from './definitions';
import { memberValue } from './lookup';
import { exprEnd } from './body-ends';
import { NATIVE, type NativeSdk } from './native-sdks';
import type { Ctx } from './values';
import { configBaseUrl, targetOf } from './config-base-url';

interface FileUrls {
  /** Token indexes of the file's URL strings. */
  at: number[];
  /**
   * The host of every call whose client is not found: set when the file's URLs name one known host (or it imports
   * OctoAI's own SDK) and every OpenAI client the file makes is made with that host's URL (`openai.api_base = "…"`
   * in a v0 file counts too). URLs of other services (a JIRA or docs link) do not count.
   */
  only?: Host;
  /** Every OpenAI client the file makes is an Azure one (`AzureOpenAI(` / `AsyncAzureOpenAI(`): the host of a call whose client is not found. */
  onlyAzure?: boolean;
  /** The file names `AzureOpenAI` (looked for once here: callTarget runs for every call). */
  azure: boolean;
  /** The other hosts' own SDKs the file imports (NATIVE), by client class name. */
  native?: Set<string>;
}

// Looked up for every string and name of a file that mentions a URL or one of the modules: a map, not a search.
const BY_PKG = new Map(NATIVE.flatMap((n) => (n.pkg ? [[n.pkg, n] as const] : [])));
const BY_MODULE = new Map(NATIVE.map((n) => [n.module, n]));
/** First characters (ASCII) of the package and module names: most strings and names start otherwise and are not hashed. */
const NAME_FIRST = new Uint8Array(128);
for (const n of NATIVE) {
  if (n.pkg) NAME_FIRST[n.pkg.charCodeAt(0)] = 1;
  NAME_FIRST[n.module.charCodeAt(0)] = 1;
}

/** The NATIVE row the token at `i` imports: a package string (`"groq-sdk"`) or a Python module after from / import. */
function nativeImport(c: Ctx, i: number): NativeSdk | undefined {
  const { toks } = c;
  const tk = toks[i];
  const c0 = tk.v.charCodeAt(0);
  if (!(c0 < 128 && NAME_FIRST[c0] === 1)) return undefined;
  if (tk.t === T.Str) return BY_PKG.get(tk.v);
  if (!isId(tk) || !BY_MODULE.has(tk.v) || !isId(toks[i - 1]) || (toks[i - 1].v !== 'from' && toks[i - 1].v !== 'import')) return undefined;
  return BY_MODULE.get(tk.v);
}

const cache = new KeyMemo<Ctx, FileUrls>();

/**
 * `://` (or JSON's `:\/\/`), `octoai` or a NATIVE module anywhere in the text. One includes() per word, not a regex
 * of alternatives (which tries each at every position: 1.9 ms on the bench corpus's 430 KB against 0.2 ms); a word
 * whose first letter is common in code (`o`, `t`) is looked for by a rarer tail first (`ctoai`, `gether`).
 */
const MENTIONS: [tail: string, word: string][] = [['://', '://'], [':\\/\\/', ':\\/\\/'], ['groq', 'groq'], ['gether', 'together'], ['ctoai', 'octoai'], ['rebras', 'cerebras'], ['ingface_hub', 'huggingface_hub']];
const mentions = (text: string) => MENTIONS.some(([tail, word]) => text.includes(tail) && (tail === word || text.includes(word)));
for (const n of NATIVE) if (!mentions(n.module)) throw new Error(`base-url MENTIONS lacks the module ${n.module}`);

/** The URL strings of the file, read once per scan; each is live for the keystroke path (an edit there re-reads). */
function fileUrls(c: Ctx): FileUrls {
  let f = cache.get(c);
  if (f) return f;
  const { toks, match } = c;
  const at: number[] = [];
  const known = new Set<Host>();
  let nativeClasses: Set<string> | undefined;
  // Most files name no URL and no other host's SDK: the token walk below would find nothing (and record no read).
  const none = !mentions(c.text);
  for (let i = none ? toks.length : 0; i < toks.length; i++) {
    const tk = toks[i];
    const sdk = tk.t === T.Str ? tk.v.startsWith('@octoai/') : isId(tk) && tk.v === 'octoai' && isId(toks[i - 1]) && (toks[i - 1].v === 'from' || toks[i - 1].v === 'import');
    if (sdk) {
      c.read?.push({ start: tk.start, end: tk.end });
      known.add(OCTOAI);
      continue;
    }
    const native = nativeImport(c, i);
    if (native) {
      // With the `from` / `import` before a Python module: `from groq` -> `frbom groq` imports nothing.
      c.read?.push({ start: (tk.t === T.Str ? tk : toks[i - 1]).start, end: tk.end });
      for (const k of native.classes) (nativeClasses ??= new Set()).add(k);
      continue;
    }
    if (tk.t !== T.Str || !isUrl(tk.v)) continue;
    at.push(i);
    c.read?.push({ start: tk.start, end: tk.end });
    const h = hostOfUrl(tk.v);
    if (h) known.add(h);
  }
  f = { at, azure: c.text.includes('zureOpenAI') && c.text.includes('AzureOpenAI'), ...(nativeClasses ? { native: nativeClasses } : {}) };
  if (f.azure) {
    let azure = 0;
    let other = 0;
    for (let i = 0; i < toks.length - 1; i++) {
      if (!isId(toks[i]) || !isOpenAiClient(toks[i].v) || !isP(toks[i + 1], '(') || (isId(toks[i - 1]) && /^(?:def|function|class)$/.test(toks[i - 1].v))) continue;
      if (/AzureOpenAI$/.test(toks[i].v)) azure++;
      else other++;
    }
    if (azure && !other && !known.size) f.onlyAzure = true;
  }
  const only = known.size === 1 ? [...known][0] : undefined;
  if (only) {
    // A client made without that host's URL (the SDK's default host, another service) in the same file: no call
    // whose client is not found can be given the file's host.
    let other = false;
    for (let i = 0; i < toks.length - 1 && !other; i++) {
      if (!isId(toks[i]) || !isOpenAiClient(toks[i].v) || !isP(toks[i + 1], '(')) continue;
      const close = match[i + 1] < 0 ? toks.length : match[i + 1];
      other = !at.some((u) => u > i + 1 && u < close && hostOfUrl(toks[u].v) === only);
    }
    if (!other) f.only = only;
  }
  cache.set(c, f);
  return f;
}

/** `[new] [a.]*XOpenAI(` at `v`: the construction's open bracket, or -1. */
function openAiConstruction(c: Ctx, v: number): number {
  const { toks } = c;
  let k = v;
  if (isId(toks[k]) && toks[k].v === 'new') k++;
  while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
  return isId(toks[k]) && isOpenAiClient(toks[k].v) && isP(toks[k + 1], '(') ? k + 1 : -1;
}

/** openai-node's realtime socket at `v`: `[await] OpenAIRealtimeWS.azure(client)` on Azure, `new OpenAIRealtimeWS({…})`
 * (or OpenAIRealtimeWebSocket) on the SDK's default host; undefined for any other value. */
function realtimeTarget(toks: Token[], v: number): CallTarget | undefined {
  let k = v;
  while (isId(toks[k]) && (toks[k].v === 'await' || toks[k].v === 'new')) k++;
  if (!isId(toks[k]) || !toks[k].v.startsWith('OpenAIRealtimeWeb') && toks[k].v !== 'OpenAIRealtimeWS') return undefined;
  if (isP(toks[k + 1], '(')) return {};
  return isP(toks[k + 1], '.') && toks[k + 2]?.v === 'azure' && isP(toks[k + 3], '(') ? { host: AZURE_OPENAI } : undefined;
}

/** `[new] [a.]*Groq(` at `v`, a client of another host's own SDK the file imports (NATIVE): that host. */
function nativeClient(c: Ctx, classes: Set<string>, v: number): Host | undefined {
  const { toks } = c;
  let k = v;
  if (isId(toks[k]) && toks[k].v === 'new') k++;
  while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
  if (!isId(toks[k]) || !classes.has(toks[k].v) || !isP(toks[k + 1], '(')) return undefined;
  const n = NATIVE.find((x) => x.classes.includes(toks[k].v))!;
  return hostByProvider(n.provider);
}

const SELF = new Set(['self', 'this', 'cls']);

/** Where a call's client sends it: a host of the table, or the name of a host it is not in (`localhost`). */
export interface CallTarget {
  host?: Host;
  /** The host name of a base URL the code states whose host is not in the table (`localhost`, `api.sambanova.ai`). */
  unlisted?: string;
  /** The server the unlisted URL's port names (Ollama's 11434): the output limit's names. */
  server?: PortServer;
  /** The client is that host's own SDK (NATIVE: `Groq()`, `new Together()`), not OpenAI's pointed at it. */
  native?: boolean;
  /** The construction sets a base URL the code does not state (`base_url=os.getenv("LLM_BASE_URL")`): any host. */
  unstated?: boolean;
}

/**
 * The host of the call whose anchor starts at `first`: the base URL of the construction its receiver is assigned
 * (`client = …`, or `self.client = …` in the method or the constructor; a client made with none goes to the SDK's
 * default), else the file's one host (FileUrls.only). Neither: the SDK's default host, or not known.
 */
export function callTarget(c: Ctx, first: number): CallTarget {
  const { toks } = c;
  const recv = isP(toks[first - 1], '.') && isId(toks[first - 2]) ? first - 2 : -1;
  const urls = fileUrls(c);
  const config = configBaseUrl(c);
  if (config) return config;
  const bare = !urls.at.length && !urls.only && !urls.azure && !urls.native;
  // A file that states no URL and names no base URL: the client's target is the imported one's, if any.
  if (bare && (recv < 0 || !fileNamesBaseUrl(c.text))) return recv >= 0 ? importedTarget(c, recv) : {};
  let v = -1;
  if (recv >= 0) {
    const member = isP(toks[recv - 1], '.') && isId(toks[recv - 2]) && SELF.has(toks[recv - 2].v);
    v = member ? memberValue(c, toks[recv].v, toks[recv].start) : assignmentBefore(c, toks[recv].v, recv);
  }
  if (v >= 0) {
    const t = valueTarget(c, urls, v);
    if (t) return t;
  } else if (recv >= 0) {
    const t = importedTarget(c, recv);
    if (t.host || t.unlisted || t.unstated) return t;
  }
  const host = urls.onlyAzure ? AZURE_OPENAI : urls.only;
  if (host) return { host };
  // A client passed in, in a file that makes no OpenAI client but imports other hosts' own SDKs (juris-summarizer's
  // `get_client(provider)` returns Groq(), Cerebras() or InferenceClient()): one of theirs, said by name.
  if (!urls.native || recv < 0 || v >= 0 || c.text.includes('OpenAI(')) return {};
  const natives = NATIVE.filter((n) => n.classes.some((k) => urls.native!.has(k)));
  // One such SDK (held61 buon1ngay/groq-chat-api api/chat.js: `import Groq from 'groq-sdk'`, `shouldSearch(message,
  // groq)`): that host, priced by its sheet, not by the model's name on another (OpenRouter's qwen/qwen3.6-27b).
  const one = natives.length === 1 ? hostByProvider(natives[0].provider) : undefined;
  if (one) return { host: one, native: true };
  const names = natives.map((n) => hostByProvider(n.provider)?.name ?? n.classes[0]);
  return { unlisted: names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0] };
}

/** The target of the client the value at toks[v] makes (`new Together(…)`, `OpenAI(base_url=…)`), or undefined. */
function valueTarget(c: Ctx, urls: FileUrls, v: number): CallTarget | undefined {
  const { toks, match } = c;
  const native = urls.native ? nativeClient(c, urls.native, v) : undefined;
  if (native) return { host: native, native: true };
  const realtime = realtimeTarget(toks, v);
  if (realtime) return realtime;
  const open = openAiConstruction(c, v);
  if (open < 0) return undefined;
  if (/AzureOpenAI$/.test(toks[open - 1].v)) return { host: AZURE_OPENAI };
  const close = match[open] < 0 ? toks.length : match[open];
  for (const i of urls.at) {
    if (i <= open || i >= close) continue;
    const host = hostOfUrl(toks[i].v);
    if (host) return { host };
    break;
  }
  return namedBaseUrl(c, urls, open, close);
}

/**
 * A client imported from a workspace module (`import { togetherClient } from "@/utils/clients"`, that module making
 * `new Together({…})`): its target as read there (Nutlope/turboseek app/api/getSimilarQuestions/route.ts, advised
 * OpenAI's `max_completion_tokens` on a call Together's own SDK sends with `max_tokens`).
 */
function importedTarget(c: Ctx, recv: number): CallTarget {
  if (!c.index || isP(c.toks[recv - 1], '.')) return {};
  const b = importedBinding(c, c.toks[recv].v, 0);
  if (!b) return {};
  const o = b.scope as Ctx;
  const v = assignmentBefore(o, b.name, o.toks.length);
  return v < 0 ? {} : valueTarget(o, fileUrls(o), v) ?? {};
}

/** The construction's base-URL keyword (openai-python `base_url`, openai-node `baseURL`, LangChain's `openai_api_base`). */
const BASE_URL_KEY = /^(?:base_?url|openai_api_base|api_base)$/i;

/**
 * A name that makes an OpenAI client when called (`OpenAI(`, `AsyncAzureOpenAI(`): the file's constructions decide the
 * host of a call whose client is not found (FileUrls.onlyAzure, .only), so the keystroke path takes the full path for
 * an edit that makes, breaks or renames one (`Azure1OpenAI` -> `Azure1Op1enAI` leaves only Azure constructions).
 */
export const isOpenAiClient = (w: string) => w.endsWith('OpenAI');

/** Words that pick a call's host here: the keystroke path takes the full path for an edit that makes or breaks one. */
export const HOST_WORDS = ['AzureOpenAI', 'AsyncAzureOpenAI', 'base_url', 'baseURL', 'baseUrl', 'api_base', 'openai_api_base', 'BaseAddress', 'Uri', ...NATIVE.flatMap((n) => n.classes)];

/**
 * The target of the construction's base-URL keyword: a URL written there (`base_url="http://localhost:11434/v1"`, a
 * fallback `os.getenv("BASE", "http://…")` included), or one given by name: `OpenAI(base_url=self.api_base)` after
 * `self.api_base = api_base or "https://…"`, `new OpenAI({ baseURL: BASE_URL })` after `const BASE_URL = "https://…"`.
 * A URL the value states (a fallback after `or` / `??` / `||` included: the code's default) names the host; a value
 * with none, nothing.
 */
function namedBaseUrl(c: Ctx, urls: FileUrls, open: number, close: number): CallTarget {
  const { toks } = c;
  for (let k = open + 1; k < close - 2; k++) {
    if (!isId(toks[k]) || !BASE_URL_KEY.test(toks[k].v) || !(isP(toks[k + 1], '=') || isP(toks[k + 1], ':'))) continue;
    const end = Math.min(close, exprEnd(c, k + 2));
    for (const i of urls.at) if (i >= k + 2 && i < end) return targetOf(toks[i].v);
    let n = k + 2;
    const self = isId(toks[n]) && SELF.has(toks[n].v) && isP(toks[n + 1], '.');
    if (self) n += 2;
    // A base URL from the environment or a setting with no URL stated may send the client anywhere (fix41b's note).
    if (!isId(toks[n]) || isP(toks[n + 1], '.') || isP(toks[n + 1], '(')) return { unstated: true };
    const v = self ? memberValue(c, toks[n].v, toks[n].start) : assignmentBefore(c, toks[n].v, k);
    const at = v < 0 ? -1 : urlIn(c, urls, v, 1);
    return at < 0 ? { unstated: true } : targetOf(toks[at].v);
  }
  return {};
}

/** The first URL the value at `v` states, itself or through a name it holds (`endpoint or BEIJING`): its token, or -1. */
function urlIn(c: Ctx, urls: FileUrls, v: number, depth: number): number {
  const { toks } = c;
  const end = exprEnd(c, v);
  for (const i of urls.at) if (i >= v && i < end) return i;
  if (depth > 2) return -1;
  for (let i = v, seen = 0; i < end && seen < 8; i++) {
    if (!isId(toks[i]) || isP(toks[i - 1], '.') || isP(toks[i + 1], '.') || isP(toks[i + 1], '(')) continue;
    seen++;
    const w = assignmentBefore(c, toks[i].v, v);
    const at = w >= 0 && w !== v ? urlIn(c, urls, w, depth + 1) : -1;
    if (at >= 0) return at;
  }
  return -1;
}

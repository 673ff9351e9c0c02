// Retrofit service interfaces, read as Feign clients are (jvm-feign.ts): `interface OpenAi { @POST("chat/completions")
// fun complete(@Body req: ChatReq): Call<Resp> }` (Kotlin, also `suspend fun`) or `@POST("v1/chat/completions")
// Call<Resp> complete(@Body Req r);` (Java), in a file that imports retrofit2. The URL is the path resolved against
// the base URL of the Retrofit that creates the interface: `Retrofit.Builder().baseUrl("https://api.openai.com/v1/")
// ….build()` then `.create(OpenAi::class.java)` / `.create(OpenAi.class)`, on the chain or on the variable it is bound
// to, in a file of the module; with no such builder found the base is run time (`{baseUrl}/chat/completions`).
// Retrofit docs (https://square.github.io/retrofit/): `@POST("users/new") Call<User> createUser(@Body User user);`,
// `Retrofit.Builder().baseUrl(…).build()`, `retrofit.create(GitHubService.class)`; a relative path is resolved against
// the base URL, whose path should end in `/` (Retrofit.Builder.baseUrl javadoc). Seen in held-out telegram_bot
// (kotlin-telegram-bot) network/OpenAIService.kt and ApiClient.kt.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { jvmModuleSources } from '../resolve/jvm-modules';
import type { ValueIndex } from '../resolve/value-index';
import { evaluate } from './evaluate';
import type { EvalScope } from './value';

/** Files of a module read for a builder; tokens looked back from `.create(` for its `.baseUrl(`. */
const MAX_FILES = 2000;
const MAX_BACK = 400;

/** The file's `interface Name { … }` declarations whose body holds a `@POST`: each read by `read` into `out`. */
export function readRetrofit<M>(s: EvalScope, out: Map<string, M>, read: (i: { iface: string; open: number; close: number }) => M): void {
  const { toks, match } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'interface' || !isId(toks[k + 1])) continue;
    let open = k + 2;
    while (open < toks.length && open < k + 64 && !isP(toks[open], '{')) open++;
    if (!isP(toks[open], '{') || !(s.match[open] > open)) continue;
    let posts = false;
    for (let j = open + 1; j < match[open] && !posts; j++) posts = isP(toks[j], '@') && toks[j + 1]?.v === 'POST';
    if (posts) out.set(toks[k + 1].v, read({ iface: toks[k + 1].v, open, close: match[open] }));
    k = match[open];
  }
}

/** The base URL of the Retrofit that creates `iface` in the module (or in `file` when there is no module); '{baseUrl}' when none is stated. */
export function retrofitBase(index: ValueIndex, root: string | undefined, iface: string, file?: string): string {
  const files = root ? jvmModuleSources(index.files, root).slice(0, MAX_FILES) : file ? [file] : [];
  for (const f of files) {
    const text = index.text(f);
    if (!text?.includes('baseUrl') || !text.includes(iface)) continue;
    const s = index.scope(f);
    const url = s && baseOf(s, iface);
    if (url !== undefined) return url;
  }
  return '{baseUrl}';
}

/** `….baseUrl(u)….build().create(Iface::class.java)`, or `r.create(Iface.class)` with `r = ….baseUrl(u)….build()`. */
function baseOf(s: EvalScope, iface: string): string | undefined {
  const { toks, match } = s;
  for (let k = 2; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'create' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || toks[k + 2]?.v !== iface) continue;
    // The chain before `.create`, or the one bound to its receiver (`val r = Retrofit.Builder()…build()`).
    let [from, to] = [chainStart(s, k - 1), k];
    if (from === k - 2 && isId(toks[from])) {
      const name = toks[from].v;
      let d = k - 3;
      while (d > 0 && d > k - MAX_BACK && !(toks[d].v === name && isP(toks[d + 1], '=') && !isP(toks[d - 1], '.'))) d--;
      if (d <= 0 || d <= k - MAX_BACK) continue;
      [from, to] = [d + 2, chainEnd(s, d + 2)];
    }
    let url: string | undefined;
    for (let j = from; j < to; j++) {
      if (toks[j].v !== 'baseUrl' || !isP(toks[j - 1], '.') || !isP(toks[j + 1], '(') || !(match[j + 1] > j + 2)) continue;
      const v = evaluate(s, j + 2, match[j + 1], 1);
      url = v?.str !== undefined && !v.holes?.length ? v.str : '{baseUrl}';
    }
    if (url !== undefined) return url;
  }
  return undefined;
}

/** The first token of the call chain whose `.` is at toks[dot] (`Retrofit.Builder().baseUrl(u).build()` before `.create`). */
function chainStart(s: EvalScope, dot: number): number {
  const { toks, match } = s;
  let j = dot;
  for (let n = 0; n < MAX_BACK && isP(toks[j], '.'); n++) {
    let k = j - 1;
    if (isP(toks[k], ')') && match[k] >= 0 && match[k] < k) k = match[k] - 1;
    if (!isId(toks[k])) return j + 1;
    j = k - 1;
  }
  return j + 1;
}

/** The token after the call chain that starts at toks[from] (`Retrofit.Builder()` `.baseUrl(u)` … `.build()`). */
function chainEnd(s: EvalScope, from: number): number {
  const { toks, match } = s;
  let k = from;
  for (let n = 0; n < MAX_BACK && isId(toks[k]); n++) {
    k++;
    if (isP(toks[k], '(') && match[k] > k) k = match[k] + 1;
    if (!isP(toks[k], '.')) return k;
    k++;
  }
  return k;
}

/** Tokens walked back from a holder's member to the `object` / `class` around it. */
const MAX_HOLDER_BACK = 20_000;

/**
 * Services the module keeps in a singleton, read as `Api.chat.complete(body)`: Kotlin `object Api { val chat: ChatApi =
 * retrofit.create(ChatApi::class.java) }` (also `val chat by lazy { ….create(…) }`, a `companion object`'s member
 * named by its class), Java `class Api { static final ChatApi CHAT = retrofit.create(ChatApi.class); }`. Holder name →
 * member → interface. Kotlin objects (https://kotlinlang.org/docs/object-declarations.html) are referred to by name.
 * Seen in held-out ChatGPT-basic-android-client ApiService.kt.
 */
export function retrofitHolders(index: ValueIndex, root: string): Map<string, Map<string, string>> {
  return index.memo(root, 'retrofit.holders', () => {
    const out = new Map<string, Map<string, string>>();
    for (const f of jvmModuleSources(index.files, root).slice(0, MAX_FILES)) {
      const text = index.text(f);
      if (!text?.includes('.create(') || !(text.includes('object') || text.includes('static'))) continue;
      const s = index.scope(f);
      if (s) holdersOf(s, out);
    }
    return out;
  });
}

function holdersOf(s: EvalScope, out: Map<string, Map<string, string>>): void {
  for (const { decl, iface } of creates(s)) {
    const holder = holderOf(s, decl.at, decl.isStatic);
    if (!holder) continue;
    let members = out.get(holder);
    if (!members) out.set(holder, (members = new Map()));
    members.set(decl.name, iface);
  }
}

/** Each `name = ….create(Iface::class.java)` / `(Iface.class)` of the file, with the member or local it is bound to. */
function creates(s: EvalScope): { decl: { name: string; at: number; isStatic: boolean }; iface: string }[] {
  const { toks, match } = s;
  const out: { decl: { name: string; at: number; isStatic: boolean }; iface: string }[] = [];
  for (let k = 2; k + 4 < toks.length; k++) {
    if (toks[k].v !== 'create' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || !isId(toks[k + 2]) || !(match[k + 1] > k + 3)) continue;
    const rest = s.text.slice(toks[k + 3].start, toks[match[k + 1] - 1].end).replace(/\s+/g, '');
    if (rest !== '::class.java' && rest !== '.class') continue;
    const decl = declared(s, chainStart(s, k - 1));
    if (decl) out.push({ decl, iface: toks[k + 2].v });
  }
  return out;
}

const MADE = new KeyMemo<object, Map<string, string[]>>();

/**
 * The interfaces a name of the file is bound to by Retrofit's `create`, its type left for Kotlin to infer: a class's
 * `private val api = retrofit.create(DeepSeekApi::class.java)` (the Retrofit a field beside it), a function's
 * `val api = ….build().create(Api::class.java)`, `val api by lazy { ….create(Api::class.java) }`. Seen in held-out 32
 * AiAdvent DeepSeekService.kt:86 and iPostureGuard PostureChatbot.kt.
 */
export function retrofitMade(s: EvalScope, name: string): string[] {
  let byName = MADE.get(s.toks);
  if (!byName) {
    byName = new Map();
    for (const { decl, iface } of s.text.includes('.create(') ? creates(s) : []) {
      const list = byName.get(decl.name) ?? [];
      if (!list.includes(iface)) list.push(iface);
      byName.set(decl.name, list);
    }
    MADE.set(s.toks, byName);
  }
  return byName.get(name) ?? [];
}

/** The member a value starting at toks[from] is assigned to: `val name (: T)? =`, `val name (: T)? by lazy {`, Java `T name =`. */
function declared(s: EvalScope, from: number): { name: string; at: number; isStatic: boolean } | undefined {
  const { toks } = s;
  // Java's `new Retrofit.Builder()…`: the chain starts after `new`.
  let k = toks[from - 1]?.v === 'new' ? from - 2 : from - 1;
  if (isP(toks[k], '{') && toks[k - 1]?.v === 'lazy' && toks[k - 2]?.v === 'by') k -= 2;
  else if (!isP(toks[k], '=')) return undefined;
  // Kotlin's type after the name: `chat: ChatApi` (a qualified `a.b.ChatApi` too).
  let n = k - 1;
  while (isId(toks[n]) && isP(toks[n - 1], '.') && isId(toks[n - 2])) n -= 2;
  if (isId(toks[n]) && isP(toks[n - 1], ':') && isId(toks[n - 2])) n -= 2;
  if (!isId(toks[n])) return undefined;
  const kotlin = toks[n - 1]?.v === 'val' || toks[n - 1]?.v === 'var';
  let isStatic = false;
  for (let j = n - 1; j > 0 && j > n - 8 && !kotlin && !isP(toks[j], ';') && !isP(toks[j], '{') && !isP(toks[j], '}'); j--) isStatic ||= toks[j].v === 'static';
  return kotlin || isStatic ? { name: toks[n].v, at: n, isStatic } : undefined;
}

/** The name a member at toks[at] is reached by: its Kotlin `object`'s (a companion's class), or for a Java static its class's. */
function holderOf(s: EvalScope, at: number, isStatic: boolean): string | undefined {
  const { toks, match } = s;
  let companion = false;
  for (let j = at - 1, n = 0; j > 0 && n < MAX_HOLDER_BACK; j--, n++) {
    if ((isP(toks[j], '}') || isP(toks[j], ')') || isP(toks[j], ']')) && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(toks[j], '(') || isP(toks[j], '[')) return undefined;
    else if (isP(toks[j], '{')) {
      // The declaration before the brace: `object Api {`, `object Api : Base() {`, `companion object {`, `class Api … {`.
      let d = j - 1;
      while (d > 0 && d > j - 64 && !isP(toks[d], '{') && !isP(toks[d], '}') && !isP(toks[d], ';') && toks[d].v !== 'object' && toks[d].v !== 'class') d = isP(toks[d], ')') && match[d] >= 0 && match[d] < d ? match[d] - 1 : d - 1;
      const word = toks[d]?.v;
      if (word === 'object' && toks[d - 1]?.v === 'companion') companion = true;
      else if (word === 'object' && isId(toks[d + 1]) && !isStatic) return toks[d + 1].v;
      else if (word === 'class' && isId(toks[d + 1]) && (isStatic || companion)) return toks[d + 1].v;
      else if (word === 'class' || word === 'object') return undefined;
      // A method's or an initializer's body: a local, not a member.
      if (!companion) return undefined;
    }
  }
  return undefined;
}

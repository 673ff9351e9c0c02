// Callers of a Kotlin function whose model arrives as a parameter (file-callers.ts reads what they pass): a method
// `suspend fun getResponse(messages: List<ChatMessage>, model: GptSetting, apiKey: String)` of a client class posting
// with ktor, called as `client.getResponse(chatMessages, currentModel, apiKey!!)` by a repository of the same module
// that holds the client in `private var client = OpenAIClient(httpClient)` (held35 C04 Guuri11/ISI
// lib/lib/src/main/kotlin/org/isi/data/clients/OpenAIClient.kt:18 and data/repository/CommandRepositoryLocalImpl.kt:25).
// Read: the `.name(` calls of the module's Kotlin files (jvm-callers.ts's search root) on a receiver declared or made
// with the class's type (`x: Cls`, `val x = Cls(…)`); a top-level function's plain `name(` calls. A `.name(` call on a
// receiver whose type is not known, in a file that names the class, may be one: then the callers are not all known.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { gradleDependents, jvmModuleSources } from '../resolve/jvm-modules';
import { searchRoot } from './jvm-callers';
import { calledNames } from './names-followed';
import type { EvalScope } from './value';

/** Files of the module read for the function's calls at most. */
const MAX_FILES = 16;
/** Calls of a method's name read in one file at most. */
const MAX_CALLS = 64;
/** Declarations of a receiver's name read at most. */
const MAX_DECLS = 16;
/** Test sources pass test doubles, not what runs. */
const isTest = (f: string) => /\/src\/(?:test|androidTest|commonTest|jvmTest)\//.test(f);

/**
 * Calls of the Kotlin function whose name is token `at` in the module's other files, and in this file through an
 * object of its class (`client.getResponse(…)`; the plain and `this.` calls are file-callers.ts's own): [] when none
 * (or the function is private), undefined when a call may be one but its receiver's type is not known.
 */
export function kotlinCallers(s: EvalScope, at: number): { sc: EvalScope; k: number }[] | undefined {
  const { toks } = s;
  if (s.syn.id !== 'kotlin' || toks[at - 1]?.v !== 'fun') return [];
  const name = toks[at].v;
  const cls = kotlinClassAround(s, at);
  const out: { sc: EvalScope; k: number }[] = [];
  s.readNames?.add(name);
  // The class's supertypes (`class OpenAiService(…) : LlmService`): a call through one may be this method's or
  // another implementation's, so such a receiver leaves the callers unknown.
  let supers = cls ? supertypes(s, cls) : [];
  const idx = s.index;
  const root = idx && searchRoot(s);
  // The module's sources, and those of the Gradle modules that depend on it (a repository's caller in a feature
  // module: skydoves/chatgpt-android ChatGPTMessageWorker in feature-chat, GPTMessageRepositoryImpl in core-data).
  const files = !idx || !root ? [] : idx.memo(root, `kotlin.callers ${cls ?? ''}.${name}`, () => {
    const found: string[] = [];
    for (const dir of [root, ...gradleDependents(idx.files, root)]) for (const f of jvmModuleSources(idx.files, dir)) {
      if (!f.endsWith('.kt') || isTest(f)) continue;
      const t = idx.text(f);
      if (t && t.includes(`${name}(`) && (!cls || t.includes(cls) || supers.some((x) => t.includes(x)))) found.push(f);
      if (found.length > MAX_FILES) return found;
    }
    return found;
  });
  // An interface the class alone implements among those files (`GPTMessageRepository` → its Impl, bound by Hilt):
  // a call through it is this method's.
  const only = cls && idx && root ? supers.filter((x) => idx.memo(root, `kotlin.implementers ${x}.${name}`, () => implementers(idx, [s.file, ...files], x)) === cls) : [];
  supers = supers.filter((x) => !only.includes(x));
  const types = cls ? [cls, ...only] : [];
  const params = paramNames(s, at);
  if (cls) {
    s.readNames?.add(cls);
    if (!onObjects(s, types, supers, name, out, params)) return undefined;
  }
  if (privateFun(s, at) || !idx || !root) return out;
  // More files than are read: some callers are not seen.
  if (files.length > MAX_FILES) return undefined;
  for (const f of files) {
    if (f === s.file) continue;
    const sc = idx.scope(f);
    if (!sc || sc.syn.id !== 'kotlin') continue;
    if (cls ? !onObjects(sc, types, supers, name, out, params) : !plainCalls(sc, name, out)) return undefined;
  }
  return out;
}

/** The one class of these files whose header lists `iface` (`class Impl @Inject constructor(…) : Iface`), else
 * undefined (none, or several). */
function implementers(idx: NonNullable<EvalScope['index']>, files: string[], iface: string): string | undefined {
  let one: string | undefined;
  for (const f of new Set(files)) {
    const sc = idx.text(f)?.includes(iface) ? idx.scope(f) : undefined;
    if (!sc || sc.syn.id !== 'kotlin') continue;
    for (const c of classSpans(sc)) {
      if (!supertypes(sc, c.name).includes(iface)) continue;
      if (one !== undefined && one !== c.name) return undefined;
      one = c.name;
    }
  }
  return one;
}

/** `x.name(` calls in `sc` on a receiver of type `cls` (or `Cls.name(` of an `object`), added to `out`; false when
 * one's receiver is not known or is declared with one of the class's supertypes. */
function onObjects(sc: EvalScope, types: string[], supers: string[], name: string, out: { sc: EvalScope; k: number }[], params: Set<string>): boolean {
  const cls = types[0];
  const { toks } = sc;
  const calls = calledNames(toks).get(name) ?? [];
  // More calls than are read: some callers are not seen.
  if (calls.length > MAX_CALLS) return false;
  for (const k of calls) {
    if (!isP(toks[k - 1], '.') && !isP(toks[k - 1], '?.')) continue;
    const recv = toks[k - 2];
    if (isId(recv) && recv.v === 'this') continue;
    const type = isId(recv) && !isP(toks[k - 3], '.') ? (recv.v === cls ? cls : receiverType(sc, recv.v, k)) : undefined;
    // Its declaration is read outside the call: an edit there changes whose call it is.
    if (isId(recv)) sc.readNames?.add(recv.v);
    if (type !== undefined && types.includes(type)) out.push({ sc, k });
    else if ((type === undefined && !otherNamed(sc, k + 1, params)) || (type !== undefined && supers.includes(type))) return false;
  }
  return true;
}

/** The parameter names of the Kotlin function whose name is token `at` (`fun f(a: A, b: B = x)`). */
function paramNames(s: EvalScope, at: number): Set<string> {
  const { toks, match } = s;
  const out = new Set<string>();
  const open = at + 1;
  if (!isP(toks[open], '(') || !(match[open] > open)) return out;
  for (let k = open + 1; k < match[open]; k++) {
    if (match[k] > k) k = match[k];
    else if (isId(toks[k]) && isP(toks[k + 1], ':') && (isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || isId(toks[k - 1]))) out.add(toks[k].v);
  }
  return out;
}

/** The call whose `(` is token `open` names an argument the function has no parameter for (`sendMessage(message = m)`
 * beside `fun sendMessage(gptChatRequest: …)`): another function's call, Kotlin naming only its own parameters
 * (kotlinlang.org/docs/functions.html#named-arguments). */
function otherNamed(sc: EvalScope, open: number, params: Set<string>): boolean {
  const { toks, match } = sc;
  if (!isP(toks[open], '(') || !(match[open] > open) || !params.size) return false;
  for (let k = open + 1; k < match[open]; k++) {
    if (match[k] > k) k = match[k];
    else if (isId(toks[k]) && isP(toks[k + 1], '=') && (isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) && !params.has(toks[k].v)) return true;
  }
  return false;
}

/** A top-level function's `name(` calls in `sc` (not another object's method, not a declaration). */
function plainCalls(sc: EvalScope, name: string, out: { sc: EvalScope; k: number }[]): boolean {
  const { toks } = sc;
  for (const k of calledNames(toks).get(name) ?? []) {
    const prev = toks[k - 1];
    if (isP(prev, '.') || isP(prev, '?.') || isP(prev, '::') || (isId(prev) && prev.v === 'fun')) continue;
    out.push({ sc, k });
  }
  return true;
}

/**
 * The type of a Kotlin name at a call (token `at`): declared (`client: OpenAIClient`) or made (`val client =
 * OpenAIClient(http)`), the declaration in the class the call is in first (another class of the file may hold a
 * `client: HttpClient`), else the file's only one.
 */
function receiverType(sc: EvalScope, name: string, at: number): string | undefined {
  const found = declarations(sc, name);
  const here = kotlinClassAround(sc, at);
  const mine = found.filter((f) => f.cls === here);
  const types = new Set((mine.length ? mine : found).map((f) => f.type));
  return types.size === 1 ? [...types][0] : undefined;
}

const DECLS = new KeyMemo<object, Map<string, { type: string; cls: string | undefined }[]>>();

/** The typed declarations of `name` in a file, with the class each is in: one walk per file and name. */
function declarations(sc: EvalScope, name: string): { type: string; cls: string | undefined }[] {
  let byName = DECLS.get(sc.toks);
  if (!byName) DECLS.set(sc.toks, (byName = new Map()));
  let found = byName.get(name);
  if (found) return found;
  found = [];
  const { toks } = sc;
  for (let k = 1; k + 3 < toks.length && found.length < MAX_DECLS; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    let type: string | undefined;
    if (isP(toks[k + 1], ':') && isId(toks[k + 2]) && /^[A-Z]/.test(toks[k + 2].v) && !isP(toks[k + 3], '.')) type = toks[k + 2].v;
    else if ((toks[k - 1].v === 'val' || toks[k - 1].v === 'var') && isP(toks[k + 1], '=') && isId(toks[k + 2]) && /^[A-Z]/.test(toks[k + 2].v) && isP(toks[k + 3], '(')) type = toks[k + 2].v;
    if (type) found.push({ type, cls: kotlinClassAround(sc, k) });
  }
  byName.set(name, found);
  return found;
}

/** `private fun name(`: called from its own file only. */
function privateFun(s: EvalScope, at: number): boolean {
  s.readNames?.add('private');
  for (let k = at - 2; k >= 0 && k >= at - 6 && isId(s.toks[k]); k--) if (s.toks[k].v === 'private') return true;
  return false;
}

/** Words that start a declaration: met before a class header's `{`, the class has no body (`data class M(val a: A)`). */
const DECL_WORDS = new Set(['class', 'fun', 'val', 'var', 'object', 'interface', 'enum', 'data', 'private', 'public', 'internal', 'protected', 'open', 'abstract', 'sealed', 'import', 'override', 'suspend', 'typealias', 'annotation']);
/** Tokens read from `class X` to its body's `{`. */
const MAX_HEADER = 200;

/** Each Kotlin class or object with a body in a token list, found once per file: `name`, the body's `{` and `}`. */
const SPANS = new KeyMemo<object, { name: string; open: number; close: number }[]>();
/** Classes of a file kept at most (a file of more is no app's). */
const MAX_CLASSES = 500;

function classSpans(s: EvalScope): { name: string; open: number; close: number }[] {
  let spans = SPANS.get(s.toks);
  if (spans) return spans;
  spans = [];
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length && spans.length < MAX_CLASSES; k++) {
    if (toks[k].t !== T.Id || (toks[k].v !== 'class' && toks[k].v !== 'object') || !isId(toks[k + 1]) || isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) continue;
    let b = pastConstructorHead(s, k + 2);
    const stop = Math.min(toks.length, k + MAX_HEADER);
    while (b < stop && !isP(toks[b], '{') && !isP(toks[b], '}') && !isP(toks[b], '@') && !(isId(toks[b]) && DECL_WORDS.has(toks[b].v))) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (b < stop && isP(toks[b], '{') && match[b] > b) spans.push({ name: toks[k + 1].v, open: b, close: match[b] });
  }
  SPANS.set(s.toks, spans);
  return spans;
}

const CTOR_MODIFIERS = new Set(['private', 'protected', 'internal', 'public']);

/** Past a primary constructor's annotations and modifiers, `class Repo @Inject constructor(…)` (Kotlin reference,
 * Classes: "If the constructor has annotations or visibility modifiers, the constructor keyword is required"), to its
 * `(`; `j` itself when the class's header has none. */
export function pastConstructorHead(s: EvalScope, j: number): number {
  const { toks, match } = s;
  let b = j;
  for (let n = 0; n < 8; n++) {
    if (isP(toks[b], '@') && isId(toks[b + 1])) b = isP(toks[b + 2], '(') && match[b + 2] > b ? match[b + 2] + 1 : b + 2;
    else if (isId(toks[b]) && CTOR_MODIFIERS.has(toks[b].v)) b++;
    else break;
  }
  return isId(toks[b]) && toks[b].v === 'constructor' ? b + 1 : j;
}

/** The Kotlin class or object whose body holds token `at` (the innermost), or undefined. */
export function kotlinClassAround(s: EvalScope, at: number): string | undefined {
  let best: { name: string; open: number } | undefined;
  for (const c of classSpans(s)) if (c.open < at && at < c.close && (!best || c.open > best.open)) best = c;
  return best?.name;
}

/** The names a Kotlin class's header lists after its `:` (`class A(…) : B, C(x) {`), at most a few. */
function supertypes(s: EvalScope, cls: string): string[] {
  const { toks, match } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if ((toks[k].v !== 'class' && toks[k].v !== 'object') || toks[k + 1].v !== cls || !isId(toks[k])) continue;
    let j = pastConstructorHead(s, k + 2);
    if (isP(toks[j], '(') && match[j] > j) j = match[j] + 1;
    if (!isP(toks[j], ':')) return [];
    const out: string[] = [];
    for (j++; j < toks.length && j < k + MAX_HEADER && !isP(toks[j], '{') && !(isId(toks[j]) && DECL_WORDS.has(toks[j].v)); j++) {
      if (isP(toks[j], '(') && match[j] > j) j = match[j];
      else if (isId(toks[j]) && /^[A-Z]/.test(toks[j].v) && !isP(toks[j - 1], '.') && !isP(toks[j + 1], '.') && toks[j].v !== 'Any') out.push(toks[j].v);
    }
    return out;
  }
  return [];
}

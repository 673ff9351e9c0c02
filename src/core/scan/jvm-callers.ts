// Java callers of a method in other classes of the workspace: `public GptResponse createChatCompletion(GptRequest
// request)` of a client class posting the request (RestTemplate, an SDK service), called as
// `openAIClient.createChatCompletion(request)` by a service that holds the client in a field or constructor parameter
// (`private final OpenAIClient openAIClient;`, Spring-injected) and builds the request there
// (held-out dzenthai/AesculapiusTelegramBot ChatGptService.java → OpenAIClient.java). The files read are the sources of
// the method's JVM module (the folder with the build file; with none, the source root above the file), those that
// name both the class and the method; a call counts when its receiver is declared with the class's type.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, basename, dirname, normalize } from '../resolve/files';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { declaredType } from './config-properties';
import { declaredType as csDeclaredType } from './dotnet-config';
import { calledNames } from './names-followed';
import { csharpUsers } from './js-callers';
import { classScopes } from './class-files';
import type { EvalScope } from './value';

/** Files of the module read for the method's calls at most. */
const MAX_FILES = 16;

/** The class whose body holds token `at` (the innermost `class X {` / `record X(…) {`), or undefined. */
export function classAround(s: EvalScope, at: number): string | undefined {
  const { toks, match } = s;
  const decls = classDecls(s);
  let best = -1;
  for (let d = 0; d < decls.length && decls[d] + 1 < at; d += 2) {
    const b = decls[d + 1];
    if (b < at && match[b] > at && (best < 0 || b > decls[best + 1])) best = d;
  }
  return best < 0 ? undefined : toks[decls[best] + 1].v;
}

/**
 * Each `class X …{` / `record X(…) {` of the token list as (the keyword's index, its body's `{`), in order: found once
 * per file, not in a walk from the file's start for every method a C# call's values lead to (speed; that walk was a
 * third of csMethodCallers' time on the bench corpus). The `{` is the first `{` or `;` after the name, brackets
 * skipped, as the walk found it; a declaration ending at `;` has none and is left out.
 */
const CLASS_DECLS = new KeyMemo<object, number[]>();
function classDecls(s: EvalScope): number[] {
  const { toks, match } = s;
  let out = CLASS_DECLS.get(toks);
  if (out) return out;
  out = [];
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || (toks[k].v !== 'class' && toks[k].v !== 'record') || !isId(toks[k + 1]) || isP(toks[k - 1], '.')) continue;
    let b = k + 2;
    while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (isP(toks[b], '{')) out.push(k, b);
  }
  CLASS_DECLS.set(toks, out);
  return out;
}

/** The folder whose sources are searched: the JVM module, else the `java` / `kotlin` source root above the file. */
export function searchRoot(s: EvalScope): string | undefined {
  const files = s.index!.files;
  const mod = jvmModule(files, s.file);
  if (mod) return mod;
  return ancestors(dirname(normalize(s.file)), 14).find((d) => basename(d) === 'java' || basename(d) === 'kotlin');
}

/** Test sources pass test doubles, not what runs. */
const isTest = (f: string) => /\/src\/test\/|\/test\/java\//.test(f);

/**
 * The calls of `cls.method(…)` in other Java files of the workspace: per file its scope and the method name's tokens,
 * each called on a field, parameter or local declared with type `cls`.
 */
export function classCallers(s: EvalScope, cls: string, method: string): { scope: EvalScope; calls: number[] }[] {
  const idx = s.index;
  // C#: the project's files that use the class's type (cs-users.ts), a public sender called from a controller; the
  // receiver may be declared with an interface the class implements (`private readonly IChatSender _sender;`, the
  // container giving the class: learn.microsoft.com/aspnet/core/fundamentals/dependency-injection).
  if (idx && s.syn.id === 'csharp') return callsIn(s, csUsers(s, cls).filter((f) => idx.text(f)?.includes(`.${method}(`)).slice(0, MAX_FILES), cls, method, implemented(s, cls));
  const root = idx && searchRoot(s);
  if (!idx || !root) return [];
  const found = idx.memo(root, `jvm.callers ${cls}.${method}`, () => {
    const out: string[] = [];
    for (const f of jvmModuleSources(idx.files, root)) {
      if (f === s.file || !f.endsWith('.java') || isTest(f)) continue;
      const t = idx.text(f);
      if (t && t.includes(cls) && t.includes(`.${method}(`)) out.push(f);
      if (out.length >= MAX_FILES) break;
    }
    return out;
  });
  return callsIn(s, found, cls, method);
}

/** The C# files that use the class's types, and those that use an interface it implements declared in a file of its
 * own (`IAiClient _aiClient` in FaqService.cs, `public interface IAiClient` in Interfaces/IAiClient.cs: the service
 * names no type of the class's file; salunke2897/POC-AIPoweredFAQAPI, audit41), as cs-method-callers.ts reads them. */
function csUsers(s: EvalScope, cls: string): string[] {
  const users = new Set(csharpUsers(s));
  for (const i of implemented(s, cls)) {
    // Renaming the interface in the class's base list makes or unmakes these callers (the keystroke path).
    s.readNames?.add(i);
    for (const sc of classScopes(s, i)) for (const f of csharpUsers(sc)) if (f !== s.file) users.add(f);
  }
  return [...users];
}

/** In each file, the calls of `method` on a field, parameter or local declared with type `cls`. */
function callsIn(s: EvalScope, files: string[], cls: string, method: string, also: string[] = []): { scope: EvalScope; calls: number[] }[] {
  const types = new Set([cls, ...also]);
  const out: { scope: EvalScope; calls: number[] }[] = [];
  for (const f of files) {
    const sc = s.index!.scope(f);
    if (!sc || sc.syn.id !== s.syn.id) continue;
    const { toks } = sc;
    // C# also `var client = new ChatGpt.Client(key); client.Send(…)`: the local's type is the class it makes (dotnet-config.ts).
    const typeOf = (k: number) => (sc.syn.id === 'csharp' ? csDeclaredType(sc, toks[k].v, toks[k].start)?.type : undefined) ?? declaredType(sc, toks[k].v);
    const calls = (calledNames(toks).get(method) ?? []).filter((k) => isP(toks[k - 1], '.') && isId(toks[k - 2]) && types.has(typeOf(k - 2) ?? ''));
    if (calls.length) out.push({ scope: sc, calls });
  }
  return out;
}

/** C# `class Sender : Base, ISender {`: the interfaces (`I` and a capital) the class names in its base list. */
export function implemented(s: EvalScope, cls: string): string[] {
  let byClass = IMPLEMENTED.get(s.toks);
  if (!byClass) IMPLEMENTED.set(s.toks, (byClass = new Map()));
  let out = byClass.get(cls);
  if (!out) byClass.set(cls, (out = baseInterfaces(s, cls)));
  return out;
}

/** Per token list and class (asked once per C# method a call's values lead to). */
const IMPLEMENTED = new KeyMemo<object, Map<string, string[]>>();

function baseInterfaces(s: EvalScope, cls: string): string[] {
  const { toks } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'class' || toks[k + 1].v !== cls) continue;
    const out: string[] = [];
    let j = k + 2;
    // A primary constructor's parameters (`class Sender(HttpClient http) : ISender`).
    if (isP(toks[j], '(') && s.match[j] > j) j = s.match[j] + 1;
    if (!isP(toks[j], ':')) return [];
    for (j++; j < toks.length && j < k + 60 && !isP(toks[j], '{') && toks[j].v !== 'where'; j++) if (isId(toks[j]) && /^I[A-Z]/.test(toks[j].v) && !isP(toks[j - 1], '.')) out.push(toks[j].v);
    return out;
  }
  return [];
}

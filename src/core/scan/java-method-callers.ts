// Callers of a Java method whose model, limit or prompt arrive as parameters (file-callers.ts reads what they pass):
// `public static String getChatGPTResponse(String prompt)` posting an org.json body, called from `main` with a literal
// (held-out 35 C11, awesomeshot5051/MyGUI ChatGPTClient.java:24), or a private `send(prompt, model)` called by two public
// methods passing different model literals. The plain and `this.` calls of the file are the same-file callers' part;
// here: `x.name(…)` in the file and in the module's other Java files (jvm-callers.ts's search root) on a receiver
// declared or made with the class (`private final ChatService chat;`, `var c = new ChatService()`), `new
// ChatService(…).name(…)`, `ChatService.name(…)` of a static method, and plain calls in a file that imports it
// statically. Java has overloads (JLS 15.12.2): a call with another number of arguments is another method's; two of
// the class's methods of that name taking the same count leave the callers unknown, as does a receiver whose type is
// not known, or a class of the module deriving from it. A private method's callers are its file's.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { jvmModuleSources } from '../resolve/jvm-modules';
import { declaredType } from './dotnet-config';
import { searchRoot } from './jvm-callers';
import { ancestors, dirname, normalize } from '../resolve/files';
import { calledNames } from './names-followed';
import { declares, fits, javaArity, type Arity } from './java-arity';
import { isTest, javaClassAround, soleImplementor, supertypes } from './java-class-types';
import type { MethodCall } from './method-callers';
import type { EvalScope } from './value';

/** Files of the module read for the method's calls at most. */
const MAX_FILES = 24;
/** Calls of the method's name read in one file at most. */
const MAX_CALLS = 64;

/** What a receiver is: an object of the class, some other object, or not known. */
type Receiver = 'class' | 'other' | 'unknown';

/** The class, the supertypes it alone implements in the module, and those others implement too. */
type Types = { cls: string; sole: Set<string>; shared: Set<string> };

/**
 * Calls of the Java method named at token `at` through objects of its class or the class itself, in its file and
 * (unless private) its module's files: null when one such call cannot be told apart, or the method's overloads are.
 */
export function javaMethodCallers(s: EvalScope, at: number): MethodCall[] | null | undefined {
  const { toks } = s;
  const method = toks[at].v;
  const cls = javaClassAround(s, at);
  if (!cls || method === cls) return null;
  // Which calls count hangs on the class's name, the method's calls and `private`: an edit of either changes the answer.
  s.readNames?.add(cls);
  s.readNames?.add(method);
  s.readNames?.add('private');
  const arity = javaArity(s, at);
  if (!arity) return null;
  const out: MethodCall[] = [];
  if (javaPrivate(s, at)) return onObjects(s, { cls, sole: new Set(), shared: new Set() }, method, arity, out) ? out : null;
  const idx = s.index;
  const root = idx && (searchRoot(s) ?? packageRoot(s));
  // With no workspace in view (one text alone), other files' calls cannot be known.
  if (!idx || !root) return null;
  // The class's supertypes: a receiver declared with one that the class alone implements in the module is the class's
  // object (Spring injects the one bean of a `ChatGPTService` interface, flex2020/EnjoyTrip_Backend_Final
  // ChatGPTController.java → ChatGPTServiceImpl.java); with another implementation, not known.
  const supers = supertypes(s, cls).map((name) => ({ name, sole: soleImplementor(s, root, name, cls) }));
  const types: Types = { cls, sole: new Set(supers.filter((x) => x.sole).map((x) => x.name)), shared: new Set(supers.filter((x) => !x.sole).map((x) => x.name)) };
  // The class's header names them: typing or deleting one there changes which receivers are the class's.
  for (const x of [...supers.map((y) => y.name), 'extends', 'implements']) s.readNames?.add(x);
  const files = idx.memo(root, `java.callers ${cls}.${method}`, () => {
    const found: string[] = [];
    for (const f of jvmModuleSources(idx.files, root)) {
      if (f === s.file || isTest(f)) continue;
      const t = idx.text(f);
      if (t && t.includes(`${method}(`) && (t.includes(cls) || supers.some((x) => t.includes(x.name)))) found.push(f);
      if (found.length > MAX_FILES) break;
    }
    return found;
  });
  // A Kotlin file of the module calling it (an Android app's activity calling a Java helper) is not read here: its
  // callers are not all known.
  if (files.length > MAX_FILES || files.some((f) => f.endsWith('.kt'))) return null;
  if (!onObjects(s, types, method, arity, out)) return null;
  for (const f of files) {
    const sc = idx.scope(f);
    if (!sc || sc.syn.id !== 'java') continue;
    if (derives(sc, cls)) return null;
    if (staticImport(sc, cls, method)) for (const k of calledNames(sc.toks).get(method) ?? []) if (!isP(sc.toks[k - 1], '.') && !declares(sc, k) && fits(sc, k, arity)) out.push({ sc, k });
    if (!onObjects(sc, types, method, arity, out)) return null;
  }
  return out;
}

/** `.name(` calls in `sc` on a receiver of the class, added to `out`; false when one's receiver is not known. */
function onObjects(sc: EvalScope, types: Types, method: string, arity: Arity, out: MethodCall[]): boolean {
  const { toks } = sc;
  const calls = calledNames(toks).get(method) ?? [];
  if (calls.length > MAX_CALLS) return false;
  for (const k of calls) {
    if (!isP(toks[k - 1], '.') || !fits(sc, k, arity)) continue;
    const r = receiver(sc, k, types);
    if (r === 'unknown') return false;
    if (r === 'class') out.push({ sc, k });
  }
  return true;
}

/** The receiver of `.method(` at token k. */
function receiver(s: EvalScope, k: number, types: Types): Receiver {
  const { toks, match } = s;
  const { cls } = types;
  const r = k - 2;
  // `new ChatService(key).ask(…)`; another call's result (`HttpClient.newHttpClient().send(…)`) is another class's
  // object when its chain starts at a capitalised name other than the class, else not known.
  if (isP(toks[r], ')') && match[r] > 0) {
    const open = match[r];
    let n = open - 1;
    if (isId(toks[n - 1]) && toks[n - 1].v === 'new') return toks[n].v === cls ? 'class' : 'other';
    while (isId(toks[n]) && isP(toks[n - 1], '.') && isId(toks[n - 2])) n -= 2;
    return isId(toks[n]) && /^[A-Z]/.test(toks[n].v) && toks[n].v !== cls && !types.sole.has(toks[n].v) && !types.shared.has(toks[n].v) && !isP(toks[n - 1], '.') ? 'other' : 'unknown';
  }
  if (!isId(toks[r])) return isP(toks[r], ')') || isP(toks[r], ']') ? 'unknown' : 'other';
  const name = toks[r].v;
  // `this.ask(…)` is the same-file callers' part; `super.ask(…)` a deriving class's, which makes the callers unknown first.
  if (!isP(toks[r - 1], '.') && (name === 'this' || name === 'super')) return 'other';
  // Renaming the receiver or its declaration's type makes or unmakes the call (the keystroke path's significant names).
  s.readNames?.add(name);
  // `this.chat.ask(…)`: the field; a longer chain (`a.b.ask(…)`) by the type `b` is declared with in the file.
  const chain = isP(toks[r - 1], '.') && !(isId(toks[r - 2]) && toks[r - 2].v === 'this' && !isP(toks[r - 3], '.'));
  const d = declaredType(s, name, toks[r].start);
  if (d) {
    s.readNames?.add(d.type);
    return d.type === cls || types.sole.has(d.type) ? 'class' : types.shared.has(d.type) ? 'unknown' : 'other';
  }
  if (chain) return 'unknown';
  if (name === cls) return 'class';
  // A class's static method (`System.out`, `Math.max`), a package: a capitalised name declared nowhere in the file.
  return /^[A-Z]/.test(name) && !isP(toks[r - 1], '.') ? 'other' : 'unknown';
}

/** The method at token `at` is declared `private` (JLS 6.6.1: accessible within the top-level class's body only). */
export function javaPrivate(s: EvalScope, at: number): boolean {
  const { toks } = s;
  for (let k = at - 1, n = 0; k >= 0 && n < 40; k--, n++) {
    const tk = toks[k];
    if (isP(tk, ';') || isP(tk, '{') || isP(tk, '}')) return false;
    if (isId(tk) && tk.v === 'private') return true;
  }
  return false;
}

/** `class X extends ChatService` in the file: its objects call the method too, or are called in its place. */
function derives(s: EvalScope, cls: string): boolean {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) if (toks[k].t === T.Id && toks[k].v === 'extends' && toks[k + 1].v === cls) return true;
  return false;
}

/** `import static a.b.ChatService.ask;` or `….ChatService.*;`: the file calls the method by its plain name. Read line by
 * line with string operations (a RegExp over a long hostile line backtracks). */
function staticImport(s: EvalScope, cls: string, method: string): boolean {
  for (let i = s.text.indexOf('import static'); i >= 0; i = s.text.indexOf('import static', i + 13)) {
    const end = s.text.indexOf(';', i);
    if (end < 0) return false;
    const path = s.text.slice(i + 13, end).trim().split('.');
    if (path.length >= 2 && path[path.length - 2] === cls && (path[path.length - 1] === method || path[path.length - 1] === '*')) return true;
  }
  return false;
}

/** With no build file and no `java` folder above it: the folder its package is under (`package a.b;` in x/a/b/F.java
 * gives x), the file's own for the default package (JLS 7.4.2: its classes are seen by the same package alone). */
function packageRoot(s: EvalScope): string | undefined {
  const m = /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m.exec(s.text);
  const parts = m ? m[1].split('.') : [];
  const dir = dirname(normalize(s.file));
  // The folders must spell the package (`com/example/app` for `package com.example.app;`); a file kept elsewhere (a
  // generated tree, a loose script) has its own folder as the root, never an unrelated ancestor such as /tmp.
  if (parts.length && !dir.endsWith('/' + parts.join('/'))) return dir;
  const up = ancestors(dir, parts.length + 1);
  return up.length > parts.length ? up[parts.length] : undefined;
}

// Callers of a class's method through its objects: a JS/TS or Python method whose prompt, model or limit arrive as
// parameters (`async write(prompt, model, maxTokens)` in a Writer class) is called as `w.write(…)` after
// `const w = new Writer()`, `new Writer().write(…)`, `this.writer.write(…)` after `this.writer = new Writer()` or a
// `writer: Writer` field, and in Python as `Writer().write(…)` or on a module's `writer = Writer()` that other modules
// import. The class's own file and the modules that import the class (or such an object) are read. Every `.write(`
// there on a receiver that is not known to be some other object (a parameter with no type, a factory's result) makes
// the callers unknown, and so does a class deriving from it (its objects call the method too): run time, not a guess.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { constructorClass } from './js-constructors';
import { importers } from './js-callers';
import { importsOf } from './imported';
import { pick } from './lookup';
import { tables } from './scope';
import { calledNames } from './names-followed';
import { pyClassOf } from './py-constructors';
import { csMethodCallers } from './cs-method-callers';
import { javaMethodCallers } from './java-method-callers';
import type { EvalScope } from './value';

export interface MethodCall {
  sc: EvalScope;
  /** The method name's token at the call. */
  k: number;
}

/** Files of a class read for its method's calls at most (the class's file, importers of the class or an object). */
const MAX_FILES = 24;

/**
 * Calls of the method named at token `at` through objects of its class (the class's own `this.` / `self.` calls are
 * the same-file callers' part): undefined when the function is no method of a class, null when some call in view is
 * on an object this reading cannot tell apart from one of the class.
 */
export function methodCallers(s: EvalScope, at: number): MethodCall[] | null | undefined {
  // A C# method other files may call (cs-method-callers.ts).
  if (s.syn.id === 'csharp') return csMethodCallers(s, at);
  // A Java method's, through objects of its class in its module (java-method-callers.ts).
  if (s.syn.id === 'java') return javaMethodCallers(s, at);
  const cls = classOf(s, at);
  const method = s.toks[at].v;
  if (!cls) return objectMethodCallers(s, at);
  if (method === 'constructor' || method === '__init__') return undefined;
  const files: Files = [{ sc: s, local: cls, objects: new Set() }];
  for (const o of importers(s, cls)) if (!o.via) files.push({ sc: o.scope, local: o.local, objects: new Set() });
  // A module's object of the class (`writer = Writer()`), imported by name elsewhere: its calls there are the method's.
  for (const name of moduleObjects(s, cls)) {
    for (const o of importers(s, name)) {
      if (o.via) continue;
      const f = files.find((x) => x.sc === o.scope);
      if (f) f.objects.add(o.local);
      else files.push({ sc: o.scope, local: '', objects: new Set([o.local]) });
    }
  }
  if (files.length > MAX_FILES) return null;
  // Which objects call it hangs on the class's name and the method's calls: an edit of either changes the answer.
  s.readNames?.add(cls);
  return callsThrough(s, files, method);
}

type Files = { sc: EvalScope; local: string; objects: Set<string> }[];

/** The calls of `.method(` in `files` on their objects; null when one is on a receiver not known. */
function callsThrough(s: EvalScope, files: Files, method: string): MethodCall[] | null {
  s.readNames?.add(method);
  const out: MethodCall[] = [];
  for (const f of files) {
    if (f.local && derivesFrom(f.sc, f.local)) return null;
    for (const k of calledNames(f.sc.toks).get(method) ?? []) {
      if (!isP(f.sc.toks[k - 1], '.')) continue;
      const r = receiver(f.sc, k, f.local, f.objects);
      if (r === 'unknown') return null;
      if (r === 'class') out.push({ sc: f.sc, k });
    }
  }
  return out;
}

/**
 * A method of a module's object literal (`export const llmClient = { async generateText(prompt) { … } }`, held59
 * andriibabiuk/react-express-ai-chatbot packages/server/llm/client.ts): called as `llmClient.generateText(…)` in its
 * file and in the modules that import the object.
 */
function objectMethodCallers(s: EvalScope, at: number): MethodCall[] | null | undefined {
  const holder = objectHolder(s, at);
  if (!holder) return undefined;
  const files: Files = [{ sc: s, local: '', objects: new Set([holder]) }];
  // Through a namespace (`llm.llmClient.generateText(…)`): a receiver not followed, so the callers are not known.
  for (const o of importers(s, holder)) files.push({ sc: o.scope, local: '', objects: o.via ? new Set() : new Set([o.local]) });
  if (files.length > MAX_FILES) return null;
  s.readNames?.add(holder);
  return callsThrough(s, files, s.toks[at].v);
}

/** Tokens walked back from a method to its object's `{` at most. */
const MAX_WALK = 20000;

/** The name of the module-level `(export) const X = {` whose object literal holds the method named at `at` directly. */
function objectHolder(s: EvalScope, at: number): string | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'javascript' || !isP(toks[at + 1], '(')) return undefined;
  let k = at - 1;
  if (toks[k]?.v === '*') k--;
  if (isId(toks[k]) && toks[k].v === 'async') k--;
  if (!isP(toks[k], '{') && !isP(toks[k], ',')) return undefined;
  for (let n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    const tk = toks[k];
    if ((isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(tk, '(') || isP(tk, '[')) return undefined;
    else if (isP(tk, '{')) break;
  }
  if (k < 2 || !isP(toks[k], '{') || !isP(toks[k - 1], '=') || !isId(toks[k - 2])) return undefined;
  const name = toks[k - 2];
  const head = s.text.slice(s.text.lastIndexOf('\n', name.start - 1) + 1, name.start);
  return /^(export\s+)?(const|let|var)\s+$/.test(head) ? name.v : undefined;
}

/** The class whose body holds the method named at token `at` directly (not a function nested in a method). */
function classOf(s: EvalScope, at: number): string | undefined {
  if (s.syn.id === 'python') return pyClassOf(s, at);
  if (s.syn.id !== 'javascript' || s.toks[at - 1]?.v === 'function') return undefined;
  const c = constructorClass(s, at);
  if (c < 0) return undefined;
  const { toks, match } = s;
  let b = c + 1;
  while (b < at && !isP(toks[b], '{')) b++;
  for (let j = b + 1; j < at; j++) {
    if ((isP(toks[j], '{') || isP(toks[j], '(') || isP(toks[j], '[')) && match[j] > j) {
      if (match[j] > at) return undefined;
      j = match[j];
    }
  }
  return toks[c].v;
}

/** Module-level names the file binds to an object of the class (`writer = Writer()`, `export const writer = new Writer()`). */
function moduleObjects(s: EvalScope, cls: string): string[] {
  const out: string[] = [];
  const { toks } = s;
  for (const k of calledNames(toks).get(cls) ?? []) {
    const eq = isId(toks[k - 1]) && toks[k - 1].v === 'new' ? k - 2 : k - 1;
    if (!isP(toks[eq], '=') || !isId(toks[eq - 1]) || isP(toks[eq - 2], '.')) continue;
    const name = toks[eq - 1];
    const lineStart = s.text.lastIndexOf('\n', name.start - 1) + 1;
    const head = s.text.slice(lineStart, name.start);
    if (/^(export\s+)?((const|let|var)\s+)?$/.test(head)) out.push(name.v);
  }
  return out;
}

/** `class X extends L` / `class X(L)` in the file. */
function derivesFrom(s: EvalScope, local: string): boolean {
  let byName = DERIVES.get(s.toks);
  if (!byName) DERIVES.set(s.toks, (byName = new Map()));
  let v = byName.get(local);
  if (v === undefined) byName.set(local, (v = derives(s, local)));
  return v;
}

/** Per token list and class name (asked for each method a call's values lead to; a walk of the file each time). */
const DERIVES = new KeyMemo<object, Map<string, boolean>>();

function derives(s: EvalScope, local: string): boolean {
  const { toks, match } = s;
  for (let k = 0; k + 3 < toks.length; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    if (isId(toks[k + 2]) && toks[k + 2].v === 'extends' && toks[k + 3].v === local) return true;
    if (isP(toks[k + 2], '(') && match[k + 2] > k) {
      for (let j = k + 3; j < match[k + 2]; j++) if (isId(toks[j]) && toks[j].v === local && !isP(toks[j - 1], '.')) return true;
    }
  }
  return false;
}

/**
 * What the receiver of `.method(` at token k is: an object of the class (`class`), the file's own object or another
 * known object (`other`), or not known (`unknown`).
 */
function receiver(s: EvalScope, k: number, local: string, objects: Set<string>): 'class' | 'other' | 'unknown' {
  const { toks, match } = s;
  const py = s.syn.id === 'python';
  const r = k - 2;
  // `new Writer(…).write(…)`, `Writer(…).write(…)`.
  if (isP(toks[r], ')')) {
    const open = match[r];
    const made = open > 0 && local && toks[open - 1]?.v === local && !isP(toks[open - 2], '.') && (py || toks[open - 2]?.v === 'new');
    return made ? 'class' : 'unknown';
  }
  if (!isId(toks[r])) return 'unknown';
  const name = toks[r].v;
  const member = isP(toks[r - 1], '.');
  // `this.write(…)` / `self.write(…)`: a class's own call (this file's are read as same-file callers).
  if (!member && (name === 'this' || name === 'self')) return 'other';
  // `this.writer.write(…)`, `self.writer.write(…)`: the field; a longer chain is not followed.
  if (member && !(isId(toks[r - 2]) && (toks[r - 2].v === 'this' || toks[r - 2].v === 'self') && !isP(toks[r - 3], '.'))) return 'unknown';
  if (!member && name === local) return 'class';
  if (!member && objects.has(name)) return 'class';
  if (!member && importsOf(s).names.has(name)) return 'other';
  if (member) return fieldBoundTo(s, name, local);
  // A local or a parameter: the binding the call sees.
  const b = pick(tables(s).binds.get(name), s, toks[r].start);
  if (!b) return 'unknown';
  if (b.kind === 'param') return isP(toks[b.name + 1], ':') && toks[b.name + 2]?.v === local && !isP(toks[b.name + 3], '.') ? 'class' : 'unknown';
  return b.value < 0 || b.key !== undefined || b.pos !== undefined || b.index !== undefined ? 'unknown' : made(s, b.value, local);
}

/** What the value at token v makes: an object of the class (`new L(`, Python `L(`), another object, or not known. */
function made(s: EvalScope, v: number, local: string): 'class' | 'other' | 'unknown' {
  const { toks } = s;
  const isNew = isId(toks[v]) && toks[v].v === 'new';
  const c = isNew ? v + 1 : v;
  if (!isId(toks[c]) || !isP(toks[c + 1], '(') || isP(toks[c - 1], '.')) return 'unknown';
  if (local && toks[c].v === local && (isNew || s.syn.id === 'python')) return 'class';
  return isNew || /^[A-Z]/.test(toks[c].v) ? 'other' : 'unknown';
}

/** Where the file sets the field `name` (`this.name = …`, `self.name = …`, a TS field or constructor parameter property
 * `name: L`): to objects of the class, to other objects made here, or somewhere it cannot tell. */
function fieldBoundTo(s: EvalScope, name: string, local: string): 'class' | 'other' | 'unknown' {
  const { toks } = s;
  let other = false;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k])) continue;
    if (isP(toks[k + 1], ':') && toks[k + 2].v === local && !isP(toks[k + 3], '.')) return 'class';
    if (!isP(toks[k + 1], '=')) continue;
    const m = made(s, k + 2, local);
    if (m !== 'other') return m;
    other = true;
  }
  return other ? 'other' : 'unknown';
}

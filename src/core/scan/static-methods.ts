// A static method called on its class's name in C#, Java, Kotlin or PHP: `Prompts.FormatUserPrompt(topic)` returning
// `$"Explain {topic}"`, read with the call's arguments bound to its parameters (arg-frames.ts).
import type { EvalScope, Value } from './value';
import type { CallArgs } from './arg-frames';
import { classScopes } from './imported';
import { fnValue, helper } from './fn-values';
import { tables, type Fn } from './scope';
import { withArgs } from './arg-frames';
import { isId, isP } from '../lex/brackets';
import { pyBlockEnd } from './body-ends';
import { rubyClassMethod } from './ruby-class-methods';

/** Languages whose classes' static methods are read so. */
const LANGS = new Set(['csharp', 'java', 'kotlin', 'php']);

/** `Class.method(…)` (names = [Class, method]): what the method returns, read in the class's file. */
export function staticMethod(s: EvalScope, names: string[], fn: string, depth: number, given: CallArgs): Value | undefined {
  if (names.length === 2 && s.syn.id === 'python' && /^[A-Z]/.test(names[0])) return pyClassMethod(s, names[0], fn, depth, given);
  if (s.syn.id === 'ruby') return rubyClassMethod(s, names, fn, depth, given);
  if (names.length !== 2 || !/^[A-Z]/.test(names[0]) || !LANGS.has(s.syn.id)) return undefined;
  // A prefix of the file (editor/prefix.ts) that cuts the class or its method, below the call, must leave the call to
  // the full analysis.
  s.forward?.add(names[0]);
  s.forward?.add(fn);
  // A class of this file (`public static class Prompts { public static string Build(string topic) => …; }` beside the
  // class that calls it): its own method of that name, not another class's.
  if (tables(s).classes.has(names[0])) {
    const f = methodOf(s, names[0], fn);
    if (!f) return undefined;
    s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
    return withArgs(s, f, given, () => fnValue(s, f, fn, depth));
  }
  // A class in another file.
  for (const sc of classScopes(s, names[0])) {
    const v = helper(sc, fn, Number.MAX_SAFE_INTEGER, depth, given);
    if (v) return v;
  }
  return undefined;
}

/** Words that declare a class-like type whose body holds static methods. */
const TYPE_WORDS = new Set(['class', 'struct', 'record', 'object', 'interface']);
/** Tokens read between a type's name and its body's `{` (a base list, type parameters, a primary constructor). */
const MAX_HEAD = 60;

/** The method `fn` declared in the body of the type `cls` of this file, or undefined. */
function methodOf(s: EvalScope, cls: string, fn: string): Fn | undefined {
  const { toks, match } = s;
  const list = tables(s).fns.get(fn);
  if (!list) return undefined;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!isId(toks[i]) || !TYPE_WORDS.has(toks[i].v) || toks[i + 1]?.v !== cls) continue;
    let k = i + 2;
    for (let n = 0; k < toks.length && n < MAX_HEAD && !isP(toks[k], '{') && !isP(toks[k], ';'); n++) k = isP(toks[k], '(') && match[k] > k ? match[k] + 1 : k + 1;
    if (!isP(toks[k], '{') || !(match[k] > k)) continue;
    const f = list.find((x) => x.name > k && x.name < match[k]);
    if (f) return f;
  }
  return undefined;
}

/**
 * Python `Settings.load_from_env()` where `load_from_env` is a `@classmethod` (or `@staticmethod`) of a class of this
 * file: what it returns, `cls()` an instance of the class (calls.ts helper). donkodimov/howdoai howdoai/config.py:
 * `config = Configuration.load_from_env()`, a dataclass whose field defaults hold the URL, model and limit.
 */
function pyClassMethod(s: EvalScope, cls: string, fn: string, depth: number, given: CallArgs): Value | undefined {
  const { toks } = s;
  const list = tables(s).fns.get(fn);
  if (!list || !tables(s).classes.has(cls)) return undefined;
  s.forward?.add(cls);
  s.forward?.add(fn);
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!isId(toks[i]) || toks[i].v !== 'class' || toks[i + 1].v !== cls) continue;
    let colon = i + 2;
    while (colon < toks.length && colon < i + MAX_HEAD && !isP(toks[colon], ':')) colon = isP(toks[colon], '(') && s.match[colon] > colon ? s.match[colon] + 1 : colon + 1;
    if (!isP(toks[colon], ':')) return undefined;
    const end = pyBlockEnd(s, colon + 1, i);
    const f = list.find((x) => x.name > colon && x.name < end && DECORATORS.has(toks[x.name - 2]?.v ?? '') && isP(toks[x.name - 3], '@'));
    if (!f) return undefined;
    s.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? s.text.length });
    return withArgs(s, f, given, () => fnValue(s, f, fn, depth));
  }
  return undefined;
}

/** A Python method called on its class's name: `@classmethod` or `@staticmethod` before its `def`. */
const DECORATORS = new Set(['classmethod', 'staticmethod']);

// A static method called on its class's name in C#, Java, Kotlin or PHP: `Prompts.FormatUserPrompt(topic)` returning
// `$"Explain {topic}"`, read with the call's arguments bound to its parameters (arg-frames.ts).
import type { EvalScope, Value } from './value';
import type { CallArgs } from './arg-frames';
import { classScopes } from './imported';
import { helper } from './calls';

/** Languages whose classes' static methods are read so. */
const LANGS = new Set(['csharp', 'java', 'kotlin', 'php']);

/** `Class.method(…)` (names = [Class, method]): what the method returns, read in the class's file. */
export function staticMethod(s: EvalScope, names: string[], fn: string, depth: number, given: CallArgs): Value | undefined {
  if (names.length !== 2 || !/^[A-Z]/.test(names[0]) || !LANGS.has(s.syn.id)) return undefined;
  // A class in another file.
  for (const sc of classScopes(s, names[0])) {
    const v = helper(sc, fn, Number.MAX_SAFE_INTEGER, depth, given);
    if (v) return v;
  }
  return undefined;
}

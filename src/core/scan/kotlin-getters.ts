// Kotlin properties with a custom getter and no initializer: `private val _chatModel: String get() { return
// prefs.getString(KEY, DEFAULT) ?: DEFAULT }`, `val model get() = settings.model` (held-out 34 C19, L4TTiCe/BotForge
// SharedPreferencesServiceImpl.kt:58-61). Reading the name runs the getter each time
// (https://kotlinlang.org/docs/properties.html#getters-and-setters: "If you define a custom getter, it will be called
// every time you access the property"), so the name's value is what the getter returns; the file's tables have no
// binding for it (no `=` after the name).
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, type Fn } from './scope';
import { fnValue } from './fn-values';
import type { EvalScope, Value } from './value';

/** Tokens read between the name and `get` (a type: `String`, `List<ChatMessage>?`, `Map<String, Int>`). */
const MAX_TYPE = 24;

const GETTERS = new KeyMemo<object, Map<string, Fn>>();

/** Every property of the file declared `val|var NAME[: Type] get() = …` or `get() { … }`, by name (the first of a name). */
function getters(s: EvalScope): Map<string, Fn> {
  let found = GETTERS.get(s.toks);
  if (found) return found;
  found = new Map();
  const { toks, match } = s;
  for (let k = 1; k + 4 < toks.length; k++) {
    if (toks[k].t !== T.Id || (toks[k - 1].v !== 'val' && toks[k - 1].v !== 'var') || toks[k - 1].t !== T.Id) continue;
    let g = k + 1;
    if (isP(toks[g], ':')) {
      const stop = Math.min(toks.length - 3, g + MAX_TYPE);
      g++;
      while (g < stop && (isId(toks[g]) || (toks[g].t === T.Punct && /^[.<>?,]$/.test(toks[g].v))) && toks[g].v !== 'get') g++;
    }
    if (toks[g]?.v !== 'get' || !isP(toks[g + 1], '(') || !isP(toks[g + 2], ')')) continue;
    const after = g + 3;
    let fn: Fn | undefined;
    if (isP(toks[after], '=')) fn = { name: k, body: after + 1, bodyEnd: exprEnd(s, after + 1), expr: true };
    else if (isP(toks[after], '{') && match[after] > after) fn = { name: k, body: after + 1, bodyEnd: match[after], expr: false };
    if (fn && fn.bodyEnd > fn.body && !found.has(toks[k].v)) found.set(toks[k].v, fn);
  }
  GETTERS.set(s.toks, found);
  return found;
}

/** The value of a Kotlin property `name` with a custom getter in this file: what the getter returns; undefined else. */
export function kotlinGetter(s: EvalScope, name: string, depth: number): Value | undefined {
  if (s.syn.id !== 'kotlin' || !s.text.includes('get(')) return undefined;
  const f = getters(s).get(name);
  if (!f) return undefined;
  s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
  const v = fnValue(s, f, name, depth + 1);
  // A getter that reads only run-time state keeps the property's name as its label.
  return v && v.runtime === undefined ? v : undefined;
}

/** Is `name` a property with a custom getter in this Kotlin file? */
export function hasKotlinGetter(s: EvalScope, name: string): boolean {
  return s.syn.id === 'kotlin' && s.text.includes('get(') && getters(s).has(name);
}

// Each named function's parameters by place, read once per file, for the readers of a parameter's callers
// (file-callers.ts, go-callers.ts): Python and JS/TS names first in each parameter, PHP's `$name` after its type,
// TypeScript's parameter properties and Rust's `&self` / `mut` before the name.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import type { EvalScope } from './value';
import { patternKeys, type Param } from './caller-args';
import type { Fn } from './function-forms';

const PARAMS = new KeyMemo<object, Map<number, Param>>();
const TS_MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'override']);
const KT_MODIFIERS = new Set(['private', 'public', 'protected', 'internal', 'override', 'open', 'val', 'var', 'vararg', 'crossinline', 'noinline']);

/** Each named function's parameters by the name's token, with their place in the list: made once per file (Go's
 * go-callers.ts reads the same table). */
export function paramsOf(s: EvalScope): Map<number, Param> {
  const t = tables(s);
  let m = PARAMS.get(t);
  if (m) return m;
  m = new Map();
  const { toks, match } = s;
  for (const list of t.fns.values()) {
    for (const fn of list) {
      const open = fn.params ?? fn.name + 1;
      if (!isP(toks[open], '(') || match[open] < open) continue;
      if (s.syn.id === 'csharp' || s.syn.id === 'java') {
        csharpParams(s, fn, open, m);
        continue;
      }
      let pos = 0;
      let first = true;
      let loose = false;
      // Kotlin's type arguments (`headers: Map<String, String>`) hold commas that part no parameters.
      let angle = 0;
      for (let k = open + 1; k < match[open]; k++) {
        const tk = toks[k];
        if (s.syn.id === 'kotlin' && (isP(tk, '<') || isP(tk, '>') || isP(tk, '>>'))) {
          angle = isP(tk, '<') ? angle + 1 : Math.max(0, angle - tk.v.length);
          continue;
        }
        // A destructured options object (`{ system, prompt, model = "…" }`): each name is the member a caller's object gives.
        if (first && isP(tk, '{') && match[k] > k && s.syn.id === 'javascript') for (const [at, key] of patternKeys(toks, match, k)) m.set(at, { fn, pos, loose, key });
        if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
        else if (isP(tk, ',')) {
          if (angle) continue;
          pos++;
          first = true;
        } else if (s.syn.id === 'php' && first && !(isId(tk) && tk.v.startsWith('$'))) {
          // PHP writes a type (`string $text`, `protected ChatService $chat`) before the `$name`; `...$rest` is loose.
          if (isP(tk, '...')) loose = true;
        } else if (first && s.syn.id === 'javascript' && isId(tk) && TS_MODIFIERS.has(tk.v) && isId(toks[k + 1])) {
          // TypeScript's parameter property (`constructor(private readonly config: C)`): the name follows.
        } else if (first && s.syn.id === 'kotlin' && (isP(tk, '@') || (isId(tk) && KT_MODIFIERS.has(tk.v) && isId(toks[k + 1])))) {
          // Kotlin `private val model: T = …` in a primary constructor, `@Named("x") model: T`, `vararg parts: String`.
          if (tk.v === 'vararg') loose = true;
          if (isP(tk, '@') && isId(toks[k + 1])) k += isP(toks[k + 2], '(') && match[k + 2] > k ? match[k + 2] - k : 1;
        } else if (first && s.syn.id === 'rust' && (isP(tk, '&') || (isId(tk) && tk.v === 'mut'))) {
          // Rust `&self`, `&mut self`, `mut name: T`: the name follows.
        } else if (first) {
          first = false;
          if (isP(tk, '*') || isP(tk, '**') || isP(tk, '...') || isP(tk, '/')) loose = true;
          // Python methods: `self` / `cls` is not written by the caller; nor Rust's `self`.
          if (pos === 0 && (s.syn.id === 'python' || s.syn.id === 'rust') && isId(tk) && (tk.v === 'self' || tk.v === 'cls')) {
            pos = -1;
            continue;
          }
          if (isId(tk)) m.set(k, { fn, pos, loose });
        }
      }
    }
  }
  PARAMS.set(t, m);
  return m;
}

/** C# modifiers of a parameter; `params` makes the places after it loose. */
const CS_MODIFIERS = new Set(['this', 'ref', 'out', 'in', 'params', 'scoped', 'readonly']);

/**
 * C# `(List<Message> messages, string model = "gpt-4o", params string[] rest)`: each parameter's name is its last word
 * before a default, after its type (whose `<…>` may hold commas) and an attribute (`[FromBody]`).
 */
function csharpParams(s: EvalScope, fn: Fn, open: number, m: Map<number, Param>): void {
  const { toks, match } = s;
  let pos = 0;
  let angle = 0;
  let name = -1;
  let dflt = false;
  let loose = false;
  for (let k = open + 1; k <= match[open]; k++) {
    const tk = toks[k];
    if (k < match[open] && (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
    else if (isP(tk, '<')) angle++;
    else if (isP(tk, '>') || isP(tk, '>>')) angle = Math.max(0, angle - tk.v.length);
    else if ((isP(tk, ',') && !angle) || k === match[open]) {
      if (name >= 0) m.set(name, { fn, pos, loose });
      [name, dflt, angle] = [-1, false, 0];
      pos++;
    } else if (isP(tk, '=') && !angle) dflt = true;
    else if (isId(tk) && !dflt && !angle) {
      if (tk.v === 'params') loose = true;
      if (!CS_MODIFIERS.has(tk.v)) name = k;
    }
  }
}

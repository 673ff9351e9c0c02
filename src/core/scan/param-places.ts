// Each named function's parameters by place, read once per file, for the readers of a parameter's callers
// (file-callers.ts, go-callers.ts): Python and JS/TS names first in each parameter, PHP's `$name` after its type,
// TypeScript's parameter properties and Rust's `&self` / `mut` before the name.
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import type { EvalScope } from './value';
import { patternKeys, type Param } from './caller-args';

const PARAMS = new WeakMap<object, Map<number, Param>>();
const TS_MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'override']);

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
      let pos = 0;
      let first = true;
      let loose = false;
      for (let k = open + 1; k < match[open]; k++) {
        const tk = toks[k];
        // A destructured options object (`{ system, prompt, model = "…" }`): each name is the member a caller's object gives.
        if (first && isP(tk, '{') && match[k] > k && s.syn.id === 'javascript') for (const [at, key] of patternKeys(toks, match, k)) m.set(at, { fn, pos, loose, key });
        if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
        else if (isP(tk, ',')) {
          pos++;
          first = true;
        } else if (s.syn.id === 'php' && first && !(isId(tk) && tk.v.startsWith('$'))) {
          // PHP writes a type (`string $text`, `protected ChatService $chat`) before the `$name`; `...$rest` is loose.
          if (isP(tk, '...')) loose = true;
        } else if (first && s.syn.id === 'javascript' && isId(tk) && TS_MODIFIERS.has(tk.v) && isId(toks[k + 1])) {
          // TypeScript's parameter property (`constructor(private readonly config: C)`): the name follows.
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

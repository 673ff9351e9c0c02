// A Python loader that memoises what it reads: `if name not in _cache: _cache[name] = path.read_text()` then
// `return _cache[name]` (uiqkos/vibe-driven-assistant src/coding_agent/prompts/prompt_layer.py load_prompt). What it
// returns is what it stored under that key in the same function: the stored expression is read in its place.
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** The value of the returned expression toks[from..to) of a function whose body starts at `body`. */
export function returned(s: EvalScope, body: number, from: number, to: number, depth: number): Value | undefined {
  const stored = s.syn.id === 'python' ? storedAt(s, body, from, to) : -1;
  return stored >= 0 ? evaluate(s, stored, exprEnd(s, stored), depth) : evaluate(s, from, to, depth);
}

/** Where `NAME[key] = expr` puts expr, for a return of `NAME[key]` (the same tokens) after it; -1 when none. */
function storedAt(s: EvalScope, body: number, from: number, to: number): number {
  const { toks, match } = s;
  if (!isId(toks[from]) || !isP(toks[from + 1], '[') || match[from + 1] !== to - 1 || to - from > 8) return -1;
  const n = to - from;
  const same = (k: number) => {
    for (let j = 0; j < n; j++) if (toks[k + j]?.v !== toks[from + j].v) return false;
    return true;
  };
  for (let k = from - n - 1; k >= body; k--) {
    if (isP(toks[k + n], '=') && same(k) && !isP(toks[k - 1], '.')) return k + n + 1;
  }
  return -1;
}

// Where a same-file constant can be seen from. The constants table (user-constants.ts) lists every `NAME = "…"` of
// the file, in any function; a use sees only those in scope: not another function's local (gpt-prompt-engineer's
// `test_small_model(system_prompt, …)` took `generate_system_prompt`'s local `system_prompt = """…"""`, 117 tokens
// for a prompt passed in), and not one a parameter of the function around the use hides.
import type { Constant } from './user-constants';
import type { FileScope } from '../resolve/value-index';
import { tables, type Tables } from './scope';

type Scoped = FileScope & { tables?: Tables; fnSpans?: number[]; fnAround?: Map<number, [number, number] | null> };

/** The named functions' bodies as [start, end) offset pairs, flat (built once per file). */
function fnSpans(s: Scoped): number[] {
  if (s.fnSpans) return s.fnSpans;
  const out: number[] = [];
  for (const list of tables(s).fns.values()) {
    for (const f of list) {
      const start = s.toks[f.body]?.start ?? s.text.length;
      // Up to the first token after the body (bodyEnd is exclusive): a module constant right after a function is not its.
      // A body the text leaves open (bodyEnd -1: a truncated file, a language read as another) runs to the end.
      out.push(start, f.bodyEnd >= 0 && f.bodyEnd < s.toks.length ? s.toks[f.bodyEnd].start : s.text.length);
    }
  }
  return (s.fnSpans = out);
}

/** The innermost named function's body around an offset, as [start, end); null at top level (memo per file). */
function innermost(s: Scoped, at: number): [number, number] | null {
  const memo = (s.fnAround ??= new Map());
  let got = memo.get(at);
  if (got !== undefined) return got;
  got = null;
  const spans = fnSpans(s);
  for (let i = 0; i < spans.length; i += 2) {
    if (at >= spans[i] && at < spans[i + 1] && (!got || spans[i] >= got[0])) got = [spans[i], spans[i + 1]];
  }
  memo.set(at, got);
  return got;
}

function visible(s: Scoped, con: Constant, at: number): boolean {
  for (const b of tables(s).binds.get(con.name) ?? []) {
    if (b.kind !== 'param' || b.until === undefined) continue;
    const p = s.toks[b.name].start;
    if (p < at && at <= b.until && con.at < p) return false;
  }
  // A local of a function is seen from inside it (and the functions nested in it) only.
  const f = innermost(s, con.at);
  return !f || (at >= f[0] && at < f[1]);
}

/**
 * Python: is the name bound at `offset` a local of a function that does not hold `at`? Assigned in a function, a name
 * is that function's own (without `global`); a use in another function reads a global of the name, or nothing
 * (ai-learning-tool's repair step used `user_msg` it never set, and was counted with another function's prompt).
 */
export function localElsewhere(s: Scoped, offset: number, at: number): boolean {
  const f = innermost(s, offset);
  return !!f && !(at >= f[0] && at < f[1]);
}

/**
 * The definition of a bare name a use at `at` sees: the nearest before it in scope, else the first after it in scope
 * (a module constant written below the function that uses it).
 */
export function visibleConstant(s: Scoped, list: Constant[] | undefined, at: number): Constant | undefined {
  if (!list) return undefined;
  let n = 0;
  while (n < list.length && list[n].at < at) n++;
  for (let i = n - 1; i >= 0; i--) if (visible(s, list[i], at)) return list[i];
  for (let i = n; i < list.length; i++) if (visible(s, list[i], at)) return list[i];
  return undefined;
}

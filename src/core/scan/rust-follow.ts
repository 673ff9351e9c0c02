// How the async-openai tools reader (rust-tools.ts) follows a name or a call to the value it stands for: a local, `if let
// Some(ref t) = x`, a function of the file or of a module, a method of self's impl or its trait, a Vec of trait objects.
// The walk carries the expression reader (w.value) so this file and rust-tools.ts do not import each other.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { assignmentBefore } from './definitions';
import { enclosingImpl, fnBody, moduleOf, traitImpls, type Body, type SelfCtx } from './rust-crate';
import { MAX_ITEMS, NONE, isOpenTok, stmtEnd, type Got, type Json, type Walk } from './rust-expr';

/** Tokens searched back for `if let Some(ref t) = …`. */
const MAX_BACK = 600;

/** Iterator methods between a collection and `collect()` that keep its items (std::iter::Iterator). */
const ITER = new Set(['iter', 'into_iter', 'iter_mut', 'cloned', 'copied', 'map', 'filter_map', 'collect']);

/** A name: a local's value (`let tools = …;`), `t` of `if let Some(ref t) = tools`, `self`'s field unread. */
export function named(s: EvalScope, k: number, w: Walk, self?: SelfCtx): Got {
  const { toks } = s;
  const name = toks[k].v;
  // `if let Some(ref t) = x {`, `if let Some(t) = &x {`.
  for (let j = k - 1; j > 0 && j > k - MAX_BACK; j--) {
    if (toks[j].v !== name || !isP(toks[j + 1], ')') || !isP(toks[j + 2], '=')) continue;
    const p = toks[j - 1]?.v === 'ref' || toks[j - 1]?.v === 'mut' ? j - 2 : j - 1;
    if (!isP(toks[p], '(') || toks[p - 1]?.v !== 'Some' || toks[p - 2]?.v !== 'let') continue;
    let b = j + 3;
    while (b < k && !(isP(toks[b], '{') && s.match[b] > k)) b = isOpenTok(s, b) && !isP(toks[b], '{') ? s.match[b] + 1 : b + 1;
    if (b >= k) break;
    s.read?.push({ start: toks[j].start, end: toks[b].end });
    return w.value(s, j + 3, b, w, self);
  }
  const def = assignmentBefore(s as Ctx, name, k);
  if (def >= 0) return w.value(s, def, stmtEnd(s, def), w, self);
  w.unread.push(`tools: ${name}`);
  return undefined;
}

/** `a::b::f(…)`, `Self::f(…)`, `self.f(…)`, `f(…)`, `x.f(…)` with x a trait object: what the function returns. */
export function called(s: EvalScope, i: number, open: number, w: Walk, self?: SelfCtx): Got {
  const { toks } = s;
  const names: string[] = [];
  for (let k = i; k < open; k += 2) names.push(toks[k].v);
  const fn = names[names.length - 1];
  let body: Body | undefined;
  if (names.length === 2 && (names[0] === 'self' || names[0] === 'Self')) {
    if (self) return method(self, fn, w);
    body = fnBody(s, fn, enclosingImpl(s, i));
  } else if (names.length === 1) body = fnBody(s, fn);
  else {
    const file = moduleOf(s, names.slice(0, -1));
    body = file ? fnBody(file, fn) : undefined;
  }
  if (!body) {
    w.unread.push(`tools: ${s.text.slice(toks[i].start, toks[s.match[open]].end)}`);
    return undefined;
  }
  // A function of the scanned file defined below the call: a prefix of the file must not trust it (editor/prefix.ts).
  if (body.s === s && body.from > i) s.forward?.add(fn);
  return returned(body, w, self);
}

/** What a body returns: its tail expression, else a `return x;` of it that is not `None`. */
function returned(b: Body, w: Walk, self?: SelfCtx): Got {
  const { s, from } = b;
  const key = `${s.file}:${from}`;
  if (w.active.has(key)) return undefined;
  w.active.add(key);
  try {
    return tail(b, w, self);
  } finally {
    w.active.delete(key);
  }
}

function tail(b: Body, w: Walk, self?: SelfCtx): Got {
  const { s, from, to } = b;
  const { toks, match } = s;
  // What the scanned file's body holds is read for the call: an edit there changes its tools (editor/incremental.ts).
  if (to > from) s.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  let seg = from;
  let head = from;
  for (let k = from; k < to; ) {
    if (isP(toks[k], ';')) {
      seg = head = k + 1;
      k++;
      continue;
    }
    if (isP(toks[k], '{') && match[k] > k) {
      k = match[k] + 1;
      // `if … { … }` / `for … { … }` standing as a statement.
      if (['if', 'for', 'while', 'loop', 'match', 'unsafe'].includes(toks[head]?.v) && toks[k]?.v !== 'else' && !isP(toks[k], '.') && !isP(toks[k], '?')) seg = head = k;
      continue;
    }
    k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  }
  if (seg < to) {
    const v = w.value(s, seg, to, w, self);
    if (v !== undefined && v !== NONE) return v;
  }
  for (let k = from; k < to; k++) {
    if (toks[k].v !== 'return') continue;
    const e = stmtEnd(s, k + 1);
    if (e === k + 2 && toks[k + 1].v === 'None') continue;
    return w.value(s, k + 1, e, w, self);
  }
  return undefined;
}

/** A method of self's impl, else its trait's default, called with self. */
export function method(self: SelfCtx, name: string, w: Walk): Got {
  const body = fnBody(self.impl.s, name, self.impl) ?? (self.trait ? fnBody(self.trait.s, name, self.trait) : undefined);
  if (!body) {
    w.unread.push(`tools: self.${name}()`);
    return undefined;
  }
  return returned(body, w, self);
}

/**
 * `xs.iter().map(|t| t.m()).collect()` (and `into_iter`, `cloned`, `filter_map`): each item's `m()`. When the method
 * is a trait's (its declaration in the crate), every implementation of the trait in the crate is an item.
 */
export function iterChain(s: EvalScope, i: number, e: number, w: Walk, self?: SelfCtx): Got | undefined {
  const { toks, match } = s;
  // The receiver up to `.iter()`/`.into_iter()`.
  let k = i;
  while (k < e && !(isP(toks[k], '.') && (toks[k + 1]?.v === 'iter' || toks[k + 1]?.v === 'into_iter'))) k++;
  if (k >= e || k === i) return undefined;
  let mapped: { param: string; method: string } | undefined;
  for (let j = k; j < e; ) {
    if (!isP(toks[j], '.') || !isId(toks[j + 1]) || !ITER.has(toks[j + 1].v)) return undefined;
    let open = j + 2;
    // `collect::<Vec<_>>()`.
    if (isP(toks[open], '::')) while (open < e && !isP(toks[open], '(')) open++;
    if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
    if (toks[j + 1].v === 'map' || toks[j + 1].v === 'filter_map') {
      // `|t| t.m()`.
      const p = open + 1;
      if (!isP(toks[p], '|') || !isId(toks[p + 1]) || !isP(toks[p + 2], '|') || toks[p + 3]?.v !== toks[p + 1].v || !isP(toks[p + 4], '.') || !isId(toks[p + 5]) || !isP(toks[p + 6], '(')) return undefined;
      mapped = { param: toks[p + 1].v, method: toks[p + 5].v };
    }
    j = match[open] + 1;
  }
  if (!mapped) {
    const v = w.value(s, i, k, w, self);
    return Array.isArray(v) ? v : undefined;
  }
  const impls = traitImpls(s, mapped.method);
  if (!impls?.length) {
    w.unread.push(`tools: ${s.text.slice(toks[i].start, toks[e - 1].end)}`);
    return undefined;
  }
  const out: Json[] = [];
  for (const impl of impls.slice(0, MAX_ITEMS)) {
    const v = method(impl, mapped.method, w);
    if (v !== undefined && v !== NONE) out.push(v);
  }
  return out;
}

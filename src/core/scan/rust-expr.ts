// Token helpers of the async-openai tools reader (rust-tools.ts): Rust expression shapes and the JSON value type.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import type { SelfCtx } from './rust-crate';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** `None`: a field serde skips. */
export const NONE = Symbol('none');

export type Got = Json | typeof NONE | undefined;

export const MAX_ITEMS = 128;

/** Methods whose value is their receiver's, for what is sent (`t.clone()`, `x.into()`, `r?`, `.unwrap()`). */
const PASS = new Set(['clone', 'to_vec', 'into', 'to_owned', 'to_string', 'unwrap', 'expect', 'map_err', 'context', 'with_context', 'as_str', 'as_ref', 'cloned', 'unwrap_or_default']);

/** The end of a struct literal field's value from v: the `,` or `}` at its level. */
export function fieldEnd(s: EvalScope, v: number): number {
  const { toks, match } = s;
  let k = v;
  while (k < toks.length && !isP(toks[k], ',') && !isP(toks[k], '}') && !isP(toks[k], ';')) k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  return k;
}

export const isOpenTok = (s: EvalScope, k: number) => (isP(s.toks[k], '(') || isP(s.toks[k], '[') || isP(s.toks[k], '{')) && s.match[k] > k;

/** toks[i, e) without what passes its receiver's value on (`.clone()`, `?`, `.into()`, `.expect("…")`). */
export function trim(s: EvalScope, i: number, e: number): number {
  const { toks, match } = s;
  for (;;) {
    if (e > i && isP(toks[e - 1], '?')) e--;
    else if (e - i > 4 && isP(toks[e - 1], ')') && match[e - 1] > i && isP(toks[match[e - 1] - 2], '.') && PASS.has(toks[match[e - 1] - 1].v)) e = match[e - 1] - 2;
    else return e;
  }
}

/** After a path from i (`a::b::C`, `self.x`): the index of what follows it. */
export function pathEnd(s: EvalScope, i: number, e: number): number {
  const { toks } = s;
  let k = i;
  while (k < e && isId(toks[k]) && (isP(toks[k + 1], '::') || isP(toks[k + 1], '.')) && isId(toks[k + 2]) && k + 2 < e) k += 2;
  return isId(toks[k]) ? k + 1 : k;
}

/** `name!(` or `path::name!(` from i spanning to e: the index of its `(`/`{`/`[`; -1 when not one. */
export function macroOpen(s: EvalScope, i: number, e: number, name: string): number {
  const { toks, match } = s;
  let k = i;
  while (isId(toks[k]) && isP(toks[k + 1], '::')) k += 2;
  return toks[k]?.v === name && isP(toks[k + 1], '!') && match[k + 2] === e - 1 ? k + 2 : -1;
}

export const snake = (n: string) => n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function withoutType(o: { [k: string]: Json }): { [k: string]: Json } {
  const { type: _t, ...rest } = o;
  return rest;
}

/** Comma-separated items of the bracket at open, each as [from, to). */
export function items(s: EvalScope, open: number): [number, number][] {
  const { toks, match } = s;
  const out: [number, number][] = [];
  let from = open + 1;
  for (let k = open + 1; k <= match[open]; ) {
    if (k === match[open] || isP(toks[k], ',')) {
      if (k > from) out.push([from, k]);
      from = k + 1;
      k++;
      continue;
    }
    k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  }
  return out;
}

/** A field name as serde writes it (`r#type` → `type`). */
export function fieldName(s: EvalScope, k: number): [string, number] | undefined {
  const { toks } = s;
  if (toks[k]?.v === 'r' && isP(toks[k + 1], '#') && isId(toks[k + 2])) return [toks[k + 2].v, k + 3];
  if (isId(toks[k])) return [toks[k].v.replace(/^r#/, ''), k + 1];
  return undefined;
}

/** The end of the statement whose value starts at v (its `;`, or the end of the block). */
export function stmtEnd(s: EvalScope, v: number): number {
  const { toks, match } = s;
  let k = v;
  while (k < toks.length && !isP(toks[k], ';') && !isP(toks[k], '}')) k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  return k;
}

export interface Walk {
  unread: string[];
  depth: number;
  /** Bodies being read (a function that calls itself is not followed again) and expressions read so far. */
  active: Set<string>;
  steps: number;
  /** The expression reader (rust-tools.ts value). */
  value: (s: EvalScope, i: number, e: number, w: Walk, self?: SelfCtx) => Got;
}

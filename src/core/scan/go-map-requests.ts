// Go: a request kept per key in a map field, `b.ctxs[ch]` of `ctxs map[string]openai.ChatCompletionRequest`, sent as
// `client.CreateChatCompletion(ctx, b.ctxs[ch])` or read into a local first (`c, ok := b.ctxs[ch]`). The map holds
// only what the app stores in it (`b.ctxs[ch] = c`): when every store is a request this file builds (a composite
// literal, a helper or a method of the receiver returning one, `c = b.fresh()`) or an entry of the same map taken back
// (`c, ok := b.ctxs[ch]` then `c.Messages = append(…)`), the request is that one; its messages grow at run time and
// are named so. Any other use of the map (loaded, passed away, stored from another file of the package, a field other
// than Messages changed on the way) leaves it known only at run time. Seen in alkshmir/go-openai-discord (one
// conversation per Discord channel, each started by `newContext()`); maps: https://go.dev/ref/spec#Map_types.
import { isId, isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { goPackageName } from './go-decls';
import { helperCall, requestAt, requestIn, type Request } from './request-defs';
import { exprEnd, tables } from './scope';
import type { Fn } from './function-forms';
import type { Ctx } from './values';

/** Marks a call whose request is a map field's entry: `map:F` (editor/prefix.ts). */
export const MAP_STORES = 'map:';

/** Stores of a map read for the request it holds. */
const MAX_STORES = 16;
/** Characters of a map key `[…]` read in another file's store. */
const MAX_KEY = 200;
/** Files of the package looked through for other stores. */
const MAX_FILES = 200;

/** Whether toks[a, e) is a chain of names `a.b.c`. */
export function namesOnly(c: Ctx, a: number, e: number): boolean {
  for (let k = a; k < e; k++) if (!((k - a) % 2 === 0 ? isId(c.toks[k]) : isP(c.toks[k], '.'))) return false;
  return (e - a) % 2 === 1;
}

/** Whether toks[a, e) is an entry of a name chain: `reqs[k]`, `b.ctxs[ch]`. */
export function entryOf(c: Ctx, a: number, e: number): boolean {
  const open = c.match[e - 1];
  return isP(c.toks[e - 1], ']') && open > a && open < e - 1 && namesOnly(c, a, open);
}

/** The request an entry `x.F[k]` at toks[a, e) holds; with `grows` when messages are appended to it before a store. */
export function goMapEntry(c: Ctx, a: number, e: number, modelArg?: number): { req: Request; grows: boolean } | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'go' || !entryOf(c, a, e)) return undefined;
  const open = match[e - 1];
  // A field of a struct (`b.ctxs`); a local or parameter map is filled where this file may not see it.
  if (open - a < 3) return undefined;
  const field = toks[open - 1].v;
  const key = `map:${field}`;
  // Stores anywhere in the file decide: an edit of it concerns the call (editor/incremental.ts).
  c.read?.push({ start: 0, end: c.text.length });
  c.readNames?.add(field);
  // A store after a first-screen cut may change it (editor/prefix.ts).
  c.forward?.add(MAP_STORES + field);
  const memo = (c as Ctx & { mapEntries?: Map<string, { req: Request; grows: boolean } | null> }).mapEntries ??= new Map();
  if (memo.has(key)) return memo.get(key) ?? undefined;
  const out = read(c, field, modelArg);
  memo.set(key, out ?? null);
  return out;
}

function read(c: Ctx, field: string, modelArg?: number): { req: Request; grows: boolean } | undefined {
  const { toks, match } = c;
  if (storedElsewhere(c, field)) return undefined;
  const found: Request[] = [];
  let grows = false;
  let stores = 0;
  for (let i = 2; i < toks.length; i++) {
    const tk = toks[i];
    if (!isId(tk) || tk.v !== field) continue;
    // `F: make(map…)` in a composite literal; any other value given to the field is unknown.
    if (isP(toks[i + 1], ':') && (isP(toks[i - 1], '{') || isP(toks[i - 1], ',')) && toks[i + 2]?.v !== 'make') return undefined;
    if (!isP(toks[i - 1], '.')) continue;
    const next = toks[i + 1];
    if (isP(next, '[') && match[i + 1] > i + 1) {
      const close = match[i + 1];
      // `x.F[k].Model = …` (a map of pointers) changes what an entry holds.
      if (isP(toks[close + 1], '.')) return undefined;
      if (!isP(toks[close + 1], '=')) continue;
      if (++stores > MAX_STORES) return undefined;
      const v = close + 2;
      const end = exprEnd(c, v);
      const src = source(c, field, v, end, modelArg);
      if (src === undefined) return undefined;
      if (src === null) continue;
      if (src === 'grows') {
        grows = true;
        continue;
      }
      found.push(...src.reqs);
      grows ||= src.grows;
      continue;
    }
    // `b.F = make(…)`, `delete(b.F, k)`, `len(b.F)`, `range b.F`: no entry given.
    if (isP(next, '=') && toks[i + 2]?.v === 'make') continue;
    const head = toks[i - 3];
    if (isP(head, '(') && /^(delete|len)$/.test(toks[i - 4]?.v ?? '')) continue;
    if (head?.v === 'range') continue;
    return undefined;
  }
  const distinct = [...new Set(found)];
  if (distinct.length !== 1 || !distinct[0].found.model) return undefined;
  return { req: distinct[0], grows };
}

/**
 * What a stored value toks[v, end) is: requests built in this file, null for an entry of the same map, undefined when
 * unknown. A local (`= c`) is read through its assignments in the function around the store.
 */
function source(c: Ctx, field: string, v: number, end: number, modelArg?: number): { reqs: Request[]; grows: boolean } | null | 'grows' | undefined {
  const { toks } = c;
  if (end === v + 1 && isId(toks[v])) {
    const fn = around(c, v);
    if (!fn) return undefined;
    const name = toks[v].v;
    const reqs: Request[] = [];
    let grows = false;
    // A parameter of the function: what its callers pass.
    for (let k = fn.name + 1; k < fn.body; k++) if (toks[k].v === name && isId(toks[k])) return undefined;
    for (let k = fn.body; k < fn.bodyEnd; k++) {
      if (toks[k].v !== name || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
      if (isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '=')) {
        // `c.Messages = append(c.Messages, …)`: the conversation grows; another field set changes the request.
        if (toks[k + 2].v !== 'Messages') return undefined;
        grows = true;
        continue;
      }
      const at = assigned(c, k);
      if (at === undefined) continue;
      if (at < 0) return undefined;
      const one = value(c, field, at, exprEnd(c, at), modelArg);
      if (one === undefined) return undefined;
      if (one) reqs.push(one);
    }
    return reqs.length ? { reqs, grows } : grows ? 'grows' : null;
  }
  const one = value(c, field, v, end, modelArg);
  return one === undefined ? undefined : one ? { reqs: [one], grows: false } : null;
}

/** A value given to the map: a request with a model, null for an entry of the same map, undefined when unknown. */
function value(c: Ctx, field: string, v: number, end: number, modelArg?: number): Request | null | undefined {
  const { toks, match } = c;
  // `b.F[k]`: what the map already holds.
  if (isP(toks[end - 1], ']') && toks[match[end - 1] - 1]?.v === field && namesOnly(c, v, match[end - 1])) return null;
  const helper = helperCall(c, v, end);
  if (helper !== undefined) {
    const req = helper >= 0 ? requestIn(c, helper, modelArg) : undefined;
    return req?.found.model ? req : undefined;
  }
  const req = requestAt(c, v, modelArg);
  return req?.found.model && req.end === end - 1 ? req : undefined;
}

/**
 * Where the name at toks[k] is given a value: the value's first token; -1 when it is declared without one or given
 * one that is not its own (`_, c := f()`, `for _, c := range …`); undefined when toks[k] is a use.
 */
function assigned(c: Ctx, k: number): number | undefined {
  const { toks } = c;
  const op = toks[k + 1];
  if (isP(op, '=') || isP(op, ':=')) return toks[k + 2]?.v === 'range' ? -1 : k + 2;
  // `var c T`: the zero value.
  if (toks[k - 1]?.v === 'var') return -1;
  if (!isP(op, ',')) return isP(toks[k - 1], ',') && isDeclList(c, k) ? -1 : undefined;
  // `c, ok := b.F[k]`: the first of a list.
  let j = k + 1;
  while (isP(toks[j], ',') && isId(toks[j + 1])) j += 2;
  if (!(isP(toks[j], ':=') || isP(toks[j], '='))) return undefined;
  if (isP(toks[k - 1], ',')) return -1;
  return toks[j + 1]?.v === 'range' ? -1 : j + 1;
}

/** Whether the name at toks[k], after a comma, is in a list assigned by `:=` / `=` (`_, c := f()`). */
function isDeclList(c: Ctx, k: number): boolean {
  const { toks } = c;
  let j = k + 1;
  while (isP(toks[j], ',') && isId(toks[j + 1])) j += 2;
  return isP(toks[j], ':=') || isP(toks[j], '=');
}

/** The innermost function whose body holds toks[k]. */
function around(c: Ctx, k: number): Fn | undefined {
  let best: Fn | undefined;
  for (const fns of tables(c).fns.values()) for (const fn of fns) if (fn.body <= k && k < fn.bodyEnd && (!best || fn.body > best.body)) best = fn;
  return best;
}

/** Whether another file of the package gives the field an entry or a value (`x.F[k] = …`, `x.F = …`). */
function storedElsewhere(c: Ctx, field: string): boolean {
  const idx = c.index;
  if (!idx) return false;
  const pkg = goPackageName(c.text);
  for (const f of goPackageFiles(idx.files, dirname(c.file)).slice(0, MAX_FILES)) {
    if (f === c.file) continue;
    const text = idx.text(f) ?? '';
    if (text.includes(field) && goPackageName(text) === pkg && storesField(text, field)) return true;
  }
  return false;
}

/** Whether Go text writes `.F = …` or `.F[k] = …` (one line, linear: each `.F` looked at once). */
function storesField(text: string, field: string): boolean {
  const blank = (ch: string | undefined) => ch === ' ' || ch === '\t';
  for (let i = text.indexOf(`.${field}`); i >= 0; i = text.indexOf(`.${field}`, i + 1)) {
    let p = i + field.length + 1;
    if (/\w/.test(text[p] ?? '')) continue;
    while (blank(text[p])) p++;
    if (text[p] === '[') {
      // The key, on the line and short: each `.F[` reads a bounded stretch.
      let q = p + 1;
      while (q < text.length && q < p + MAX_KEY && text[q] !== ']' && text[q] !== '\n') q++;
      if (text[q] !== ']') continue;
      p = q + 1;
      while (blank(text[p])) p++;
    }
    if (text[p] === '=' && text[p + 1] !== '=') return true;
  }
  return false;
}

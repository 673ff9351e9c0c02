// A Go messages slice kept in a struct field and seeded by the type's constructor: `NewConversation(model Model,
// systemPrompt string, …)` returns `&Conversation{Model: model, Messages: []Message{{Role: ROLE_SYSTEM, Content:
// systemPrompt}}}`, and the method `(c *Conversation) Chat` appends the user's message and sends `ChatRequest{Model:
// c.Model, Messages: c.Messages}` (mdesson/chatcord openai/conversation.go:22/57, held35 C01). The seed counts where it
// is written (its parameters through the constructor's callers, as the evaluator reads any parameter); the method's
// own appends before the call count as a local slice's do; appends made elsewhere (the replies, the turns before) are
// named once, as member-lists.ts does for Python's `self.messages`. Composite literals:
// https://go.dev/ref/spec#Composite_literals; append: https://go.dev/ref/spec#Appending_and_copying_slices.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { tables, type Fn } from './scope';
import { receiverOf } from './go-fields';
import { goPackageName } from './go-decls';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { elements } from './tools';
import { pushParts } from './push-parts';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** Places the field is written that are read for one use (more: left as it was). */
const MAX_WRITES = 16;
/** Items of one append read. */
const MAX_ITEMS = 16;
/** Files of the package looked through for the type's literals. */
const MAX_FILES = 200;

/** A slice literal the field is set to: its file and its `{`. */
interface Seed {
  c: Ctx;
  open: number;
}

/**
 * `recv.Field` used at token `k` inside a method of recv's type, the field set to one non-empty slice literal (a
 * literal of the type, or `x.Field = []T{…}`) in the type's package and otherwise only appended to: the literal's
 * parts, then the method's appends before the use; false when the field is not such a slice.
 */
export function goFieldList(c: Ctx, names: string[], k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'go' || names.length !== 2) return false;
  const { toks } = c;
  const pos = toks[k].start;
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if ((toks[f.body]?.start ?? Infinity) <= pos && pos < (toks[f.bodyEnd]?.start ?? c.text.length) && (!own || f.body > own.body)) own = f;
  const r = own && receiverOf(c, own);
  if (!own || !r || r.name !== names[0]) return false;
  const [recv, field] = names;
  c.readNames?.add(field).add(r.type);
  // Read again inside its own items (`Index: len(c.Messages) + 1`, mdesson/chatcord conversation.go:55): a count, no
  // text; the list is being counted once already.
  const key = `${c.file}:${r.type}.${field}`;
  if (BUSY.has(key)) return true;
  BUSY.add(key);
  try {
    return read(c, own, r.type, recv, field, k, span, out, depth, collect);
  } finally {
    BUSY.delete(key);
  }
}

const BUSY = new Set<string>();

function read(c: Ctx, own: Fn, type: string, recv: string, field: string, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const seeds: Seed[] = [];
  let other = false;
  // The method's own appends before the use are counted below, not growth at run time.
  const before = ownAppends(c, own, recv, field, k);
  for (const sc of packageScopes(c, type, field)) {
    const w = writes(sc, type, field, sc === c ? before.at : undefined);
    if (!w) return false;
    seeds.push(...w.seeds);
    other ||= w.other;
    if (seeds.length > 1) return false;
  }
  if (seeds.length !== 1) return false;
  const seed = seeds[0];
  const parts: PromptPart[] = [];
  collect(seed.c, seed.open + 1, seed.c.match[seed.open], parts, depth + 1);
  const file = seed.c.file;
  pushParts(out, seed.c === c ? parts : parts.map((p) => (p.resolved ? { ...p, span, source: p.source ?? { file, offset: p.span.start, what: `${type}.${field} as its constructor sets it` } } : { ...p, span })));
  c.listMessages = (c.listMessages ?? 0) + elements(seed.c, seed.open);
  for (const [a, b] of before.items) collect(c, a, b, out, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + before.items.length;
  if (other || before.more) pushParts(out, [{ text: '', span, resolved: false, label: `${recv}.${field} (added to at run time)` }]);
  return true;
}

/** This file, then the other files of its package that name the type and the field (a constructor in another file). */
function* packageScopes(c: Ctx, type: string, field: string): Generator<Ctx> {
  yield c;
  const idx = c.index;
  if (!idx) return;
  const pkg = goPackageName(c.text);
  for (const f of goPackageFiles(idx.files, dirname(c.file)).slice(0, MAX_FILES)) {
    const text = f === c.file ? '' : idx.text(f) ?? '';
    if (!text.includes(type) || !text.includes(field) || goPackageName(text) !== pkg) continue;
    const sc = idx.scope(f);
    // A context of that file's own, its reads not this file's (the other file changes without it).
    if (sc) yield { ...(sc as Ctx), read: undefined, readNames: undefined, forward: undefined };
  }
}

/**
 * Where one file writes `field` of `type`: slice literals it is set to (in a `type{…}` literal, or `x.field = []T{…}`),
 * and whether anything else writes it (an append, another value); undefined when a write is neither a slice literal,
 * an append to itself, nor an empty slice (the field then holds what run time gives it).
 */
function writes(s: Ctx, type: string, field: string, counted?: Set<number>): { seeds: Seed[]; other: boolean } | undefined {
  const { toks, match } = s;
  const seeds: Seed[] = [];
  let other = false;
  let n = 0;
  for (let k = 1; k + 2 < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id || tk.v !== field || counted?.has(k)) continue;
    let value = -1;
    if (isP(toks[k - 1], '.') && isId(toks[k - 2]) && !isP(toks[k - 3], '.') && isP(toks[k + 1], '=')) value = typeOfName(s, k - 2) === type ? k + 2 : -1;
    else if (isP(toks[k + 1], ':') && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && literalOf(s, k) === type) value = k + 2;
    if (value < 0) continue;
    if (++n > MAX_WRITES) return undefined;
    s.read?.push({ start: toks[k].start, end: toks[value].end });
    const open = sliceOpen(s, value);
    if (open >= 0) {
      if (match[open] > open + 1) seeds.push({ c: s, open });
      continue;
    }
    // `c.Messages = append(c.Messages, …)`: the history grows at run time.
    if (toks[value]?.v === 'append' && isP(toks[value + 1], '(') && toks[value + 4]?.v === field) {
      other = true;
      continue;
    }
    // `nil`: emptied. Anything else (a parameter, another slice, `c.Messages[:1]`) is not read here.
    if (toks[value]?.v === 'nil') continue;
    return undefined;
  }
  return { seeds, other };
}

/**
 * The struct type of the name at toks[k] in the function it is used in: the method's receiver (`func (c *T)`), a
 * parameter `x *T`, or a local made as `x := &T{…}` / `T{…}` / `new(T)`; undefined otherwise (another type's field
 * of the same name is not this one's).
 */
function typeOfName(s: Ctx, k: number): string | undefined {
  const { toks } = s;
  const name = toks[k].v;
  let own: Fn | undefined;
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!own || f.body > own.body)) own = f;
  const r = own && receiverOf(s, own);
  if (r?.name === name) return r.type;
  const list = (tables(s).binds.get(name) ?? []).filter((b) => b.name < k && (!own || b.name >= own.name));
  const b = list[list.length - 1];
  if (!b) return undefined;
  let v = b.kind === 'param' ? b.name + 1 : b.value;
  if (v < 0) return undefined;
  if (isP(toks[v], '&') || isP(toks[v], '*')) v++;
  else if (toks[v]?.v === 'new' && isP(toks[v + 1], '(')) v += 2;
  if (isId(toks[v]) && isP(toks[v + 1], '.') && isId(toks[v + 2])) v += 2;
  return isId(toks[v]) && (b.kind === 'param' || isP(toks[v + 1], '{') || isP(toks[v + 1], ')')) ? toks[v].v : undefined;
}

/** At toks[k] a key `field:` in a composite literal: the literal's type name (`Conversation{`, `&pkg.Conversation{`). */
function literalOf(s: Ctx, k: number): string | undefined {
  const { toks, match } = s;
  for (let j = k - 1, n = 0; j >= 0 && n < 4000; j--, n++) {
    if (match[j] >= 0 && match[j] < j) {
      j = match[j];
      continue;
    }
    if (isP(toks[j], '{')) return match[j] > k && isId(toks[j - 1]) ? toks[j - 1].v : undefined;
  }
  return undefined;
}

/** At toks[v] `[]T{` / `[]*T{` / `[]pkg.T{`: the `{`; -1 otherwise. */
function sliceOpen(s: Ctx, v: number): number {
  const { toks, match } = s;
  if (!isP(toks[v], '[') || !isP(toks[v + 1], ']')) return -1;
  let j = v + 2;
  for (; j < v + 8 && (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '*')); j++);
  return isP(toks[j], '{') && match[j] > j ? j : -1;
}

/**
 * `recv.field = append(recv.field, a, b)` statements of the method's own block (not nested in an if or a loop)
 * before the use at `k`: their items, and their field tokens; more when an append sits in a nested block or spreads
 * another slice.
 */
function ownAppends(c: Ctx, f: Fn, recv: string, field: string, k: number): { items: [number, number][]; more: boolean; at: Set<number> } {
  const { toks, match } = c;
  const items: [number, number][] = [];
  const at = new Set<number>();
  let more = false;
  let depth = 0;
  for (let j = f.body; j < k && j < f.bodyEnd; j++) {
    if (isP(toks[j], '{')) depth++;
    else if (isP(toks[j], '}')) depth--;
    if (toks[j].v !== recv || !isP(toks[j + 1], '.') || toks[j + 2]?.v !== field || !isP(toks[j + 3], '=') || toks[j + 4]?.v !== 'append' || isP(toks[j - 1], '.')) continue;
    const open = j + 5;
    const close = match[open];
    if (!isP(toks[open], '(') || !(close > open) || close >= k) continue;
    if (depth !== 0 || isP(toks[close - 1], '...')) {
      more = true;
      continue;
    }
    // The items after the slice appended to: each a top-level range between commas.
    appendItems(c, open, close, items);
    at.add(j + 2);
    c.read?.push({ start: toks[j].start, end: toks[close].end });
    j = close;
  }
  return { items, more, at };
}

/** The top-level comma-separated ranges of `append(slice, a, b)` after the first, into `items`. */
function appendItems(c: Ctx, open: number, close: number, items: [number, number][]): void {
  const { toks, match } = c;
  let a = -1;
  for (let m = open + 1; m < close; m++) {
    if (match[m] > m && (isP(toks[m], '(') || isP(toks[m], '{') || isP(toks[m], '['))) m = match[m];
    if (!isP(toks[m + 1], ',') && m + 1 !== close) continue;
    if (a >= 0 && a <= m && items.length < MAX_ITEMS) items.push([a, m + 1]);
    a = m + 2;
    m++;
  }
}

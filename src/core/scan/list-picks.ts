// An adapter that takes the system message apart from an OpenAI-style messages list before sending it to an API that
// wants it alone (Anthropic's `system`): `const system = messages.find((m) => m.role === 'system')` and
// `messages: messages.filter((m) => m.role !== 'system')` (BuilderIO/micro-agent src/helpers/llm.ts, on the list its
// callers in other modules pass; di-sukharev/opencommit src/engine/anthropic.ts). When the list is a literal (here or
// where a caller writes it), the elements the test keeps are read: `find` gives the first, `filter` each, in order.
// Only a test of one key against a string literal is read; an element whose key is not known is kept by `!==` (it
// may be anything) and makes `find` unknown when it comes before the match.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { evaluate, expr } from './evaluate';
import { listItems, tableMember } from './members';
import { pushParts } from './push-parts';
import { listVariable } from './message-lists';
import type { Ctx } from './values';
import type { EvalScope, Value } from './value';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

interface Test {
  key: string;
  lit: string;
  same: boolean;
}

/** `(m) => m.role !== 'system'`, `m => m.role === "system"`, `(m: Msg) => …` as tokens [from, to), or undefined. */
function keyTest(s: EvalScope, from: number, to: number): Test | undefined {
  const { toks, match } = s;
  let k = from;
  let param: string;
  if (isP(toks[k], '(') && match[k] > k && isId(toks[k + 1])) {
    param = toks[k + 1].v;
    k = match[k] + 1;
  } else if (isId(toks[k])) param = toks[k++].v;
  else return undefined;
  if (!isP(toks[k], '=>')) return undefined;
  k++;
  // `==` / `!=`, and `===` / `!==` (lexed as `==` `=`): equal or not, and the tokens it takes.
  const op = (i: number): [boolean, number] | undefined => {
    const v = toks[i]?.v;
    if (toks[i]?.t !== T.Punct || (v !== '==' && v !== '!=' && v !== '===' && v !== '!==')) return undefined;
    return [v[0] === '=', isP(toks[i + 1], '=') && toks[i + 1].start === toks[i].end ? 2 : 1];
  };
  // `m.role OP 'lit'` or `'lit' OP m.role`.
  const member = (i: number) => (isId(toks[i]) && toks[i].v === param && isP(toks[i + 1], '.') && isId(toks[i + 2]) ? toks[i + 2].v : undefined);
  const key = member(k);
  const o = key !== undefined ? op(k + 3) : undefined;
  if (key !== undefined && o && k + 4 + o[1] === to && toks[k + 3 + o[1]].t === T.Str) return { key, lit: toks[k + 3 + o[1]].v, same: o[0] };
  const o2 = toks[k]?.t === T.Str ? op(k + 1) : undefined;
  const key2 = o2 ? member(k + 1 + o2[1]) : undefined;
  if (o2 && key2 !== undefined && k + 4 + o2[1] === to) return { key: key2, lit: toks[k].v, same: o2[0] };
  return undefined;
}

/** The list a receiver is, and the elements the test at the call's first argument keeps (undefined: unknown). */
function kept(s: EvalScope, list: Value | undefined, open: number, close: number, depth: number, first: boolean): { scope: EvalScope; items: [number, number][] } | undefined {
  const o = list?.obj;
  if (o?.kind !== 'table' || o.struct || !isP(o.scope.toks[o.open], '[') || list!.runtime !== undefined) return undefined;
  const test = keyTest(s, open + 1, close);
  const items = test && listItems(o.scope, o.open);
  if (!test || !items) return undefined;
  const out: [number, number][] = [];
  for (const it of items) {
    const v = evaluate(o.scope, it[0], it[1], depth + 1);
    const el = v?.obj?.kind === 'table' ? v.obj : undefined;
    const key = el ? tableMember(el.scope, el.open, test.key, depth + 1)?.str : undefined;
    if (key === undefined) {
      // Not known: `!==` may keep it; `find` cannot say which element is first.
      if (first) return undefined;
      if (!test.same) out.push(it);
      continue;
    }
    if ((key === test.lit) === test.same) {
      out.push(it);
      if (first) break;
    }
  }
  return { scope: o.scope, items: out };
}

/** `list.find((m) => m.role === 'system')` in a chain: the element found, or undefined (the call is read as any other). */
export function listFind(s: EvalScope, recv: Value | undefined, names: string[], open: number, close: number, depth: number): Value | undefined {
  if (names[names.length - 1] !== 'find' || s.syn.id !== 'javascript' || !recv) return undefined;
  const k = kept(s, recv, open, close, depth, true);
  const it = k?.items[0];
  return it ? evaluate(k!.scope, it[0], it[1], depth + 1) : undefined;
}

/**
 * `messages.filter((m) => m.role !== 'system')` among a request's prompt parts (the chain from `k`, its call's `(` at
 * `open`): the kept elements' parts, sourced where they are written; false when the receiver is no list literal or the
 * test is not one read here.
 */
export function filteredList(c: Ctx, names: string[], k: number, open: number, at: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  // C# `messages = lines.ToArray()` (LINQ Enumerable.ToArray / ToList, every element kept): the list `lines` is, with
  // what is added to it before (u100s/NotAPidorBot Models/RepostGPTReaction.cs).
  if (c.syn.id === 'csharp' && names.length === 2 && /^(ToArray|ToList)$/.test(names[1]) && c.match[open] === open + 1) return listVariable(c, names[0], expr(c, k, k + 1, 0).v, k, at, out, depth, collect);
  if (names.length < 2 || names[names.length - 1] !== 'filter' || c.syn.id !== 'javascript' || !(c.match[open] > open)) return false;
  const recv = expr(c, k, open - 2, 0).v;
  const picked = kept(c, recv, open, c.match[open], depth, false);
  if (!picked) return false;
  const elsewhere = picked.scope.toks !== c.toks;
  // Another file's elements are read in a context of its own (the evaluator's per-file caches stay with it).
  const cc: Ctx = elsewhere ? { ...picked.scope } : c;
  const parts: PromptPart[] = [];
  for (const [a, b] of picked.items) collect(cc, a, b, parts, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + picked.items.length;
  const file = picked.scope.file;
  pushParts(out, elsewhere ? parts.map((p) => (p.resolved ? { ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what: 'a message the list keeps' } } : { ...p, span: at })) : parts);
  return true;
}

/** The value of element `n` of the list literal opening at `open` (a negative place from the end). */
export function listElement(s: EvalScope, open: number, n: number, depth: number): Value | undefined {
  const items = listItems(s, open);
  const item = items?.[n < 0 ? items.length + n : n];
  return item ? evaluate(s, item[0], item[1], depth + 1) : undefined;
}

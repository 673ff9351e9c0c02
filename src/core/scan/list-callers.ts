// Two readers file-callers.ts shares for callers in other files. A Python function other modules may import: one
// defined at the top of its module, its name not marked private (`_helper`). A messages list several callers pass
// (`chatCompletion([{ role: 'system', content: '…' }, …])` in each route of a Next.js app: Akshaya-magesh/
// ai-interview-mvp app/api/*/route.ts): each is a path that runs, so the one with the most known text is priced,
// never a sum, and the hover says how many callers there are (Go's form: go-caller-lists.ts).
import { T } from '../lex/lexer';
import { isOpen, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { evaluate } from './evaluate';
import { elements } from './tools';
import { pushParts } from './push-parts';
import { addedBefore, assignedAt, laterAdds } from './message-lists';
import { exprEnd } from './body-ends';

export { filteredList } from './list-picks';
import type { Ctx } from './values';
import type { EvalScope, Value } from './value';
import { additions } from './list-additions';

/** `def name(` at the start of a line of a Python module, the name not starting with `_`. */
export function pyPublic(s: EvalScope, at: number, name: string): boolean {
  if (s.syn.id !== 'python' || name.startsWith('_')) return false;
  const def = s.toks[at - 1]?.v === 'async' ? at - 2 : s.toks[at - 1]?.v === 'def' ? at - 1 : -1;
  const d = s.toks[def];
  if (!d || d.v !== 'def') return false;
  const start = s.toks[def - 1]?.v === 'async' ? s.toks[def - 1].start : d.start;
  return start === 0 || s.text[start - 1] === '\n';
}

/** Known text of a list literal: its strings, and the texts its plain names hold (`content: SYSTEM`); for a copy
 * (py-list-copies.ts), with the literal joined to it and the items added before it is passed on. */
export function knownText(v: Value): number {
  if (v.obj?.kind !== 'table') return -1;
  const cp = v.obj.copy;
  let n = 0;
  if (cp?.join) n += textIn(cp.scope, cp.join[0], cp.join[1]);
  if (cp && cp.name >= 0) {
    const cc = { ...cp.scope } as Ctx;
    const name = cc.toks[cp.name].v;
    const from = exprEnd(cc, cp.at) - 1;
    const pass = passAt(cc, name, from);
    for (const [a, b] of (pass > 0 ? additions(cc, name, from, pass)?.items : undefined) ?? []) n += textIn(cc, a, b);
  }
  return n + textIn(v.obj.scope, v.obj.open + 1, v.obj.scope.match[v.obj.open]);
}

function textIn(sc: EvalScope, from: number, end: number): number {
  let n = 0;
  for (let k = from; k < end; k++) {
    const tk = sc.toks[k];
    if (tk.t === T.Str) n += tk.v.length;
    else if (tk.t === T.Id && !isP(sc.toks[k - 1], '.') && /^[,)\]}]$/.test(sc.toks[k + 1]?.v ?? '') && !isP(sc.toks[k + 1], ':')) {
      n += evaluate(sc, k, k + 1, 1)?.str?.length ?? 0;
    }
  }
  return n;
}

/** Of the lists `values` several callers of `fname` pass, the one with the most known text, its hover saying so;
 * undefined when one of them is not a list. */
export function longestList(values: Value[], pname: string, fname: string): Value | undefined {
  if (!values.every((v) => v.obj?.kind === 'table')) return undefined;
  const sized = values.map((v) => ({ v, n: knownText(v) }));
  const best = sized.reduce((a, b) => (b.n > a.n ? b : a)).v;
  const src = best.source;
  return src ? { ...best, source: { ...src, what: `${pname} as the longest list of the ${values.length} callers of ${fname}() passes it` } } : best;
}

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * A parameter whose value is a list literal a caller in another file writes (`chat(messages: [{ role: "system",
 * content: SYSTEM }, …])`): its parts, read in that file and placed at the use `at` here, each sourced where it is
 * written there; false when `v` is no such list.
 */
export function listElsewhere(c: Ctx, v: Value | undefined, at: Span, out: PromptPart[], depth: number, collect: Collect, name = '', k = -1): boolean {
  const o = v?.obj;
  if (o?.kind !== 'table' || o.struct || o.scope.toks === c.toks || v!.runtime !== undefined) return false;
  const open = o.open;
  if (!(isP(o.scope.toks[open], '[') || isP(o.scope.toks[open], '(')) || !(o.scope.match[open] > open)) return false;
  // A context of that file's own: the evaluator's per-file caches stay with it.
  const cc: Ctx = { ...o.scope };
  const parts: PromptPart[] = [];
  collect(cc, open + 1, o.scope.match[open], parts, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + listItems(cc, open);
  const had = cc.listMessages ?? 0;
  if (!o.copy) callerAdds(cc, open, at, parts, depth, collect);
  c.listMessages = (c.listMessages ?? 0) + (cc.listMessages ?? 0) - had;
  const file = o.scope.file;
  const what = v!.source?.what ?? 'list a caller passes';
  pushParts(out, parts.map((p) => (p.resolved ? { ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what } } : { ...p, span: at })));
  // A copy of it (`c = BASE.copy()`, py-list-copies.ts): what is joined and added to the copy, where it is made.
  if (!copyAdds(c, v, name, k, at, out, depth, collect) && k >= 0) laterAdds(c, name, open, k, at, out, cc);
  return true;
}

/** Tokens after a caller's list searched for the call that passes it. */
const MAX_PASS_SEARCH = 3000;

/**
 * `msgs = [{"role": "system", …}]` then `msgs.append({"role": "user", …})` and `ask(msgs)` in the caller: what the
 * caller adds to its list before the call that passes it (message-lists.ts addedBefore), read into `parts`. Without
 * it the appended messages were dropped, not even named. False when the list is not kept in a name (`x = [`) passed on.
 */
export function callerAdds(cc: Ctx, open: number, at: Span, parts: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks } = cc;
  const name = toks[open - 2];
  if (!isP(toks[open - 1], '=') || name?.t !== T.Id || isP(toks[open - 3], '.')) return false;
  return passedAdds(cc, name.v, cc.match[open], at, parts, depth, collect);
}

/** What is added to list `name` after toks[from] and before the first call that passes it (`ask(name)`); false when
 * no call passes it. */
function passedAdds(cc: Ctx, name: string, from: number, at: Span, parts: PromptPart[], depth: number, collect: Collect): boolean {
  const k = passAt(cc, name, from);
  if (k > 0) addedBefore(cc, name, from, k, at, parts, depth, collect);
  return k > 0;
}

/** Built-ins that look at a list and send nothing: `if len(chat_history) == 0:` before `ask(model, chat_history)` in
 * a chat loop (KatherineFier/chatbot-multi-turn chatbot.py) is no call that passes it on. */
const LOOKS_AT = new Set(['len', 'print', 'str', 'repr', 'bool', 'type', 'id', 'isinstance']);

/** The first argument after toks[from] that is the name alone (`ask(name)`, `f(x, name)`), or -1. */
function passAt(cc: Pick<Ctx, 'toks'>, name: string, from: number): number {
  const { toks } = cc;
  for (let k = from + 1; k < toks.length && k < from + MAX_PASS_SEARCH; k++) {
    if (toks[k].v !== name || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) || !(isP(toks[k + 1], ')') || isP(toks[k + 1], ','))) continue;
    if (isP(toks[k - 1], '(') && LOOKS_AT.has(toks[k - 2]?.v) && !isP(toks[k - 3], '.')) continue;
    return k;
  }
  return -1;
}

/**
 * A Python copy of a list kept in a name (`c = BASE[:]`, `c = BASE + [{…}]`; py-list-copies.ts), used at toks[k] as
 * `name`: the literal joined to it and what is added to the copy before that use (the copy's own name) or before the
 * call that passes it on (`ask(c)`), read into `parts`; each part read in another file sourced there. False when `v`
 * is no copy.
 */
export function copyAdds(c: Ctx, v: Value | undefined, name: string, k: number, at: Span, parts: PromptPart[], depth: number, collect: Collect): boolean {
  const cp = v?.obj?.kind === 'table' ? v.obj.copy : undefined;
  // A copy kept in no name (`ask(BASE[:])`) is the list's items, read as the list's own.
  if (!cp || (cp.name < 0 && !cp.join)) return false;
  const here = cp.scope.toks === c.toks;
  const cc: Ctx = here ? c : { ...cp.scope, listMessages: 0 };
  const read: PromptPart[] = [];
  if (cp.join) {
    collect(cc, cp.join[0], cp.join[1], read, depth + 1);
    cc.listMessages = (cc.listMessages ?? 0) + listItems(cc, cp.join[0] - 1);
  }
  if (cp.name >= 0) {
    const copied = cc.toks[cp.name].v;
    const from = exprEnd(cc, cp.at) - 1;
    if (here && copied === name && assignedAt(c, name, k) === cp.at) addedBefore(c, name, from, k, at, read, depth, collect);
    else if (!passedAdds(cc, copied, from, at, read, depth, collect)) read.push({ text: '', span: at, resolved: false, label: `${copied} (a copy added to at run time)` });
    // The copy, its additions and the search for the call that passes it: an edit there changes what is sent.
    if (here) c.read?.push({ start: c.toks[cp.name].start, end: c.toks[Math.min(c.toks.length - 1, Math.max(from, cp.name) + MAX_PASS_SEARCH)].end });
  }
  if (!here) c.listMessages = (c.listMessages ?? 0) + (cc.listMessages ?? 0);
  const file = cp.scope.file;
  const what = `${name} as a caller copies it and adds to it`;
  pushParts(parts, here ? read : read.map((p) => (p.resolved ? { ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what } } : { ...p, span: at })));
  return true;
}

/** The messages a list literal holds: its items, but a Python starred one (`[*BASE, {…}]`), whose items the reader of
 * that list counts (parts.ts). */
export function listItems(c: Pick<Ctx, 'toks' | 'match' | 'syn'>, open: number): number {
  const { toks, match } = c;
  let n = elements(c, open);
  if (c.syn.id !== 'python') return n;
  for (let j = open + 1; j < match[open]; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) {
    if (isP(toks[j], '*') && (j === open + 1 || isP(toks[j - 1], ','))) n--;
  }
  return Math.max(0, n);
}

// Two readers file-callers.ts shares for callers in other files. A Python function other modules may import: one
// defined at the top of its module, its name not marked private (`_helper`). A messages list several callers pass
// (`chatCompletion([{ role: 'system', content: '…' }, …])` in each route of a Next.js app: Akshaya-magesh/
// ai-interview-mvp app/api/*/route.ts): each is a path that runs, so the one with the most known text is priced,
// never a sum, and the hover says how many callers there are (Go's form: go-caller-lists.ts).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { evaluate } from './evaluate';
import { elements } from './tools';
import { pushParts } from './push-parts';
import { addedBefore } from './message-lists';

export { filteredList } from './list-picks';
import type { Ctx } from './values';
import type { EvalScope, Value } from './value';

/** `def name(` at the start of a line of a Python module, the name not starting with `_`. */
export function pyPublic(s: EvalScope, at: number, name: string): boolean {
  if (s.syn.id !== 'python' || name.startsWith('_')) return false;
  const def = s.toks[at - 1]?.v === 'async' ? at - 2 : s.toks[at - 1]?.v === 'def' ? at - 1 : -1;
  const d = s.toks[def];
  if (!d || d.v !== 'def') return false;
  const start = s.toks[def - 1]?.v === 'async' ? s.toks[def - 1].start : d.start;
  return start === 0 || s.text[start - 1] === '\n';
}

/** Known text of a list literal: its strings, and the texts its plain names hold (`content: SYSTEM`). */
export function knownText(v: Value): number {
  if (v.obj?.kind !== 'table') return -1;
  const { scope: sc, open } = v.obj;
  const end = sc.match[open];
  let n = 0;
  for (let k = open + 1; k < end; k++) {
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
export function listElsewhere(c: Ctx, v: Value | undefined, at: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const o = v?.obj;
  if (o?.kind !== 'table' || o.struct || o.scope.toks === c.toks || v!.runtime !== undefined) return false;
  const open = o.open;
  if (!(isP(o.scope.toks[open], '[') || isP(o.scope.toks[open], '(')) || !(o.scope.match[open] > open)) return false;
  // A context of that file's own: the evaluator's per-file caches stay with it.
  const cc: Ctx = { ...o.scope };
  const parts: PromptPart[] = [];
  collect(cc, open + 1, o.scope.match[open], parts, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + elements(cc, open);
  const had = cc.listMessages ?? 0;
  callerAdds(cc, open, at, parts, depth, collect);
  c.listMessages = (c.listMessages ?? 0) + (cc.listMessages ?? 0) - had;
  const file = o.scope.file;
  const what = v!.source?.what ?? 'list a caller passes';
  pushParts(out, parts.map((p) => (p.resolved ? { ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what } } : { ...p, span: at })));
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
  const { toks, match } = cc;
  const name = toks[open - 2];
  if (!isP(toks[open - 1], '=') || name?.t !== T.Id || isP(toks[open - 3], '.')) return false;
  const close = match[open];
  for (let k = close + 1; k < toks.length && k < close + MAX_PASS_SEARCH; k++) {
    if (toks[k].v !== name.v || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) || !(isP(toks[k + 1], ')') || isP(toks[k + 1], ','))) continue;
    addedBefore(cc, name.v, close, k, at, parts, depth, collect);
    return true;
  }
  return false;
}

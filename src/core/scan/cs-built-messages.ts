// A C# messages list a method of the same class builds and returns: `var messages = BuildBaseMessages(userMessage,
// context, …);` where BuildBaseMessages does `var messages = new List<ChatMessage>();`, `messages.Add(new
// SystemChatMessage(PromptConstants.BuildSystemPrompt()));`, a loop over the history, `messages.Add(new
// UserChatMessage(userMessage));`, `return messages;` (held41 C16 Ahod26/Ai.NetTrack OpenAIService.cs, M13). The
// helper's local is read as if written at the caller (message-lists.ts listVariable: its start, the Adds made once,
// those in a loop or an if named), its parameters bound to the caller's arguments (arg-frames.ts), then what the
// caller adds after the call. Go's form is go-built-messages.ts.
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { tables } from './scope';
import { pick } from './lookup';
import { csharpPrivate } from './dotnet-private';
import { addedBefore, assignedAt, listVariable } from './message-lists';
import { pushParts } from './push-parts';
import { MAX_DEPTH } from './value';
import { args } from './calls';
import { evaluate } from './evaluate';
import { withArgs, type CallArgs } from './arg-frames';
import { exprEnd } from './body-ends';
import type { Ctx } from './values';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** Helpers being read, by file and name token (a helper whose Adds call it again is read once). */
const BUSY = new Set<string>();
/** Calls of a private sender read at most. */
const MAX_CALLERS = 8;

/**
 * `name` at toks[k] is a C# local assigned `Helper(…)` / `this.Helper(…)` (optionally awaited) of this file whose block
 * body ends `return LOCAL;`: the messages of that local read into `out`, and true returned.
 */
export function csBuiltLocal(c: Ctx, name: string, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== "csharp" || depth > MAX_DEPTH) return false;
  const { toks, match } = c;
  const at = assignedAt(c, name, k);
  if (at < 0) return fromPrivateCallers(c, name, k, span, out, depth, collect);
  let h = toks[at].v === 'await' ? at + 1 : at;
  if (toks[h]?.v === 'this' && isP(toks[h + 1], '.')) h += 2;
  const open = h + 1;
  if (!isId(toks[h]) || !isP(toks[open], '(') || !(match[open] > h) || match[open] >= k || exprEnd(c, at) !== match[open] + 1) return false;
  const fn = tables(c).fns.get(toks[h].v)?.find((f) => !f.expr && f.body > f.name && isP(toks[f.body - 1], '{'));
  if (!fn) return false;
  // The body's last statement: `return LOCAL;`.
  const end = fn.bodyEnd;
  const ret = end - 3;
  if (toks[ret]?.v !== 'return' || !isId(toks[ret + 1]) || !isP(toks[ret + 2], ';') || ret <= fn.body) return false;
  const key = `${c.file}:${fn.name}`;
  if (BUSY.has(key)) return false;
  BUSY.add(key);
  const parts: PromptPart[] = [];
  let read = false;
  try {
    const a = args(c, open, match[open]);
    const given: CallArgs = { list: a, value: (n) => evaluate(c, a[n].from, a[n].to, depth + 1), bind: true };
    withArgs(c, fn, given, () => void (read = listVariable(c, toks[ret + 1].v, evaluate(c, ret + 1, ret + 2, depth + 1), ret + 1, span, parts, depth + 1, collect)), true);
  } finally {
    BUSY.delete(key);
  }
  if (!read) return false;
  // The helper is read as the call's: an edit of it must not reuse the last analysis (editor/incremental.ts).
  if (fn.name >= k) c.forward?.add(toks[h].v);
  c.read?.push({ start: toks[fn.name].start, end: toks[end - 1]?.end ?? c.text.length });
  pushParts(out, parts);
  addedBefore(c, name, match[open], k, span, out, depth, collect);
  return true;
}

/**
 * `name` is a parameter of a private method of this file (`private async Task<…> StreamSimpleResponseAsync(List<ChatMessage>
 * messages, …)`) whose every caller passes a local built by a helper (csBuiltLocal): the list of the caller with the
 * most known text (each caller is a path that runs; the dearest is priced). False when a caller passes anything else.
 */
function fromPrivateCallers(c: Ctx, name: string, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks, match } = c;
  const b = pick(tables(c).binds.get(name), c, toks[k].start);
  if (b?.kind !== 'param') return false;
  // The method whose parameter list holds the name: `Name(` before it, within its parentheses.
  let open = b.name - 1;
  for (let n = 0; open > 0 && n < 64 && !(isP(toks[open], '(') && match[open] > b.name); open--, n++);
  const fname = open > 0 && isP(toks[open], '(') ? open - 1 : -1;
  if (fname < 0 || !isId(toks[fname]) || !csharpPrivate(c, fname)) return false;
  const idx = args(c, open, match[open]).findIndex((x) => x.from <= b.name && b.name < x.to);
  if (idx < 0) return false;
  const method = toks[fname].v;
  c.readNames?.add(method);
  let best: PromptPart[] | undefined;
  let known = -1;
  let calls = 0;
  for (let j = 1; j < toks.length - 1; j++) {
    if (j === fname || toks[j].v !== method || !isP(toks[j + 1], '(') || !(match[j + 1] > j)) continue;
    if (isP(toks[j - 1], '.') && toks[j - 2]?.v !== 'this') continue;
    if (++calls > MAX_CALLERS) return false;
    // Each caller's call is read: an edit of what it passes must not reuse the last analysis (editor/incremental.ts).
    c.read?.push({ start: toks[j].start, end: toks[match[j + 1]].end });
    const a = args(c, j + 1, match[j + 1])[idx];
    if (!a || a.to !== a.from + 1 || !isId(toks[a.from])) return false;
    const parts: PromptPart[] = [];
    if (!csBuiltLocal(c, toks[a.from].v, a.from, span, parts, depth + 1, collect)) return false;
    const n = parts.reduce((m, p) => m + (p.resolved ? p.text.length : 0), 0);
    if (n > known) (best = parts), (known = n);
  }
  if (!best) return false;
  pushParts(out, best);
  return true;
}

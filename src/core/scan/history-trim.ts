// A loop that cuts the conversation it grows to its last N messages (`history = history[-6:]`, `del history[1:-10]`,
// `if len(history) > 20: history.pop(0)`, JS `history = history.slice(-6)`, `history.shift()` under a length test)
// re-sends at most N earlier messages: the run's input stops growing there (cost/run.ts). Read as unbounded growth,
// a 50-turn chat that keeps 6 messages was priced as if every answer stayed in the conversation.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readNumber, type Ctx } from './values';
import type { Loop } from './loops';

const MAX_BODY = 20000;

/** `{ keepsMessages: N }` when the loop body cuts one of `names` to at most N messages, else nothing. */
export function trimmed(c: Ctx, loop: Loop, names: Set<string>): { keepsMessages?: number } {
  const { toks } = c;
  let kept: number | undefined;
  for (let k = loop.bodyFrom; k < loop.bodyTo && k < loop.bodyFrom + MAX_BODY; k++) {
    const tk = toks[k];
    if (!isId(tk) || !names.has(tk.v) || isP(toks[k - 1], '.')) continue;
    const n = c.syn.id === 'python' && toks[k - 1]?.v === 'del' && isP(toks[k + 1], '[') ? sliceKept(c, k + 1, true) : assigned(c, k) ?? lengthCapped(c, k);
    if (n !== undefined) kept = Math.max(kept ?? 0, n);
  }
  return kept === undefined ? {} : { keepsMessages: kept };
}

/** `x = x[-N:]`, `x[:] = x[-N:]`, `x = x[:1] + x[-N:]`, `x = [x[0]] + x[-N:]`, `x = x.slice(-N)`: the most it keeps. */
function assigned(c: Ctx, k: number): number | undefined {
  const { toks } = c;
  let eq = k + 1;
  if (isP(toks[eq], '[') && isP(toks[eq + 1], ':') && isP(toks[eq + 2], ']')) eq += 3;
  if (!isP(toks[eq], '=')) return undefined;
  let total = 0;
  for (let j = eq + 1; ; j++) {
    const n = term(c, j, toks[k].v);
    if (!n) return undefined;
    total += n.kept;
    j = n.end;
    if (!isP(toks[j], '+')) return total;
  }
}

/** One part of the new list: `x[a:b]` (Python), `x.slice(a, b)` (JS), `[x[0]]`; its size and the token after it. */
function term(c: Ctx, j: number, name: string): { kept: number; end: number } | undefined {
  const { toks, match } = c;
  if (isP(toks[j], '[') && toks[j + 1]?.v === name && isP(toks[j + 2], '[') && match[j] === match[j + 2] + 1) return { kept: 1, end: match[j] + 1 };
  if (toks[j]?.v !== name || !isId(toks[j])) return undefined;
  if (c.syn.id === 'python' && isP(toks[j + 1], '[')) {
    const kept = sliceKept(c, j + 1, false);
    return kept === undefined ? undefined : { kept, end: match[j + 1] + 1 };
  }
  if (isP(toks[j + 1], '.') && toks[j + 2]?.v === 'slice' && isP(toks[j + 3], '(')) {
    const close = match[j + 3];
    const bounds = numbers(c, j + 4, close);
    const kept = bounds && sliceSize(bounds[0], bounds[1]);
    return kept === undefined ? undefined : { kept, end: close + 1 };
  }
  return undefined;
}

/** The size of `[a:b]` at toks[open] (a Python slice); `del x[a:b]` keeps what is outside it: a + |b| for `[a:-b]`. */
function sliceKept(c: Ctx, open: number, deleted: boolean): number | undefined {
  const { toks, match } = c;
  const close = match[open];
  let colon = -1;
  for (let k = open + 1; k < close; k++) if (isP(toks[k], ':')) {
    if (colon >= 0) return undefined;
    colon = k;
  }
  if (colon < 0) return undefined;
  const a = colon > open + 1 ? signed(c, open + 1, colon) : 0;
  const b = close > colon + 1 ? signed(c, colon + 1, close) : undefined;
  if (a === undefined || (close > colon + 1 && b === undefined)) return undefined;
  if (deleted) return a >= 0 && b !== undefined && b < 0 ? a - b : undefined;
  return sliceSize(a, b);
}

/** Elements `[a:b]` / `.slice(a, b)` keeps of a list of any length: known only when it counts from one end. */
function sliceSize(a: number, b: number | undefined): number | undefined {
  if (b === undefined) return a < 0 ? -a : undefined;
  if (a >= 0 && b >= 0) return Math.max(0, b - a);
  return a < 0 && b < 0 ? Math.max(0, b - a) : undefined;
}

/** `[a, b]` of `.slice(a, b)` / `.slice(a)`. */
function numbers(c: Ctx, from: number, to: number): [number, number | undefined] | undefined {
  const { toks } = c;
  let comma = -1;
  for (let k = from; k < to; k++) if (isP(toks[k], ',')) comma = k;
  const a = signed(c, from, comma >= 0 ? comma : to);
  if (a === undefined) return undefined;
  if (comma < 0) return [a, undefined];
  const b = signed(c, comma + 1, to);
  return b === undefined ? undefined : [a, b];
}

/** An integer written as a literal or a constant, with a leading `-`. */
function signed(c: Ctx, from: number, to: number): number | undefined {
  const neg = isP(c.toks[from], '-');
  const at = neg ? from + 1 : from;
  if (at + 1 !== to || !(c.toks[at].t === T.Num || isId(c.toks[at]))) return undefined;
  const v = readNumber(c, at, to)?.value;
  return v === undefined || !Number.isInteger(v) ? undefined : neg ? -v : v;
}

/** `while len(x) > N: x.pop(0)` (`del x[0]`), JS `while (x.length > N) x.shift()`: at most N kept. An `if` in its
 * place drops one message a turn, which a loop adding two still outgrows: no bound. */
function lengthCapped(c: Ctx, k: number): number | undefined {
  const { toks } = c;
  const py = c.syn.id === 'python' && toks[k - 3]?.v === 'while' && toks[k - 2]?.v === 'len' && isP(toks[k - 1], '(') && isP(toks[k + 1], ')');
  const js = toks[k - 2]?.v === 'while' && isP(toks[k - 1], '(') && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'length';
  if (!py && !js) return undefined;
  const op = toks[k + (py ? 2 : 3)];
  if (!(isP(op, '>') || isP(op, '>='))) return undefined;
  const at = k + (py ? 3 : 4);
  const n = signed(c, at, at + 1);
  if (n === undefined || n < 0) return undefined;
  // The cut within the next few tokens (the `if` / `while` body).
  for (let j = at + 1; j < at + 12 && j < toks.length; j++) {
    if (toks[j].v !== toks[k].v || !isId(toks[j])) continue;
    const m = toks[j + 2]?.v;
    if (isP(toks[j + 1], '.') && ((m === 'pop' && toks[j + 4]?.v === '0') || m === 'shift')) return isP(op, '>') ? n : Math.max(0, n - 1);
    if (toks[j - 1]?.v === 'del' && isP(toks[j + 1], '[') && toks[j + 2]?.v === '0') return isP(op, '>') ? n : Math.max(0, n - 1);
  }
  return undefined;
}

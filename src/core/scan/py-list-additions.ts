// A Python tool list built in steps (Youness-Elfatouaky/SamrtTime app/routes/agent.py: `tools = [ …five functions… ]`,
// then `tools += [ …five more… ]` further down the module, then `tools=tools` in a request): what the call sends is the
// list with every addition made before it. Python's list `s += t` and `s.extend(t)` add t's items, `s.append(x)` adds x
// (https://docs.python.org/3/library/stdtypes.html#mutable-sequence-types, "s.extend(t) or s += t", "s.append(x)").
// Read statically: an addition counts when it is a statement of the list's own block (same indentation, the block not
// left between), after the assignment and before the call; one in an `if` or a loop body is not read.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { indentAt } from './body-ends';
import { lastBefore, occurrences } from './run-index';
import type { Ctx } from './values';

export interface Addition {
  /** The opening bracket of what is added: a list literal's `[` (its items), or one item's own bracket. */
  open: number;
  /** One item (`append`), else the items of a list. */
  one: boolean;
  /** Where the statement ends (an edit up to there changes what the call sends). */
  end: number;
  /** The statement's text, shortened: what is named when the addition cannot be read. */
  label: string;
}

/** Additions read at most for one list. */
const MAX_ADDITIONS = 64;

/**
 * The additions to the list `name` assigned at toks[at] (its name token), made before toks[before]; each resolved to
 * a literal (`literalOf(name)` for a named list or item: the bracket it was assigned, -1 when none). What cannot be
 * read is returned as its text in `unread`.
 */
export function listAdditions(c: Ctx, name: string, at: number, before: number, literalOf: (name: string) => number): { adds: Addition[]; unread: string[]; end: number } {
  const { toks, match, text } = c;
  const adds: Addition[] = [];
  const unread: string[] = [];
  // Where the statements of the list's block that name it end: an edit up to there can make or unmake an addition
  // (`steps.append(…)` → `steps.bappend(…)`), or change the text an unread one is named by.
  let end = toks[at].end;
  const col = column(c, at);
  if (col < 0) return { adds, unread, end };
  const all = occurrences(c, name);
  let last = at;
  for (let n = lastBefore(all, at + 1) + 1; n < all.length && all[n] < before && adds.length + unread.length < MAX_ADDITIONS; n++) {
    const k = all[n];
    const kc = column(c, k);
    if (kc < 0 || kc > col) continue;
    // A statement of an outer block (a dedent): the list's block has ended.
    if (kc < col || left(c, last, k, col)) break;
    last = k;
    end = Math.max(end, toks[Math.min(k + 2, toks.length - 1)].end);
    const op = toks[k + 1];
    let arg = -1;
    let one = false;
    let close = -1;
    if (isP(op, '+=')) {
      arg = k + 2;
      close = valueEnd(c, arg);
    } else if (isP(op, '.') && isId(toks[k + 2]) && (toks[k + 2].v === 'append' || toks[k + 2].v === 'extend') && isP(toks[k + 3], '(') && match[k + 3] > k + 3) {
      one = toks[k + 2].v === 'append';
      arg = k + 4;
      close = match[k + 3];
    } else continue;
    // `close` ends the value (exclusive), which for a method call is its `)`.
    const endTok = toks[Math.max(k, one || !isP(op, '+=') ? close : close - 1)] ?? toks[k];
    const whole = text.slice(toks[k].start, endTok.end).replace(/\s+/g, ' ');
    const label = whole.length > 60 ? whole.slice(0, 57) + '…' : whole;
    end = Math.max(end, endTok.end);
    const open = literalAt(c, arg, close, literalOf);
    if (open < 0 || (!one && !isP(toks[open], '['))) unread.push(label);
    else adds.push({ open, one, end: endTok.end, label });
  }
  return { adds, unread, end };
}

/** The literal the single value at toks[from, to) is: its own bracket, or the one a bare name was assigned; else -1. */
function literalAt(c: Ctx, from: number, to: number, literalOf: (name: string) => number): number {
  const { toks, match } = c;
  if (isOpen(toks[from]) && match[from] === to - 1) return toks[from].v === '(' ? -1 : from;
  if (isId(toks[from]) && from + 1 === to) return literalOf(toks[from].v);
  return -1;
}

/** The end of the value after `+=` at toks[from]: the first token on a later line outside its brackets. */
function valueEnd(c: Ctx, from: number): number {
  const { toks, match, text } = c;
  let k = from;
  while (k < toks.length) {
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
    k++;
    if (k >= toks.length || text.slice(toks[k - 1].end, toks[k].start).includes('\n') || isP(toks[k], ';')) return k;
  }
  return k;
}

/** The indentation of toks[k] when it starts its line (a statement, not a member `x.name`), else -1. */
export function column(c: Pick<Ctx, 'toks' | 'text'>, k: number): number {
  const { toks, text } = c;
  const start = toks[k].start;
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const ind = indentAt(text, ls);
  if (ls + ind !== start || (k > 0 && toks[k - 1].t === T.Punct && toks[k - 1].v === '\\')) return -1;
  return isP(toks[k - 1], '.') ? -1 : ind;
}

/** A statement less indented than `col` between toks[a] and toks[b] (outside brackets): the block was left. */
export function left(c: Pick<Ctx, 'toks' | 'text' | 'match'>, a: number, b: number, col: number): boolean {
  const { toks, match } = c;
  for (let k = a + 1; k < b && col > 0; k++) {
    if (isOpen(toks[k]) && match[k] > k) {
      k = match[k];
      continue;
    }
    const kc = column(c, k);
    if (kc >= 0 && kc < col) return true;
  }
  return false;
}

/** The statement at toks[j] (indented `col`) is in an earlier arm of the if chain whose `elif`/`else` arm holds toks[k]. */
export function otherArm(c: Ctx, j: number, k: number, col: number): boolean {
  const { toks, match } = c;
  let arm = -1;
  for (let i = j + 1; i < k; i++) {
    if (isOpen(toks[i]) && match[i] > i) {
      i = match[i];
      continue;
    }
    const kc = column(c, i);
    if (kc < 0 || kc >= col || (arm >= 0 && kc > arm)) continue;
    if (toks[i].v !== 'elif' && toks[i].v !== 'else') return false;
    arm = kc;
  }
  return arm >= 0;
}

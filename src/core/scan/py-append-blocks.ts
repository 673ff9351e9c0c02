// Which additions to a Python list run once (message-lists.ts additions): Python's blocks are its indentation, so
// an `append` at the list's own indentation after a `for` or `if` block has ended runs once, in order
// (`msgs = [system]`, `for old in history: msgs.append(old)`, `msgs.append(user)`: the last is counted). One in a
// deeper block, or on a header's line (`for h in hs: msgs.append(h)`), may run many times or none. A loop is named by
// what it walks (`history`), the run-time part the list grows by.
import { T } from '../lex/lexer';
import { isClose, isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { indentAt, newlineBetween } from './body-ends';
import { tables } from './scope';

export interface PyBlocks {
  /** Reads toks[k]; call once for each token in order from the list on. */
  see(k: number): void;
  /** Does the statement starting at toks[k] run once after the list is made? */
  once(k: number): boolean;
  /** What the outermost loop open at toks[k] walks (`history` of `for old in history:`), if any. */
  loop(): string | undefined;
  /**
   * A module-level list appended to in the function that makes the call, by a statement at that function's own
   * indentation before the call (`history.append({"role": "user", …})` then `create(messages=history)`): it runs once
   * for each call. RohanJ27/Resumaker openai.ipynb cell 2.
   */
  perCall(k: number): boolean;
}

/** Tokens of a `for` header read for its `in` and `:`. */
const MAX_HEADER = 64;

/** Longest loop text named. */
const MAX_LABEL = 60;

/** Blocks seen from the list whose last token (or its closing bracket) is toks[from]. */
export function pyBlocks(c: Ctx, from: number, to = -1): PyBlocks {
  const { toks, match, text } = c;
  const anchor = isClose(toks[from]) && match[from] >= 0 && match[from] < from ? match[from] : from;
  const base = indentAt(text, text.lastIndexOf('\n', toks[anchor].start - 1) + 1);
  let left = false;
  let col = -1;
  const loops: { col: number; walks: string }[] = [];
  let fnCol: { body: number; col: number } | undefined;
  return {
    see(k) {
      const tk = toks[k];
      col = k > 0 && newlineBetween(text, toks[k - 1].end, tk.start) && !isClose(tk) ? tk.start - text.lastIndexOf('\n', tk.start - 1) - 1 : -1;
      if (col < 0) return;
      if (col < base) left = true;
      while (loops.length && loops[loops.length - 1].col >= col) loops.pop();
      if (isId(tk) && tk.v === 'for') loops.push({ col, walks: walked(c, k) });
    },
    once(k) {
      return !left && col === base && toks[k].start - text.lastIndexOf('\n', toks[k].start - 1) - 1 === base;
    },
    loop() {
      return loops.find((l) => l.col >= base)?.walks || undefined;
    },
    perCall(k) {
      if (base !== 0 || to < 0 || col < 0) return false;
      fnCol ??= callerBody(c, from, to);
      return fnCol.col > 0 && k >= fnCol.body && col === fnCol.col && toks[k].start - text.lastIndexOf('\n', toks[k].start - 1) - 1 === col;
    },
  };
}

/** The body (first token, indentation) of the innermost function holding toks[to] and made after toks[from]. */
function callerBody(c: Ctx, from: number, to: number): { body: number; col: number } {
  let best: { body: number; bodyEnd: number } | undefined;
  for (const list of tables(c).fns.values()) {
    for (const f of list) if (f.body > from && f.body <= to && to < f.bodyEnd && (!best || f.body > best.body)) best = f;
  }
  if (!best) return { body: -1, col: -1 };
  const tk = c.toks[best.body];
  return { body: best.body, col: tk.start - c.text.lastIndexOf('\n', tk.start - 1) - 1 };
}

/** The iterable of `for x in items:` at toks[k] (`enumerate(items)` whole), '' when not read. */
function walked(c: Ctx, k: number): string {
  const { toks, match, text } = c;
  let at = -1;
  for (let j = k + 1; j < toks.length && j < k + MAX_HEADER; j++) {
    if (isP(toks[j], '(') || isP(toks[j], '[')) {
      if (!(match[j] > j)) return '';
      j = match[j];
    } else if (at < 0 && toks[j].t === T.Id && toks[j].v === 'in') at = j + 1;
    else if (isP(toks[j], ':')) {
      if (at < 0 || j <= at) return '';
      const s = text.slice(toks[at].start, toks[j - 1].end).replace(/\s+/g, ' ');
      return s.length > MAX_LABEL ? s.slice(0, MAX_LABEL - 1) + '…' : s;
    }
  }
  return '';
}

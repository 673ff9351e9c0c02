// A `body.put(…)` statement of a JVM map or JSON body made before the call (jvm-map-body.ts putRanges) that stands in
// an arm of an `if` written after the body is made: Java `JSONObject body = new JSONObject(); … if (brief)
// body.put("max_tokens", 200);`, braced or not, `else if` / `else` arms too. Its key is sent on some paths only, as in
// Kotlin's `apply { if (…) put(…) }` (kotlin-json-body.ts ifArms): kotlin-json-branches.ts merges the arms (a limit set
// in one arm only is known at run time; set in every arm, the largest is the worst case).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Branch } from './kotlin-json-body';

/** Arms read at most in one `if … else if … else` chain; tokens walked back to the block around a put at most. */
const MAX_ARMS = 8;
const MAX_BACK = 4000;

/** The branch of the put statement starting at toks[k] (its receiver's name), when it is in an `if` arm opened after
 * toks[from]; undefined when it runs on every path from there (or the chain is not read). */
export function putBranch(c: Ctx, k: number, from: number): Branch | undefined {
  const arm = armKeyword(c, k, from);
  if (arm < 0) return undefined;
  let head = arm;
  // Back to the chain's first `if`: each `else` follows the previous arm's end.
  for (let n = 0; n < MAX_ARMS; n++) {
    const e = c.toks[head].v === 'else' ? head : c.toks[head - 1]?.v === 'else' ? head - 1 : -1;
    if (e < 0) break;
    head = previousArmIf(c, e - 1, from);
    if (head < 0) return undefined;
  }
  if (c.toks[head].v !== 'if') return undefined;
  return chainAt(c, head, k);
}

/** The `if` or `else` whose arm holds the statement at toks[k]: unbraced (`if (c) body.put(…)`, `else body.put(…)`) or
 * the innermost braced block around it that is an arm; -1 when none opens after toks[from]. */
function armKeyword(c: Ctx, k: number, from: number): number {
  const { toks, match } = c;
  const own = conditionIf(c, k - 1);
  if (own > from) return own;
  if (toks[k - 1]?.v === 'else' && k - 1 > from) return k - 1;
  for (let j = k - 1, n = 0; j > from && n < MAX_BACK; j--, n++) {
    const tk = toks[j];
    if ((isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) && match[j] >= 0 && match[j] < j) {
      j = match[j];
      continue;
    }
    if (!isP(tk, '{') || !(match[j] > k)) continue;
    const head = conditionIf(c, j - 1);
    if (head > from) return head;
    if (toks[j - 1]?.v === 'else' && j - 1 > from) return j - 1;
  }
  return -1;
}

/** The `if` of the condition `if (…)` whose `)` is toks[close]; -1 when it is none. */
function conditionIf(c: Ctx, close: number): number {
  const open = c.match[close];
  if (!isP(c.toks[close], ')') || !(open >= 0 && open < close)) return -1;
  const kw = c.toks[open - 1];
  return isId(kw) && kw.v === 'if' && !isP(c.toks[open - 2], '.') ? open - 1 : -1;
}

/** The `if` of the arm ending at toks[end] (a block's `}`, or an unbraced statement); -1 when not read. */
function previousArmIf(c: Ctx, end: number, from: number): number {
  const { toks, match } = c;
  if (isP(toks[end], '}')) {
    const head = match[end] >= 0 ? conditionIf(c, match[end] - 1) : -1;
    return head > from ? head : -1;
  }
  // An unbraced arm: its statement back to the condition's `)`.
  const last = isP(toks[end], ';') ? end - 1 : end;
  for (let j = last, n = 0; j > from && n < MAX_BACK; j--, n++) {
    const tk = toks[j];
    if (isP(tk, ';') || isP(tk, '{') || isP(tk, '}')) return -1;
    if (!isP(tk, ')') && !isP(tk, ']')) continue;
    const head = conditionIf(c, j);
    if (head >= 0) return head > from ? head : -1;
    if (!(match[j] >= 0 && match[j] < j)) return -1;
    j = match[j];
  }
  return -1;
}

/** The chain of arms from the `if` at toks[head], with the place of the arm holding toks[k]. */
function chainAt(c: Ctx, head: number, k: number): Branch | undefined {
  const { toks, match } = c;
  let arm = -1;
  let arms = 0;
  let complete = false;
  let j = head;
  for (; arms < MAX_ARMS; ) {
    let s: number;
    if (toks[j].v === 'if') {
      if (!isP(toks[j + 1], '(') || !(match[j + 1] > j)) return undefined;
      s = match[j + 1] + 1;
    } else {
      complete = true;
      s = j + 1;
    }
    const end = isP(toks[s], '{') && match[s] > s ? match[s] + 1 : statementEnd(c, s);
    if (end < 0) return undefined;
    if (k >= s && k < end) arm = arms;
    arms++;
    if (complete || toks[end]?.v !== 'else') break;
    j = toks[end + 1]?.v === 'if' ? end + 1 : end;
  }
  return arm < 0 ? undefined : { chain: head, arm, arms, complete };
}

/** The token after the unbraced statement starting at toks[s]: Java's up to its `;`, Kotlin's a call chain
 * (`body.put(…)`); -1 when not read. */
function statementEnd(c: Ctx, s: number): number {
  const { toks, match } = c;
  const group = (j: number) => (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j;
  if (c.syn.id === 'kotlin') {
    for (let j = s, n = 0; n < MAX_ARMS * 8; n++) {
      if (!isId(toks[j]) || toks[j].v === 'else') return -1;
      j++;
      while (group(j)) j = match[j] + 1;
      if (!isP(toks[j], '.') && !isP(toks[j], '?.')) return j;
      j++;
    }
    return -1;
  }
  for (let j = s, n = 0; j < toks.length && n < MAX_BACK; n++) {
    const tk = toks[j];
    if (group(j)) j = match[j] + 1;
    else if (isP(tk, ';')) return j + 1;
    else if (isP(tk, '}') || tk.v === 'else') return -1;
    else j++;
  }
  return -1;
}

// A stated default that the branch a call sits in rules out. `ChatAnthropic(model=self.model_name)` under
// `elif "claude" in self.model_name:` never runs with the constructor's default "gpt-4-turbo" (gpt-engineer
// gpt_engineer/core/ai.py): that default is another branch's, and this call's model is known only at run time. Read
// in Python's if / elif / else chains around the call, for the tests a name's text can be checked against: `"x" in
// name`, `name.startswith("x")` / `endswith`, `name == "x"`, `name in ("a", "b")`, with `not`, `and`, `or` and
// `.lower()`. Any other test says nothing.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { firstOnLine } from './body-ends';
import { evaluate } from './evaluate';
import type { Ctx, ModelValue } from './values';

/** Tokens walked back from a use through the headers around it. */
const MAX_WALK = 4000;
/** Earlier arms of one if / elif chain looked at. */
const MAX_ARMS = 16;

/**
 * The model `mv` read from the name whose text is `tested` at token `at`, without the values that the enclosing
 * branches rule out; none left: known only at run time, the excluded default named.
 */
export function branchModel(c: Ctx, at: number, tested: string, mv: ModelValue): ModelValue {
  if (c.syn.id !== 'python' || !mv || !('ref' in mv)) return mv;
  // A test only says something of a value set before it: `if "claude" not in model: model = "claude-…"` tests the
  // value the branch then replaces.
  const src = mv.ref.source;
  const after = src && (src.file === undefined || src.file === c.file) ? src.offset : -1;
  const walked = { from: at };
  const heads = enclosingTests(c, at, walked).filter(([a]) => c.toks[a].start > after);
  // The headers and the indentation between them and the call decide it: an edit there concerns the call (the
  // keystroke path keeps the span live).
  c.read?.push({ start: c.toks[walked.from].start, end: c.toks[at].end });
  if (!heads.length) return mv;
  const key = tested.replace(/\s+/g, '');
  const ids = [mv.ref.id, ...(mv.ref.others ?? [])];
  const keep = ids.filter((id) => heads.every(([a, e, want]) => test(c, a, e, key, id) !== !want));
  if (keep.length === ids.length) return mv;
  const shown = ids.filter((id) => !keep.includes(id)).map((id) => `"${id}"`).join(', ');
  if (!keep.length) return { unresolved: `${tested} (this branch rules out its default ${shown})` };
  const others = keep.slice(1);
  return { ref: { ...mv.ref, id: keep[0], others: others.length ? others : undefined } };
}

/**
 * The tests of the if / elif arms around token `at` as [from, to, must hold]: its own arms' true, earlier arms'
 * false. `walked.from` is where the walk stopped (the enclosing def, or the module's top level).
 */
function enclosingTests(c: Ctx, at: number, walked: { from: number }): [number, number, boolean][] {
  const { toks, text } = c;
  const out: [number, number, boolean][] = [];
  let col = column(text, toks[at].start);
  for (let j = at - 1, n = 0; j >= 0 && n < MAX_WALK; j--, n++) {
    walked.from = j;
    if (!firstOnLine(text, toks[j].start)) continue;
    const cj = column(text, toks[j].start);
    if (cj >= col) continue;
    col = cj;
    const h = toks[j].v;
    if (toks[j].t !== T.Id || h === 'def' || h === 'class' || h === 'lambda') break;
    if (h === 'if' || h === 'elif') out.push([j + 1, headerEnd(c, j + 1), true]);
    if (h === 'elif' || h === 'else') earlierArms(c, j, col, out);
    if (col === 0) break;
  }
  return out;
}

/** The arms of the same chain before the one at token `j`: each of their tests was false. */
function earlierArms(c: Ctx, j: number, col: number, out: [number, number, boolean][]): void {
  const { toks, text } = c;
  let arms = 0;
  for (let k = j - 1, n = 0; k >= 0 && n < MAX_WALK && arms < MAX_ARMS; k--, n++) {
    if (!firstOnLine(text, toks[k].start)) continue;
    const ck = column(text, toks[k].start);
    if (ck > col) continue;
    if (ck < col || (toks[k].v !== 'if' && toks[k].v !== 'elif')) return;
    out.push([k + 1, headerEnd(c, k + 1), false]);
    arms++;
    if (toks[k].v === 'if') return;
  }
}

/** Token index of the `:` that ends a header starting at `a`. */
function headerEnd(c: Ctx, a: number): number {
  let k = a;
  while (k < c.toks.length && !isP(c.toks[k], ':')) k = c.match[k] > k ? c.match[k] + 1 : k + 1;
  return k;
}

/**
 * What the test toks[a, e) says of `name` (its text `key`) holding `id`: true, false, or undefined (it cannot tell).
 * Python's `or` / `and` / `not`, and the C-like `||` / `&&` / `!` (Go `if s.model != "o3-mini" && …`).
 */
export function test(c: Ctx, a: number, e: number, key: string, id: string): boolean | undefined {
  const { toks, match } = c;
  if (a >= e) return undefined;
  for (const op of ['or', 'and']) {
    const parts = split(c, a, e, op);
    if (parts.length < 2) continue;
    const rs = parts.map(([x, y]) => test(c, x, y, key, id));
    if (op === 'or') return rs.some((r) => r === true) ? true : rs.every((r) => r === false) ? false : undefined;
    return rs.some((r) => r === false) ? false : rs.every((r) => r === true) ? true : undefined;
  }
  if ((toks[a].v === 'not' && toks[a].t === T.Id) || (isP(toks[a], '!') && isP(toks[a + 1], '(') && match[a + 1] === e - 1)) {
    const r = test(c, a + 1, e, key, id);
    return r === undefined ? undefined : !r;
  }
  if (isP(toks[a], '(') && match[a] === e - 1) return test(c, a + 1, e - 1, key, id);
  // `"claude" in name`, `"claude" not in name.lower()`
  if (toks[a].t === T.Str && !toks[a].holes?.length) {
    const neg = toks[a + 1]?.v === 'not';
    const i = a + 1 + (neg ? 1 : 0);
    if (toks[i]?.v !== 'in') return undefined;
    const subject = nameAt(c, i + 1, e, key);
    if (!subject || subject.end !== e) return undefined;
    return subject.fold(id).includes(toks[a].v) !== neg;
  }
  const subject = nameAt(c, a, e, key);
  if (!subject) return undefined;
  const k = subject.end;
  const v = subject.fold(id);
  // `name.startswith("claude")`, `name.startswith(("gpt", "o1"))`
  if (isP(toks[k], '.') && /^(startswith|endswith)$/.test(toks[k + 1]?.v) && isP(toks[k + 2], '(') && match[k + 2] === e - 1) {
    const lits = literals(c, k + 3, e - 1);
    if (!lits) return undefined;
    return lits.some((s) => (toks[k + 1].v === 'startswith' ? v.startsWith(s) : v.endsWith(s)));
  }
  // `name == "x"`, `name != "x"`, `name in ("a", "b")`, `name not in [...]`
  const neg = toks[k]?.v === '!=' || (toks[k]?.v === 'not' && toks[k + 1]?.v === 'in');
  const r = neg && toks[k].v === 'not' ? k + 2 : k + 1;
  if (toks[k]?.v === '==' || toks[k]?.v === '!=') {
    // `name == "gpt-4o"`, or a constant holding the text (`model == GPT_4_O`, py-limit-arms.ts).
    const lit = r + 1 !== e ? undefined : toks[r]?.t === T.Str ? (toks[r].holes?.length ? undefined : toks[r].v) : isId(toks[r]) ? evaluate(c, r, e, 1)?.str : undefined;
    return lit !== undefined ? (v === lit) !== neg : undefined;
  }
  if (toks[k]?.v === 'in' || (toks[k]?.v === 'not' && toks[k + 1]?.v === 'in')) {
    if (!(match[r] === e - 1 && /^[([{]$/.test(toks[r].v))) return undefined;
    const lits = literals(c, r + 1, e - 1);
    return lits ? lits.includes(v) !== neg : undefined;
  }
  return undefined;
}

/** `name` or `name.lower()` / `.upper()` / `.strip()` at token `a`: where it ends and how it turns a value. */
function nameAt(c: Ctx, a: number, e: number, key: string): { end: number; fold: (id: string) => string } | undefined {
  const { toks } = c;
  let k = a;
  let text = '';
  while (k < e && (isId(toks[k]) || isP(toks[k], '.')) && !(isP(toks[k], '.') && isP(toks[k + 2], '('))) text += toks[k++].v;
  if (text !== key) return undefined;
  let fold = (id: string) => id;
  while (isP(toks[k], '.') && /^(lower|upper|strip)$/.test(toks[k + 1]?.v) && isP(toks[k + 2], '(') && isP(toks[k + 3], ')')) {
    const f = fold;
    const m = toks[k + 1].v;
    fold = (id) => (m === 'lower' ? f(id).toLowerCase() : m === 'upper' ? f(id).toUpperCase() : f(id).trim());
    k += 4;
  }
  return { end: k, fold };
}

/** String literals separated by commas (a tuple, list or set written out); undefined when anything else is there. */
function literals(c: Ctx, a: number, e: number): string[] | undefined {
  const { toks, match } = c;
  if (isP(toks[a], '(') && match[a] === e - 1) return literals(c, a + 1, e - 1);
  const out: string[] = [];
  for (let k = a; k < e; k += 2) {
    if (toks[k].t !== T.Str || toks[k].holes?.length) return undefined;
    out.push(toks[k].v);
    if (k + 1 < e && !isP(toks[k + 1], ',')) return undefined;
  }
  return out.length ? out : undefined;
}

/** The C-like spelling of each keyword operator. */
const SYMBOL: Record<string, string> = { or: '||', and: '&&' };

/** Top-level ranges of toks[a, e) between the keyword `op` (or its symbol). */
function split(c: Ctx, a: number, e: number, op: string): [number, number][] {
  const out: [number, number][] = [];
  let from = a;
  for (let k = a; k < e; k++) {
    if (c.match[k] > k) k = c.match[k];
    else if ((c.toks[k].t === T.Id && c.toks[k].v === op) || isP(c.toks[k], SYMBOL[op])) {
      out.push([from, k]);
      from = k + 1;
    }
  }
  out.push([from, e]);
  return out;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * What the if / elif arms around token `at` say of `name` holding `id`: false when they rule it out (the use is not
 * reached then), true when they need it (any other text fails one of them), undefined when they say neither.
 */
export function armsNeed(c: Ctx, at: number, name: string, id: string): boolean | undefined {
  const walked = { from: at };
  const heads = enclosingTests(c, at, walked);
  c.read?.push({ start: c.toks[walked.from].start, end: c.toks[at].end });
  let need: boolean | undefined;
  for (const [a, e, want] of heads) {
    if (test(c, a, e, name, id) === !want) return false;
    // No text is this one: a test it fails is a test only `id` passes.
    if (test(c, a, e, name, '\u0000') === !want) need = true;
  }
  return need;
}

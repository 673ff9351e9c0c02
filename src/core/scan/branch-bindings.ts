// A local given its value in the branches of an `if` / `else` before its use (`if long: model = "gpt-4.1"` /
// `else: model = "gpt-4.1-mini"`, or a value set first and replaced in a branch): each value it can hold there. The
// nearest assignment alone would price whichever branch is written last.
import { T, type Token } from '../lex/lexer';
import { countBefore } from '../util/binary-search';
import type { Binding } from './scope';
import { exprEnd, firstOnLine, isRubyModifier } from './body-ends';
import type { EvalScope } from './value';

/** Earlier assignments looked at for one use. */
const MAX_BRANCH_BINDINGS = 8;
/** Tokens walked to see where a block ends, or back to its header. */
const MAX_WALK = 4000;

// An `except` / `rescue` arm runs only when the block before it raised: its value is one of two (held51 F2,
// Rjiegit/youtube-transcript-summarizer summarizer_service.py: `try: m = choose_weighted_model(…)` / `except ValueError:
// m = GEMINI_MODEL` is a random pick, not that constant).
const HEADS = new Set(['if', 'elif', 'else', 'elsif', 'unless', 'when', 'except', 'rescue']);
const INDENTED = new Set(['python', 'ruby']);

/**
 * The bindings of a name whose values reach the use at `pos`, nearest first, when the nearest is made in a branch
 * (an `if` / `else` block that ends before the use); undefined when the nearest binding simply holds (the usual case).
 * The walk stops at the first binding not in such a branch (it holds on every path) or at a parameter.
 */
export function branchBindings(s: EvalScope, list: Binding[], nearest: Binding, pos: number, sameFn: (b: Binding) => boolean): Binding[] | undefined {
  if (nearest.kind !== 'assign' || nearest.spring) return undefined;
  const usedAt = countBefore(s.toks.length, (k) => s.toks[k].start < pos);
  // Each binding's reach is worked out once (it walks the block around it and records what it read).
  const seen = new Map<Binding, Reach>();
  const reach = (b: Binding) => {
    let r = seen.get(b);
    if (!r) seen.set(b, (r = inBranch(s, b.name, usedAt)));
    return r;
  };
  const local = (b: Binding) => b.kind === 'assign' && !b.spring && sameFn(b);
  // Most assignments hold on every path: that is asked first, and the function the use is in only then.
  if (reach(nearest) === 'holds' || !sameFn(nearest)) return undefined;
  let i = list.indexOf(nearest);
  // Assigned in a sibling arm of the use's own if (`if big: model = a; …` then the use under `else:`): not reached;
  // the binding before it is.
  let skipped = false;
  while (i >= 0 && local(list[i]) && reach(list[i]) === 'sibling') [i, skipped] = [i - 1, true];
  if (i < 0) return undefined;
  const first = list[i];
  if (!local(first) || reach(first) !== 'branch') return skipped ? [first] : undefined;
  const out = [first];
  i--;
  for (; i >= 0 && out.length < MAX_BRANCH_BINDINGS; i--) {
    const b = list[i];
    // Another function's local of the same name (or a module value a function reassigns) ends the walk.
    if (b.kind === 'member' || b.spring || (b.kind !== 'param' && !sameFn(b))) break;
    if (b.kind === 'param') {
      if (b.until === undefined || pos <= b.until) out.push(b);
      break;
    }
    const where = reach(b);
    if (where === 'sibling') continue;
    out.push(b);
    if (where === 'holds') break;
  }
  // One binding (the others did not reach the use): that one alone.
  return out.length > 1 || skipped ? out : undefined;
}

/** The assignment at token `at` is inside an if / else block that ends before token `use`. When it is, what decides
 * it (the block's header, the lines up to the use) is read: the keystroke path keeps it live (an edit turning `if`
 * into `i` makes the nearest value the only one). */
function inBranch(s: EvalScope, at: number, use: number): Reach {
  const seen = { from: at };
  const where = INDENTED.has(s.syn.id) ? indentedBranch(s, at, use, seen) : braceBranch(s, at, use, seen);
  const end = s.toks[Math.min(use, s.toks.length) - 1];
  if (where !== 'holds' && end && end.end > s.toks[seen.from].start) s.read?.push({ start: s.toks[seen.from].start, end: end.end });
  return where;
}

/** How an assignment reaches a use: on every path, from one branch of an if, or not at all (a sibling arm). */
type Reach = 'holds' | 'branch' | 'sibling';

/** Python / Ruby: the nearest line above with less indentation starts with if/elif/else, and a line back at or before that indentation comes before the use. */
function indentedBranch(s: EvalScope, at: number, use: number, seen: { from: number }): Reach {
  const { toks, text } = s;
  if (!firstOnLine(text, toks[at].start)) return 'holds';
  // Ruby `prompt = add_inspiration(prompt) if inspiration?` (held40 C24): the line's own modifier makes it a branch.
  if (s.syn.id === 'ruby') {
    const e = exprEnd(s, at);
    if (e < use && e < toks.length && isRubyModifier(text, toks, e)) return 'branch';
  }
  const col = column(text, toks[at].start);
  if (col === 0) return 'holds';
  let head = -1;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    if (!firstOnLine(text, toks[k].start)) continue;
    const c = column(text, toks[k].start);
    if (c < col) {
      head = k;
      break;
    }
  }
  seen.from = head >= 0 ? head : Math.max(0, at - MAX_WALK);
  if (head < 0 || toks[head].t !== T.Id || !HEADS.has(toks[head].v)) return 'holds';
  const headCol = column(text, toks[head].start);
  // The line that last comes back to the header's indentation before the use: a sibling arm (`else:`, `elif …:`)
  // means the use is in that arm, which this assignment does not reach.
  let back = -1;
  for (let k = at + 1, n = 0; k < use && n < MAX_WALK; k++, n++) {
    if (firstOnLine(text, toks[k].start) && column(text, toks[k].start) <= headCol) back = k;
  }
  // A use past the file's end (a module's value for its importers) is after a block that runs to the end.
  if (back < 0) return use >= toks.length ? 'branch' : 'holds';
  return SIBLINGS.has(toks[back].v) && column(text, toks[back].start) === headCol ? 'sibling' : 'branch';
}

/** Arms that follow an if's block: a use inside one is not reached from the block before it. */
const SIBLINGS = new Set(['else', 'elif', 'elsif', 'when', 'except', 'rescue', 'ensure', 'finally']);

/** Brace languages: the innermost `{ … }` around the assignment closes before the use and belongs to an if / else. */
function braceBranch(s: EvalScope, at: number, use: number, seen: { from: number }): Reach {
  const { toks, match } = s;
  // `if (image) model = 'gpt-4o-mini'` / `else model = …`: an arm of one statement, no braces.
  const before = toks[at - 1];
  if (before?.v === 'else' || (before?.v === ')' && match[at - 1] >= 0 && toks[match[at - 1] - 1]?.v === 'if')) {
    seen.from = Math.max(0, (before.v === 'else' ? at - 1 : match[at - 1] - 1));
    return 'branch';
  }
  let open = -1;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    // A closed block or bracket before the assignment: stepped over whole.
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (match[k] > at && isBrace(toks[k])) {
      open = k;
      break;
    }
  }
  seen.from = open >= 0 ? Math.max(0, open - 64) : at;
  if (open < 0 || match[open] >= use) return 'holds';
  // `if (c) { x = a; } else { …use… }`: the use is in a sibling arm this block does not reach.
  for (let k = match[open] + 1, n = 0; k < use && n < 16 && toks[k]?.t === T.Id && toks[k].v === 'else'; n++) {
    let b = k + 1;
    if (toks[b]?.v === 'if' && toks[b + 1]?.v === '(' && match[b + 1] > b) b = match[b + 1] + 1;
    else if (toks[b]?.v === 'if') while (b < use && !isBrace(toks[b])) b++;
    if (!isBrace(toks[b]) || !(match[b] > b)) break;
    if (match[b] > use) return isIfBlock(toks, match, open) ? 'sibling' : 'holds';
    k = match[b];
  }
  return isIfBlock(toks, match, open) ? 'branch' : 'holds';
}

/** The block opened at `open` belongs to an if / else. */
function isIfBlock(toks: Token[], match: Int32Array, open: number): boolean {
  // `if (c) {`, `} else {`, `else if (c) {`, Go `if err == nil {`: the statement the block belongs to.
  let k = open - 1;
  if (k >= 0 && toks[k].v === ')' && match[k] >= 0 && match[k] < k) k = match[k] - 1;
  // Go `if v := os.Getenv(k); v != "" {`: past an init statement's `;` only an `if` with no `(` after it counts.
  let init = false;
  for (let n = 0; k >= 0 && n < 64; k--, n++) {
    const tk = toks[k];
    if (tk.t === T.Id && (tk.v === 'if' || tk.v === 'else')) return !init || (tk.v === 'if' && toks[k + 1]?.v !== '(');
    if (tk.t === T.Id && LOOPS.has(tk.v)) return false;
    if (tk.t === T.Punct && tk.v === ';' && !init) init = true;
    else if (tk.t === T.Punct && (tk.v === ';' || tk.v === '{' || tk.v === '}')) return false;
  }
  return false;
}

/** Blocks that are no branch of an if / else (a loop body may run any number of times, a function's is elsewhere). */
const LOOPS = new Set(['for', 'foreach', 'while', 'do', 'switch', 'function', 'func', 'fn', 'try', 'catch', 'finally', 'case', 'default', 'class', 'struct', 'impl']);

const isBrace = (tk: Token) => tk.t === T.Punct && tk.v === '{';

/** The column of `offset`, walked back over its line: the scope may be another file's, which has no line table
 * (definitions.ts columnOf reads the scanned file's, run-index.ts lineStartOf). */
function column(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10) i--;
  return offset - i;
}

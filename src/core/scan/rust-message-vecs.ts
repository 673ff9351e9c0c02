// A Rust messages Vec that a helper of the same file builds: `let messages = build_messages(system, &[], &prompt);`
// sent as `.messages(messages)` (or `messages.clone()`), with
// `fn build_messages(system: &str, history: &[Turn], prompt: &str) -> Vec<ChatCompletionRequestMessage> {
//   let mut out = Vec::new(); out.push(…System….content(system)…); for t in history { out.push(…) } out.push(…); out }`.
// Each push at the body's top level is one message, read with the call's arguments bound to the parameters
// (arg-frames.ts); a push inside a loop or a branch is named, never guessed; a loop over a parameter given an empty
// slice (`&[]`) adds nothing. Seen in DavidRyan/podgpt src/services/chat.rs (async-openai 0.28).
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { label, type Value } from './value';
import { assignmentBefore } from './definitions';
import { tables, type Fn } from './scope';
import { args } from './calls';
import { evaluate } from './evaluate';
import { withArgs, type CallArgs } from './arg-frames';
import { collectParts } from './parts';
import { pushParts } from './push-parts';

/** Tokens of a helper's body walked for what it adds to its Vec. */
const MAX_BODY = 8000;

/** Methods that add to a Vec (https://doc.rust-lang.org/std/vec/struct.Vec.html). */
const ADDS = new Set(['push', 'extend', 'append', 'insert', 'extend_from_slice']);

/** Helpers within helpers followed at most. */
const MAX_NESTED = 4;

/**
 * At toks[k]: a name standing alone (or `name.clone()`) whose value is a same-file helper's Vec of messages; its
 * messages' parts are read into `out`. Returns the index after the name, or -1 when it is not one.
 */
export function rustVecParts(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  if (c.syn.id !== 'rust' || depth > MAX_NESTED) return -1;
  const { toks, match } = c;
  if (isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) return -1;
  let e = k + 1;
  if (isP(toks[e], '.') && toks[e + 1]?.v === 'clone' && isP(toks[e + 2], '(') && match[e + 2] === e + 3) e += 4;
  if (e < to && !isP(toks[e], ',')) return -1;
  const v = assignmentBefore(c, toks[k].v, k);
  if (v < 0) return -1;
  // `helper(…);`, `Self::helper(…);`, `self.helper(…);`
  const n = (toks[v].v === 'Self' && isP(toks[v + 1], '::')) || (toks[v].v === 'self' && isP(toks[v + 1], '.')) ? v + 2 : v;
  const open = n + 1;
  if (!isId(toks[n]) || !isP(toks[open], '(') || !(match[open] > open) || !isP(toks[match[open] + 1], ';')) return -1;
  const fns = tables(c).fns.get(toks[n].v);
  const f = fns?.[fns.length - 1];
  const vec = f && !f.expr ? vecOf(c, f) : undefined;
  if (!f || !vec) return -1;
  const fn = toks[n].v;
  // A helper defined below the call: a prefix of the file must not trust it (editor/prefix.ts); its body concerns the call.
  if (toks[f.name].start >= toks[k].start) c.forward?.add(fn);
  c.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? c.text.length });
  const a = args(c, open, match[open]);
  const given: CallArgs = { list: a, value: (i) => argOf(c, a[i].from, a[i].to, depth) };
  const params = paramNames(c, f);
  const found: PromptPart[] = [];
  let messages = 0;
  withArgs(c, f, given, () => {
    for (let j = vec.from; j < f.bodyEnd && j < vec.from + MAX_BODY; j++) {
      if (isP(toks[j], '{') && match[j] > j) {
        // A block (a loop, a branch, a closure's body) whose pushes may run many times or not at all: named.
        if (adds(c, vec.name, j, match[j])) {
          const head = headOf(c, j, vec.from);
          const what = loopOver(c, head, j, params, a, fn);
          if (what !== '') found.push({ text: '', span: { start: toks[k].start, end: toks[e - 1].end }, resolved: false, label: what ?? `${toks[k].v} (added to in ${fn}() at run time)` });
        }
        j = match[j];
      } else if (toks[j].v === vec.name && isP(toks[j + 1], '.') && ADDS.has(toks[j + 2]?.v ?? '') && isP(toks[j + 3], '(') && match[j + 3] > j + 3 && (isP(toks[j - 1], ';') || isP(toks[j - 1], '}') || isP(toks[j - 1], '{'))) {
        if (toks[j + 2].v === 'push') {
          collectParts(c, j + 4, match[j + 3], found, depth + 1);
          messages++;
        } else found.push({ text: '', span: { start: toks[k].start, end: toks[e - 1].end }, resolved: false, label: label(c, j, match[j + 3] + 1) });
        j = match[j + 3];
      }
    }
    return undefined;
  }, true);
  pushParts(out, found);
  c.listMessages = (c.listMessages ?? 0) + messages;
  return e;
}

/** The Vec `f` returns: `let mut NAME[: T] = Vec::new();` (or `Vec::with_capacity(…)`, `vec![]`) in its body, and
 * NAME its tail (or `return NAME;` at its end); `from`: the token after the `let` statement. */
function vecOf(c: Ctx, f: Fn): { name: string; from: number } | undefined {
  const { toks, match } = c;
  const end = f.bodyEnd;
  const last = isP(toks[end - 1], ';') ? end - 2 : end - 1;
  const name = toks[last];
  if (!isId(name) || !(isP(toks[last - 1], ';') || isP(toks[last - 1], '}') || toks[last - 1]?.v === 'return')) return undefined;
  for (let j = f.body; j < end && j < f.body + MAX_BODY; j++) {
    if (isP(toks[j], '{') && match[j] > j) j = match[j];
    if (toks[j].v !== 'let' || toks[j + 1]?.v !== 'mut' || toks[j + 2]?.v !== name.v) continue;
    let q = j + 3;
    while (q < end && !isP(toks[q], '=') && !isP(toks[q], ';')) q++;
    const made = (toks[q + 1]?.v === 'Vec' && isP(toks[q + 2], '::') && /^(new|with_capacity)$/.test(toks[q + 3]?.v ?? '') && isP(toks[q + 4], '(')) || (toks[q + 1]?.v === 'vec' && isP(toks[q + 2], '!') && match[q + 3] === q + 4);
    if (!isP(toks[q], '=') || !made) return undefined;
    const close = toks[q + 1].v === 'Vec' ? match[q + 4] : match[q + 3];
    return isP(toks[close + 1], ';') ? { name: name.v, from: close + 2 } : undefined;
  }
  return undefined;
}

/** The first token of the statement whose block opens at toks[open]: after the `;` or `}` before it. */
function headOf(c: Ctx, open: number, from: number): number {
  let h = open - 1;
  while (h >= from && !isP(c.toks[h], ';') && !isP(c.toks[h], '}')) h = isP(c.toks[h], ')') || isP(c.toks[h], ']') ? Math.min(h - 1, c.match[h]) : h - 1;
  // `} else {`: the `else` after the `if` block.
  return c.toks[h + 1]?.v === 'else' || h < from ? Math.max(h + 1, from) : h + 1;
}

/** Does the block toks[open, close] add to `name`? */
function adds(c: Ctx, name: string, open: number, close: number): boolean {
  const { toks } = c;
  for (let j = open + 1; j < close; j++) if (toks[j].v === name && isP(toks[j + 1], '.') && ADDS.has(toks[j + 2]?.v ?? '')) return true;
  return false;
}

/**
 * `for x in P {` over a parameter: '' when the call passes an empty slice or Vec (the loop adds nothing), else the
 * label of what the call passes; undefined for any other block.
 */
function loopOver(c: Ctx, head: number, open: number, params: (string | undefined)[], a: { key?: string; from: number; to: number }[], fn: string): string | undefined {
  const { toks } = c;
  if (toks[head].v !== 'for') return undefined;
  let j = head + 1;
  while (j < open && toks[j].v !== 'in') j++;
  j++;
  while (j < open && (isP(toks[j], '&') || toks[j].v === 'mut')) j++;
  const p = params.indexOf(toks[j]?.v);
  // `for m in history {` / `for m in history.iter() {`
  if (p < 0 || p >= a.length || !(j + 1 === open || (toks[j + 1].v === '.' && j + 5 === open))) return undefined;
  const from = skipRef(c, a[p].from, a[p].to);
  if (empty(c, from, a[p].to)) return '';
  return `messages from ${label(c, from, a[p].to)} (loop in ${fn}())`;
}

/** The parameters' names in order, the receiver (`&self`) left out: `mut name: T` is name. */
function paramNames(c: Ctx, f: Fn): (string | undefined)[] {
  const { toks, match } = c;
  const open = f.name + 1;
  const names: (string | undefined)[] = [];
  if (!isP(toks[open], '(') || !(match[open] > open)) return names;
  for (let k = open + 1; k < match[open]; ) {
    let e = k;
    while (e < match[open] && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '<')) && match[e] > e ? match[e] + 1 : e + 1;
    const first = toks[k].v === 'mut' ? k + 1 : k;
    if (!toks.slice(k, e).some((t) => t.v === 'self')) names.push(isId(toks[first]) ? toks[first].v : undefined);
    k = e + 1;
  }
  return names;
}

/** `&x`, `&mut x`, `*x`: x. */
function skipRef(c: Ctx, from: number, to: number): number {
  let j = from;
  while (j < to - 1 && (isP(c.toks[j], '&') || isP(c.toks[j], '*') || c.toks[j].v === 'mut')) j++;
  return j;
}

/** `[]`, `vec![]`, `Vec::new()`: an empty slice or Vec. */
function empty(c: Ctx, from: number, to: number): boolean {
  const t = c.toks.slice(from, to).map((x) => x.v).join(' ');
  return t === '[ ]' || t === 'vec ! [ ]' || t === 'Vec :: new ( )';
}

/** An argument's value: `&x` is x's, and an empty slice or Vec no text at all. */
function argOf(c: Ctx, from: number, to: number, depth: number): Value | undefined {
  const j = skipRef(c, from, to);
  return empty(c, j, to) ? { str: '' } : evaluate(c, j, to, depth + 1);
}

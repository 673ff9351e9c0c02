// A Go messages slice passed down as a parameter: `func ask(ctx context.Context, msgs []openai.ChatCompletionMessage)
// { … Messages: msgs … }` whose callers in the package build the list, or pass on a parameter of their own that their
// callers build (a handler builds it, `reply(ctx, msgs)` passes it to `ask(ctx, msgs)`, which sends it; the FFmpeg
// agent's `GenerateTitle` builds `messages := []openai.ChatCompletionMessage{{Role: …System, Content: "…"}, …}` and
// calls `c.CreateChatCompletion(ctx, messages)`, its own wrapper of the SDK call). Each caller's argument is read
// where it is written, as a list at the call is (message-lists.ts, go-message-helpers.ts); one caller's list is a
// path that runs, so the list with the most known text is counted, never a sum of them, and the hover says how many
// callers there are. A caller passing a list known only at run time is named beside it; when no caller's list holds
// known text, the parameter stays a run-time name. Past MAX_LEVELS callers up, it is left to run time and says so.
// Only a parameter of slice type (`[]T`) is read here: a text or number parameter is go-callers.ts's.
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { tables, type Fn } from './scope';
import { CALLERS, paramsOf } from './file-callers';
import { calledNames } from './names-followed';
import { goPackageName } from './go-decls';
import { argRange, inInterface } from './go-callers';
import { neverCalled } from './go-caller-values';
import { partsFrom } from './imported-runnables';
import type { Ctx } from './values';
import { expr } from './evaluate';
import { label } from './value';

/** Callers up a list is followed through, at most (ask ← reply ← handler is two). */
export const MAX_LEVELS = 4;
/** Callers read for one parameter, at most; more: left to run time. */
const MAX_CALLERS = 16;
/** Files of the package searched for callers, at most. */
const MAX_CALLER_FILES = 200;

let levels = 0;
/** The depth bound stopped a read of the callers since this was last cleared. */
let cut = false;
const BUSY = new Set<string>();

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

interface Read {
  parts: PromptPart[];
  known: number;
  messages: number;
  sc: Ctx;
}

/**
 * At toks[k], a name alone in a messages value: when it is a slice parameter of the enclosing Go function, not bound
 * again before the use, the parts of the list its callers pass are read into `out` and true returned.
 */
export function goListFromCallers(c: Ctx, k: number, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'go' || !c.index) return false;
  const { toks } = c;
  const name = toks[k].v;
  const own = enclosing(c, k);
  if (!own) return false;
  let param = -1;
  let pos = -1;
  let count = 0;
  for (const [p, x] of paramsOf(c)) {
    if (x.fn !== own) continue;
    count++;
    if (toks[p].v === name) {
      param = p;
      pos = x.pos;
    }
  }
  if (param < 0 || !sliceParam(c, param)) return false;
  // `msgs = append(msgs, item)` at the body's top level before the use adds to the callers' list on every path
  // (telegram-reminder internal/bot/openai_helper.go ChatCompletion appends the current time); any other binding
  // (`msgs := …`, an append inside an `if` or a loop) is no list the callers pass.
  const adds: [number, number][] = [];
  for (const b of tables(c).binds.get(name) ?? []) {
    // body: the body's first token (an append may be the first statement).
    if (b.name < own.body || b.name >= k) continue;
    const a = appendAt(c, b.name, own.body - 1);
    if (!a) return false;
    adds.push(a);
  }
  const here: Span = { start: toks[k].start, end: toks[k].end };
  if (levels >= MAX_LEVELS) {
    cut = true;
    out.push({ text: '', span: here, resolved: false, label: deepLabel(name) });
    return true;
  }
  const key = `${c.file}:${param}`;
  if (BUSY.has(key)) return false;
  BUSY.add(key);
  try {
    return fromCallers(c, own, name, pos, count, here, adds, out, depth, collect);
  } finally {
    BUSY.delete(key);
  }
}

function fromCallers(c: Ctx, own: Fn, name: string, pos: number, count: number, here: Span, adds: [number, number][], out: PromptPart[], depth: number, collect: Collect): boolean {
  const idx = c.index!;
  const { toks } = c;
  const fname = toks[own.name].v;
  const method = isP(toks[own.name - 1], ')');
  const pkg = goPackageName(c.text);
  // Typing or deleting a call of the function changes the answer (editor/incremental.ts), as for go-callers.ts.
  c.readNames?.add(fname);
  c.forward?.add(CALLERS + fname);
  const calls: { sc: Ctx; k: number; arg: [number, number] }[] = [];
  let defs = 0;
  const test = c.file.endsWith('_test.go');
  for (const f of goPackageFiles(idx.files, dirname(c.file)).slice(0, MAX_CALLER_FILES)) {
    // A test's call (`_test.go`, https://pkg.go.dev/cmd/go#hdr-Test_packages) is no path the program runs.
    if (!test && f.endsWith('_test.go')) continue;
    const text = idx.text(f) ?? '';
    if (!text.includes(fname + '(') || goPackageName(text) !== pkg) continue;
    const sc: Ctx | undefined = f === c.file ? c : idx.scope(f);
    if (!sc) return false;
    for (const j of calledNames(sc.toks).get(fname) ?? []) {
      const before = sc.toks[j - 1];
      if (before?.v === 'func' || isP(before, ')')) {
        defs++;
        continue;
      }
      // A function is called by its name alone, a method through a value; the SDK's own method of the same name
      // called inside the wrapper (`client.CreateChatCompletion(ctx, req)`) is no caller of it.
      if (inInterface(sc, j) || isP(before, '.') !== method || (sc === c && j > own.body && j < own.bodyEnd)) continue;
      if (argCount(sc, j + 1) !== count) continue;
      const arg = argRange(sc, j + 1, pos);
      // A struct passed there (`client.CreateChatCompletion(ctx, req)`, the SDK's method of the name): another method.
      if (!arg || structArg(sc, arg)) continue;
      calls.push({ sc, k: j, arg });
    }
  }
  // Two functions or methods of the name in the package (another type's): which one a call reaches is not read here.
  if (defs !== 1 || !calls.length || calls.length > MAX_CALLERS) return false;
  const reads: Read[] = [];
  const saved = c.listMessages;
  const wasCut = cut;
  cut = false;
  for (const { sc, k, arg } of calls) {
    const oc: Ctx = sc === c ? c : { ...sc, read: undefined, readNames: undefined, forward: undefined };
    oc.listMessages = 0;
    const parts: PromptPart[] = [];
    levels++;
    try {
      collect(oc, arg[0], arg[1], parts, depth + 1);
    } finally {
      levels--;
    }
    const known = parts.reduce((n, p) => n + (p.resolved ? p.text.length : 0), 0);
    // A caller in a function nothing calls never runs (go-caller-values.ts): it passes nothing.
    if (!known && neverCalled(sc, k)) continue;
    reads.push({ parts, known, messages: oc.listMessages ?? 0, sc: oc });
  }
  c.listMessages = saved;
  const deep = cut;
  cut = wasCut || deep;
  if (!reads.length) return false;
  const best = reads.reduce((a, b) => (b.known > a.known ? b : a));
  if (!best.known) {
    // No caller's list holds known text: the name stays run time, with what the body appends to it; a list followed
    // up to the depth bound says so.
    if (!adds.length && !deep) return false;
    out.push({ text: '', span: here, resolved: false, label: deep ? deepLabel(name) : name });
    appended(c, adds, out, depth, collect);
    return true;
  }
  const what = `${name} as ${reads.length > 1 ? `the longest list of the ${reads.length} callers of` : 'the only caller of'} ${fname}() passes it`;
  const parts = best.sc === c ? best.parts : partsFrom(best.parts, best.sc.file, here, what);
  if (reads.length > 1) {
    const first = parts.findIndex((p) => p.resolved);
    const p = parts[first];
    const src = p.source ?? { offset: p.span.start, what: `prompt ${what}` };
    parts[first] = { ...p, source: { ...src, of: reads.length } };
  }
  out.push(...parts);
  c.listMessages = (c.listMessages ?? 0) + best.messages;
  // A caller whose list holds no known text: a path whose prompt is known only at run time.
  if (reads.some((r) => !r.known)) out.push({ text: '', span: here, resolved: false, label: `${name} (another caller of ${fname}() passes it at run time)` });
  appended(c, adds, out, depth, collect);
  return true;
}

/** `name = append(name, …)` at token `j` in the block opened at `open` (not in a nested one): its items' tokens. */
function appendAt(c: Ctx, j: number, open: number): [number, number] | undefined {
  const { toks, match } = c;
  const name = toks[j].v;
  if (!(isP(toks[j + 1], '=') && toks[j + 2]?.v === 'append' && isP(toks[j + 3], '(') && toks[j + 4]?.v === name && isP(toks[j + 5], ','))) return undefined;
  if (!(match[j + 3] > j + 5)) return undefined;
  for (let q = j - 1; q > open; q--) {
    if (match[q] >= 0 && match[q] < q) q = match[q];
    else if (isP(toks[q], '{') || isP(toks[q], '(') || isP(toks[q], '[')) return undefined;
  }
  return [j + 6, match[j + 3]];
}

/** The items the body appends: each message read where it is written, a slice spread in (`x...`) named. */
function appended(c: Ctx, adds: [number, number][], out: PromptPart[], depth: number, collect: Collect): void {
  const { toks, match } = c;
  for (const [from, to] of adds) {
    let a = from;
    for (let j = from; j <= to; j++) {
      if (j < to && (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) {
        j = match[j];
        continue;
      }
      if (j < to && !isP(toks[j], ',')) continue;
      if (j > a) item(c, a, j, out, depth, collect);
      a = j + 1;
    }
  }
}

function item(c: Ctx, a: number, b: number, out: PromptPart[], depth: number, collect: Collect): void {
  const { toks, match } = c;
  const span: Span = { start: toks[a].start, end: toks[b - 1].end };
  if (isP(toks[b - 1], '...')) {
    out.push({ text: '', span, resolved: false, label: `${label(c, a, b - 1)} (added at run time)` });
    return;
  }
  // A message kept in a local (`timeMsg := openai.ChatCompletionMessage{…}`): its fields, where it is written.
  if (b === a + 1 && isId(toks[a])) {
    const o = expr(c, a, b, depth + 1).v?.obj;
    if (o?.kind === 'table' && o.scope.toks === toks && o.open < a && match[o.open] > o.open) {
      collect(c, o.open + 1, match[o.open], out, depth + 1);
      c.listMessages = (c.listMessages ?? 0) + 1;
      return;
    }
  }
  collect(c, a, b, out, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + 1;
}

const deepLabel = (name: string) => `${name} (passed down through more than ${MAX_LEVELS} callers: at run time)`;

/** Is the argument a struct: a composite literal `pkg.T{…}`, or a name holding one? A slice is written `[]T{…}`. */
function structArg(sc: Ctx, [from, to]: [number, number]): boolean {
  const { toks, match } = sc;
  let q = from;
  while (q < to && (isId(toks[q]) || isP(toks[q], '.') || isP(toks[q], '&'))) q++;
  if (q > from && isP(toks[q], '{') && match[q] === to - 1) return true;
  if (to !== from + 1 || !isId(toks[from])) return false;
  const o = expr(sc, from, to, 1).v?.obj;
  return o?.kind === 'table' && !!o.struct;
}

/** The innermost function whose body holds token `at`. */
function enclosing(c: Ctx, at: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/** Is the parameter at token `p` of a slice type (`msgs []T`, `a, b []T`)? Go writes the type after the last name. */
function sliceParam(c: Ctx, p: number): boolean {
  const { toks } = c;
  let j = p + 1;
  while (isP(toks[j], ',') && isId(toks[j + 1]) && !isP(toks[j + 2], '.')) j += 2;
  return isP(toks[j], '[') && isP(toks[j + 1], ']');
}

/** Arguments of the call whose list opens at `open`. */
function argCount(c: Ctx, open: number): number {
  const { toks, match } = c;
  const close = match[open];
  if (close < 0) return -1;
  if (close === open + 1) return 0;
  let n = 1;
  for (let k = open + 1; k < close; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], ',')) n++;
  }
  return n;
}

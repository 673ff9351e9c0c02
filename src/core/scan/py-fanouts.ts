// Python fan-outs: a call made once per item with no `for` statement around it. A comprehension runs its element once
// per item (`await asyncio.gather(*[client.chat.completions.create(…) for p in prompts])`, `[ask(q) for q in QUESTIONS]`,
// `[executor.submit(summarise, d) for d in docs]`); an executor or pool given a function as a value calls it once per item
// of the iterable it is given (`executor.map(summarise, docs)`, multiprocessing's `pool.map` / `imap` / `starmap`, the
// builtin `map(f, items)` a `list(…)` consumes). Python 3 docs: concurrent.futures Executor.map(fn, *iterables) "similar
// to map(fn, *iterables) except … fn is executed asynchronously", Executor.submit(fn, /, *args) "schedules the callable,
// fn, to be executed as fn(*args, **kwargs)"; multiprocessing Pool.map "a parallel equivalent of the map() built-in
// function", starmap, imap, imap_unordered, map_async, apply_async. Each is read as the loop it is (loops.ts
// iterableBound): the count when the iterable is written in the code, else per item of data known at run time, as a
// `for` statement over it is.
import { isId, isOpen, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { valueEnd } from './value-end';
import { iterableBound, pythonLoop, type Loop } from './loops';
import { identsNamed } from './run-index';

/** Tokens walked back for the brackets around a call, and brackets tried: bounds on any input. */
const MAX_BACK = 4000;
const MAX_LEVELS = 8;
/** Methods that call the function given first once per item of the iterable given second. */
const MAPS = new Set(['map', 'imap', 'imap_unordered', 'starmap', 'map_async', 'starmap_async']);
/** Methods that call the function given first once, with the arguments given after it. */
const SUBMITS = new Set(['submit', 'apply_async', 'to_thread']);

/** The loop the call starting at toks[k] runs in: a `for` statement's (loops.ts), else a comprehension's around it. */
export function pyLoop(c: Ctx, k: number): Loop | undefined {
  return pythonLoop(c, k) ?? comprehensionLoop(c, k);
}

/** The innermost comprehension whose element holds toks[k] (not its iterable, which is read once), read as a loop. */
export function comprehensionLoop(c: Ctx, k: number): Loop | undefined {
  const { toks, match } = c;
  let levels = 0;
  for (let j = k - 1, n = 0; j >= 0 && n < MAX_BACK && levels < MAX_LEVELS; j--, n++) {
    const tk = toks[j];
    if (isId(tk) && (tk.v === 'def' || tk.v === 'class' || tk.v === 'lambda')) return undefined;
    if ((isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) && match[j] >= 0 && match[j] < j) {
      j = match[j];
      continue;
    }
    if (!isOpen(tk) || !(match[j] > k)) continue;
    levels++;
    const loop = comprehensionAt(c, j, k);
    if (loop) return loop;
  }
  return undefined;
}

/** The bracket at toks[open] as a comprehension over items whose element holds toks[k]; undefined when it is none. */
function comprehensionAt(c: Ctx, open: number, k: number): Loop | undefined {
  const { toks, match } = c;
  const close = match[open];
  const fors: number[] = [];
  for (let j = open + 1; j < close; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) {
    if (isId(toks[j]) && toks[j].v === 'for' && !isP(toks[j - 1], '.')) fors.push(j);
    // A comma at the top level is a list or call's arguments, not a comprehension (`f(x for x in a, b)` is no Python).
    if (isP(toks[j], ',') && !fors.length && j > k) return undefined;
  }
  const h = fors[0];
  if (h === undefined || h < k) return undefined;
  let inAt = h + 1;
  while (inAt < close && !(isId(toks[inAt]) && toks[inAt].v === 'in')) inAt = isOpen(toks[inAt]) && match[inAt] > inAt ? match[inAt] + 1 : inAt + 1;
  if (inAt >= close) return undefined;
  let stop = inAt + 1;
  while (stop < close && !(isId(toks[stop]) && (toks[stop].v === 'if' || toks[stop].v === 'for'))) stop = isOpen(toks[stop]) && match[stop] > stop ? match[stop] + 1 : stop + 1;
  // The keystroke path: the comprehension's clauses are read outside the call.
  c.read?.push({ start: toks[open].start, end: toks[close].end });
  const from = c.text.slice(toks[h].start, toks[stop - 1].end).replace(/\s+/g, ' ').slice(0, 80);
  const bound = iterableBound(c, h, inAt + 1, stop, from);
  // `for x in a for y in b`: a count per clause, not read.
  if (fors.length > 1) delete bound.turns;
  return { header: h, bodyFrom: open + 1, bodyTo: close, ...bound };
}

/**
 * The loop in which the function named at toks[k] (given as a value: `pool.map(f, items)`, `executor.submit(f, x)`,
 * `ex.map(self.f, items)` with toks[k] the `f`) is called, with the closing bracket of the call that takes it (no loop:
 * submitted once); undefined when toks[k] is given to none of these.
 */
export function fanout(c: Ctx, k: number): { loop?: Loop; close: number } | undefined {
  const { toks, match } = c;
  const fn = isP(toks[k - 1], '.') && toks[k - 2]?.v === 'self' ? k - 2 : k;
  const open = fn - 1;
  const m = toks[open - 1];
  if (!isP(toks[open], '(') || !(match[open] > k) || !isId(m) || !(isP(toks[k + 1], ',') || isP(toks[k + 1], ')'))) return undefined;
  const close = match[open];
  const method = isP(toks[open - 2], '.');
  if (MAPS.has(m.v) && (method || m.v === 'map') && isP(toks[k + 1], ',')) {
    const e = valueEnd(c, k + 2, close);
    if (e <= k + 2) return undefined;
    c.read?.push({ start: toks[open - 1].start, end: toks[close].end });
    const from = c.text.slice(toks[method ? open - 3 : open - 1]?.start ?? toks[open - 1].start, toks[close].end).replace(/\s+/g, ' ').slice(0, 80);
    return { loop: { header: open - 1, bodyFrom: open + 1, bodyTo: close, ...iterableBound(c, open - 1, k + 2, e, from) }, close };
  }
  // Outside any loop, submitted once: no loop, but a caller all the same.
  if (SUBMITS.has(m.v) && method) return { loop: pyLoop(c, open - 1), close };
  return undefined;
}

/** The first place in the file `name` is given as a value to a fan-out (`fanout`), `notCaller` leaving out its own. */
export function fanoutOf(c: Ctx, name: string, notCaller: (k: number) => boolean): { loop: Loop; call: [number, number] } | undefined {
  const { toks } = c;
  let seen = 0;
  for (const k of identsNamed(c, name)) {
    if (isP(toks[k + 1], '(') || toks[k - 1]?.v === 'def' || (k > 1 && isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'self') || ++seen > 16) continue;
    if (notCaller(k)) continue;
    const found = fanout(c, k);
    if (found?.loop) return { loop: found.loop, call: [k, found.close] };
  }
  return undefined;
}

// The loop around a call one function up: the classic agent loop keeps its model call in a helper of the file
// (`def llm_response(history): return client.responses.create(…, input=history)`) and calls it in the loop that grows
// the conversation (`while True: response = llm_response(history); history += response.output`). The helper's call is
// then made once per iteration of that loop: its run, read as a loop around the call itself is (runs.ts).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { functionEnd } from './definitions';
import { enclosingDef } from './runnable-tokens';
import { identsNamed } from './run-index';
import { braceLoop, type Loop } from './loops';
import { fanoutOf, pyLoop } from './py-fanouts';
import { tables } from './scope';
import type { Fn } from './function-forms';
import { CALLERS } from './file-callers';
import { LATER } from './links';
import { jsParams, moduleLoop, passedJs } from './module-loops';
import { feedingParams, paramNames, passed, pyModuleLoops } from './py-module-loops';

/** Callers of the helper looked at: a bound on any input. */
const MAX_CALLERS = 8;

export interface CallerLoop {
  loop: Loop;
  /** The caller's call of the helper: `[name token, closing bracket]`. */
  call: [number, number];
  /** What the caller passes as the conversation the helper sends (names the loop may grow). */
  names: Set<string>;
  /** A loop in another module (module-loops.ts): that module, and where the loop is for the hover (`agent.ts:26`). */
  scope?: Ctx;
  where?: string;
  /** The loops of the helper's other callers (py-module-loops.ts): a run only when each is one, and all agree. */
  others?: CallerLoop[];
}

/**
 * Python: the first loop of the file that calls the helper holding the call at `first` (a module function, or a method
 * called as `self.name(…)`), with the caller's arguments for the helper's parameters among `names`.
 */
export function callerLoop(c: Ctx, first: number, names: Set<string>): CallerLoop | undefined {
  if (c.syn.id === 'javascript') return jsCallerLoop(c, first, names);
  if (c.syn.id !== 'python') return undefined;
  const { toks } = c;
  const def = enclosingDef(c, first);
  if (def < 0 || toks[def - 1]?.v !== 'def' || !isP(toks[def + 1], '(')) return undefined;
  const name = toks[def].v;
  const params = paramNames(c, def + 1);
  const method = params[0] === 'self';
  if (method) params.shift();
  const own = functionEnd(c, def);
  // What the call sends may be built in the helper from a parameter (`formatted = [system]; for m in messages: …`).
  const sent = feedingParams(c, def, first, params, names);
  // A later `def name` (or `async def`) at the helper's indentation rebinds the name (a notebook that redefines a
  // helper cell by cell): a caller after it calls that one. Typing a `def` of the name edits the name (readNames).
  const col = (k: number) => /^[ \t]*/.exec(c.text.slice(c.text.lastIndexOf('\n', toks[k].start - 1) + 1, toks[k].start))![0].length;
  const defs = method ? [] : identsNamed(c, name).filter((j) => j !== def && toks[j - 1]?.v === 'def' && col(j - 1) === col(def - 1));
  const redefs = defs.filter((j) => j > own);
  // Module-level code between an earlier definition and this one runs the earlier one.
  const earlier = (k: number) => k < def && defs.some((j) => j < k) && enclosingDef(c, k) < 0;
  // `self.name(…)` for a method, `name(…)` for a function; not its `def`, nor a call inside the helper (recursion).
  const notCaller = (k: number) => toks[k - 1]?.v === 'def' || (method ? !(isP(toks[k - 1], '.') && toks[k - 2]?.v === 'self') : isP(toks[k - 1], '.')) || (k > def && k <= own) || redefs.some((j) => j < k) || earlier(k);
  // A caller in a loop or a comprehension, else an executor or pool the helper is given to (py-fanouts.ts).
  const same = loopedCaller(c, name, (o) => passed(c, o, params, sent), notCaller, (k) => pyLoop(c, k)) ?? fannedOut(c, name, notCaller);
  // None in the file: the loops of the modules that import a module function, when no caller in the file is outside one.
  if (same || method || identsNamed(c, name).some((k) => isP(toks[k + 1], '(') && !notCaller(k))) return same;
  const [up, ...others] = pyModuleLoops(c, name, params, sent) ?? [];
  return up && { ...up, others };
}

/**
 * The first of the helper `name`'s callers (at most MAX_CALLERS, those `notCaller` leaves out aside) inside a loop
 * (`loopAt`), with the names its arguments pass for the helper's parameters among `names`.
 */
function loopedCaller(c: Ctx, name: string, pass: (open: number) => Set<string>, notCaller: (k: number) => boolean, loopAt: (k: number) => Loop | undefined): CallerLoop | undefined {
  const { toks, match } = c;
  // Typing or deleting a call of the helper anywhere changes the answer (editor/incremental.ts), and so does one a
  // first-screen cut leaves off (editor/prefix.ts).
  c.readNames?.add(name);
  c.forward?.add(CALLERS + name);
  let seen = 0;
  for (const k of identsNamed(c, name)) {
    if (seen >= MAX_CALLERS) break;
    if (!isP(toks[k + 1], '(') || match[k + 1] < 0 || notCaller(k)) continue;
    seen++;
    const loop = loopAt(k);
    if (!loop) continue;
    const end = loop.bodyTo < toks.length ? toks[loop.bodyTo].end : c.text.length;
    // A first-screen cut inside the loop's body may leave out what makes it an agent (`history += …`): the span from
    // the caller on, named by the helper, leaves the call to the full analysis then (editor/prefix.ts cutNames).
    c.read?.push({ start: toks[loop.header].start, end }, { start: toks[k].start, end });
    c.forward?.add(name);
    return { loop, call: [k, match[k + 1]], names: grown(c, loop, pass(k + 1)) };
  }
  return undefined;
}

/** The helper `name` given as a value to an executor or a pool in the file (py-fanouts.ts): called once per item. */
function fannedOut(c: Ctx, name: string, notCaller: (k: number) => boolean): CallerLoop | undefined {
  c.readNames?.add(name);
  // Given as a value (`executor.map(describe, cities)`), not called: any use after a first-screen cut may be one.
  c.forward?.add(LATER + name);
  const f = fanoutOf(c, name, notCaller);
  // Each call gets its item: no conversation grows from one to the next.
  return f && { loop: f.loop, call: f.call, names: new Set() };
}

/** `names`; when the loop's body runs to the end of the text (a first-screen cut, editor/prefix.ts), what grows them may
 * come after it: each is a forward name. */
function grown(c: Ctx, loop: Loop, names: Set<string>): Set<string> {
  if (loop.bodyTo >= c.toks.length - 1) for (const n of names) c.forward?.add(LATER + n);
  return names;
}

/**
 * JS/TS, as for Python: the helper is the innermost function of the file holding the call (`async function step(messages)
 * { return client.chat.completions.create({…, messages}) }`, `const callModel = async (history) => …`), called bare
 * in a loop of another function that grows what it passes (`while (true) { const res = await step(messages);
 * messages.push(…) }`).
 */
function jsCallerLoop(c: Ctx, first: number, names: Set<string>): CallerLoop | undefined {
  const { toks, match } = c;
  let fn: Fn | undefined;
  let name = '';
  for (const [n, list] of tables(c).fns) {
    for (const f of list) {
      if (f.body <= first && first < f.bodyEnd && (!fn || f.body > fn.body)) [fn, name] = [f, n];
    }
  }
  const open = fn ? (fn.params ?? fn.name + 1) : -1;
  if (!fn || !isP(toks[open], '(') || match[open] < 0) return undefined;
  const params = jsParams(c, open);
  const helper = fn;
  // A bare call (`step(messages)`), not a method's nor the `function step(` itself, outside the helper; in a loop that is
  // not the helper's own.
  const notCaller = (k: number) => isP(toks[k - 1], '.') || toks[k - 1]?.v === 'function' || (k >= helper.name && k < helper.bodyEnd);
  const same = loopedCaller(c, name, (o) => passedJs(c, o, params, names), notCaller, (k) => {
    const loop = braceLoop(c, k);
    return loop && !(loop.header < helper.bodyEnd && loop.header > helper.name) ? loop : undefined;
  });
  // None in the file: a loop of a module that imports the helper (module-loops.ts).
  return same ?? moduleLoop(c, helper.name, name, params, names);
}

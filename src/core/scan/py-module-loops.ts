// The agent loop in another Python module: the call sits in a wrapper (`async def call_openai(messages, tools):` in
// agent/openai_client.py builds `formatted_messages` from `messages` and sends it) and the loop that grows the
// conversation is in its caller (`while True: ai_msg = await call_openai(messages, tools); … messages.append(…)` in
// agent/loop.py, `from .openai_client import call_openai`: seekbot-ai/agent-todo-list-example). The wrapper's call is
// made once per turn of that loop only when every caller of the wrapper in view calls it in such a loop: the loops are
// returned for runs.ts to judge, and any caller outside a loop, or too many callers to see them all, gives none.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { fanout, pyLoop } from './py-fanouts';
import type { ModuleLoop } from './module-loops';
import { identsNamed, lineStartOf } from './run-index';
import { importers, isModuleCall, isPlainCall } from './js-callers';
import { basename } from '../resolve/files';

/** Modules importing the wrapper looked at, and calls of it: beyond these, not every caller is known. */
const MAX_MODULES = 8;
const MAX_CALLS = 8;

/** A caller's loop, as module-loops.ts gives it for JavaScript. */
export type PyCallerLoop = ModuleLoop;

/**
 * Every call of the module function `name` (parameters `params`) in the modules that import it, each with the loop
 * around it and the names it passes for the parameters in `names`; undefined when one is outside a loop, when there
 * are none, or when there are more than can be looked at.
 */
export function pyModuleLoops(c: Ctx, name: string, params: string[], names: Set<string>): PyCallerLoop[] | undefined {
  if (!c.index || name.startsWith('_')) return undefined;
  const out: PyCallerLoop[] = [];
  let modules = 0;
  for (const { scope, local, via } of importers(c, name)) {
    if (++modules > MAX_MODULES) return undefined;
    const s = scope as Ctx;
    for (const k of identsNamed(s, local)) {
      // Given as a value to an executor or a pool (`pool.map(summarise, docs)`): called once per item (py-fanouts.ts).
      const fanned = via === undefined && !isP(s.toks[k + 1], '(') && !isP(s.toks[k - 1], '.') ? fanout(s, k) : undefined;
      if (!fanned && (!isP(s.toks[k + 1], '(') || s.match[k + 1] < 0 || !(via !== undefined ? isModuleCall(s, k, via) : isPlainCall(s, k)))) continue;
      if (out.length >= MAX_CALLS) return undefined;
      const loop = fanned ? fanned.loop : pyLoop(s, k);
      if (!loop) return undefined;
      const line = 1 + (s.text.slice(0, s.toks[loop.header].start).match(/\n/g)?.length ?? 0);
      const [call, passes] = fanned ? [fanned.close, new Set<string>()] : [s.match[k + 1], passed(s, k + 1, params, names)];
      out.push({ scope: s, loop, call: [k, call], names: passes, where: `${basename(s.file)}:${line}` });
    }
  }
  return out.length ? out : undefined;
}

/** The helper's parameter names, in order (`self` first for a method). */
export function paramNames(c: Ctx, open: number): string[] {
  const { toks, match } = c;
  const out: string[] = [];
  let start = true;
  for (let k = open + 1; k < match[open]; k++) {
    if (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) {
      k = match[k] > k ? match[k] : k;
      continue;
    }
    if (isP(toks[k], ',')) {
      start = true;
      continue;
    }
    if (start && isId(toks[k])) out.push(toks[k].v);
    start = false;
  }
  return out;
}

/** The plain names the call at bracket `open` passes for the parameters in `names` (by position or keyword). */
export function passed(c: Ctx, open: number, params: string[], names: Set<string>): Set<string> {
  const { toks, match } = c;
  const out = new Set<string>();
  const close = match[open];
  let pos = 0;
  for (let k = open + 1; k < close; ) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    const keyed = isId(toks[k]) && isP(toks[k + 1], '=') && e > k + 2;
    const param = keyed ? toks[k].v : params[pos++];
    const v = keyed ? k + 2 : k;
    // `history`, `self.messages`: the last name of a plain chain.
    if (param !== undefined && names.has(param) && isId(toks[e - 1]) && (e - 1 === v || isP(toks[e - 2], '.'))) out.add(toks[e - 1].v);
    k = e + 1;
  }
  return out;
}

/**
 * The parameters the conversation the call sends is made from, inside the helper before the call: `formatted =
 * [system] + messages`, or `for msg in messages: formatted.append(msg)`. A line that writes one of `names` and reads a
 * parameter (directly or as a `for` variable over it), outside a dict literal, makes that parameter part of what is sent.
 */
export function feedingParams(c: Ctx, from: number, to: number, params: string[], names: Set<string>): Set<string> {
  const { toks } = c;
  const out = new Set(names);
  const ps = new Set(params);
  const over = new Map<string, string>();
  let line = -1;
  let sent = false;
  let read: string[] = [];
  const flush = () => {
    if (sent) for (const p of read) out.add(p);
    [sent, read] = [false, []];
  };
  // A parameter inside a dict literal is a message's text (`{"role": "system", "content": prompt}`), not the conversation.
  let inDict = -1;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    const ls = lineStartOf(c, tk.start);
    if (ls !== line) {
      flush();
      line = ls;
    }
    if (isP(tk, '{') && c.match[k] > inDict) inDict = c.match[k];
    if (!isId(tk) || isP(toks[k - 1], '.') || k < inDict) continue;
    // `for msg in messages:`: msg stands for the parameter.
    if (tk.v === 'for' && isId(toks[k + 1]) && toks[k + 2]?.v === 'in' && isId(toks[k + 3]) && ps.has(toks[k + 3].v) && isP(toks[k + 4], ':')) over.set(toks[k + 1].v, toks[k + 3].v);
    if (names.has(tk.v)) sent = true;
    else if (ps.has(tk.v)) read.push(tk.v);
    else if (over.has(tk.v)) read.push(over.get(tk.v)!);
  }
  flush();
  return out;
}

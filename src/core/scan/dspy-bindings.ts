// What a DSPy module's name is bound to beyond its construction (dspy.ts): an alias (`self.prog = qa`), an optimizer's
// compiled copy (`compiled = tp.compile(qa, trainset=…)`: teleprompt/bootstrap.py compile returns the student with
// demos), a `qa.load(path)`; and an LM called itself (`lm("hi")`, `lm(messages=[…])`: clients/base_lm.py
// BaseLM.__call__(prompt=None, messages=None, **kwargs)).
import { isId, isP } from '../lex/brackets';
import type { CallSite, RunSite, Span } from '../types';
import { readModel, readNumber, type Ctx } from './values';
import { valueEnd } from './value-end';
import { firstOnLine } from './body-ends';
import { collectParts } from './parts';
import { pythonLoop } from './loops';
import { enclosingDef } from './runnable-tokens';
import { pyClassOf } from './py-constructors';
import { dspyRefusal } from './dspy-reasoning';
import { boundName, kwarg, lastBelow, positional, push, DSPY_LIMIT_PARAM, type Made } from './dspy-args';

/** Adds the names bound to a module's alias or compiled copy; marks a module `.load`ed with demos. */
export function aliases(c: Ctx, made: Map<string, Made[]>): void {
  const { toks, match } = c;
  const added: [string, Made][] = [];
  const before = (name: string, k: number) => lastBelow(made.get(name), k, (x) => x.boundAt);
  for (let k = 2; k + 1 < toks.length; k++) {
    if (!isId(toks[k])) continue;
    // `qa.load("compiled.json")`: the saved demos come back.
    if (toks[k].v === 'load' && isP(toks[k - 1], '.') && isP(toks[k + 1], '(')) {
      const m = before(toks[k - 2].v, k);
      if (m) m.compiled = true;
      continue;
    }
    const name = boundName(c, k);
    if (!name) continue;
    // `x = qa` (a line of its own).
    if (!isP(toks[k + 1], '.') && made.has(toks[k].v) && (k + 1 >= toks.length || c.text.slice(toks[k].end, toks[k + 1].start).includes('\n'))) {
      const m = before(toks[k].v, k);
      if (m) added.push([name, { ...m, boundAt: k }]);
      continue;
    }
    // `x = optimizer.compile(qa, trainset=…)` / `compile(student=qa, …)`.
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'compile' && isP(toks[k + 3], '(') && match[k + 3] > 0) {
      let p = kwarg(c, k + 3, match[k + 3], 'student');
      if (p < 0) p = positional(c, k + 3, match[k + 3], 0);
      const m = p >= 0 && isId(toks[p]) ? before(toks[p].v, k) : undefined;
      if (m) added.push([name, { ...m, boundAt: k, compiled: true }]);
    }
  }
  for (const [name, m] of added) push(made, name, m);
  for (const list of made.values()) list.sort((a, b) => a.boundAt - b.boundAt);
}

/** The `=` of each statement assigning a name (`x = …`, `self.x = …`), by the name as dspy.ts keys it. */
export function assignments(c: Ctx): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const { toks } = c;
  for (let k = 1; k < toks.length; k++) {
    if (!isP(toks[k], '=') || !isId(toks[k - 1])) continue;
    const self = isP(toks[k - 2], '.') && toks[k - 3]?.v === 'self';
    if (isP(toks[k - 2], '.') && !self) continue;
    if (!firstOnLine(c.text, toks[self ? k - 3 : k - 1].start)) continue;
    const key = self ? `self.${toks[k - 1].v}` : toks[k - 1].v;
    push(out, key, k);
  }
  return out;
}

/** Whether the class whose method holds toks[at] is made in this file (`RAG()` outside its own header). */
export function classMade(c: Ctx, at: number, memo: Map<string, boolean>): boolean {
  const def = enclosingDef(c, at);
  const cls = def > 0 ? pyClassOf(c, def) : undefined;
  if (!cls) return false;
  let made = memo.get(cls);
  if (made !== undefined) return made;
  const { toks } = c;
  made = false;
  for (let k = 1; k + 1 < toks.length && !made; k++) made = toks[k].v === cls && isP(toks[k + 1], '(') && toks[k - 1].v !== 'class' && toks[k - 1].v !== 'def';
  memo.set(cls, made);
  return made;
}

/** A loop around the call that states how many times it runs (`for i in range(5)`); a loop over data is none (runs.ts). */
export function statedLoop(c: Ctx, first: number, open: number): RunSite | undefined {
  const loop = pythonLoop(c, first);
  if (!loop || loop.turns === undefined) return undefined;
  const span: Span = { start: c.toks[loop.header].start, end: c.toks[loop.header].end };
  const to = loop.bodyTo < c.toks.length ? c.toks[loop.bodyTo].end : c.text.length;
  void open;
  return { kind: 'loop', turns: loop.turns, turnsSource: 'code', turnsFrom: loop.from, growsHistory: false, anchor: span, extent: { start: span.start, end: to } };
}

/** `lm("prompt")` / `lm(messages=[…])` on a `dspy.LM(…)`: a call of its own, with the LM's model and limit. */
export function lmCallSite(c: Ctx, sites: CallSite[], lm: Made, first: number, open: number, languageId: string): void {
  const { toks, match } = c;
  const close = match[open];
  const site: CallSite = {
    shape: 'dspy.lm', sdk: 'DSPy', languageId, span: { start: toks[first].start, end: toks[close].end },
    anchor: { start: toks[open - 1].start, end: toks[open].end }, request: { start: toks[lm.at].start, end: toks[lm.close].end },
    limitParam: DSPY_LIMIT_PARAM, parts: [], messages: 1,
  };
  let m = kwarg(c, lm.open, lm.close, 'model');
  if (m < 0) m = positional(c, lm.open, lm.close, 0);
  const model = m >= 0 ? readModel(c, m, valueEnd(c, m, lm.close)) : undefined;
  if (model && 'ref' in model) site.model = model.ref;
  else site.modelUnresolved = model?.unresolved ?? 'model of dspy.LM(…)';
  dspyRefusal(c, site, lm);
  for (const [at, end] of [[kwarg(c, open, close, 'max_tokens'), close], [kwarg(c, lm.open, lm.close, 'max_tokens'), lm.close]]) {
    if (at < 0) continue;
    const n = readNumber(c, at, valueEnd(c, at, end));
    if (n) site.maxOutput = { ...n, key: 'max_tokens' };
    else site.maxOutputUnresolved = c.text.slice(toks[at].start, toks[Math.max(at, valueEnd(c, at, end) - 1)].end);
    break;
  }
  let p = kwarg(c, open, close, 'messages');
  if (p < 0) p = kwarg(c, open, close, 'prompt');
  if (p < 0) p = positional(c, open, close, 0);
  if (p >= 0) collectParts(c, p, valueEnd(c, p, close), site.parts);
  if (!site.parts.length) site.parts.push({ text: '', span: site.span, resolved: false, label: 'prompt or messages (run time)' });
  c.read?.push({ start: toks[lm.at].start, end: toks[lm.close].end });
  sites.push(site);
}

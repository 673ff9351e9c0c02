// DSPy programs (stanfordnlp/dspy 3.3.1, 4ed377ee). A module's call is the model call: `dspy.Predict(Sig)(text=…)`,
// `qa = dspy.ChainOfThought("question -> answer")` then `qa(question=…)`, `self.prog(…)` with `self.prog =
// dspy.Predict(…)`, and `dspy.Evaluate(devset=…)(program)` running it once per example (evaluate/evaluate.py:117-125).
// Where the LM is made (`dspy.LM("openai/gpt-4o-mini", max_tokens=…)`) is no call: a module takes the call's `lm=`,
// else its own (`set_lm`), else the one `dspy.configure(lm=…)` / `with dspy.context(lm=…)` set (predict/predict.py:150).
// The input is what the ChatAdapter sends for the signature (dspy-signature.ts); the field values are the call's.
import { isId, isP } from '../lex/brackets';
import type { CallSite, LimitRef, PromptPart, RunSite, Span } from '../types';
import { readModel, readNumber, type Ctx } from './values';
import { boundName, DSPY_LIMIT_PARAM, dspyCall, importedNames, kwarg, lastBelow, positional, push, type Made } from './dspy-args';
import { valueEnd } from './value-end';
import { collectParts } from './parts';
import { pyBlockEnd } from './body-ends';
import { enclosingDef } from './runnable-tokens';
import { adapterText, readSignature, withReasoning, type Signature } from './dspy-signature';
import { dspyReactRun, reactSignature } from './dspy-react';
import { aliases, assignments, classMade, lmCallSite, statedLoop } from './dspy-bindings';
import { dspyRefusal } from './dspy-reasoning';
import { dspyDefaultLimit } from './dspy-default-limit';
import { litellmPinLimit } from './litellm-pin-limit';

const MODULES = new Set(['Predict', 'ChainOfThought', 'ReAct']);

/** DSPy rows read per file at most: each reads the file's settings and bindings (a bound on a hostile file's work). */
const MAX_SITES = 400;

/** The file's `dspy.LM(…)`s: by their `LM` token, and by the name each is bound to. */
interface LmIndex { byAt: Map<number, Made>; byName: Map<string, Made[]> }

type Nearest = (list: Made[] | undefined, at: number, key: string) => Made | undefined;

/** A module's calls on the file's DSPy programs (see above). */

export function dspySites(c: Ctx, languageId: string): CallSite[] {
  const { toks, match } = c;
  const imported = importedNames(c);
  const made = new Map<string, Made[]>();
  const evals = new Map<string, Made[]>();
  const lmNames = new Map<string, Made[]>();
  const lms: LmIndex = { byAt: new Map(), byName: lmNames };
  const direct: { m: Made; call: number }[] = [];
  const all = new Set([...MODULES, 'LM', 'Evaluate']);
  for (let i = 1; i < toks.length; i++) {
    const open = dspyCall(c, i, all, imported);
    if (open < 0) continue;
    const m: Made = { kind: toks[i].v, at: i, open, close: match[open], boundAt: i };
    const name = boundName(c, i);
    if (m.kind === 'LM') lms.byAt.set(i, m);
    const table = m.kind === 'Evaluate' ? evals : m.kind === 'LM' ? lmNames : made;
    if (name) push(table, name, m);
    // `dspy.Predict(Sig)(text=…)`, `dspy.Evaluate(devset=…)(program)`: made and called at once.
    if (m.kind !== 'LM' && isP(toks[m.close + 1], '(')) direct.push({ m, call: m.close + 1 });
  }
  if (!made.size && !direct.length && !lmNames.size) return [];
  aliases(c, made);
  const sites: CallSite[] = [];
  // The binding that reaches the call: the name's last assignment before it (`p = other_module()` after `p = qa` ends it).
  const eqs = assignments(c);
  const classes = new Map<string, boolean>();
  const nearest: Nearest = (list, at, key) => {
    const m = list?.length === 1 ? list[0] : lastBelow(list, at, (x) => x.boundAt);
    const last = lastBelow(eqs.get(key), at, (e) => e) ?? -1;
    return m && (m.boundAt > last || m.boundAt > at) ? m : undefined;
  };
  for (let j = 2; j < toks.length; j++) {
    if (!isP(toks[j], '(') || !isId(toks[j - 1]) || match[j] < 0) continue;
    const self = isP(toks[j - 2], '.') && toks[j - 3]?.v === 'self';
    if (isP(toks[j - 2], '.') && !self) continue;
    if (toks[j - 2]?.v === 'def' || toks[j - 2]?.v === 'class') continue;
    const key = self ? `self.${toks[j - 1].v}` : toks[j - 1].v;
    const first = self ? j - 3 : j - 1;
    // A module's `self.prog(…)` runs when its class is made in the file (a class nothing makes sends nothing).
    if (self && !classMade(c, j, classes)) continue;
    const ev = nearest(evals.get(key), j, key);
    const mod = ev ? undefined : nearest(made.get(key), j, key);
    const lm = ev || mod ? undefined : nearest(lmNames.get(key), j, key);
    if (sites.length >= MAX_SITES) break;
    if (mod && mod.at !== j - 1) pushSite(c, sites, mod, first, j, statedLoop(c, first, j), lms, languageId);
    if (ev) evalSite(c, sites, ev, first, j, nearest, eqs, made, lms, languageId);
    if (lm) lmCallSite(c, sites, lm, first, j, languageId);
  }
  for (const { m, call } of direct) {
    if (m.kind === 'Evaluate') evalSite(c, sites, m, dspyStart(c, m.at), call, nearest, eqs, made, lms, languageId);
    else pushSite(c, sites, m, dspyStart(c, m.at), call, undefined, lms, languageId);
  }
  return sites;
}

const dspyStart = (c: Ctx, at: number) => (isP(c.toks[at - 1], '.') ? (c.toks[at - 3]?.v === 'dspy' ? at - 4 : at - 2) : at);

/** `evaluate(program, …)`: the program's module, made in view, run once per example of the devset. */
function evalSite(c: Ctx, sites: CallSite[], ev: Made, first: number, open: number, nearest: Nearest, eqs: Map<string, number[]>, made: Map<string, Made[]>, lms: LmIndex, languageId: string): void {
  const close = c.match[open];
  let p = kwarg(c, open, close, 'program');
  if (p < 0) p = positional(c, open, close, 0);
  if (p < 0) return;
  let mod: Made | undefined;
  const inline = dspyCall(c, isP(c.toks[p + 1], '.') ? p + 2 : p, MODULES, new Set(MODULES));
  if (inline > 0) mod = { kind: c.toks[inline - 1].v, at: inline - 1, open: inline, close: c.match[inline], boundAt: inline - 1 };
  else if (isId(c.toks[p]) && (isP(c.toks[p + 1], ',') || p + 1 >= close)) mod = nearest(made.get(c.toks[p].v), open, c.toks[p].v);
  if (!mod) return;
  const own = kwarg(c, open, close, 'devset');
  const [dev, devClose] = own >= 0 ? [own, close] : [kwarg(c, ev.open, ev.close, 'devset'), ev.close];
  pushSite(c, sites, mod, first, open, devsetRun(c, dev, devClose, { start: c.toks[first].start, end: c.toks[close].end }, eqs), lms, languageId, true);
}

/** One call per example: a literal list's length, else known at run time. */
function devsetRun(c: Ctx, dev: number, close: number, span: Span, eqs: Map<string, number[]>): RunSite {
  const end = dev >= 0 ? valueEnd(c, dev, close) : -1;
  const what = dev >= 0 ? c.text.slice(c.toks[dev].start, c.toks[Math.max(dev, end - 1)].end).replace(/\s+/g, ' ') : 'devset';
  const eq = dev >= 0 && isId(c.toks[dev]) && end === dev + 1 ? lastBelow(eqs.get(c.toks[dev].v), dev, (e) => e) ?? -1 : -1;
  const named = eq >= 0 && isP(c.toks[eq + 1], '[') ? eq + 1 : -1;
  if (named >= 0) dev = named;
  const base = { kind: 'loop' as const, growsHistory: false, anchor: { ...span }, extent: { ...span } };
  if (dev >= 0 && isP(c.toks[dev], '[') && c.match[dev] > dev) {
    let n = 0;
    for (let k = dev + 1; k < c.match[dev]; k = valueEnd(c, k, c.match[dev]) + 1) n++;
    if (!c.toks.slice(dev, c.match[dev]).some((t) => t.v === 'for')) return { ...base, turns: n, turnsSource: 'code', turnsFrom: `dspy.Evaluate: one call per example, ${n} in devset` };
  }
  return { ...base, turnsSource: 'setting', turnsFrom: `dspy.Evaluate: one call per example of ${what.length > 60 ? what.slice(0, 57) + '…' : what} (how many known at run time)` };
}

function pushSite(c: Ctx, sites: CallSite[], mod: Made, first: number, open: number, run: RunSite | undefined, lms: LmIndex, languageId: string, perExample = false): void {
  const { toks, match } = c;
  const close = match[open];
  if (sites.some((s) => s.anchor.start === toks[open - 1].start)) return;
  const span: Span = { start: toks[first].start, end: toks[close].end };
  const site: CallSite = {
    shape: 'dspy.module', sdk: 'DSPy', languageId, span, anchor: { start: toks[open - 1].start, end: toks[open].end },
    request: { start: toks[mod.at].start, end: toks[mod.close].end }, limitParam: DSPY_LIMIT_PARAM, parts: [], messages: 2, batchable: false,
  };
  c.read?.push({ start: toks[mod.at].start, end: toks[mod.close].end });
  readLm(c, site, mod, open, close, lms);
  const sigAt = kwarg(c, mod.open, mod.close, 'signature') >= 0 ? kwarg(c, mod.open, mod.close, 'signature') : positional(c, mod.open, mod.close, 0);
  const read = sigAt >= 0 ? readSignature(c, sigAt) : 'signature';
  let sig: Signature | undefined = typeof read === 'string' ? undefined : read;
  if (sig && mod.kind === 'ChainOfThought') sig = withReasoning(sig);
  const react = sig && mod.kind === 'ReAct' ? reactSignature(c, sig, mod.open, mod.close) : undefined;
  if (react) sig = react.sig;
  const inputs = sig ? inputParts(c, sig, open, close, perExample) : [];
  if (!sig) site.parts.push({ text: '', span: site.request!, resolved: false, label: `${read}: the ChatAdapter's messages for it` });
  else {
    const t = adapterText(sig);
    site.parts.push({ text: t.system, span: { ...sig.span }, resolved: true });
    sig.inputs.forEach((f, k) => {
      site.parts.push({ text: t.userHeaders[k], span: { ...sig!.span }, resolved: true });
      site.parts.push(...inputs[k]);
    });
    site.parts.push({ text: t.userTail, span: { ...sig.span }, resolved: true });
    for (const u of [...t.unknown, ...(react?.unknown ?? [])]) site.parts.push({ text: '', span: { ...sig.span }, resolved: false, label: u });
  }
  // A compiled (or loaded) program sends its optimizer's demos as earlier turns (adapters/base.py:429 format_demos).
  if (mod.compiled) site.parts.push({ text: '', span: site.request!, resolved: false, label: 'few-shot demos an optimizer adds (run time)' });
  if (mod.kind === 'ReAct') site.run = dspyReactRun(c, mod, span);
  else if (run) site.run = run;
  sites.push(site);
}

/** The values given each input field: a keyword argument of the call, else (or under Evaluate) the example's, run time. */
function inputParts(c: Ctx, sig: Signature, open: number, close: number, perExample: boolean): PromptPart[][] {
  return sig.inputs.map((f) => {
    const at = perExample ? -1 : kwarg(c, open, close, f.name);
    const span = { start: c.toks[open].start, end: c.toks[close].end };
    // ReAct's trajectory is named once, as growing (dspy-react.ts).
    if (at < 0 && f.name === 'trajectory' && sig.outputs.some((o) => o.name === 'next_tool_args')) return [];
    if (at < 0) return [{ text: '', span, resolved: false, label: `value of input field ${f.name} (${perExample ? "each example's" : 'run time'})` }];
    const out: PromptPart[] = [];
    collectParts(c, at, valueEnd(c, at, close), out);
    return out.length ? out : [{ text: '', span, resolved: false, label: `value of input field ${f.name} (run time)` }];
  });
}

/** The LM the call runs on, in DSPy's order: the call's `lm=`, `prog.set_lm(lm)`, then `with dspy.context(lm=…)` around
 * the call, then the last `dspy.configure(lm=…)` before it. Its model and `max_tokens`, or the module's own `max_tokens`
 * (Predict(sig, **config) passes config to the LM, predict.py:58, 147). */
function readLm(c: Ctx, site: CallSite, mod: Made, open: number, close: number, lms: LmIndex): void {
  const { toks } = c;
  let v = kwarg(c, open, close, 'lm');
  if (v < 0) v = setLm(c, mod, open);
  if (v < 0) v = contextLm(c, open);
  const own = kwarg(c, mod.open, mod.close, 'max_tokens');
  if (own >= 0) setLimit(c, site, own, mod.close);
  if (v < 0) {
    site.modelUnresolved = 'the LM dspy.configure(lm=…) sets (not in this file)';
    if (own < 0) site.maxOutputUnresolved = 'max_tokens of the LM dspy.configure(lm=…) sets (not in this file)';
    return;
  }
  // `lm=lm`: the name's nearest `dspy.LM(…)` before its use.
  let lm: Made | undefined;
  const inline = isP(toks[v + 1], '.') && toks[v].v === 'dspy' ? v + 2 : v;
  if (toks[inline]?.v === 'LM' && isP(toks[inline + 1], '(')) lm = lms.byAt.get(inline);
  else if (isId(toks[v])) lm = lastBelow(lms.byName.get(toks[v].v), v, (m) => m.at);
  if (!lm) {
    const what = c.text.slice(toks[v].start, toks[Math.max(v, valueEnd(c, v, toks.length) - 1)].end);
    site.modelUnresolved = `${what} (an LM made elsewhere)`;
    if (own < 0) site.maxOutputUnresolved = `max_tokens of ${what} (an LM made elsewhere)`;
    return;
  }
  c.read?.push({ start: toks[lm.at].start, end: toks[lm.close].end });
  let m = kwarg(c, lm.open, lm.close, 'model');
  if (m < 0) m = positional(c, lm.open, lm.close, 0);
  const model = m >= 0 ? readModel(c, m, valueEnd(c, m, lm.close)) : undefined;
  if (model && 'ref' in model) site.model = model.ref;
  else site.modelUnresolved = model?.unresolved ?? 'model of dspy.LM(…)';
  dspyRefusal(c, site, lm);
  if (own < 0) {
    const lim = kwarg(c, lm.open, lm.close, 'max_tokens');
    if (lim >= 0) setLimit(c, site, lim, lm.close);
  }
}

function setLimit(c: Ctx, site: CallSite, at: number, close: number): void {
  const n = readNumber(c, at, valueEnd(c, at, close));
  if (n) site.maxOutput = { ...n, key: 'max_tokens' } as LimitRef;
  else site.maxOutputUnresolved = c.text.slice(c.toks[at].start, c.toks[Math.max(at, valueEnd(c, at, close) - 1)].end);
}

/** The file's LM settings, found once: `NAME.set_lm(x)` (receiver, value) and `dspy.configure(lm=…)` /
 * `dspy.settings.configure(lm=…)` / `with dspy.context(lm=…):` (its value, and the end of the with block). */
interface LmSettings { setLms: [number, string, number][]; sets: { k: number; lm: number; blockEnd?: number }[] }
const SETTINGS = new WeakMap<object, LmSettings>();

function lmSettings(c: Ctx): LmSettings {
  let out = SETTINGS.get(c.toks);
  if (out) return out;
  out = { setLms: [], sets: [] };
  const { toks, match } = c;
  for (let k = 2; k + 1 < toks.length; k++) {
    const v = toks[k].v;
    if (!isP(toks[k + 1], '(') || !isP(toks[k - 1], '.') || match[k + 1] < 0) continue;
    if (v === 'set_lm' && isId(toks[k - 2])) out.setLms.push([k, toks[k - 2].v, k + 2]);
    if (v !== 'configure' && v !== 'context') continue;
    if (toks[k - 2].v !== 'dspy' && !(toks[k - 2].v === 'settings' && toks[k - 4]?.v === 'dspy')) continue;
    const lm = kwarg(c, k + 1, match[k + 1], 'lm');
    if (lm < 0) continue;
    if (v === 'configure') out.sets.push({ k, lm });
    else {
      const colon = match[k + 1] + 1;
      if (isP(toks[colon], ':') && toks.slice(Math.max(0, k - 4), k).some((t) => t.v === 'with')) out.sets.push({ k, lm, blockEnd: pyBlockEnd(c, colon + 1, colon) });
    }
  }
  SETTINGS.set(c.toks, out);
  return out;
}

/** `name.set_lm(x)` before the call on the module's own name: x's first token, or -1. */
function setLm(c: Ctx, mod: Made, before: number): number {
  const name = boundName(c, mod.at);
  if (!name || name.startsWith('self.')) return -1;
  let found = -1;
  for (const [k, recv, v] of lmSettings(c).setLms) if (k > mod.close && k < before && recv === name) found = v;
  return found;
}

/** The lm= of the `with dspy.context(lm=…):` whose block holds the call, else of the last `dspy.configure(lm=…)` /
 * `dspy.settings.configure(lm=…)` before it, else of the file's only one (a `main()` above the configure that runs it). */
function contextLm(c: Ctx, at: number): number {
  let found = -1;
  let ctx = -1;
  const after: number[] = [];
  for (const { k, lm, blockEnd } of lmSettings(c).sets) {
    if (blockEnd !== undefined) {
      if (k < at && blockEnd > at) ctx = lm;
    } else if (k < at) found = lm;
    else after.push(lm);
  }
  if (ctx >= 0) return ctx;
  // The file's only configure, after the call: it holds when the call is in a function the module runs later.
  return found >= 0 || after.length !== 1 || enclosingDef(c, at) < 0 ? found : after[0];
}

/** The file's DSPy rows added to `sites`, in text order. */
export function addDspySites(c: Ctx, languageId: string, sites: CallSite[]): void {
  const more = dspySites(c, languageId);
  if (!more.length) return;
  // A row's LM, limit and runs come from anywhere in the file (the last `dspy.configure`, a `with dspy.context` block,
  // `set_lm`, the names modules and devsets are bound to): any edit of the file is seen by the keystroke path.
  c.read?.push({ start: 0, end: c.text.length });
  // dspy.LM's own max_tokens in the releases that send one, else LiteLLM's for Claude in the pinned releases that do.
  for (const s of more) { dspyDefaultLimit(c, s); litellmPinLimit(c, s); }
  sites.push(...more);
  sites.sort((a, b) => a.span.start - b.span.start);
}

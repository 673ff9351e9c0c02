// Python: a factory that picks its chat model by the argument it is given, `def create_model(model="4o-mini"):` with
// `match model:` / `case "deepseek": return init_chat_model("ollama:deepseek-r1:latest")` arms, or an `if model ==
// "x":` / `elif` / `else` chain (held61 yoichiojima-2/llm-experiments src/llm_experiments/llm.py). Read with its
// caller's arguments bound (arg-frames.ts), the arm the argument selects makes the model: `create_model("deepseek")`
// is the Ollama model, `create_model()` the default's arm. Before, the first construction in the body was taken for
// every caller (gpt-4o-mini, with "Set max_tokens to 600", for the deepseek, llama and o3-mini callers). An argument
// known only at run time (`create_model(args.model)`) can select any arm: the first is read and the others' models are
// its alternatives, so analyze.ts prices the dearest and names the rest (issue 11: several values, the worst case).
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { known } from './case-arms';
import type { EvalScope, Value } from './value';
import type { Made } from './runnable-made';
import type { Found } from './keys';
import type { Via } from './call-shape-types';
import type { Ctx } from './values';
import type { LimitRef, ModelRef } from '../types';
import { argIndex, readModel } from './values';
import { madeKeys } from './made-args';
import { splitProvider } from './provider-prefix';
import { indentAt } from './py-arms';
import { underArgs } from './arg-frames';
import { limitParamFor } from './call-shapes';

/** Tokens walked back from a construction to the headers of its blocks, at most. */
const MAX_WALK = 2000;
/** Arms read as alternatives, at most. */
const MAX_ARMS = 8;

/** How a construction's arm relates to the subject its branch tests: taken, not taken, undecided, or in no arm. */
export type ArmState = 'taken' | 'not' | 'unknown' | 'none';

/** One known text or number (case-arms.ts), else undefined; Python's `None` (a default arg-frames.ts gives as the text
 * "None", which `provider or os.getenv(…)` would take as set) is no label's value: undecided. */
const decided = (v: Value | undefined): string | undefined => (v?.str === 'None' ? undefined : known(v));

/**
 * The nearest token before toks[at] (after `from`, brackets skipped) first on its line at an indentation below `col`:
 * the header of the block holding it; with `same`, the nearest at exactly `col` (the previous arm's header), -1 when a
 * shallower line comes first.
 */
function lineBefore(s: EvalScope, at: number, from: number, col: number, same = false): number {
  const { toks, match, text } = s;
  for (let k = at - 1, n = 0; k > from && n < MAX_WALK; k--, n++) {
    if (match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    const i = indentAt(text, toks[k].start);
    if (i >= 0 && i < col) return same ? -1 : k;
    if (same && i === col) return k;
  }
  return -1;
}

/** The tokens of a header line from toks[k + 1] up to its `:` (exclusive). */
function headerEnd(toks: Token[], match: Int32Array | number[], k: number): number {
  let j = k + 1;
  while (j < toks.length && !isP(toks[j], ':')) j = match[j] > j ? match[j] + 1 : j + 1;
  return j;
}

/** The literal labels of `case "a" | "b":` (null: `case _:`); undefined when a label is anything else. */
function caseLabels(s: EvalScope, k: number): (string | null)[] | undefined {
  const { toks, match } = s;
  const end = headerEnd(toks, match, k);
  const out: (string | null)[] = [];
  for (let j = k + 1; j < end; j += 2) {
    const tk = toks[j];
    if (tk.t === T.Str && !tk.holes?.length) out.push(tk.v);
    else if (isId(tk) && tk.v === '_' && end === k + 2) out.push(null);
    else return undefined;
    if (j + 1 < end && !isP(toks[j + 1], '|')) return undefined;
  }
  return out.length ? out : undefined;
}

/** `if SUBJ == "x"`, `"x" == SUBJ`, `SUBJ in ("a", "b")`: the subject's range and the values that take the arm. */
function ifTest(s: EvalScope, k: number): { subj: [number, number]; values: string[] } | undefined {
  const { toks, match } = s;
  const end = headerEnd(toks, match, k);
  const a = k + 1;
  const str = (j: number) => (toks[j]?.t === T.Str && !toks[j].holes?.length ? toks[j].v : undefined);
  if (end === a + 3 && isP(toks[a + 1], '==') && isId(toks[a]) && str(a + 2) !== undefined) return { subj: [a, a + 1], values: [str(a + 2)!] };
  if (end === a + 3 && isP(toks[a + 1], '==') && isId(toks[a + 2]) && str(a) !== undefined) return { subj: [a + 2, a + 3], values: [str(a)!] };
  if (isId(toks[a]) && toks[a + 1]?.v === 'in' && (isP(toks[a + 2], '(') || isP(toks[a + 2], '[')) && match[a + 2] === end - 1) {
    const values: string[] = [];
    for (let j = a + 3; j < end - 1; j += 2) {
      const v = str(j);
      if (v === undefined || !(isP(toks[j + 1], ',') || j + 1 === end - 1)) return undefined;
      values.push(v);
    }
    return values.length ? { subj: [a, a + 1], values } : undefined;
  }
  return undefined;
}

/**
 * The arm of the construction at toks[at] (in the function body from token `from`): is it one the branch's subject, known
 * with the caller's arguments bound, takes? Only `match` / `case` arms with literal labels and `if` / `elif` / `else`
 * chains testing one name against literals decide; any other block is 'none', an undecidable test 'unknown'.
 */
export function pyArmState(s: EvalScope, at: number, from: number, depth = 0): ArmState {
  const { toks, text } = s;
  const ind = indentAt(text, toks[at].start);
  const line = ind >= 0 ? at : lineFirst(s, at);
  const col = indentAt(text, toks[line].start);
  const h = col > 0 ? lineBefore(s, line, from, col) : -1;
  if (h < 0) return 'none';
  // The block's header to the construction is read (`if` -> `ixf` unmakes the arm): live for the keystroke path.
  s.read?.push({ start: toks[h].start, end: toks[at].end });
  const kw = toks[h].v;
  if (kw === 'case') {
    const labels = caseLabels(s, h);
    const m = lineBefore(s, h, from, indentAt(text, toks[h].start));
    if (m >= 0) s.read?.push({ start: toks[m].start, end: toks[h].end });
    if (!labels || m < 0 || toks[m].v !== 'match') return 'unknown';
    const want = decided(evaluate(s, m + 1, headerEnd(toks, s.match, m), depth + 1));
    if (want === undefined) return 'unknown';
    if (labels.includes(want)) return 'taken';
    if (!labels.includes(null)) return 'not';
    return siblingCases(s, m, h).some((l) => l.includes(want)) ? 'not' : 'taken';
  }
  if (kw !== 'if' && kw !== 'elif' && kw !== 'else') return 'none';
  const chain = ifChain(s, h, from);
  if (!chain) return 'unknown';
  s.read?.push({ start: toks[chain[0]].start, end: toks[h].end });
  let prior = false;
  for (const k of chain) {
    const test = toks[k].v === 'else' ? undefined : ifTest(s, k);
    if (toks[k].v !== 'else' && !test) return 'unknown';
    const want = test ? decided(evaluate(s, test.subj[0], test.subj[1], depth + 1)) : undefined;
    if (test && want === undefined) return 'unknown';
    const hit: boolean = test ? test.values.includes(want!) : !prior;
    if (k === h) return hit && !prior ? 'taken' : 'not';
    prior ||= hit;
  }
  return 'unknown';
}

/** The first token of the line holding toks[at]. */
function lineFirst(s: EvalScope, at: number): number {
  const nl = s.text.lastIndexOf('\n', s.toks[at].start);
  let k = at;
  while (k > 0 && s.toks[k - 1].start > nl) k--;
  return k;
}

/** The labels of the other `case` arms of the `match` at toks[m], before toks[self]. */
function siblingCases(s: EvalScope, m: number, self: number): (string | null)[][] {
  const col = indentAt(s.text, s.toks[self].start);
  const out: (string | null)[][] = [];
  for (let k = m + 1; k < self; k++) {
    if (isId(s.toks[k]) && s.toks[k].v === 'case' && indentAt(s.text, s.toks[k].start) === col) out.push(caseLabels(s, k) ?? []);
  }
  return out;
}

/** The `if` / `elif` / `else` headers of the chain holding the arm at toks[h], in order up to it; undefined when not read. */
function ifChain(s: EvalScope, h: number, from: number): number[] | undefined {
  const { toks, text } = s;
  const col = indentAt(text, toks[h].start);
  const chain = [h];
  for (let k = h; toks[k].v !== 'if'; ) {
    const prev = lineBefore(s, k, from, col, true);
    if (prev < 0 || !['if', 'elif'].includes(toks[prev].v)) return undefined;
    chain.unshift((k = prev));
  }
  return chain;
}

/**
 * Of a Python helper's constructions (in body order), the one it returns for the call being read: those in arms the
 * bound subject does not take are dropped; when the first left is in an undecided arm, the others left are its
 * alternatives.
 */
export function chooseArm(s: EvalScope, made: Made[], from: number): Made {
  const states = made.map((m) => pyArmState(s, m.at, from));
  const left = made.filter((_, i) => states[i] !== 'not');
  // No arm takes the subject (a value read wrong, or one the helper raises on): every arm, as for an unknown one.
  if (!left.length) return { ...made[0], alts: made.slice(1, MAX_ARMS) };
  const first = left[0];
  if (states[made.indexOf(first)] !== 'unknown' || left.length === 1) return first;
  return { ...first, alts: left.slice(1, MAX_ARMS) };
}

/**
 * What the other arms' constructions (chooseArm) set, added to what the first one's reading found: their models as
 * alternatives (analyze.ts prices the dearest and names the others, each with where it is made); the largest limit
 * when every arm sets one, run time when only some do (never "add a limit" where an arm has one, nor another arm's).
 */
export function addArmValues(m: Ctx, via: Via, made: Made, inner: Found): void {
  if (!made.alts) return;
  const model = inner.model && 'ref' in inner.model ? inner.model.ref : undefined;
  const others: string[] = [];
  const otherSources: NonNullable<ModelRef['otherSources']> = {};
  const otherArms: NonNullable<ModelRef['otherArms']> = {};
  const own = model?.provider ?? made.provider;
  const limits: (LimitRef | undefined)[] = [inner.limit];
  for (const alt of made.alts) {
    const close = m.match[alt.open];
    if (close < 0) continue;
    const f: Found = { parts: [], messages: 0 };
    // Under the call's arguments, as the first arm's keys are read (bound.ts): `ChatOpenAI(model=model_name)`.
    underArgs(m, made.bind, () => {
      madeKeys(m, f, alt.open + 1, close);
      const modelArg = alt.modelArg ?? via.modelArg;
      if (!f.model && modelArg !== undefined) f.model = readModel(m, argIndex(m, alt.open + 1, close, modelArg), close);
    });
    const prefix = alt.providerPrefix ?? via.providerPrefix;
    if (f.model && 'ref' in f.model && prefix) splitProvider(f, prefix);
    limits.push(f.limit);
    const r = f.model && 'ref' in f.model ? f.model.ref : undefined;
    if (!model || !r || r.id === model.id || others.includes(r.id)) continue;
    others.push(r.id);
    otherSources[r.id] = { file: m.file, offset: r.span.start, what: 'model of another arm of the branch' };
    // Another vendor's class (`case "claude": return ChatAnthropic(…)` beside `ChatOpenAI(…)`): priced by its own sheet.
    const provider = r.provider ?? alt.provider;
    if (provider && own && provider.toLowerCase() !== own.toLowerCase()) otherArms[r.id] = { provider, ...(alt.limitParam ? { limitParam: limitParamFor({ limitParam: alt.limitParam }, m.syn.id) } : {}) };
  }
  if (model && others.length) {
    inner.model = { ref: { ...model, others: [...(model.others ?? []), ...others], otherSources: { ...model.otherSources, ...otherSources } } };
    if (Object.keys(otherArms).length) inner.model.ref.otherArms = { ...model.otherArms, ...otherArms };
  }
  const set = limits.filter((l): l is LimitRef => !!l);
  if (!set.length) return;
  if (set.length < limits.length) {
    inner.limit = undefined;
    inner.limitUnresolved ??= `${set[0].key} (set in some arms of the branch only; the arm is chosen at run time)`;
    return;
  }
  const top = set.reduce((a, b) => (b.value > a.value ? b : a));
  const rest = [...new Set(set.map((l) => l.value).filter((v) => v !== top.value))];
  inner.limit = rest.length ? { ...top, others: rest } : top;
}

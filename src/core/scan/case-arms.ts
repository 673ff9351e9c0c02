// A helper's `return` under a switch case its argument does not select: `getPrompt("assistant", cfg)` whose body is
// `switch (role) { case "developer": return A; case "assistant": return B; }` returns B, not the longer A (held-out
// Patrykbarc/ats-resume-analyzer; the same form in Go `switch role { case "a", "b": … }`, Java, C#, PHP). Only a
// subject known here (an argument bound to the parameter, arg-frames.ts, or a constant) and case labels that are
// literals or constants (`case MODELS.SEARCH:`) decide; anything else leaves every return a value the helper can give.
// A subject whose values are the call's models (`getSystemPrompt(model)` with `model` from callers that pass different
// ones) takes the one a re-read of the call prices (model-arms.ts): the prompt counted is that model's arm.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** Tokens walked back from a return at most. */
const MAX_WALK = 4000;

const SWITCH_LANGS = new Set(['javascript', 'go', 'java', 'csharp', 'php']);

/** The model a re-read of a call prices, among `ids` (all the call's models), set by model-arms.ts. */
let pin: { id: string; ids: ReadonlySet<string> } | undefined;
/** The values of subjects met with several values while a call is read (model-arms.ts asks), when collecting. */
let seen: string[][] | undefined;

/** Runs `read` with the subjects it meets collected (their values); restores an outer collection. */
export function collectSubjects<T>(read: () => T): [T, string[][]] {
  const outer = seen;
  seen = [];
  try {
    const out = read();
    return [out, seen];
  } finally {
    seen = outer;
  }
}

/** Runs `read` with a subject whose values are all among `ids` taken as `id`. */
export function withPinnedModel<T>(id: string, ids: ReadonlySet<string>, read: () => T): T {
  const outer = pin;
  pin = { id, ids };
  try {
    return read();
  } finally {
    pin = outer;
  }
}

export const pinned = () => pin !== undefined;

/** Is the `return` at toks[ret] (inside a body from `from`) under case labels that the switch's known subject never takes? */
export function caseNotTaken(s: EvalScope, ret: number, from: number, depth: number): boolean {
  if (!SWITCH_LANGS.has(s.syn.id)) return false;
  const { toks, match } = s;
  // No `case` written between the body's start and the return (most helpers): no arm to decide, and no walk.
  if (s.text.lastIndexOf('case', toks[ret].start) < toks[from].start) return false;
  let label = -1;
  for (let j = ret - 1, n = 0; j > from && n < MAX_WALK; j--, n++) {
    const tk = toks[j];
    if (tk.t !== T.Punct && tk.t !== T.Id) continue;
    if ((tk.v === '}' || tk.v === ')' || tk.v === ']') && match[j] >= 0 && match[j] < j) {
      j = match[j];
      continue;
    }
    if (isId(tk) && (tk.v === 'case' || tk.v === 'default') && label < 0) label = j;
    if (tk.v !== '{') continue;
    const subject = switchSubject(s, j);
    if (subject && label >= 0) return notTaken(s, subject, label, j, depth);
    label = -1;
  }
  return false;
}

/** The subject's token range of the switch whose body opens at toks[open]: `switch (x) {`, Go `switch x {`. */
function switchSubject(s: EvalScope, open: number): [number, number] | undefined {
  const { toks, match } = s;
  const before = toks[open - 1];
  if (isP(before, ')') && match[open - 1] >= 0 && toks[match[open - 1] - 1]?.v === 'switch') return [match[open - 1] + 1, open - 1];
  if (s.syn.id !== 'go') return undefined;
  for (let k = open - 1, n = 0; k >= 0 && n < 12; k--, n++) {
    if (isId(toks[k]) && toks[k].v === 'switch') return k + 1 < open ? [k + 1, open] : undefined;
    if (isP(toks[k], ';') || isP(toks[k], '{') || isP(toks[k], '}')) return undefined;
  }
  return undefined;
}

/** The arm whose labels end at `label` (the nearest `case` / `default` before the return) is not the subject's. */
function notTaken(s: EvalScope, [from, to]: [number, number], label: number, body: number, depth: number): boolean {
  const v = evaluate(s, from, to, depth + 1);
  const want = known(v) ?? modelSubject(v);
  if (want === undefined) return false;
  const arm = labels(s, label, depth);
  if (!arm) return false;
  if (arm.includes(want)) return false;
  // `default:` runs when no case of the switch takes the subject.
  if (arm.includes('\u0000default')) return allLabels(s, body, depth).includes(want);
  return true;
}

/** One value, known: a text without holes or a number. */
export const known = (v: Value | undefined) => (v?.runtime === undefined && !v?.holes?.length && !v?.others?.length ? v?.str ?? (v?.num !== undefined ? String(v.num) : undefined) : undefined);

/** A subject of several texts: the pinned model when they are all the call's models and it is one of them; else noted. */
function modelSubject(v: Value | undefined): string | undefined {
  if (v?.str === undefined || v.runtime !== undefined || v.holes?.length || !v.others?.length || !v.others.every((o) => typeof o === 'string')) return undefined;
  const all = [v.str, ...(v.others as string[])];
  if (pin && all.includes(pin.id) && all.every((x) => pin!.ids.has(x))) return pin.id;
  seen?.push(all);
  return undefined;
}

/** A label written as a constant (`MODELS.SEARCH`, `GPT4`, `openai.GPT4o`) from toks[k] up to its `:` (Go: or `,`). */
function constantLabel(s: EvalScope, k: number, depth: number): [string, number] | undefined {
  let j = k;
  while (isId(s.toks[j]) && isP(s.toks[j + 1], '.')) j += 2;
  if (!isId(s.toks[j]) || !(isP(s.toks[j + 1], ':') || (s.syn.id === 'go' && isP(s.toks[j + 1], ','))) || s.toks[j].v === 'default') return undefined;
  const v = known(evaluate(s, k, j + 1, depth + 1));
  return v === undefined ? undefined : [v, j + 1];
}

/** The literal values of the labels of one arm (consecutive `case A: case B:` and Go `case "a", "b":`); undefined when one is not a literal. */
function labels(s: EvalScope, at: number, depth: number): string[] | undefined {
  const { toks } = s;
  const out: string[] = [];
  let k = at;
  for (;;) {
    if (toks[k].v === 'default') out.push('\u0000default');
    else {
      for (let j = k + 1; ; j += 2) {
        const tk = toks[j];
        const named = isId(tk) ? constantLabel(s, j, depth) : undefined;
        if (named) {
          out.push(named[0]);
          j = named[1] - 1;
        } else if (tk?.t !== T.Str && tk?.t !== T.Num) return undefined;
        else if (tk.t === T.Str && tk.holes?.length) return undefined;
        else out.push(tk.v);
        if (!isP(toks[j + 1], ',')) break;
      }
    }
    // The previous label of the same arm: `case A:` right before this one (JS / Java / C# / PHP fall through).
    const prev = previousLabel(s, k);
    if (prev < 0) return out;
    k = prev;
  }
}

/** The `case` / `default` whose label ends right before toks[k], or -1. */
function previousLabel(s: EvalScope, k: number): number {
  const { toks } = s;
  if (!isP(toks[k - 1], ':')) return -1;
  for (let j = k - 2, n = 0; j >= 0 && n < 16; j--, n++) {
    if (isId(toks[j]) && (toks[j].v === 'case' || toks[j].v === 'default')) return j;
    if (toks[j].t !== T.Str && toks[j].t !== T.Num && !isP(toks[j], ',') && !isP(toks[j], '.') && !isId(toks[j])) return -1;
  }
  return -1;
}

/** Every literal case label directly in the switch body opening at toks[open]. */
function allLabels(s: EvalScope, open: number, depth: number): string[] {
  const { toks, match } = s;
  const out: string[] = [];
  for (let k = open + 1; k < match[open]; k = isP(toks[k], '{') && match[k] > k ? match[k] + 1 : k + 1) {
    if (!isId(toks[k]) || toks[k].v !== 'case') continue;
    const named = isId(toks[k + 1]) ? constantLabel(s, k + 1, depth) : undefined;
    if (named) out.push(named[0]);
    else if (toks[k + 1]?.t === T.Str || toks[k + 1]?.t === T.Num) out.push(toks[k + 1].v);
  }
  return out;
}

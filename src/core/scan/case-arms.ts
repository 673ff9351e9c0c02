// A helper's `return` under a switch case its argument does not select: `getPrompt("assistant", cfg)` whose body is
// `switch (role) { case "developer": return A; case "assistant": return B; }` returns B, not the longer A (held-out
// Patrykbarc/ats-resume-analyzer; the same form in Go `switch role { case "a", "b": … }`, Java, C#, PHP). Only a
// subject known here (an argument bound to the parameter, arg-frames.ts, or a constant) and case labels that are
// literals decide; anything else leaves every return a value the helper can give.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import type { EvalScope } from './value';

/** Tokens walked back from a return at most. */
const MAX_WALK = 4000;

const SWITCH_LANGS = new Set(['javascript', 'go', 'java', 'csharp', 'php']);

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
  const want = v?.runtime === undefined && !v?.holes?.length && !v?.others?.length ? v?.str ?? (v?.num !== undefined ? String(v.num) : undefined) : undefined;
  if (want === undefined) return false;
  const arm = labels(s, label);
  if (!arm) return false;
  if (arm.includes(want)) return false;
  // `default:` runs when no case of the switch takes the subject.
  if (arm.includes('\u0000default')) return allLabels(s, body).includes(want);
  return true;
}

/** The literal values of the labels of one arm (consecutive `case A: case B:` and Go `case "a", "b":`); undefined when one is not a literal. */
function labels(s: EvalScope, at: number): string[] | undefined {
  const { toks } = s;
  const out: string[] = [];
  let k = at;
  for (;;) {
    if (toks[k].v === 'default') out.push('\u0000default');
    else {
      for (let j = k + 1; ; j += 2) {
        const tk = toks[j];
        if (tk?.t !== T.Str && tk?.t !== T.Num) return undefined;
        if (tk.t === T.Str && tk.holes?.length) return undefined;
        out.push(tk.v);
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
    if (toks[j].t !== T.Str && toks[j].t !== T.Num && !isP(toks[j], ',')) return -1;
  }
  return -1;
}

/** Every literal case label directly in the switch body opening at toks[open]. */
function allLabels(s: EvalScope, open: number): string[] {
  const { toks, match } = s;
  const out: string[] = [];
  for (let k = open + 1; k < match[open]; k = isP(toks[k], '{') && match[k] > k ? match[k] + 1 : k + 1) {
    if (isId(toks[k]) && toks[k].v === 'case' && (toks[k + 1]?.t === T.Str || toks[k + 1]?.t === T.Num)) out.push(toks[k + 1].v);
  }
  return out;
}

// The condition of a ternary (`typeof s === 'string' && KNOWN.includes(s) ? s : 'claude-3-opus-20240229'`,
// a VS Code setting checked before use): its value is known only at run time; the evaluator reads the arms.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { argFlag } from './arg-frames';
import { pick } from './lookup';
import { tables } from './scope';
import type { EvalScope, Value } from './value';
import { evaluate } from './evaluate';
import { SETTING_DEFAULT } from './ts-typed-defaults';

/** Comparisons (`!==` is lexed `!=` `=`) and `&&`: a condition's operators when a ternary's `?` follows. */
export const CONDITION_OPS = new Set(['===', '==', '!=', '<', '>', '<=', '>=', '&&']);

/** Tokens a condition's rest is read over before its `?`: a long chain is left alone (each expression scans once). */
const MAX_CONDITION = 64;

/** Operators that join the parts of a condition (`=` is the end of `!==`, lexed `!=` `=`). */
const JOINS = new Set(['&&', '||', '===', '==', '!=', '=', '<', '>', '<=', '>=', '.', '?.']);

/**
 * The `?` of a ternary at toks[k], or after the rest of its condition from toks[k] (`&& KNOWN.includes(s)`,
 * `|| !x`): operands (names, literals, calls) and operators in turn, brackets passed over; -1 when none follows. Two
 * operands in a row end it (the next statement of a file without semicolons).
 */
export function ternaryAfter(s: EvalScope, k: number, end: number): number {
  const { toks, match } = s;
  let operand = true;
  for (let n = 0; k < end && n < MAX_CONDITION; n++) {
    const tk = toks[k];
    if (!tk) return -1;
    if (isP(tk, '?')) return operand ? k : -1;
    if ((isP(tk, '(') || isP(tk, '[')) && match[k] > k && match[k] < end) [k, operand] = [match[k] + 1, true];
    else if (tk.t === T.Punct && JOINS.has(tk.v)) {
      if (tk.v === '=' && !isP(toks[k - 1], '!=') && !isP(toks[k - 1], '==')) return -1;
      [k, operand] = [k + 1, false];
    }
    else if (isP(tk, '!') || (tk.t === T.Id && tk.v === 'typeof')) {
      if (operand) return -1;
      k++;
    } else if ((tk.t === T.Id || tk.t === T.Str || tk.t === T.Num) && !operand) [k, operand] = [k + 1, true];
    else return -1;
  }
  return -1;
}

/**
 * The arms of the ternary whose condition is tokens [i, q) that can run: the one a flag parameter picks when the call
 * being read passes `true` / `false` or leaves it to its default (`customModel('gpt-4o')` over `(id, forReasoning =
 * false) => forReasoning ? getReasoningModel(id) : id`, nickscamara/open-deep-research lib/ai/index.ts); else both.
 */
export function ternaryArms(s: EvalScope, i: number, q: number, a: Value | undefined, b: Value | undefined, depth: number): (Value | undefined)[] {
  const { toks } = s;
  const not = isP(toks[i], '!') ? 1 : 0;
  const set = settingTest(s, i, q, depth);
  if (set !== undefined) return set ? [a] : [b];
  if (q !== i + not + 1 || !isId(toks[i + not])) return [a, b];
  const name = toks[i + not].v;
  const bd = pick(tables(s).binds.get(name), s, toks[i + not].start);
  const flag = bd?.kind === 'param' ? argFlag(s, bd.name, name, bd.value) : undefined;
  return flag === undefined ? [a, b] : (flag !== !!not) ? [a] : [b];
}

/**
 * `settings.provider === 'local'` (tokens [i, q)) of an app setting read at its default (ts-typed-defaults.ts): whether
 * the default passes, so that the arm the defaults pick is the one priced, as the setting is (held55 D1: the local
 * server's URL and model when `provider: 'local'` is the default). undefined for any other condition.
 */
function settingTest(s: EvalScope, i: number, q: number, depth: number): boolean | undefined {
  const { toks } = s;
  const lit = toks[q - 1];
  if (q - i < 3 || lit?.t !== T.Str || lit.holes?.length) return undefined;
  const ne = isP(toks[q - 2], '=') && isP(toks[q - 3], '!=');
  const op = ne ? q - 3 : q - 2;
  if (!ne && !isP(toks[op], '===') && !isP(toks[op], '==')) return undefined;
  for (let k = i; k < op; k++) if (!isId(toks[k]) && !isP(toks[k], '.')) return undefined;
  const v = evaluate(s, i, op, depth + 1);
  if (!v?.fallback || v.str === undefined || v.holes?.length || !v.source?.what.startsWith(SETTING_DEFAULT)) return undefined;
  return (v.str === lit.v) !== ne;
}

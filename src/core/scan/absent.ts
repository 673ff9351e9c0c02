// Values that may be absent in JavaScript: `KEY ? createOpenAI({…}) : undefined`, a model made only when a provider
// is (`fireworks ? wrapLanguageModel({…}) : undefined`), and `a ?? b`, which is b when a is absent.
import { isId } from '../lex/brackets';
import { statedSource, type EvalScope, type Value } from './value';

/**
 * `a or b` (Python), `a || b` (JavaScript), `a ?: b` (PHP) with a known to be "" or 0: a is falsy, so b is the value
 * (held63 A1 PuGaLo46/tg-bot main.py: `style_text = _cached_style or load_style_text()`, `_cached_style: str = ""`, was
 * "", so the prompt builder's fallback arm was counted and style.txt dropped). Ruby, Kotlin and `??` keep "" (truthy,
 * or not null).
 */
export function falsyLeft(s: EvalScope, v: Value, op: string): boolean {
  const lang = op === 'or' ? 'python' : op === '||' ? 'javascript' : op === '?:' ? 'php' : '';
  return s.syn.id === lang && v.runtime === undefined && !v.holes?.length && !v.others?.length && (v.str === '' || v.num === 0);
}

/** Is the branch at toks[from] the word `undefined` or `null` (Python `None`): no value? */
export function absentWord(s: EvalScope, from: number, v: Value | undefined): boolean {
  const tk = s.toks[from];
  return !v && isId(tk) && (tk.v === 'undefined' || tk.v === 'null' || (tk.v === 'None' && s.syn.id === 'python'));
}

/**
 * Python `[{"type": "text", "text": p, …}] if p else None` (AngeloRizzieri/gdrive-search-agent agent/agent.py, a system
 * payload sent only when a prompt is set): the list is what is sent when anything is, so it is read as the worst case;
 * `None` sends nothing (the SDKs omit the key).
 */
export function listOrNone(s: EvalScope, a: Value, b: Value | undefined, bAt: number): Value | undefined {
  return a.obj?.kind === 'table' && a.obj.scope.toks === s.toks && absentWord(s, bAt, b) ? a : undefined;
}

/**
 * `a ?? b` where a may be absent: both texts are values it can take (`deepModel ?? miniModel` is either model; the
 * first is kept, the other named, and the price lookup takes the dearest); b known only at run time leaves a.
 */
export function eitherOf(a: Value, b: Value | undefined): Value {
  const { absent: _, ...left } = a;
  // Numbers (a limit some configs set and others leave to `|| 4096`): the largest is priced, the others kept.
  if (b && b.runtime === undefined && a.num !== undefined && b.num !== undefined) {
    const hi: Value = b.num > a.num ? { ...b, absent: undefined } : left;
    const others = [...new Set([...(a.others ?? []), ...(b.others ?? []), a.num, b.num])].filter((o) => o !== hi.num);
    const { absent: __, ...top } = hi;
    return { ...top, ...(others.length ? { others } : {}), ...(b.absent ? { absent: true as const } : {}) };
  }
  if (!b || b.runtime !== undefined || a.str === undefined || b.str === undefined || a.holes?.length || b.holes?.length) return left;
  const others = [...new Set([...(a.others ?? []), b.str, ...(b.others ?? [])])].filter((o) => o !== a.str);
  const out: Value = others.length ? { ...left, others } : left;
  if (b.source && b.str !== a.str) out.otherSources = { ...a.otherSources, [b.str]: b.source };
  if (b.absent) out.absent = true;
  return out;
}

/**
 * `MODEL_ALIASES[model] ?? model`: the table's value for the keys it has, else the run-time value itself, so known
 * only at run time (Nutlope/llamacoder lib/constants.ts resolveModel); `TIERS[tier] ?? "gpt-4.1-nano"`: either of the
 * known values, both kept.
 */
export function lookupOr(hit: Value, b: Value | undefined, whole: () => string): Value {
  const { missable: _, ...known } = hit;
  return b?.runtime !== undefined ? { runtime: whole() } : eitherOf(known, b);
}

/** `x || d` / `x ?? d` where x is a member no object in view sets (a JSON key, a config key no caller passes): d,
 * named as the default it is. */
export function unsetOr(s: EvalScope, x: Value, d: Value, shown: string, offset: number): Value {
  return d.source ? d : { ...d, source: statedSource(s, `default of ${x.runtime || shown} (not set)`, d, offset) };
}

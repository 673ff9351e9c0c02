// A Python class with no `__init__` of its own (a dataclass, a pydantic or weave `Model`: fields declared in the
// class body) takes its fields as keywords where it is called: `scorer = Scorer(system_prompt=EVAL_PROMPT)` in the
// same file (wandb/openui eval/evaluate_weave.py, held-out sample 11). `self.system_prompt` in its methods is what
// those calls pass; a call that leaves the field out gives its default, else a run-time value.
import { isId, isP } from '../lex/brackets';
import { firstOnLine } from './body-ends';
import { evaluate } from './evaluate';
import { alternatives } from './branches';
import { calledNames } from './names-followed';
import { derived } from './py-constructors';
import { CALLERS } from './file-callers';
import { MAX_DEPTH, type EvalScope, type Value } from './value';
import { countBefore } from '../util/binary-search';
import { importers, isModuleCall, isPlainCall } from './js-callers';

/** Calls of the class read, at most. */
const MAX_CALLS = 16;
/** Tokens walked back from the use to its class's header. */
const MAX_CLASS_WALK = 20000;

/**
 * `self.<name>` at token `i` of a method of such a class: what the class's calls pass for it, in the file and, for a
 * public class of the module, in the modules that import it (`AIClient(default_model=app.config.get("AI_MODEL",
 * "gpt-5.2"))` in a Flask app factory: held-out apps of session 24). Calls that all pass a value known only at run
 * time give it (with the default it states, if any), never the field's own default: no call leaves the field out.
 */
export function fieldFromClassCalls(s: EvalScope, name: string, i: number, depth: number, dflt: () => Value | undefined): Value | undefined {
  if (s.syn.id !== 'python' || depth > MAX_DEPTH) return undefined;
  const cls = classAround(s, i);
  if (!cls) return undefined;
  const values: Value[] = [];
  const own = calledNames(s.toks).get(cls.name) ?? [];
  if (!passedIn(s, own, cls.name, name, depth, dflt, values)) return undefined;
  if (cls.public)
    for (const o of importers(s, cls.name)) {
      const calls = (calledNames(o.scope.toks).get(o.local) ?? []).filter((k) => (o.via ? isModuleCall(o.scope, k, o.via) : isPlainCall(o.scope, k)));
      if (!passedIn(o.scope, calls, o.via ? `${o.via}.${cls.name}` : o.local, name, depth, dflt, values)) return undefined;
    }
  if (!values.length) return undefined;
  if (values.every((v) => v.runtime !== undefined)) return values.find((v) => v.stated) ?? values[0];
  return alternatives(values, `self.${name} as ${cls.name}(…) is called`);
}

/** Adds to `values` what each call of the class at `calls` (name tokens of `s`) passes for field `name`; false when
 * one cannot be read (too many calls, an unmatched bracket). */
function passedIn(s: EvalScope, calls: number[], cls: string, name: string, depth: number, dflt: () => Value | undefined, values: Value[]): boolean {
  const { toks, match } = s;
  for (const k of calls) {
    const prev = toks[k - 1];
    if ((isId(prev) && prev.v === 'class') || (isP(prev, '.') && !isId(toks[k - 2]))) continue;
    if (isP(prev, '.') && !cls.includes('.')) continue;
    const open = k + 1;
    const close = match[open];
    if (close < open) return false;
    if (values.length >= MAX_CALLS) return false;
    let found: Value | undefined;
    let spread = false;
    for (let j = open + 1; j < close; j++) {
      const tk = toks[j];
      if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[j] > j) {
        j = match[j];
        continue;
      }
      if (isP(tk, '**') && (j === open + 1 || isP(toks[j - 1], ','))) spread = true;
      if (!isId(tk) || tk.v !== name || !isP(toks[j + 1], '=') || !(j === open + 1 || isP(toks[j - 1], ','))) continue;
      let e = j + 2;
      while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
      s.read?.push({ start: toks[j].start, end: toks[e - 1].end });
      found = evaluate(s, j + 2, e, depth + 1) ?? { runtime: s.text.slice(toks[j + 2].start, toks[e - 1].end) };
      break;
    }
    // `Scorer(**options)` may pass it: not known here.
    // Left out: its default, else run time, named by the call (a positional argument may give it: not read here).
    const written = s.text.slice(toks[k].start, toks[close].end);
    values.push(found ?? (spread ? undefined : dflt()) ?? { runtime: written.length <= 60 ? written : `${cls}(…)` });
  }
  return true;
}

/**
 * `self.<name>` at offset `pos` names a field the class's calls in the file give by keyword: its class default
 * (`instructions: str = "…"`) is then one value of several, read by fieldFromClassCalls, not the constant alone.
 */
export function passedToClass(s: EvalScope, name: string, pos: number): boolean {
  if (s.syn.id !== 'python') return false;
  const { toks, match } = s;
  const cls = classAround(s, countBefore(toks.length, (k) => toks[k].start < pos));
  if (!cls) return false;
  for (const k of calledNames(toks).get(cls.name) ?? []) {
    const open = k + 1;
    if (isP(toks[k - 1], '.') || toks[k - 1]?.v === 'class' || match[open] < open) continue;
    for (let j = open + 1; j < match[open]; j++) {
      if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
      else if (toks[j].v === name && isP(toks[j + 1], '=') && (j === open + 1 || isP(toks[j - 1], ','))) return true;
    }
  }
  return false;
}

/** The class whose body holds token `i`, when it defines no `__init__` and no class of the file derives from it. */
function classAround(s: EvalScope, i: number): { name: string; public: boolean } | undefined {
  const { toks, text } = s;
  const indentOf = (k: number) => toks[k].start - (text.lastIndexOf('\n', toks[k].start - 1) + 1);
  let head = Math.min(i, toks.length - 1);
  while (head > 0 && !firstOnLine(text, toks[head].start)) head--;
  let indent = indentOf(head);
  for (let k = head - 1; k >= 0 && i - k < MAX_CLASS_WALK && indent > 0; k--) {
    if (!firstOnLine(text, toks[k].start)) continue;
    const at = indentOf(k);
    if (at >= indent) continue;
    indent = at;
    if (!isId(toks[k]) || toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    const name = toks[k + 1].v;
    s.readNames?.add(name);
    if (derived(s, name) || ownInit(s, k, at)) return undefined;
    // Its calls are usually below the class: a prefix of the file cut before one must not trust the answer.
    s.forward?.add(CALLERS + name);
    // A class at the top of its module, its name not private, may be called in the modules that import it.
    return { name, public: at === 0 && !name.startsWith('_') };
  }
  return undefined;
}

/** A `def __init__` in the body of the class whose header is at token `head`, indented `at`. */
function ownInit(s: EvalScope, head: number, at: number): boolean {
  const { toks, text } = s;
  for (let k = head + 2; k < toks.length; k++) {
    if (firstOnLine(text, toks[k].start) && toks[k].start - (text.lastIndexOf('\n', toks[k].start - 1) + 1) <= at) return false;
    if (toks[k].v === '__init__' && toks[k - 1]?.v === 'def') return true;
  }
  return false;
}

// The arguments a helper is called with, bound to its parameters while its returns are read: `getModel(TOOL_NAME)`
// with `const TOOL_NAME = "finalizer"` reads `tools[toolName]` in getModel's body as `tools["finalizer"]`, and passes
// it on to the helpers getModel calls (`getToolConfig(toolName)`). Only a text or a number is bound; a parameter
// whose argument is known only at run time is read as before (its default, its same-file callers, or run time).
import { jsonObject } from './json-stringify';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Fn } from './function-forms';
import type { EvalScope, Value } from './value';

/** A call's arguments, evaluated in the caller's scope when a parameter asks for one. */
export interface CallArgs {
  list: { key?: string; from: number; to: number }[];
  value: (n: number) => Value | undefined;
  /** Bound whatever the language: a Python helper another module defines sees only this call's arguments. */
  bind?: true;
  /** The caller's scope, where `list` is (a literal `true` / `false` is read there: argFlag). */
  scope?: EvalScope;
  /** Python: the call passes no `*` / `**` spread, so a parameter it leaves out takes its literal default
   * (`get_llm()` → `model_size=None`, imported-runnables.ts). */
  all?: true;
  /** The one call whose helper is read for its row (fluent-helpers.ts): an argument known only at run time is run
   * time, not what the helper's other callers pass. */
  exact?: true;
}

export interface Frame {
  file: string;
  /** The parameter list's brackets (token indexes in `file`). */
  open: number;
  close: number;
  names: (string | undefined)[];
  args: CallArgs;
  /** A text with holes is bound too (a prompt read under the frame, not a key looked up with it). */
  texts?: boolean;
}

/** Helpers being read, innermost last (the evaluator is synchronous: a stack, emptied as each read ends). */
const frames: Frame[] = [];

/**
 * Runs `read` with `args` bound to the parameters of `f` (JavaScript / TypeScript and Java helpers; a Rust helper's messages
 * with `texts`, rust-message-vecs.ts). An object literal it returns keeps the bindings: its members are read later
 * (`toolConfig(name).model`), each under them.
 */
export function withArgs<T extends Value | undefined | number>(s: EvalScope, f: Fn, args: CallArgs | undefined, read: () => T, texts = false): T {
  // Java: `Type name` parameters, and a text with holes is bound (`toPrompt(TEMPLATE, docs, q)` returning
  // `template.apply(vars)`, a LangChain4j template: prompt-templates-jvm.ts).
  // C# likewise: `string name`, `string? name = "d"` (C# spec, Methods: parameters are `type identifier default?`).
  const java = s.syn.id === 'java' || s.syn.id === 'csharp';
  if (!args || (!args.list.length && !args.all) || (s.syn.id !== 'javascript' && !texts && !java && !args.bind)) return read();
  const { toks, match } = s;
  let open = -1;
  for (let k = f.name + 1; k < f.body; k++) {
    if (isP(toks[k], '(') && match[k] > k && match[k] < f.body) {
      open = k;
      break;
    }
  }
  if (open < 0) return read();
  const close = match[open];
  const names: (string | undefined)[] = [];
  for (let k = open + 1; k < close; ) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') || isP(toks[e], '<')) && match[e] > e ? match[e] + 1 : e + 1;
    // `name`, `name: Type`, `name = d`, `name?: Type`; a pattern or a rest parameter binds no one name. Rust's
    // `&self` / `mut self` is the receiver, no argument; `mut name: T` binds name.
    const first = s.syn.id === 'rust' && toks[k].v === 'mut' && isId(toks[k + 1]) ? k + 1 : k;
    // A Python method's `self` / `cls` is its receiver too (an instance's method read with the call's arguments).
    if ((s.syn.id === 'rust' && toks.slice(k, e).some((t) => t.v === 'self')) || (s.syn.id === 'python' && k === open + 1 && (toks[k].v === 'self' || toks[k].v === 'cls') && e === k + 1)) {
      k = e + 1;
      continue;
    }
    let last = e - 1;
    const eq = java ? toks.slice(k, e).findIndex((t) => isP(t, '=')) : -1;
    if (eq > 0) last = k + eq - 1;
    while (java && last > k && !isId(toks[last])) last--;
    names.push(java ? (isId(toks[last]) ? toks[last].v : undefined) : isId(toks[first]) ? toks[first].v : undefined);
    if (isP(toks[k], '...')) break;
    k = e + 1;
  }
  frames.push({ file: s.file, open, close, names, args, texts: texts || java });
  try {
    const v = read();
    return typeof v === 'object' && v?.obj?.kind === 'table' ? ({ ...v, obj: { ...v.obj, frames: frames.slice() } } as T) : v;
  } finally {
    frames.pop();
  }
}

/** Runs `read` (whatever it returns) with a call's arguments bound to the parameters of `bind.fn` (withArgs). */
export function underArgs<T>(s: EvalScope, bind: { fn: Fn; args: CallArgs } | undefined, read: () => T): T {
  if (!bind) return read();
  let out: T | undefined;
  withArgs(s, bind.fn, bind.args, () => void (out = read()));
  return out as T;
}

/** Runs `read` under the bindings an object literal was returned with (withArgs). */
export function inFrames<T>(saved: readonly Frame[] | undefined, read: () => T): T {
  if (!saved) return read();
  const outer = frames.splice(0);
  frames.push(...saved);
  try {
    return read();
  } finally {
    frames.splice(0);
    frames.push(...outer);
  }
}

/** Whether a helper of `s` being read binds a parameter `name` (C# `$"{name}.txt"` in `LoadPrompt(string name)`). */
export const framedName = (s: EvalScope, name: string) => frames.some((f) => f.file === s.file && f.names.includes(name));

/** The known argument a helper of `s` being read is passed for its parameter `name` (a JS template's hole naming it). */
export function framedValue(s: EvalScope, name: string): Value | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f.file === s.file && f.names.includes(name)) return f.close > f.open + 1 ? argValue(s, f.open + 1, name) : undefined;
  }
  return undefined;
}

/** The argument bound to the parameter `name` declared at token `at` of `s`, when a call being read passes a known one. */
export function argValue(s: EvalScope, at: number, name: string): Value | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f.file !== s.file || at <= f.open || at >= f.close) continue;
    const keyed = f.args.list.findIndex((a) => a.key === name);
    const n = keyed >= 0 ? keyed : f.names.indexOf(name);
    if (n < 0 || n >= f.args.list.length || (keyed < 0 && f.args.list[n].key !== undefined)) return f.args.all ? literalDefault(s, at, f.close) : undefined;
    // Evaluated with this frame off the stack: the argument is the caller's expression, read in the caller's frames.
    frames.splice(i, 1);
    let v: Value | undefined;
    try {
      v = f.args.value(n);
    } finally {
      frames.splice(i, 0, f);
    }
    if (v?.runtime !== undefined && f.args.exact) return v;
    // A prompt with holes that a Python helper of another module is passed (`fill(load(DIR, "check.txt"))` of a
    // `{{name}}` file) is this call's text: left unbound, the parameter took the dearest of its other callers' prompts
    // (held71 B1, Alerion/deutsch_tg_bot: 187 tokens priced as another file's 3,396). A key or model id stays unbound.
    const prose = f.args.bind && v?.str !== undefined && /\s/.test(v.str.trim());
    if (!v || v.runtime !== undefined || (v.holes?.length && !f.texts && !prose) || (v.str === undefined && v.num === undefined && !jsonObject(v))) return undefined;
    return v;
  }
  return undefined;
}

/**
 * The flag a call being read passes for the parameter `name` declared at token `at` of `s`, whose default is the
 * token `dflt` (`forReasoning = false`): `true` / `false` written in the call, the default where the call leaves it
 * out; undefined when no call binds it or it passes anything else.
 */
export function argFlag(s: EvalScope, at: number, name: string, dflt: number): boolean | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f.file !== s.file || at <= f.open || at >= f.close) continue;
    const n = f.names.indexOf(name);
    if (n < 0 || f.args.list.some((a) => a.key !== undefined)) return undefined;
    const d = s.toks[dflt];
    const stated = dflt >= 0 && (isP(s.toks[dflt + 1], ',') || isP(s.toks[dflt + 1], ')')) ? d?.v : undefined;
    if (n >= f.args.list.length) return stated === 'true' ? true : stated === 'false' ? false : undefined;
    const { from, to } = f.args.list[n];
    const lit = to === from + 1 ? f.args.scope?.toks[from] : undefined;
    return isId(lit) && lit.v === 'true' ? true : isId(lit) && lit.v === 'false' ? false : undefined;
  }
  return undefined;
}

/** A Python parameter's literal default (`model_size: Optional[str] = None`, `tier="large"`), the parameter's name at
 * token `at`: a text, a number, or `None` as the text Python prints for it; undefined for anything else. */
function literalDefault(s: EvalScope, at: number, close: number): Value | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'python') return undefined;
  let k = at + 1;
  while (k < close && !isP(toks[k], ',') && !isP(toks[k], '=')) k = match[k] > k ? match[k] + 1 : k + 1;
  if (!isP(toks[k], '=')) return undefined;
  const v = toks[k + 1];
  const end = isP(toks[k + 2], ',') || k + 2 === close;
  if (!v || !end) return undefined;
  if (v.t === T.Str && !v.holes?.length) return { str: v.v };
  if (v.t === T.Num && /^\d+$/.test(v.v)) return { num: Number(v.v) };
  return isId(v) && v.v === 'None' ? { str: 'None' } : undefined;
}

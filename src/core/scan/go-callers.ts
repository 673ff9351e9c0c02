// A Go parameter with no value of its own, read from the calls of its function in the same package:
// `func (c *ChatGPT) StreamChatWithHistory(ctx, msg, maxTokens int, …)` whose only caller passes `2000`
// (ConnectAI-E/feishu-openai code/services/openai/stream.go). Every caller passing a number: the largest, the others
// named; any caller passing a value known only at run time (or none found): left to run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import type { FileScope } from '../resolve/value-index';
import { exprEnd, tables, type Fn } from './scope';
import { armOf, enclosingOpen } from './go-fields';
import { callerValue } from './go-caller-values';
import { importerCalls } from './go-importers';
import { importerMethodCalls } from './go-method-importers';
import { receiverOf } from './go-methods';
import { goPackageName } from './go-decls';
import { evaluate } from './evaluate';
import { member } from './members';
import { alternatives } from './branches';
import { withCallers } from './caller-merge';
import { CALLERS, paramsOf, unlessBusy } from './file-callers';
import { calledNames } from './names-followed';
import { goArgCount } from './site-filters';
import { MAX_DEPTH, label, statedSource, type EvalScope, type Value } from './value';

/** Files a function's callers are looked for in, at most. */
const MAX_CALLER_FILES = 200;
/** Callers read for one parameter, at most. */
const MAX_CALLERS = 16;

/** The number every caller in the package passes for the parameter at token `param`, or undefined. */
export function goParamFromCallers(s: EvalScope, param: number, depth: number): Value | undefined {
  if (!s.index || depth > MAX_DEPTH) return undefined;
  const own = paramsOf(s).get(param);
  return own && unlessBusy(s, param, () => fromCallers(s, param, own.fn, own.pos, depth));
}

/**
 * `p.F` where p is a parameter of a struct type whose literals in the package differ (go-config.ts leaves those to run
 * time): the field of what each caller passes for p, a local holding a literal of the type or the literal itself
 * (`params := chatCompletionParams{model: constants.ResumeGenModel, maxTokens: 8000}; p.createChatCompletion(params)`,
 * Uchindami/easy-apply server/processors/openai_processor.go, three request builders sharing one sender). Merged as
 * plain parameters are: the dearest model priced and the others named, the largest number, per caller.
 */
export function goParamFieldFromCallers(s: EvalScope, param: number, field: string, depth: number): Value | undefined {
  if (!s.index || depth > MAX_DEPTH) return undefined;
  const own = paramsOf(s).get(param);
  return own && unlessBusy(s, param, () => fromCallers(s, param, own.fn, own.pos, depth, field));
}

function fromCallers(s: EvalScope, param: number, fn: Fn, pos: number, depth: number, field?: string): Value | undefined {
  const idx = s.index!;
  const { toks } = s;
  const name = toks[fn.name].v;
  const found: { v: Value; sc: EvalScope; at: number; call: number }[] = [];
  const pkg = goPackageName(s.text);
  // The number of parameters (undefined for a variadic one, `args ...string`, which takes any number).
  const arity = isP(toks[fn.name + 1], '(') && !s.text.slice(toks[fn.name + 1].start, toks[s.match[fn.name + 1]]?.end ?? 0).includes('...') ? (goArgCount(s.toks, fn.name + 1, s.match) ?? -1) : undefined;
  // Typing or deleting a call of the function in this file changes the answer (editor/incremental.ts), and so does
  // one the first-screen prefix cuts off (editor/prefix.ts), as for file-callers.ts.
  s.readNames?.add(name);
  s.forward?.add(CALLERS + name);
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, MAX_CALLER_FILES)) {
    const text = idx.text(f) ?? '';
    if (!text.includes(name + '(') || goPackageName(text) !== pkg) continue;
    const sc: EvalScope | undefined = f === s.file ? s : idx.scope(f);
    if (!sc) continue;
    for (const k of calledNames(sc.toks).get(name) ?? []) {
      const tk = sc.toks[k];
      // A declaration: `func ask(`, a method's `func (c *Client) ask(`. A `)` before the name that closes no receiver is
      // the previous statement's call: Go needs no `;` between `ask("…", 30)` and the next line's `ask("…", 400)`.
      const receiver = isP(sc.toks[k - 1], ')') && sc.toks[sc.match[k - 1] - 1]?.v === 'func';
      if (sc.toks[k - 1]?.v === 'func' || receiver || inInterface(sc, k)) continue;
      // The whole call is read, its argument list included: an argument typed in makes it a caller (keystroke path).
      if (sc === s) s.read?.push({ start: tk.start, end: s.toks[s.match[k + 1]]?.end ?? s.text.length });
      // Another function or method of the same name (`cs.GenerateCommitMessage()` beside the wrapper's
      // `GenerateCommitMessage(config, prompt)`, natrimmer/claude_commit main.go:518): Go has no overloads and no
      // default arguments, so a call with another number of arguments is not this function's.
      if (arity !== undefined && (goArgCount(sc.toks, k + 1, sc.match) ?? -1) !== arity) continue;
      const arg = argRange(sc, k + 1, pos);
      if (!arg || found.length >= MAX_CALLERS) return undefined;
      const v = fieldOf(sc, callerValue(sc, k, arg, depth), arg, field, depth);
      if (v === null) continue;
      if (!v || v.runtime !== undefined || (v.num === undefined && v.str === undefined)) return undefined;
      found.push({ v, sc, at: arg[0], call: tk.start });
    }
  }
  // An exported function (not a method) called from the module's other packages as `pkg.Name(…)` (go-importers.ts).
  // An exported method called on a variable holding its receiver's type there (go-method-importers.ts).
  // A struct's field (`field`) only from the package's own callers: literals another package passes to an exported
  // constructor, one per provider (umputun/mpt cmd/mpt/main.go, fixture go/flag_tags), are no alternatives of one call.
  const recv = /^[A-Z]/.test(name) && toks[fn.name - 1]?.v !== 'func' ? receiverOf(s, fn) : undefined;
  if (!field && /^[A-Z]/.test(name) && (toks[fn.name - 1]?.v === 'func' || (recv && /^[A-Z]/.test(recv.type)))) {
    const calls = recv ? importerMethodCalls(s, dirname(s.file), recv.type, name) : importerCalls(s, dirname(s.file), name);
    for (const { scope: sc, open } of calls) {
      const arg = argRange(sc, open, pos);
      if (!arg || found.length >= MAX_CALLERS) return undefined;
      const v = fieldOf(sc, callerValue(sc, open - 1, arg, depth), arg, field, depth);
      if (v === null) continue;
      if (!v || v.runtime !== undefined || (v.num === undefined && v.str === undefined)) return undefined;
      found.push({ v, sc, at: arg[0], call: sc.toks[open - 1].start });
    }
  }
  if (!found.length) return undefined;
  const shown = field ? `${toks[param].v}.${field}` : toks[param].v;
  for (const x of found) x.sc.read?.push({ start: x.sc.toks[x.at].start, end: x.sc.toks[x.at].end });
  if (found.every((x) => x.v.num !== undefined)) {
    const max = found.reduce((a, b) => (b.v.num! > a.v.num! ? b : a));
    const others = [...new Set(found.map((x) => x.v.num!))].filter((n) => n !== max.v.num);
    const what = `${shown} as ${found.length < 2 ? 'the only caller' : others.length ? `the largest value the ${found.length} callers` : 'every caller'} of ${name}() pass${found.length < 2 || !others.length ? 'es' : ''}`;
    const out: Value = { ...max.v, source: statedSource(max.sc, what, max.v, max.sc.toks[max.at].start) };
    // Each caller states its number: a limit from code, per caller, as in file-callers.ts (caller-merge.ts merged).
    const callers = found.map((x) => ({ file: x.sc.file, offset: x.sc.toks[x.at].start, text: '', num: x.v.num!, call: x.call }));
    if (others.length) Object.assign(out, { others, byCaller: true, source: out.source && { ...out.source, callers } });
    return out;
  }
  // Texts (a model passed down as `model string`): the alternatives, as branches give them (the dearest model priced).
  const what = `${shown} as ${found.length > 1 ? 'every' : 'the only'} caller of ${name}() passes it`;
  const values = found.map((x) => ({ ...x.v, source: statedSource(x.sc, what, x.v, x.sc.toks[x.at].start) }));
  return found.length > 1 ? withCallers(alternatives(values, what), found) : values[0];
}

/** With `field`, the field of the struct value a caller passes (undefined when it passes no struct the code states). */
function fieldOf(sc: EvalScope, v: Value | null | undefined, arg: [number, number], field: string | undefined, depth: number): Value | null | undefined {
  if (!field || v === null) return v;
  if (v?.obj) return member(sc, v, [field], arg[0], depth);
  // A parameter handed on whole (`p.buildMessages(params)` in the sender): the field of what its own callers pass.
  const tk = sc.toks[arg[0]];
  const b = arg[1] === arg[0] + 1 && isId(tk) ? tables(sc).binds.get(tk.v)?.find((x) => x.kind === 'param' && x.name < arg[0] && (x.until ?? 0) >= tk.start) : undefined;
  return b ? goParamFieldFromCallers(sc, b.name, field, depth + 1) : undefined;
}

/** A method an interface declares (`Complete(ctx context.Context, prompt, model string) (string, error)`), not a call. */
export function inInterface(s: EvalScope, k: number): boolean {
  const open = enclosingOpen(s, k);
  return open > 0 && s.toks[open - 1].v === 'interface';
}

/** Tokens of argument `n` of the call whose list opens at `open`. */
export function argRange(s: FileScope, open: number, n: number): [number, number] | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (close < 0) return undefined;
  let from = open + 1;
  let i = 0;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (k === close || isP(toks[k], ',')) {
      if (i === n) return k > from ? [from, k] : undefined;
      i++;
      from = k + 1;
    }
  }
  return undefined;
}

/**
 * A Go helper that returns one of its parameters when the value it reads is empty, and the value otherwise:
 * `func getViperStringValue(key string, defaultValue string) string { value := viper.GetString(key); if value == "" {
 * return defaultValue }; return value }` (ConnectAI-E/feishu-openai code/initialization/config.go). Called with a
 * literal for that parameter, the literal is the default the code states, named as an env default is. Any literal
 * returned, or no return of the parameter in such an arm: undefined.
 */
export function goFallbackCall(s: EvalScope, fn: string, a: { from: number; to: number }[], arg: (n: number) => Value | undefined, caller: EvalScope = s): Value | undefined {
  const f = tables(s).fns.get(fn)?.at(-1);
  if (!f || f.expr || !isP(s.toks[f.name + 1], '(')) return undefined;
  const { toks, match } = s;
  // The parameters' names, in order (Go writes each name first: `key, fallback string`).
  const names: string[] = [];
  for (let k = f.name + 2, first = true; k < match[f.name + 1]; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], ',')) first = true;
    else if (first) {
      names.push(toks[k].v);
      first = false;
    }
  }
  let param = -1;
  let armed = false;
  // The inverted form: `if v := os.Getenv(key); v != "" { return v }` (or `if v, ok := os.LookupEnv(key); ok`) and
  // then `return fallback` after the if.
  let overridden = false;
  let after = false;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'return') continue;
    const e = exprEnd(s, k + 1);
    const p = e === k + 2 ? names.indexOf(toks[k + 1].v) : -1;
    if (p < 0) {
      // Another return: a value known only at run time (a literal makes it no fallback helper).
      if (k + 1 >= e || toks[k + 1].t === T.Str || toks[k + 1].t === T.Num) return undefined;
      overridden ||= armOf(s, k) !== 'none';
    } else if (param >= 0 && p !== param) return undefined;
    else {
      param = p;
      const arm = armOf(s, k);
      armed ||= arm === 'default';
      after ||= arm === 'none' && overridden;
    }
    k = e - 1;
  }
  if (param < 0 || !(armed || after) || !a[param] || a.length !== names.length) return undefined;
  const d = arg(param);
  if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
  s.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? s.text.length });
  // The arguments are the caller's tokens (`env.Get(envModel, defaultModel)` in another package than env's Get).
  const key = a[0] && param !== 0 ? `(${label(caller, a[0].from, a[0].to)})` : '()';
  return { ...d, source: statedSource(caller, `default of ${fn}${key}`, d, caller.toks[a[param].from].start) };
}

/**
 * `env.Get(envModel, defaultModel)`: a fallback helper of a package of the module, called with this call's default, not
 * with what every caller of it passes (ebaldebo/zsh-ai-suggestions internal/pkg/env Get, called by three providers'
 * constructors with three default models: each provider's own is its model).
 */
export function goModuleFallback(s: EvalScope, base: Value | undefined, names: string[], a: { from: number; to: number }[], arg: (n: number) => Value | undefined): Value | undefined {
  if (base?.obj?.kind !== 'module' || names.length !== 2) return undefined;
  for (const sc of base.obj.scopes) {
    const v = goFallbackCall(sc, names[1], a, arg, s);
    if (v) return v;
  }
  return undefined;
}


// A Python or JS/TS parameter with no default, read from the calls of its function in the same file:
// `def evaluate(prompt, ranking_model_name): … create(model=ranking_model_name, …)` whose callers pass
// `RANKING_MODEL = 'gpt-3.5-turbo'` (mshumer/gpt-prompt-engineer, gpt_prompt_engineer.ipynb). Every caller passing a
// known value: numbers give the largest and name the others, texts (models, prompts) the alternatives as branches do;
// any caller passing a value known only at run time, or no caller in the file: left to run time. The Go form, across a
// package, is go-callers.ts; a Kotlin method's callers in its module's files, kotlin-callers.ts.
import { actionOptions } from './commander-options';
import { isId, isP, readChain } from '../lex/brackets';
import { tables, type Fn } from './scope';
import { evaluate } from './evaluate';
import { tableMember } from './members';
import { MAX_DEPTH, type EvalScope, type Value } from './value';
import { importers, inPackage, isModuleCall, isPlainCall, jsExported } from './js-callers';
import { constructorClass, isNew, literalMember, passedMember } from './js-constructors';
import { pyConstructorClass, pyPublicClass } from './py-constructors';
import { calledNames } from './names-followed';
import { modalRuns } from './modal-runs';
import { rubyPrivate } from './ruby-private';
import { rubyAppOwn, rubyBareNews, rubyCallers, rubyNewClass } from './ruby-callers';
import { rubyArityFits } from './ruby-arity';
import { phpCallers } from './php-callers';
import { inTest, rustCallers, rustOwnPath } from './rust-callers';
import { kotlinCallers } from './kotlin-callers';
import { pyPublic } from './list-callers';
import { methodCallers } from './method-callers';
import { argFor, raisesOnSpread, type Param } from './caller-args';
import { paramsOf } from './param-places';
import { declares } from './dotnet-own-methods';
import { javaCall } from './java-arity';

export { paramsOf };
import { isProse, lateOverDefault, merged, named, type Passed } from './caller-merge';
import { superCalls } from './js-super-calls';
import { reachedCall } from './js-reached-calls';
import { calledCallers } from './uncalled-callers';

/** Callers read for one parameter, at most. */
const MAX_CALLERS = 16;
/** Callers in other modules met within one another at most (a value passed down through that many functions). A hop
 * to another module reads its argument as a new chain of names (depth 1): the depth bound alone cut the chain after
 * two hops (code-review-gpt: the model is made by a helper two calls and two files away). The hops bound it instead. */
const MAX_HOPS = 4;
let hops = 0;

function acrossFiles(read: () => Value | undefined): Value | undefined {
  if (hops >= MAX_HOPS) return undefined;
  hops++;
  try {
    return read();
  } finally {
    hops--;
  }
}

const BUSY = new Set<string>();

/** Languages whose parameters are read from the file's callers (Ruby: a method's `name(…)` calls with parentheses; C#:
 * a private method's, dotnet-private.ts; Kotlin: also the module's, kotlin-callers.ts). */
const CALLER_LANGUAGES = new Set(['python', 'javascript', 'ruby', 'php', 'rust', 'csharp', 'kotlin', 'java']);

/** The mark a call's `forward` names carry for "read from the callers of": a prefix cut before one of them changes it. */
export const CALLERS = 'call:';

/** The value every same-file caller passes for the parameter whose name is token `param`, or undefined. */
export function paramFromFileCallers(s: EvalScope, param: number, depth: number): Value | undefined {
  if (!CALLER_LANGUAGES.has(s.syn.id) || depth > MAX_DEPTH) return undefined;
  // A commander action handler's options parameter: commander calls it with the parsed options (commander-options.ts).
  const cli = actionOptions(s, param, depth);
  if (cli) return cli;
  const own = paramsOf(s).get(param);
  return own && unlessBusy(s, param, () => fromCallers(s, param, own, depth));
}

/**
 * A parameter with a default that the function's callers pass values for: `def __init__(self, model="gpt-4o-mini")`
 * made as `Summarizer(model="gpt-4o")`. What the callers pass, with the default where a caller leaves it out (the
 * dearest priced, the others named); undefined (the default alone stands) when no caller passes it, or one passes a
 * value known only at run time.
 */
export function paramWithDefaultFromCallers(s: EvalScope, param: number, dflt: Value, depth: number): Value | undefined {
  if (!CALLER_LANGUAGES.has(s.syn.id) || depth > MAX_DEPTH) return undefined;
  // A commander action handler's options parameter: commander calls it with the parsed options (commander-options.ts).
  const cli = actionOptions(s, param, depth);
  if (cli) return cli;
  const own = paramsOf(s).get(param);
  return own && unlessBusy(s, param, () => fromCallers(s, param, own, depth, undefined, dflt));
}

/** Reads what a caller passes (the tokens `arg` of `sc`) in a reader's own way (kotlin-param-members.ts). */
export type ArgRead = (sc: EvalScope, arg: [number, number], depth: number) => Value | undefined;

/** The parameter whose name is token `param` as its callers pass it, each argument read by `via`; `dflt` where one
 * leaves it out. */
export function paramReadFromCallers(s: EvalScope, param: number, depth: number, via: ArgRead, dflt?: Value): Value | undefined {
  if (!CALLER_LANGUAGES.has(s.syn.id) || depth > MAX_DEPTH) return undefined;
  const own = paramsOf(s).get(param);
  return own && unlessBusy(s, param, () => fromCallers(s, param, own, depth, undefined, dflt, undefined, via));
}

/**
 * `options.model` where `options` is a JS parameter with no default (or `= {}`) and its callers pass object literals
 * (`getAllTools({ model, maxSteps })`): the member each literal gives (mattzcarey/code-review-gpt src/common/llm/tools:
 * `createSubAgentTool(options.model, …)`). A literal without the key passes none; a caller whose member is worked out
 * from the value being read (a recursive call passing it back) adds no other value.
 */
export function paramMemberFromCallers(s: EvalScope, name: string, key: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript' || depth > MAX_DEPTH) return undefined;
  let param = -1;
  let none = false;
  for (const b of tables(s).binds.get(name) ?? []) {
    if (s.toks[b.name].start >= pos) break;
    if (b.kind !== 'param') param = -1;
    else if (b.until === undefined || pos <= b.until) [param, none] = b.value < 0 || emptyObject(s, b.value) ? [b.name, b.value >= 0] : [-1, false];
  }
  const own = param >= 0 ? paramsOf(s).get(param) : undefined;
  return own && unlessBusy(s, param, () => fromCallers(s, param, own, depth, key, undefined, none));
}

/** `{}` at token i. */
function emptyObject(s: EvalScope, i: number): boolean {
  return isP(s.toks[i], '{') && isP(s.toks[i + 1], '}');
}

/** Refusals of unlessBusy: a caller's value read while one happened may hold the value being worked out. */
let busyHits = 0;

/**
 * `read()`, unless the same parameter is already being worked out (a caller passes its own parameter back): then
 * undefined, run time, not a loop. Nothing is kept past the lookup (Go's callers live in other files, which change
 * without this one). Shared with go-callers.ts.
 */
export function unlessBusy(s: EvalScope, param: number, read: () => Value | undefined): Value | undefined {
  const key = `${s.file}:${param}`;
  if (BUSY.has(key)) {
    busyHits++;
    return undefined;
  }
  BUSY.add(key);
  try {
    return read();
  } finally {
    BUSY.delete(key);
  }
}


function fromCallers(s: EvalScope, param: number, own: Param, depth: number, key?: string, dflt?: Value, none?: boolean, via?: ArgRead): Value | undefined {
  const { toks } = s;
  key ??= own.key;
  // A JS class's constructor is called as `new Class(…)` (js-constructors.ts), a Python class's `__init__` as the class
  // (py-constructors.ts).
  const cls = s.syn.id === 'javascript' && toks[own.fn.name].v === 'constructor' ? constructorClass(s, own.fn.name) : -1;
  const name = pyConstructorClass(s, own.fn.name) ?? rubyNewClass(s, own.fn.name) ?? toks[cls >= 0 ? cls : own.fn.name].v;
  const pname = toks[param].v;
  // An exported JS function, a Python module's public function, is called from other modules too: their calls are
  // read with this file's (js-callers.ts); a Ruby class's public method from the project's files (ruby-callers.ts).
  const exports = s.syn.id === 'javascript' && jsExported(toks, cls >= 0 ? cls : own.fn.name, name);
  // A public class's `__init__` (`AIClient(default_model=app.config.get("AI_MODEL", "gpt-5.2"))` in an app factory).
  const pyCtor = name !== toks[own.fn.name].v && pyPublicClass(s, name);
  const others = exports || pyCtor || pyPublic(s, own.fn.name, name) ? importers(s, name) : [];
  const calls: { sc: EvalScope; k: number }[] = [];
  const mine = cls >= 0 ? (calledNames(toks).get(name) ?? []).filter((k) => isNew(toks, k)) : callsOf(s, name, own.fn.name).filter((k) => k !== own.fn.name);
  // No module of the package calls it: its callers are elsewhere, unless the package reaches its file's (js-reached-calls.ts).
  if (exports && !others.length && !mine.some((k) => reachedCall(s, k, own.fn))) return undefined;
  // A Ruby class method's `new(…)` / `self.new(…)` makes the class too (`def self.run(c, model: M) new(c, model:).run`).
  if (s.syn.id === 'ruby' && toks[own.fn.name].v === 'initialize') mine.push(...rubyBareNews(toks));
  for (const k of mine) calls.push({ sc: s, k });
  const byOther = (o: (typeof others)[number], k: number) => (o.via ? isModuleCall(o.scope, k, o.via) && (cls < 0 || o.scope.toks[k - 3]?.v === 'new') : cls >= 0 ? isNew(o.scope.toks, k) : isPlainCall(o.scope, k));
  for (const o of others) for (const k of calledNames(o.scope.toks).get(o.local) ?? []) if (byOther(o, k)) calls.push({ sc: o.scope, k });
  // Classes deriving from a JS class call its constructor as `super(…)` (js-super-calls.ts).
  for (const o of cls >= 0 ? [{ scope: s, local: name }, ...others.filter((x) => !x.via)] : []) {
    const sup = superCalls(o.scope, o.local);
    if (!sup) return undefined;
    for (const k of sup) calls.push({ sc: o.scope, k });
  }
  // Typing or deleting a call of the function anywhere in the file changes the answer (editor/incremental.ts), and
  // so does one the first-screen prefix cuts off (editor/prefix.ts): marked before the callers are read, since a
  // prefix cut inside the class leaves a Java or C# method's callers unknown (its class's body is not closed there).
  s.readNames?.add(name);
  s.forward?.add(CALLERS + name);
  // A Rust `pub fn`'s from the crate's files naming its module (rust-callers.ts).
  // A Kotlin method's through objects of its class in the module's files (kotlin-callers.ts).
  const rb = s.syn.id === 'php' ? phpCallers(s, own.fn.name) : s.syn.id === 'rust' ? rustCallers(s, own.fn.name) : s.syn.id === 'kotlin' ? kotlinCallers(s, own.fn.name) : rubyCallers(s, own.fn.name);
  const objs = cls < 0 ? methodCallers(s, own.fn.name) : undefined; // through objects of its class (method-callers.ts)
  if (!rb || objs === null) return undefined;
  calls.push(...rb, ...(objs ?? []));
  // Every caller of the project is in view: a list one passes is read there, as for a Ruby private method's.
  // A Python module's public function that no other module of its project imports is called from this file only.
  // A class's method whose calls through objects were all read (method-callers.ts), in a package searched for them:
  // its `self.ask(conversation)` / `this.ask(conversation)` callers are all there are.
  const method = !!objs && (s.syn.id === 'python' || s.syn.id === 'javascript');
  const wide = others.length > 0 || rb.length > 0 || !!objs?.some((c) => c.sc !== s) || ((pyPublic(s, own.fn.name, name) || method) && inPackage(s));
  const found: Passed[] = [];
  let omitted = false;
  // JS callers whose object lacks the member (`{ temperature: 0.3 }`, `new P()` of `config = {}`): it is undefined there.
  let lacking = 0;
  const rt: Passed[] = [];
  for (const { sc, k } of calls) {
    // The whole call is read: an edit there (an argument, a keyword) changes the value.
    if (sc === s) s.read?.push({ start: toks[k].start, end: toks[s.match[k + 1]]?.end ?? s.text.length });
    // A Ruby call with fewer or more arguments than the method takes raises; it passes nothing (ruby-arity.ts).
    if ((s.syn.id === 'ruby' && !rubyArityFits(s, own.fn, sc, k + 1)) || raisesOnSpread(sc, k + 1)) continue; // or raises first (py-kwargs-spreads.ts)
    const whole = argFor(sc, k + 1, own, pname);
    const kk = whole && isP(sc.toks[whole[0] - 1], '**') ? pname : key; // `**payload` of a parameter: its entry (py-kwargs-spreads.ts)
    // A spread or a call not closed: what it passes is not known.
    if (whole === null) return undefined;
    // A caller that leaves out a parameter with a default gets the default.
    if (!whole && (dflt || none)) {
      if (dflt) omitted = true;
      else lacking++;
      continue;
    }
    const lit = whole && kk !== undefined ? literalMember(sc, whole, kk) : whole;
    // An object without the member: a destructured name's default, if it has one.
    if (lit === null) {
      if (dflt && own.key !== undefined) omitted = true;
      else if (s.syn.id === 'javascript') lacking++;
      continue;
    }
    // A name holding the object (`createClient(config)`): its member, read where the name is bound.
    // `new Claude({ ...settings, ...block })`: the key from the spreads, the last that holds it (dict-spreads.ts).
    const spread = lit === undefined && whole && kk !== undefined && isP(sc.toks[whole[0]], '{') && sc.match[whole[0]] === whole[1] - 1;
    const arg = lit ?? (whole && kk !== undefined && (spread || readChain(sc.toks, whole[0], whole[1]).end === whole[1]) ? whole : undefined);
    // `cfg[cfg.provider]` of a module that exports no `provider`: undefined, so it holds no member either.
    if (!arg && whole && kk !== undefined && s.syn.id === 'javascript' && evaluate(sc, whole[0], whole[1], depth + 1)?.unset) {
      lacking++;
      continue;
    }
    if (!arg || found.length >= MAX_CALLERS) return undefined;
    const busy = busyHits;
    const read = (d: number) => (via ? via(sc, arg, d) : lit ? evaluate(sc, arg[0], arg[1], d) : spread ? tableMember(sc, arg[0], kk!, d) : passedMember(sc, arg, kk!, d));
    const got = sc === s ? read(depth + 1) : acrossFiles(() => read(1));
    if (got?.unset && kk !== undefined) {
      lacking++;
      continue;
    }
    // `config.get("AI_MODEL", "gpt-5.2")`: run time, with the default it states (dict-get.ts), priced as that default.
    const late = got?.runtime !== undefined && got.stated ? got.runtime : undefined;
    const v = late !== undefined ? got!.stated : got;
    // A recursive call passing the value back (`return call_gpt_4o(messages)` in its own retry) adds no other value.
    if (busyHits > busy && (!v || v.runtime !== undefined)) continue;
    // Parsed command-line options (cli-options.ts) pass down whole: their members are read where they are used.
    // A list or hash a caller writes (`chat(messages:)` after `messages = [{ role: …, content: <<~X }]`) is read there
    // when every caller is in view: a Ruby private method's, or callers found in other files (else a public method's
    // callers elsewhere may pass the conversation). Several callers' lists: the longest (list-callers.ts).
    // A list from another file came down a chain of callers whose first hop was wide (`get_next_action(model,
    // messages)` in operate.py passing its list on to `call_gpt_4o(messages)` here).
    // A list kept on the object (`self.send(self.history)`) is added to by other methods: not read from here.
    const member = isId(sc.toks[arg[0]]) && ['self', 'this'].includes(sc.toks[arg[0]].v) && isP(sc.toks[arg[0] + 1], '.');
    const list = v?.obj?.kind === 'table' && !member && (wide || rubyPrivate(s, own.fn.name) || (!rb.length && rubyAppOwn(s, own.fn.name)) || s.syn.id === 'csharp' || v.obj.scope.file !== s.file);
    // A caller passing a text known only at run time, beside callers passing prose: kept, so the prose is counted as
    // the worst case known and this caller's text named (caller-merge.ts); a model or a number stays unknown.
    if (v?.runtime !== undefined && late === undefined && found.length + rt.length < MAX_CALLERS) {
      rt.push({ v, sc, at: arg[0], passed: !lit, call: sc.toks[k].start });
      continue;
    }
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined && v.obj?.kind !== 'cli' && v.obj?.kind !== 'vscode-settings' && !list)) return undefined;
    found.push({ v, sc, at: arg[0], passed: !lit, late, call: sc.toks[k].start, ...(sc === s && k >= own.fn.body && k < own.fn.bodyEnd ? { own: true as const } : {}) });
  }
  // A caller passing a model or a number known only at run time over a default (`def ask(p, max_tokens=2000)` called
  // with `max_tokens=n`): run time, with the default stated (a model is priced as it, modelOf; a limit is run time,
  // readNumber). Before, the default stood as a limit from code although a caller passes another (pyjs41's note). A
  // prose default (a prompt) stands, the worst case known, as beside callers passing prose.
  if (rt.length && !(found.length && found.every((x) => isProse(x.v)))) return dflt && !isProse(dflt) ? lateOverDefault(rt[0].v.runtime!, dflt) : undefined;
  found.push(...rt);
  if (!found.length) return lacking && key !== undefined ? { runtime: `${pname}.${key}`, unset: true } : undefined;
  // Calls from the function's own body (a retry `return complete(msgs, model_name=BACKUP)`) are never the sole
  // evidence against its default: the callers outside, unseen here (`mod.complete(msgs)` in another module), get it.
  if (dflt && !omitted && found.every((x) => x.own)) return undefined;
  // A same-file PHP wrapper that nothing calls passes nothing (uncalled-callers.ts).
  const dropped: string[] = [];
  const all = named(merged(calledCallers(s, own.fn, found, dropped), s, param, pname, name, own, cls, wide, omitted, key, dflt), dropped);
  const out = lacking && all ? { ...all, absent: true as const } : all;
  // Where a model is expected the stated default is priced, named so; a prompt part keeps the expression.
  const late = found.find((x) => x.late !== undefined)?.late;
  return late !== undefined && out ? { runtime: late, stated: out } : out;
}

/** Token indexes of `name(` calls in the file (not its definition, not another object's method of the same name). */
function callsOf(s: EvalScope, name: string, at: number): number[] {
  const { toks } = s;
  const out: number[] = [];
  for (const k of calledNames(toks).get(name) ?? []) {
    const prev = toks[k - 1];
    if (isId(prev) && (prev.v === 'def' || prev.v === 'function' || prev.v === 'async' || prev.v === 'new' || prev.v === 'class' || prev.v === 'fn' || prev.v === 'fun')) continue;
    // A C# declaration of the name (an interface's, an overload's): a return type before it.
    if (s.syn.id === 'csharp' && declares(toks, k)) continue;
    // A Java declaration, or a call of an overload taking another number of arguments (java-method-callers.ts).
    if (s.syn.id === 'java' && !javaCall(s, k, at)) continue;
    // Rust `Self::name(` / `Type::name(` is the impl's own (rust-callers.ts); `other::name(` another module's; a test's none.
    if (s.syn.id === 'rust' && ((isP(prev, '::') && !rustOwnPath(s, k, at)) || inTest(s, k))) continue;
    // `self.name(` / `this.name(` are the class's own; `other.name(` may be anything. `->` is PHP's member access; in
    // Kotlin it ends a lambda's parameters or a `when` arm's condition (`suspendCoroutine { cont -> send(…) }`).
    if ((isP(prev, '.') || (isP(prev, '->') && s.syn.id === 'php')) && !(isId(toks[k - 2]) && (toks[k - 2].v === 'self' || toks[k - 2].v === 'this' || toks[k - 2].v === '$this') && !isP(toks[k - 3], '.'))) continue;
    out.push(k);
  }
  // A Modal function runs where it is called as `name.remote(…)` (modal-runs.ts).
  if (s.syn.id === 'python') out.push(...modalRuns(toks, name));
  return out;
}

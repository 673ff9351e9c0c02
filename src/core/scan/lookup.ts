// Names in scope: the nearest binding before the use in this file (locals, defaults, constants, fields), else imports.
import { pyMemberAdds } from './py-member-adds';
import { KeyMemo } from '../util/key-memo';
import { countBefore } from '../util/binary-search';
import { T } from '../lex/lexer';
import { exprEnd, tables, type Binding, type Fn, type Tables } from './scope';
import { goEmbedded } from './go-embed';
import type { EvalScope, Value } from './value';
import { evaluate } from './evaluate';
import { imported, importsOf } from './imported';
import { PROVIDER_FACTORIES } from './provider-factories';
import { args } from './calls';
import { helper } from './fn-values';
import { member as memberOf } from './members';
import { elementOf, tupleElement } from './tuples';
import { branchBindings } from './branch-bindings';
import { alternatives } from './branches';
import { untakenClamp } from './clamps';
import { springDefault } from './spring-value-defaults';
import { resourceBean } from './spring-resource-beans';
import { kotlinGetter } from './kotlin-getters';
import { paramFromFileCallers, paramWithDefaultFromCallers } from './file-callers';
import { goParamFromCallers } from './go-callers';
import { withAdds } from './number-adds';
import { builderText } from './jvm-builders';
import { goHeld } from './go-composites';
import { combine } from './go-fields';
import { goPackageOverride } from './go-package-overrides';
import { pyArmOf } from './py-arms';
import { hiddenLocal } from './block-locals';
import { constructorArm } from './member-arms';
import { clickDefault } from './py-click';
import { argValue } from './arg-frames';
import { isJvmLanguage } from './ai-services-spring';
import { inUnsetArm, setValue } from './js-unset-arms';
import { outValue } from './dotnet-out-values';
import { ownProperty } from './config-properties';
import { actionParam } from './commander-options';
import { readCallbackParam } from './js-read-callbacks';
import { mappedElement } from './js-mapped-elements';
import { rubyBare, rubyIvarArms } from './ruby-attrs';
import { jvmFieldArms } from './jvm-field-arms';
import { rubyOrAssigned } from './ruby-or-assign';
import { annotatedInstance } from './py-typed-params';
import { literalUnionParam } from './ts-literal-unions';
import { destructuredProp, stateBinding, svelteLet } from './reactive-state';
import { forElement } from './py-for-targets';
import { patternDefault } from './pattern-defaults';

/** A name in scope at offset `pos`: the nearest binding before it in this file, else an import, else the package. */
export function lookup(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  s.readNames?.add(name);
  // A Python `for` target in its loop's body: the iterable's elements (py-for-targets.ts).
  const each = forElement(s, name, pos, depth);
  if (each) return each;
  const local = bindingValue(s, name, pos, depth);
  // A Go struct literal is a local's value only while nothing changes it (go-composites.ts).
  if (local) return s.syn.id === 'go' ? goHeld(s, name, pos, local, true) : local;
  // Ruby calls a method without brackets, or reads an `attr_reader`'s instance variable (ruby-attrs.ts).
  const rb = s.syn.id === 'ruby' ? rubyBare(s, name, pos, depth, bindingValue) : undefined;
  if (rb) return rb;
  // C# `map.TryGetValue(key, out var name)` (dotnet-out-values.ts); a field of its own @ConfigurationProperties class;
  // a commander action handler's options (commander-options.ts); the contents `fs.readFile`'s callback is given; a
  // list's element an arrow is handed by `.map(` (js-mapped-elements.ts); a Kotlin property's custom getter (kotlin-getters.ts).
  const out = s.syn.id === 'csharp'
    ? outValue(s, name, pos, depth)
    : ownProperty(s, name) ?? actionParam(s, name, pos, depth) ?? readCallbackParam(s, name, pos, depth) ?? mappedElement(s, name, pos, depth) ?? kotlinGetter(s, name, depth);
  if (out) return out;
  // Java reads a field by its bare name: `model` in a method is the `this.model = …` of the constructor.
  const field = s.syn.id === 'java' ? bindingValue(s, '.' + name, pos, depth) : undefined;
  if (field) return field;
  const imp = imported(s, name, depth);
  if (imp) return s.syn.id === 'go' ? goHeld(s, name, pos, imp, false) : imp;
  // An AI SDK provider factory imported from its package and named, not called (`{ openai: createOpenAI }`).
  const pkg = s.syn.id === 'javascript' && Object.hasOwn(PROVIDER_FACTORIES, name) ? importsOf(s).names.get(name) : undefined;
  if (pkg && !pkg.from.startsWith('.')) return { maker: PROVIDER_FACTORIES[name] };
  s.forward?.add(name);
  return undefined;
}

/** The binding of `name` nearest before `pos` (a parameter only inside its function), else the first after; `topOnly`
 * (a module's value for its importers): the first, or a Python `if not X: X = …` default after it (py-arms.ts). */
export function pick(list: Binding[] | undefined, s: EvalScope, pos: number, topOnly = false): Binding | undefined {
  if (!list) return undefined;
  // Bindings are in source order: the nearest before `pos` by binary search, earlier ones only past parameters whose
  // function has ended (a walk over every binding per lookup was quadratic: hostile "assignments and calls").
  let best: Binding | undefined;
  // Another function's (or block's) local is not seen (block-locals.ts); self.x members and parameters have their own rules.
  const elsewhere = (b: Binding) => b.kind === 'assign' && hiddenLocal(s, b.name, pos);
  for (let i = countBefore(list.length, (k) => s.toks[list[k].name].start < pos) - 1, n = 0; i >= 0 && n < 64; i--, n++) {
    const b = list[i];
    if (topOnly && b.kind === 'param') continue;
    if (b.kind === 'param' && b.until !== undefined && pos > b.until) continue;
    if (elsewhere(b)) continue;
    // Python `options = {**defaults, **options}`: the right-hand side reads the name's earlier binding, not this one.
    if (selfRead(s, b, pos)) continue;
    best = b;
    break;
  }
  if (best && (!topOnly || (s.syn.id === 'python' && best.kind === 'assign' && pyArmOf(s, best.name) === 'default'))) return best;
  return list.find((b) => b.kind !== 'param' && !elsewhere(b));
}

/** A use inside its own assignment's value (Python `q = q + "…"`, Go `p = strings.Replace(p, …)`) reads the one before. */
const SELF_READ = new Set(['python', 'php', 'java', 'kotlin', 'go', 'ruby']);
function selfRead(s: EvalScope, b: Binding, pos: number): boolean {
  return SELF_READ.has(s.syn.id) && b.kind === 'assign' && b.value >= 0 && b.pos === undefined && s.toks[b.value].start <= pos && pos < (s.toks[exprEnd(s, b.value) - 1]?.end ?? 0);
}

export function bindingValue(s: EvalScope, name: string, pos: number, depth: number, topOnly = false): Value | undefined {
  const emb = s.syn.id === 'go' ? goEmbedded(s, name) : undefined;
  if (emb) return emb;
  const list = tables(s).binds.get(name);
  const ivar = list && ((s.syn.id === 'ruby' && /^@\w/.test(name)) || (name.charCodeAt(0) === 46 && s.syn.id in CONSTRUCTORS));
  const b = (ivar ? memberBinding(s, list!, pos) : undefined) ?? pick(list, s, pos, topOnly);
  if (!b) return undefined;
  // Ruby `@model = model` and again in an `unless … end` of the same method: both values (ruby-attrs.ts).
  const arms = (ivar && rubyIvarArms(s, list!, b)) || jvmFieldArms(s, list!, b);
  if (arms) return alternatives(arms.map((x) => valueOf(s, x, name, depth)), `${name} set in a branch`) ?? { runtime: name };
  // A member binding's name starts with '.' (scope.ts: `self.x` is looked up as `.x`).
  const member = name.charCodeAt(0) === 46;
  if (s.toks[b.name].start >= pos) s.forward?.add(member ? name.slice(1) : name);
  const pkg = s.syn.id === 'go' && list && !member ? goPackageOverride(s, list, b, name, () => !sameFunction(s, pos)(b), (x) => valueOf(s, x, name, depth)) : undefined;
  if (pkg) return pkg;
  const branches = list && !member ? branchBindings(s, list, b, pos, sameFunction(s, pos)) : undefined;
  // The one binding that reaches the use (the nearest is in a sibling arm of the use's if).
  if (branches?.length === 1) return valueOf(s, branches[0], name, depth);
  if (branches) {
    // Texts and numbers (a model, a prompt, a limit); a list or an object in a branch is left to the nearest value. A range check's arm that the known value does not enter (clamps.ts) gives nothing.
    const kept = branches.filter((x) => !untakenClamp(s, x, depth));
    const values = kept.map((x) => valueOf(s, x, name, depth));
    // `let m = cfg.get('model'); if (!m) { m = await pick(); }`: a stated value never enters the arm (js-unset-arms.ts).
    if (s.syn.id === 'javascript' && kept.length === 2 && setValue(values[1]) && inUnsetArm(s, kept[0].name)) return values[1];
    // Go `if model == "" { model = openai.GPT4o }`, Python `if not MODEL: MODEL = "…"`: a stated default (go-fields.ts).
    if (values.every((v) => v.str !== undefined || v.num !== undefined || v.runtime !== undefined)) return s.syn.id === 'go' || s.syn.id === 'python' ? combine(s, kept.map((b, n) => ({ v: values[n], at: b.name })), name) : alternatives(values, `${name} set in a branch`) ?? { runtime: name };
    // Java / Kotlin messages lists (`List.of(system, user)` in one arm, `List.of(user)` in the other): the longest.
    if (isJvmLanguage(s.syn.id) && values.every((v) => v.obj?.kind === 'table')) return longest(values);
  }
  // A Java / Kotlin StringBuilder: the text its appends make (jvm-builders.ts).
  const built = !member && isJvmLanguage(s.syn.id) ? builderText(s, b, name, pos, depth) : undefined;
  if (built) return built;
  // A text or a number changed by `+=` between the binding and the use (number-adds.ts).
  // Python `self.x += …` in the class's methods: py-member-adds.ts.
  return member ? pyMemberAdds(s, b, name, pos, valueOf(s, b, name, depth), depth) : withAdds(s, b, name, pos, valueOf(s, b, name, depth), depth);
}

/** The value one binding gives the name. */
function valueOf(s: EvalScope, b: Binding, name: string, depth: number): Value {
  const member = name.charCodeAt(0) === 46 && b.kind !== 'param'; // a PHP promoted parameter's `.model` is the parameter (scope.ts)
  const nameTk = s.toks[b.name];
  const shown = name.charCodeAt(0) === 46 ? 'self' + name : name;
  // A parameter without a default: what every caller in the file passes (Python / JS, file-callers.ts), the number every caller in the package passes (Go, go-callers.ts);
  // first, a Click command's option default (py-click.ts), what Click passes when the option is not given.
  const callers = b.kind === 'param' && !member ? (s.syn.id === 'go' ? goParamFromCallers : paramFromFileCallers) : undefined;
  // The argument of the call whose helper is being read (arg-frames.ts).
  const given = b.kind === 'param' && !member ? argValue(s, b.name, name) : undefined;
  if (given) return given;
  if (b.value < 0) return (callers ? clickDefault(s, b.name, depth) : undefined) ?? callers?.(s, b.name, depth) ?? (b.kind === 'param' ? annotatedInstance(s, b.name, depth) ?? literalUnionParam(s, b.name) : undefined) ?? resourceBean(s, b.name, depth) ?? { runtime: shown };
  if (b.spring) return springDefault(s, b, shown);
  if (b.prior) return rubyOrAssigned(s, b, (x) => valueOf(s, x, name, depth), (f, t) => evaluate(s, f, t, depth + 1));
  const e = exprEnd(s, b.value);
  s.read?.push({ start: nameTk.start, end: s.toks[e - 1]?.end ?? nameTk.end });
  // Vue `ref("…")`, Svelte `$state("…")`: reactive-state.ts.
  const state = b.pos === undefined && b.key === undefined && b.index === undefined ? stateBinding(s, nameTk.v, b.value, (f, t) => evaluate(s, f, t, depth + 1)) : undefined;
  const whole = state ?? (b.pos !== undefined ? tupleElement(s, b.value, b.pos, depth) : evaluate(s, b.value, e, depth + 1));
  // `const { system, user } = getPrompt(…)`: the member of the value the pattern names.
  const v = patternDefault(s, b, b.key !== undefined && whole ? memberOf(s, whole, [b.key], b.name, depth) : b.index !== undefined ? elementOf(whole, b.index) : whole, depth);
  if (!v) return { runtime: shown };
  if (v.runtime !== undefined) return b.kind === 'param' ? { runtime: shown } : v;
  const svelte = b.kind === 'assign' && !state && b.key === undefined ? svelteLet(s, b.name, v) ?? destructuredProp(s, b.name, v) : undefined; // state and props
  if (svelte) return svelte;
  // An empty list default (`messages=[]`, PHP `$messages = []`): a placeholder its callers fill, what they pass, else run time.
  if (b.kind === 'param' && !member && e === b.value + 2 && s.toks[b.value].v === '[' && s.match[b.value] === b.value + 1) return callers?.(s, b.name, depth) ?? { runtime: shown };
  const what = SET_ELSEWHERE.has(b) ? `${shown} as the constructor sets it (other methods may change it)` : b.kind === 'param' ? `default of parameter ${nameTk.v}` : b.kind === 'member' ? `${shown}` : /^[A-Z][A-Z0-9_]*$/.test(name) ? `constant ${name}` : name;
  // The innermost definition names the value: where its literal is written (`constant SYSTEM` in prompts.py).
  const out = { ...v, source: v.source ?? { file: s.file, offset: nameTk.start, what } };
  // A default the callers replace (`Summarizer(model="gpt-4o")` over `model="gpt-4o-mini"`): what they pass.
  return (b.kind === 'param' && !member && !SET_ELSEWHERE.has(b) && (out.str !== undefined || out.num !== undefined) && paramWithDefaultFromCallers(s, b.name, out, depth)) || out;
}

/** Methods of a file looked through for the one a use is in (a file of more is left to the nearest binding). */
const MAX_METHODS = 2000;

const FLAT_FNS = new KeyMemo<Tables, Fn[]>();

/** Every function of the file in one list, made once per scan (not once per instance variable looked up). */
function allFns(t: Tables): Fn[] {
  let fns = FLAT_FNS.get(t);
  if (!fns) FLAT_FNS.set(t, (fns = [...t.fns.values()].flat()));
  return fns;
}

/** The method that runs first for every object, by language. */
const CONSTRUCTORS: Record<string, string> = { ruby: 'initialize', python: '__init__', javascript: 'constructor', typescript: 'constructor', php: '__construct' };
/** Tokens walked from a constructor to a use to see that no other class starts between them. */
const MAX_CLASS_WALK = 20000;

/**
 * An instance variable (`@model`, `self.model`, `this.model`): the assignment in the method the use is in (before the
 * use), else the one the class's constructor makes (it runs first for every object, so it is the default a setter
 * method may change later), rather than the nearest in the file, which may be another method's.
 */
function memberBinding(s: EvalScope, list: Binding[], pos: number): Binding | undefined {
  const { toks } = s;
  const fns = allFns(tables(s));
  if (fns.length > MAX_METHODS) return undefined;
  const within = (b: Binding, f: Fn) => b.name >= f.body && b.name < f.bodyEnd;
  let own: Fn | undefined;
  for (const f of fns) {
    const from = toks[f.body]?.start ?? Infinity;
    const to = toks[f.bodyEnd]?.start ?? s.text.length;
    if (from <= pos && pos < to && (!own || f.body > own.body)) own = f;
  }
  // Which method holds the use, and which holds each assignment, hangs on where the methods start and (Python,
  // Ruby) on their indentation: the keystroke path keeps each header line live, from its indentation on.
  const header = (f: Fn) => s.read?.push({ start: lineStart(s.text, toks[f.name].start), end: toks[f.body]?.start ?? s.text.length });
  if (own) {
    header(own);
    const here = list.filter((b) => within(b, own!) && toks[b.name].start < pos);
    if (here.length) return here[here.length - 1];
  }
  // The constructor of the class the use is in: the last one before the use with no class started in between. An
  // edit of either word decides it (the keystroke path keeps them live).
  s.readNames?.add(CONSTRUCTORS[s.syn.id]).add('class');
  const inits = tables(s).fns.get(CONSTRUCTORS[s.syn.id]) ?? [];
  let init: Fn | undefined;
  for (const f of inits) if ((toks[f.body]?.start ?? Infinity) < pos) init = f;
  if (!init) return undefined;
  const use = countBefore(toks.length, (k) => toks[k].start < pos);
  if (use - init.bodyEnd > MAX_CLASS_WALK) return undefined;
  for (let k = init.bodyEnd; k < use; k++) if (toks[k].t === T.Id && toks[k].v === 'class' && toks[k - 1]?.v !== '.') return undefined;
  header(init);
  const set = list.filter((b) => within(b, init!));
  const b = constructorArm(s, set, pos) ?? set[set.length - 1];
  if (b) s.read?.push({ start: lineStart(s.text, toks[b.name].start), end: toks[b.name].end });
  if (b && list.some((x) => !within(x, init!))) SET_ELSEWHERE.add(b);
  return b;
}

/**
 * First value token of the assignment a method's `self.name` / `this.name` reads at `pos` (the method's own, else
 * the constructor's, else the nearest before it, else the only one in the file), or -1: an object a chat session or a client is kept in.
 */
export function memberValue(s: EvalScope, name: string, pos: number): number {
  const list = tables(s).binds.get('.' + name);
  s.readNames?.add(name);
  if (!list || !(s.syn.id in CONSTRUCTORS)) return -1;
  // Set in other methods only (`create_convo()` and a history trim both make the chat): the nearest one before the use.
  const before = list.filter((x) => s.toks[x.name].start < pos);
  const b = memberBinding(s, list, pos) ?? before[before.length - 1] ?? (list.length === 1 ? list[0] : undefined);
  if (!b || b.value < 0) return -1;
  s.read?.push({ start: s.toks[b.name].start, end: s.toks[Math.max(b.value, exprEnd(s, b.value) - 1)].end });
  return b.value;
}

/** Whether a binding is made in the function the use at `pos` is in (or, for a use outside any, outside all). */
function sameFunction(s: EvalScope, pos: number): (b: Binding) => boolean {
  const fns = allFns(tables(s));
  const { toks } = s;
  const inner = (at: number) => {
    let own: Fn | undefined;
    for (const f of fns) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
    return own;
  };
  // Worked out on the first question only: most lookups have no branch and ask none.
  let use: Fn | undefined | null = null;
  return (b) => {
    if (fns.length > MAX_METHODS) return false;
    if (use === null) use = inner(countBefore(toks.length, (k) => toks[k].start < pos));
    return inner(b.name) === use;
  };
}

/** Start of the line holding `offset`, looked for at most a few hundred characters back (a hostile long line stays linear). */
function lineStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0 && i >= offset - 512; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return Math.max(0, offset - 512);
}

/** Constructor assignments of a member that other methods also assign: a default the object may change. */
const SET_ELSEWHERE = new WeakSet<Binding>();

/** The list with the most elements (the first of equals). */
function longest(lists: Value[]): Value {
  const size = (v: Value) => (v.obj?.kind === 'table' ? args(v.obj.scope, v.obj.open, v.obj.scope.match[v.obj.open]).length : 0);
  return lists.reduce((a, b) => (size(b) > size(a) ? b : a));
}

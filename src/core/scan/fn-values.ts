// What a helper function returns: its `return`s' values (a Ruby method's last expression, a Rust fn's tail), several of
// them the dearest with the others named, its parameters bound to the call's arguments (arg-frames.ts). Moved out of
// calls.ts, which reads a call and asks here for a function of the app.
import { isId } from '../lex/brackets';
import type { ValueSource } from '../types';
import { exprEnd, lastStatement, tables, type Fn } from './scope';
import { firstOnLine } from './body-ends';
import type { EvalScope, Value } from './value';
import { evaluate } from './evaluate';
import { lookup } from './lookup';
import { importedFunction } from './imported';
import { alternatives, neverEntered } from './branches';
import { isJvmLanguage } from './ai-services-spring';
import { takes } from './java-arity';
import { withArgs, type CallArgs } from './arg-frames';
import { ownMethod } from './py-constructors';
import { caseNotTaken } from './case-arms';
import { returned } from './py-memo-returns';
import { memoReturn } from './js-memo-returns';
import { promiseResolves } from './js-promise-returns';
import { largestBound } from './arithmetic';
import { inheritedMethod } from './py-inherited-methods';

/** What a function named `fn` returns when every `return` is a literal or a constant; several: the first, the others kept. */
export function helper(s: EvalScope, fn: string, pos: number, depth: number, args?: CallArgs, self?: number): Value | undefined {
  const t = tables(s);
  // Python's `cls(…)` in a classmethod (`Configuration.from_runnable_config(config)` returns `cls(**values)`): an
  // instance of the class, whose members are its fields.
  const given = args?.list.length ? { args: true as const } : {};
  if (t.classes.has(fn) || (fn === 'cls' && s.syn.id === 'python')) return { obj: { kind: 'instance', scope: s, ...given } };
  const list = t.fns.get(fn);
  if (!list) {
    const imp = lookup(s, fn, pos, depth + 1);
    if (imp?.obj?.kind === 'instance') return args?.list.length ? { ...imp, obj: { ...imp.obj, ...given } } : imp;
    // A function another module defines: what it returns there; `self.fn()` of a parent class imported from one.
    const parent = self !== undefined ? inheritedMethod(s, fn, self) : undefined;
    const other = importedFunction(s, fn, depth + 1) ?? (parent && { scope: parent.scope, name: fn });
    return other ? helper(other.scope, other.name, Number.MAX_SAFE_INTEGER, depth + 1, args && s.syn.id === 'python' ? { ...args, bind: true } : args) : undefined;
  }
  // `self.x()`: its class's. A bare Python call is a function of the module, not a class's method of the same name
  // (a notebook's `def messages_for(website)` beside `class Pricer: def messages_for(self, item)`).
  const f = (self !== undefined ? ownMethod(s, list, self) : undefined) ?? (self === undefined && s.syn.id === 'python' ? list.filter((g) => atMargin(s, g.name - 1)).at(-1) : undefined) ?? list[list.length - 1];
  // Read whether or not it gives a value: a prefix of the file that cuts the body (a helper defined below the call)
  // must leave the call to the full analysis (editor/prefix.ts), and an edit of the body concerns the call.
  if (s.toks[f.name].start >= pos) s.forward?.add(fn);
  // Java / Kotlin: a call with more arguments than the function declares parameters is another function's (a
  // Kotlin builder's `text(q)` in `content { … }` beside a class's `fun text()` of the file).
  if (isJvmLanguage(s.syn.id) && args && !takes(s, f.name, args.list.length)) return undefined;
  // A body left open (a prefix cut inside it, lines after its last token) reaches the end of the text.
  s.read?.push({ start: s.toks[f.name].start, end: f.bodyEnd >= s.toks.length ? s.text.length : s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
  return withArgs(s, f, args, () => fnValue(s, f, fn, depth));
}

/** What the function `f` returns: its returns' values (several: the dearest, the others named). */
export function fnValue(s: EvalScope, f: Fn, fn: string, depth: number): Value | undefined {
  const found: Value[] = [];
  if (f.expr) {
    const v = evaluate(s, f.body, f.bodyEnd, depth + 1);
    if (v) found.push(v);
  } else {
    for (let k = f.body; k < f.bodyEnd; k++) {
      if (isId(s.toks[k]) && s.toks[k].v === 'return' && !neverEntered(s, k, f.body) && !caseNotTaken(s, k, f.body, depth) && !memoReturn(s, k, f.body, f.bodyEnd)) {
        const e = exprEnd(s, k + 1);
        // `return new Promise((resolve) => …)`: what its `resolve(…)` calls give (js-promise-returns.ts).
        const settled = promiseResolves(s, k + 1, depth);
        const v = settled ? undefined : returned(s, f.body, k + 1, e, depth + 1); // `return _cache[name]` (py-memo-returns.ts)
        if (settled) found.push(...settled);
        else found.push(v ?? { runtime: fn + '()' });
        k = e - 1;
      }
    }
    // A Ruby method returns its last expression, a Rust fn its tail (a one-expression body): body-ends.ts lastStatement.
    // Ruby guard clauses before it (`return "No failures." unless failure`, then `build_prompt(…)`: held41 C20) are
    // other returns beside it, not the method's only ones.
    const last = (s.syn.id === 'ruby' || s.syn.id === 'rust') && f.body < f.bodyEnd ? lastStatement(s, f.body, f.bodyEnd) : -1;
    // A Ruby method whose last statement raises (`def system_prompt; raise NotImplementedError, "…"; end`, an abstract
    // method a subclass defines: held49 chiikusa-nikki) returns nothing: Kernel#raise ends it with an exception.
    if (last >= 0 && !(found.length && s.toks[last].v === 'return') && !(s.syn.id === 'ruby' && raisesAt(s, f.body, last))) {
      const v = evaluate(s, last, f.bodyEnd, depth + 1);
      if (v) found.push(v);
    }
  }
  // A factory that returns an instance (`return cls(**values)`), a loaded settings file (`return parser`), parsed
  // command-line options or a path (`return Path(__file__).parent / relative`): that object, or the file it names.
  if (found.length === 1 && (found[0].obj?.kind === 'instance' || found[0].obj?.kind === 'doc' || found[0].obj?.kind === 'cli' || found[0].path !== undefined)) return found[0];
  // A prompt builder that returns an object literal (`return { system: \`…\`, user: … }`): the object, whose members
  // are read where they are used (`prompt.system`), each evaluated in the builder (its parameters are holes).
  // Java / Kotlin: a messages list (`return List.of(system, user);`), read where it is sent (message-lists.ts).
  // Python: a messages list (`return [{"role": "system", "content": f"…"}, …]`), read where it is sent (lists-elsewhere.ts).
  // JS: a list of texts an arrow is handed one at a time (`prompts.map((prompt) => …)`, js-mapped-elements.ts).
  if (found.length === 1 && found[0].obj?.kind === 'table' && (s.toks[found[0].obj.open]?.v === '{' || isJvmLanguage(s.syn.id) || (s.syn.id === 'python' && /^[[(]$/.test(s.toks[found[0].obj.open]?.v ?? '')) || (s.syn.id === 'javascript' && s.toks[found[0].obj.open]?.v === '['))) return found[0];
  // A provider instance whichever return runs (`if (options) return creator(options); return creator()`).
  if (found.length && found.every((x) => x.factory !== undefined && x.factory === found[0].factory)) return { factory: found[0].factory };
  // Several returns: the dearest is the worst case, the others named; a return known only at run time beside
  // literal texts leaves the texts, with the run-time one named (branches.ts).
  const v = alternatives(found, `returned by ${fn}()`) ?? largestBound(`${fn}()`, found);
  if (!v) return undefined;
  const n = 1 + (v.others?.length ?? 0);
  const late = v.late ?? [];
  // Which of them counts depends on the slot (the longest prompt, the dearest model): the hover words it (format.ts).
  const src: ValueSource = { file: s.file, offset: s.toks[f.name].start, what: `returned by ${fn}()` };
  if (n > 1 && v.str !== undefined && v.num === undefined) src.of = n;
  if (late.length) src.late = late;
  // Several returns: the function is where the value comes from, whichever is priced.
  return { ...v, source: n > 1 || late.length ? src : v.source ?? src, otherSources: undefined };
}

/** Does toks[k] (a `def`, or the `async` before it) start its line? */
function atMargin(s: EvalScope, k: number): boolean {
  const at = s.toks[k - 1]?.v === 'async' ? k - 1 : k;
  const tk = s.toks[at];
  return !!tk && (tk.start === 0 || s.text[tk.start - 1] === '\n');
}

/** Does the line holding toks[k] (not before `from`) start with `raise` / `fail` (`raise NotImplementedError, "…"`)? */
function raisesAt(s: EvalScope, from: number, k: number): boolean {
  while (k > from && !firstOnLine(s.text, s.toks[k].start)) k--;
  return isId(s.toks[k]) && /^(?:raise|fail)$/.test(s.toks[k].v);
}

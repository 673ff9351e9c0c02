// A Prism pending request an app class returns: `$prismService->using($provider, $model)->withPrompt($p)->asText()`
// where PrismService::using() is `return Prism::text()->using($provider, $model);` (seen in Laravel starter kits: a
// thin service wrapping Prism's facade). The service's chain is read in its own file, each of its parameters given
// the caller's argument.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { tables } from './scope';
import { classScopes } from './imported';
import { argsOf, phpAssignment, phpMethod } from './php-chains';
import { calledNames } from './names-followed';
import { CALLERS } from './file-callers';

/** The service method's chain: its file, the token of `Prism`, and where an argument of it is really written. */
export interface ServiceChain {
  svc: Ctx;
  head: number;
  /** Where the value of the service's argument range [from, to) is written: the caller's argument passed for a
   * parameter (or for `$x = $param ?? …`), else the range itself in the service. */
  where(from: number, to: number): [Ctx, number, number];
}

/** Tokens before a variable's use looked through for its function's parameter list. */
const MAX_PARAM_SCAN = 64;

/**
 * The class of `$var` at token `head`: a parameter typed `Cls $var`, `$var = resolve(Cls::class)` / `app(Cls::class)` /
 * `new Cls(…)`; for `$this->prop` a typed property or promoted constructor parameter `Cls $prop`; `$this` itself.
 */
function classOf(c: Ctx, head: number): string | undefined {
  const { toks, match } = c;
  const tk = toks[head];
  const member = isP(toks[head - 1], '->') && toks[head - 2]?.v === '$this';
  const name = member ? '$' + tk.v : tk.v;
  // `$this->request()->withPrompt(…)->asText()`: a method of the call's own class.
  if (name === '$this') return name;
  const typed = (j: number) => (isId(toks[j - 1]) && /^[A-Z]/.test(toks[j - 1].v) ? toks[j - 1].v : undefined);
  if (member) {
    for (let j = 1; j < toks.length; j++) if (toks[j].v === name && isId(toks[j]) && typed(j)) return typed(j);
    return undefined;
  }
  const def = phpAssignment(c, name, head);
  if (def >= 0) {
    if (toks[def]?.v === 'new' && isId(toks[def + 1])) return toks[def + 1].v;
    const fn = toks[def]?.v;
    if ((fn === 'resolve' || fn === 'app') && isP(toks[def + 1], '(') && isId(toks[def + 2]) && isP(toks[def + 3], '::') && toks[def + 4]?.v === 'class' && isP(toks[def + 5], ')')) return toks[def + 2].v;
    return undefined;
  }
  // The enclosing function's parameters: `function handle(PrismService $prism)`.
  const f = enclosing(c, head);
  if (!f) return undefined;
  const open = f.name + 1;
  for (let j = open + 1; j < match[open] && j < open + MAX_PARAM_SCAN; j++) if (toks[j].v === name && isId(toks[j])) return typed(j);
  return undefined;
}

/** Traits a file's class uses read at most. */
const MAX_TRAITS = 8;

/** The traits the file's class uses: `use A, B;` inside its body (after `class`; `use` above it imports names), by
 * their last name (`use \\App\\Helpers\\PrismProvider;` → PrismProvider). */
function phpTraits(c: Ctx): string[] {
  const { toks } = c;
  const out: string[] = [];
  let inClass = false;
  for (let k = 0; k < toks.length && out.length < MAX_TRAITS; k++) {
    if (isId(toks[k]) && toks[k].v === 'class' && !isP(toks[k - 1], '::')) inClass = true;
    if (!inClass || !isId(toks[k]) || toks[k].v !== 'use' || isP(toks[k + 1], '(')) continue;
    for (let e = k + 1; e < toks.length && e < k + 40; e++) {
      if (isP(toks[e], ';') || isP(toks[e], '{')) {
        if (isId(toks[e - 1])) out.push(toks[e - 1].v);
        break;
      }
      if (isP(toks[e], ',') && isId(toks[e - 1])) out.push(toks[e - 1].v);
    }
  }
  return out;
}

/** The innermost function whose body holds token `k`. */
function enclosing(c: Ctx, k: number) {
  let own: { name: number; body: number; bodyEnd: number } | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/**
 * The Prism chain that `$var->m(…)` (head at `head`, `m`'s name at `method`) returns, read from m's class; undefined
 * when the variable's class is unknown, has no method m, or m returns no Prism request.
 */
export function serviceChain(c: Ctx, head: number, method: number, isHead: (s: Ctx, k: number) => boolean): ServiceChain | undefined {
  const { toks } = c;
  const cls = classOf(c, head);
  if (!cls) return undefined;
  const other = (name: string): Ctx[] => [...classScopes(c, name)].map((s) => ({ file: s.file, index: c.index, text: s.text, toks: s.toks, match: s.match, syn: s.syn, consts: s.consts }));
  // `$this->factory()`: a method of the class itself or of a trait it uses (`use PrismProvider;` in its body).
  const scopes: Ctx[] = cls === '$this' ? [c, ...phpTraits(c).flatMap(other)] : tables(c).classes.has(cls) ? [c] : other(cls);
  for (const svc of scopes) {
    if (!svc.text.includes('Prism')) continue;
    const f = phpMethod(svc, toks[method].v);
    if (!f) continue;
    for (let k = f.body; k < f.bodyEnd; k++) {
      if (!isId(svc.toks[k]) || svc.toks[k].v !== 'return' || !isHead(svc, k + 1)) continue;
      if (svc === c) c.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd]?.end ?? c.text.length });
      // Parameters by position and name, and what the caller passes for each.
      const params = new Map<string, number>();
      const popen = f.name + 1;
      for (let j = popen + 1, n = 0; j < svc.match[popen]; j++) {
        if (isP(svc.toks[j], ',')) n++;
        else if (isId(svc.toks[j]) && svc.toks[j].v.startsWith('$') && !params.has(svc.toks[j].v)) params.set(svc.toks[j].v, n);
      }
      const passed = argsOf(c, method + 2, c.match[method + 1]);
      const callerArg = (p: string) => passed.get(p.slice(1)) ?? passed.get(params.get(p)!);
      const where = (from: number, to: number): [Ctx, number, number] => {
        const one = to === from + 1 && isId(svc.toks[from]) && svc.toks[from].v.startsWith('$') ? svc.toks[from].v : undefined;
        if (one && params.has(one)) {
          const a = callerArg(one);
          return a ? [c, a[0], a[1]] : [svc, from, to];
        }
        // `$resolved = $model ?? $this->defaultModel()`: the caller's value when it passes one.
        const def = one ? phpAssignment(svc, one, from) : -1;
        const p = def >= 0 ? svc.toks[def].v : '';
        if (params.has(p) && isP(svc.toks[def + 1], '??')) {
          const a = callerArg(p);
          if (a) return [c, a[0], a[1]];
        }
        return [svc, from, to];
      };
      return { svc, head: k + 1, where };
    }
  }
  return undefined;
}

/** Calls of a function read for the request they pass it, at most. */
const MAX_PASSERS = 8;

/**
 * `$prism` an untyped parameter of the enclosing function, which every call of it in the file passes the same request
 * that a method of the class makes: `$this->chat($prism)` after `$prism = $this->prismFactory();` (held70
 * trushalbrainvire/aichatbot app/Console/Commands/Chat.php). The `$this` and method name tokens of that making call.
 */
export function passedFactory(c: Ctx, head: number): { self: number; method: number } | undefined {
  const { toks, match } = c;
  const name = toks[head].v;
  const f = enclosing(c, head);
  if (!f) return undefined;
  const open = f.name + 1;
  let at = -1;
  for (let j = open + 1, n = 0; j < match[open] && j < open + MAX_PARAM_SCAN; j++) {
    if (isP(toks[j], ',')) n++;
    else if (isId(toks[j]) && toks[j].v === name) {
      if (isId(toks[j - 1])) return undefined; // typed: classOf's
      at = n;
      break;
    }
  }
  if (at < 0) return undefined;
  const fn = toks[f.name].v;
  // Typing or deleting a call of it anywhere in the file changes the answer (editor/prefix.ts).
  c.readNames?.add(fn);
  c.forward?.add(CALLERS + fn);
  let made: { self: number; method: number } | undefined;
  const calls = (calledNames(toks).get(fn) ?? []).filter((k) => !(isId(toks[k - 1]) && toks[k - 1].v === 'function'));
  if (!calls.length || calls.length > MAX_PASSERS) return undefined;
  for (const k of calls) {
    if (!(isP(toks[k - 1], '->') && toks[k - 2]?.v === '$this') || !isP(toks[k + 1], '(')) return undefined;
    const a = argsOf(c, k + 2, match[k + 1]).get(at);
    if (!a) return undefined;
    let v = a[0];
    if (a[1] === a[0] + 1 && isId(toks[v]) && toks[v].v.startsWith('$')) v = phpAssignment(c, toks[v].v, k);
    // `$this->method()` with no arguments, the whole value.
    if (v < 0 || toks[v]?.v !== '$this' || !isP(toks[v + 1], '->') || !isId(toks[v + 2]) || !isP(toks[v + 3], '(') || match[v + 3] !== v + 4) return undefined;
    if (made && toks[made.method].v !== toks[v + 2].v) return undefined;
    made ??= { self: v, method: v + 2 };
  }
  return made;
}

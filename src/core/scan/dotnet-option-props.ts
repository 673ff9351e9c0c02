// Properties of a bound .NET options class that are computed from its other properties: expression-bodied
// properties joining settings values, `internal string Intent => string.Join("\n", this.IntentParts);` with
// `internal string[] IntentParts => new string[] { this.Description, "{{$history}}", this.IntentContinuation };`
// and interpolations `$"{this.MemoryName} Description:\n{this.MemoryExtraction}"` (the prompts of
// microsoft/chat-copilot webapi/Options/PromptsOptions.cs, each a key of appsettings.json "Prompts"). The body is read
// with `this` bound to the options object as bound, so each property it names is its settings value.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './scope';
import { classScopes } from './imported';
import { tables } from './scope';
import { evaluate } from './evaluate';
import { configMember, type ConfigObj } from './dotnet-config';
import type { EvalScope, Value } from './value';

/** The options class's scopes with `this` bound, by class scope and binding (file, section, class). */
const bound = new KeyMemo<EvalScope, Map<string, EvalScope>>();

/** The value of the expression-bodied property `name` of the options class `o.cls`, read with `this` bound to `o`. */
export function optionsProperty(o: ConfigObj, name: string, depth: number): Value | undefined {
  const p = optionsPropertyAt(o, name);
  if (!p) return undefined;
  const v = evaluate(p.scope, p.at, p.end, depth + 1);
  if (!v || v.runtime !== undefined || (v.str === undefined && !v.obj)) return v;
  return v.source ? v : { ...v, source: { file: p.scope.file, offset: p.scope.toks[p.at - 2].start, what: `${o.cls}.${name}` } };
}

/** The body of the expression-bodied property `name` of `o.cls`: its tokens [at, end) in the class's scope with
 * `this` bound to `o` (dotnet-out-values.ts reads a dictionary initializer there). */
export function optionsPropertyAt(o: ConfigObj, name: string): { scope: EvalScope; at: number; end: number } | undefined {
  if (!o.cls) return undefined;
  const scopes = tables(o.scope).classes.has(o.cls) ? [o.scope] : [...classScopes(o.scope, o.cls)];
  for (const sc of scopes) {
    const at = propertyAt(sc, o.cls, name);
    if (at < 0) continue;
    return { scope: selfScope(sc, o), at: at + 2, end: exprEnd(sc, at + 2) };
  }
  return undefined;
}

/** `Type Name =>` (a type name, `string[]`, `IList<string>`, `string?`) inside `class cls { … }`: the name's token. */
function propertyAt(s: EvalScope, cls: string, name: string): number {
  const { toks, match } = s;
  let from = 0;
  let to = -1;
  for (let k = 1; k < toks.length - 2; k++) {
    if (toks[k].v !== cls || !isId(toks[k - 1]) || toks[k - 1].v !== 'class') continue;
    let b = k + 1;
    while (b < toks.length && b < k + 64 && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (isP(toks[b], '{') && match[b] > b) [from, to] = [b, match[b]];
    break;
  }
  for (let k = from + 1; k < to; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || !isP(toks[k + 1], '=>')) continue;
    const p = toks[k - 1];
    if ((isId(p) && !isP(toks[k - 2], '.')) || isP(p, ']') || isP(p, '>') || isP(p, '?')) return k;
  }
  return -1;
}

function selfScope(sc: EvalScope, o: ConfigObj): EvalScope {
  let m = bound.get(sc);
  if (!m) bound.set(sc, (m = new Map()));
  const key = `${o.scope.file}\0${o.path?.join(':') ?? ''}\0${o.cls}`;
  let self = m.get(key);
  if (!self) {
    // The class's tables are computed once, on the class's own scope, and shared.
    tables(sc);
    self = { ...sc, self: (n, d) => configMember(o, n, d) };
    m.set(key, self);
  }
  return self;
}

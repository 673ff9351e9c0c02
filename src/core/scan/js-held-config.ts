// `this.config.model` where the constructor keeps the whole object it is given (`constructor(config = {}) {
// this.config = config }`): the member each `new Class({ model: … })` passes, as for `this.model = config.model`
// (js-constructors.ts). Seen in a held-out Node app whose provider classes read `this.config.model || 'fallback'`: the
// fallback was priced though every construction passes its model.
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { paramMemberFromCallers } from './file-callers';
import type { EvalScope, Value } from './value';

/** `this.<field>.<key>` with `this.<field> = <param>` in a constructor: the key the constructor's callers pass. */
export function heldConfigMember(s: EvalScope, field: string, key: string, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks } = s;
  let found: Value | undefined;
  for (const b of tables(s).binds.get('.' + field) ?? []) {
    const v = b.value;
    // A bare name, the statement's whole value: `this.config = config;` (not `config.x`, `config || {}`).
    if (b.kind !== 'member' || v < 0 || !isId(toks[v]) || isP(toks[v + 1], '.') || isP(toks[v + 1], '(') || isP(toks[v + 1], '[') || isP(toks[v + 1], '||') || isP(toks[v + 1], '??')) continue;
    // A second assignment of the field from something else: not one held object.
    if (found) return undefined;
    found = paramMemberFromCallers(s, toks[v].v, key, toks[v].start, depth + 1);
    if (!found) return undefined;
  }
  return found;
}

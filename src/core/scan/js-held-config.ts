// `this.config.model` where the constructor keeps the whole object it is given (`constructor(config = {}) {
// this.config = config }`): the member each `new Class({ model: … })` passes, as for `this.model = config.model`
// (js-constructors.ts). Seen in a held-out Node app whose provider classes read `this.config.model || 'fallback'`: the
// fallback was priced though every construction passes its model.
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { paramMemberFromCallers } from './file-callers';
import type { EvalScope, Value } from './value';
import { typedSettingsDefault } from './ts-typed-defaults';

/** `this.<field>.<key>` with `this.<field> = <param>` in a constructor: the key the constructor's callers pass; else,
 * for a field typed with the app's settings type, the settings' default (ts-typed-defaults.ts). Use at toks[i]. */
export function heldConfigMember(s: EvalScope, [field, ...keys]: string[], i: number, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  return (keys.length === 1 ? passedMember(s, field, keys[0], depth) : undefined) ?? typedSettingsDefault(s, field, keys, i, depth);
}

function passedMember(s: EvalScope, field: string, key: string, depth: number): Value | undefined {
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
  if (found) return found;
  // TypeScript's parameter property, `constructor(private config: EngineConfig) {}`: the same as `this.config = config`.
  const held = parameterProperty(s, field);
  return held >= 0 ? paramMemberFromCallers(s, field, key, toks[held].end, depth + 1) : undefined;
}

const MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'override']);

/** The token of `field` declared as a parameter property of a constructor of the file, or -1. */
function parameterProperty(s: EvalScope, field: string): number {
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'constructor' || !isId(toks[k]) || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) continue;
    for (let j = k + 2; j < match[k + 1]; j++) {
      if (isId(toks[j]) && MODIFIERS.has(toks[j].v) && isId(toks[j + 1]) && toks[j + 1].v === field) return j + 1;
    }
  }
  return -1;
}

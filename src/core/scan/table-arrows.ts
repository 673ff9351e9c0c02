// A call of an arrow function kept in an object literal: `prompt.user(input)` after `const prompt = buildPrompt()`
// returning `{ system: "…", user: (input) => \`Summarize … ${input.url}\` }` (held55 mik3ola/tc-summarizer
// src/background.js): the arrow's value with this call's arguments bound to its parameters.
import { isP } from '../lex/brackets';
import type { Fn } from './scope';
import type { EvalScope, Value } from './value';
import { arrowFn } from './function-forms';
import { entryAt } from './dict-spreads';
import { inFrames, withArgs, type CallArgs } from './arg-frames';
import { fnValue } from './fn-values';

export function tableArrow(base: Value | undefined, key: string, given: CallArgs, depth: number): Value | undefined {
  const obj = base?.obj;
  if (obj?.kind !== 'table' || obj.scope.syn.id !== 'javascript') return undefined;
  const s = obj.scope;
  const { toks, match } = s;
  if (!isP(toks[obj.open], '{')) return undefined;
  const close = match[obj.open];
  for (let k = obj.open + 1; k < close; k++) {
    const entry = entryAt(s, k, obj.open, close);
    if (entry) {
      if (toks[k].v === key) {
        const f = arrowFn(s, entry[0]);
        if (!f) return undefined;
        const fn: Fn = { ...f, name: k } as Fn;
        return inFrames(obj.frames, () => withArgs(s, fn, given, () => fnValue(s, fn, key, depth + 1)));
      }
      k = entry[1] - 1;
    } else if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
  }
  return undefined;
}

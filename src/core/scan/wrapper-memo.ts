// Whether a function of a file is an app's own HTTP sender (http-wrappers.ts for JS/TS and Python, go-http-wrappers.ts
// for Go), judged once per file scope and name: the first of the name's definitions that `judge` accepts.
import { KeyMemo } from '../util/key-memo';
import { tables } from './scope';
import type { Fn } from './function-forms';
import type { EvalScope } from './value';
import type { Wrapper } from './http-wrappers';

export type WrapperCache = KeyMemo<object, Map<string, Wrapper | null>>;

export function judgedOnce(cache: WrapperCache, s: EvalScope, name: string, judge: (s: EvalScope, fn: Fn) => Wrapper | undefined): Wrapper | undefined {
  let m = cache.get(s);
  if (!m) cache.set(s, (m = new Map()));
  let w = m.get(name);
  if (w === undefined) {
    w = null;
    // A sender calling itself, or two calling each other (js-https-request.ts reads the senders a function calls).
    m.set(name, null);
    for (const fn of tables(s).fns.get(name) ?? []) {
      w = judge(s, fn) ?? null;
      if (w) break;
    }
    m.set(name, w);
  }
  return w ?? undefined;
}

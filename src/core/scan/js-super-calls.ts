// `super(…)` in the constructor of a class that extends a JS/TS class is a call of that class's constructor: a base
// service class keeps the config it is given (`constructor(config) { this.config = config }`) and each provider
// class passes its own (`class ClaudeService extends BaseAIService { constructor() { super(CLAUDE_CONFIG) } }`), the
// form of several AI-service modules in the code corpus. Each derived class is one config reaching the base's call.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { calledNames } from './names-followed';
import { constructorClass } from './js-constructors';
import type { EvalScope } from './value';

/** Tokens read after `class X extends L` for the body's `{` at most (type arguments, `implements` lists). */
const MAX_HEADER = 64;

/**
 * The `super` tokens of `super(…)` calls in the constructors of `sc`'s classes that extend `local`; null when such a
 * class has no `super(` call of its own (no constructor: its `new` calls pass their arguments on, not read here).
 */
export function superCalls(sc: EvalScope, local: string): number[] | null {
  let memo = SEEN.get(sc.toks);
  if (!memo) SEEN.set(sc.toks, (memo = new Map()));
  if (!memo.has(local)) memo.set(local, read(sc, local));
  return memo.get(local)!;
}

/** Per token list (a file's text), per class name: its super calls. */
const SEEN = new KeyMemo<object, Map<string, number[] | null>>();

function read(sc: EvalScope, local: string): number[] | null {
  const { toks, match } = sc;
  const out: number[] = [];
  for (let k = 0; k + 3 < toks.length; k++) {
    if (!(isId(toks[k]) && toks[k].v === 'class' && isId(toks[k + 1]) && toks[k + 2]?.v === 'extends' && toks[k + 3].v === local && !isP(toks[k + 4], '.'))) continue;
    let b = k + 4;
    while (b < toks.length && b < k + MAX_HEADER && !isP(toks[b], '{')) b++;
    if (!isP(toks[b], '{') || match[b] < b) continue;
    const own = (calledNames(toks).get('super') ?? []).filter((j) => j > b && j < match[b] && constructorClass(sc, j) === k + 1);
    if (!own.length) return null;
    out.push(...own);
  }
  return out;
}

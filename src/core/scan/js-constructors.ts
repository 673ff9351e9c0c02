// Arguments file-callers.ts reads for a JS/TS parameter: a class's constructor is called as `new Name(…)`, and what a
// caller passes may be an object literal (its member read there) or a name holding the object, whose member is read
// where that name is bound (`this.model = config.model` in a constructor made by `new ChatClient(config)` in a factory
// `createClient(config)` that the app calls with the default export of config.ts: akane src/boot/chat.ts).
import { T, type Token } from '../lex/lexer';
import { isId, isP, readChain } from '../lex/brackets';
import { member } from './members';
import type { EvalScope, Value } from './value';

/** Tokens walked back from a constructor to its `class` keyword. */
const MAX_CLASS_WALK = 20000;
/** Tokens between a class's name and its body's `{` (`extends Base<T> implements A, B`). */
const MAX_CLASS_HEADER = 64;

/** The name token of the class whose `constructor` is named at token `at`, or -1. */
export function constructorClass(s: EvalScope, at: number): number {
  const { toks, match } = s;
  for (let k = at - 1; k >= 1 && at - k < MAX_CLASS_WALK; k--) {
    if (!(isId(toks[k]) && toks[k].v === 'class' && isId(toks[k + 1]) && !isP(toks[k - 1], '.'))) continue;
    let b = k + 2;
    while (b < at && b < k + MAX_CLASS_HEADER && !isP(toks[b], '{')) b++;
    // A body left open (the editor's first screen cut inside the class) holds the constructor too.
    if (isP(toks[b], '{') && (match[b] > at || match[b] < 0)) return k + 1;
  }
  return -1;
}

/** `new Name(` at token k (the name's index). */
export const isNew = (toks: Token[], k: number): boolean => isId(toks[k - 1]) && toks[k - 1].v === 'new' && !isP(toks[k - 2], '.');

/**
 * Tokens of the value an object literal argument gives `key` (`key: v`, or the shorthand `{ key }`); null when the
 * literal has no such key, undefined when it is no literal or a spread may set it.
 */
export function literalMember(s: EvalScope, arg: [number, number], key: string): [number, number] | null | undefined {
  // A member path (`config.openai.model` of a parameter `config`): each object literal in turn.
  const dot = key.indexOf('.');
  if (dot > 0) {
    const outer = literalMember(s, arg, key.slice(0, dot));
    return outer ? literalMember(s, outer, key.slice(dot + 1)) : outer;
  }
  const { toks, match } = s;
  const open = arg[0];
  if (!isP(toks[open], '{') || match[open] !== arg[1] - 1) return undefined;
  let from = open + 1;
  for (let k = open + 1; k <= match[open]; k++) {
    if (k < match[open] && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (k !== match[open] && !isP(toks[k], ',')) continue;
    if (k > from) {
      const first = toks[from];
      if (isP(first, '...')) return undefined;
      if ((first.t === T.Id || first.t === T.Str) && first.v === key) {
        if (k === from + 1) return [from, k];
        if (isP(toks[from + 1], ':') && k > from + 2) return [from + 2, k];
      }
    }
    from = k + 1;
  }
  return null;
}

/** A name (or `a.b`) passed whole for a parameter whose member `key` is read: that member where the name is bound
 * (an import, a local, the caller's own parameter and its callers); undefined when the argument is no such name. */
export function passedMember(s: EvalScope, arg: [number, number], key: string, depth: number): Value | undefined {
  const chain = readChain(s.toks, arg[0], arg[1]);
  if (chain.end !== arg[1] || !chain.names.length) return undefined;
  return member(s, undefined, [...chain.names, ...key.split('.')], arg[0], depth);
}

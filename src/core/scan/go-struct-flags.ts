// What urfave/cli's flag literals (go-urfave-flags.ts) and coder/serpent's option literals (go-serpent.ts) share: a Go
// keyed struct literal read field by field, and the flag it binds to a variable.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** A flag bound to a variable by a struct literal. */
export interface BoundFlag {
  /** The bound path (`config.maxToken`, `opts.model`), the flag name's token, the default's token range. */
  path: string;
  name: number;
  from: number;
  to: number;
  /** The literal's extent, read when the default is taken; serpent's Int64Of: the default is a text holding the number. */
  start: number;
  end: number;
  numeric?: boolean;
}

/** Each `Key: value` of the keyed struct literal whose `{` is toks[open]: the key's token and the value's token range. */
export function keyedFields(s: EvalScope, open: number): { key: number; from: number; to: number }[] {
  const { toks, match } = s;
  const close = match[open];
  const out: { key: number; from: number; to: number }[] = [];
  for (let j = open + 1; j < close; j++) {
    if (match[j] > j) { j = match[j]; continue; }
    if (!isId(toks[j]) || !isP(toks[j + 1], ':') || (j > open + 1 && !isP(toks[j - 1], ','))) continue;
    let e = j + 2;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    out.push({ key: j, from: j + 2, to: e });
    j = e - 1;
  }
  return out;
}

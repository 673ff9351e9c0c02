// A bare Ruby name that is a method of the parent class, defined in the parent's file: `class Translator < Engine`
// calling `model` (`@openai.chat(parameters: { model: model, … })`) with `def model; "gpt-3.5-turbo"; end` under
// `private` in engine.rb (held45 kraytruthg/catGPT lib/openai_characters/*.rb over lib/openai_engine.rb). Ruby looks a
// method up in the class, then in its ancestors, private ones too when called without a receiver
// (https://docs.ruby-lang.org/en/master/syntax/calling_methods_rdoc.html#label-Receiver; Module#private).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { classScopes } from './class-files';
import { helper } from './fn-values';
import { tables } from './scope';
import type { EvalScope, Value } from './value';

/** Parent classes followed up the chain at most. */
const MAX_ANCESTORS = 3;

/** What the parent class's (or a further ancestor's) method `name` returns, read in its file; undefined when none. */
export function parentMethod(s: EvalScope, name: string, at: number, depth: number, hops = 0): Value | undefined {
  if (hops >= MAX_ANCESTORS || depth > 8) return undefined;
  const parent = parentOf(s, at);
  if (!parent) return undefined;
  for (const other of classScopes(s, parent)) {
    const open = classAt(other, parent);
    if (open < 0) continue;
    if (tables(other).fns.get(name)?.some((f) => f.name > open)) return helper(other, name, Number.MAX_SAFE_INTEGER, depth + 1);
    // Not the parent's own: its parent's, in turn.
    return parentMethod(other, name, open + 1, depth + 1, hops + 1);
  }
  return undefined;
}

/** The parent of the class open at token `at`: `class C < P` (`P` of `< Mod::P`), with the header a read span. */
function parentOf(s: EvalScope, at: number): string | undefined {
  const { toks } = s;
  for (let k = Math.min(at, toks.length - 1); k >= 0; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== 'class' || isP(toks[k - 1], '.') || toks[k + 1]?.t !== T.Id) continue;
    let n = k + 1;
    while (toks[n + 1]?.v === '::' && toks[n + 2]?.t === T.Id) n += 2;
    if (!isP(toks[n + 1], '<')) return undefined;
    let e = n + 2;
    while (toks[e + 1]?.v === '::' && toks[e + 2]?.t === T.Id) e += 2;
    if (toks[e]?.t !== T.Id || !/^[A-Z]/.test(toks[e].v)) return undefined;
    s.read?.push({ start: toks[k].start, end: toks[e].end });
    return toks[e].v;
  }
  return undefined;
}

/** The token of `class cls` in the file, or -1. */
function classAt(s: EvalScope, cls: string): number {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) if (toks[k].v === 'class' && toks[k].t === T.Id && toks[k + 1].v === cls) return k + 1;
  return -1;
}

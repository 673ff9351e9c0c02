// A bare Ruby name that is a method of the parent class, defined in the parent's file: `class Translator < Engine`
// calling `model` (`@openai.chat(parameters: { model: model, … })`) with `def model; "gpt-3.5-turbo"; end` under
// `private` in engine.rb (held45 kraytruthg/catGPT lib/openai_characters/*.rb over lib/openai_engine.rb). Ruby looks a
// method up in the class, then in its ancestors, private ones too when called without a receiver
// (https://docs.ruby-lang.org/en/master/syntax/calling_methods_rdoc.html#label-Receiver; Module#private).
import { T } from '../lex/lexer';
import { classScopes } from './class-files';
import { helper } from './fn-values';
import { tables } from './scope';
import { rubyClassHead } from './ruby-parent-attrs';
import type { EvalScope, Value } from './value';

/** Parent classes followed up the chain at most. */
const MAX_ANCESTORS = 3;

/** What the parent class's (or a further ancestor's) method `name` returns, read in its file; undefined when none. */
export function parentMethod(s: EvalScope, name: string, at: number, depth: number, hops = 0): Value | undefined {
  if (hops >= MAX_ANCESTORS || depth > 8) return undefined;
  const head = rubyClassHead(s, at);
  if (!head) return undefined;
  s.read?.push({ start: s.toks[head.at].start, end: s.toks[head.end].end });
  const { parent } = head;
  for (const other of classScopes(s, parent)) {
    const open = classAt(other, parent);
    if (open < 0) continue;
    if (tables(other).fns.get(name)?.some((f) => f.name > open)) return helper(other, name, Number.MAX_SAFE_INTEGER, depth + 1);
    // Not the parent's own: its parent's, in turn.
    return parentMethod(other, name, open + 1, depth + 1, hops + 1);
  }
  return undefined;
}

/** The token of `class cls` in the file, or -1. */
function classAt(s: EvalScope, cls: string): number {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) if (toks[k].v === 'class' && toks[k].t === T.Id && toks[k + 1].v === cls) return k + 1;
  return -1;
}

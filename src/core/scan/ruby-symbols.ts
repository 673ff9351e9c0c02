// A Ruby symbol written as a value: `name = :anthropic`, `when :anthropic`, `provider: :openai`. Its name is what the
// code later looks a hash entry up by (`config.llm.providers[name]` of `providers = { anthropic: { model: … } }`,
// procload/ai-dnd-rails app/services/llm/factory.rb), so it reads as that text, as a symbol key `[:model]` does
// (members.ts). `Symbol#to_sym` and `String#to_sym` give the same name (Ruby core docs), read in rails-config.ts.
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** The symbol `:name` at token i (the colon right before the name), as its name's text; undefined when none is. */
export function rubySymbol(s: EvalScope, i: number): { v: Value; next: number } | undefined {
  const { toks } = s;
  const name = toks[i + 1];
  if (s.syn.id !== 'ruby' || !isP(toks[i], ':') || !isId(name) || name.start !== toks[i].end) return undefined;
  return { v: { str: name.v }, next: i + 2 };
}

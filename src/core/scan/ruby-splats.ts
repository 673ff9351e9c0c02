// Ruby `llm.chat(**kwargs)` (Heavyblade/ai_patterns lib/agents/abilities/chat.rb `def chat(**kwargs);
// llm.chat(**kwargs).chat_completion; end`): the keyword arguments splatted in are merged into the call at run time
// (https://docs.ruby-lang.org/en/3.3/syntax/calling_methods_rdoc.html "Hash to Keyword Arguments Conversion"), so the
// output limit may be among them, as for Python's `create(**kwargs)` (requests.ts spreadArgs): named once, never
// "add a limit".
import type { Found } from './keys';
import type { Ctx } from './values';
import { spreadArgs } from './requests';

const MERGED = ' (merged at run time)';

/** The call's `**name` splats in toks[from, to) named as merged at run time, when no limit is known. */
export function rubySplats(c: Ctx, f: Found, from: number, to: number): void {
  if (c.syn.id !== 'ruby' || f.limit || f.limitUnresolved) return;
  spreadArgs(c, f, from, to);
  const merged = new Set(f.parts.filter((p) => !p.resolved && p.label?.endsWith(MERGED)).map((p) => p.label!.slice(0, -MERGED.length)));
  if (merged.size) f.parts = f.parts.filter((p) => p.resolved || !merged.has(p.label ?? ''));
}

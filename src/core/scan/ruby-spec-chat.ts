// A RubyLLM chat an RSpec example sends: `let(:chat) { RubyLLM.chat(model: 'claude-haiku-4-5') }` in a `describe` /
// `context` block, then `chat.ask(…)` in an `it` block. `let(name) { … }` and `let!` define a memoized helper method
// `name` for the examples of the group (rspec-core features/helper_methods/let.feature, "Use `let` to define a memoized
// helper method", as vendored at rspec-core 2.6.0); a nested group is a subclass of its parent, so its own `let` of the
// name is the one its examples call. A local assigned in another `it … do … end` block is not seen there ("Since the
// block creates a new scope, any local variables created inside it do not leak to the surrounding scope":
// ruby-doc.org/core-2.6/doc/syntax/assignment_rdoc.html, Local Variable Scope). Seen in crmne/ruby_llm (fb5a49bf)
// spec/ruby_llm/chat_server_tools_spec.rb:222–343, each `context 'with <provider>/<model>'` with its own `let(:chat)`,
// all once priced with the `chat = RubyLLM.chat(model: 'deepseek-v4-flash')` of an earlier `it` block (line 184).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { lastStatement, rubyEnd } from './body-ends';
import { identsNamed } from './run-index';
import { closedBefore, enclosingDo } from './ruby-do-blocks';

/** The words that define an example group's memoized method. */
const DEFINERS = new Set(['let', 'let!']);
/** Definitions of one name read at most. */
const MAX_DEFS = 64;

/** The chat's value for a `name.ask(…)` at `dot`: the assignment `def` when the send sees it, else a spec's `let`'s
 * value; `from` is where links set on the chat by name start to count (the send's own block for a `let`). */
export function specChat(c: Ctx, name: string, def: number, dot: number): { def: number; from: number; spec: boolean } {
  if (c.syn.id !== 'ruby') return { def, from: def + 1, spec: false };
  if (def >= 0 && !closedBefore(c, def, dot)) return { def, from: def + 1, spec: false };
  const { toks, match } = c;
  let best = -1;
  let bestDo = -2;
  let n = 0;
  for (const j of identsNamed(c, name)) {
    if (j >= dot || n >= MAX_DEFS) break;
    // `let(:chat) {` / `let(:chat) do`: the symbol is `:` then the name, with no space.
    const w = j - 3;
    if (w < 0 || !DEFINERS.has(toks[w].v) || !isId(toks[w]) || !isP(toks[w + 1], '(') || !isP(toks[j - 1], ':') || toks[j - 1].end !== toks[j].start || !isP(toks[j + 1], ')')) continue;
    n++;
    const open = j + 2;
    let value = -1;
    let end = -1;
    if (isP(toks[open], '{') && match[open] > open) [value, end] = [open + 1, match[open]];
    else if (toks[open]?.v === 'do' && isId(toks[open])) [value, end] = [open + 1, rubyEnd(c.text, toks, open + 1)];
    if (value < 0 || end <= value || end >= dot) continue;
    const v = lastStatement(c, value, end);
    if (v < 0) continue;
    // The group it belongs to must hold the send; the nearest such group wins, and a later definition in it.
    const group = enclosingDo(c, w);
    if (group && !(group[0] < dot && group[1] > dot)) continue;
    const at = group ? group[0] : -1;
    if (at < bestDo) continue;
    [best, bestDo] = [v, at];
    c.read?.push({ start: toks[w].start, end: toks[end].end });
  }
  if (best < 0) return { def: -1, from: -1, spec: false };
  const own = enclosingDo(c, dot);
  return { def: best, from: own ? own[0] : best + 1, spec: true };
}

// A RubyLLM chat a method of the class makes and returns: `def chat; chat = RubyLLM.chat(model: llm_model);
// chat.with_instructions(…); end`, sent elsewhere as `chat.ask(…)` (a Ruby method's value is its last statement:
// https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html#label-Return+Values; each `with_*` link returns the chat,
// crmne/ruby_llm lib/ruby_llm/chat.rb). The method's chain is read as if written before the send. basecamp/fizzy
// app/models/event/summarizer.rb (before aa1ffb335): `@llm_response ||= chat.ask …` with `def chat` below (held80 F1).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { lastStatement, rubyEnd } from './body-ends';
import { assignmentBefore } from './definitions';
import { identsNamed } from './run-index';

/**
 * `name` at toks[head] called with no arguments and no receiver, a method of the file whose value is a RubyLLM chain:
 * its links (from `RubyLLM.chat` on) put before `links`, and the chain's first token; -1 when it is none.
 */
export function methodChat(c: Ctx, head: number, links: number[], forward: (head: number) => number[] | undefined, from: (k: number) => number[]): number {
  const { toks } = c;
  const tk = toks[head];
  if (!tk || !isId(tk) || tk.v.startsWith('@') || isP(toks[head - 1], '.') || isP(toks[head + 1], '(')) return -1;
  c.readNames?.add(tk.v);
  // The file's uses of the name (run-index.ts), in order: the first `def name` is the method.
  for (const j of identsNamed(c, tk.v)) {
    const k = j - 1;
    if (k < 0 || toks[k].v !== 'def' || !isId(toks[k]) || isP(toks[k + 2], '.')) continue;
    // `def chat(x)`: a method with parameters is another call.
    let body = k + 2;
    if (isP(toks[body], '(')) {
      if (c.match[body] !== body + 1) return -1;
      body += 2;
    }
    const end = rubyEnd(c.text, toks, body);
    if (end >= toks.length || (head > k && head < end)) return -1;
    const last = lastStatement(c, body, end);
    if (last < 0) return -1;
    c.read?.push({ start: toks[k].start, end: toks[end].end });
    // `RubyLLM.chat(…).with_instructions(…)` as the value itself.
    const own = forward(last);
    if (own) {
      links.unshift(...own);
      return last;
    }
    // `chat = RubyLLM.chat(…)` then `chat.with_instructions(…)` as the last statement.
    const v = toks[last];
    if (!isId(v) || !isP(toks[last + 1], '.') || !isId(toks[last + 2]) || !toks[last + 2].v.startsWith('with_')) return -1;
    const def = assignmentBefore(c, v.v, last);
    const made = def > body ? forward(def) : undefined;
    if (!made) return -1;
    links.unshift(...made, ...from(last + 2));
    return def;
  }
  return -1;
}

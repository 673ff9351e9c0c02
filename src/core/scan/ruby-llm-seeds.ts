// A RubyLLM chat record whose class adds a message when a record is made: `after_create :add_system_prompt` with
// `def add_system_prompt; add_message role: :system, content: system_prompt; end` (swinner2/llm_agent_example
// app/models/chat.rb). Rails runs an after_create callback once the record is inserted (guides.rubyonrails.org,
// Active Record Callbacks), and the Rails integration stores what `add_message` / `with_instructions` add among the
// record's messages (crmne/ruby_llm 1.6.4 lib/ruby_llm/active_record/chat_methods.rb), which every later `ask` /
// `complete` sends: the record's stored history starts with it. Read in the app's one `acts_as_chat` class.
import type { PromptPart } from '../types';
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { Found } from './keys';
import type { Ctx } from './values';
import { tables } from './scope';
import { collectParts } from './parts';
import { argsOf } from './php-chains';
import { argRange } from './ruby-command-args';
import { chatRecords } from './ruby-llm-records';
import { contextOf, partsFrom } from './imported-runnables';

const HOOKS = new Set(['after_create', 'after_create_commit']);
/** Callbacks named by one hook line read at most. */
const MAX_NAMES = 4;

/** The messages the record class's after_create callbacks add: prepended to `f`'s parts, placed at token `at`. */
export function recordSeed(c: Ctx, f: Found, at: number): void {
  const recs = chatRecords(c.index, c.file);
  if (!recs || recs.classes.size !== 1) return;
  const file = [...recs.classes.values()][0].file;
  const scope = file === c.file ? c : c.index!.scope(file);
  if (!scope || !scope.text.includes('after_create')) return;
  const oc = file === c.file ? c : contextOf(scope, c);
  const { toks } = oc;
  const seed: PromptPart[] = [];
  const count = { system: 0, other: 0 };
  for (let k = 0; k + 2 < toks.length; k++) {
    if (!HOOKS.has(toks[k].v) || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
    // `after_create :add_system_prompt, :greet`: the callbacks' names, symbols.
    for (let j = k + 1, n = 0; n < MAX_NAMES && j + 1 < toks.length; n++, j += 3) {
      const name = isP(toks[j], ':') && isId(toks[j + 1]) ? toks[j + 1].v : toks[j].t === T.Str && toks[j].v.startsWith(':') ? toks[j].v.slice(1) : undefined;
      if (!name) break;
      callbackMessages(oc, name, seed, count);
      if (!isP(toks[j + 2], ',')) break;
    }
  }
  if (!seed.length) return;
  const here = { start: c.toks[at].start, end: c.toks[at].end };
  f.parts.unshift(...(oc === c ? seed : partsFrom(seed, file, here, 'added by the chat class\'s after_create callback')));
  f.system = (f.system ?? 0) + count.system;
  f.messages += count.other;
}

/** The messages the method `name` of the class adds (`add_message role: :system, content: x`, `with_instructions(x)`):
 * their parts pushed to `out`, counted as system messages or others. */
function callbackMessages(c: Ctx, name: string, out: PromptPart[], count: { system: number; other: number }): void {
  const fn = tables(c).fns.get(name)?.find((x) => c.toks[x.name - 1]?.v === 'def');
  if (!fn) return;
  const { toks } = c;
  // The record's own class sending (`self.ask "…"`): an edit of the callback changes the call (editor/incremental.ts).
  c.read?.push({ start: toks[fn.name].start, end: toks[Math.max(fn.name, fn.bodyEnd - 1)].end });
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    const word = toks[k].v;
    if ((word !== 'add_message' && word !== 'with_instructions') || !isId(toks[k]) || (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'self')) continue;
    const range = argRange(c, k);
    if (!range) continue;
    const args = argsOf(c, range[0], range[1]);
    const content = word === 'with_instructions' ? args.get(0) : args.get('content');
    if (!content) continue;
    const role = args.get('role');
    if (word === 'with_instructions' || (role && /system/.test(c.text.slice(toks[role[0]].start, toks[role[1] - 1].end)))) count.system++;
    else count.other++;
    collectParts(c, content[0], content[1], out);
    k = range[1];
  }
}

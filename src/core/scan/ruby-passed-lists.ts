// A Ruby private method's messages parameter whose callers in the class pass a list held on the object: `def say(text)
// @messages ||= [SYSTEM]; @messages << { role: "user", content: text }; ask(@messages) end` and, below `private`, `def
// ask(msgs) @client.chat(parameters: { model: "gpt-4o", messages: msgs }) end` (the chat-bot form of raix and
// ruby-openai apps). The held list is read where each caller passes it (ruby-held-lists.ts): the literal it starts as
// and the items its method adds once before the call, what earlier turns added named. A private method is called only
// by its own class, so every caller is in this file (ruby-private.ts); of several, the one with the most known text.
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { MAX_DEPTH } from './value';
import { tables } from './scope';
import { pick } from './lookup';
import { paramsOf } from './param-places';
import { argFor } from './caller-args';
import { calledNames } from './names-followed';
import { rubyPrivate } from './ruby-private';
import { rubyArityFits } from './ruby-arity';
import { rubyHeldList } from './ruby-held-lists';
import { pushParts } from './push-parts';
import { CALLERS } from './file-callers';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** Callers of one method read at most. */
const MAX_CALLERS = 16;

/** True when the parameter `name` used at toks[k] was read into `out` as the held list its callers pass. */
export function rubyPassedHeld(c: Ctx, name: string, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'ruby' || depth > MAX_DEPTH || !/^[a-z_]\w*$/.test(name)) return false;
  const { toks, match } = c;
  const b = pick(tables(c).binds.get(name), c, toks[k].start);
  if (b?.kind !== 'param' || b.value >= 0) return false;
  const own = paramsOf(c).get(b.name);
  if (!own || own.loose || !rubyPrivate(c, own.fn.name)) return false;
  const fname = toks[own.fn.name].v;
  // Typing or deleting a call of the method anywhere in the file changes the answer (file-callers.ts marks the same).
  c.readNames?.add(fname);
  c.forward?.add(CALLERS + fname);
  let best: PromptPart[] | undefined;
  let most = -1;
  let n = 0;
  for (const j of calledNames(toks).get(fname) ?? []) {
    const prev = toks[j - 1];
    if (j === own.fn.name || (isId(prev) && prev.v === 'def')) continue;
    // `self.ask(…)` is the class's own; `other.ask(…)` another object's method.
    if ((isP(prev, '.') || isP(prev, '&.')) && toks[j - 2]?.v !== 'self') continue;
    if (!rubyArityFits(c, own.fn, c, j + 1)) continue;
    if (++n > MAX_CALLERS) return false;
    const arg = argFor(c, j + 1, own, name);
    if (!arg) return false;
    c.read?.push({ start: toks[j].start, end: toks[match[j + 1]]?.end ?? c.text.length });
    const parts: PromptPart[] = [];
    if (!rubyHeldList(c, arg[0], arg[1], span, parts, depth + 1, collect)) return false;
    const known = parts.reduce((m, p) => m + p.text.length, 0);
    if (known > most) [best, most] = [parts, known];
  }
  if (!best) return false;
  pushParts(out, best);
  return true;
}

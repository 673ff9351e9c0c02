// A messages list kept on the object: `self.messages = [{"role": "system", "content": system_message}]` in the
// constructor, then `create(messages=self.messages)` in a method after `self.messages.append({…prompt})` (jowilf/qwikcrud
// qwikcrud/provider/openai.py and google.py). The list literal the member is set to counts where it is written; what
// the object adds to it (the user's turns, the replies) is known only at run time, named once.
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { SELF } from './value';
import { memberValue } from './lookup';
import { elements } from './tools';
import { pushParts } from './push-parts';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** Methods that add to a list in place. */
const ADDS = /^(append|extend|insert|push|unshift|add|addAll|Add|AddRange|Insert)$/;

/** The parts of `self.name` used at token `k` when the member is set to a list literal; false when it is not. */
export function memberList(c: Ctx, names: string[], k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (names.length !== 2 || !SELF.has(names[0])) return false;
  const { toks, match } = c;
  const def = memberValue(c, names[1], toks[k].start);
  // An empty list (`self.history = []`) holds no text of its own: the member stays named as it was.
  if (def < 0 || !isP(toks[def], '[') || match[def] === def + 1) return false;
  const close = match[def];
  // Inside its own value (`self.messages = [self.messages[0]]`), it is not this list; a comprehension
  // (`[convert(m) for m in messages]`) is made at run time, named as it was.
  if (close < 0 || (def < k && close >= k) || comprehension(c, def, close)) return false;
  collect(c, def + 1, close, out, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + elements(c, def);
  if (addedTo(c, names, def, close)) pushParts(out, [{ text: '', span, resolved: false, label: `${names.join('.')} (added to at run time)` }]);
  return true;
}

/** Does any method add to `self.name` in place (`self.name.append(…)`, `self.name += …`) outside its literal? */
function addedTo(c: Ctx, names: string[], from: number, to: number): boolean {
  const { toks } = c;
  for (let k = 2; k + 2 < toks.length; k++) {
    if (k > from && k < to) continue;
    if (toks[k].v !== names[1] || !isId(toks[k]) || !isP(toks[k - 1], '.') || toks[k - 2].v !== names[0]) continue;
    const n = toks[k + 1];
    if (isP(n, '+=') || (isP(n, '.') && ADDS.test(toks[k + 2].v) && isP(toks[k + 3], '('))) return true;
  }
  return false;
}

/** Is the list `[…]` at `open` a comprehension: a `for` among its top-level tokens? */
function comprehension(c: Ctx, open: number, close: number): boolean {
  const { toks, match } = c;
  for (let j = open + 1; j < close; j++) {
    if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
    else if (isId(toks[j]) && toks[j].v === 'for') return true;
  }
  return false;
}

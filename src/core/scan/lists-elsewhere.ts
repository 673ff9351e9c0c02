// A messages list a name stands for that is written elsewhere (parts.ts readExpr): a Go slice parameter's callers
// (go-caller-lists.ts), a parameter or an options member whose callers in this or other modules give a list literal
// (list-callers.ts) or another module's helper returns (calls.ts fnValue), a member set to a list in the constructor
// (member-lists.ts), a Go struct field a constructor seeds with a slice literal (go-field-lists.ts), a Ruby `@messages`
// list kept on the object (ruby-held-lists.ts), or passed to a private method (ruby-passed-lists.ts). Tried in that order.
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import type { Value } from './value';
import { goListFromCallers } from './go-caller-lists';
import { listElsewhere } from './list-callers';
import { memberList } from './member-lists';
import { goFieldList } from './go-field-lists';
import { rubyHeldList } from './ruby-held-lists';
import { rubyPassedHeld } from './ruby-passed-lists';
import { rubyMethodList } from './ruby-object-requests';
import { addedBefore, assignedAt } from './message-lists';
import { goBuiltMessages } from './go-built-messages';
import { csBuiltLocal } from './cs-built-messages';
import { readChain, isP } from '../lex/brackets';
import { exprEnd } from './scope';

/** Appends of the caller's own followed back to the helper's call, at most. */
const MAX_APPENDS = 32;

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** True when the list of the name chain at toks[k] (its value v, spanning span) was read into out. */
export function listWrittenElsewhere(c: Ctx, names: string[], k: number, v: Value | undefined, span: { start: number; end: number }, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (names.length === 1 && (!v || v.runtime !== undefined) && goListFromCallers(c, k, out, depth, collect)) return true;
  if (names.length === 1 && goBuiltLocal(c, names[0], k, span, out, depth, collect)) return true;
  if (names.length === 1 && csBuiltLocal(c, names[0], k, span, out, depth, collect)) return true;
  if (names.length <= 2 && listElsewhere(c, v, span, out, depth, collect, names.join('.'), k)) {
    // A list another module's helper returns (`messages = build_chat_messages(q, ctx)`): what is added to it here
    // (a copy's additions are list-callers.ts copyAdds').
    const at = names.length === 1 && v?.obj?.kind === 'table' && !v.obj.copy ? assignedAt(c, names[0], k) : -1;
    if (at >= 0) addedBefore(c, names[0], at, k, span, out, depth, collect);
    return true;
  }
  if (names.length === 1 && v?.str === undefined && rubyHeldList(c, k, k + 1, span, out, depth, collect)) return true;
  // A method of the object returning a list literal (`messages: messages`, ruby-object-requests.ts).
  if (names.length === 1 && (!v || v.runtime !== undefined) && rubyMethodList(c, names[0], k, span, out, depth, collect)) return true;
  // A private method's parameter its callers pass such a list (ruby-passed-lists.ts).
  if (names.length === 1 && (!v || v.runtime !== undefined) && rubyPassedHeld(c, names[0], k, span, out, depth, collect)) return true;
  return v?.str === undefined && (memberList(c, names, k, span, out, depth, collect) || goFieldList(c, names, k, span, out, depth, collect));
}

/**
 * Go `messages := getConversations(db, id)` (or `=`) before the use: the slice the helper builds and returns
 * (go-built-messages.ts), then what is appended to it here after the call.
 */
function goBuiltLocal(c: Ctx, name: string, k: number, span: { start: number; end: number }, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'go') return false;
  let at = assignedAt(c, name, k);
  // Past this function's own appends (`messages = append(messages, …)`) to the helper's call.
  for (let n = 0; n < MAX_APPENDS && at >= 0 && c.toks[at].v === 'append' && isP(c.toks[at + 1], '(') && c.toks[at + 2]?.v === name; n++) at = assignedAt(c, name, at - 2);
  if (at < 0) return false;
  const chain = readChain(c.toks, at, k);
  const open = chain.end;
  if (!isP(c.toks[open], '(') || !(c.match[open] > open) || exprEnd(c, at) !== c.match[open] + 1) return false;
  if (!goBuiltMessages(c, at, chain.names, span, out, depth, collect)) return false;
  addedBefore(c, name, c.match[open], k, span, out, depth, collect);
  return true;
}

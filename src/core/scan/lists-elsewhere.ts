// A messages list a name stands for that is written elsewhere (parts.ts readExpr): a Go slice parameter's callers
// (go-caller-lists.ts), a parameter or an options member whose callers in this or other modules give a list literal
// (list-callers.ts) or another module's helper returns (calls.ts fnValue), a member set to a list in the constructor
// (member-lists.ts), a Go struct field a constructor seeds with a slice literal (go-field-lists.ts). Tried in that order.
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import type { Value } from './value';
import { goListFromCallers } from './go-caller-lists';
import { listElsewhere } from './list-callers';
import { memberList } from './member-lists';
import { goFieldList } from './go-field-lists';
import { addedBefore, assignedAt } from './message-lists';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** True when the list of the name chain at toks[k] (its value v, spanning span) was read into out. */
export function listWrittenElsewhere(c: Ctx, names: string[], k: number, v: Value | undefined, span: { start: number; end: number }, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (names.length === 1 && (!v || v.runtime !== undefined) && goListFromCallers(c, k, out, depth, collect)) return true;
  if (names.length <= 2 && listElsewhere(c, v, span, out, depth, collect)) {
    // A list another module's helper returns (`messages = build_chat_messages(q, ctx)`): what is added to it here.
    const at = names.length === 1 ? assignedAt(c, names[0], k) : -1;
    if (at >= 0) addedBefore(c, names[0], at, k, span, out, depth, collect);
    return true;
  }
  return v?.str === undefined && (memberList(c, names, k, span, out, depth, collect) || goFieldList(c, names, k, span, out, depth, collect));
}

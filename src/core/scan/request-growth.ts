// A request object sent whole by a call in a loop grows its conversation when the loop adds to one of its history
// members: Google_GenerativeAI's C# `_model.GenerateContentAsync(request, ct)` with `request.Contents!.Add(modelTurn)`
// and `request.Contents.Add(functionResult)` after it (held54 G1, MenuNest GeminiChatService.cs RunToolLoopAsync).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { normKey } from './call-keys';
import { GROW_METHODS, HISTORY_KEYS } from './run-table';

// The other side of a growing conversation: a loop that cuts it to its last N messages.
export { trimmed } from './history-trim';

const MAX_BODY = 20000;

/** The call's first argument, a bare name X (`(request, ct)`), and `X.Contents.Add(` (or `X.Contents!.Add(`, C#'s
 * null-forgiving `!`) in toks[from, to). */
export function requestMemberGrows(c: Ctx, open: number, from: number, to: number): boolean {
  const { toks } = c;
  const arg = toks[open + 1];
  if (!isP(toks[open], '(') || !isId(arg) || !(isP(toks[open + 2], ',') || isP(toks[open + 2], ')'))) return false;
  for (let k = from; k < to && k < from + MAX_BODY; k++) {
    if (toks[k].v !== arg.v || !isId(toks[k]) || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || !HISTORY_KEYS.has(normKey(toks[k + 2].v))) continue;
    let j = k + 3;
    if (isP(toks[j], '!')) j++;
    if ((isP(toks[j], '.') || isP(toks[j], '?.')) && isId(toks[j + 1]) && GROW_METHODS.has(toks[j + 1].v) && isP(toks[j + 2], '(')) return true;
  }
  return false;
}

/**
 * `chain.invoke(…)` where `chain = new RunnableWithMessageHistory({ runnable, getMessageHistory, … })` (LangChain.js) or
 * `RunnableWithMessageHistory(runnable, get_session_history)` (Python): each send loads the session's messages before
 * the input and saves the input and the answer after it (langchainjs 62fc484b libs/langchain-core/src/runnables/
 * history.ts `_enterHistory` → `getMessages`, `_exitHistory` → `addMessages([...inputMessages, ...outputMessages])`;
 * langchain_core runnables/history.py `_exit_history` → `hist.add_messages(input_messages + output_messages)`, read in
 * copies of the file, no commit named), so a loop of sends re-sends a growing conversation, as a list it appends to.
 */
export function sessionHistoryGrows(c: Ctx, first: number): boolean {
  const { toks } = c;
  const at = isP(toks[first + 1], '.') ? first : isP(toks[first - 1], '.') ? first - 2 : -1;
  if (at < 0 || !isId(toks[at]) || isP(toks[at - 1], '.')) return false;
  const def = assignmentBefore(c, toks[at].v, at);
  if (def < 0) return false;
  const k = toks[def].v === 'new' ? def + 1 : def;
  // The binding is read: an edit of it must take the full analysis.
  if (k < toks.length) c.read?.push({ start: toks[def].start, end: toks[k].end });
  return toks[k]?.v === 'RunnableWithMessageHistory' && isP(toks[k + 1], '(');
}

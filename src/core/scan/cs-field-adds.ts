// A C# request object kept in a field and posted whole, its messages added by the class's methods:
// `private readonly ChatRequest _request = new ChatRequest();`, `_request.Messages.Add(new ChatMessage { Role = "system",
// Content = "…" })` in a `Reset()` the constructor calls, `_request.Messages.Add(new ChatMessage { Role = "user", Content =
// text })` in the sending method, then `PostAsJsonAsync(url, _request)` (the session-class form of CollapseNav/
// EasyChatGptBot Core/OpenAI/BaseChatSession.cs and of the C# chat-session samples). The messages each `Add` writes count
// where they are written; an `AddRange` / `Insert` of a list made elsewhere is named as known at run time.
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import { normKey } from './call-keys';
import { collectParts } from './parts';
import { pushParts } from './push-parts';
import type { Found } from './keys';
import type { Ctx } from './values';

/** Adds read at most (a file may add to a list in a loop body many times over). */
const MAX_ADDS = 16;
const ADDS = new Set(['Add', 'AddRange', 'Insert']);

/** The parts of what the file adds to `name.Messages`, `name` the variable or field the request `new T()` at toks[from]
 * is assigned to; nothing when it is assigned to none or nothing is added. */
export function fieldMessageAdds(c: Ctx, f: Found, from: number): void {
  const { toks, match } = c;
  if (!isP(toks[from - 1], '=') || !isId(toks[from - 2])) return;
  const name = toks[from - 2].v;
  // An add written or removed anywhere in the file changes the prompt (the keystroke path's significant names).
  c.readNames?.add(name);
  const parts: PromptPart[] = [];
  let adds = 0;
  for (let k = 0; k + 5 < toks.length && adds < MAX_ADDS; k++) {
    // `name.Messages.Add(` or `this.name.Messages.Add(`.
    if (toks[k].v !== name || !isId(toks[k]) || (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'this')) continue;
    if (!isP(toks[k + 1], '.') || !isId(toks[k + 2]) || normKey(toks[k + 2].v) !== 'messages' || !isP(toks[k + 3], '.')) continue;
    const fn = toks[k + 4].v;
    const open = k + 5;
    if (!ADDS.has(fn) || !isP(toks[open], '(') || !(match[open] > open)) continue;
    adds++;
    c.read?.push({ start: toks[k].start, end: toks[match[open]].end });
    const span = { start: toks[k].start, end: toks[match[open]].end };
    if (fn === 'Add') {
      collectParts(c, open + 1, match[open], parts, 1);
      c.listMessages = (c.listMessages ?? 0) + 1;
    } else parts.push({ text: '', span, resolved: false, label: `${name}.${toks[k + 2].v} (added to at run time)` });
    k = match[open];
  }
  pushParts(f.parts, parts);
}

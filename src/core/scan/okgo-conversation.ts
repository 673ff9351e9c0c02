// OkGoDoIt OpenAI-API-dotnet's Conversation (OpenAI_API/Chat/Conversation.cs, 8e80c75): made by
// `api.Chat.CreateConversation()`, then set and filled statement by statement before it is sent:
//   chat.Model = Model.GPT4;  chat.RequestParameters.MaxTokens = 300;
//   chat.AppendSystemMessage("…");  chat.AppendUserInput(text);  await chat.GetResponseFromChatbotAsync();
// Read here between the construction and the send (bound.ts, CallShape.via.setters on a C# row). A request object's
// list filled the same way is read too (ctor-requests.ts): Azure.AI.OpenAI 1.0 betas'
// `options.Messages.Add(new ChatMessage(ChatRole.User, text))` (ChatCompletionsOptions.Messages, an IList; seen in
// thara0402/azure-openai-samples aoai-console-app/Program.cs) and `CompletionsOptions.Prompts.Add(text)`.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { argIndex, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { readKey, type Found } from './keys';
import { normKey } from './call-keys';

/** Conversation methods that add a message, and the argument holding its text (Conversation.cs). */
const APPENDS: Readonly<Record<string, number>> = {
  AppendUserInput: 0, AppendSystemMessage: 0, AppendExampleChatbotOutput: 0, AppendUserInputWithName: 1, AppendMessage: 1,
};

/** A request's message lists that `name.List.Add(x)` adds to (Azure.AI.OpenAI ChatCompletionsOptions.Messages,
 * CompletionsOptions.Prompts; OkGoDoIt ChatRequest.Messages). */
const LISTS = new Set(['Messages', 'Prompts']);

/** Reads `name.Model = …`, `name.RequestParameters.X = …`, `name.AppendX(…)` and `name.Messages.Add(…)` in
 * toks[from, to) into `f`. */
export function readConversation(c: Ctx, f: Found, name: string, from: number, to: number): void {
  const { toks, match } = c;
  // Every statement between is read: kept live for the keystroke path, as Go's setters are (go-objects.ts).
  if (to > from) c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  for (let k = from; k < to; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.')) continue;
    let m = k + 2;
    if (toks[m]?.v === 'RequestParameters' && isP(toks[m + 1], '.')) m += 2;
    const member = toks[m];
    if (!isId(member) || m + 2 >= to) continue;
    if (LISTS.has(member.v) && isP(toks[m + 1], '.') && toks[m + 2]?.v === 'Add' && isP(toks[m + 3], '(') && match[m + 3] > m + 3 && match[m + 3] < to) {
      collectParts(c, m + 4, match[m + 3], f.parts);
      f.messages++;
    } else if (isP(toks[m + 1], '=') && !isP(toks[m + 2], '=')) {
      const e = Math.min(valueEnd(c, m + 2, to), to);
      readKey(c, f, m, m + 2, e, normKey(member.v));
    } else if (Object.hasOwn(APPENDS, member.v) && isP(toks[m + 1], '(') && match[m + 1] > m + 1 && match[m + 1] < to) {
      const close = match[m + 1];
      // AppendMessage(role, text), or AppendMessage(message) with the message made in its argument.
      const second = argIndex(c, m + 2, close, 1);
      const a = member.v === 'AppendMessage' && second >= close ? m + 2 : argIndex(c, m + 2, close, APPENDS[member.v]);
      if (a >= close) continue;
      collectParts(c, a, valueEnd(c, a, close), f.parts);
      f.messages++;
    }
  }
}

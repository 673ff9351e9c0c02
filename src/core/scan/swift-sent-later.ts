// A Swift SDK request made in one statement and sent by a later one of the same function: `let parameters =
// ChatCompletionParameters(…)` then `service.startChat(parameters: parameters)` (jamesrochabrun/SwiftOpenAI
// OpenAIService.swift at 4edec2bb: startChat / startStreamedChat(parameters: ChatCompletionParameters)), `let query =
// ChatQuery(…)` then `openAI.chats(query: query)` / `chatsStream(query:)` (MacPaw/OpenAI OpenAIProtocol.swift at
// a532be89). The row goes on the send's line (the lens where the request leaves, as for a URLSession request,
// http-swift.ts), the construction its requestLine. A value sent in no statement of the function (returned, passed to
// a helper under another label) keeps the row where it is made.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite } from '../types';
import type { Ctx } from './values';

/** The send methods and their request label, per construction shape. */
const SENDS: Record<string, { methods: ReadonlySet<string>; label: string }> = {
  'swiftopenai.chat': { methods: new Set(['startChat', 'startStreamedChat']), label: 'parameters' },
  'openai.swift': { methods: new Set(['chats', 'chatsStream']), label: 'query' },
};
/** The construction shapes whose row may move (editor/prefix.ts keeps none of them from a cut text). */
export const SWIFT_SENT_LATER: ReadonlySet<string> = new Set(Object.keys(SENDS));

/** Tokens searched after the construction for its send. */
const MAX_AFTER = 3000;

/** Moves the row of the construction at toks[first] (its bracket toks[open]) to the statement that sends it. */
export function swiftSentLater(c: Ctx, site: CallSite, shapeId: string, first: number, open: number): void {
  const send = SENDS[shapeId];
  const { toks, match } = c;
  if (!send || match[open] < 0) return;
  // `let parameters = ChatCompletionParameters(`, `var query = ChatQuery(`, `let p: ChatCompletionParameters = .init(` is not read.
  if (!isP(toks[first - 1], '=') || !isId(toks[first - 2]) || !(toks[first - 3]?.v === 'let' || toks[first - 3]?.v === 'var')) return;
  const name = toks[first - 2].v;
  let depth = 0;
  const close = match[open];
  for (let k = close + 1; k < toks.length && k < close + MAX_AFTER; k++) {
    const t = toks[k];
    if (t.t === T.Punct && (t.v === '{' || t.v === '(' || t.v === '[')) depth++;
    else if (t.t === T.Punct && (t.v === '}' || t.v === ')' || t.v === ']')) {
      // The end of the block the request is made in: no send in it.
      if (--depth < 0) return record(c, first, k);
    }
    if (t.t !== T.Id || !send.methods.has(t.v) || !(isP(toks[k - 1], '.') || isP(toks[k - 1], '?.')) || !isP(toks[k + 1], '(')) continue;
    // `startChat(parameters: parameters)`: the request passed alone under the SDK's label.
    if (toks[k + 2]?.v !== send.label || !isP(toks[k + 3], ':') || toks[k + 4]?.v !== name || !isP(toks[k + 5], ')')) continue;
    site.request = { start: toks[first - 3].start, end: toks[close].end };
    site.anchor = { start: t.start, end: toks[k + 1].end };
    site.span = { start: Math.min(site.span.start, toks[first - 3].start), end: Math.max(site.span.end, toks[k + 5].end) };
    return record(c, first, k + 5);
  }
  record(c, first, Math.min(toks.length - 1, close + MAX_AFTER));
}

/** The text from the construction to where the search ended is read for the row: an edit there can move it. */
function record(c: Ctx, first: number, last: number): void {
  const { toks } = c;
  c.read?.push({ start: toks[Math.max(0, first - 3)].start, end: toks[Math.min(last, toks.length - 1)].end });
}

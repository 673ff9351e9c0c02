// The event a socket's send is given in a variable (openai-node examples/responses/websocket.ts: `const createEvent:
// ResponsesClientEvent = { type: 'response.create', model, input, … }; ws.send(createEvent);`): the object literal of
// the variable's nearest assignment before the call.
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';

/** The `{` of the object assigned last before the call (whose argument list opens at `open`) to its one argument, or -1. */
export function heldEventObject(toks: Token[], open: number, match: ArrayLike<number>): number {
  const arg = toks[open + 1];
  if (arg?.t !== T.Id || !isP(toks[open + 2], ')')) return -1;
  for (let k = open - 1; k > 0; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== arg.v || isP(toks[k - 1], '.')) continue;
    let j = k + 1;
    // `name: Type = {…}`: a short type annotation is passed over up to its `=`.
    if (isP(toks[j], ':')) for (const end = Math.min(open, j + 8); j < end && !isP(toks[j], '='); ) j++;
    if (isP(toks[j], '=')) return isP(toks[j + 1], '{') && match[j + 1] > j + 1 ? j + 1 : -1;
  }
  return -1;
}

/** The tokens a send's keys are read from: the event object held in the variable passed, else the call's arguments. */
export function eventSpan(toks: Token[], open: number, end: number, match: ArrayLike<number>): [number, number] {
  const ev = isP(toks[open + 1], '{') ? -1 : heldEventObject(toks, open, match);
  return ev > 0 ? [ev, match[ev] + 1] : [open + 1, end];
}

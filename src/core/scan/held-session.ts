// A receiver whose method name alone says nothing (`ws.run_streamed(agent, …)`), known by where the file binds it:
// openai-agents' `async with responses_websocket_session() as ws:`, `ws = responses_websocket_session(…)`, or a
// parameter annotated with the session's class (`ws: ResponsesWebSocketSession`, examples/basic/stream_ws.py).
// The name is matched anywhere in the file: an object of another kind under the same name would be taken for it.
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import type { Ctx } from './values';

/** Is the receiver of the call whose anchor starts at toks[first] bound in the file from one of `held`'s makers or types? */
export function heldFrom(c: Ctx, first: number, held: NonNullable<CallShape['heldFrom']>): boolean {
  const { toks, match } = c;
  const r = first - 2;
  if (!isP(toks[first - 1], '.') || !isId(toks[r]) || isP(toks[r - 1], '.')) return false;
  const name = toks[r].v;
  const makes = (k: number) => held.makers.includes(toks[k]?.v) || held.types.includes(toks[k]?.v);
  for (let k = 1; k < toks.length - 2; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
    // `… responses_websocket_session(…) as ws`
    if (toks[k - 1].v === 'as' && isP(toks[k - 2], ')') && match[k - 2] > 0 && makes(match[k - 2] - 1)) return true;
    // `ws: ResponsesWebSocketSession`
    if (isP(toks[k + 1], ':') && held.types.includes(toks[k + 2]?.v)) return true;
    // `ws = responses_websocket_session(…)` (awaited or not)
    if (isP(toks[k + 1], '=')) {
      const v = toks[k + 2]?.v === 'await' ? k + 3 : k + 2;
      if (makes(v) && isP(toks[v + 1], '(')) return true;
    }
  }
  return false;
}

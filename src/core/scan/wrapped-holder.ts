// An object made around the one a row needs, through a class that wraps it: openai-agents'
// `VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent, callbacks=…))` runs `agent` (voice/workflow.py
// SingleAgentVoiceWorkflow.run: Runner.run_streamed(self._current_agent, …)). The name is the wrapper's first argument.
import { isId, isP } from '../lex/brackets';
import type { Holder } from './call-shape-types';
import { anchorStart } from './links';
import { argIndex, type Ctx } from './values';

/** The name of the object the holder made at toks[def] wraps (`agent`), when its argument is one of `h.wraps`. */
export function wrappedHeldName(c: Ctx, h: Holder, def: number): string | undefined {
  const { toks, match } = c;
  if (!h.wraps) return undefined;
  const open = def + h.anchor.length - 1;
  if (anchorStart(toks, open, h.anchor) !== def || match[open] < 0) return undefined;
  const a = argIndex(c, open + 1, match[open], h.arg);
  if (!isId(toks[a]) || !h.wraps.includes(toks[a].v) || !isP(toks[a + 1], '(') || match[a + 1] < 0) return undefined;
  const w = argIndex(c, a + 2, match[a + 1], 0);
  return isId(toks[w]) && (isP(toks[w + 1], ')') || isP(toks[w + 1], ',')) ? toks[w].v : undefined;
}

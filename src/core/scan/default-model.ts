// A model the SDK (or the service) chooses when the request names none: Cohere v1 chat's default model, a Gemini
// Interactions agent's own model. Applies only to a request read whole, and only where it carries the row's key.

import { isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Found } from './keys';
import type { CallShape } from './call-shape-types';
import { args } from './calls';
import { koogAgentConfig } from './koog-agent-config';

/** Sets `f.model` (and, where the row says so, the limit's label) from the row's default when the call names no model. */
export function defaultModel(c: Ctx, f: Found, shape: CallShape, open: number): void {
  // A Koog agent a function returns (call-shapes-koog.ts): its `agentConfig = config` as a run of it reads it.
  if (shape.id === 'koog.AIAgent' && c.match[open] > 0) koogAgentConfig(c, f, open, c.match[open], open - 1);
  if (f.model || !shape.defaultModel || f.runtime?.length) return;
  if (shape.defaultModelKey && !carries(c, open, shape.defaultModelKey)) return;
  f.model = { unresolved: shape.defaultModel };
  if (shape.defaultLimit && !f.limit) f.limitUnresolved ??= shape.defaultLimit;
}

/** The call at bracket toks[open] passes `key`: a keyword argument, or a key of its object argument (`{ message }`). */
export function carries(c: Ctx, open: number, key: string): boolean {
  const { toks, match } = c;
  const a = args(c, open, match[open]);
  if (a.some((x) => x.key === key)) return true;
  const o = a[0] && isP(toks[a[0].from], '{') && match[a[0].from] === a[0].to - 1 ? a[0].from : -1;
  return o >= 0 && args(c, o, match[o]).some((x) => x.key === key || (x.key === undefined && x.to === x.from + 1 && toks[x.from].v === key));
}

// The Anthropic SDKs require max_tokens on messages.create / messages.stream: Python `def create(self, *, max_tokens:
// int, messages, model, …)` and `def stream(self, *, max_tokens: int, …)` have no default (anthropic-sdk-python
// src/anthropic/resources/messages/messages.py at v0.121.0, 009b0353: a TypeError before any request), and the
// TypeScript `MessageCreateParamsBase.max_tokens: number` is not optional (anthropic-sdk-typescript
// src/resources/messages/messages.ts at bfa9197f; sent without it, the Messages API answers 400). A call with no
// limit, none known only at run time and no spread of other arguments fails every time: advising a cap of 600 as a
// saving would hide that.
import { isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { Ctx } from './values';

const SHAPES = new Set(['anthropic.messages', 'anthropic.messages.stream']);
const LANGS = new Set(['python', 'javascript']);

/**
 * Marks an Anthropic SDK messages.create / .stream call (its bracket at toks[open]) with no max_tokens as refused by
 * the client. Any spread in the call (`**self._params()`, `...opts`, `*args`) may carry one: no verdict then.
 */
export function anthropicRequiredLimit(c: Ctx, site: CallSite, shape: string, open: number): void {
  const lang = c.syn.id;
  if (!SHAPES.has(shape) || !LANGS.has(lang) || site.refused) return;
  if (site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit) return;
  const close = c.match[open];
  if (!isP(c.toks[open], '(') || !(close > open)) return;
  for (let k = open + 1; k < close; k++) if (isP(c.toks[k], '**') || isP(c.toks[k], '...') || (isP(c.toks[k], '*') && (isP(c.toks[k - 1], '(') || isP(c.toks[k - 1], ',')))) return;
  site.refused = lang === 'python'
    ? 'max_tokens is missing: the Anthropic Python SDK requires it (messages.create(*, max_tokens: int, …)), so the call raises TypeError before sending: every call fails'
    : 'max_tokens is missing: the Anthropic SDK requires it (MessageCreateParams.max_tokens) and the Messages API rejects a request without it (400): every call fails';
}

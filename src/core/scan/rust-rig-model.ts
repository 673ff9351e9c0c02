// rig agents made on a model object (call-shapes-rust.ts): `AgentBuilder::new(model)` with `let model =
// client.completion_model(M);` (or the call written in place), and `client.completion_model(M).into_agent_builder()`.
// The model is `M`, its provider the client's (rust-rig.ts rigProvider): rig's `client.agent(M)` is
// `AgentBuilder::new(self.completion_model(M))` (https://github.com/0xPlaygrounds/rig b75850e
// crates/rig-agent/src/client.rs AgentClientExt::agent, AgentModelExt::into_agent_builder; crates/rig-core/src/client/
// completion.rs CompletionClient::completion_model(model: impl Into<String>)).
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import { rigProvider } from './rust-rig';
import { boundRange } from './rust-lc-chain';
import { readModel, type Ctx } from './values';
import { promptArgs } from './links';
import type { Found } from './keys';

/** Tokens looked back for the model's `let` binding (rust-lc-chain.ts boundRange looks as far). */
const MAX_BACK = 3000;

/** The `.completion_model(` in toks[from, to): the index of its `.`, or -1. */
function completionModel(c: Ctx, from: number, to: number): number {
  const { toks } = c;
  for (let k = from; k < to - 2; k++) if ((isP(toks[k], '.') || isP(toks[k], '?.')) && toks[k + 1].v === 'completion_model' && isP(toks[k + 2], '(')) return k;
  return -1;
}

/** The model `M` of the `.completion_model(M)` at toks[dot], on the site with the client's provider. */
function fromCompletionModel(c: Ctx, site: CallSite, dot: number): true {
  const { toks, match } = c;
  const open = dot + 2;
  const close = match[open];
  if (close < 0) return true;
  const model = close > open + 1 ? readModel(c, open + 1, close) : undefined;
  if (model && 'ref' in model) {
    site.model = model.ref;
    delete site.modelUnresolved;
  } else if (model) site.modelUnresolved = model.unresolved;
  rigProvider(c, site, dot);
  return true;
}

/**
 * `AgentBuilder::new(X)` (the anchor's bracket at `open`) or `….into_agent_builder()` (its `.` at `first`): false when
 * the model object is not a provider client's `completion_model(…)` the file makes, which is no request to price (a
 * model of the app's own that implements CompletionModel, rig's examples retry_on_truncation.rs `BudgetedModel`, or a
 * local Candle model, examples/candle_wasm_chat).
 */
export function rigModelAgent(c: Ctx, site: CallSite, first: number, open: number, into: boolean): boolean {
  const { toks, match } = c;
  if (into) {
    // The receiver chain back from the anchor: `client.completion_model(M).completions_api()`.
    let k = first - 1;
    c.read?.push({ start: toks[Math.max(0, first - 64)].start, end: toks[first].end });
    for (let n = 0; n < 16 && k > 0; n++) {
      if (isP(toks[k], ')') && match[k] >= 0) k = match[k] - 1;
      if (isId(toks[k]) && toks[k].v === 'completion_model' && (isP(toks[k - 1], '.') || isP(toks[k - 1], '?.'))) return fromCompletionModel(c, site, k - 1);
      if (!isId(toks[k]) || !isP(toks[k - 1], '.')) return false;
      k -= 2;
    }
    return false;
  }
  const close = match[open];
  if (close < 0) return false;
  const inPlace = completionModel(c, open + 1, close);
  if (inPlace >= 0) return fromCompletionModel(c, site, inPlace);
  // A name (or its `.clone()`) bound before: `let model = client.completion_model(M);`.
  const bound = boundRange(c, open, first);
  if (bound && bound[0] !== open + 1) {
    const dot = completionModel(c, bound[0], bound[1]);
    return dot >= 0 && fromCompletionModel(c, site, dot);
  }
  if (bound) return false;
  // No binding: one typed before the call would make it a row.
  c.read?.push({ start: toks[Math.max(0, first - MAX_BACK)].start, end: toks[first].end });
  return false;
}

/**
 * `model.completion_request(prompt)` (its `.` at `first`) on a model object the file makes: `let model =
 * client.completion_model(M);` before it, or `client.completion_model(M).completion_request(…)` in place. False for any
 * other receiver (an agent's own model, a model of the app's own type), which is no request to price here.
 */
export function rigModelRequest(c: Ctx, site: CallSite, first: number): boolean {
  const { toks } = c;
  const recv = toks[first - 1];
  const made = isP(recv, ')') ? rigModelAgent(c, site, first, -1, true) : boundModel(c, site, first);
  if (made) requestPrompt(c, site, first + 2);
  return made;
}

/** The prompt, the request's first argument: read even when the chain's `.preamble(…)` was read first (read-call.ts
 * takes positional prompts only from a call with no prompt part). */
function requestPrompt(c: Ctx, site: CallSite, open: number): void {
  const close = c.match[open];
  if (close <= open + 1 || site.parts.some((p) => p.span.start >= c.toks[open].end && p.span.end <= c.toks[close].start)) return;
  const f = { parts: [], messages: 0 } as unknown as Found;
  promptArgs(c, f, open + 1, close, undefined, true);
  site.parts.unshift(...f.parts);
}

/** `let model = client.completion_model(M);` in the function before the request on `model`. */
function boundModel(c: Ctx, site: CallSite, first: number): boolean {
  const { toks } = c;
  const recv = toks[first - 1];
  if (!isId(recv) || isP(toks[first - 2], '.') || isP(toks[first - 2], '::')) return false;
  c.read?.push({ start: toks[Math.max(0, first - MAX_BACK)].start, end: toks[first].end });
  for (let k = first - 2; k >= Math.max(1, first - MAX_BACK); k--) {
    if (toks[k].v === 'fn' && isId(toks[k])) return false; // the function's own start: a parameter, or bound elsewhere
    if (toks[k].v !== recv.v || !isP(toks[k + 1], '=') || toks[k - 1]?.v !== 'let') continue;
    let end = k + 2;
    while (end < toks.length && end < k + 200 && !isP(toks[end], ';')) end++;
    const dot = completionModel(c, k + 2, end);
    return dot >= 0 && fromCompletionModel(c, site, dot);
  }
  return false;
}

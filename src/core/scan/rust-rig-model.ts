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

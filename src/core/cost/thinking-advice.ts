// The limit advice for a call that asks Claude to think, with no output limit in the code. Thinking tokens bill as
// output and count towards max_tokens, and thinking.budget_tokens "Must be ≥1024 and less than `max_tokens`" (Anthropic
// API reference, Messages, thinking; platform.claude.com/docs/en/build-with-claude/extended-thinking): a cap of 600
// under a 10,000-token budget makes the request fail with a 400. Adaptive thinking (`{type: "adaptive"}`) has no
// budget: the model decides how much to think, inside max_tokens (the same reference, ThinkingConfigAdaptive).
import type { CallSite, Estimate, ModelPrice, Suggestion } from '../types';
import { choicesOf } from './estimator';
import { formatTokens, formatUsd } from '../report/format';
import { capHint, limitAdvice } from './advisor';
import { addsRuntimeBudget, addsThinkingBudget, toClaude } from './thinking-budget';

/** Advice for a thinking call without a limit in code, or undefined when the call does not ask for thinking. */
export function thinkingLimitAdvice(site: CallSite, est: Estimate, price: ModelPrice | undefined, answer: number): Suggestion[] | undefined {
  if (!site.maxOutput && addsRuntimeBudget(site, price) && toClaude(site, price)) {
    return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', `the AI SDK adds the thinking budget (${site.thinkingBudgetUnresolved}, known only at run time) to it, so what a cap saves is not known here`) }];
  }
  if (site.maxOutput || (!site.thinkingBudget && !site.adaptiveThinking) || !toClaude(site, price)) return undefined;
  if (!site.thinkingBudget) {
    return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', 'adaptive thinking spends its tokens inside the limit, as many as the model decides, so a cap near the answer\'s length can leave no room for the answer and no number is proposed') }];
  }
  const budget = site.thinkingBudget;
  const sdkAdds = addsThinkingBudget(site, price);
  // What the request would then send as max_tokens.
  const sent = answer + budget;
  const worst = est.maxOutputTokens;
  if (worst !== undefined && sent >= worst) return [];
  const save = worst !== undefined && price ? ((worst - sent) * choicesOf(site) * price.output) / 1e6 : 0;
  const why = sdkAdds
    ? `the AI SDK adds the ${formatTokens(budget)}-token thinking budget to it, so max_tokens is ${formatTokens(sent)}`
    : `room for the ${formatTokens(budget)}-token thinking budget (budget_tokens must be less than max_tokens) and a ${formatTokens(answer)}-token answer`;
  return [{
    kind: 'limit-output',
    limit: sdkAdds ? answer : sent,
    saveUsd: save,
    savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
    text: `${limitAdvice(site, sdkAdds ? answer : sent)} — ${why}; caps the worst case${save > 0 ? `, saves ${formatUsd(save)}/call` : ''}`,
  }];
}

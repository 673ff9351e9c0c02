// Where an SDK raises the output limit it sends by the thinking budget.
import type { CallSite, CallWarning, Estimate, ModelPrice } from '../types';
import { formatTokens } from '../report/format';

/**
 * The AI SDK's Anthropic provider sends max_tokens = maxOutputTokens (else the model's maximum) + the thinking budget,
 * then no more than the model's maximum (@ai-sdk/anthropic 1.2.12 and 2.0.53 anthropic-messages-language-model.ts,
 * 4.0.41 anthropic-language-model.ts: `baseArgs.max_tokens = maxTokens + thinkingBudget`, "adjust max tokens to
 * account for thinking"; the cap at maxOutputTokensForModel from 2.0).
 */
export function addsThinkingBudget(site: Pick<CallSite, 'sdk' | 'provider' | 'thinkingBudget'>, price: Pick<ModelPrice, 'provider'> | undefined): boolean {
  // The model's provider (`anthropic('claude-sonnet-4-5')`) names the AI SDK provider package when the call does not.
  return !!site.thinkingBudget && site.sdk === 'Vercel AI SDK' && (site.provider ?? price?.provider)?.toLowerCase() === 'anthropic';
}

/** The AI SDK adds a thinking budget known only at run time (`budgetTokens: budget`) to the limit it sends: the same
 * rule as addsThinkingBudget, with the budget's expression in `thinkingBudgetUnresolved`. */
export function addsRuntimeBudget(site: Pick<CallSite, 'sdk' | 'provider' | 'thinkingBudgetUnresolved'>, price: Pick<ModelPrice, 'provider'> | undefined): boolean {
  return site.thinkingBudgetUnresolved !== undefined && addsThinkingBudget({ sdk: site.sdk, provider: site.provider, thinkingBudget: 1 }, price);
}

/** A Claude model (Anthropic's API, Bedrock's or Vertex's ids): the thinking rules below are Anthropic's. Other
 * vendors' budgets (Gemini's thinkingBudget, Moonshot's and Fireworks' thinking, Alibaba's) follow their own. */
export function toClaude(site: Pick<CallSite, 'model'>, price: Pick<ModelPrice, 'id'> | undefined): boolean {
  return /claude/i.test(price?.id ?? site.model?.id ?? '');
}

/**
 * A thinking budget the request cannot have: thinking.budget_tokens "Must be ≥1024 and less than `max_tokens`"
 * (Anthropic API reference, Messages, thinking; the SDKs' ThinkingConfigEnabled.budget_tokens doc, e.g.
 * anthropic-sdk-ruby rbi/lib/anthropic/models/thinking_config_enabled.rbi), else the API refuses it with a 400.
 * Not where the SDK adds the budget to the limit itself (the AI SDK), nor a limit only known at run time.
 */
export function thinkingBudgetWarning(site: CallSite, est: Estimate, price: ModelPrice | undefined): CallWarning | undefined {
  const budget = site.thinkingBudget;
  if (budget === undefined || !toClaude(site, price) || addsThinkingBudget(site, price)) return undefined;
  if (budget < 1024) return { kind: 'thinking-budget', severity: 'error', text: `budget_tokens ${budget} is under 1,024, the least the API takes: the request is refused` };
  const limit = est.maxOutputSource === 'code' ? site.maxOutput?.value : undefined;
  if (limit === undefined || limit > budget) return undefined;
  return { kind: 'thinking-budget', severity: 'error', text: `the output limit (${formatTokens(limit)}) is not above the thinking budget (budget_tokens ${formatTokens(budget)}): budget_tokens must be less than max_tokens, and the request is refused` };
}

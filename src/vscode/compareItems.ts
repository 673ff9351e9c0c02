// The rows of "Compare Models for This Call": which models, in which order, with what text. Pure (types
// only from `vscode`), so it runs under node --test.
import type { QuickPickItem } from 'vscode';
import { DEFAULT_OPTIONS } from '../core/analyze';
import { compareModels, type Comparison } from '../core/cost/estimator';
import { formatPct, formatUsd, formatUsdAtMost } from '../core/report/format';
import { isRouteCandidate } from '../core/cost/advisor';
import type { AnalyzedCall, PriceTable } from '../core/types';
import { analyzeOptions, type Settings } from './settings';

export interface ModelItem extends QuickPickItem {
  comparison: Comparison;
}

/**
 * The models to compare: the configured list, or else the provider's current ladder from the price table
 * (models with a tier, a context size and a max output, the same reasoning kind), plus the current model,
 * any suggested one and a deprecated model's priced replacement.
 */
export function modelsToCompare(call: AnalyzedCall, table: PriceTable, configured: string[]): string[] {
  const ids = new Set<string>();
  const current = call.estimate.priceId ?? call.site.model?.id;
  if (current) ids.add(current);
  for (const sg of call.suggestions) if (sg.kind === 'route' && sg.model) ids.add(sg.model);
  // The model the provider names to replace a deprecated one (gpt-6-luna for gpt-4o), when a sheet prices it: the
  // ladder leaves it out (another reasoning kind, or no tier), yet it is the move the warning tells the user to make.
  for (const w of call.warnings ?? []) {
    if (w.kind === 'deprecated' && w.model === undefined && w.replacement && table.models.some((m) => m.id === w.replacement)) ids.add(w.replacement);
  }
  if (configured.length) for (const id of configured) ids.add(id);
  else {
    const price = call.estimate.priceId ? table.models.find((m) => m.id === call.estimate.priceId) : undefined;
    const provider = price?.provider ?? call.site.model?.provider ?? call.site.provider;
    for (const m of table.models) {
      if (m.provider === provider && m.tier && m.context && m.maxOutput && !m.reasoning === !price?.reasoning && isRouteCandidate(m)) ids.add(m.id);
    }
  }
  return [...ids];
}

/** The SDK a provider's models are called with, for a compare row of another provider. */
const SDK_OF: Record<string, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google Gen AI', mistral: 'Mistral', deepseek: 'OpenAI (DeepSeek base URL)',
  xai: 'xAI', cohere: 'Cohere', bedrock: 'AWS Bedrock', groq: 'Groq', together: 'Together', azure: 'Azure OpenAI',
};

/** `needs the Anthropic SDK` for a model of another provider than the call's; undefined for the same provider. */
export function needsSdk(call: AnalyzedCall, table: PriceTable, model: string): string | undefined {
  const cur = call.estimate.priceId ? table.models.find((m) => m.id === call.estimate.priceId) : undefined;
  const provider = cur?.provider ?? call.site.model?.provider ?? call.site.provider;
  const m = table.models.find((x) => x.id === model) ?? table.models.find((x) => x.aliases?.includes(model));
  if (!m || !provider || m.provider === provider) return undefined;
  return `needs the ${SDK_OF[m.provider] ?? m.provider} SDK`;
}

export function comparisonItems(call: AnalyzedCall, table: PriceTable, s: Settings): ModelItem[] {
  const options = { ...DEFAULT_OPTIONS, ...analyzeOptions(s) };
  const suggested = new Set(call.suggestions.filter((sg) => sg.kind === 'route').map((sg) => sg.model));
  // Without a limit in the code, the worst case is the model's max output; a model with none is unbounded.
  const unbounded = (c: Comparison) => c.maxOutputSource === 'none';
  const rank = (c: Comparison) => (c.current ? 0 : suggested.has(c.model) ? 1 : !c.known || unbounded(c) ? 3 : 2);
  const rows = compareModels(call, table, modelsToCompare(call, table, s.compareModels), options).sort(
    (a, b) => rank(a) - rank(b) || a.totalUsdMax - b.totalUsdMax,
  );
  return rows.map((c) => {
    const open = unbounded(c);
    const sdk = c.current ? undefined : needsSdk(call, table, c.model);
    const split = `${formatUsd(c.inputUsd)} in + ${open ? 'output unbounded' : `${formatUsdAtMost(c.outputUsdMax)} out`}`;
    return {
      comparison: c,
      label: c.current ? `$(check) ${call.site.model?.id ?? c.model}` : `${suggested.has(c.model) ? '$(lightbulb) ' : ''}${c.model}`,
      description: !c.known
        ? 'no price in the loaded sheets'
        : open
          ? `${formatUsd(c.inputUsd)} in per call · output unbounded (no limit set, no max output known)`
          : `${formatUsd(c.totalUsdMax)} per call · ${formatUsd(c.perMonthUsdMax)} per month`,
      detail: c.current
        ? `current model (${split})`
        : !c.known || open
          ? undefined
          : c.savePct >= 0
            ? `saves ${formatPct(c.savePct)} (${split})${suggested.has(c.model) ? ' · suggested' : ''}${sdk ? ` · ${sdk}` : ''}`
            : `costs ${formatPct(-c.savePct)} more (${split})${sdk ? ` · ${sdk}` : ''}`,
    };
  });
}


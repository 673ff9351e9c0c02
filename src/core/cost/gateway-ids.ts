// The name a route target is written with when the call sends a vendor-prefixed name to a gateway.
import type { CallSite, ModelPrice, PriceTable } from '../types';

/**
 * OpenRouter's own ids, by every name a row carries (id and aliases, lower case) and by the same names with a
 * dotted version written with a dash (`anthropic/claude-haiku-4.5` under `anthropic/claude-haiku-4-5`): a vendor's
 * id (`claude-haiku-4-5`) with the vendor prefix finds the row OpenRouter lists it under. The rows are the
 * openrouter sheet's (pricing/openrouter.yaml, from @pydantic/genai-prices, which cites https://openrouter.ai/models).
 */
interface OpenRouterNames {
  exact: Map<string, string>;
  dashed: Map<string, string>;
}

const NAMES = new WeakMap<PriceTable, OpenRouterNames>();
const dashed = (s: string) => s.replace(/(\d)\.(\d)/g, '$1-$2');

function openRouterNames(table: PriceTable): OpenRouterNames {
  let n = NAMES.get(table);
  if (n) return n;
  n = { exact: new Map(), dashed: new Map() };
  for (const m of table.models) {
    // `~anthropic/claude-haiku-latest` is a moving alias, not the model's id.
    if (m.provider.toLowerCase() !== 'openrouter' || m.id.startsWith('~')) continue;
    for (const name of [m.id, ...(m.aliases ?? [])]) {
      const k = name.toLowerCase();
      if (!n.exact.has(k)) n.exact.set(k, m.id);
      if (!k.includes(':') && !n.dashed.has(dashed(k))) n.dashed.set(dashed(k), m.id);
    }
  }
  NAMES.set(table, n);
  return n;
}

/** OpenRouter's id of `target` under the vendor prefix `prefix` (`anthropic/`), or undefined when its sheet has none. */
export function openRouterId(table: PriceTable, prefix: string, target: ModelPrice): string | undefined {
  const n = openRouterNames(table);
  const names = [target.id, ...(target.aliases ?? [])].map((x) => (prefix + x).toLowerCase());
  for (const k of names) if (n.exact.has(k)) return n.exact.get(k);
  for (const k of names) if (n.dashed.has(dashed(k))) return n.dashed.get(dashed(k));
  return undefined;
}

/**
 * Does the call send its model in OpenRouter's naming: to OpenRouter itself, or a vendor-prefixed name that is
 * OpenRouter's id and not the vendor's own (`anthropic/claude-sonnet-4.5`; Anthropic's id is `claude-sonnet-4-5`)?
 * Vercel's AI Gateway names Claude the same way (`anthropic/claude-haiku-4.5`, GatewayModelId in
 * packages/gateway/src/gateway-language-model-settings.ts, vercel/ai at ed857f50): such a gateway refuses the
 * vendor's dashed id, so a switch is written in OpenRouter's form. A prefixed vendor id (`anthropic/claude-sonnet-4-5`,
 * LiteLLM or a proxy that takes the vendor's names) keeps the vendor's form.
 */
function openRouterNaming(site: CallSite, price: ModelPrice, prefix: string, table: PriceTable): boolean {
  if (site.provider?.toLowerCase() === 'openrouter' || site.host?.name === 'OpenRouter') return true;
  const w = site.model?.id.toLowerCase() ?? '';
  const rest = w.slice(prefix.length);
  if ([price.id, ...(price.aliases ?? [])].some((x) => x.toLowerCase() === rest)) return false;
  return openRouterNames(table).exact.has(w);
}

/**
 * The id a switch to `target` writes in place of the call's (before any Bedrock region profile, routing.ts): the
 * target's own id, behind the vendor prefix the code writes (`prefix`, routing.ts writtenPrefix); in OpenRouter's naming, OpenRouter's
 * id for it, and undefined when OpenRouter's sheet lists none (no id known: the target is not offered). Seen
 * wrong: `Switch to anthropic/claude-haiku-4-5` on an AI SDK call of `anthropic/claude-sonnet-4.5`.
 */
export function targetName(site: CallSite, price: ModelPrice, prefix: string, target: ModelPrice, table: PriceTable): { prefix: string; id: string } | undefined {
  if (prefix === '' || prefix.toLowerCase() === 'models/' || site.sdk === 'LiteLLM' || !openRouterNaming(site, price, prefix, table)) return { prefix, id: target.id };
  const id = openRouterId(table, prefix.toLowerCase(), target);
  return id === undefined ? undefined : { prefix: '', id };
}

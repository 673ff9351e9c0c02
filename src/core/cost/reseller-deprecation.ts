// A reseller's row of a vendor's model (`openai/o1` in OpenRouter's sheet) next to the vendor's own row: the
// reseller's sheet carries no deprecation (OpenRouter's data has no dates), the vendor's may (o1 retired at OpenAI on
// 2026-10-23, openai.yaml). The reseller may keep serving the model from another host for a while, or drop it: so
// the vendor's date is said as the vendor's, a warning, never the error a retired model gets on the vendor's API.
import type { CallWarning, ModelPrice, PriceTable } from '../types';
import { lookupModel } from '../price/sheets';
import { vendorName } from '../price/vendor-names';

/** The id prefix a reseller writes for a vendor (OpenRouter's `openai/`, `x-ai/`, `mistralai/`) → that vendor's sheet. */
const VENDOR_SHEETS: Record<string, string> = { openai: 'openai', anthropic: 'anthropic', google: 'google', 'x-ai': 'xai', deepseek: 'deepseek', mistralai: 'mistral' };

/** The vendor's own row of a reseller's `vendor/model` row, when the vendor's sheet deprecates that very model (its id
 * or one of its aliases: `openai/gpt-4o-mini-2024-07-18` is gpt-4o-mini's); else undefined. */
export function vendorDeprecatedTwin(table: PriceTable, m: ModelPrice): ModelPrice | undefined {
  const slash = m.id.indexOf('/');
  const sheet = slash > 0 ? VENDOR_SHEETS[m.id.slice(0, slash)] : undefined;
  if (!sheet || m.provider === sheet) return undefined;
  const bare = m.id.slice(slash + 1);
  const twin = lookupModel(table, bare, sheet);
  if (!twin?.deprecated || twin.provider !== sheet) return undefined;
  return twin.id === bare || twin.aliases?.includes(bare) ? twin : undefined;
}

/** `openai/o1 at OpenRouter: OpenAI deprecates o1 in its own API, retired there on 2026-10-23; …` for the vendor's row
 * `twin` (vendorDeprecatedTwin); `replacement` the current model that replaces it (cost/warnings.ts follows a named
 * successor that is itself deprecated, so an older or deprecated model is never named). */
export function resellerDeprecation(price: ModelPrice, twin: ModelPrice, today: string | undefined, replacement: string | undefined): CallWarning | undefined {
  const d = twin.deprecated;
  if (!d || price.deprecated) return undefined;
  const vendor = vendorName(twin.provider);
  const seller = vendorName(price.provider);
  const when = d.retires === undefined ? 'with no retirement date in the data' : d.retires <= (today ?? '') ? `retired there on ${d.retires}` : `retiring it there on ${d.retires}`;
  const next = replacement ? `; at ${vendor}, ${replacement} replaces it` : '';
  return {
    kind: 'deprecated',
    severity: 'warning',
    text: `${price.id} at ${seller}: ${vendor} deprecates ${twin.id} in its own API, ${when}${next}; whether ${seller} still serves it, and until when, is not in the sheets (source: ${d.source})`,
  };
}

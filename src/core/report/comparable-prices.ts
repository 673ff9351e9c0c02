// API models comparable to a self-hosted one, for the hover's price comparison (format.ts hoverMarkdown).
import type { ModelPrice, PriceTable } from '../types';

/** Models of API providers whose name contains the self-hosted model's (`llama-3.3-70b` → `llama-3.3-70b-versatile`), cheapest first. */
export function comparableApiPrices(m: ModelPrice, table: PriceTable, max = 3): ModelPrice[] {
  const bare = (id: string) => id.toLowerCase().replace(/^.*\//, '');
  const names = [m.id, ...(m.aliases ?? [])].map(bare);
  return table.models
    .filter((x) => x !== m && !x.selfHosted && [x.id, ...(x.aliases ?? [])].some((n) => names.some((b) => bare(n).includes(b))))
    .sort((a, b) => a.input + a.output - (b.input + b.output))
    .slice(0, max);
}

// The advice a call gets inside a small app held in memory, priced with the shipped sheets at a fixed time.
import { analyze } from '../../src/core/analyze';
import { buildTable } from '../../src/core/price/sheets';
import { loadShipped } from '../../src/node/sheets';
import type { PriceTable } from '../../src/core/types';
import { ValueIndex } from '../../src/core/resolve/value-index';
import { memFiles } from './mem-files';

let shipped: PriceTable | undefined;
export const shippedTable = () => (shipped ??= buildTable(loadShipped().sheets));
export const AT = '2026-12-01T10:00:00Z';

/** The suggestions' kinds per call of `file`, the files put under an app folder (memFiles lists folders, not the root). */
export const advice = (files: Record<string, string>, file: string, lang: string) => {
  const under = Object.fromEntries(Object.entries(files).map(([p, t]) => [`app1/${p}`, t]));
  return analyze(files[file], lang, `app1/${file}`, shippedTable(), { now: AT }, undefined, undefined, new ValueIndex(memFiles(under))).calls.map((c) => c.suggestions.map((s) => s.kind));
};

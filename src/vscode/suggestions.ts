// Which suggestion surfaces where. Pure: no `vscode` import.
import type { AnalyzedCall, Suggestion } from '../core/types';

/** The route suggestion worth a lens: the biggest saving above the threshold (percent). */
export function bestRoute(call: AnalyzedCall, thresholdPct: number): Suggestion | undefined {
  let best: Suggestion | undefined;
  for (const s of call.suggestions) {
    if (s.kind !== 'route' || !s.model || s.saveUsd <= 0) continue;
    if (s.savePct <= thresholdPct) continue; // savePct is in percent
    if (!best || s.saveUsd > best.saveUsd) best = s;
  }
  return best;
}

/** Suggestions a quick fix can apply as an edit (the others are advice shown in the hover). */
export function editable(s: Suggestion): boolean {
  return (s.kind === 'route' && !!s.model) || (s.kind === 'limit-output' && typeof s.limit === 'number');
}

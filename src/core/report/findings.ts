// What a CI annotation says about a call: the rules (over budget, no output limit, deprecated model, cheaper
// route), each with its help text, and the findings of a report under them. SARIF and GitHub workflow commands
// render the same findings.
import { deprecatedModel } from './deprecated-models';
import { formatUsd } from './format';
import type { Report, ReportRow } from './report';

export type Level = 'error' | 'warning' | 'note';

export interface Rule {
  id: string;
  name: string;
  level: Level;
  short: string;
  help: string;
}

export const RULES: Rule[] = [
  {
    id: 'over-budget',
    name: 'OverBudget',
    level: 'error',
    short: 'The worst case of one call is over the budget per call.',
    help:
      'The worst case (the whole prompt plus a reply as long as the output limit allows, or the model maximum when no limit is set) costs more than the budget given with --budget. Lower the output limit, shorten the prompt, or route the call to a cheaper model.',
  },
  {
    id: 'no-output-limit',
    name: 'NoOutputLimit',
    level: 'warning',
    short: 'The call sets no output limit: the reply can run to the model maximum.',
    help:
      'Without an output limit (max_tokens, max_completion_tokens, maxOutputTokens … as the SDK names it) one reply can be as long as the model allows, and the worst case of the call is priced at that length. Set the limit to about twice the answer you expect.',
  },
  {
    id: 'deprecated-model',
    name: 'DeprecatedModel',
    level: 'warning',
    short: 'The model is deprecated by its provider.',
    help:
      'The model is marked deprecated in the price data the sheets come from (@pydantic/genai-prices deprecated, LiteLLM deprecation_date); its provider retires it on the date given. Move the call to the model the provider names as its successor.',
  },
  {
    id: 'cheaper-route',
    name: 'CheaperRouteAvailable',
    level: 'note',
    short: 'A cheaper model of the same provider or of the models you compare would do this call for less.',
    help:
      'Another model in the price table costs less for the same prompt and output limit. The message names it and the saving per call; check that it answers well enough for this call before switching.',
  },
];

export interface Finding {
  rule: Rule;
  file: string;
  line: number;
  title: string;
  message: string;
}

const rule = (id: string) => RULES.find((r) => r.id === id)!;

export function findingsOf(r: Report, budget?: number): Finding[] {
  const out: Finding[] = [];
  for (const c of r.calls) {
    const found = callFindings(c, budget);
    // A line inside a notebook cell is not a line of the .ipynb file (JSON): point at the file, name the cell.
    out.push(...(c.cell === undefined ? found : found.map((f) => ({ ...f, line: 1, message: `Cell ${c.cell}, line ${c.line}: ${f.message}` }))));
  }
  return out;
}

function callFindings(c: ReportRow, budget: number | undefined): Finding[] {
  const out: Finding[] = [];
  const at = { file: c.file, line: c.line };
  const model = c.model ?? 'model set at run time';
  if (budget !== undefined && c.totalUsdMax !== null && c.totalUsdMax > budget) {
    out.push({ rule: rule('over-budget'), ...at, title: `Over budget: ${formatUsd(c.totalUsdMax)} per call`, message: `Worst case ${formatUsd(c.totalUsdMax)} per call (${model}) is over the budget of ${formatUsd(budget)}.` });
  }
  // A limit set at run time is a limit: never reported as missing (its worst case is flagged on the row).
  // On the user's own server (Ollama, a local address) a missing cap costs nothing: no finding.
  if (c.maxOutputSource !== 'code' && c.maxOutputSource !== 'runtime' && !(c.warnings ?? []).some((w) => w.kind === 'own-server')) {
    const fix = c.suggestions.find((s) => s.kind === 'limit-output');
    const reach = c.maxOutputTokens !== null ? `the model maximum, ${c.maxOutputTokens} tokens` : 'any length';
    out.push({ rule: rule('no-output-limit'), ...at, title: 'No output limit', message: `No output limit: the reply can run to ${reach}${c.outputUsdMax !== null && c.maxOutputTokens !== null ? ` (${formatUsd(c.outputUsdMax)} of output)` : ''}.${fix ? ` ${fix.text}.` : ''}` });
  }
  // The sheets carry deprecations (with date and successor) as a call warning; the id list covers other sheets.
  const warned = (c.warnings ?? []).find((w) => w.kind === 'deprecated' && w.model === undefined);
  // An id of another vendor at a single-vendor call (`other-vendor`) is not what the call sends: nothing to move.
  const provider = (c.warnings ?? []).some((w) => w.kind === 'other-vendor') ? undefined : deprecatedModel(c.model);
  if (warned) {
    out.push({ rule: rule('deprecated-model'), ...at, title: `Deprecated model ${c.model}`, message: warned.text });
  } else if (provider) {
    out.push({ rule: rule('deprecated-model'), ...at, title: `Deprecated model ${c.model}`, message: `${c.model} is deprecated (${provider})${c.modelKnown ? '' : '; it is not priced'}. Move the call to a current model.` });
  }
  // Another model the call can take (an if / else arm) that is deprecated: its own finding.
  for (const w of c.warnings ?? []) {
    if (w.kind === 'deprecated' && w.model !== undefined) out.push({ rule: rule('deprecated-model'), ...at, title: `Deprecated model ${w.model}`, message: w.text });
  }
  const route = c.suggestions.find((s) => s.kind === 'route');
  if (route) out.push({ rule: rule('cheaper-route'), ...at, title: `Cheaper: ${route.model}`, message: route.text });
  return out;
}

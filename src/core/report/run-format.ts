// A run of a call in a loop or agent as text: the run lens and the hover's turn-by-turn table (STYLE.md #14:
// numbers through format.ts).
import type { RunEstimate } from '../types';
import { formatTokens, formatUsd, formatUsdAtMost } from './format';

type RunFigures = Pick<RunEstimate, 'turns' | 'turnsSource' | 'caching' | 'outputUnbounded'> & {
  totalUsdMax: number | null;
  cachedTotalUsdMax: number | null;
};

/**
 * `agent run ≤ 8 turns: ≤ $0.42 · $0.11 with caching`; with no output bound known, the answers at the expected length
 * and "≥", a floor (cost/run.ts): `agent run ≤ 8 turns: ≥ $0.0107 (output unbounded)`.
 */
export function runLensTitle(r: RunFigures): string {
  const turns = `${r.turnsSource === 'setting' ? '≈ ' : '≤ '}${r.turns} turn${r.turns === 1 ? '' : 's'}${r.turnsSource === 'setting' ? ' (assumed)' : ''}`;
  if (r.totalUsdMax === null) return `agent run ${turns}: price unknown until the model is known`;
  const open = r.outputUnbounded === true;
  let out = `agent run ${turns}: ${open ? `≥ ${formatUsd(r.totalUsdMax)} (output unbounded)` : formatUsdAtMost(r.totalUsdMax)}`;
  if (r.cachedTotalUsdMax !== null && r.caching !== 'none' && r.cachedTotalUsdMax < r.totalUsdMax) {
    out += ` · ${open ? '≥ ' : ''}${formatUsd(r.cachedTotalUsdMax)} ${r.caching === 'needs-cache-control' ? 'with cache_control' : 'with caching'}`;
  }
  return out;
}

const SOURCE: Record<RunEstimate['turnsSource'], string> = {
  code: 'from the code',
  'framework-default': "the framework's default",
  setting: 'assumed: promptCost.agentTurns',
};

const CACHING: Record<RunEstimate['caching'], string> = {
  automatic: 'the provider caches the repeated prefix by itself (from 1,024 tokens)',
  cache_control: 'cache_control in the code: the repeated prefix is read from the cache',
  'needs-cache-control': 'with cache_control the repeated prefix would be read from the cache',
  none: 'no cached-input price for this model',
};

/** The hover's run section: turns and where they come from, then input and dollars turn by turn. */
export function runHoverMarkdown(r: RunEstimate, priced: boolean): string {
  const lines = [`**Agent run** · ${r.turns} turn${r.turns === 1 ? '' : 's'} (${SOURCE[r.turnsSource]}: \`${r.turnsFrom}\`)`, ''];
  const facts = [r.growsHistory ? (r.keepsMessages !== undefined ? `each turn re-sends the conversation, cut to its last ${r.keepsMessages} messages` : 'each turn re-sends the whole conversation') : 'each turn sends the same input'];
  if (r.toolTokens) facts.push(`${formatTokens(r.toolTokens)} tool-definition tokens on every call`);
  if (r.toolResultTokens && r.growsHistory) facts.push(`${formatTokens(r.toolResultTokens)} tokens per tool result (promptCost.toolResultTokens)`);
  if (r.contextFull) facts.push(`from turn ${r.contextFull.fromTurn} the conversation fills the model's ${formatTokens(r.contextFull.window)}-token context window: the API refuses a longer request, so no turn is priced above it`);
  lines.push(facts.join('; '), '');
  if (!priced) return lines.join('\n');
  lines.push('| turn | input tok | worst case | with caching |', '|---:|---:|---:|---:|');
  const rows = r.perTurn.length > 12 ? [...r.perTurn.slice(0, 5), undefined, ...r.perTurn.slice(-5)] : r.perTurn;
  for (const t of rows) lines.push(t ? `| ${t.turn} | ${formatTokens(t.inputTokens)} | ${formatUsd(t.usdMax)} | ${formatUsd(t.cachedUsdMax)} |` : '| … | | | |');
  const floor = r.outputUnbounded ? '≥ ' : '';
  lines.push(`| **run** | | **${floor}${formatUsd(r.totalUsdMax)}** | **${floor}${formatUsd(r.cachedTotalUsdMax)}** |`, '');
  if (r.outputUnbounded) lines.push('Output unbounded: no output limit is known for this call and no maximum output for its model, so the run has no upper bound; the table counts each answer at the expected length, the least the run costs.', '');
  lines.push(`Expected (answers at the expected length): ${formatUsd(r.totalUsdExpected)} per run. Caching: ${CACHING[r.caching]}.`);
  return lines.join('\n');
}

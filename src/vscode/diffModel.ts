// The report view's model for "Compare with Branch…": the same rows and columns as the workspace report (the
// working tree's figures, or the base's for a removed call) plus a change column, from a CostDiff. Pure: no
// `vscode` import.
import type { CallChange, CostDiff, Snapshot } from '../core/report/diff';
import { headLabel, signedUsd, summaryLine } from '../core/report/diff-format';
import { formatTokens, formatUsd, outputMaxUnknown } from '../core/report/format';
import { filesOf, type ViewModel, type ViewRow } from './reportModel';

const usd = (n: number | null) => (n === null ? 'not priced' : formatUsd(n));

function changeText(c: CallChange): { text: string; title: string } {
  const what = c.changed.filter((k) => k !== 'moved');
  const b = c.base;
  const h = c.head;
  const parts: string[] = [];
  if (b && h && b.model !== h.model) parts.push(`model ${b.model ?? '?'} → ${h.model ?? '?'}`);
  if (b && h && b.inputTokens !== h.inputTokens) parts.push(`input ${formatTokens(b.inputTokens)} → ${formatTokens(h.inputTokens)} tokens`);
  if (b && h && what.includes('maxOutputTokens')) parts.push(`limit ${limit(b)} → ${limit(h)}`);
  if (b && h && c.changed.includes('moved')) parts.push(b.file !== h.file ? `moved from ${b.file}:${b.line}` : `was line ${b.line}`);
  const month = `${signedUsd(c.delta.perMonthUsdMax)} per month (worst case), ${signedUsd(c.delta.perMonthUsdExpected)} expected`;
  const text = c.status === 'unchanged' ? '—' : `${c.status === 'changed' ? '' : c.status + ' '}${signedUsd(c.delta.totalUsdMax)}`;
  return { text: text.trim(), title: [c.status, ...parts, month].join(' · ') };
}

function limit(s: Snapshot): string {
  return s.maxOutputSource === 'code' && s.maxOutputTokens !== null ? formatTokens(s.maxOutputTokens) : 'none';
}

export function diffViewModel(d: CostDiff, topN = 10): ViewModel {
  const rows: ViewRow[] = d.calls.map((c, id) => {
    const s = (c.head ?? c.base)!;
    const model = c.base && c.head && c.base.model !== c.head.model ? `${c.base.model ?? '?'} → ${c.head.model ?? '?'}` : (s.model ?? '(unresolved)');
    return {
      id,
      file: c.file,
      line: c.line,
      sdk: c.sdk,
      model,
      modelKnown: s.modelKnown,
      inputTokens: s.inputTokens,
      totalUsdMax: s.totalUsdMax,
      perMonthUsdMax: s.perMonthUsdMax,
      inputUsd: s.inputUsd,
      outputUsdMax: s.outputUsdMax,
      text: {
        tokens: formatTokens(s.inputTokens, s.tokenCount === 'estimate'),
        input: usd(s.inputUsd),
        output: s.maxOutputSource === 'none' && s.modelKnown ? 'unbounded' : outputMaxUnknown(s) && s.modelKnown ? 'unknown (limit set at run time)' : usd(s.outputUsdMax),
        total: usd(s.totalUsdMax),
        month: usd(s.perMonthUsdMax),
        limit: s.maxOutputTokens === null ? '—' : formatTokens(s.maxOutputTokens),
      },
      unresolved: [],
      change: { status: c.status, ...changeText(c) },
      delta: c.delta.totalUsdMax,
    };
  });
  const files = filesOf(rows.filter((row) => row.change?.status !== 'removed'));
  // The chart shows the largest changes of the per-call worst case.
  const top = rows
    .filter((r) => r.delta !== null && r.delta !== undefined && r.delta !== 0)
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))
    .slice(0, topN)
    .map((r) => r.id);
  const t = d.totals.head;
  return {
    rows,
    files,
    top,
    totals: { calls: t.calls, files: files.length, unknownModels: t.unknownModels, outputUnknown: rows.filter((r) => r.change?.status !== 'removed' && r.modelKnown && r.outputUsdMax === null).length, total: formatUsd(t.totalUsdMax), month: formatUsd(t.perMonthUsdMax) },
    sheets: d.priceSheets.map((p) => ({ provider: p.provider, asOf: p.asOf, source: p.source })),
    problems: d.problems.map((p) => ({ file: p.file, line: p.line, message: p.message })),
    // Runs of calls in loops and agents are the workspace report's section; a comparison shows them per call.
    runs: [],
    scanned: d.calls.length,
    cancelled: false,
    compare: {
      base: d.base.rev,
      summary: `Compared with ${d.base.rev} (${d.base.commit.slice(0, 8)}) → ${headLabel(d)}: ${d.counts.changed} changed · ${d.counts.added} added · ${d.counts.removed} removed · ${d.counts.unchanged} unchanged. ${summaryLine(d)}`,
    },
  };
}

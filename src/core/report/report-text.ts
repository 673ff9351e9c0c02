// A report's Markdown, CSV and terminal-table forms (its JSON is report.ts's toJson), and how a row's place is written.
import type { Report, ReportRow } from './report';
import { formatTokens, formatUsd, formatUsdSmall } from './format';
import { runLensTitle } from './run-format';

/** `app.py:12`, or in a notebook `explore.ipynb cell 3:2`. */
export function where(r: { file: string; cell?: number; line?: number }): string {
  return `${r.file}${r.cell !== undefined ? ` cell ${r.cell}` : ''}${r.line ? `:${r.line}` : ''}`;
}

const money = (n: number | null) => (n === null ? 'unknown' : formatUsd(n));
/** The model as a reader should take it: `?` when unknown, marked when the user assumed it. */
const modelText = (r: ReportRow) => (r.model ?? '?') + (r.modelAssumed ? ' (assumed)' : '') + (r.kind === 'embedding' ? ' (embedding)' : '');
const best = (r: ReportRow) => r.suggestions[0]?.text ?? '';
/** ` (5 choices)` after the output when the request asks for several answers, each billed, as the lens says. */
const choicesText = (r: ReportRow) => (r.choices ? ` (${r.choices} choices)` : '');

/** What the totals leave out: the output of calls with no known bound on it (never counted as $0 silently). */
function outputUnknownText(r: Report): string {
  const n = r.totals.outputUnknown;
  return n ? ` · output of ${n} call(s) with no known maximum not included` : '';
}

export function toMarkdown(r: Report): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = ['# Prompt Cost report', '', `${r.totals.calls} calls in ${r.totals.files} files · worst case ${formatUsd(r.totals.totalUsdMax)} per round of calls · ${formatUsd(r.totals.perMonthUsdMax)} per month${outputUnknownText(r)}`, ''];
  out.push('| File | Line | SDK | Model | Input tok | Input | Output max | Worst case | Best saving |', '|---|---:|---|---|---:|---:|---:|---:|---|');
  for (const c of r.calls) {
    out.push(`| ${esc(c.file)}${c.cell !== undefined ? ` cell ${c.cell}` : ''} | ${c.line} | ${c.sdk} | ${esc(modelText(c))} | ${formatTokens(c.inputTokens, c.tokenCount === 'estimate')} | ${money(c.inputUsd)} | ${money(c.outputUsdMax)}${choicesText(c)} | ${money(c.totalUsdMax)} | ${esc(best(c))} |`);
  }
  const runs = r.calls.filter((c) => c.run);
  if (runs.length) {
    out.push('', '## Agent runs', '', '| File | Line | Model | Turns | Grows | Run worst case | With caching | Expected |', '|---|---:|---|---|---|---:|---:|---:|');
    for (const c of runs) {
      const x = c.run!;
      // No output bound: the figures count each answer at the expected length, a floor (cost/run.ts).
      const floor = x.outputUnbounded && x.totalUsdMax !== null ? '≥ ' : '';
      out.push(`| ${esc(c.file)} | ${c.line} | ${esc(c.model ?? '?')} | ${x.turns} (${esc(x.turnsFrom)}) | ${x.growsHistory ? 'yes' : 'no'} | ${floor}${money(x.totalUsdMax)} | ${floor}${money(x.cachedTotalUsdMax)} | ${money(x.totalUsdExpected)} |`);
    }
  }
  if (r.problems.length) {
    out.push('', '## Problems', '');
    for (const p of r.problems) out.push(`- ${esc(where(p))} — ${esc(p.message)}`);
  }
  out.push('', `Prices: ${r.priceSheets.map((s) => `${s.provider} (${s.asOf})`).join(', ')}`);
  return out.join('\n') + '\n';
}

export function toCsv(r: Report): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['file', 'line', 'language', 'sdk', 'model', 'modelKnown', 'inputTokens', 'tokenCount', 'maxOutputTokens', 'maxOutputSource', 'inputUsd', 'outputUsdMax', 'totalUsdMax', 'perMonthUsdMax', 'unresolved', 'bestSuggestion', 'cell'];
  const rows = r.calls.map((c) =>
    [c.file, c.line, c.language, c.sdk, c.model, c.modelKnown, c.inputTokens, c.tokenCount, c.maxOutputTokens, c.maxOutputSource, c.inputUsd, c.outputUsdMax, c.totalUsdMax, c.perMonthUsdMax, c.unresolved.join(' '), best(c), c.cell].map(q).join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}

/** An aligned table for a terminal, fitted to `width` columns; the best saving goes on its own line under a call. */
export function toTable(r: Report, width = 100): string {
  const rows = r.calls.map((c) => [
    where(c),
    modelText(c),
    formatTokens(c.inputTokens, c.tokenCount === 'estimate'),
    c.kind === 'embedding' && c.inputUsd !== null ? formatUsdSmall(c.inputUsd) : money(c.inputUsd),
    c.kind === 'embedding' ? '—' : (c.maxOutputSource === 'none' ? 'no limit' : money(c.outputUsdMax) + (c.maxOutputSource === 'model-default' ? '*' : c.maxOutputSource === 'runtime' ? '†' : '')) + choicesText(c),
    money(c.totalUsdMax),
  ]);
  const head = ['call', 'model', 'in tok', 'in $', 'out $ max', 'total max'];
  const right = [false, false, true, true, true, true];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + (widths.length - 1) * 2;
  // Shrink the call column, then the model column, so the table fits.
  widths[0] = Math.max(20, widths[0] - Math.max(0, total() - width));
  widths[1] = Math.max(12, widths[1] - Math.max(0, total() - width));
  const cell = (s: string, i: number) => {
    const w = widths[i];
    const t = s.length > w ? (i === 0 ? '…' + s.slice(s.length - w + 1) : s.slice(0, w - 1) + '…') : s;
    return right[i] ? t.padStart(w) : t.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
  const out = [line(head), line(widths.map((w) => '─'.repeat(w)))];
  r.calls.forEach((c, i) => {
    out.push(line(rows[i]));
    // A warning is said in full (its source is part of it), wrapped to the width.
    for (const w of c.warnings) out.push(...wrap(`${w.severity === 'error' ? '✖' : '⚠'} ${w.text}`, width, '  ', '    '));
    if (c.run) out.push(('  ↻ ' + runLensTitle(c.run)).slice(0, width));
    const tip = best(c);
    if (tip) out.push(('  ↳ ' + tip + (c.suggestions[0]?.why ? ` (${c.suggestions[0].why})` : '')).slice(0, width));
  });
  out.push('');
  out.push(`${r.totals.calls} calls in ${r.totals.files} files · worst case ${formatUsd(r.totals.totalUsdMax)} per round · ${formatUsd(r.totals.perMonthUsdMax)}/month` + (r.totals.unknownModels ? ` · ${r.totals.unknownModels} unknown model(s) not priced` : '') + outputUnknownText(r));
  if (r.calls.some((c) => c.maxOutputSource === 'model-default')) out.push("* no output limit in code: worst case at the model's maximum output");
  if (r.calls.some((c) => c.maxOutputSource === 'runtime')) out.push("† output limit set at run time: worst case at the model's maximum output, or at the largest value the code can choose or the bound it computes the limit under; unknown when the model's maximum is not known");
  for (const p of r.problems) out.push(`problem: ${where(p)}: ${p.message}`);
  return out.join('\n') + '\n';
}

/** `text` in lines of at most `width` columns, the first after `first`, the others after `rest`, broken at spaces. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let cur = '';
  const room = () => width - (lines.length ? rest : first).length;
  const fit = (w: string) => (w.length > room() ? w.slice(0, room() - 1) + '…' : w);
  for (const word of text.split(' ')) {
    if (cur && cur.length + 1 + word.length > room()) {
      lines.push((lines.length ? rest : first) + cur);
      cur = fit(word);
    } else cur = cur ? `${cur} ${word}` : fit(word);
  }
  if (cur) lines.push((lines.length ? rest : first) + cur);
  return lines;
}

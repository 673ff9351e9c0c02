// The cost diff as text: a terminal table, Markdown made for a pull-request comment (a summary line, the top
// changes, the rest collapsed in <details>), and the versioned JSON.
import type { CallChange, CostDiff, Snapshot } from './diff';
import { formatPct, formatTokens, formatUsd } from './format';
import { where } from './report';

export function toDiffJson(d: CostDiff): string {
  return JSON.stringify(d, null, 2) + '\n';
}

/** `+$0.0046`, `−$1.20`, `$0`, `?` for a side that is not priced. */
export function signedUsd(n: number | null | undefined): string {
  if (n === null || n === undefined) return '?';
  return n > 0 ? '+' + formatUsd(n) : formatUsd(n);
}

function signedPct(n: number | null): string {
  if (n === null) return 'new';
  return (n > 0 ? '+' : n < 0 ? '−' : '') + formatPct(Math.abs(n));
}

const usd = (n: number | null | undefined) => (n === null || n === undefined ? 'not priced' : formatUsd(n));

function limitOf(s: Snapshot): string {
  if (s.maxOutputSource === 'code' && s.maxOutputTokens !== null) return formatTokens(s.maxOutputTokens);
  return 'none';
}

/** `a → b` when the sides differ, else the one value; a missing side is `—`. */
function pair<T>(c: CallChange, f: (s: Snapshot) => T, show: (v: T) => string, strong = (s: string) => s): string {
  const b = c.base ? show(f(c.base)) : undefined;
  const h = c.head ? show(f(c.head)) : undefined;
  if (b === undefined) return h!;
  if (h === undefined) return b;
  return b === h ? h : `${b} → ${strong(h)}`;
}

const modelOf = (s: Snapshot) => s.model ?? '?';
const tokensOf = (s: Snapshot) => formatTokens(s.inputTokens, s.tokenCount === 'estimate');

export function headLabel(d: CostDiff): string {
  return d.head.commit === null ? 'the working tree' : d.head.rev;
}

export function summaryLine(d: CostDiff): string {
  const t = d.totals;
  const unpriced = [t.base.unknownModels ? `${t.base.unknownModels} call(s) in the base` : '', t.head.unknownModels ? `${t.head.unknownModels} call(s) in the head` : ''].filter(Boolean);
  return (
    `${signedUsd(t.delta.perMonthUsdMax)} per month at the worst case (${signedPct(t.deltaPct.perMonthUsdMax)}: ${formatUsd(t.base.perMonthUsdMax)} → ${formatUsd(t.head.perMonthUsdMax)}), ${signedUsd(t.delta.perMonthUsdExpected)} expected (${formatUsd(t.base.perMonthUsdExpected)} → ${formatUsd(t.head.perMonthUsdExpected)})` +
    (unpriced.length ? ` · ${unpriced.join(' and ')} not priced (the model is in no price sheet or set at run time), not counted` : '')
  );
}

function countsLine(d: CostDiff): string {
  const c = d.counts;
  return `${c.changed} changed · ${c.added} added · ${c.removed} removed · ${c.unchanged} unchanged`;
}

const moved = (c: CallChange) => (c.changed.includes('moved') && c.base && c.head ? ` (was ${c.base.file !== c.head.file ? where(c.base) : `${c.base.cell !== undefined ? `cell ${c.base.cell}:` : 'line '}${c.base.line}`})` : '');

function runCell(c: CallChange): string {
  const b = c.base?.runUsdMax;
  const h = c.head?.runUsdMax;
  if (b === undefined && h === undefined) return '';
  return `${b === undefined ? '—' : usd(b)} → ${h === undefined ? '—' : usd(h)}`;
}

export function toDiffMarkdown(d: CostDiff, top = 5): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  const changes = d.calls.filter((c) => c.status !== 'unchanged');
  const runs = changes.some((c) => runCell(c) !== '');
  const head = ['Call', 'Change', 'Model', 'Input tok', 'Limit', 'Per call (max)', 'Δ per call (max)', 'Δ per month (max)', 'Δ per month (expected)', ...(runs ? ['Per run (max)'] : [])];
  const rowOf = (c: CallChange) =>
    `| \`${esc(where(c))}\`${moved(c)} | ${c.status}${c.changed.filter((k) => k !== 'moved').length ? ` (${c.changed.filter((k) => k !== 'moved').join(', ')})` : ''} | ${esc(pair(c, modelOf, String, (s) => `**${s}**`))} | ${pair(c, tokensOf, String)} | ${pair(c, limitOf, String)} | ${pair(c, (s) => s.totalUsdMax, usd)} | ${signedUsd(c.delta.totalUsdMax)} | ${signedUsd(c.delta.perMonthUsdMax)} | ${signedUsd(c.delta.perMonthUsdExpected)} |${runs ? ` ${runCell(c)} |` : ''}`;
  const table = (rows: CallChange[]) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : i < 5 ? '---' : '---:')).join('|')}|`, ...rows.map(rowOf)];
  const out = [`### Prompt Cost: ${summaryLine(d)}`, '', `${countsLine(d)} · \`${esc(d.base.rev)}\` → ${d.head.commit === null ? 'working tree' : `\`${esc(d.head.rev)}\``}`, ''];
  if (!changes.length) out.push('No call changed its cost.');
  else {
    out.push(...table(changes.slice(0, top)));
    if (changes.length > top) out.push('', `<details><summary>All ${changes.length} changed calls</summary>`, '', ...table(changes), '', '</details>');
  }
  const t = d.totals;
  out.push(
    '',
    '<details><summary>Totals and prices</summary>',
    '',
    '| | Base | Head | Change |',
    '|---|---:|---:|---:|',
    `| Calls | ${t.base.calls} | ${t.head.calls} | ${t.delta.calls > 0 ? '+' : ''}${t.delta.calls} |`,
    `| Per call, all calls once (max) | ${formatUsd(t.base.totalUsdMax)} | ${formatUsd(t.head.totalUsdMax)} | ${signedUsd(t.delta.totalUsdMax)} |`,
    `| Per call, all calls once (expected) | ${formatUsd(t.base.totalUsdExpected)} | ${formatUsd(t.head.totalUsdExpected)} | ${signedUsd(t.delta.totalUsdExpected)} |`,
    `| Per month (max) | ${formatUsd(t.base.perMonthUsdMax)} | ${formatUsd(t.head.perMonthUsdMax)} | ${signedUsd(t.delta.perMonthUsdMax)} |`,
    `| Per month (expected) | ${formatUsd(t.base.perMonthUsdExpected)} | ${formatUsd(t.head.perMonthUsdExpected)} | ${signedUsd(t.delta.perMonthUsdExpected)} |`,
    '',
    `Prices: ${d.priceSheets.map((s) => `${s.provider} (${s.asOf})`).join(', ') || 'none used'}`,
    '',
    '</details>',
  );
  if (d.problems.length) {
    out.push('', `<details><summary>${d.problems.length} problem(s)</summary>`, '');
    for (const p of d.problems) out.push(`- ${esc(p.file)}${p.line ? `:${p.line}` : ''} — ${esc(p.message)}`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}

/** An aligned table for a terminal, fitted to `width` columns (the call column is shortened first). */
export function toDiffTable(d: CostDiff, width = 100): string {
  const changes = d.calls.filter((c) => c.status !== 'unchanged');
  const head = ['change', 'call', 'model', 'in tok', 'limit', 'per call max', 'Δ/call', 'Δ/month max'];
  const right = [false, false, false, true, true, true, true, true];
  const rows = changes.map((c) => [
    c.status,
    where(c),
    pair(c, modelOf, String),
    pair(c, tokensOf, String),
    pair(c, limitOf, String),
    pair(c, (s) => s.totalUsdMax, usd),
    signedUsd(c.delta.totalUsdMax),
    signedUsd(c.delta.perMonthUsdMax),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + (widths.length - 1) * 2;
  // The call is shortened to its last 36 characters at most (the file name and line stay readable); the table may
  // then run past `width`.
  widths[1] = Math.max(Math.min(widths[1], 36), widths[1] - Math.max(0, total() - width));
  // A model change (`gpt-4o-mini → gpt-4o`) is the point of the row: shortened only past 30 characters.
  widths[2] = Math.max(Math.min(widths[2], 30), widths[2] - Math.max(0, total() - width));
  const cell = (s: string, i: number) => {
    const w = widths[i];
    const t = s.length > w ? (i === 1 ? '…' + s.slice(s.length - w + 1) : s.slice(0, w - 1) + '…') : s;
    return right[i] ? t.padStart(w) : t.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
  const out = [`Prompt Cost diff: ${d.base.rev} → ${headLabel(d)}`, ''];
  if (rows.length) out.push(line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line), '');
  else out.push('No call changed its cost.', '');
  out.push(countsLine(d));
  out.push(`Total: ${summaryLine(d)}`);
  for (const p of d.problems) out.push(`problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return out.join('\n') + '\n';
}

/** One row per call: where it is, its status, both sides' model and worst case, and the changes. */
export function toDiffCsv(d: CostDiff): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['status', 'file', 'line', 'sdk', 'changed', 'baseModel', 'headModel', 'baseInputTokens', 'headInputTokens', 'baseMaxOutputTokens', 'headMaxOutputTokens', 'baseTotalUsdMax', 'headTotalUsdMax', 'deltaTotalUsdMax', 'deltaPerMonthUsdMax', 'deltaPerMonthUsdExpected'];
  const rows = d.calls.map((c) =>
    [c.status, c.file, c.line, c.sdk, c.changed.join(' '), c.base?.model, c.head?.model, c.base?.inputTokens, c.head?.inputTokens, c.base?.maxOutputTokens, c.head?.maxOutputTokens, c.base?.totalUsdMax, c.head?.totalUsdMax, c.delta.totalUsdMax, c.delta.perMonthUsdMax, c.delta.perMonthUsdExpected].map(q).join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}

// The cost change between two revisions: every call of the base matched to a call of the head across small moves
// and edits (diff-match.ts), and what changed in it — model, input tokens, output limit, per call and per month at the
// worst case and the expected length, and per run where the engine gives one. Pure: the fronts read the revisions
// and hand over analysed files.
import type { AnalyzedCall, MaxOutputSource, PriceTable } from '../types';
import type { AnalysisResult } from '../analyze';
import { matchCalls } from './diff-match';
import { buildReport, type Report } from './report';
import { outputMaxUnknown } from './format';

/** One call as the diff sees it. Money is null for a model in no price sheet (never priced as zero). */
export interface DiffCall {
  file: string;
  /** In a notebook: the 1-based cell, and `line` is inside it. */
  cell?: number;
  line: number;
  sdk: string;
  /** The call-shape id (`openai.chat`, `anthropic.messages`, …): a call keeps its form across edits. */
  shape: string;
  model: string | null;
  modelKnown: boolean;
  inputTokens: number;
  tokenCount: 'exact' | 'estimate';
  maxOutputTokens: number | null;
  maxOutputSource: MaxOutputSource;
  inputUsd: number | null;
  outputUsdMax: number | null;
  totalUsdMax: number | null;
  totalUsdExpected: number | null;
  perMonthUsdMax: number | null;
  perMonthUsdExpected: number | null;
  /** Per run (a loop or an agent's turns), when the engine prices one for this call. */
  runUsdMax?: number | null;
  runUsdExpected?: number | null;
  /** Turns of one run (a loop's bound or an agent's), when the call is in one. */
  runTurns?: number;
  /** Words of the call's source text, for matching edited calls. */
  words: string[];
}

export type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The money fields a change reports, head minus base (null when either side is not priced). */
export interface Money {
  totalUsdMax: number | null;
  totalUsdExpected: number | null;
  perMonthUsdMax: number | null;
  perMonthUsdExpected: number | null;
  runUsdMax?: number | null;
  runUsdExpected?: number | null;
}

export interface CallChange {
  status: ChangeStatus;
  /** Where the call is now (the head), or was (a removed call); `cell` in a notebook. */
  file: string;
  cell?: number;
  line: number;
  sdk: string;
  /** What differs: `model`, `inputTokens`, `maxOutputTokens`, `moved` (another line or file), `pricing`. */
  changed: string[];
  base: Snapshot | null;
  head: Snapshot | null;
  delta: Money;
}

export type Snapshot = Omit<DiffCall, 'words' | 'sdk' | 'shape'>;

export interface Totals {
  calls: number;
  totalUsdMax: number;
  totalUsdExpected: number;
  perMonthUsdMax: number;
  perMonthUsdExpected: number;
  unknownModels: number;
}

export interface CostDiff {
  version: 1;
  kind: 'diff';
  base: { rev: string; commit: string };
  /** `commit` is null for the work tree. */
  head: { rev: string; commit: string | null };
  priceSheets: Report['priceSheets'];
  totals: { base: Totals; head: Totals; delta: Omit<Totals, 'unknownModels'>; deltaPct: { perMonthUsdMax: number | null; perMonthUsdExpected: number | null } };
  counts: Record<ChangeStatus, number>;
  /** Added, removed and changed calls, the largest change of the per-month worst case first; then unchanged ones. */
  calls: CallChange[];
  problems: Report['problems'];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The calls of one analysed file, for the diff; `text` is the file's source (for the calls' words). */
export function diffCallsOf(file: string, text: string, result: AnalysisResult): DiffCall[] {
  return result.calls.map((c) => diffCall(file, text, c));
}

function diffCall(file: string, text: string, c: AnalyzedCall): DiffCall {
  const e = c.estimate;
  const money = (n: number) => (e.modelKnown ? round6(n) : null);
  const out: DiffCall = {
    file,
    ...(c.cell !== undefined ? { cell: c.cell } : {}),
    line: c.line,
    sdk: c.site.sdk,
    shape: c.site.shape,
    model: c.site.model?.id ?? null,
    modelKnown: e.modelKnown,
    inputTokens: e.inputTokens,
    tokenCount: e.tokenCount,
    maxOutputTokens: e.maxOutputTokens ?? null,
    maxOutputSource: e.maxOutputSource,
    inputUsd: money(e.inputUsd),
    outputUsdMax: outputMaxUnknown(e) ? null : money(e.outputUsdMax),
    totalUsdMax: money(e.totalUsdMax),
    totalUsdExpected: money(e.inputUsd + e.outputUsdExpected),
    perMonthUsdMax: money(e.perMonthUsdMax),
    perMonthUsdExpected: money(e.perMonthUsdExpected),
    // A notebook's call offsets are in its joined cells, not in the file: its words come from what the call holds.
    words: text
      ? wordsOf(text.slice(c.site.span.start, Math.min(c.site.span.end, c.site.span.start + 8000)))
      : wordsOf([c.site.shape, c.site.model?.id ?? c.site.modelUnresolved ?? '', c.site.maxOutput?.key ?? '', ...c.site.parts.map((p) => p.text || p.label || '')].join(' ').slice(0, 8000)),
  };
  const run = runCost(c);
  if (typeof c.run?.turns === 'number') out.runTurns = c.run.turns;
  if (run) {
    out.runUsdMax = e.modelKnown ? run.max : null;
    out.runUsdExpected = e.modelKnown ? run.expected : null;
  }
  return out;
}

/**
 * The per-run cost of a call in a loop or an agent (`run.totalUsdMax` / `run.totalUsdExpected` of cost/run.ts), or
 * undefined for a call outside one.
 */
export function runCost(c: unknown): { max: number | null; expected: number | null } | undefined {
  const run = (c as { run?: unknown; estimate?: { run?: unknown } } | null)?.run ?? (c as { estimate?: { run?: unknown } } | null)?.estimate?.run;
  if (!run || typeof run !== 'object') return undefined;
  const r = run as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? round6(v) : null);
  const max = num(r.totalUsdMax ?? r.usdMax);
  const expected = num(r.totalUsdExpected ?? r.usdExpected);
  return max === null && expected === null ? undefined : { max, expected };
}

function wordsOf(s: string): string[] {
  return s.match(/[A-Za-z0-9_.\-]+/g) ?? [];
}

const MONEY_KEYS = ['totalUsdMax', 'totalUsdExpected', 'perMonthUsdMax', 'perMonthUsdExpected', 'runUsdMax', 'runUsdExpected'] as const;

function snapshot(c: DiffCall): Snapshot {
  const { words: _w, sdk: _s, shape: _f, ...rest } = c;
  return rest;
}

function change(base: DiffCall | undefined, head: DiffCall | undefined): CallChange {
  const c = (head ?? base)!;
  const delta = {} as Money;
  for (const k of MONEY_KEYS) {
    if (k.startsWith('run') && base?.[k] === undefined && head?.[k] === undefined) continue;
    const b = base ? base[k] : 0;
    const h = head ? head[k] : 0;
    delta[k] = b === null || h === null || b === undefined || h === undefined ? null : round6(h - b);
  }
  const changed: string[] = [];
  if (base && head) {
    if (base.model !== head.model) changed.push('model');
    if (base.inputTokens !== head.inputTokens) changed.push('inputTokens');
    // The limit the code sets; a model's own maximum moving with a model switch is the model's change.
    if (base.maxOutputSource !== head.maxOutputSource || (base.maxOutputSource === 'code' && base.maxOutputTokens !== head.maxOutputTokens)) changed.push('maxOutputTokens');
    if (base.runTurns !== head.runTurns) changed.push('runTurns');
    if (!changed.length && MONEY_KEYS.some((k) => base[k] !== head[k])) changed.push('pricing');
  }
  const moved = !!base && !!head && (base.file !== head.file || base.cell !== head.cell || base.line !== head.line);
  const status: ChangeStatus = !base ? 'added' : !head ? 'removed' : changed.length ? 'changed' : 'unchanged';
  if (moved) changed.push('moved');
  return { status, file: c.file, ...(c.cell !== undefined ? { cell: c.cell } : {}), line: c.line, sdk: c.sdk, changed, base: base ? snapshot(base) : null, head: head ? snapshot(head) : null, delta };
}

function totalsOf(calls: DiffCall[]): Totals {
  const t: Totals = { calls: calls.length, totalUsdMax: 0, totalUsdExpected: 0, perMonthUsdMax: 0, perMonthUsdExpected: 0, unknownModels: 0 };
  for (const c of calls) {
    if (!c.modelKnown) t.unknownModels++;
    t.totalUsdMax += c.totalUsdMax ?? 0;
    t.totalUsdExpected += c.totalUsdExpected ?? 0;
    t.perMonthUsdMax += c.perMonthUsdMax ?? 0;
    t.perMonthUsdExpected += c.perMonthUsdExpected ?? 0;
  }
  for (const k of ['totalUsdMax', 'totalUsdExpected', 'perMonthUsdMax', 'perMonthUsdExpected'] as const) t[k] = round6(t[k]);
  return t;
}

export interface DiffSide {
  rev: string;
  commit: string | null;
  files: { file: string; text: string; result: AnalysisResult }[];
}

const pct = (d: number, b: number) => (b > 0 ? Math.round((d / b) * 1000) / 10 : d === 0 ? 0 : null);

export function diffRevisions(base: DiffSide & { commit: string }, head: DiffSide, table: PriceTable, problems: Report['problems'] = []): CostDiff {
  const b = base.files.flatMap((f) => diffCallsOf(f.file, f.text, f.result));
  const h = head.files.flatMap((f) => diffCallsOf(f.file, f.text, f.result));
  const changes = matchCalls(b, h).map((p) => change(p.base, p.head));
  const weight = (c: CallChange) => Math.abs(c.delta.perMonthUsdMax ?? 0) + Math.abs(c.delta.totalUsdMax ?? 0);
  const order: Record<ChangeStatus, number> = { changed: 0, added: 0, removed: 0, unchanged: 1 };
  changes.sort((x, y) => order[x.status] - order[y.status] || weight(y) - weight(x) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  const counts: Record<ChangeStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const c of changes) counts[c.status]++;
  const tb = totalsOf(b);
  const th = totalsOf(h);
  return {
    version: 1,
    kind: 'diff',
    base: { rev: base.rev, commit: base.commit },
    head: { rev: head.rev, commit: head.commit },
    // The sheets that price a call on either side, as scan's JSON lists them.
    priceSheets: buildReport([...base.files, ...head.files], table).priceSheets,
    totals: {
      base: tb,
      head: th,
      delta: {
        calls: th.calls - tb.calls,
        totalUsdMax: round6(th.totalUsdMax - tb.totalUsdMax),
        totalUsdExpected: round6(th.totalUsdExpected - tb.totalUsdExpected),
        perMonthUsdMax: round6(th.perMonthUsdMax - tb.perMonthUsdMax),
        perMonthUsdExpected: round6(th.perMonthUsdExpected - tb.perMonthUsdExpected),
      },
      deltaPct: {
        perMonthUsdMax: pct(th.perMonthUsdMax - tb.perMonthUsdMax, tb.perMonthUsdMax),
        perMonthUsdExpected: pct(th.perMonthUsdExpected - tb.perMonthUsdExpected, tb.perMonthUsdExpected),
      },
    },
    counts,
    calls: changes,
    problems: [...base.files.flatMap((f) => f.result.problems.map((p) => ({ ...p, message: `${base.rev}: ${p.message}` }))), ...head.files.flatMap((f) => f.result.problems), ...problems],
  };
}

// `prompt-cost diff BASE [HEAD] [-- paths…]`: the cost change between two revisions, read through git (the user's
// work tree is never checked out or changed). Exit 0 ok, 1 over --fail-on-increase, 2 bad usage, input or git state.
import { DEFAULT_OPTIONS } from '../core/analyze';
import { buildTable } from '../core/price/sheets';
import { increaseOver, parseIncreaseLimit, type IncreaseLimit } from '../core/report/diff-gate';
import { signedUsd, toDiffJson, toDiffMarkdown, toDiffTable } from '../core/report/diff-format';
import type { AnalyzeOptions, PriceTable } from '../core/types';
import { DEFAULT_MAX_BYTES, UsageError } from '../node/files';
import { GitError } from '../node/git';
import { gitDiff } from '../node/git-diff';
import { loadShipped, readSheetFiles } from '../node/sheets';

export const DIFF_USAGE = `Usage: prompt-cost diff BASE [HEAD] [options] [-- paths…]

Prices every LLM call at two revisions and shows what changed: calls added, removed and changed (model, input
tokens, output limit, per call and per month at the worst case and the expected length), and the total change.
HEAD defaults to the working tree. Both revisions are read through git; nothing is checked out.

Options:
  --format table|markdown|json       output format (default: table; markdown is made for a PR comment)
  --fail-on-increase USD|PCT%        exit 1 when the per-month worst case rises by more than USD, or PCT percent
  --prices FILE.yaml                 extra price sheet (repeatable; later sheets win)
  --models a,b                       models to compare and route to
  --calls-per-month N                for the per-month figures (default ${DEFAULT_OPTIONS.callsPerMonth})
  --expected-output N                typical output tokens (default ${DEFAULT_OPTIONS.expectedOutputTokens})
  --max-file-kb N                    skip files larger than this (default ${DEFAULT_MAX_BYTES / 1024})
  -h, --help                         this text

Exit codes: 0 ok, 1 the increase is over --fail-on-increase, 2 bad usage, not a git repository, unknown revision.`;

interface DiffArgs {
  base: string;
  head?: string;
  paths: string[];
  format: 'table' | 'markdown' | 'json';
  failOn?: IncreaseLimit;
  prices: string[];
  options: Partial<AnalyzeOptions>;
  maxBytes: number;
}

function count(flag: string, v: string, allowZero: boolean): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new UsageError(`${flag} needs a ${allowZero ? 'non-negative' : 'positive'} number, got "${v}"`);
  return n;
}

export function parseDiffArgs(argv: string[]): DiffArgs | 'help' {
  const dash = argv.indexOf('--');
  const opts = dash < 0 ? argv : argv.slice(0, dash);
  if (opts.includes('-h') || opts.includes('--help')) return 'help';
  const a: DiffArgs = { base: '', paths: dash < 0 ? [] : argv.slice(dash + 1), format: 'table', prices: [], options: { compareModels: [] }, maxBytes: DEFAULT_MAX_BYTES };
  const revs: string[] = [];
  for (let i = 0; i < opts.length; i++) {
    const arg = opts[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = opts[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'table' && f !== 'markdown' && f !== 'json') throw new UsageError(`diff --format must be table, markdown or json, got "${f}"`);
        a.format = f;
        break;
      }
      case '--fail-on-increase': {
        const v = value();
        a.failOn = parseIncreaseLimit(v);
        if (!a.failOn) throw new UsageError(`--fail-on-increase needs an amount in USD (e.g. 5) or a percentage (e.g. 10%), got "${v}"`);
        break;
      }
      case '--prices':
        a.prices.push(value());
        break;
      case '--models':
        a.options.compareModels!.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--calls-per-month':
        a.options.callsPerMonth = count(flag, value(), true);
        break;
      case '--expected-output':
        a.options.expectedOutputTokens = count(flag, value(), false);
        break;
      case '--max-file-kb':
        a.maxBytes = count(flag, value(), false) * 1024;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag} for diff`);
        revs.push(arg);
    }
  }
  if (!revs.length) throw new UsageError('diff needs a base revision (e.g. prompt-cost diff origin/main)');
  if (revs.length > 2) throw new UsageError(`diff takes BASE and HEAD revisions, got ${revs.length} (paths go after --: prompt-cost diff main -- src/)`);
  [a.base, a.head] = revs;
  return a;
}

function priceTable(files: string[]): PriceTable {
  const shipped = loadShipped();
  const extra = readSheetFiles(files);
  const p = [...shipped.problems, ...extra.problems][0];
  if (p) throw new UsageError(`bad price sheet ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return buildTable([...shipped.sheets, ...extra.sheets]);
}

export function runDiff(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const parsed = parseDiffArgs(argv);
    if (parsed === 'help') {
      out(DIFF_USAGE + '\n');
      return 0;
    }
    const args = parsed;
    const d = gitDiff({ cwd: process.cwd(), base: args.base, head: args.head, paths: args.paths, table: priceTable(args.prices), options: args.options, maxBytes: args.maxBytes });
    out({ table: toDiffTable, markdown: toDiffMarkdown, json: toDiffJson }[args.format](d));
    if (args.failOn && increaseOver(d, args.failOn)) {
      const t = d.totals;
      err(`prompt-cost: the per-month worst case rises by ${signedUsd(t.delta.perMonthUsdMax)}${t.deltaPct.perMonthUsdMax === null ? '' : ` (${t.deltaPct.perMonthUsdMax}%)`}, over --fail-on-increase ${'usd' in args.failOn ? `$${args.failOn.usd}` : `${args.failOn.pct}%`}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof GitError) {
      err(`prompt-cost: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

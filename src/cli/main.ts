// `prompt-cost scan [paths…]`: the engine in a terminal or a CI job. Exit 0 ok, 1 over budget, 2 bad usage/input.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPTIONS } from '../core/analyze';
import { buildTable } from '../core/price/sheets';
import { buildReport, toCsv, toJson, toMarkdown, toTable, where, type Report } from '../core/report/report';
import { toGithub } from '../core/report/github';
import { toSarif } from '../core/report/sarif';
import { MAX_TURNS } from '../core/cost/run';
import type { AnalyzeOptions } from '../core/types';
import { loadShipped, readSheetFiles } from '../node/sheets';
import { DEFAULT_MAX_BYTES, UsageError } from '../node/files';
import { scanFilesNow } from '../node/scan-files';
import { runDiff } from './diff';
import { CALIBRATE_USAGE, runCalibrate } from './calibrate';
import { diskIndex } from '../node/resolver';

const USAGE = `Usage: prompt-cost scan [paths…] [options]
       prompt-cost diff BASE [HEAD] [options] [-- paths…]   (prompt-cost diff --help)
       prompt-cost calibrate CASSETTE_DIR… [--format table|json]   (prompt-cost calibrate --help)

Finds LLM API calls in source files, prompt files and Jupyter notebooks and prices each one.

Options:
  --format FORMAT                    table (default), markdown, json, csv, sarif (SARIF 2.1.0 for code
                                     scanning) or github (workflow commands that annotate a pull request)
  --budget USD                       exit 1 when any call's worst case is over USD
  --budget-run USD                   exit 1 when any agent run's worst case is over USD
  --agent-turns N                    turns assumed for a loop or agent with no bound in code (default ${DEFAULT_OPTIONS.agentTurns})
  --tool-result-tokens N             tokens assumed per tool result in a growing conversation (default ${DEFAULT_OPTIONS.toolResultTokens})
  --prices FILE.yaml                 extra price sheet (repeatable; later sheets win)
  --models a,b                       models to compare and route to
  --assume-model ID                  price calls whose model is only known at run time as ID
  --calls-per-month N                for the per-month figures (default ${DEFAULT_OPTIONS.callsPerMonth})
  --expected-output N                typical output tokens (default ${DEFAULT_OPTIONS.expectedOutputTokens})
  --at TIME                          price at this moment (ISO 8601; default now): time-of-day rates, retirements
  --max-file-kb N                    skip files larger than this (default ${DEFAULT_MAX_BYTES / 1024})
  -h, --help                         this text
  --version                          the version

Exit codes: 0 ok, 1 a call is over the budget, 2 bad usage or unreadable input.`;

const FORMATS = ['table', 'markdown', 'json', 'csv', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  paths: string[];
  format: Format;
  budget?: number;
  budgetRun?: number;
  prices: string[];
  models: string[];
  options: Partial<AnalyzeOptions>;
  maxBytes: number;
}

function positive(flag: string, v: string | undefined, allowZero = true): number {
  const n = Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new UsageError(`${flag} needs a ${allowZero ? 'non-negative' : 'positive'} number, got ${v === undefined ? 'nothing' : `"${v}"`}`);
  }
  return n;
}

export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [cmd, ...rest] = argv;
  if (cmd !== 'scan') throw new UsageError(cmd ? `unknown command "${cmd}" (try: prompt-cost scan ., prompt-cost diff main or prompt-cost calibrate DIR)` : 'missing command (try: prompt-cost scan .)');
  const a: Args = { paths: [], format: 'table', prices: [], models: [], options: {}, maxBytes: DEFAULT_MAX_BYTES };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be table, markdown, json, csv, sarif or github, got "${f}"`);
        a.format = f as Format;
        break;
      }
      case '--budget':
        a.budget = positive('--budget', value());
        break;
      case '--budget-run':
        a.budgetRun = positive('--budget-run', value());
        break;
      case '--agent-turns':
        a.options.agentTurns = Math.min(MAX_TURNS, Math.floor(positive('--agent-turns', value(), false)));
        break;
      case '--tool-result-tokens':
        a.options.toolResultTokens = positive('--tool-result-tokens', value());
        break;
      case '--prices':
        a.prices.push(value());
        break;
      case '--models':
        a.models.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--assume-model': {
        const m = value().trim();
        if (!m) throw new UsageError('--assume-model needs a model id');
        a.options.assumeModel = m;
        break;
      }
      case '--calls-per-month':
        a.options.callsPerMonth = positive('--calls-per-month', value());
        break;
      case '--expected-output':
        a.options.expectedOutputTokens = positive('--expected-output', value(), false);
        break;
      case '--at': {
        // The moment prices are taken at (time-of-day rates, scheduled changes, retirements); default: now.
        const v = value();
        if (Number.isNaN(Date.parse(v))) throw new UsageError(`--at must be a date or time (ISO 8601, e.g. 2026-12-01T08:00:00Z), got "${v}"`);
        a.options.now = new Date(Date.parse(v)).toISOString();
        break;
      }
      case '--max-file-kb':
        a.maxBytes = positive('--max-file-kb', value(), false) * 1024;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        a.paths.push(arg);
    }
  }
  if (!a.paths.length) a.paths.push('.');
  a.options.compareModels = a.models;
  a.options.now ??= new Date().toISOString();
  return a;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'diff') return runDiff(argv.slice(1), out, err);
  if (argv[0] === 'calibrate') {
    if (argv.includes('-h') || argv.includes('--help')) {
      out(CALIBRATE_USAGE + '\n');
      return 0;
    }
    try {
      return runCalibrate(argv.slice(1), loadTable, out);
    } catch (e) {
      if (e instanceof UsageError) {
        err(`prompt-cost: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`prompt-cost: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  if (args === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  const shipped = loadShipped();
  const extra = readSheetFiles(args.prices);
  const sheetProblems = [...shipped.problems, ...extra.problems];
  if (sheetProblems.length) {
    const p = sheetProblems[0];
    err(`prompt-cost: bad price sheet ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    return 2;
  }
  const table = buildTable([...shipped.sheets, ...extra.sheets]);
  const cwd = process.cwd();
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
  let scan;
  try {
    scan = scanFilesNow({
      paths: args.paths,
      table,
      options: args.options,
      maxBytes: args.maxBytes,
      relative,
      // Values in other files (imports, prompt files read at run time) come through one index for the whole run.
      index: diskIndex(),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      err(`prompt-cost: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const report = buildReport(scan.results, table, scan.problems, relative);
  const budget = args.budget;
  const render: Record<Format, (r: Report) => string> = {
    table: toTable,
    markdown: toMarkdown,
    json: toJson,
    csv: toCsv,
    sarif: (r) => toSarif(r, { budget, version: VERSION }),
    github: (r) => toGithub(r, { budget }),
  };
  out(render[args.format](report));
  if (args.budget !== undefined) {
    const over = report.calls.filter((c) => c.totalUsdMax !== null && c.totalUsdMax > args.budget!);
    if (over.length) {
      err(`prompt-cost: ${over.length} call(s) over the budget of $${args.budget} per call: ${over.slice(0, 5).map(where).join(', ')}${over.length > 5 ? ', …' : ''}\n`);
      return 1;
    }
  }
  if (args.budgetRun !== undefined) {
    const over = report.calls.filter((c) => c.run?.totalUsdMax != null && c.run.totalUsdMax > args.budgetRun!);
    if (over.length) {
      err(`prompt-cost: ${over.length} agent run(s) over the budget of $${args.budgetRun} per run: ${over.slice(0, 5).map((c) => `${c.file}:${c.line}`).join(', ')}${over.length > 5 ? ', …' : ''}\n`);
      return 1;
    }
  }
  return 0;
}

/** Shipped prices and extra sheets; a bad sheet is a usage error. */
function loadTable(prices: string[]) {
  const shipped = loadShipped();
  const extra = readSheetFiles(prices);
  const p = [...shipped.problems, ...extra.problems][0];
  if (p) throw new UsageError(`bad price sheet ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return buildTable([...shipped.sheets, ...extra.sheets]);
}

declare const PROMPT_COST_VERSION: string | undefined;
const VERSION = typeof PROMPT_COST_VERSION === 'string' ? PROMPT_COST_VERSION : readVersion();

function readVersion(): string {
  for (const p of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      return JSON.parse(fs.readFileSync(p, 'utf8')).version;
    } catch {
      // try the next place
    }
  }
  return 'unknown';
}

if (require.main === module) {
  // `prompt-cost scan . | head`: the reader going away is no error of ours; stop quietly with the scan's own exit code
  // (a broken pipe's error otherwise ends the program with a stack trace on stderr).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}

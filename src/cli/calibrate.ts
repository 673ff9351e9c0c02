// `prompt-cost calibrate CASSETTE_DIR…`: our input-token count of each recorded API call next to the count the
// provider billed, per model. Identical recordings (one test recorded sync, async and streaming) count once.
import fs from 'node:fs';
import path from 'node:path';
import { lookupModel } from '../core/price/sheets';
import { countRequest } from '../core/tokenize/request-count';
import type { PriceTable } from '../core/types';
import { cassetteEncoding, findCassetteFiles, readCassette, type RecordedCall } from '../node/cassettes';
import { UsageError } from '../node/files';

export const CALIBRATE_USAGE = `Usage: prompt-cost calibrate CASSETTE_DIR… [options]

Reads recorded API calls (VCR / vcr / Polly HAR cassettes: YAML, JSON, HAR; Azure test-proxy JSON recordings;
rsc.io/httprr traces) and prints, per model, our input-token count next to the count the provider billed: OpenAI
chat completions, text completions and Responses, Anthropic messages, Gemini generateContent. Calls with images, files, tool calls in the history, server tools or server-side state are
skipped and counted by reason; recordings whose usage was edited by hand (Anthropic cache tokens where no cache
can be) are skipped and named.

Options:
  --format table|json    output format (default: table)
  --prices FILE.yaml     extra price sheet (repeatable)
  -h, --help             this text`;

/** Hosts whose models our sheets price; OpenAI-compatible servers of other models are not ours to judge. */
const HOSTS: { re: RegExp; provider: string }[] = [
  { re: /^api\.openai\.com$|\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$/, provider: 'openai' },
  { re: /^api\.anthropic\.com$/, provider: 'anthropic' },
  { re: /^generativelanguage\.googleapis\.com$|aiplatform\.googleapis\.com$/, provider: 'google' },
];

/** OpenAI's own response ids: `chatcmpl-` (`cmpl-` for a text completion) + 29 letters and digits, `resp_` + 48-50 hex digits (32 in the preview of
 * March 2025: pydantic/logfire, recorded 2025-03-10). Any other id on an
 * OpenAI host is a hand-written response (`resp_1234`, `chatcmpl-1234567890abcdef`) or another server's behind a
 * rewritten host (OpenRouter's `gen-…`): 19 of the 3,139 recorded OpenAI calls in the calibration set. */
const OPENAI_ID = /^((?:chat)?cmpl-[A-Za-z0-9]{20,}|resp_[0-9a-f]{32,})$/;

/** Responses recorded before this billed a hidden preamble: gpt-4o +18 tokens on all 6 text-only calls of
 * 2025-03-14 (alexrudall/ruby-openai) and 2025-03-27 (pydantic/pydantic-ai), o3-mini +59; the same pydantic-ai
 * request recorded again on 2025-04-07 billed 24, not 42. Of the 192 later text-only calls, 190 match the rule to
 * the token (the others: a computer-use-preview call 1 over, a recording whose model was renamed by hand). */
const RESPONSES_BILLING_SINCE = Date.UTC(2025, 3, 1) / 1000;

/** Why a recorded call does not show what the provider bills today, if it does not. */
export function recordingDoubt(c: RecordedCall, provider: string, ids: Map<string, string>): string | undefined {
  if (provider !== 'openai') return undefined;
  if (c.responseId === undefined) return undefined;
  if (!OPENAI_ID.test(c.responseId)) return 'hand-written response';
  const key = JSON.stringify(c.body);
  const first = ids.get(c.responseId);
  if (first !== undefined && first !== key) return 'response copied from another recording';
  ids.set(c.responseId, key);
  if (c.endpoint === 'openai.responses' && c.created !== undefined && c.created < RESPONSES_BILLING_SINCE) return 'Responses API before April 2025';
  return undefined;
}

export interface ModelRow {
  model: string;
  calls: number;
  exactCalls: number;
  ours: number;
  billed: number;
  meanAbsError: number;
  meanError: number;
  meanAbsPct: number;
}

export interface Calibration {
  files: number;
  recorded: number;
  models: ModelRow[];
  skipped: Record<string, number>;
  /** Recordings skipped because their usage was edited by hand (see handEdited): `file#call`. */
  editedByHand: string[];
}

/** Anthropic's smallest cacheable prompt: 1,024 tokens (Sonnet 4.5, Opus 4.1 and older; 2,048 or 4,096 on others), from
 * https://platform.claude.com/docs/en/build-with-claude/prompt-caching. */
const MIN_CACHEABLE = 1024;

/**
 * A recording whose usage cannot be what the API said: cache reads or writes on a prompt below every model's
 * cacheable minimum, or with no `cache_control` breakpoint anywhere in the request (Anthropic caches only up to
 * one). Tests that check how cache usage is reported edit a real response by hand (traceloop/openllmetry-js:
 * 1,200 cache-write tokens, a round number, on a request with no breakpoint; DataDog/dd-trace-py and
 * Arize-ai/openinference: 1 to 5 on 12- to 107-token prompts); their totals are not bills.
 */
export function handEdited(c: RecordedCall): boolean {
  if (!c.cached || c.endpoint !== 'anthropic.messages') return false;
  return c.billed < MIN_CACHEABLE || !JSON.stringify(c.body ?? null).includes('"cache_control"');
}

export function calibrate(roots: string[], table: PriceTable): Calibration {
  const files = findCassetteFiles(roots);
  const seen = new Set<string>();
  const calls: RecordedCall[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(f, cassetteEncoding(f));
    } catch {
      continue;
    }
    for (const c of readCassette(f, text)) {
      const key = JSON.stringify([c.endpoint, c.model, c.body, c.billed]);
      if (seen.has(key)) continue;
      seen.add(key);
      calls.push(c);
    }
  }
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  const editedByHand: string[] = [];
  const ids = new Map<string, string>();
  const acc = new Map<string, { calls: number; exact: number; ours: number; billed: number; abs: number; err: number; pct: number }>();
  for (const c of calls) {
    const host = HOSTS.find((h) => h.re.test(c.host));
    if (!host) {
      skip(`other host (${c.host})`);
      continue;
    }
    if (handEdited(c)) {
      skip('usage edited by hand');
      editedByHand.push(`${path.relative(process.cwd(), c.file) || c.file}#${c.index}`);
      continue;
    }
    const doubt = recordingDoubt(c, host.provider, ids);
    if (doubt) {
      skip(doubt);
      continue;
    }
    const price = c.model ? lookupModel(table, c.model, host.provider) : undefined;
    if (!price) {
      skip('model not in the price sheets');
      continue;
    }
    const n = countRequest(c.endpoint, c.body, price);
    if ('skip' in n) {
      skip(n.skip.replace(/ \(.*\)$/, ''));
      continue;
    }
    const a = acc.get(price.id) ?? { calls: 0, exact: 0, ours: 0, billed: 0, abs: 0, err: 0, pct: 0 };
    a.calls++;
    if (n.tokens === c.billed) a.exact++;
    a.ours += n.tokens;
    a.billed += c.billed;
    a.abs += Math.abs(n.tokens - c.billed);
    a.err += n.tokens - c.billed;
    a.pct += Math.abs(n.tokens - c.billed) / c.billed;
    acc.set(price.id, a);
  }
  const models = [...acc]
    .map(([model, a]) => ({
      model,
      calls: a.calls,
      exactCalls: a.exact,
      ours: a.ours,
      billed: a.billed,
      meanAbsError: a.abs / a.calls,
      meanError: a.err / a.calls,
      meanAbsPct: (100 * a.pct) / a.calls,
    }))
    .sort((x, y) => x.model.localeCompare(y.model));
  return { files: files.length, recorded: calls.length, models, skipped, editedByHand };
}

function table(c: Calibration): string {
  const head = ['model', 'calls', 'exact', 'ours', 'billed', 'mean |ours−billed|', 'mean ours−billed', 'mean |%|'];
  const rows = c.models.map((m) => [
    m.model,
    String(m.calls),
    String(m.exactCalls),
    String(m.ours),
    String(m.billed),
    m.meanAbsError.toFixed(1),
    (m.meanError >= 0 ? '+' : '') + m.meanError.toFixed(1),
    m.meanAbsPct.toFixed(1) + '%',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(width[i]) : v.padStart(width[i]))).join('  ').trimEnd();
  const out = [line(head), ...rows.map(line)];
  const skipped = Object.entries(c.skipped).sort((a, b) => b[1] - a[1]);
  out.push('', `${c.files} files, ${c.recorded} distinct recorded calls; counted ${c.models.reduce((s, m) => s + m.calls, 0)}`);
  if (skipped.length) out.push(`skipped: ${skipped.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (c.editedByHand.length) out.push(`usage edited by hand (cache tokens where no cache can be), not counted: ${c.editedByHand.join(', ')}`);
  return out.join('\n') + '\n';
}

export function runCalibrate(argv: string[], loadTable: (prices: string[]) => PriceTable, out: (s: string) => void): number {
  const dirs: string[] = [];
  const prices: string[] = [];
  let format: 'table' | 'json' = 'table';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'table' && v !== 'json') throw new UsageError(`--format must be table or json, got "${v ?? ''}"`);
      format = v;
    } else if (a === '--prices' || a.startsWith('--prices=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new UsageError('--prices needs a value');
      prices.push(v);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (!dirs.length) throw new UsageError('calibrate needs at least one folder of cassettes');
  for (const d of dirs) if (!fs.existsSync(d)) throw new UsageError(`no such file or folder: ${d}`);
  const result = calibrate(dirs.map((d) => path.resolve(d)), loadTable(prices));
  out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : table(result));
  return 0;
}

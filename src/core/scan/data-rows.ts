// Python loops over a data file's rows: `for row in reader:` with `reader = csv.DictReader(f)` over `with open("x.csv")
// as f`, `for i, row in df.iterrows():` with `df = pd.read_csv("x.csv")`, `for item in json.load(open("x.json")):`. A
// call in the loop is made once per row. With the path stated and the file in the workspace, the rows are counted (a
// bounded read, CSV/TSV/JSON files only); else the count is known only at run time, and the hover says which.
import { isId, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { evaluate } from './evaluate';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { readPromptFile } from './file-reads';
import { memo } from './run-index';
import { basename } from '../resolve/files';

/** Tokens searched back for a `with open(…) as f` binding: a bound on any input. */
const MAX_LOOKBACK = 4000;
/** Data files counted: CSV, TSV and JSON (never a `.env` or any other file). */
const DATA_FILE = /\.(csv|tsv|json)$/i;
/** Wrappers that yield their argument's items one by one (`enumerate(reader)`, `tqdm(df.iterrows(), total=…)`). */
const WRAPPERS = new Set(['enumerate', 'tqdm', 'list', 'iter']);
/** `read_csv` keywords that change which rows are read: the count is then known only at run time. */
const ROW_KEYS = new Set(['skiprows', 'skipfooter', 'chunksize', 'iterator', 'names', 'comment']);

type Kind = 'reader' | 'dict-reader' | 'json' | 'frame';

export interface DataRows {
  /** Rows (or items) counted in the workspace file; absent: known only at run time. */
  turns?: number;
  /** For the hover: `20 rows of data20.csv`, `per row of grading_examples.csv (run time: file not found, or over the size read)`. */
  what: string;
}

/** The rows a Python `for` header iterates (its iterable at tokens [from, to)), when they are a data file's. */
export function dataRows(c: Ctx, h: number, from: number, to: number): DataRows | undefined {
  const { toks, match } = c;
  // `enumerate(reader)`, `tqdm.tqdm(df.iterrows(), total=len(df))`: the first argument's items.
  for (let n = 0; n < 3; n++) {
    let j = from;
    while (isId(toks[j]) && isP(toks[j + 1], '.') && isId(toks[j + 2])) j += 2;
    if (!(isId(toks[j]) && WRAPPERS.has(toks[j].v) && isP(toks[j + 1], '(') && match[j + 1] === to - 1)) break;
    [from, to] = [j + 2, valueEnd(c, j + 2, to - 1)];
  }
  if (to <= from) return undefined;
  // `df.iterrows()`, `df.itertuples(…)`: a frame's rows.
  if (isId(toks[from]) && isP(toks[from + 1], '.') && (toks[from + 2]?.v === 'iterrows' || toks[from + 2]?.v === 'itertuples') && isP(toks[from + 3], '(') && match[from + 3] === to - 1) {
    const v = assignmentBefore(c, toks[from].v, h);
    const src = v >= 0 ? sourceAt(c, v, exprEnd(c, v)) : undefined;
    return src?.kind === 'frame' ? counted(c, src, v, h) : undefined;
  }
  if (to === from + 1 && isId(toks[from])) {
    const v = assignmentBefore(c, toks[from].v, h);
    const src = v >= 0 ? sourceAt(c, v, exprEnd(c, v)) : undefined;
    return src && src.kind !== 'frame' ? counted(c, src, v, h, toks[from].v) : undefined;
  }
  const src = sourceAt(c, from, to);
  return src && src.kind !== 'frame' ? counted(c, src, from, h) : undefined;
}

interface Source {
  kind: Kind;
  /** The call's `(`. */
  open: number;
  /** Tokens of the path expression. */
  path?: [number, number];
}

/** The data source the expression at [from, to) makes: `csv.reader(f)`, `csv.DictReader(f)`, `json.load(f)`, `pd.read_csv(p)`. */
function sourceAt(c: Ctx, from: number, to: number): Source | undefined {
  const { toks, match } = c;
  const names: string[] = [];
  let j = from;
  for (; isId(toks[j]); j += 2) {
    names.push(toks[j].v);
    if (!isP(toks[j + 1], '.')) break;
  }
  const open = j + 1;
  if (!isP(toks[open], '(') || match[open] !== to - 1 || names.length > 2) return undefined;
  const [fn, holder] = [names[names.length - 1], names.length === 2 ? names[0] : undefined];
  const kind: Kind | undefined =
    fn === 'reader' && holder === 'csv' ? 'reader'
    : fn === 'DictReader' && (holder === 'csv' || !holder) ? 'dict-reader'
    : fn === 'load' && holder === 'json' ? 'json'
    : fn === 'read_csv' && (holder === 'pd' || holder === 'pandas' || !holder) ? 'frame'
    : undefined;
  if (!kind) return undefined;
  const arg: [number, number] = [open + 1, valueEnd(c, open + 1, to - 1)];
  if (arg[1] <= arg[0]) return undefined;
  return { kind, open, path: kind === 'frame' ? arg : handlePath(c, arg[0], arg[1]) };
}

/** The path opened by a file handle: `open(p)` in place, a `with open(p) as f` binding, or `f = open(p)`. */
function handlePath(c: Ctx, from: number, to: number): [number, number] | undefined {
  const { toks, match } = c;
  const opened = (k: number): [number, number] | undefined =>
    toks[k]?.v === 'open' && !isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && match[k + 1] > k + 2 ? [k + 2, valueEnd(c, k + 2, match[k + 1])] : undefined;
  if (to - from > 2) return match[from + 1] === to - 1 ? opened(from) : undefined;
  if (to !== from + 1 || !isId(toks[from])) return undefined;
  const name = toks[from].v;
  for (let k = from - 1, n = 0; k > 1 && n < MAX_LOOKBACK; k--, n++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'as' || !isP(toks[k - 2], ')')) continue;
    const o = match[k - 2];
    return o > 0 ? opened(o - 1) : undefined;
  }
  const v = assignmentBefore(c, name, from);
  return v >= 0 && isP(toks[v + 1], '(') && exprEnd(c, v) === match[v + 1] + 1 ? opened(v) : undefined;
}

/** The count of a source's rows, or the run-time label when the path or the file is not known. */
function counted(c: Ctx, src: Source, at: number, h: number, name?: string): DataRows {
  const { toks, match } = c;
  const pv = src.path ? evaluate(c, src.path[0], src.path[1]) : undefined;
  const path = pv && !pv.holes?.length ? pv.path ?? pv.str : undefined;
  const unit = src.kind === 'json' ? 'items' : 'rows';
  const written = src.path ? c.text.slice(toks[src.path[0]].start, toks[src.path[1] - 1].end).slice(0, 60) : 'the file';
  if (path === undefined) return { what: `per ${unit.slice(0, -1)} of ${written} (run time)` };
  const file = basename(path);
  if (!DATA_FILE.test(path)) return { what: `per ${unit.slice(0, -1)} of ${file} (run time)` };
  let skip = 0;
  let cap = Infinity;
  if (src.kind === 'frame') {
    // pandas reads a header row unless `header=None`; `nrows=N` reads at most N rows.
    skip = 1;
    for (let k = src.open + 1; k < match[src.open]; k++) {
      if (!isP(toks[k + 1], '=') || !isId(toks[k])) continue;
      if (ROW_KEYS.has(toks[k].v)) return { what: `per ${unit.slice(0, -1)} of ${file} (run time: ${toks[k].v})` };
      if (toks[k].v === 'header' && toks[k + 2]?.v === 'None') skip = 0;
      if (toks[k].v === 'nrows') cap = toks[k + 2]?.n ?? cap;
    }
    // `df.dropna(inplace=True)`: rows dropped before the loop.
    if (toks.slice(at, h).some((t) => t.v === 'inplace')) return { what: `per ${unit.slice(0, -1)} of ${file} (run time: changed in place)` };
  } else if (src.kind === 'dict-reader') {
    // DictReader takes its first row as the field names unless `fieldnames=` is given.
    skip = toks.slice(src.open, match[src.open]).some((t) => t.v === 'fieldnames') ? 0 : 1;
  } else if (src.kind === 'reader' && name) {
    // `next(reader)` before the loop skips the header row.
    for (let k = at; k < h; k++) if (toks[k].v === 'next' && isP(toks[k + 1], '(') && toks[k + 2]?.v === name) skip++;
  }
  const text = readPromptFile(c, path, true);
  if (text.str === undefined) return { what: `per ${unit.slice(0, -1)} of ${file} (run time: file not found, or over the size read)` };
  const where = text.source?.file ?? path;
  const all = memo(c, `data-rows:${where}`, () => (src.kind === 'json' ? jsonItems(text.str!) : csvRecords(text.str!)));
  const n = Math.min(cap, all - skip);
  if (all < 0 || n <= 0) return { what: `per ${unit.slice(0, -1)} of ${file} (run time)` };
  return { turns: n, what: `${n} ${unit} of ${basename(where)}` };
}

/** Non-blank CSV records: a line break inside a quoted field is part of the field. */
export function csvRecords(text: string): number {
  let [n, quoted, filled] = [0, false, false];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    if (!quoted && (ch === 10 || ch === 13)) {
      if (filled) n++;
      filled = false;
    } else if (ch !== 32 && ch !== 9 && ch !== 0xfeff) filled = true;
  }
  return filled ? n + 1 : n;
}

/** Items of a JSON array (or keys of an object, which a `for` over it yields); -1 when the text is no JSON. */
export function jsonItems(text: string): number {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : -1;
  } catch {
    return -1;
  }
}

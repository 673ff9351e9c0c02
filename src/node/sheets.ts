// Reads price sheet files (shipped pricing/*.yaml and user files). Unreadable or oversized files and
// bad sheets become problems; nothing here throws.
import fs from 'node:fs';
import path from 'node:path';
import { parseSheet, type ParsedSheet } from '../core/price/sheets';
import type { Problem } from '../core/types';

/** Files over this size are not read. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

export function readSheetFiles(paths: string[]): { sheets: ParsedSheet[]; problems: Problem[] } {
  const sheets: ParsedSheet[] = [];
  const problems: Problem[] = [];
  for (const file of paths) {
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) {
        problems.push({ file, message: 'price sheet is not a file' });
        continue;
      }
      if (st.size > MAX_SHEET_BYTES) {
        problems.push({ file, message: `price sheet is too large (${st.size} bytes; the limit is ${MAX_SHEET_BYTES})` });
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ file, message: `cannot read price sheet${code ? ` (${code})` : ''}` });
      continue;
    }
    const res = parseSheet(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
    if (res.sheet) sheets.push(res.sheet);
    problems.push(...res.problems);
  }
  return { sheets, problems };
}

let shippedDir: string | undefined;

/**
 * The shipped `pricing/` folder: next to dist/ in the bundle (`dist/../pricing`), three levels up from
 * out/src/node/ in tests. The one holding schema.json wins.
 */
export function shippedSheetsDir(): string {
  if (shippedDir) return shippedDir;
  const candidates = [
    path.join(__dirname, '..', 'pricing'),
    path.join(__dirname, '..', '..', 'pricing'),
    path.join(__dirname, '..', '..', '..', 'pricing'),
  ];
  shippedDir = candidates.find((d) => fs.existsSync(path.join(d, 'schema.json'))) ?? candidates[0];
  return shippedDir;
}

/** All shipped sheets, in file-name order; their origin is `shipped:<name>` (problems keep the path). */
export function loadShipped(): { sheets: ParsedSheet[]; problems: Problem[] } {
  const dir = shippedSheetsDir();
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { sheets: [], problems: [{ file: dir, message: `cannot read the shipped price sheets${code ? ` (${code})` : ''}` }] };
  }
  const prebuilt = readPrebuilt(dir, names);
  if (prebuilt) return { sheets: prebuilt, problems: [] };
  return parseShipped(dir, names);
}

function parseShipped(dir: string, names: string[]): { sheets: ParsedSheet[]; problems: Problem[] } {
  const res = readSheetFiles(names.map((n) => path.join(dir, n)));
  for (const s of res.sheets) s.info = { ...s.info, origin: `shipped:${path.basename(s.info.origin, '.yaml')}` };
  return res;
}

/**
 * The build (esbuild.mjs) parses the shipped YAML once into dist/pricing.prebuilt, so a CLI run or an activation
 * does not spend half a second in YAML. It is used only while it matches the sheets' names and contents.
 *
 * The file is one line of JSON (names, byte lengths and the parsed sheets; JSON.stringify writes no raw newline),
 * a newline, then the sheets' bytes one after another. The texts stay out of the JSON: as JSON strings they were
 * half the file and were parsed on every start only to be compared (measured: the load took 13-17 ms, this 7-10).
 */
export const PREBUILT_NAME = 'pricing.prebuilt';

interface Prebuilt {
  /** Each sheet's name and its size in bytes, in file-name order. */
  sources: [name: string, bytes: number][];
  sheets: ParsedSheet[];
}

/**
 * Do the sheets in `dir` hold exactly `sources` (names in order, bytes: the next `bytes` of `texts` each)? Compared
 * byte for byte with native Buffer.equals: cheaper when cold than hashing in JS, and without node:crypto, whose
 * first require took 6 ms of the first lens's path (measured here).
 */
export function sheetsMatch(dir: string, names: string[], sources: Prebuilt['sources'], texts: Buffer): boolean {
  if (!Array.isArray(sources) || sources.length !== names.length) return false;
  let at = 0;
  const ok = names.every((n, i) => {
    const [name, bytes] = sources[i] ?? [];
    if (name !== n || typeof bytes !== 'number' || at + bytes > texts.length) return false;
    const same = fs.readFileSync(path.join(dir, n)).equals(texts.subarray(at, at + bytes));
    at += bytes;
    return same;
  });
  return ok && at === texts.length;
}

/** Splits a prebuilt file into its JSON head and the sheet bytes after it. */
export function readPrebuiltFile(buf: Buffer): { data: Prebuilt; texts: Buffer } | undefined {
  const nl = buf.indexOf(10);
  if (nl < 0) return undefined;
  return { data: JSON.parse(buf.toString('utf8', 0, nl)) as Prebuilt, texts: buf.subarray(nl + 1) };
}

/** The prebuilt sheets of `dir`, or undefined when there is no prebuilt file or the sheets changed since it was built. */
export function readPrebuilt(dir: string, names: string[]): ParsedSheet[] | undefined {
  // Next to the bundle (dist/), or the repository's dist/ for other builds of the same sources.
  const file = [path.join(__dirname, PREBUILT_NAME), path.join(dir, '..', 'dist', PREBUILT_NAME)].find((f) => fs.existsSync(f));
  try {
    if (!file) return undefined;
    const read = readPrebuiltFile(fs.readFileSync(file));
    if (!read || !Array.isArray(read.data.sheets) || !sheetsMatch(dir, names, read.data.sources, read.texts)) return undefined;
    return read.data.sheets;
  } catch {
    return undefined;
  }
}

/** For the build: the parsed shipped sheets with the bytes they came from, or the problems that must fail the build. */
export function buildPrebuilt(): { file?: Buffer; problems: Problem[] } {
  const dir = shippedSheetsDir();
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const res = parseShipped(dir, names);
  if (res.problems.length) return { problems: res.problems };
  const texts = names.map((n) => fs.readFileSync(path.join(dir, n)));
  const data: Prebuilt = { sources: names.map((n, i) => [n, texts[i].length]), sheets: res.sheets };
  return { file: Buffer.concat([Buffer.from(JSON.stringify(data) + '\n', 'utf8'), ...texts]), problems: [] };
}

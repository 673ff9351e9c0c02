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
 * The build (esbuild.mjs) parses the shipped YAML once into dist/pricing.json, so a CLI run or an activation
 * does not spend half a second in YAML. It is used only while it matches the sheets' names and contents.
 */
export const PREBUILT_NAME = 'pricing.json';

interface Prebuilt {
  /** Each sheet's name and text as parsed: the prebuilt data is used only while the files still hold exactly these. */
  sources: [name: string, text: string][];
  sheets: ParsedSheet[];
}

/**
 * Do the sheets in `dir` hold exactly `sources` (names in order, bytes)? Compared byte for byte with native
 * Buffer.equals: cheaper when cold than hashing in JS, and without node:crypto, whose first require took 6 ms of
 * the first lens's path (measured here).
 */
export function sheetsMatch(dir: string, names: string[], sources: Prebuilt['sources']): boolean {
  if (!Array.isArray(sources) || sources.length !== names.length) return false;
  return names.every((n, i) => {
    const [name, text] = sources[i] ?? [];
    return name === n && typeof text === 'string' && fs.readFileSync(path.join(dir, n)).equals(Buffer.from(text, 'utf8'));
  });
}

function readPrebuilt(dir: string, names: string[]): ParsedSheet[] | undefined {
  // Next to the bundle (dist/), or the repository's dist/ for other builds of the same sources.
  const file = [path.join(__dirname, PREBUILT_NAME), path.join(dir, '..', 'dist', PREBUILT_NAME)].find((f) => fs.existsSync(f));
  try {
    if (!file) return undefined;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Prebuilt;
    if (!Array.isArray(data.sheets) || !sheetsMatch(dir, names, data.sources)) return undefined;
    return data.sheets;
  } catch {
    return undefined;
  }
}

/** For the build: the parsed shipped sheets with the texts they came from, or the problems that must fail the build. */
export function buildPrebuilt(): { json?: string; problems: Problem[] } {
  const dir = shippedSheetsDir();
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const res = parseShipped(dir, names);
  if (res.problems.length) return { problems: res.problems };
  const data: Prebuilt = { sources: names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]), sheets: res.sheets };
  return { json: JSON.stringify(data), problems: [] };
}

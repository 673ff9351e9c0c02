// Reads price sheet files (shipped pricing/*.yaml and user files). Unreadable or oversized files and
// bad sheets become problems; nothing here throws.
import fs from 'node:fs';
import path from 'node:path';
import { parseSheet, type ParsedSheet } from '../core/pricing';
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
  fingerprint: string;
  sheets: ParsedSheet[];
}

/**
 * A hash of the sheets' names and contents: two 32-bit FNV-style lanes with different seeds, over the bytes taken
 * four at a time. It tells an edited sheet from the prebuilt one (not an adversary's forgery) and needs no
 * node:crypto, whose first require took 6 ms of the first lens's path (measured here).
 */
export function shippedFingerprint(dir: string, names: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  for (const n of names) {
    const bytes = Buffer.concat([Buffer.from(n + '\0'), fs.readFileSync(path.join(dir, n)), Buffer.from('\0')]);
    // Whole words over a zero-padded, aligned copy, and the length, so trailing zero bytes still count.
    const words = new Int32Array(Math.ceil(bytes.length / 4));
    new Uint8Array(words.buffer).set(bytes);
    a = Math.imul(a ^ bytes.length, 0x01000193);
    for (let i = 0; i < words.length; i++) {
      a = Math.imul(a ^ words[i], 0x01000193);
      b = Math.imul(b ^ words[i], 0x5bd1e995) ^ (b >>> 13);
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function readPrebuilt(dir: string, names: string[]): ParsedSheet[] | undefined {
  // Next to the bundle (dist/), or the repository's dist/ for other builds of the same sources.
  const file = [path.join(__dirname, PREBUILT_NAME), path.join(dir, '..', 'dist', PREBUILT_NAME)].find((f) => fs.existsSync(f));
  try {
    if (!file) return undefined;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Prebuilt;
    if (data.fingerprint !== shippedFingerprint(dir, names) || !Array.isArray(data.sheets)) return undefined;
    return data.sheets;
  } catch {
    return undefined;
  }
}

/** For the build: the parsed shipped sheets with their fingerprint, or the problems that must fail the build. */
export function buildPrebuilt(): { json?: string; problems: Problem[] } {
  const dir = shippedSheetsDir();
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const res = parseShipped(dir, names);
  if (res.problems.length) return { problems: res.problems };
  const data: Prebuilt = { fingerprint: shippedFingerprint(dir, names), sheets: res.sheets };
  return { json: JSON.stringify(data), problems: [] };
}

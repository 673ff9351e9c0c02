// A notebook's code cells as one text, as the kernel runs them (one namespace: a constant set in cell 2 is there in
// cell 5), with the map back from an offset or line of that text to (cell, offset/line in the cell).
// IPython's own syntax (`%magic`, `!shell`, `x = !cmd`, `obj?`, `%%cell` magics) is not Python: those lines become
// spaces of the same length, so every offset inside a cell is the same in the joined text.
import type { CellText } from './ipynb';
import { countBefore } from '../util/binary-search';

export interface Segment {
  cell: number;
  /** Offset of the cell's first character in the joined text. */
  start: number;
  /** Length of the cell's text (the separating newline excluded). */
  length: number;
  /** 1-based line of the joined text on which the cell starts. */
  firstLine: number;
}

export interface JoinedCells {
  text: string;
  segments: Segment[];
}

/**
 * Cell magics whose body is Python run in the notebook's namespace (IPython's built-ins and memory_profiler's
 * %%memit); `%%writefile x.py` / `%%file` bodies are Python the notebook writes out to run, so their calls are
 * read too. Any other cell magic (%%bash, %%html, %%sql, %%javascript…) holds another language: the cell is left out.
 */
const PYTHON_BODY_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit', 'mprun', 'writefile', 'file']);

/** Does a cell with a `%%` first line hold Python? */
function pythonCellMagic(firstLine: string): boolean {
  const m = /^%%(\w+)\s*(.*)$/.exec(firstLine.trim());
  if (!m) return false;
  if (m[1] === 'writefile' || m[1] === 'file') return /\.py\s*$/.test(m[2].replace(/^(-a|--append)\s+/, ''));
  return PYTHON_BODY_MAGICS.has(m[1]);
}

const NAME = /^[ \t]*[A-Za-z_][\w.]*[ \t]*$/;

/** `%magic`, `!cmd`, `a, b = !cmd` / `= %sx …`, `obj?`, `??obj`: IPython's escapes at a statement's start. */
function isMagicLine(line: string): boolean {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const c = line[i];
  if (c === '%' || c === '!') return true;
  if (c === '?') return /^\?\??[A-Za-z_]/.test(line.slice(i));
  let j = i;
  while (j < line.length && /[\w., \t]/.test(line[j])) j++;
  if (j === i) return false;
  const names = line.slice(i, j);
  const rest = line.slice(j);
  if (rest[0] === '?') return NAME.test(names) && /^\?\??[ \t]*\r?$/.test(rest);
  if (rest[0] !== '=' || rest[1] === '=') return false;
  const value = rest.slice(1).trimStart();
  return (value[0] === '%' || value[0] === '!') && names.split(',').every((n) => NAME.test(n));
}

/**
 * IPython escapes blanked (same length, newlines kept). A line counts only where a statement can start: not inside a
 * triple-quoted string, an open bracket, or after a backslash continuation; so a prompt line that starts with `!` or
 * `%` inside `"""…"""` stays as written. Linear: each character is looked at once.
 */
export function blankIPython(text: string): string {
  let out = '';
  let triple: string | undefined;
  let depth = 0;
  let continued = false;
  let inMagic = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (inMagic || (!triple && depth === 0 && !continued && isMagicLine(line))) {
      out += line.replace(/[^\r]/g, ' ');
      // `!pip install \` goes on over the next line.
      inMagic = /\\\r?$/.test(line);
    } else {
      out += line;
      const state = scanLine(line, triple, depth);
      triple = state.triple;
      depth = state.depth;
      continued = state.continued;
    }
    if (lineEnd < text.length) out += '\n';
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Python's string, comment and bracket state across one line. */
function scanLine(line: string, triple: string | undefined, depth: number): { triple: string | undefined; depth: number; continued: boolean } {
  let i = 0;
  const n = line.length;
  while (i < n) {
    if (triple) {
      const close = line.indexOf(triple, i);
      // A backslash escapes the quote right after it.
      let j = close;
      while (j >= 0) {
        let k = j - 1;
        let slashes = 0;
        while (k >= i && line[k] === '\\') (slashes++, k--);
        if (slashes % 2 === 0) break;
        j = line.indexOf(triple, j + 1);
      }
      if (j < 0) return { triple, depth, continued: false };
      i = j + 3;
      triple = undefined;
      continue;
    }
    const ch = line[i];
    if (ch === '#') break;
    if (ch === '"' || ch === "'") {
      if (line.startsWith(ch.repeat(3), i)) {
        triple = ch.repeat(3);
        i += 3;
        continue;
      }
      i++;
      while (i < n && line[i] !== ch) i += line[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    i++;
  }
  return { triple, depth, continued: /\\\r?$/.test(line) && !line.trimStart().startsWith('#') };
}

/**
 * Cells joined in order, each on its own lines. For Python, IPython syntax is blanked and cells whose `%%` magic
 * holds another language are left out (their offsets map nowhere).
 */
export function joinCells(cells: CellText[], languageId: string): JoinedCells {
  let text = '';
  let line = 1;
  const segments: Segment[] = [];
  for (const c of cells) {
    let body = c.text;
    if (languageId === 'python') {
      const first = body.trimStart().startsWith('%%') ? body.slice(0, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n')) : '';
      if (first && !pythonCellMagic(first)) continue;
      body = blankIPython(body);
    }
    segments.push({ cell: c.cell, start: text.length, length: body.length, firstLine: line });
    text += body;
    line += countLines(body) - 1;
    if (!body.endsWith('\n')) {
      text += '\n';
      line++;
    }
  }
  return { text, segments };
}

function countLines(s: string): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The segment holding an offset of the joined text (the separating newline belongs to none). */
export function segmentAt(j: JoinedCells, offset: number): Segment | undefined {
  const i = countBefore(j.segments.length, (k) => j.segments[k].start <= offset) - 1;
  const s = j.segments[i];
  return s && offset <= s.start + s.length ? s : undefined;
}

/** A 1-based line of the joined text → the cell and the 1-based line inside it. */
export function cellLine(j: JoinedCells, line: number): { cell: number; line: number } | undefined {
  const i = countBefore(j.segments.length, (k) => j.segments[k].firstLine <= line) - 1;
  const s = j.segments[i];
  return s ? { cell: s.cell, line: line - s.firstLine + 1 } : undefined;
}

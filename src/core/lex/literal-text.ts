// Literal text helpers shared by the lexer: escape decoding, indentation stripping, numbers, format specs.

/**
 * The expression of a brace hole without its conversion, format or alignment: Python `{x!r:>10}` and C# `{x,10:N2}`
 * are `x`. The alignment comma only when `aligned` (C#): in Python `{a, b}` is a tuple, one expression.
 */
export function stripFormatSpec(expr: string, aligned = false): string {
  let depth = 0;
  for (let k = 0; k < expr.length; k++) {
    const ch = expr[k];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && (ch === ':' || (ch === '!' && expr[k + 1] !== '=') || (ch === ',' && aligned))) return expr.slice(0, k).trim();
  }
  return expr.replace(/=\s*$/, '').trim();
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b' };

/** Where a line continuation (`\` at a line's end) was, kept until a dedented literal has lost its indentation. */
export const CONTINUED = '\uFDD1';

/** `keepContinuation`: a line continuation becomes CONTINUED and the line break, for a literal dedented after
 * (Java text blocks, JLS 15 §3.10.6: incidental white space is stripped before escapes are interpreted; Swift the same). */
export function decodeEscapes(raw: string, continuationSkipsIndent = false, keepContinuation = false): string {
  let i = raw.indexOf('\\');
  if (i < 0) return raw;
  let out = '';
  // The text between escapes is copied whole; a backslash ending the text stays as it is.
  let chunk = 0;
  for (; i >= 0 && i + 1 < raw.length; i = raw.indexOf('\\', i + 1)) {
    out += raw.slice(chunk, i);
    const d = raw[++i];
    if (d in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[d];
    else if (d === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (d === 'u' && raw[i + 1] === '{') {
      const close = raw.indexOf('}', i);
      const cp = close > 0 && close - i < 10 ? parseInt(raw.slice(i + 2, close), 16) : NaN;
      if (Number.isFinite(cp) && cp <= 0x10ffff) {
        out += String.fromCodePoint(cp);
        i = close;
      } else out += '\\u';
    } else if (d === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (d === '\n' || (d === '\r' && raw[i + 1] === '\n')) {
      // Line continuation; Rust also drops the next line's leading whitespace.
      if (d === '\r') i++;
      if (keepContinuation) out += CONTINUED + '\n';
      else if (continuationSkipsIndent) while (i + 1 < raw.length && (raw[i + 1] === ' ' || raw[i + 1] === '\t' || raw[i + 1] === '\n')) i++;
    } else out += d;
    chunk = i + 1;
  }
  return out + raw.slice(chunk);
}

/**
 * Strips the opening newline, a whitespace-only closing line, and the indentation common to non-blank lines
 * (Java text blocks, Ruby `<<~`, Swift and C# raw multi-line literals).
 */
export function dedent(v: string, keepLeadingNewline = false, finalNewline = keepLeadingNewline): string {
  let body = v;
  if (!keepLeadingNewline) {
    const nl = body.indexOf('\n');
    if (nl >= 0 && body.slice(0, nl).trim() === '') body = body.slice(nl + 1);
  }
  const lastNl = body.lastIndexOf('\n');
  let tail = '';
  if (lastNl >= 0 && body.slice(lastNl + 1).trim() === '') {
    tail = finalNewline ? '\n' : '';
    body = body.slice(0, lastNl);
  } else if (lastNl < 0 && body.trim() === '') return '';
  const lines = body.split('\n');
  const common = commonIndent(lines);
  if (!Number.isFinite(common) || common === 0) return body + tail;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length))).join('\n') + tail;
}

/** The spaces and tabs that start every non-blank line (Infinity when all are blank). */
export function commonIndent(lines: string[]): number {
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let k = 0;
    while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
    common = Math.min(common, k);
  }
  return common;
}

export function parseNumber(raw: string): number | undefined {
  // Plain decimal digits (most numbers in code) are their own value.
  let k = 0;
  while (k < raw.length && raw.charCodeAt(k) >= 48 && raw.charCodeAt(k) <= 57) k++;
  if (k > 0 && k === raw.length) {
    const v = Number(raw);
    return Number.isFinite(v) ? v : undefined;
  }
  let t = raw.replace(/_/g, '');
  if (/^0x[0-9a-f]+/i.test(t)) return parseInt(t, 16);
  // Type suffixes: 400u32, 800L, 1.5f, 300i64, 10UL.
  const m = /^(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(t);
  if (!m) return undefined;
  t = m[1];
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

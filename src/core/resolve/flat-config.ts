// The flat forms of INI and TOML that Python programs keep their settings in, read for one key at a time. No parser
// package for either: the settings a model or a limit lives in are `[section]` headers and `key = value` lines, and a
// whole INI or TOML parser (with TOML's dates, nested arrays and inline tables) would be a new dependency for lines we
// never read. What is not flat (a multi-line string or array, an inline table, an array of tables) is passed over.

export type ConfigHit =
  | { kind: 'scalar'; value: string | number | boolean; start: number; end: number; quote?: string }
  /** Interpolated (`%(dir)s/x`) or written in a form not read here: the key is set, its value is not known. */
  | { kind: 'unread' }
  | { kind: 'object' };

/** Lines read at most (a settings file is short; a hostile one stops here). */
const MAX_LINES = 20000;

type Line = { text: string; start: number };

function* lines(text: string): Generator<Line> {
  let at = 0;
  for (let n = 0; at <= text.length && n < MAX_LINES; n++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    yield { text: text.slice(at, end).replace(/\r$/, ''), start: at };
    if (nl < 0) return;
    at = nl + 1;
  }
}

/**
 * configparser's defaults (https://docs.python.org/3/library/configparser.html): section names are case-sensitive,
 * option names are not (optionxform lowers them); `=` or `:` splits a line; whole-line comments start with `#` or `;`
 * and inline comments are not stripped; an indented line continues the value above; [DEFAULT]'s options are every
 * section's. `path` is [section] or [section, option].
 */
export function iniAt(text: string, path: string[]): ConfigHit | undefined {
  if (path.length < 1 || path.length > 2) return undefined;
  const [section, option] = [path[0], path[1]?.toLowerCase()];
  let current: string | undefined;
  let found: ConfigHit | undefined;
  let fromDefault: ConfigHit | undefined;
  let sectionSeen = false;
  let last: { hit: ConfigHit & { kind: 'scalar' }; indent: number } | undefined;
  for (const { text: line, start } of lines(text)) {
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (!trimmed || trimmed[0] === '#' || trimmed[0] === ';') continue;
    // A continuation: the value above goes on (a model or a limit is one line; a long one is no model name).
    if (last && indent > last.indent) {
      last.hit.value = `${last.hit.value}\n${trimmed}`;
      continue;
    }
    last = undefined;
    const head = /^\[([^\]]+)\]\s*$/.exec(trimmed);
    if (head) {
      current = head[1];
      if (current === section) sectionSeen = true;
      continue;
    }
    if (current === undefined || option === undefined || (current !== section && current !== 'DEFAULT')) continue;
    const eq = firstDelimiter(line);
    if (eq < 0) continue;
    if (line.slice(0, eq).trim().toLowerCase() !== option) continue;
    const raw = line.slice(eq + 1);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    const hit = { kind: 'scalar' as const, value, start: start + eq + 1 + lead, end: start + eq + 1 + lead + value.length };
    if (current === section) found = hit;
    else fromDefault = hit;
    last = { hit, indent };
  }
  if (option === undefined) return sectionSeen || section === 'DEFAULT' ? { kind: 'object' } : undefined;
  const hit = found ?? fromDefault;
  if (hit?.kind === 'scalar' && typeof hit.value === 'string' && hit.value.includes('%(')) return { kind: 'unread' };
  return hit;
}

function firstDelimiter(line: string): number {
  const a = line.indexOf('=');
  const b = line.indexOf(':');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * TOML (https://toml.io/en/v1.0.0): `[a.b]` tables, `key = value` and dotted keys, basic and literal strings,
 * integers (with `_`), floats and booleans. Keys are case-sensitive. Arrays of tables `[[x]]` and multi-line values are
 * skipped over; a key of an inline table or an array is known to be set but not read.
 */
export function tomlAt(text: string, path: string[]): ConfigHit | undefined {
  let table: string[] | undefined = [];
  let skipUntil: string | undefined;
  for (const { text: line, start } of lines(text)) {
    if (skipUntil) {
      if (line.includes(skipUntil)) skipUntil = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (!trimmed || trimmed[0] === '#') continue;
    if (trimmed.startsWith('[[')) {
      table = undefined;
      continue;
    }
    if (trimmed[0] === '[') {
      const name = /^\[([^\]]+)\]/.exec(trimmed);
      table = name ? keyParts(name[1]) : undefined;
      if (table && isPrefix(path, table) && table.length >= path.length) return { kind: 'object' };
      continue;
    }
    const eq = keyEnd(line);
    if (eq < 0) continue;
    const key = keyParts(line.slice(0, eq));
    const raw = line.slice(eq + 1);
    const lead = raw.length - raw.trimStart().length;
    const valueAt = start + eq + 1 + lead;
    const v = tomlValue(raw.trimStart(), valueAt);
    if (v === 'multi') skipUntil = raw.trimStart().slice(0, 3);
    if (!table || !key) continue;
    const full = [...table, ...key];
    if (full.length > path.length && isPrefix(path, full)) return { kind: 'object' };
    if (full.length !== path.length || !isPrefix(path, full)) continue;
    return v === 'multi' || v === undefined ? { kind: 'unread' } : v;
  }
  return undefined;
}

function isPrefix(short: string[], long: string[]): boolean {
  return short.every((p, n) => long[n] === p);
}

/** Index of the `=` after a key (quoted keys may hold one), or -1. */
function keyEnd(line: string): number {
  let q: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === q) q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '=') return i;
    else if (c === '#') return -1;
  }
  return -1;
}

/** `a."b.c".d` → [a, b.c, d]; undefined when it is not a key. */
function keyParts(src: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let at = 0;
  while (at < src.length) {
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) return undefined;
    out.push(m[1] ?? m[2] ?? m[3]);
    at = re.lastIndex;
    if (!m[4]) break;
  }
  return out.length && at >= src.trimEnd().length ? out : undefined;
}

function tomlValue(v: string, at: number): ConfigHit | 'multi' | undefined {
  if (v.startsWith('"""') || v.startsWith("'''")) {
    const close = v.indexOf(v.slice(0, 3), 3);
    return close < 0 ? 'multi' : undefined;
  }
  if (v[0] === '"') {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(v);
    return m ? { kind: 'scalar', value: unescape(m[1]), start: at + 1, end: at + 1 + m[1].length, quote: '"' } : undefined;
  }
  if (v[0] === "'") {
    const close = v.indexOf("'", 1);
    return close > 0 ? { kind: 'scalar', value: v.slice(1, close), start: at + 1, end: at + close, quote: "'" } : undefined;
  }
  if (v[0] === '[' || v[0] === '{') return { kind: 'object' };
  const m = /^(true|false|[+-]?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)(?=\s*(#|$))/.exec(v);
  if (!m) return undefined;
  const w = m[1];
  const value = w === 'true' ? true : w === 'false' ? false : Number(w.replace(/_/g, ''));
  return { kind: 'scalar', value, start: at, end: at + w.length };
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e === 'n' ? '\n' : e === 't' ? '\t' : e));
}

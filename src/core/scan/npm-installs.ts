// The releases of an npm package a project can have installed, as its manifests state them: the versions a lock file
// lists (package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock), kept to the nearest package.json's range when some
// fall in it, else that range, else nothing. Each answer is a list of half-open spans of releases ([lo, hi), hi open
// when the range has no top), so a reader of a release-dependent default can take the worst case over them.
// Lock formats as written by each tool: package-lock.json v1 `dependencies.<dep>.version`, v2/v3
// `packages["node_modules/<dep>"].version`; pnpm-lock.yaml package keys `/<dep>/1.2.3:` (v5), `/<dep>@1.2.3:` (v6) and
// `'<dep>@1.2.3(peer…)':` (v9); yarn.lock `"<dep>@^1.2.0":` then `version "1.2.3"` (v1) or `version: 1.2.3` (berry);
// bun.lock `"<dep>": ["<dep>@1.2.3", …]`.
import { ancestors, dirname, join } from '../resolve/files';
import type { Ctx } from './values';

export type Release = number[];
/** Releases from `lo` (inclusive) to `hi` (exclusive; none: no top). */
export interface Span { lo: Release; hi?: Release }

export interface NpmInstall {
  spans: Span[];
  /** As the manifest writes it: `1.3.20`, `^0.3.21`, or the lock's versions joined (`0.3.21, 1.3.20`). */
  written: string;
  /** The manifest's name (`yarn.lock`, `package.json`). */
  file: string;
}

const LOCKS = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

/** What the nearest manifests above the file say of `dep`'s installed release, read once per folder. */
export function npmInstalled(c: Ctx, dep: string): NpmInstall | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  let range: { written: string; dir: string } | undefined;
  for (const dir of ancestors(dirname(c.file))) {
    const names = index.files.list(dir);
    if (!names) continue;
    if (!range && names.includes('package.json')) {
      const written = index.memo(dir, `npm-range ${dep}`, () => rangeIn(index.files.read(join(dir, 'package.json')) ?? '', dep));
      if (written) range = { written, dir };
    }
    for (const lock of LOCKS) {
      if (!names.includes(lock)) continue;
      const versions = index.memo(dir, `npm-lock ${lock} ${dep}`, () => lockedVersions(lock, index.files.read(join(dir, lock)) ?? '', dep));
      if (!versions.length) continue;
      const spans = versions.map((v) => ({ lo: v, hi: [v[0], v[1], v[2] + 1] }));
      // A monorepo's lock lists every workspace's copy: those the package's own range admits are its.
      const admitted = range ? rangeSpans(range.written) : undefined;
      const mine = admitted ? spans.filter((s) => admitted.some((a) => within(s.lo, a))) : spans;
      const kept = mine.length ? mine : spans;
      return { spans: kept, written: kept.map((s) => s.lo.join('.')).join(', '), file: lock };
    }
  }
  return range ? { spans: rangeSpans(range.written), written: range.written, file: 'package.json' } : undefined;
}

/** `dep`'s range in a package.json's dependencies, devDependencies or peerDependencies. */
export function rangeIn(text: string, dep: string): string | undefined {
  try {
    const pkg = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
    const v = pkg.dependencies?.[dep] ?? pkg.devDependencies?.[dep] ?? pkg.peerDependencies?.[dep];
    return typeof v === 'string' ? v.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The releases a range admits: an exact version, `^`, `~`, `>=`, an `x`/`*` wildcard in the minor or patch, or `||`
 * of these. Anything else (`workspace:*`, `latest`, a URL, `>=1 <2`) admits every release: no top, no bottom.
 */
export function rangeSpans(range: string): Span[] {
  const out: Span[] = [];
  for (const part of range.split('||')) {
    const m = /^\s*(\^|~|>=|=)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[\w.]+)?\s*$/.exec(part);
    if (!m) return [{ lo: [0, 0, 0] }];
    const [maj, min, pat] = [Number(m[2]), m[3], m[4]];
    const lo = [maj, num(min), num(pat)];
    if (m[1] === '>=') out.push({ lo });
    else if (min === undefined || !/\d/.test(min)) out.push({ lo, hi: [maj + 1, 0, 0] });
    else if (pat === undefined || !/\d/.test(pat) || m[1] === '~') out.push({ lo, hi: [maj, lo[1] + 1, 0] });
    else if (m[1] === '^') out.push({ lo, hi: maj > 0 ? [maj + 1, 0, 0] : lo[1] > 0 ? [0, lo[1] + 1, 0] : [0, 0, lo[2] + 1] });
    else out.push({ lo, hi: [maj, lo[1], lo[2] + 1] });
  }
  return out;
}

const num = (s: string | undefined): number => (s && /^\d+$/.test(s) ? Number(s) : 0);

/** Is release `v` before `than`? */
export function before(v: Release, than: Release): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== than[i]) return v[i] < than[i];
  return false;
}

/** Is release `v` in the span? */
export function within(v: Release, s: Span): boolean {
  return !before(v, s.lo) && (!s.hi || before(v, s.hi));
}

/** The versions of `dep` a lock file lists, each once. */
function lockedVersions(lock: string, text: string, dep: string): Release[] {
  const found = new Set<string>();
  if (lock === 'package-lock.json') packageLock(text, dep, found);
  else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (lock === 'pnpm-lock.yaml') pnpmKey(line, dep, found);
      else if (lock === 'bun.lock') bunEntry(line, dep, found);
      else if (line && !/^[\s#]/.test(line) && yarnHeader(line, dep)) {
        const v = /^\s+version:?\s+"?([^"\s]+)"?/.exec(lines[i + 1] ?? '');
        if (v) found.add(v[1]);
      }
    }
  }
  const out: Release[] = [];
  for (const v of found) {
    const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
    if (m) out.push([Number(m[1]), Number(m[2]), Number(m[3])]);
  }
  return out;
}

function packageLock(text: string, dep: string, found: Set<string>): void {
  let lock: { packages?: Record<string, { version?: unknown }>; dependencies?: Record<string, unknown> };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch {
    return;
  }
  for (const [key, p] of Object.entries(lock.packages ?? {})) {
    if ((key === `node_modules/${dep}` || key.endsWith(`/node_modules/${dep}`)) && typeof p?.version === 'string') found.add(p.version);
  }
  // v1: a tree of `dependencies`, each entry `{ version, dependencies? }`.
  const walk = (deps: Record<string, unknown> | undefined, depth: number): void => {
    if (!deps || depth > 20) return;
    for (const [name, e] of Object.entries(deps)) {
      const entry = e as { version?: unknown; dependencies?: Record<string, unknown> } | undefined;
      if (name === dep && typeof entry?.version === 'string') found.add(entry.version);
      walk(entry?.dependencies, depth + 1);
    }
  };
  if (!lock.packages) walk(lock.dependencies, 0);
}

/** A pnpm package key at two spaces: `  /dep/1.2.3:`, `  /dep@1.2.3(…):`, `  '@scope/dep@1.2.3(…)':`. */
function pnpmKey(line: string, dep: string, found: Set<string>): void {
  if (!line.startsWith('  ') || line[2] === ' ') return;
  let key = line.slice(2);
  if (key[0] === "'" || key[0] === '"') key = key.slice(1);
  if (key[0] === '/') key = key.slice(1);
  if (!key.startsWith(dep) || (key[dep.length] !== '@' && key[dep.length] !== '/')) return;
  const m = /^(\d+\.\d+\.\d+(?:[-.][\w.-]*?)?)(?:[(_:'"]|$)/.exec(key.slice(dep.length + 1));
  if (m) found.add(m[1]);
}

/** A bun.lock package entry: `"dep": ["dep@1.2.3", …`. */
function bunEntry(line: string, dep: string, found: Set<string>): void {
  const at = line.indexOf(`["${dep}@`);
  if (at < 0) return;
  const m = /^(\d+\.\d+\.\d+(?:[-._][\w.-]*)?)"/.exec(line.slice(at + dep.length + 3));
  if (m) found.add(m[1]);
}

/** A yarn.lock entry header naming `dep` among its comma-separated specifiers. */
function yarnHeader(line: string, dep: string): boolean {
  return line
    .replace(/:\s*$/, '')
    .split(',')
    .some((s) => s.trim().replace(/^"|"$/g, '').startsWith(`${dep}@`));
}

// The version of a Python distribution a project installs, as its manifests in one folder state it: a lock file's
// exact version first (uv.lock, poetry.lock and pdm.lock write `name = "x"` then `version = "1.2.3"` in the package's
// table), then an exact `x==1.2.3` in a requirements*.txt or in pyproject.toml's dependency strings. A range
// (`x>=0.0.7`) or a bare name says nothing of what is installed, so it gives no version.
import { ancestors, dirname, join, type WorkspaceFiles } from '../resolve/files';
import type { Ctx } from './values';

/** The manifest kind of sdk-pins.ts for Python projects. */
export const PY_MANIFEST = 'python';

export interface PythonPin {
  version: number[];
  /** As the manifest writes it (`0.0.7`). */
  written: string;
  /** The manifest's name (`uv.lock`). */
  file: string;
}

const LOCKS = ['uv.lock', 'poetry.lock', 'pdm.lock'];

/** The pinned version of the first of `deps` a manifest of `dir` (whose names are `names`) states exactly. */
export function pythonPin(files: WorkspaceFiles, dir: string, names: string[], deps: string[]): PythonPin | undefined {
  const reqs = names.filter((n) => n.startsWith('requirements') && n.endsWith('.txt')).sort();
  const order = [...LOCKS.filter((n) => names.includes(n)), ...reqs, ...(names.includes('pyproject.toml') ? ['pyproject.toml'] : [])];
  for (const file of order) {
    const text = files.read(join(dir, file));
    if (!text) continue;
    for (const dep of deps) {
      const written = LOCKS.includes(file) ? lockVersion(text, dep) : exactPin(text, dep);
      const version = written ? numbers(written) : undefined;
      if (written && version) return { version, written, file };
    }
  }
  return undefined;
}

/**
 * The pin of the first of `deps` in the nearest folder up from the file that pins one (crewai-limit.ts,
 * dspy-default-limit.ts); read once per folder until a file under it changes (as sdk-pins.ts).
 */
export function nearestPythonPin(c: Ctx, deps: string[]): PythonPin | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  for (const dir of ancestors(dirname(c.file))) {
    const names = index.files.list(dir);
    const pin = names && index.memo(dir, `sdk-pin ${deps.join(',')}`, () => pythonPin(index.files, dir, names, deps));
    if (pin) return pin;
  }
  return undefined;
}

/** Is release `v` before `than` (three numbers each)? */
export function olderRelease(v: number[], than: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== than[i]) return v[i] < than[i];
  return false;
}

/** `name = "dep"` then `version = "…"` on the next line. */
function lockVersion(text: string, dep: string): string | undefined {
  const head = `name = "${dep}"`;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const rest = text.slice(at + head.length, at + head.length + 80).replace(/^\r?\n/, '');
    if (!rest.startsWith('version = "')) continue;
    const end = rest.indexOf('"', 11);
    return end > 11 ? rest.slice(11, end) : undefined;
  }
  return undefined;
}

/** `dep==1.2.3` or `dep[extra]==1.2.3` at a word's start (a requirements line, a pyproject dependency string). */
function exactPin(text: string, dep: string): string | undefined {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(dep); at >= 0; at = lower.indexOf(dep, at + 1)) {
    const before = at > 0 ? lower[at - 1] : '\n';
    if (!/[\s"'[,]/.test(before)) continue;
    let i = at + dep.length;
    if (lower[i] === '[') i = lower.indexOf(']', i) + 1;
    if (i <= 0) continue;
    while (lower[i] === ' ') i++;
    if (lower.slice(i, i + 2) !== '==') continue;
    const m = /^==\s*([\d][\w.]*)/.exec(lower.slice(i, i + 40));
    if (m) return m[1];
  }
  return undefined;
}

/** `0.0.7` → [0, 0, 7]; a pre-release keeps its numbers (`1.0.0b1` → [1, 0, 0]). */
function numbers(v: string): number[] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

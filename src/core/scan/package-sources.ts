// The files of a package, per language, as the callers of a function and the importers of a module are sought in them
// (js-callers.ts): the package's root (the nearest folder with a package.json, a Python project file or a .csproj), its
// source files (bounded walk, dependencies and build output left out) and which of them are test code.
import { ancestors, dirname, join } from '../resolve/files';
import type { ValueIndex } from '../resolve/value-index';

/** Folders and source files a package walk reads at most. */
const MAX_FOLDERS = 400;
const MAX_FILES = 2000;
/** Folders that hold no source of the package: dependencies, build output. */
const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor']);
const SKIP_PY = new Set([...SKIP, 'venv', 'env', 'site-packages', '__pycache__', 'migrations']);

/** Per language: the files that mark a package's root, its source files, the folders walked past. A Deno project's root
 * holds deno.json or deno.jsonc (https://docs.deno.com/runtime/fundamentals/configuration/). */
export const LANGS: Record<string, { root: (n: string) => boolean; source: RegExp; skip: Set<string> }> = {
  javascript: { root: (n) => n === 'package.json' || n === 'deno.json' || n === 'deno.jsonc', source: /^(?!.*\.d\.[cm]?ts$).*\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/, skip: SKIP },
  python: { root: (n) => /^(pyproject\.toml|setup\.py|setup\.cfg|Pipfile|requirements?[\w.-]*\.txt)$/.test(n), source: /\.py$/, skip: SKIP_PY },
};

/** The rows an import chain is followed in (importedByModule): C# too, its project's root holding the .csproj, its files
 * joined by the types they use (cs-users.ts). */
export const CHAIN_LANGS: typeof LANGS = {
  ...LANGS,
  csharp: { root: (n) => n.endsWith('.csproj'), source: /\.cs$/, skip: new Set([...SKIP, 'bin', 'obj']) },
};

/** The package folder of a file: the nearest folder above it with a package.json (Python: a project file), or undefined. */
export function packageRoot(index: ValueIndex, file: string, lang: string): string | undefined {
  for (const d of ancestors(dirname(file))) if (index.files.list(d)?.some(CHAIN_LANGS[lang].root)) return d;
  if (lang !== 'python') return undefined;
  // No project file: a package of `__init__.py` folders (its modules import each other as `from .handler import f`)
  // is the project, its root the folder above the outermost one.
  let top: string | undefined;
  for (const d of ancestors(dirname(file))) {
    if (!index.files.list(d)?.includes('__init__.py')) break;
    top = d;
  }
  return top === undefined ? undefined : dirname(top);
}
/** The package's source files (declaration files, hidden folders, dependencies and build output left out). */
export function packageSources(index: ValueIndex, root: string, lang: string, only?: RegExp): string[] {
  const files = index.files;
  const { skip } = CHAIN_LANGS[lang];
  const source = only ?? CHAIN_LANGS[lang].source;
  if (!files.folders) return [];
  return index.memo(root, `${lang}.sources${only ? ' ' + only.source : ''}`, () => {
    const out: string[] = [];
    const todo = [root];
    for (let seen = 0; todo.length && seen < MAX_FOLDERS && out.length < MAX_FILES; seen++) {
      const dir = todo.pop()!;
      for (const n of files.list(dir) ?? []) if (source.test(n)) out.push(join(dir, n));
      for (const f of files.folders!(dir) ?? []) if (!f.startsWith('.') && !skip.has(f)) todo.push(join(dir, f));
    }
    return out.sort().slice(0, MAX_FILES);
  });
}

/** Test code: its calls pass test doubles (`reviewAgent(prompt, this.model, …)` in code-review-gpt src/specs/runner). */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', '__mocks__', 'mocks', 'fixtures']);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$|^test_.*\.py$|_test\.py$|^conftest\.py$/;

export function isTestCode(root: string, f: string): boolean {
  const rel = (root ? f.slice(root.length + 1) : f).split('/');
  return TEST_FILE.test(rel[rel.length - 1]) || rel.slice(0, -1).some((d) => TEST_DIRS.has(d));
}

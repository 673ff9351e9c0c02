// Where an imported module's file is, per language: Python packages and relative imports, JS/TS relative paths,
// index files and tsconfig `paths` aliases, Rust `crate::`/`super::` modules, Go packages of the same module.
import type { WorkspaceFiles } from './files';
import { ancestors, basename, dirname, join } from './files';

const JS_EXTS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.mts', '.cts'];

function exists(files: WorkspaceFiles, path: string): boolean {
  return files.list(dirname(path))?.includes(basename(path)) ?? false;
}

function firstExisting(files: WorkspaceFiles, paths: string[]): string | undefined {
  return paths.find((p) => exists(files, p));
}

export function resolveModule(files: WorkspaceFiles, fromFile: string, spec: string, lang: string): string | undefined {
  const dir = dirname(fromFile);
  if (lang === 'python') return python(files, dir, spec);
  if (lang === 'rust') return rust(files, fromFile, spec);
  if (lang.startsWith('javascript') || lang.startsWith('typescript')) return js(files, dir, spec);
  return undefined;
}

function python(files: WorkspaceFiles, dir: string, spec: string): string | undefined {
  const dots = /^\.*/.exec(spec)![0].length;
  const rest = spec.slice(dots).split('.').filter(Boolean).join('/');
  const forms = (base: string) => (rest ? [join(base, rest + '.py'), join(base, rest, '__init__.py')] : [join(base, '__init__.py')]);
  if (dots) {
    let base = dir;
    for (let n = 1; n < dots; n++) base = dirname(base);
    return firstExisting(files, forms(base));
  }
  // An absolute import: the package is under one of the folders above the file (the project root, or its src/).
  return absolutePython(files, dir, forms).next().value;
}

/** The files an absolute Python import names in the folders above `dir` (each, or its src/), nearest first. */
function* absolutePython(files: WorkspaceFiles, dir: string, forms: (base: string) => string[]): Generator<string> {
  for (const a of ancestors(dir)) {
    const hit = firstExisting(files, [...forms(a), ...forms(join(a, 'src'))]);
    if (hit) yield hit;
  }
}

/**
 * Every file an absolute Python import can name, nearest the importing file first: a module nearer the file can
 * shadow the one the app runs with (`from settings import *` in pkg/, beside pkg/settings.py and ./settings.py, when
 * the app runs from the root), so a name the nearest lacks is looked for in the others.
 */
export function pythonModules(files: WorkspaceFiles, fromFile: string, spec: string): string[] {
  if (spec.startsWith('.')) return [];
  const rest = spec.split('.').filter(Boolean).join('/');
  return [...absolutePython(files, dirname(fromFile), (base) => [join(base, rest + '.py'), join(base, rest, '__init__.py')])];
}

function js(files: WorkspaceFiles, dir: string, spec: string): string | undefined {
  const forms = (base: string) => {
    const noJs = base.replace(/\.(m|c)?js$/, '');
    return [base, ...JS_EXTS.map((e) => noJs + e), ...JS_EXTS.map((e) => join(base, 'index' + e))];
  };
  if (spec.startsWith('.') || spec.startsWith('/')) return firstExisting(files, forms(join(dir, spec)));
  for (const target of aliasTargets(files, dir, spec)) {
    const hit = firstExisting(files, forms(target));
    if (hit) return hit;
  }
  const lib = svelteKitLib(files, dir, spec);
  return lib === undefined ? undefined : firstExisting(files, forms(lib));
}

/** SvelteKit's `$lib` alias: `src/lib` of the app, the folder with svelte.config.js (https://svelte.dev/docs/kit/$lib).
 * Its generated tsconfig (.svelte-kit/tsconfig.json, which states it) is build output, not in the repository. */
function svelteKitLib(files: WorkspaceFiles, dir: string, spec: string): string | undefined {
  if (spec !== '$lib' && !spec.startsWith('$lib/')) return undefined;
  for (const a of ancestors(dir)) {
    if (files.list(a)?.some((n) => /^svelte\.config\.[cm]?[jt]s$/.test(n))) return join(a, 'src/lib' + spec.slice(4));
  }
  return undefined;
}

/**
 * tsconfig.json / jsconfig.json `compilerOptions.paths` (with `baseUrl`) of the nearest config above `dir`. A solution
 * config that sets none but lists `references` (Vite's template: `"files": [], "references": [{ "path":
 * "./tsconfig.app.json" }, …]`) has its referenced configs' paths, each relative to its own folder.
 */
function aliasTargets(files: WorkspaceFiles, dir: string, spec: string): string[] {
  for (const a of ancestors(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      if (!files.list(a)?.includes(name)) continue;
      const cfg = configAt(files, join(a, name));
      const own = cfg?.compilerOptions;
      if (own?.paths || own?.baseUrl || !Array.isArray(cfg?.references)) return pathTargets(a, own, spec);
      // A reference's path is a folder holding a tsconfig.json, or the config file itself (TypeScript handbook,
      // Project References).
      return cfg.references.flatMap((r) => {
        if (typeof r?.path !== 'string') return [];
        const p = join(a, r.path);
        const file = /\.json$/.test(p) ? p : join(p, 'tsconfig.json');
        return pathTargets(dirname(file), configAt(files, file)?.compilerOptions, spec);
      });
    }
  }
  return [];
}

interface TsConfig {
  compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
  references?: { path?: unknown }[];
}

function configAt(files: WorkspaceFiles, path: string): TsConfig | undefined {
  const cfg = parseJsonc(files.read(path) ?? '');
  return cfg && typeof cfg === 'object' ? (cfg as TsConfig) : undefined;
}

/** Where `spec` may be by one config's `paths` and `baseUrl`, the config in folder `a`. */
function pathTargets(a: string, co: TsConfig['compilerOptions'], spec: string): string[] {
  const base = join(a, co?.baseUrl ?? '.');
  const out: string[] = [];
  for (const [pattern, targets] of Object.entries(co?.paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf('*');
    if (star < 0 ? spec !== pattern : !(spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)))) continue;
    const middle = star < 0 ? '' : spec.slice(star, spec.length - (pattern.length - star - 1));
    for (const t of targets) if (typeof t === 'string') out.push(join(base, t.replace('*', middle)));
  }
  if (co?.baseUrl) out.push(join(base, spec));
  return out;
}

/** JSON with comments and trailing commas (tsconfig's dialect); undefined when still not JSON. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 1;
    } else out += ch;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function rust(files: WorkspaceFiles, fromFile: string, spec: string): string | undefined {
  const parts = spec.split('::');
  let base: string | undefined;
  if (parts[0] === 'crate') {
    base = ancestors(dirname(fromFile)).find((a) => files.list(a)?.includes('Cargo.toml'));
    // A crate's `src` folder opened or copied without its Cargo.toml: the crate root is still that folder.
    base = base !== undefined ? join(base, 'src') : ancestors(dirname(fromFile)).find((a) => basename(a) === 'src');
    if (base === undefined) return undefined;
  } else if (parts.length >= 2 && (base = packageRoot(files, fromFile, parts[0])) !== undefined) {
    // `use rsllm::args::Args;` in src/main.rs of the package `rsllm`: the binary reaches the library's modules by the
    // package's name (https://doc.rust-lang.org/cargo/reference/cargo-targets.html#binaries; hongyeecheah/rust-ai-streambot).
  } else {
    // `mod consts;` then `use consts::BASE;`: a path that starts with a child module's name (Rust 2018 paths,
    // https://doc.rust-lang.org/reference/items/use-declarations.html); the module alone too, `consts` of
    // `use consts::{BASE, MODEL};` (a module file of that name, else none: an external crate).
    if (parts[0] !== 'super' && parts[0] !== 'self') parts.unshift('self');
    // A module file `a.rs` or `a/mod.rs` holds its children in `a/`.
    const own = basename(fromFile) === 'mod.rs' || basename(fromFile) === 'lib.rs' || basename(fromFile) === 'main.rs' ? dirname(fromFile) : join(dirname(fromFile), basename(fromFile).replace(/\.rs$/, ''));
    base = parts[0] === 'self' ? own : dirname(own);
  }
  const rest = parts.slice(1);
  // `use super::{A, MODEL};`: the parent module's own file
  // (https://doc.rust-lang.org/reference/paths.html#super; Mercerenies/marco-bot src/openai/relevance.rs).
  if (!rest.length) return parts[0] === 'super' ? firstExisting(files, [base + '.rs', join(base, 'mod.rs'), join(base, 'lib.rs'), join(base, 'main.rs')]) : undefined;
  return firstExisting(files, [join(base, ...rest) + '.rs', join(base, ...rest, 'mod.rs')]);
}

/** The `src` folder of the crate above `fromFile` whose package (or library) is named `name` (`-` read as `_`). */
function packageRoot(files: WorkspaceFiles, fromFile: string, name: string): string | undefined {
  const root = ancestors(dirname(fromFile)).find((a) => files.list(a)?.includes('Cargo.toml'));
  if (root === undefined || !files.list(join(root, 'src'))?.includes('lib.rs')) return undefined;
  const toml = files.read(join(root, 'Cargo.toml')) ?? '';
  for (const m of toml.matchAll(/^\s*name\s*=\s*"([^"\n]+)"/gm)) if (m[1].replace(/-/g, '_') === name) return join(root, 'src');
  return undefined;
}

/** Go files of a folder (a package), tests left out. */
export function goPackageFiles(files: WorkspaceFiles, dir: string): string[] {
  return (files.list(dir) ?? []).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).map((n) => join(dir, n));
}

/** The folder of an imported Go package of the same module (go.mod's `module` line), or undefined. */
export function goImportDir(files: WorkspaceFiles, fromFile: string, importPath: string): string | undefined {
  for (const a of ancestors(dirname(fromFile))) {
    if (!files.list(a)?.includes('go.mod')) continue;
    const mod = /^module\s+(\S+)/m.exec(files.read(join(a, 'go.mod')) ?? '')?.[1];
    if (!mod || !(importPath === mod || importPath.startsWith(mod + '/'))) return undefined;
    return join(a, importPath.slice(mod.length + 1));
  }
  return undefined;
}

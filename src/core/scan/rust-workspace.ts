// The other crates of a Cargo workspace a crate's code reaches: the crates it depends on by path (`anthropic = { path =
// "../anthropic" }` in its Cargo.toml, https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#specifying-
// path-dependencies), and the member crates that depend on it so. A workspace's binary crate builds the request with
// the library crate's type and calls the library's sender (held73 R1 ryokryok/anthropic-cli-rs: acr/src/main.rs
// `AnthropicRequest::new(&args.model, 1024)` and `Anthropic::new(&key)?.send(&params)`, the POST in
// anthropic/src/client.rs). Files are listed as rust-crate.ts lists a crate's own.
import { ancestors, dirname, join } from '../resolve/files';
import type { EvalScope } from './value';
import { crateFiles } from './rust-crate';

/** Folders below a workspace's root searched for member crates (`acr/`, `crates/anthropic/`). */
const MAX_DEPTH = 2;
/** Crates read at most, each way. */
const MAX_CRATES = 12;
/** Files of one crate listed at most. */
const MAX_FILES = 200;

/** `name = { path = "../x" … }` in a Cargo.toml (a fixed pattern: the names are read, then compared). */
const PATH_DEP = /^\s*([\w-]+)\s*=\s*\{[^}\n]*\bpath\s*=\s*"([^"\n]+)"/gm;
const PACKAGE_NAME = /^\s*name\s*=\s*"([^"\n]+)"/m;

type Index = NonNullable<EvalScope['index']>;

/** The folder holding the Cargo.toml of the crate the file is in. */
function crateRoot(idx: Index, file: string): string | undefined {
  return ancestors(dirname(file), 9).find((d) => idx.files.list(d)?.includes('Cargo.toml'));
}

/** The crates a crate's Cargo.toml names by path: [crate name as code writes it, its root]. */
function pathDeps(idx: Index, root: string): [string, string][] {
  const toml = idx.files.read(join(root, 'Cargo.toml')) ?? '';
  const out: [string, string][] = [];
  for (const m of toml.matchAll(PATH_DEP)) if (out.length < MAX_CRATES) out.push([m[1].replace(/-/g, '_'), join(root, m[2])]);
  return out;
}

/** The `.rs` files under a crate's `src`. */
function srcFiles(idx: Index, root: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8 || out.length >= MAX_FILES) return;
    for (const n of idx.files.list(d) ?? []) if (n.endsWith('.rs') && out.length < MAX_FILES) out.push(`${d}/${n}`);
    for (const sub of idx.files.folders?.(d) ?? []) walk(`${d}/${sub}`, depth + 1);
  };
  walk(join(root, 'src'), 0);
  return out;
}

/** The files of the crates the file's crate depends on by path. */
export function dependencyFiles(s: EvalScope): string[] {
  const idx = s.index;
  const root = idx && crateRoot(idx, s.file);
  if (!idx || root === undefined) return [];
  return idx.memo(root, 'rust-dependency-files', () => pathDeps(idx, root).flatMap(([, r]) => srcFiles(idx, r)));
}

/**
 * The files of the workspace's other crates that depend on the file's crate by path, each with the name they use it by
 * (`anthropic`): their code names the crate (`use anthropic::*;`, `anthropic::Anthropic::new`) to call it.
 */
export function dependentFiles(s: EvalScope): { file: string; crate: string }[] {
  const idx = s.index;
  const root = idx && crateRoot(idx, s.file);
  if (!idx || root === undefined) return [];
  return idx.memo(root, 'rust-dependent-files', () => {
    const top = ancestors(dirname(root), 4).find((d) => (idx.files.read(join(d, 'Cargo.toml')) ?? '').includes('[workspace]'));
    if (top === undefined) return [];
    const own = PACKAGE_NAME.exec(idx.files.read(join(root, 'Cargo.toml')) ?? '')?.[1]?.replace(/-/g, '_');
    const out: { file: string; crate: string }[] = [];
    let crates = 0;
    const walk = (d: string, depth: number) => {
      if (depth > MAX_DEPTH || crates >= MAX_CRATES) return;
      for (const sub of idx.files.folders?.(d) ?? []) {
        const dir = join(d, sub);
        if (dir === root || sub === 'target' || sub.startsWith('.')) continue;
        if (idx.files.list(dir)?.includes('Cargo.toml')) {
          const dep = pathDeps(idx, dir).find(([name, r]) => r === root || name === own);
          if (dep && ++crates <= MAX_CRATES) for (const file of srcFiles(idx, dir)) out.push({ file, crate: dep[0] });
        } else walk(dir, depth + 1);
      }
    };
    walk(top, 0);
    return out;
  });
}

/** Files searched for a type brought in by a glob import at most. */
const MAX_TYPE_FILES = 3;

/**
 * The files of the crate and of its path dependencies that implement `type`, for a type named bare without a `use` of
 * it: `use anthropic::*;` (a glob of the dependency's re-exports, `pub use models::*;` in its lib.rs) or `use crate::*;`.
 */
export function* globTypeScopes(c: EvalScope, type: string): Generator<EvalScope> {
  const idx = c.index;
  if (!idx) return;
  const impl = `impl ${type}`;
  let n = 0;
  for (const file of [...crateFiles(c), ...dependencyFiles(c)]) {
    if (file === c.file || !idx.text(file)?.includes(impl)) continue;
    const s = idx.scope(file);
    if (s && ++n <= MAX_TYPE_FILES) yield s;
  }
}

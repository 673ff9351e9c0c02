// Folders a scan never enters: dependencies, build output, caches, virtualenvs.
import path from 'node:path';
export const SKIP_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'target', 'vendor', '__pycache__', '.venv', 'venv',
  '.tox', '.mypy_cache', '.pytest_cache', '.next', '.nuxt', 'coverage', 'bin', 'obj', '.gradle', '.idea', '.e2e-work',
  // Installed Python packages (a virtualenv's lib/pythonX.Y/site-packages, whatever the venv's folder is called).
  'site-packages', 'dist-packages',
]);

/** A folder below a Maven / Gradle source root (`src/<source set>/java|kotlin|scala|groovy/`) is a package: build
 * tools write their output beside `src`, never inside it, and hexagonal layouts name packages `adapter/out` (held52
 * dd3ok/who-am-ai adapter/out/gemini/GeminiAdapter.kt). */
const JVM_SOURCE_ROOT = /(?:^|[\\/])src[\\/][^\\/]+[\\/](?:java|kotlin|scala|groovy)(?:[\\/]|$)/;
const BUILD_OUTPUT = new Set(['dist', 'build', 'out', 'target', 'bin', 'obj', 'coverage']);

/**
 * Whether a scan skips folder `name` inside folder `parent` (a path). A crate's `src/bin/` holds its binaries' sources
 * (Cargo's target auto-discovery: https://doc.rust-lang.org/cargo/reference/cargo-targets.html#binaries), not build
 * output: read when the folder above `src` holds Cargo.toml.
 */
export function skipsDir(parent: string, name: string, isCrate: (dir: string) => boolean): boolean {
  if (!SKIP_DIRS.has(name)) return false;
  if (BUILD_OUTPUT.has(name) && JVM_SOURCE_ROOT.test(parent)) return false;
  return !(name === 'bin' && path.basename(parent) === 'src' && isCrate(path.dirname(parent)));
}

/** The same for a path relative to a tree's root, its crates known by their Cargo.toml paths. */
export function skipsPath(p: string, hasFile: (rel: string) => boolean): boolean {
  const segs = p.split('/');
  return segs.slice(0, -1).some((seg, i) => skipsDir(segs.slice(0, i).join('/'), seg, (d) => hasFile(d ? `${d}/Cargo.toml` : 'Cargo.toml')));
}

// Folders a scan never enters: dependencies, build output, caches, virtualenvs.
import path from 'node:path';
export const SKIP_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'target', 'vendor', '__pycache__', '.venv', 'venv',
  '.tox', '.mypy_cache', '.pytest_cache', '.next', '.nuxt', 'coverage', 'bin', 'obj', '.gradle', '.idea', '.e2e-work',
  // Installed Python packages (a virtualenv's lib/pythonX.Y/site-packages, whatever the venv's folder is called).
  'site-packages', 'dist-packages',
]);

/**
 * Whether a scan skips folder `name` inside folder `parent` (a path). A crate's `src/bin/` holds its binaries' sources
 * (Cargo's target auto-discovery: https://doc.rust-lang.org/cargo/reference/cargo-targets.html#binaries), not build
 * output: read when the folder above `src` holds Cargo.toml.
 */
export function skipsDir(parent: string, name: string, isCrate: (dir: string) => boolean): boolean {
  if (!SKIP_DIRS.has(name)) return false;
  return !(name === 'bin' && path.basename(parent) === 'src' && isCrate(path.dirname(parent)));
}

/** The same for a path relative to a tree's root, its crates known by their Cargo.toml paths. */
export function skipsPath(p: string, hasFile: (rel: string) => boolean): boolean {
  const segs = p.split('/');
  return segs.slice(0, -1).some((seg, i) => skipsDir(segs.slice(0, i).join('/'), seg, (d) => hasFile(d ? `${d}/Cargo.toml` : 'Cargo.toml')));
}

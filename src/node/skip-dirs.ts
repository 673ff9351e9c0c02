// Folders a scan never enters: dependencies, build output, caches, virtualenvs.
export const SKIP_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'target', 'vendor', '__pycache__', '.venv', 'venv',
  '.tox', '.mypy_cache', '.pytest_cache', '.next', '.nuxt', 'coverage', 'bin', 'obj', '.gradle', '.idea', '.e2e-work',
  // Installed Python packages (a virtualenv's lib/pythonX.Y/site-packages, whatever the venv's folder is called).
  'site-packages', 'dist-packages',
]);

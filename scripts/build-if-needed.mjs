// `postinstall`: builds dist/ when it is missing and the sources and esbuild are here, so an install from the
// repository (pre-commit's node hook runs `npm install` in a clone, then `npm pack`) has dist/cli.js to run.
// An install from a packed tarball already has dist/ and no sources: nothing to do. Never fails the install.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const here = new URL('..', import.meta.url).pathname;
const need = !fs.existsSync(`${here}dist/cli.js`) && fs.existsSync(`${here}src/cli/main.ts`);
let esbuild = false;
try {
  createRequire(import.meta.url).resolve('esbuild');
  esbuild = true;
} catch {
  // a production install: no build tools
}
if (need && esbuild) {
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) console.error('prompt-cost: building dist/ failed; run `npm run build`');
}

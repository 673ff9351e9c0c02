#!/usr/bin/env node
// The nightly-size robustness run (issue 6): builds the tests, then runs the fuzz test at 100,000 cases and the
// hostile-input test at full size (n = 256 KB so 4n is a megabyte, a 5 MB single line in every language row).
//   node scripts/fuzz-nightly.mjs [--runs N] [--seed S] [--only fuzz|hostile]
// Exit status: 0 when both pass, 1 otherwise. Each part prints its own counts and timings.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const runs = arg('--runs', '100000');
const seed = arg('--seed', undefined);
const only = arg('--only', undefined);

const step = (label, args, env = {}) => {
  const t0 = Date.now();
  console.log(`\n== ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`== ${label}: exit ${r.status} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
};

const built = step('build', ['esbuild.mjs', '--tests']);
let ok = built;
if (built && only !== 'hostile') {
  ok = step(`fuzz, ${runs} cases`, ['--test', '--test-reporter=spec', 'out/test/fuzz.test.js'], { FUZZ_RUNS: runs, ...(seed ? { FUZZ_SEED: seed } : {}) }) && ok;
}
if (built && only !== 'fuzz') {
  ok = step('hostile inputs, full size', ['--test', '--test-reporter=spec', 'out/test/hostile.test.js'], { HOSTILE_FULL: '1' }) && ok;
}
process.exit(ok ? 0 : 1);

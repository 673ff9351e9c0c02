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
    // As dist/ is built: the rank tables stay out of the bundle and load on the first exact count.
    external: ['js-tiktoken/ranks/*'],
  });
  return outfile;
}

/** The unbundled engine: out/test/bench/engine.js from the test build. */
export const UNBUNDLED = path.join(__dirname, 'engine.js');

export function loadEngine(file: string): Engine {
  return require(file) as Engine;
}

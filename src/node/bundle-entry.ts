// dist/cli.js and dist/extension.js: each requires its bundle (BUNDLE_FILE beside it, with the content hash
// BUNDLE_HASH, both set by esbuild.mjs) through V8's code cache (code-cache.ts).
import path from 'node:path';
import { requireCached } from './code-cache';

declare const BUNDLE_FILE: string;
declare const BUNDLE_HASH: string;

module.exports = requireCached(path.join(__dirname, BUNDLE_FILE), module as unknown as Parameters<typeof requireCached>[1], require.main === module, BUNDLE_HASH);

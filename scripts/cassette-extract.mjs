#!/usr/bin/env node
// Extracts recorded LLM API calls from VCR cassettes (VCR.py / go-vcr, Ruby and R vcr, Polly.JS HAR) into JSON
// lines: the request body, the input count the provider billed, and our count by the engine's rules. This is how
// the chat-format rules in src/core/tokenize/chat-format.ts were measured (issue 16); cassettes themselves are
// third-party data and stay outside the repository.
//
//   node scripts/cassette-extract.mjs DIR… [--out FILE.jsonl]
//   node scripts/cassette-extract.mjs --git BARE_GIT_DIR --repo owner/name [--paths REGEX] [--out FILE.jsonl]   (reads HEAD)
//
// --paths: which files of the git tree to read (default: paths naming cassettes, vcr or recordings; go-vcr
// repositories such as charmbracelet/fantasy keep theirs under testdata/, read with --paths testdata).
// Each line: { repo, commit, file, index, endpoint, host, model, billed, cached, ours, exact, skip, body }: cached
// is the Anthropic cache reads and writes within billed; a recording whose usage was edited by hand (cache tokens
// where no cache can be) has skip "usage edited by hand" (src/cli/calibrate.ts). Long base64 strings in bodies
// (images, PDFs, audio) are replaced by a placeholder; prompt text is kept whole.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles one TypeScript entry of ours through esbuild and returns its exports (as scripts/pricing-sync.mjs). */
function loadTs(source) {
  const esbuild = require('esbuild');
  const res = esbuild.buildSync({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    external: ['js-tiktoken', 'yaml'],
  });
  const mod = { exports: {} };
  // __dirname one level under the root, so that src/node/sheets.ts finds pricing/ as it does from dist/.
  new Function('module', 'exports', 'require', '__dirname', res.outputFiles[0].text)(mod, mod.exports, require, path.join(ROOT, 'scripts'));
  return mod.exports;
}

const lib = loadTs(`
export { readCassette, findCassetteFiles } from './src/node/cassettes';
export { countRequest } from './src/core/tokenize/request-count';
export { buildTable, lookupModel } from './src/core/price/sheets';
export { loadShipped } from './src/node/sheets';
export { handEdited } from './src/cli/calibrate';
`);

const HOSTS = [
  [/^api\.openai\.com$|\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$/, 'openai'],
  [/^api\.anthropic\.com$/, 'anthropic'],
  [/^generativelanguage\.googleapis\.com$|aiplatform\.googleapis\.com$/, 'google'],
];

function shrink(v, key = '') {
  if (typeof v === 'string')
    return v.length > 2000 && !['text', 'content', 'instructions', 'system', 'input', 'description'].includes(key) && /^(data:[^;]+;base64,|[A-Za-z0-9+/=\r\n]+$)/.test(v.slice(0, 2000))
      ? `<<${v.length} characters of base64>>`
      : v;
  if (Array.isArray(v)) return v.map((x) => shrink(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shrink(x, k)]));
  return v;
}

function main() {
  const args = process.argv.slice(2);
  let gitDir, repo, outFile;
  let paths = /(cassette|_vcr|vcr_|\/vcr\/|recordings)/i;
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--git') gitDir = args[++i];
    else if (args[i] === '--repo') repo = args[++i];
    else if (args[i] === '--out') outFile = args[++i];
    else if (args[i] === '--paths') paths = new RegExp(args[++i], 'i');
    else if (args[i] === '-h' || args[i] === '--help') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).join('\n') + '\n');
      return;
    } else dirs.push(args[i]);
  }
  if (!gitDir && !dirs.length) {
    process.stderr.write('usage: cassette-extract.mjs DIR… | --git BARE_GIT_DIR --repo owner/name [--out FILE.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const table = lib.buildTable(lib.loadShipped().sheets);
  const files = []; // [name, text]
  let commit;
  const missing = []; // listed in the tree, absent from the snapshot
  if (gitDir) {
    commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD']).toString().trim();
    const names = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', 'HEAD', '--name-only'], { maxBuffer: 2 ** 30 })
      .toString()
      .split('\0')
      .filter((n) => paths.test(n) && /\.(ya?ml|json|har)$/i.test(n));
    for (const n of names) {
      // A partial snapshot (the fetch tool's mirrors leave out their largest blobs) lists files it cannot show:
      // name them and go on.
      try {
        files.push([n, execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${n}`], { maxBuffer: 2 ** 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8')]);
      } catch {
        missing.push(n);
      }
    }
  }
  for (const d of dirs) for (const f of lib.findCassetteFiles([d])) files.push([path.relative(d, f), fs.readFileSync(f, 'utf8')]);
  const seen = new Set();
  const lines = [];
  for (const [name, text] of files)
    for (const c of lib.readCassette(name, text)) {
      const key = JSON.stringify([c.endpoint, c.model, c.body, c.billed]);
      if (seen.has(key)) continue;
      seen.add(key);
      const host = HOSTS.find(([re]) => re.test(c.host));
      const price = host && c.model ? lib.lookupModel(table, c.model, host[1]) : undefined;
      const n = !host
        ? { skip: `other host (${c.host})` }
        : lib.handEdited(c)
          ? { skip: 'usage edited by hand' }
          : !price
            ? { skip: 'model not in the price sheets' }
            : lib.countRequest(c.endpoint, c.body, price);
      lines.push(JSON.stringify({ repo, commit, file: c.file, index: c.index, endpoint: c.endpoint, host: c.host, model: c.model, billed: c.billed, cached: c.cached, ours: n.tokens, exact: n.exact, skip: n.skip, body: shrink(c.body) }));
    }
  const text = lines.join('\n') + (lines.length ? '\n' : '');
  if (outFile) fs.writeFileSync(outFile, text);
  else process.stdout.write(text);
  process.stderr.write(`${files.length} cassette files, ${lines.length} distinct recorded calls\n`);
  if (missing.length) process.stderr.write(`${missing.length} listed files absent from the git snapshot, not read (first: ${missing[0]})\n`);
}

main();

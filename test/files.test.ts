// Reading what a user's tree holds (issue 6.3): binary, invalid UTF-8, oversized and minified files are skipped or
// read safely with a note; unreadable paths, FIFOs, devices and link loops are notes, never a crash or a hang.
// Tests run as root, so chmod 000 cannot make a file unreadable: dangling links, link loops, FIFOs and a
// file-as-folder path stand in for it. Anything that could block runs in a child process with a time limit.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_MAX_BYTES, ReadBuffer, decodeSource, findSourceFiles, parseGitignore, readBytes, readSource, screenSource } from '../src/node/files';
import { SKIP_DIRS } from '../src/node/skip-dirs';
import type { Problem } from '../src/core/types';
import { FIXTURES } from './util';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-files-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

let dirs = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = path.join(TMP, `t${++dirs}`);
  for (const [rel, body] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, body);
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

const CALL = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';
const FILES_JS = path.join(__dirname, '..', 'src', 'node', 'files.js');

/** Runs `code` in a fresh node with `files` required as F; returns its JSON result, or 'timeout'. */
function isolated(code: string, timeoutMs = 10_000): unknown {
  const r = spawnSync(process.execPath, ['-e', `const F = require(${JSON.stringify(FILES_JS)}); const out = (() => { ${code} })(); process.stdout.write(JSON.stringify(out));`], {
    timeout: timeoutMs,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return 'timeout';
  if (r.status !== 0) return `exit ${r.status}: ${r.stderr.split('\n').slice(0, 3).join(' ')}`;
  return JSON.parse(r.stdout);
}

// ------------------------------------------------------------------------------------------------
// decodeSource / readSource

test('a NUL byte in the first 8 KB marks a binary file: skipped with a note', () => {
  const buf = Buffer.concat([Buffer.from(CALL), Buffer.from([0, 1, 2, 255, 254]), Buffer.from(CALL)]);
  const r = decodeSource('blob.py', buf);
  assert.equal(r.text, undefined);
  assert.match(r.problem!.message, /binary/);
  assert.equal(r.problem!.file, 'blob.py');
});

test('UTF-16 text (NUL-padded ASCII) is treated as binary, not scanned as garbage', () => {
  const buf = Buffer.from('\ufeff' + CALL, 'utf16le');
  const r = decodeSource('wide.py', buf);
  assert.equal(r.text, undefined);
  assert.ok(r.problem);
});

test('invalid UTF-8 is read with replacement characters and a note', () => {
  const buf = Buffer.concat([Buffer.from(CALL), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff]), Buffer.from('\n' + CALL)]);
  const r = decodeSource('latin.py', buf);
  assert.ok(r.text !== undefined, 'still scanned');
  assert.ok(r.text!.includes('\ufffd'));
  assert.ok(r.text!.includes('chat.completions.create'));
  assert.match(r.problem!.message, /UTF-8/);
});

test('a UTF-8 byte-order mark is not part of the text', () => {
  const r = decodeSource('bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALL)]));
  assert.equal(r.problem, undefined);
  assert.ok(r.text!.startsWith('client'));
});

test('a minified file (long average line) is skipped with a note; a long file of short lines is not', () => {
  const minified = ('var a=1;' + CALL.trim() + ';').repeat(400);
  const r = decodeSource('bundle.min.js', Buffer.from(minified));
  assert.equal(r.text, undefined);
  assert.match(r.problem!.message, /minified/);
  const normal = CALL.repeat(400);
  const ok = decodeSource('long.py', Buffer.from(normal));
  assert.equal(ok.problem, undefined);
  assert.equal(ok.text, normal);
});

test('empty files and files of only newlines are read', () => {
  assert.deepEqual(decodeSource('empty.py', Buffer.alloc(0)), { text: '' });
  assert.deepEqual(decodeSource('nl.py', Buffer.from('\n'.repeat(50_000))), { text: '\n'.repeat(50_000) });
});

test('a file over the size limit is skipped with a note naming the limit, without reading it', () => {
  const dir = tree({ 'big.py': CALL + '#'.repeat(4096) });
  const r = readSource(path.join(dir, 'big.py'), 2048);
  assert.equal(r.text, undefined);
  assert.match(r.problem!.message, /larger than 2 KB/);
  const under = readSource(path.join(dir, 'big.py'), 1024 * 1024);
  assert.ok(under.text?.startsWith('client'));
  assert.equal(DEFAULT_MAX_BYTES, 1024 * 1024);
});

test('a file that vanished between listing and reading is a note', () => {
  const r = readSource(path.join(TMP, 'gone', 'nothing.py'));
  assert.equal(r.text, undefined);
  assert.match(r.problem!.message, /cannot read: ENOENT/);
});

test('a folder named like a source file is a note from readSource, not a throw', () => {
  const dir = tree({ 'pkg.py/inner.py': CALL });
  const r = readSource(path.join(dir, 'pkg.py'));
  assert.equal(r.text, undefined);
  assert.ok(r.problem, 'a problem');
});

test('a FIFO or a device named on the command line is a note, not a hang', { skip: process.platform === 'win32' ? 'no FIFOs on Windows' : false }, () => {
  const dir = tree({});
  const fifo = path.join(dir, 'pipe.py');
  const mk = spawnSync('mkfifo', [fifo]);
  assert.equal(mk.status, 0, 'mkfifo');
  const viaDir = isolated(`const p = []; const f = F.findSourceFiles([${JSON.stringify(dir)}], p); return { files: f.map((x) => x.path), problems: p };`);
  assert.notEqual(viaDir, 'timeout', 'listing a folder with a FIFO');
  assert.deepEqual((viaDir as { files: string[] }).files, [], 'a FIFO in a folder is not read');
  const direct = isolated(`return F.readSource(${JSON.stringify(fifo)});`, 5_000);
  assert.notEqual(direct, 'timeout', 'readSource on a FIFO blocked (it must check isFile before reading)');
  assert.ok((direct as { problem?: Problem }).problem, 'a FIFO is a problem');
  const zero = path.join(dir, 'zero.py');
  fs.symlinkSync('/dev/zero', zero);
  const dev = isolated(`return F.readSource(${JSON.stringify(zero)});`, 5_000);
  assert.notEqual(dev, 'timeout', 'readSource on a link to /dev/zero read forever');
  assert.ok((dev as { problem?: Problem }).problem, 'a device is a problem');
  // A file the walk listed as regular is read with no stat: a FIFO or a device put in its place since must not hang.
  for (const p of [fifo, zero]) {
    const listed = isolated(`const r = F.readBytes(${JSON.stringify(p)}, 4096, new F.ReadBuffer(), true); return { n: r.bytes ? r.bytes.length : -1, problem: r.problem?.message };`, 5_000);
    assert.notEqual(listed, 'timeout', `readBytes of ${path.basename(p)} taken for a regular file blocked`);
    const { n, problem } = listed as { n: number; problem?: string };
    assert.ok(problem ? n === -1 : n >= 0 && n <= 4096, `${path.basename(p)}: ${n} bytes, ${problem}`);
  }
});

// ------------------------------------------------------------------------------------------------
// findSourceFiles

const rel = (root: string, files: { path: string }[]) => files.map((f) => path.relative(root, f.path).split(path.sep).join('/')).sort();

test('dangling links and link loops are notes; folder links are not followed', () => {
  const dir = tree({ 'a.py': CALL, 'sub/b.py': CALL });
  fs.symlinkSync(path.join(dir, 'missing.py'), path.join(dir, 'dangling.py'));
  fs.symlinkSync(path.join(dir, 'loop2.py'), path.join(dir, 'loop1.py'));
  fs.symlinkSync(path.join(dir, 'loop1.py'), path.join(dir, 'loop2.py'));
  fs.symlinkSync(dir, path.join(dir, 'sub', 'up')); // a folder loop
  fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sublink'));
  fs.symlinkSync(path.join(dir, 'a.py'), path.join(dir, 'alias.py'));
  const problems: Problem[] = [];
  const files = findSourceFiles([dir], problems);
  assert.deepEqual(rel(dir, files), ['a.py', 'alias.py', 'sub/b.py']);
  const noted = problems.map((p) => path.basename(p.file)).sort();
  assert.deepEqual(noted, ['dangling.py', 'loop1.py', 'loop2.py']);
  for (const p of problems) assert.match(p.message, /link/);
});

test('a path through a file (ENOTDIR) or a missing path is a usage error naming it', () => {
  const dir = tree({ 'a.py': CALL });
  assert.throws(() => findSourceFiles([path.join(dir, 'missing')], []), /missing: no such file or folder/);
  assert.throws(() => findSourceFiles([path.join(dir, 'a.py', 'x')], []), /a\.py/);
  const dangling = path.join(dir, 'dangling');
  fs.symlinkSync(path.join(dir, 'nowhere'), dangling);
  assert.throws(() => findSourceFiles([dangling], []), /dangling/);
});

test('a file named on the command line is taken whatever its folder; an unknown extension is a note', () => {
  const dir = tree({ 'node_modules/pkg/x.py': CALL, 'notes.txt': 'hello' });
  const problems: Problem[] = [];
  const files = findSourceFiles([path.join(dir, 'node_modules/pkg/x.py'), path.join(dir, 'notes.txt')], problems);
  assert.deepEqual(rel(dir, files), ['node_modules/pkg/x.py']);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /not a language/);
});

test('build output, dependencies and VCS folders are skipped; .gitignore is honoured, with negation', () => {
  const dir = tree({
    'src/app.py': CALL,
    'src/gen/out.py': CALL,
    'src/keep.generated.py': CALL,
    'src/drop.generated.py': CALL,
    'node_modules/lib/index.js': CALL,
    '.git/hooks/x.py': CALL,
    'dist/bundle.js': CALL,
    '.venv/lib/site.py': CALL,
    'docs/ignored.py': CALL,
    '.gitignore': '# comment\n\n/docs/\nsrc/gen/\n*.generated.py\n!keep.generated.py\n',
  });
  const problems: Problem[] = [];
  const files = findSourceFiles([dir], problems);
  assert.deepEqual(rel(dir, files), ['src/app.py', 'src/keep.generated.py']);
  assert.deepEqual(problems, []);
  for (const d of ['node_modules', '.git', 'dist', '.venv']) assert.ok(SKIP_DIRS.has(d), d);
});

test("a crate's src/bin holds sources (Cargo's binaries), read; a bin folder elsewhere is build output, skipped", () => {
  // 0xPlaygrounds rig examples (rig-montreal-lancedb src/bin/app.rs): the agent is built in a binary's source.
  const crate = tree({ 'Cargo.toml': '[package]\nname = "x"\n', 'src/main.rs': CALL, 'src/bin/app.rs': CALL, 'tool/bin/Debug/gen.rs': CALL });
  assert.deepEqual(rel(crate, findSourceFiles([crate], [])), ['src/bin/app.rs', 'src/main.rs']);
  const dotnet = tree({ 'src/Api.csproj': '<Project/>', 'src/Program.cs': CALL, 'src/bin/Debug/Gen.cs': CALL });
  assert.deepEqual(rel(dotnet, findSourceFiles([dotnet], [])), ['src/Program.cs']);
});

test('a package folder named out, build or bin below a JVM source root is read; build output beside src is not', () => {
  // held52 dd3ok/who-am-ai: a hexagonal layout's adapter/out/gemini/GeminiAdapter.kt held the app's one LLM call.
  const dir = tree({
    'src/main/kotlin/com/acme/adapter/out/llm/LlmAdapter.kt': CALL,
    'src/main/java/com/acme/build/Steps.java': CALL,
    'src/test/java/com/acme/bin/Tool.java': CALL,
    'build/generated/Gen.java': CALL,
    'out/production/App.kt': CALL,
    'src/main/java/com/acme/node_modules/x.js': CALL,
  });
  assert.deepEqual(rel(dir, findSourceFiles([dir], [])), [
    'src/main/java/com/acme/build/Steps.java',
    'src/main/kotlin/com/acme/adapter/out/llm/LlmAdapter.kt',
    'src/test/java/com/acme/bin/Tool.java',
  ]);
});

test('a `*`-only .gitignore (venv) hides its folder, except the folder asked for when it holds no pyvenv.cfg', () => {
  const VENV = '# Created by venv; see https://docs.python.org/3/library/venv.html\n*\n';
  // held-out 20: a venv made in the project's root left its .gitignore above the sources.
  const root = tree({ '.gitignore': VENV, 'app/llm.py': CALL, 'lib/python3.12/site-packages/openai/x.py': CALL, 'tools/.gitignore': '*\n', 'tools/gen.py': CALL });
  const problems: Problem[] = [];
  assert.deepEqual(rel(root, findSourceFiles([root], problems)), ['app/llm.py']);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /ignores every file.*scanned anyway/);
  // A real venv asked for (its pyvenv.cfg beside the .gitignore) stays hidden, as a venv below the root does.
  const venv = tree({ '.gitignore': VENV, 'pyvenv.cfg': 'home = /usr/bin\n', 'lib/python3.12/x.py': CALL });
  assert.deepEqual(findSourceFiles([venv], []), []);
  const below = tree({ 'env/.gitignore': VENV, 'env/pyvenv.cfg': 'home = /usr/bin\n', 'env/lib/x.py': CALL, 'main.py': CALL });
  assert.deepEqual(rel(below, findSourceFiles([below], [])), ['main.py']);
});

test('a hostile .gitignore does not backtrack: nested stars against long names, and a very large file', () => {
  const names: Record<string, string> = {};
  for (let i = 0; i < 40; i++) names[`${'a'.repeat(200)}${i}.py`] = CALL;
  const stars = '*a'.repeat(30) + '*b';
  const lines = [stars, '**/' + '*a'.repeat(60) + '*b', `${'*?'.repeat(100)}z`];
  // A megabyte of patterns: real ones are short, so their cost per file must stay small.
  const big = Array.from({ length: 4000 }, (_, i) => `${'*a'.repeat(120)}*b${i}`);
  const dir = tree({ ...names, '.gitignore': [...lines, ...big].join('\n') + '\n' });
  const r = isolated(`const p = []; const f = F.findSourceFiles([${JSON.stringify(dir)}], p); return { n: f.length, problems: p.length };`, 20_000);
  assert.notEqual(r, 'timeout', 'findSourceFiles with a hostile .gitignore did not finish in 20 s');
  assert.deepEqual(r, { n: 40, problems: 0 });
  // The patterns still mean what they say.
  const rules = parseGitignore('*a*a*b\n');
  assert.equal(rules.length, 1);
});

test('file names with newlines, quotes and non-ASCII are listed and read', () => {
  const dir = tree({ 'we"ird\nname.py': CALL, 'ünï cødé.py': CALL, "it's.ts": 'openai.chat.completions.create({ model: "gpt-4o" })\n' });
  const problems: Problem[] = [];
  const files = findSourceFiles([dir], problems);
  assert.equal(files.length, 3);
  for (const f of files) assert.ok(readSource(f.path).text, f.path);
});

test('the same folder named twice, or through a link, is listed once', () => {
  const dir = tree({ 'a.py': CALL });
  const link = path.join(TMP, `link${dirs}`);
  fs.symlinkSync(dir, link);
  const files = findSourceFiles([dir, dir, link], []);
  assert.equal(files.length, 1);
});

test('the detection fixtures are all readable source (no false binary/minified skips)', () => {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'hostile' ? [] : walk(path.join(d, e.name))) : [path.join(d, e.name)]));
  const problems: Problem[] = [];
  const files = findSourceFiles([FIXTURES], problems);
  assert.ok(files.length >= 20);
  for (const f of files) {
    if (f.path.includes(`${path.sep}hostile${path.sep}`)) continue;
    const r = readSource(f.path);
    assert.equal(r.problem, undefined, `${f.path}: ${r.problem?.message}`);
  }
  assert.ok(walk(FIXTURES).length >= files.length);
});

// ------------------------------------------------------------------------------------------------
// screenSource: what decodeSource says of bytes whose text is not wanted, without decoding them

test('screenSource says what decodeSource says: binary, minified, bad UTF-8, BOM, empty, non-ASCII near the limits', () => {
  const line = (n: number, ch = 'x') => ch.repeat(n) + '\n';
  const cases: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['ascii', Buffer.from(CALL.repeat(50))],
    ['binary', Buffer.from([0x61, 0x00, 0x62])],
    ['nul after 8 KB', Buffer.concat([Buffer.from(line(9000)), Buffer.from([0])])],
    ['bad utf-8', Buffer.from([0x61, 0xc3, 0x28, 0x0a])],
    ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALL)])],
    ['minified ascii', Buffer.from(('var a=1;' + CALL.trim() + ';').repeat(400))],
    ['short lines', Buffer.from(CALL.repeat(400))],
    // 20,000 bytes or more but under 20,000 characters (three bytes each): not minified, though the bytes could be.
    ['wide, few chars', Buffer.from('€'.repeat(7000))],
    // Long lines of wide characters: minified by characters as well as by bytes.
    ['wide minified', Buffer.from('€'.repeat(30_000))],
    // Lines of 400 characters, 1,200 bytes: minified by bytes, not by characters.
    ['wide lines', Buffer.from(line(400, '€').repeat(100))],
    ['bad utf-8, minified', Buffer.concat([Buffer.from([0xff]), Buffer.from('x'.repeat(30_000))])],
    ['bad utf-8, wide lines', Buffer.concat([Buffer.from([0xff]), Buffer.from(line(400, '€').repeat(100))])],
  ];
  for (const [name, buf] of cases) {
    const d = decodeSource(name, buf);
    const s = screenSource(name, buf);
    assert.equal(s.read, d.text !== undefined, name);
    assert.deepEqual(s.problem, d.problem, name);
  }
});

test('a ReadBuffer is reused: a smaller file read after a larger one gives its own bytes', () => {
  const dir = tree({ 'big.py': CALL.repeat(3000), 'small.py': 'x = 1\n', 'mid.py': CALL });
  const b = new ReadBuffer();
  assert.equal(readBytes(path.join(dir, 'big.py'), DEFAULT_MAX_BYTES, b).bytes!.toString(), CALL.repeat(3000));
  assert.equal(readBytes(path.join(dir, 'small.py'), DEFAULT_MAX_BYTES, b).bytes!.toString(), 'x = 1\n');
  assert.equal(readBytes(path.join(dir, 'mid.py'), DEFAULT_MAX_BYTES, b).bytes!.toString(), CALL);
  assert.match(readBytes(path.join(dir, 'big.py'), 4096, b).problem!.message, /larger than 4 KB/);
});

test('a file listed as regular is read without a stat: the buffer grows past 64 KB, the limit holds', () => {
  const big = CALL.repeat(3000);
  const dir = tree({ 'big.py': big, 'small.py': 'x = 1\n', 'empty.py': '' });
  const found = findSourceFiles([dir], []);
  assert.deepEqual(found.map((f) => f.regular), [true, true, true], 'the walk lists them as regular files');
  const b = new ReadBuffer();
  assert.equal(readBytes(path.join(dir, 'small.py'), DEFAULT_MAX_BYTES, b, true).bytes!.toString(), 'x = 1\n');
  assert.ok(big.length > 3 * 64 * 1024);
  assert.equal(readBytes(path.join(dir, 'big.py'), DEFAULT_MAX_BYTES, b, true).bytes!.toString(), big);
  assert.equal(readBytes(path.join(dir, 'empty.py'), DEFAULT_MAX_BYTES, b, true).bytes!.length, 0);
  assert.match(readBytes(path.join(dir, 'big.py'), 100 * 1024, new ReadBuffer(), true).problem!.message, /larger than 100 KB/);
  assert.equal(readBytes(path.join(dir, 'big.py'), big.length, new ReadBuffer(), true).bytes!.length, big.length, 'exactly the limit passes');
  assert.match(readBytes(path.join(dir, 'gone.py'), DEFAULT_MAX_BYTES, b, true).problem!.message, /cannot read: ENOENT/);
});

test('nested .gitignore files: anchored rules hold from their own folder, deeper folders included', () => {
  const dir = tree({
    '.gitignore': '/top.py\ngen/\n',
    'top.py': CALL,
    'a/top.py': CALL,
    'a/.gitignore': '/local.py\nb/deep.py\n!keep.py\n*.skip.py\n',
    'a/local.py': CALL,
    'a/b/local.py': CALL,
    'a/b/deep.py': CALL,
    'a/b/c/deep.py': CALL,
    'a/b/x.skip.py': CALL,
    'a/b/gen/y.py': CALL,
    'a/b/keep.py': CALL,
  });
  const problems: Problem[] = [];
  assert.deepEqual(rel(dir, findSourceFiles([dir], problems)), ['a/b/c/deep.py', 'a/b/keep.py', 'a/b/local.py', 'a/top.py']);
  // Named through a path that is not normalised, the same files.
  assert.deepEqual(rel(dir, findSourceFiles([path.join(dir, 'a', '..') + path.sep], problems)), ['a/b/c/deep.py', 'a/b/keep.py', 'a/b/local.py', 'a/top.py']);
  assert.deepEqual(problems, []);
});

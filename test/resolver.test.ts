// src/node/resolver.ts: the disk side of the resolver both fronts use (the CLI alone, the editor behind open documents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskFiles, isSecretsFile, readResolvable, MAX_RESOLVED_BYTES } from '../src/node/resolver';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pc-resolver-'));
}

test('resolver: secrets files are never read, examples of them are', () => {
  for (const p of ['/w/.env', '/w/.env.local', '/w/app/.env.production', '/w/.env.example.local', '/w/.env.dist.bak']) {
    assert.equal(isSecretsFile(p), true, p);
  }
  for (const p of ['/w/.env.example', '/w/.env.sample', '/w/.env.template', '/w/.env.dist', '/w/env.py', '/w/.envrc.md']) {
    assert.equal(isSecretsFile(p), false, p);
  }
  const d = tmp();
  fs.writeFileSync(path.join(d, '.env'), 'OPENAI_API_KEY=sk-secret\n');
  fs.writeFileSync(path.join(d, '.env.example'), 'MODEL=gpt-4.1-mini\n');
  const files = new DiskFiles();
  assert.equal(files.read(path.join(d, '.env')), undefined);
  assert.equal(files.read(path.join(d, '.env.example')), 'MODEL=gpt-4.1-mini\n');
});

test('resolver: binary, too large, missing files and folders read as undefined', () => {
  const d = tmp();
  fs.writeFileSync(path.join(d, 'bin.dat'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
  fs.writeFileSync(path.join(d, 'big.txt'), 'x'.repeat(MAX_RESOLVED_BYTES + 1));
  assert.equal(readResolvable(path.join(d, 'bin.dat')), undefined);
  assert.equal(readResolvable(path.join(d, 'big.txt')), undefined);
  assert.equal(readResolvable(path.join(d, 'none.py')), undefined);
  assert.equal(readResolvable(d), undefined);
});

test('resolver: a source file in a Windows code page is read, its bad bytes replaced, as a scan reads it', () => {
  // DickLundblad/SeleniumDemo WebCrawler/API/JobListingsApi.cs: a Windows-1252 "ä" in a string; the file calls a wrapper
  // of another file, whose prompt it builds.
  const d = tmp();
  const f = path.join(d, 'Api.cs');
  fs.writeFileSync(f, Buffer.concat([Buffer.from('var b = "Godk'), Buffer.from([0xe4]), Buffer.from('nn";\n')]));
  assert.equal(readResolvable(f), 'var b = "Godk\ufffdnn";\n');
});

test('resolver: a file is read once until forgotten; a folder lists files only', () => {
  const d = tmp();
  const f = path.join(d, 'prompts.py');
  fs.writeFileSync(f, 'SYSTEM = "one"\n');
  fs.mkdirSync(path.join(d, 'pkg'));
  const files = new DiskFiles();
  assert.deepEqual(files.list(d), ['prompts.py']);
  assert.equal(files.read(f), 'SYSTEM = "one"\n');
  fs.writeFileSync(f, 'SYSTEM = "two"\n');
  assert.equal(files.read(f), 'SYSTEM = "one"\n', 'cached');
  assert.equal(files.has(f), true);
  assert.equal(files.forget(f, false), true);
  assert.equal(files.read(f), 'SYSTEM = "two"\n');
  // A created file shows in its folder's listing once the creation is reported.
  fs.writeFileSync(path.join(d, 'config.py'), 'MODEL = "gpt-4o"\n');
  assert.deepEqual(files.list(d), ['prompts.py'], 'listing cached');
  files.forget(path.join(d, 'config.py'), true);
  assert.deepEqual(files.list(d)?.sort(), ['config.py', 'prompts.py']);
  assert.equal(files.list(path.join(d, 'nope')), undefined);
  // Folders apart: a module walk lists them (resolve/jvm-modules.ts).
  assert.deepEqual(files.folders(d), ['pkg']);
  fs.mkdirSync(path.join(d, 'more'));
  assert.deepEqual(files.folders(d), ['pkg'], 'folders cached with the listing');
  files.forget(path.join(d, 'more'), true);
  assert.deepEqual(files.folders(d)?.sort(), ['more', 'pkg']);
  assert.equal(files.folders(path.join(d, 'nope')), undefined);
});

test('resolver: a bounded cache drops its oldest entry', () => {
  const d = tmp();
  const names = ['a.py', 'b.py', 'c.py'].map((n) => path.join(d, n));
  for (const n of names) fs.writeFileSync(n, n);
  const files = new DiskFiles(2);
  for (const n of names) files.read(n);
  assert.equal(files.has(names[0]), false);
  assert.equal(files.has(names[1]), true);
  assert.equal(files.has(names[2]), true);
});

test('resolver: a folder missing from a listing read above it is not read; made later, it is once reported', () => {
  const d = tmp();
  fs.writeFileSync(path.join(d, 'chat.rb'), 'x = 1\n');
  const files = new DiskFiles();
  assert.deepEqual(files.list(d), ['chat.rb']);
  // `app/models` above a Ruby file (ruby-llm-records.ts): d's listing says there is no `app`, so no readdir.
  const read = fs.readdirSync;
  const asked: string[] = [];
  fs.readdirSync = ((p: fs.PathLike, o?: unknown) => (asked.push(String(p)), read(p, o as never))) as typeof fs.readdirSync;
  try {
    assert.equal(files.list(path.join(d, 'app', 'models')), undefined);
    assert.deepEqual(asked, []);
  } finally {
    fs.readdirSync = read;
  }
  // Made with a file in it: the creation's report drops the listings above, which lacked the new folders.
  fs.mkdirSync(path.join(d, 'app', 'models'), { recursive: true });
  fs.writeFileSync(path.join(d, 'app', 'models', 'chat.rb'), 'class Chat\nend\n');
  files.forget(path.join(d, 'app', 'models', 'chat.rb'), true);
  assert.deepEqual(files.list(path.join(d, 'app', 'models')), ['chat.rb']);
  // A case-insensitive disk's `App` may be `app`: not taken as missing.
  const e = tmp();
  fs.mkdirSync(path.join(e, 'App'));
  const more = new DiskFiles();
  assert.deepEqual(more.folders(e), ['App']);
  const caseSensitive = !fs.existsSync(path.join(e, 'app'));
  assert.equal(more.list(path.join(e, 'app')), caseSensitive ? undefined : []);
});

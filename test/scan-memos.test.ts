// The whole-tree scan's memos (bench indexVsScan): each answers as the work it spares would.
// go-decls.ts mayDeclareGoIn (a Go file's answers per name while its text is the same), node/resolver.ts
// DiskFiles.listed (the walk's folder listings kept for the index), resolve/files.ts ancestors (no re-normalizing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskFiles } from '../src/node/resolver';
import { findSourceFiles } from '../src/node/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { ancestors, dirname, normalize, type WorkspaceFiles } from '../src/core/resolve/files';
import { mayDeclareGoIn } from '../src/core/scan/go-decls';
import { mayDeclareGo } from '../src/core/scan/imported';
import { findSites } from '../src/core/analyze';
import { memFiles } from './helpers/mem-files';
import { FIXTURES } from './util';

test('scan memos: a Go file answers each name as mayDeclareGo does, again after its text changes', () => {
  const texts = new Map<string, string>([['/w/p/a.go', 'package p\n\nconst Model = "gpt-4o"\n\nfunc run(ctx any) { use(ctx) }\n']]);
  const files: WorkspaceFiles = { read: (p) => texts.get(p), list: () => ['a.go'] };
  const idx = new ValueIndex(files);
  for (const name of ['Model', 'ctx', 'run', 'use', 'Other']) {
    assert.equal(mayDeclareGoIn(idx, '/w/p/a.go', name), mayDeclareGo(texts.get('/w/p/a.go')!, name), name);
    assert.equal(mayDeclareGoIn(idx, '/w/p/a.go', name), mayDeclareGo(texts.get('/w/p/a.go')!, name), `${name}, asked again`);
  }
  assert.equal(mayDeclareGoIn(idx, '/w/p/a.go', 'Other'), false);
  texts.set('/w/p/a.go', 'package p\n\nvar Other = 3\n');
  assert.equal(mayDeclareGoIn(idx, '/w/p/a.go', 'Other'), true);
  assert.equal(mayDeclareGoIn(idx, '/w/p/a.go', 'Model'), false);
  assert.equal(mayDeclareGoIn(idx, '/w/p/missing.go', 'Model'), false);
});

test('scan memos: the walk\'s listings are what the index would list itself', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-scan-memos-'));
  fs.mkdirSync(path.join(d, 'pkg', 'sub'), { recursive: true });
  for (const f of ['b.go', 'a.go', 'pom.xml', 'notes.txt']) fs.writeFileSync(path.join(d, 'pkg', f), 'package pkg\n');
  fs.writeFileSync(path.join(d, 'top.py'), 'x = 1\n');
  const seeded = new DiskFiles();
  findSourceFiles([d], [], (dir, entries) => seeded.listed(dir, entries));
  const fresh = new DiskFiles();
  for (const dir of [d, path.join(d, 'pkg'), path.join(d, 'pkg', 'sub')].map(normalize)) {
    assert.deepEqual(seeded.list(dir), fresh.list(dir), dir);
    assert.deepEqual(seeded.folders(dir), fresh.folders(dir), dir);
  }
  // A folder the walk never read is listed on demand, as before.
  assert.deepEqual(seeded.list(normalize(os.tmpdir())), fresh.list(normalize(os.tmpdir())));
  fs.rmSync(d, { recursive: true, force: true });
});

test('scan memos: ancestors are the folders dirname walks up to', () => {
  const byDirname = (dir: string, most = 12) => {
    const out: string[] = [];
    let d = normalize(dir);
    for (let n = 0; n < most; n++) {
      out.push(d);
      const up = dirname(d);
      if (up === d || d === '.' || d === '') break;
      d = up;
    }
    return out;
  };
  for (const p of ['/w/a/b/c', 'a/b', 'a', '', '.', '/', '../x/y', 'C:\\w\\src\\app', '/w//a/./b/', 'a/../../b', '/é/ü'])
    for (const most of [1, 2, 14]) assert.deepEqual(ancestors(p, most), byDirname(p, most), `${JSON.stringify(p)} ${most}`);
});

// go-fixed-callers.ts / go-http-wrappers.ts keep what a Go module's other files call per index: an edit of one of
// them (the editor's index drops what it read of the file) must be seen, not a memo of the file as it was.
test('scan memos: a Go sender whose callers are removed in another file is its own row again after the edit', () => {
  const dir = path.join(FIXTURES, 'go', 'fixed_url_forwarders');
  const texts: Record<string, string> = {};
  for (const rel of ['go.mod', 'gpt/client.go', 'cmd/ask/main.go']) texts[`/m/${rel}`] = fs.readFileSync(path.join(dir, rel), 'utf8');
  const idx = new ValueIndex(memFiles(texts));
  const rows = () => findSites(texts['/m/gpt/client.go'], 'go', '/m/gpt/client.go', undefined, idx).sites.length;
  const before = rows();
  texts['/m/cmd/ask/main.go'] = 'package main\n\nfunc main() {}\n';
  idx.invalidate('/m/cmd/ask/main.go');
  assert.ok(rows() > before, `rows in the sender's file: ${before} while called elsewhere, then more once no file calls it`);
});

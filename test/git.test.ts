// src/node/git.ts and src/node/revisions.ts: a commit's files from git's object store, the work tree as git lists
// it, and clear errors for a folder outside git, an unknown revision and a shallow clone that lacks the base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { GitError, isShallow, listCommitFiles, listRefs, listWorkTreeFiles, readBlobs, recentCommits, repoRoot, resolveCommit } from '../src/node/git';
import { readRevision, underAny } from '../src/node/revisions';
import { commitAll, git, repo, tmpDir, write } from './helpers/git-repo';

test('repoRoot finds the top folder from a sub-folder, and names a folder outside git', () => {
  const root = repo({ 'src/a.py': 'x = 1\n' });
  assert.equal(fs.realpathSync(repoRoot(path.join(root, 'src'))), fs.realpathSync(root));
  const plain = tmpDir('prompt-cost-nogit-');
  assert.throws(() => repoRoot(plain), (e: Error) => e instanceof GitError && /not a git repository/.test(e.message) && e.message.includes(plain));
});

test('resolveCommit: branches, hashes and HEAD~1 resolve; unknown and option-like revisions are errors', () => {
  const root = repo({ 'a.py': 'x = 1\n' });
  const first = git(root, 'rev-parse', 'HEAD');
  write(root, { 'a.py': 'x = 2\n' });
  const second = commitAll(root, 'two');
  assert.equal(resolveCommit(root, 'main'), second);
  assert.equal(resolveCommit(root, 'HEAD~1'), first);
  assert.equal(resolveCommit(root, first.slice(0, 10)), first);
  assert.throws(() => resolveCommit(root, 'no-such-branch'), /unknown revision "no-such-branch": not a branch, tag or commit/);
  assert.throws(() => resolveCommit(root, '--output=/tmp/x'), /not a revision/);
  assert.throws(() => resolveCommit(root, ''), /not a revision/);
});

test('a shallow clone without the base says so and how to fetch it; with the base fetched it resolves', () => {
  const origin = repo({ 'a.py': 'x = 1\n' });
  const base = git(origin, 'rev-parse', 'HEAD');
  write(origin, { 'a.py': 'x = 2\n' });
  commitAll(origin, 'two');
  const clone = path.join(tmpDir('prompt-cost-shallow-'), 'c');
  git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
  assert.equal(isShallow(clone), true);
  assert.throws(() => resolveCommit(clone, base), (e: Error) => /in a shallow clone: fetch it first/.test(e.message) && e.message.includes(`git fetch --depth=1 origin ${base}`));
  assert.throws(() => resolveCommit(clone, 'HEAD~1'), /shallow clone/);
  git(clone, 'fetch', '-q', '--depth', '1', 'origin', base);
  assert.equal(resolveCommit(clone, base), base);
  const files = listCommitFiles(clone, base);
  assert.equal(readBlobs(clone, files.map((f) => f.oid!)).get(files[0].oid!)?.toString(), 'x = 1\n');
});

test('listCommitFiles lists blobs with sizes (not links or sub-folders); readBlobs reads them in one batch', () => {
  const root = repo({ 'src/app.py': 'print("hi")\n', 'web/x y.ts': 'let a = 1;\n', 'README.md': '# r\n' });
  fs.symlinkSync('src/app.py', path.join(root, 'link.py'));
  const commit = commitAll(root, 'link');
  const files = listCommitFiles(root, commit);
  assert.deepEqual(files.map((f) => f.path).sort(), ['README.md', 'src/app.py', 'web/x y.ts']);
  assert.equal(files.find((f) => f.path === 'src/app.py')!.size, 12);
  const blobs = readBlobs(root, files.map((f) => f.oid!));
  assert.equal(blobs.size, 3);
  assert.equal(blobs.get(files.find((f) => f.path === 'web/x y.ts')!.oid!)!.toString(), 'let a = 1;\n');
  assert.equal(readBlobs(root, ['0'.repeat(40)]).size, 0, 'a missing object is skipped, not a crash');
});

test('listWorkTreeFiles: tracked and untracked files, not ignored ones, not files deleted from disk', () => {
  const root = repo({ '.gitignore': 'secret/\n', 'a.py': '1\n', 'gone.py': '2\n' });
  write(root, { 'new.py': '3\n', 'secret/k.py': '4\n' });
  fs.rmSync(path.join(root, 'gone.py'));
  assert.deepEqual(listWorkTreeFiles(root).map((f) => f.path).sort(), ['.gitignore', 'a.py', 'new.py']);
});

test('readRevision: source files only, under the wanted paths, skipped folders and binary files as a scan does', () => {
  const root = repo({
    'src/app.py': 'x = 1\n',
    'src/notes.txt': 'text\n',
    'node_modules/m/index.js': 'x\n',
    'other/b.ts': 'let b = 1;\n',
    'src/bin.py': 'a\0b',
  });
  const commit = git(root, 'rev-parse', 'HEAD');
  const problems: { file: string; message: string }[] = [];
  const all = readRevision(root, commit, [''], 1 << 20, problems, 'main');
  assert.deepEqual(all.map((f) => f.path).sort(), ['other/b.ts', 'src/app.py']);
  assert.deepEqual(problems, [{ file: 'src/bin.py', message: 'main: binary file: skipped' }]);
  const some = readRevision(root, commit, ['src'], 1 << 20, [], 'main');
  assert.deepEqual(some.map((f) => f.path), ['src/app.py']);
  write(root, { 'src/app.py': 'x = 2\n' });
  assert.equal(readRevision(root, null, ['src/app.py'], 1 << 20, [], 'wt')[0].text, 'x = 2\n', 'the work tree is read from disk');
  const big: { file: string; message: string }[] = [];
  readRevision(root, commit, [''], 4, big, 'main');
  assert.ok(big.some((p) => p.file === 'other/b.ts' && /larger than/.test(p.message)));
});

test('underAny matches whole path segments', () => {
  assert.equal(underAny('src/a.py', ['src']), true);
  assert.equal(underAny('srcx/a.py', ['src']), false);
  assert.equal(underAny('src/a.py', ['src/a.py']), true);
  assert.equal(underAny('x.py', ['']), true);
});

test('listRefs: branches, remote branches and tags, newest first; recentCommits: the log of HEAD', () => {
  const root = repo({ 'a.py': '1\n' });
  git(root, 'tag', 'v1.0');
  git(root, 'checkout', '-q', '-b', 'feature');
  write(root, { 'a.py': '2\n' });
  commitAll(root, 'second: with, a comma');
  const refs = listRefs(root);
  assert.deepEqual(refs.map((r) => `${r.kind}:${r.name}`).sort(), ['branch:feature', 'branch:main', 'tag:v1.0']);
  assert.equal(refs[0].name, 'feature');
  assert.equal(refs[0].subject, 'second: with, a comma');
  const log = recentCommits(root);
  assert.deepEqual(log.map((c) => c.subject), ['second: with, a comma', 'base']);
  assert.match(log[0].commit, /^[0-9a-f]{7,}$/);
  const empty = tmpDir('prompt-cost-empty-');
  git(empty, 'init', '-q');
  assert.deepEqual(recentCommits(empty), []);
  assert.deepEqual(listRefs(empty), []);
});

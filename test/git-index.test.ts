// Files git tracks are read even where a .gitignore rule hides them (git ignores only untracked files):
// NirDiamant/RAG_Techniques ignores `*`, re-includes some folders, and commits scripts in one it does not re-include.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSourceFiles } from '../src/node/files';
import { parseGitIndex } from '../src/node/git-index';
import { git, repo, tmpDir, write } from './helpers/git-repo';

const CALL = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';
const rel = (root: string, files: { path: string }[]) => files.map((f) => path.relative(root, f.path).split(path.sep).join('/')).sort();

/** RAG_Techniques' form: `*` then re-included names; scripts/b.py committed with `git add -f`, scripts/c.py not. */
function ragRepo(): string {
  const root = repo({ '.gitignore': '# Ignore everything by default\n*\n!*.md\n!kept\n!kept/*.py\n!.gitignore\n', 'kept/a.py': CALL, 'README.md': '# x\n' });
  write(root, { 'scripts/b.py': CALL, 'gen/t.py': CALL, 'gen/deep/v.py': CALL });
  git(root, 'add', '-f', 'scripts/b.py', 'gen/t.py', 'gen/deep/v.py');
  git(root, 'commit', '-q', '-m', 'forced');
  write(root, { 'scripts/c.py': CALL, 'gen/u.py': CALL, 'gen/deep/w.py': CALL, 'other/d.py': CALL });
  return root;
}

test('a tracked file under a folder a .gitignore hides is read; untracked files beside it stay hidden', () => {
  const root = ragRepo();
  // What git itself lists: tracked files, plus untracked ones no rule hides.
  const listed = git(root, 'ls-files', '--cached', '--others', '--exclude-standard').split('\n').filter((f) => f.endsWith('.py')).sort();
  assert.deepEqual(listed, ['gen/deep/v.py', 'gen/t.py', 'kept/a.py', 'scripts/b.py']);
  const problems: never[] = [];
  assert.deepEqual(rel(root, findSourceFiles([root], problems)), listed);
});

test('index version 4 (prefix-compressed names) and a linked work tree (.git file) read the same', () => {
  const root = ragRepo();
  git(root, 'update-index', '--index-version', '4');
  assert.deepEqual(rel(root, findSourceFiles([root], [])), ['gen/deep/v.py', 'gen/t.py', 'kept/a.py', 'scripts/b.py']);
  const names = parseGitIndex(fs.readFileSync(path.join(root, '.git', 'index')));
  assert.deepEqual(names?.filter((n) => n.endsWith('.py')).sort(), ['gen/deep/v.py', 'gen/t.py', 'kept/a.py', 'scripts/b.py']);
  const linked = path.join(tmpDir('prompt-cost-wt-'), 'wt');
  git(root, 'worktree', 'add', '-q', linked);
  assert.ok(fs.statSync(path.join(linked, '.git')).isFile());
  write(linked, { 'scripts/e.py': CALL });
  assert.deepEqual(rel(linked, findSourceFiles([linked], [])), ['gen/deep/v.py', 'gen/t.py', 'kept/a.py', 'scripts/b.py']);
});

test('no work tree, or an index that is not one: .gitignore alone decides, nothing throws', () => {
  const plain = tmpDir('prompt-cost-nogit-');
  write(plain, { '.gitignore': '*\n!kept\n!kept/*.py\n', 'kept/a.py': CALL, 'scripts/b.py': CALL });
  // Not the folder asked for's own `*`-only file (that one is the venv leftover rule), so it hides.
  assert.deepEqual(rel(plain, findSourceFiles([plain], [])), ['kept/a.py']);
  write(plain, { '.git/index': 'DIRC\0\0\0\x02\0\0\0\x05truncated' });
  assert.deepEqual(rel(plain, findSourceFiles([plain], [])), ['kept/a.py']);
  assert.equal(parseGitIndex(Buffer.from('DIRC\0\0\0\x02\0\0\0\x05truncated')), undefined);
  assert.equal(parseGitIndex(Buffer.from('PACK')), undefined);
  const v4 = Buffer.concat([Buffer.from('DIRC\0\0\0\x04\0\0\0\x01'), Buffer.alloc(60), Buffer.from([0xff, 0xff, 0xff])]);
  assert.equal(parseGitIndex(v4), undefined);
});

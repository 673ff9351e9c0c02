// src/node/revision-files.ts and its use in src/node/git-diff.ts: each side of `prompt-cost diff` resolves imported
// prompts, models and limits in its own revision's files, and a file is analysed once only when it and everything
// it read through the index are the same on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cli } from './helpers/cli';
import { CommitFiles, RecordingFiles, workTreeFiles } from '../src/node/revision-files';
import { commitAll, git, repo, write } from './helpers/git-repo';

const APP = `from openai import OpenAI

from .config import MODEL, LIMIT
from .prompts import SYSTEM

client = OpenAI()

def answer(question):
    return client.chat.completions.create(
        model=MODEL,
        max_tokens=LIMIT,
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
    )
`;
const CONFIG = (model: string, limit: number) => `MODEL = "${model}"\nLIMIT = ${limit}\n`;
const PROMPTS = (s: string) => `SYSTEM = """${s}"""\n`;
const LONG = 'You are a careful support agent. Answer from the policy below and cite its section. '.repeat(20);

function project(): string {
  return repo({ 'app/__init__.py': '', 'app/main.py': APP, 'app/config.py': CONFIG('gpt-4o-mini', 400), 'app/prompts.py': PROMPTS('Be brief.') });
}

interface Side { model: string | null; inputTokens: number; maxOutputTokens: number | null }
interface Change { status: string; file: string; changed: string[]; base?: Side; head?: Side }

test('diff: a model changed in the imported config module changes the call that imports it (work tree)', () => {
  const root = project();
  write(root, { 'app/config.py': CONFIG('gpt-4o', 400) });
  const r = cli(['diff', 'main', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const calls = (JSON.parse(r.out).calls as Change[]).filter((c) => c.file === 'app/main.py');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].status, 'changed');
  assert.deepEqual([calls[0].base?.model, calls[0].head?.model], ['gpt-4o-mini', 'gpt-4o']);
  assert.deepEqual([calls[0].base?.maxOutputTokens, calls[0].head?.maxOutputTokens], [400, 400]);
});

test('diff: committed revisions read imports from their own commit (a longer imported prompt, a lower limit)', () => {
  const root = project();
  write(root, { 'app/prompts.py': PROMPTS(LONG), 'app/config.py': CONFIG('gpt-4o-mini', 200) });
  commitAll(root, 'longer prompt, lower limit');
  // The work tree moves on again: HEAD~1..HEAD must not see it.
  write(root, { 'app/config.py': CONFIG('gpt-4o', 999) });
  const r = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const c = (JSON.parse(r.out).calls as Change[]).find((x) => x.file === 'app/main.py')!;
  assert.equal(c.status, 'changed');
  assert.deepEqual([c.base?.model, c.head?.model], ['gpt-4o-mini', 'gpt-4o-mini']);
  assert.deepEqual([c.base?.maxOutputTokens, c.head?.maxOutputTokens], [400, 200]);
  assert.ok(c.head!.inputTokens > c.base!.inputTokens + 200, `${c.base!.inputTokens} → ${c.head!.inputTokens}`);
  // The same figures as a scan of each revision's files.
  const scan = JSON.parse(cli(['scan', 'app', '--format', 'json'], root).out).calls.find((x: { file: string }) => x.file === 'app/main.py');
  assert.equal(scan.model, 'gpt-4o');
  assert.equal(scan.inputTokens, c.head!.inputTokens);
});

test('diff: nothing changed anywhere, the call is unchanged', () => {
  const root = project();
  const r = cli(['diff', 'main', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const c = (JSON.parse(r.out).calls as Change[]).find((x) => x.file === 'app/main.py')!;
  assert.equal(c.status, 'unchanged');
  assert.equal(c.head?.model, 'gpt-4o-mini');
});

test('CommitFiles: a commit\'s files and folders under the work tree\'s paths, never .env', () => {
  const root = repo({ 'a/x.py': 'X = 1\n', 'a/b/y.md': 'hello\n', '.env': 'KEY=secret\n' });
  const commit = git(root, 'rev-parse', 'HEAD');
  write(root, { 'a/x.py': 'X = 2\n', 'a/new.py': '' });
  const files = new CommitFiles(root, commit);
  const abs = (p: string) => path.join(root, p).split(path.sep).join('/');
  assert.equal(files.read(abs('a/x.py')), 'X = 1\n');
  assert.equal(files.read(abs('a/b/y.md')), 'hello\n');
  assert.equal(files.read(abs('.env')), undefined);
  assert.equal(files.read(abs('a/new.py')), undefined);
  assert.deepEqual(files.list(abs('a')), ['x.py']);
  assert.equal(files.list(abs('nope')), undefined);
  assert.deepEqual(files.folders(abs('a')), ['b']);
  assert.deepEqual(files.folders(abs('a/b')), []);
  assert.deepEqual(files.folders(root.split(path.sep).join('/')), ['a']);
  assert.equal(files.folders(abs('nope')), undefined);
});

test('RecordingFiles: what was read, and whether the same reads give the same answers elsewhere', () => {
  const root = repo({ 'p.py': 'A = 1\n' });
  const base = new CommitFiles(root, git(root, 'rev-parse', 'HEAD'));
  const rec = new RecordingFiles(base);
  const p = path.join(root, 'p.py');
  rec.read(p); // not recorded: no analysis running
  rec.reads = { texts: new Map(), lists: new Map() };
  rec.read(p);
  rec.list(root);
  const reads = rec.reads;
  rec.reads = undefined;
  assert.deepEqual([...reads.texts.keys()], [p]);
  assert.deepEqual([...reads.lists.keys()], [root]);
  assert.equal(new RecordingFiles(workTreeFiles()).same(reads), true);
  write(root, { 'p.py': 'A = 2\n' });
  assert.equal(new RecordingFiles(workTreeFiles()).same(reads), false, 'text changed');
  assert.equal(new RecordingFiles(workTreeFiles((f) => (f === p ? 'A = 1\n' : undefined))).same(reads), true, 'unsaved buffer first');
  write(root, { 'p.py': 'A = 1\n', 'q.py': '' });
  assert.equal(new RecordingFiles(workTreeFiles()).same(reads), false, 'a file added to the folder');
});

test('RecordingFiles: a folder\'s subfolders as listed count too (a module walk)', () => {
  const root = repo({ 'src/a.java': '' });
  const rec = new RecordingFiles(workTreeFiles());
  rec.reads = { texts: new Map(), lists: new Map() };
  assert.ok(rec.folders(root)?.includes('src'));
  assert.deepEqual([...(rec.reads.folders?.keys() ?? [])], [root]);
  const reads = rec.reads;
  rec.reads = undefined;
  assert.equal(new RecordingFiles(workTreeFiles()).same(reads), true);
  write(root, { 'lib/b.java': '' });
  assert.equal(new RecordingFiles(workTreeFiles()).same(reads), false, 'a folder added');
});

// Reading a revision's source files through git, without touching the user's work tree: `git ls-tree` lists a
// commit's files, one `git cat-file --batch` process streams their blobs. The work tree's file list comes from
// `git ls-files` (tracked and untracked-but-not-ignored), its texts from disk. The only process this module starts
// is `git`, with fixed arguments and no shell; a revision name is checked before use (no option injection).
import fs from 'node:fs';
import path from 'node:path';

export class GitError extends Error {}

export interface GitFile {
  /** Path relative to the repository root, with `/`. */
  path: string;
  /** Blob id; absent for a work-tree file. */
  oid?: string;
  size: number;
}

const MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string | Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  // No transport but the local one: in a partial clone, cat-file would otherwise fetch missing blobs from the
  // remote (nothing is fetched unless the user asks). GIT_NO_LAZY_FETCH says the same to git 2.44 and later.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: 'file', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' };
  // node:child_process is required here, on the first git run: at the top it cost every CLI start and activation
  // 6-13 ms (measured), most of which never runs git.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, windowsHide: true, env });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git is not installed or not on PATH' : `git ${args[0]} failed: ${r.error.message}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** The top folder of the repository holding `cwd`; a GitError when there is none. */
export function repoRoot(cwd: string): string {
  if (!fs.existsSync(cwd)) throw new GitError(`no such folder: ${cwd}`);
  const r = git(cwd, ['rev-parse', '--show-toplevel']);
  if (r.status !== 0) throw new GitError(`not a git repository: ${cwd} (diff reads both revisions with git)`);
  return r.stdout.toString('utf8').trim();
}

export function isShallow(root: string): boolean {
  const r = git(root, ['rev-parse', '--is-shallow-repository']);
  return r.status === 0 && r.stdout.toString('utf8').trim() === 'true';
}

/**
 * The commit a revision names (`main`, `origin/main`, `HEAD~2`, a hash). An unknown revision is a GitError that
 * says so, and in a shallow clone says how to fetch it.
 */
export function resolveCommit(root: string, rev: string): string {
  if (!rev || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new GitError(`not a revision: "${rev}"`);
  const r = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const oid = r.stdout.toString('utf8').trim();
  if (r.status === 0 && /^[0-9a-f]{40,64}$/.test(oid)) return oid;
  if (isShallow(root)) {
    throw new GitError(
      `unknown revision "${rev}" in a shallow clone: fetch it first (\`git fetch --depth=1 origin ${/[~^:]/.test(rev) ? 'BRANCH-OR-COMMIT' : rev.replace(/^origin\//, '')}\`, or in GitHub Actions check out with fetch-depth: 0)`,
    );
  }
  throw new GitError(`unknown revision "${rev}": not a branch, tag or commit of this repository`);
}

/** Every file of a commit (blobs only: no submodules, no links), paths from the repository root. */
export function listCommitFiles(root: string, commit: string): GitFile[] {
  const r = git(root, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit]);
  if (r.status !== 0) throw new GitError(`cannot list the files of ${commit.slice(0, 12)}: ${r.stderr.trim() || `git exit ${r.status}`}`);
  const out: GitFile[] = [];
  // `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL`
  for (const rec of r.stdout.toString('utf8').split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = rec.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue;
    out.push({ path: rec.slice(tab + 1), oid, size: Number(size) });
  }
  return out;
}

/** The work tree's files as git sees them: tracked (still on disk) and untracked ones that are not ignored. */
export function listWorkTreeFiles(root: string): GitFile[] {
  const r = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name']);
  if (r.status !== 0) throw new GitError(`cannot list the work tree: ${r.stderr.trim() || `git exit ${r.status}`}`);
  const seen = new Set<string>();
  const out: GitFile[] = [];
  for (const p of r.stdout.toString('utf8').split('\0')) {
    if (!p || seen.has(p)) continue;
    seen.add(p);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path.join(root, p));
    } catch {
      continue; // deleted in the work tree
    }
    if (st.isFile()) out.push({ path: p, size: st.size });
  }
  return out;
}

/**
 * Blob contents by id, through one `git cat-file --batch`. Its output per object is
 * `<oid> SP <type> SP <size> LF <contents> LF`, or `<oid> SP missing LF` (a shallow clone can lack objects).
 */
export function readBlobs(root: string, oids: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const wanted = [...new Set(oids)];
  if (!wanted.length) return out;
  const r = git(root, ['cat-file', '--batch'], wanted.join('\n') + '\n');
  if (r.status !== 0) throw new GitError(`cannot read files from git: ${r.stderr.trim() || `git exit ${r.status}`}`);
  const buf = r.stdout;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const head = buf.subarray(at, nl).toString('utf8').split(' ');
    at = nl + 1;
    if (head[1] === 'missing' || head.length < 3) continue;
    const size = Number(head[2]);
    out.set(head[0], buf.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

export interface GitRef {
  /** `main`, `origin/main`, `v1.2.0`. */
  name: string;
  kind: 'branch' | 'remote' | 'tag';
  commit: string;
  /** `3 days ago`. */
  when: string;
  subject: string;
}

/** Branches, remote branches and tags, the most recently committed first (`git for-each-ref`). */
export function listRefs(root: string, limit = 200): GitRef[] {
  const r = git(root, ['for-each-ref', '--sort=-committerdate', `--count=${limit}`, '--format=%(refname)%00%(objectname:short)%00%(committerdate:relative)%00%(subject)', 'refs/heads', 'refs/remotes', 'refs/tags']);
  if (r.status !== 0) throw new GitError(`cannot list branches: ${r.stderr.trim() || `git exit ${r.status}`}`);
  const out: GitRef[] = [];
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const [ref, commit, when, subject] = line.split('\0');
    if (!ref || !commit || ref.endsWith('/HEAD')) continue;
    const m = /^refs\/(heads|remotes|tags)\/(.+)$/.exec(ref);
    if (m) out.push({ name: m[2], kind: m[1] === 'heads' ? 'branch' : m[1] === 'remotes' ? 'remote' : 'tag', commit, when: when ?? '', subject: subject ?? '' });
  }
  return out;
}

/** The last commits of HEAD (`git log`), newest first. */
export function recentCommits(root: string, limit = 30): { commit: string; when: string; subject: string }[] {
  const r = git(root, ['log', `--max-count=${limit}`, '--format=%h%x00%cr%x00%s', 'HEAD']);
  if (r.status !== 0) return []; // a repository without commits yet
  return r.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, when, subject] = line.split('\0');
      return { commit, when: when ?? '', subject: subject ?? '' };
    });
}

/** The checked-out branch, or undefined on a detached HEAD. */
export function currentBranch(root: string): string | undefined {
  const r = git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return r.status === 0 ? r.stdout.toString('utf8').trim() || undefined : undefined;
}

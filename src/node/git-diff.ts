// The cost diff of two revisions of a git repository, for both fronts: `prompt-cost diff` and VS Code's "Compare
// with Branch…". Reads each side through git (src/node/revisions.ts), resolves imports in that side's own files
// (src/node/revision-files.ts), analyses each distinct file text once, and hands the sides to the pure diff
// (src/core/report/diff.ts).
import path from 'node:path';
import { analyze, type AnalysisResult } from '../core/analyze';
import { analyzeNotebook } from '../core/notebook/analyze-notebook';
import { diffRevisions, type CostDiff, type DiffSide } from '../core/report/diff';
import type { AnalyzeOptions, PriceTable, Problem } from '../core/types';
import { UsageError } from './files';
import { repoRoot, resolveCommit } from './git';
import { readRevision } from './revisions';
import { CommitFiles, RecordingFiles, workTreeFiles, type Reads } from './revision-files';
import { ValueIndex } from '../core/resolve/value-index';

export interface GitDiffRequest {
  /** Where it runs: paths in and out are relative to it. */
  cwd: string;
  base: string;
  /** Undefined: the work tree. */
  head?: string;
  /** Relative to cwd; empty: all of cwd. */
  paths: string[];
  table: PriceTable;
  options: Partial<AnalyzeOptions>;
  maxBytes: number;
  /** The text of a work-tree file that differs from the disk (an editor's unsaved buffer), by absolute path. */
  overlay?: (absPath: string) => string | undefined;
}

/** Throws GitError (no repository, unknown revision, shallow clone) or UsageError (a path outside the repository). */
export function gitDiff(q: GitDiffRequest): CostDiff {
  const root = repoRoot(q.cwd);
  const baseCommit = resolveCommit(root, q.base);
  const headCommit = q.head === undefined ? null : resolveCommit(root, q.head);
  // Paths given are relative to where it runs; git's are relative to the repository root.
  const toRepo = (p: string) => path.relative(root, path.resolve(q.cwd, p)).split(path.sep).join('/');
  const prefixes = (q.paths.length ? q.paths : ['.']).map(toRepo);
  if (prefixes.some((p) => p.startsWith('..'))) throw new UsageError(`a path is outside the repository ${root}`);
  const shown = (repoPath: string) => path.relative(q.cwd, path.join(root, repoPath)).split(path.sep).join('/') || repoPath;
  const problems: Problem[] = [];
  // One analysis per distinct (file, text) whose reads through the index (imported modules, prompt files) are the
  // same on both sides: a file the change leaves alone, with all it imports, is analysed once for both sides.
  const memo = new Map<string, { result: AnalysisResult; reads: Reads }[]>();
  const side = (rev: string, commit: string | null): DiffSide => {
    // Each side resolves imports in its own revision's files.
    const files = new RecordingFiles(commit === null ? workTreeFiles(q.overlay) : new CommitFiles(root, commit));
    const index = new ValueIndex(files);
    return {
      rev,
      commit,
      files: readRevision(root, commit, prefixes, q.maxBytes, problems, rev).map((f) => {
        const file = shown(f.path);
        const abs = path.join(root, f.path);
        const text = (commit === null && q.overlay?.(abs)) || f.text;
        const k = `${file}\0${text}`;
        let result = memo.get(k)?.find((m) => files.same(m.reads))?.result;
        if (!result) {
          const reads: Reads = { texts: new Map(), lists: new Map() };
          files.reads = reads;
          try {
            // Analysed under its path in the work tree, so its imports resolve from its folder; shown as `file`.
            result = f.notebook ? analyzeNotebook(text, file, q.table, q.options, undefined, q.maxBytes, { index, path: abs }) : analyze(text, f.languageId, abs, q.table, q.options, undefined, undefined, index);
            for (const p of result.problems) if (p.file === abs) p.file = file;
          } catch (e) {
            // A scanner bug must cost one file, not the diff.
            result = { calls: [], problems: [{ file, message: `${rev}: internal error, file skipped: ${(e as Error).message}` }], approximate: false };
          } finally {
            files.reads = undefined;
          }
          memo.set(k, [...(memo.get(k) ?? []), { result, reads }]);
        }
        // A notebook's call spans are offsets in its joined cells: no file text for the diff's word matching.
        return { file, text: f.notebook ? '' : text, result };
      }),
    };
  };
  const base = side(q.base, baseCommit) as DiffSide & { commit: string };
  const head = side(q.head ?? 'working tree', headCommit);
  for (const p of problems) p.file = shown(p.file);
  return diffRevisions(base, head, q.table, problems);
}

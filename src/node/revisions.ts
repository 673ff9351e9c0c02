// The source files of one revision, for `prompt-cost diff`: a commit's files read from git's object store, or the
// work tree's files as git lists them, each with its language, limited to the paths asked for.
import path from 'node:path';
import { languageIdForFile } from '../core/lex/languages';
import type { Problem } from '../core/types';
import { NOTEBOOK_MAX_BYTES } from '../core/notebook/analyze-notebook';
import { decodeSource, readBytes, readSource } from './files';
import { skipsPath } from './skip-dirs';
import { listCommitFiles, listWorkTreeFiles, readBlobs } from './git';

export interface RevisionFile {
  /** Path relative to the repository root, with `/`. */
  path: string;
  languageId: string;
  text: string;
  /** A Jupyter notebook: `text` is its JSON. */
  notebook?: boolean;
}

/** Does a repository path fall under one of the wanted prefixes (repository-relative, `/`-separated; `''` is all)? */
export function underAny(p: string, prefixes: string[]): boolean {
  return prefixes.some((x) => x === '' || p === x || p.startsWith(x.endsWith('/') ? x : x + '/'));
}

/**
 * Reads the source files of `commit` (or of the work tree when `commit` is null) under `prefixes`. Files larger
 * than `maxBytes`, binary or minified become problems, as in a scan.
 */
export function readRevision(root: string, commit: string | null, prefixes: string[], maxBytes: number, problems: Problem[], label: string): RevisionFile[] {
  const out: RevisionFile[] = [];
  const all = commit ? listCommitFiles(root, commit) : listWorkTreeFiles(root);
  const paths = new Set(all.map((f) => f.path));
  const listed = all.filter((f) => underAny(f.path, prefixes) && !skipsPath(f.path, (p) => paths.has(p)));
  const wanted = listed.flatMap((f) => {
    const notebook = !languageIdForFile(f.path) && f.path.toLowerCase().endsWith('.ipynb');
    const languageId = languageIdForFile(f.path) ?? (notebook ? 'jupyter' : undefined);
    if (!languageId) return [];
    // A notebook's outputs (plots) make the file large: its own limit, as a scan has; the code limit applies later.
    if (f.size > (notebook ? Math.max(NOTEBOOK_MAX_BYTES, maxBytes) : maxBytes)) {
      problems.push({ file: f.path, message: `${label}: larger than ${Math.round(maxBytes / 1024)} KB: skipped` });
      return [];
    }
    return [{ ...f, languageId, notebook }];
  });
  const blobs = commit ? readBlobs(root, wanted.map((f) => f.oid!)) : undefined;
  for (const f of wanted) {
    let r: { text?: string; problem?: Problem };
    if (blobs) {
      const buf = blobs.get(f.oid!);
      r = !buf
        ? { problem: { file: f.path, message: 'missing from the object store (a partial or shallow clone?)' } }
        : f.notebook
          ? { text: buf.toString('utf8') }
          : decodeSource(f.path, buf);
    } else if (f.notebook) {
      // As a scan reads a notebook: bytes, no minified check (outputs hold long base64 lines).
      const b = readBytes(path.join(root, f.path), Math.max(NOTEBOOK_MAX_BYTES, maxBytes));
      r = b.bytes ? { text: b.bytes.toString('utf8') } : { problem: b.problem };
    } else r = readSource(path.join(root, f.path), maxBytes);
    if (r.problem) problems.push({ ...r.problem, file: f.path, message: `${label}: ${r.problem.message}` });
    if (r.text !== undefined) out.push({ path: f.path, languageId: f.languageId, text: r.text, ...(f.notebook ? { notebook: true } : {}) });
  }
  return out;
}

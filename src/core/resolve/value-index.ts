// The workspace value index: each file the evaluator reaches is lexed once and kept (tokens, brackets, constants)
// until its text changes. Built on demand from what a call imports, never by walking the workspace.
import { lex, type Token } from '../lex/lexer';
import { languageIdForFile, syntaxFor, type LangSyntax } from '../lex/languages';
import { scriptView } from '../lex/components';
import { matchBrackets } from '../lex/brackets';
import { collectConstants, type Constants } from '../scan/user-constants';
import type { WorkspaceFiles } from './files';
import { dirname, normalize } from './files';
import { resolveModule } from './modules';
import { readNotebook } from '../notebook/ipynb';
import { joinCells, segmentAt, type JoinedCells } from '../notebook/cells';

/** One file as the evaluator reads it: the same shape for the analysed file and for the files it imports. */
export interface FileScope {
  /** Workspace path (`/` separators). */
  file: string;
  text: string;
  toks: Token[];
  match: Int32Array;
  syn: LangSyntax;
  consts: Constants;
  index?: ValueIndex;
}

/** Files kept at most; the oldest read is dropped first (a workspace's prompt and config modules are few). */
const MAX_SCOPES = 2000;
/** Folders whose facts are kept at most (JVM modules of a workspace). */
const MAX_MEMO_DIRS = 200;
/** Module paths kept at most. */
const MAX_MODULES = 20000;
/** A file larger than this is not a module whose values we follow (1 MiB). */
const MAX_FILE = 1 << 20;
/** A notebook file read for its Python cells at most (outputs make the file large: notebook/analyze-notebook.ts). */
const MAX_NOTEBOOK = 20 << 20;
const NOTEBOOK = /\.ipynb$/i;

export class ValueIndex {
  private readonly scopes = new Map<string, FileScope>();

  /** Facts about a folder's files (a JVM module's AI services), by folder and question; dropped when a file under it changes. */
  private readonly memos = new Map<string, Map<string, unknown>>();

  /**
   * Imported modules' paths by language, importing folder (file, for Rust) and spec. Finding one lists the folders
   * above the file (a Python absolute import tries each, and its src/); a file imports a module many times over
   * (every name it follows from it). Dropped on any change: a file made or removed above may change an answer.
   */
  private readonly modules = new Map<string, string | undefined>();

  /** The folders the workspace is (a scan's folders, the editor's workspace folders): a loose folder of files, with no
   * package.json or project file above them, is one package for the import chain of batch advice (scan/js-callers.ts). */
  roots: string[] = [];

  /** A notebook's Python cells joined, by file, with the raw JSON they were read from: a notebook's scope is that text
   * (a wrapper's callers in cells, scan/js-callers.ts importers), and its offsets map back to cells (cellOf). */
  private readonly notebooks = new Map<string, { raw: string; joined: JoinedCells }>();

  constructor(readonly files: WorkspaceFiles) {}

  /** The Python cells of the notebook `file` (raw JSON `raw`) as one text. */
  private notebookCells(file: string, raw: string): JoinedCells | undefined {
    const old = this.notebooks.get(file);
    if (old && old.raw === raw) return old.joined;
    if (raw.length > MAX_NOTEBOOK) return undefined;
    const group = readNotebook(raw, file).groups.find((g) => g.languageId === 'python');
    const joined = group ? joinCells(group.cells, 'python') : undefined;
    if (!joined) return undefined;
    if (this.notebooks.size >= MAX_SCOPES) this.notebooks.delete(this.notebooks.keys().next().value as string);
    this.notebooks.set(file, { raw, joined });
    return joined;
  }

  /** An offset of a notebook scope's text → its cell and 1-based line in that cell; undefined for other files. */
  cellOf(path: string, offset: number): { cell: number; line: number } | undefined {
    const nb = this.notebooks.get(normalize(path));
    const seg = nb && segmentAt(nb.joined, offset);
    if (!seg) return undefined;
    const before = nb.joined.text.slice(seg.start, offset);
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    return { cell: seg.cell, line };
  }

  /** What `make` answers about the files under `dir`, worked out once until one of them changes. */
  memo<T>(dir: string, key: string, make: () => T): T {
    let m = this.memos.get(dir);
    if (m?.has(key)) return m.get(key) as T;
    if (!m) {
      if (this.memos.size >= MAX_MEMO_DIRS) this.memos.delete(this.memos.keys().next().value as string);
      this.memos.set(dir, (m = new Map()));
    }
    const v = make();
    m.set(key, v);
    return v;
  }

  /** The file the module `spec` imported from `fromFile` is (resolve/modules.ts), worked out once until a file changes. */
  module(fromFile: string, spec: string, lang: string): string | undefined {
    const key = `${lang}\u0000${lang === 'rust' ? fromFile : dirname(fromFile)}\u0000${spec}`;
    if (this.modules.has(key)) return this.modules.get(key);
    if (this.modules.size >= MAX_MODULES) this.modules.delete(this.modules.keys().next().value as string);
    const path = resolveModule(this.files, fromFile, spec, lang);
    this.modules.set(key, path);
    return path;
  }

  /** The scope of a workspace file, or undefined when it cannot be read or is not source code. */
  scope(path: string): FileScope | undefined {
    const file = normalize(path);
    const raw = this.files.read(file);
    // A notebook's scope is its Python cells joined, as the notebook is analysed (notebook/analyze-notebook.ts).
    const cells = raw !== undefined && NOTEBOOK.test(file) ? this.notebookCells(file, raw) : undefined;
    const lang = cells ? 'python' : languageIdForFile(file);
    // A component's scope is its script, in place (lex/components.ts).
    const text = cells ? cells.text : raw !== undefined && lang ? scriptView(raw, lang) : raw;
    const old = this.scopes.get(file);
    if (old && old.text === text) return old;
    if (old) this.scopes.delete(file);
    if (text === undefined || text.length > MAX_FILE) return undefined;
    if (!lang) return undefined;
    const syn = syntaxFor(lang);
    const toks = lex(text, syn);
    const match = matchBrackets(toks);
    const s: FileScope = { file, text, toks, match, syn, consts: collectConstants(toks, syn, match, text), index: this };
    if (this.scopes.size >= MAX_SCOPES) this.scopes.delete(this.scopes.keys().next().value as string);
    this.scopes.set(file, s);
    return s;
  }

  /** A file's raw text (a prompt or template read at run time). */
  text(path: string): string | undefined {
    const t = this.files.read(normalize(path));
    return t !== undefined && t.length <= MAX_FILE ? t : undefined;
  }

  /** Forget one file (a watcher saw it change) or all. */
  invalidate(path?: string): void {
    this.modules.clear();
    if (path === undefined) {
      this.scopes.clear();
      this.memos.clear();
      this.notebooks.clear();
      return;
    }
    const file = normalize(path);
    this.scopes.delete(file);
    this.notebooks.delete(file);
    for (const dir of [...this.memos.keys()]) if (file.startsWith(dir + '/')) this.memos.delete(dir);
  }

  get size(): number {
    return this.scopes.size;
  }
}

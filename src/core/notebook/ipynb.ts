// Reading a Jupyter notebook's JSON (nbformat 4, and 3's worksheets) into its code cells, by language. Pure: the
// caller reads the file. Anything malformed becomes a problem naming the notebook (and the cell), never a throw.
import type { Problem } from '../types';
import { SUPPORTED_LANGUAGE_IDS } from '../lex/languages';

/** One code cell: its 1-based index among all the notebook's cells (markdown and raw cells count) and its text. */
export interface CellText {
  cell: number;
  text: string;
}

/** Code cells of one language, in notebook order: one namespace (a kernel runs them in one interpreter). */
export interface CellGroup {
  languageId: string;
  cells: CellText[];
}

export interface NotebookCode {
  groups: CellGroup[];
  /** Number of cells of any kind. */
  cellCount: number;
  problems: Problem[];
}

/**
 * Kernel language names (kernelspec.language, language_info.name, cell metadata) → our language ids. Names as the
 * kernels write them: ipykernel "python", IJavascript/Deno "javascript"/"typescript", .NET Interactive "C#",
 * gophernotes "go", IJava "java", Kotlin kernel "kotlin", evcxr "rust", IRuby "ruby".
 */
const KERNEL_LANGUAGES: Record<string, string> = {
  python: 'python', python3: 'python', python2: 'python', ipython: 'python', ipython3: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript',
  typescript: 'typescript', ts: 'typescript',
  'c#': 'csharp', csharp: 'csharp', go: 'go', java: 'java', kotlin: 'kotlin', rust: 'rust', ruby: 'ruby',
  php: 'php', swift: 'swift',
};

export function kernelLanguage(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const n = name.trim().toLowerCase();
  const id = KERNEL_LANGUAGES[n] ?? (SUPPORTED_LANGUAGE_IDS.includes(n) ? n : undefined);
  return id;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...keys: string[]): unknown => {
  let v = o;
  for (const k of keys) v = isObject(v) ? v[k] : undefined;
  return v;
};

/** A cell's own language, where the notebook mixes them (VS Code, Polyglot / .NET Interactive notebooks). */
function cellLanguageName(cell: Json): unknown {
  return get(cell, 'metadata', 'vscode', 'languageId') ?? get(cell, 'metadata', 'polyglot_notebook', 'kernelName') ?? get(cell, 'metadata', 'dotnet_interactive', 'language');
}

/** nbformat keeps multi-line text either as one string or as a list of lines (each with its own "\n"). */
function joinSource(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return undefined;
  let out = '';
  for (const line of v) {
    if (typeof line !== 'string') return undefined;
    out += line;
  }
  return out;
}

export function readNotebook(json: string, file: string): NotebookCode {
  const problems: Problem[] = [];
  const none = (message: string): NotebookCode => ({ groups: [], cellCount: 0, problems: [{ file, message }] });
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (e) {
    return none(`not a valid notebook: ${(e as Error).message.slice(0, 120)}`);
  }
  if (!isObject(nb)) return none('not a valid notebook: the top level is not a JSON object');
  let rawCells: unknown[];
  let sourceKey = 'source';
  if (Array.isArray(nb.cells)) rawCells = nb.cells;
  else if (Array.isArray(nb.worksheets)) {
    // nbformat 3: cells inside worksheets, code under "input".
    rawCells = nb.worksheets.flatMap((w) => (isObject(w) && Array.isArray(w.cells) ? w.cells : []));
    sourceKey = 'input';
  } else return none(`not a valid notebook: "cells" is ${nb.cells === undefined ? 'missing' : 'not a list'}`);

  const named = get(nb, 'metadata', 'kernelspec', 'language') ?? get(nb, 'metadata', 'language_info', 'name') ?? get(nb, 'metadata', 'language');
  // nbformat: a notebook without language metadata is a Python notebook (the format's reference kernel).
  const notebookLanguage = named === undefined ? 'python' : kernelLanguage(named);
  const groups = new Map<string, CellGroup>();
  let unread = 0;
  rawCells.forEach((cell, i) => {
    const n = i + 1;
    if (!isObject(cell)) {
      problems.push({ file, message: `cell ${n} is not a JSON object: skipped` });
      return;
    }
    if (cell.cell_type !== 'code') return;
    const text = joinSource(cell[sourceKey]);
    if (text === undefined) {
      problems.push({ file, message: `cell ${n}: its source is neither text nor a list of lines: skipped` });
      return;
    }
    const own = cellLanguageName(cell);
    const languageId = own !== undefined ? kernelLanguage(own) : (notebookLanguage ?? kernelLanguage(cell.language));
    if (!languageId) {
      // A cell in another language (SQL, F#, shell) is not code this tool prices; say so once, for the notebook.
      if (text.trim()) unread++;
      return;
    }
    let g = groups.get(languageId);
    if (!g) groups.set(languageId, (g = { languageId, cells: [] }));
    g.cells.push({ cell: n, text });
  });
  if (unread && !groups.size) {
    problems.push({ file, message: `notebook language ${JSON.stringify(String(named ?? 'unknown')).slice(0, 60)} is not one Prompt Cost reads: skipped` });
  }
  return { groups: [...groups.values()], cellCount: rawCells.length, problems };
}

// Which documents the providers attach to. Language ids come from the core's table.
import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGE_IDS } from '../core/lex/languages';

/** Schemes worth pricing: files on disk, unsaved buffers, notebook cells. Not diffs or output panes. */
const SCHEMES = ['file', 'untitled', 'vscode-notebook-cell'];

export const SELECTOR: vscode.DocumentFilter[] = SUPPORTED_LANGUAGE_IDS.flatMap((language) =>
  SCHEMES.map((scheme) => ({ language, scheme })),
);

export function isPriced(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(SELECTOR, doc) > 0;
}

// The shipped sheets change only with the extension, so their parse (about half a second of YAML on a
// busy machine) is cached as JSON in global storage, keyed by the extension version and the files' stats.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedSheet } from '../core/pricing';
import type { Problem } from '../core/types';
import { loadShipped, shippedSheetsDir } from '../node/sheets';
import { log } from './log';

export async function loadShippedCached(storage: vscode.Uri, version: string): Promise<{ sheets: ParsedSheet[]; problems: Problem[] }> {
  const uri = vscode.Uri.joinPath(storage, `shipped-${version.replace(/[^\w.-]/g, '_')}-${fingerprint()}.json`);
  try {
    const sheets = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8')) as ParsedSheet[];
    if (Array.isArray(sheets) && sheets.length) return { sheets, problems: [] };
  } catch {
    // Not cached yet, or unreadable: parse the YAML below.
  }
  const shipped = loadShipped();
  if (!shipped.problems.length && shipped.sheets.length) {
    void Promise.resolve(vscode.workspace.fs.createDirectory(storage))
      .then(() => vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(shipped.sheets))))
      .then(undefined, (e) => log.warn(`could not cache the shipped prices: ${e}`));
  }
  return shipped;
}

/** Changes when any shipped sheet changes (a development build keeps its version number). */
function fingerprint(): string {
  let h = 0;
  try {
    const dir = shippedSheetsDir();
    for (const name of readdirSync(dir).sort()) {
      const st = statSync(path.join(dir, name));
      for (const ch of `${name}:${st.size}:${st.mtimeMs}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    }
  } catch {
    return 'x';
  }
  return (h >>> 0).toString(36);
}

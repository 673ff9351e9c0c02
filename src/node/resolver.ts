// The resolver from disk, for the CLI: the engine asks for other files' text and folders' entries; answers are
// cached for the run (a file read once however many calls import it). Never reads `.env` (secrets).
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { WorkspaceFiles } from '../core/resolve/files';
import { ValueIndex } from '../core/resolve/value-index';

/** Larger files are not prompt or config modules (1 MiB). */
const MAX_BYTES = 1 << 20;

export class DiskFiles implements WorkspaceFiles {
  private readonly texts = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, string[] | undefined>();

  read(p: string): string | undefined {
    if (this.texts.has(p)) return this.texts.get(p);
    let text: string | undefined;
    const base = path.basename(p);
    if (base !== '.env' && !/^\.env\.(?!example$|sample$|template$)/.test(base)) {
      try {
        const st = fs.statSync(p);
        if (st.isFile() && st.size <= MAX_BYTES) {
          const buf = fs.readFileSync(p);
          if (isUtf8(buf)) text = buf.toString('utf8');
        }
      } catch {
        text = undefined;
      }
    }
    this.texts.set(p, text);
    return text;
  }

  list(dir: string): string[] | undefined {
    if (this.dirs.has(dir)) return this.dirs.get(dir);
    let names: string[] | undefined;
    try {
      names = fs.readdirSync(dir || '.', { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
    } catch {
      names = undefined;
    }
    this.dirs.set(dir, names);
    return names;
  }
}

/** A value index over the disk, for one run. */
export function diskIndex(): ValueIndex {
  return new ValueIndex(new DiskFiles());
}

// An in-memory workspace for resolver tests: the files a test gives, listed by folder.
import type { WorkspaceFiles } from '../../src/core/resolve/files';

export function memFiles(texts: Record<string, string>): WorkspaceFiles {
  return {
    read: (p) => texts[p],
    list: (d) => {
      const names = Object.keys(texts).filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
    folders: (d) => {
      const below = Object.keys(texts).filter((p) => p.startsWith(d + '/')).map((p) => p.slice(d.length + 1));
      const names = [...new Set(below.filter((r) => r.includes('/')).map((r) => r.slice(0, r.indexOf('/'))))];
      return below.length ? names : undefined;
    },
  };
}

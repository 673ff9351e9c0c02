// Names from other files: imports resolved through the resolver interface, re-exports, a Go package's other
// files, and `Prompts.SYSTEM` from a class file of the same folder.
import { readImports, type Imports } from '../resolve/imports';
import { goImportDir, goPackageFiles, resolveModule } from '../resolve/modules';
import type { FileScope } from '../resolve/value-index';
import { dirname, join } from '../resolve/files';
import { tables } from './scope';
import { MAX_DEPTH, type EvalScope, type Value } from './value';
import { bindingValue } from './lookup';

/** A name another module makes visible: its own binding, or one it imports and passes on. */
export function exported(s: EvalScope, name: string, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = bindingValue(s, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
  if (own) return own;
  if (tables(s).classes.has(name)) return { obj: { kind: 'instance', scope: s } };
  return imported(s, name, depth + 1, true);
}

function importsOf(s: EvalScope): Imports {
  return (s.imports ??= readImports(s.toks, s.syn.id === 'javascript' && /\.tsx?$/.test(s.file) ? 'typescript' : s.syn.id));
}

export function imported(s: EvalScope, name: string, depth: number, reexport = false): Value | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH) return undefined;
  const imps = importsOf(s);
  const b = imps.names.get(name);
  const lang = s.syn.id;
  if (b) {
    if (lang === 'go') {
      const dir = goImportDir(idx.files, s.file, b.from);
      const scopes = dir ? goPackageFiles(idx.files, dir).map((f) => idx.scope(f)).filter((x): x is FileScope => !!x) : [];
      return scopes.length ? { obj: { kind: 'module', scopes } } : undefined;
    }
    const path = resolveModule(idx.files, s.file, b.from, lang);
    const other = path ? idx.scope(path) : undefined;
    if (!other) {
      // `from . import prompts` / `from app import prompts`: a module inside the package.
      const sub = lang === 'python' ? resolveModule(idx.files, s.file, b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name, lang) : undefined;
      const subScope = sub ? idx.scope(sub) : undefined;
      return subScope ? { obj: { kind: 'module', scopes: [subScope] } } : undefined;
    }
    if (b.name === '*') return { obj: { kind: 'module', scopes: [other] } };
    const v = exported(other, b.name === 'default' ? 'default' : b.name, depth + 1);
    if (v) return v;
    if (lang === 'python') {
      const sub = resolveModule(idx.files, s.file, b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name, lang);
      const subScope = sub ? idx.scope(sub) : undefined;
      if (subScope) return { obj: { kind: 'module', scopes: [subScope] } };
    }
    return undefined;
  }
  for (const from of imps.star) {
    const path = resolveModule(idx.files, s.file, from, lang);
    const other = path ? idx.scope(path) : undefined;
    const v = other ? exported(other, name, depth + 1) : undefined;
    if (v) return v;
  }
  // Go: the other files of the package share its top-level names.
  if (lang === 'go' && !reexport) {
    for (const f of goPackageFiles(idx.files, dirname(s.file))) {
      if (f === s.file) continue;
      const other = idx.scope(f);
      const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
      if (v) return v;
    }
  }
  return undefined;
}

/** `Prompts.SYSTEM` where class Prompts is in Prompts.java / .kt / .cs / .php / prompts.rb of the same folder. */
export function classFile(s: EvalScope, cls: string, name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || tables(s).classes.has(cls)) return undefined;
  const dir = dirname(s.file);
  const snake = cls.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const names = new Set(idx.files.list(dir) ?? []);
  for (const f of [`${cls}.java`, `${cls}.kt`, `${cls}.cs`, `${cls}.php`, `${snake}.rb`, `${cls}.swift`]) {
    if (!names.has(f)) continue;
    const other = idx.scope(join(dir, f));
    const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
    if (v && v.runtime === undefined) return v;
  }
  return undefined;
}

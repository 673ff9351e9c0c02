// Where a Go package declares a name: a package-level var of a file, a struct type, the `package` line, and the other
// files of a package that may declare a name (go-config.ts, go-tags.ts, go-literal-json.ts, go-composites.ts).
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { mayDeclareGo } from './imported';
import { tables } from './scope';
import type { EvalScope } from './value';
import type { ValueIndex } from '../resolve/value-index';

/** Files of a package looked through (a larger package is left as it was). */
const MAX_FILES = 200;

/**
 * The token of NAME where this file declares it a package-level var: `var NAME …`, or an entry of a `var (…)` block
 * (the first on its line, after the `(` or a line break); -1 when it does not. Function bodies are skipped.
 */
export function packageVarAt(s: EvalScope, name: string): number {
  const { toks, match } = s;
  for (let k = 1; k < toks.length; k++) {
    const tk = toks[k];
    if ((isP(tk, '{') || isP(tk, '(')) && match[k] > k && !(isP(tk, '(') && toks[k - 1]?.v === 'var')) {
      k = match[k];
      continue;
    }
    if (tk.t !== T.Id || tk.v !== name) continue;
    const prev = toks[k - 1];
    const inBlock = isP(prev, '(') ? toks[k - 2]?.v === 'var' : s.text.lastIndexOf('\n', tk.start) >= prev.end;
    if (prev.v === 'var' || inBlock) return k;
  }
  return -1;
}

/** `package x` of a Go file's text. */
export function goPackageName(text: string): string | undefined {
  return /^package\s+(\w+)/m.exec(text)?.[1];
}

/** Does Go text declare `type NAME struct` (alone, or as an entry of a `type (…)` block)? With `after`, another kind. */
export function declaresStruct(text: string, name: string, after = STRUCT_AFTER): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const end = i + name.length;
    if (!after.test(text.slice(end, end + 32))) continue;
    const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
    if (TYPE_BEFORE.test(line)) return true;
  }
  return false;
}

const STRUCT_AFTER = /^[ \t]+struct\b/;
/** `type M map[string]any`: a named map type. */
export const MAP_AFTER = /^[ \t]+map\[/;
/** `type ` before the name on its line, or nothing but indentation (an entry of a `type (…)` block). */
const TYPE_BEFORE = /^[ \t]*(type[ \t]+)?$/;

/** The other files of s's Go package (same folder, same `package` line) whose text may declare `name`, as scopes; at
 * most `max` files of the folder are looked at. */
export function* siblingScopes(s: EvalScope, name: string, max = MAX_FILES): Generator<EvalScope> {
  const idx = s.index;
  if (!idx) return;
  const pkg = goPackageName(s.text);
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, max)) {
    if (f === s.file || !mayDeclareGoIn(idx, f, name)) continue;
    const text = idx.text(f) ?? '';
    if (goPackageName(text) !== pkg) continue;
    const other = idx.scope(f);
    if (other) yield other;
  }
}

/** A function (not a method) `name` of another file of s's Go package: the files of a package share its top-level
 * names, so `settings()` in ask.go is `func settings() Settings` of state.go. */
export function goPackageFunction(s: EvalScope, name: string): { scope: EvalScope; name: string } | undefined {
  for (const other of siblingScopes(s, name)) {
    const f = tables(other).fns.get(name)?.find((x) => other.toks[x.name - 1]?.v === 'func');
    if (f) return { scope: other, name };
  }
  return undefined;
}

/** Per index, per Go file: its text when last asked, and mayDeclareGo's answers for it by name. */
const DECLARES = new KeyMemo<ValueIndex, Map<string, { text: string; names: Map<string, boolean> }>>();
/** Files whose answers are kept per index (the oldest asked dropped first). */
const MAX_DECLARING = 1000;

/**
 * mayDeclareGo of the file's text as the index reads it, each name answered once while the text is the same: a
 * package's files are asked the same names by every file of it that looks one up (each answer searched the whole
 * text: a twentieth of the analysis of the bench's Go files with calls).
 */
export function mayDeclareGoIn(idx: ValueIndex, file: string, name: string): boolean {
  const text = idx.text(file) ?? '';
  let byFile = DECLARES.get(idx);
  if (!byFile) DECLARES.set(idx, (byFile = new Map()));
  let e = byFile.get(file);
  if (!e || e.text !== text) {
    if (!e && byFile.size >= MAX_DECLARING) byFile.delete(byFile.keys().next().value as string);
    byFile.set(file, (e = { text, names: new Map() }));
  }
  let v = e.names.get(name);
  if (v === undefined) e.names.set(name, (v = mayDeclareGo(text, name)));
  return v;
}

// Names from other files: imports resolved through the resolver interface, re-exports, a Go package's other
// files, and `Prompts.SYSTEM` from a class file of the same folder.
import { KeyMemo } from '../util/key-memo';
import { tsEnum } from './ts-enums';
import { commonJsExport, defaultFunction } from './js-require';
import { readImports, type Imports } from '../resolve/imports';
import { goImportDir, goPackageFiles, pythonModules } from '../resolve/modules';
import type { FileScope } from '../resolve/value-index';
import { basename, dirname } from '../resolve/files';
import { kotlinMemberImports, kotlinTopLevelFiles, sameFolder } from '../resolve/classes';
import { exprEnd, tables } from './scope';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { goPackageFunction, mayDeclareGoIn } from './go-decls';
import { evaluate } from './evaluate';
import { MAX_DEPTH, type EvalScope, type Value } from './value';
import { bindingValue } from './lookup';
import { NODE_CONFIG, nodeConfig } from './node-config';
import { isJsonFile, jsonFile, jsonMember } from './json-config';
import { rawImport } from './file-reads';
import { javaStaticField, javaStaticImport } from './java-static-imports';
export { classFile, classScopes, railsConstant } from './class-files';
import { railsInitializerConstant, rubyIncluded, rubyNestingConstant } from './class-files';
import { nuxtAutoImported } from './nuxt-auto';

/** A name another module makes visible: its own binding, or one it imports and passes on. */
export function exported(s: EvalScope, name: string, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = bindingValue(s, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
  if (own) return own;
  if (name === 'default' && s.syn.id === 'javascript') {
    const v = defaultExport(s, depth + 1);
    if (v) return v;
  }
  if (tables(s).classes.has(name)) return { obj: { kind: 'instance', scope: s } };
  const en = tsEnum(s, name);
  if (en) return en;
  const cjs = s.syn.id === 'javascript' ? commonJsExport(s, name, depth + 1) : undefined;
  if (cjs) return cjs;
  return imported(s, name, depth + 1, true);
}

/**
 * The module that defines a function this file imports (`import { getTitleModel } from "@/lib/ai/providers"`), with
 * the name it has there, following re-exports (`export { x } from "./y"`); undefined for a name that is not a function
 * defined in a module of the workspace.
 */
export function importedFunction(s: EvalScope, name: string, depth: number): { scope: EvalScope; name: string } | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH) return undefined;
  if (s.syn.id === 'go') return goPackageFunction(s, name);
  if (s.syn.id === 'java') return javaStaticImport(s, name);
  const b = importsOf(s).names.get(name);
  if (!b || b.name === '*') return undefined;
  s.read?.push(b.span);
  const path = idx.module(s.file, b.from, s.syn.id);
  const other = path ? idx.scope(path) : undefined;
  if (!other || other === s) return undefined;
  // `import selectPersona from "./personas"` of `export default function selectPersona(…)`.
  const fn = b.name === 'default' && s.syn.id === 'javascript' ? defaultFunction(other, tables(other).fns) : b.name;
  if (fn === undefined) return undefined;
  if (tables(other).fns.has(fn)) return { scope: other, name: fn };
  return importedFunction(other, fn, depth + 1);
}

/**
 * The module that binds a name this file imports (`import { model } from "@/config/model"`, Python `from pkg.agent
 * import agent`), with the name it has there, following re-exports; undefined when no module of the workspace assigns it.
 */
export function importedBinding(s: EvalScope, name: string, depth: number): { scope: EvalScope; name: string } | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH || (s.syn.id !== 'javascript' && s.syn.id !== 'python')) return undefined;
  const b = importsOf(s).names.get(name);
  if (!b || b.name === '*' || b.name === 'default') return undefined;
  s.read?.push(b.span);
  const path = idx.module(s.file, b.from, s.syn.id);
  const other = path ? idx.scope(path) : undefined;
  if (!other || other === s) return undefined;
  if (tables(other).binds.has(b.name)) return { scope: other, name: b.name };
  return importedBinding(other, b.name, depth + 1);
}

/** `export default config;` / `export default { … }`: the value of the expression exported (not a function or class). */
function defaultExport(s: EvalScope, depth: number): Value | undefined {
  const { toks } = s;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'export' || !isId(toks[k + 1]) || toks[k + 1].v !== 'default') continue;
    const first = toks[k + 2];
    if (isId(first) && (first.v === 'function' || first.v === 'class' || first.v === 'async' || first.v === 'interface' || first.v === 'abstract')) return undefined;
    s.read?.push({ start: toks[k].start, end: first.end });
    return evaluate(s, k + 2, exprEnd(s, k + 2), depth);
  }
  return undefined;
}

/** Scopes whose star imports are recorded as read. */
const starsRead = new WeakSet<EvalScope>();

export function importsOf(s: EvalScope): Imports {
  return (s.imports ??= readImports(s.toks, s.syn.id === 'javascript' && /\.tsx?$/.test(s.file) ? 'typescript' : s.syn.id));
}

export function imported(s: EvalScope, name: string, depth: number, reexport = false): Value | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH) return undefined;
  const imps = importsOf(s);
  const b = imps.names.get(name);
  const lang = s.syn.id;
  if (b) {
    // The import line is read like a definition: an edit of its module path changes the value (keystroke path).
    s.read?.push(b.span);
    if (lang === 'go') {
      const dir = goImportDir(idx.files, s.file, b.from);
      const scopes = dir ? goPackageFiles(idx.files, dir).map((f) => idx.scope(f)).filter((x): x is FileScope => !!x) : [];
      return scopes.length ? { obj: { kind: 'module', scopes } } : undefined;
    }
    // `import system from "./system.md?raw"`: the file's text, inlined by the bundler (file-reads.ts).
    if (lang === 'javascript' && b.name === 'default') {
      const raw = rawImport(s, b.from);
      if (raw) return raw;
    }
    const path = idx.module(s.file, b.from, lang);
    if (!path && b.from === NODE_CONFIG && lang === 'javascript' && (b.name === 'default' || b.name === '*')) return nodeConfig(s);
    // `import config from "./config.json"`, `const { max_tokens } = require("./config.json")` (json-config.ts).
    if (path && isJsonFile(path) && lang !== 'python' && lang !== 'rust') {
      const whole = jsonFile(s, path);
      return whole?.obj?.kind === 'json' && b.name !== '*' && b.name !== 'default' ? jsonMember(whole.obj, b.name) : whole;
    }
    const other = path ? idx.scope(path) : undefined;
    if (!other) {
      // `from . import prompts` / `from app import prompts` / Rust `use crate::prompts;`: a module inside the package.
      const spec = lang === 'python' ? (b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name) : lang === 'rust' ? b.from + '::' + b.name : undefined;
      const sub = spec !== undefined ? idx.module(s.file, spec, lang) : undefined;
      const subScope = sub ? idx.scope(sub) : undefined;
      return subScope ? { obj: { kind: 'module', scopes: [subScope] } } : undefined;
    }
    if (b.name === '*') return { obj: { kind: 'module', scopes: [other] } };
    const v = exported(other, b.name === 'default' ? 'default' : b.name, depth + 1);
    if (v) return v;
    if (lang === 'python') {
      const sub = idx.module(s.file, b.from.endsWith('.') ? b.from + b.name : b.from + '.' + b.name, lang);
      const subScope = sub ? idx.scope(sub) : undefined;
      if (subScope) return { obj: { kind: 'module', scopes: [subScope] } };
      // `from settings import MODEL` where a nearer settings.py lacks the name: the module the app runs with, as for a
      // star import below (resolve/modules.ts pythonModules).
      if (!b.from.startsWith('.')) {
        for (const p of pythonModules(idx.files, s.file, b.from)) {
          const o = p !== path ? idx.scope(p) : undefined;
          const w = o ? exported(o, b.name, depth + 1) : undefined;
          if (w) return w;
        }
      }
    }
    return undefined;
  }
  // Any `from x import *` could hold the name: each is read once per scan.
  if (s.read && !starsRead.has(s)) {
    starsRead.add(s);
    for (const at of imps.starSpans) s.read.push(at);
  }
  for (const from of imps.star) {
    const path = idx.module(s.file, from, lang);
    const read = (p: string | undefined) => {
      const other = p ? idx.scope(p) : undefined;
      return other ? exported(other, name, depth + 1) : undefined;
    };
    const v = read(path);
    if (v) return v;
    // Python: a nearer module of the same name may shadow the one the app runs with (resolve/modules.ts pythonModules);
    // the others are listed only when the nearest lacks the name.
    if (lang !== 'python') continue;
    for (const p of pythonModules(idx.files, s.file, from)) {
      const w = p !== path ? read(p) : undefined;
      if (w) return w;
    }
  }
  // Nuxt: what its auto-import folders export (nuxt-auto.ts).
  const auto = lang === 'javascript' && !reexport ? nuxtAutoImported(s, name, depth) : undefined;
  if (auto) return auto;
  // Go: the other files of the package share its top-level names.
  if (lang === 'go' && !reexport) {
    for (const f of goPackageFiles(idx.files, dirname(s.file))) {
      if (f === s.file) continue;
      // Only a file that may declare the name is lexed into the index (a call's parameters, `ctx` or `question`,
      // would otherwise lex the whole package: 90 of 156 files the bench's workspace scan kept).
      if (!mayDeclareGoIn(idx, f, name)) continue;
      const other = idx.scope(f);
      const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
      if (v) return v;
    }
  }
  // Java: a static field brought in by `import static` (java-static-imports.ts).
  const field = lang === 'java' && !reexport ? javaStaticField(s, name, depth) : lang === 'ruby' && !reexport ? rubyIncluded(s, name, depth) ?? railsInitializerConstant(s, name, depth) ?? rubyNestingConstant(s, name, depth) : undefined;
  if (field) return field;
  // Kotlin: a member of an object imported by its own name (`import com.acme.config.Models.CHAT_MODEL`).
  const m = lang === 'kotlin' && !reexport ? kotlinMembers(s).get(name) : undefined;
  if (m) {
    s.read?.push({ start: m.start, end: m.end });
    // The object's file `Models.kt` first, then the package's other files.
    const all = sameFolder(idx.files, m.dir, '.kt');
    for (const f of [...all.filter((f) => basename(f) === m.cls + '.kt'), ...all]) {
      const other = f === s.file ? undefined : idx.scope(f);
      if (!other || !tables(other).classes.has(m.cls)) continue;
      const v = bindingValue(other, m.name, Number.MAX_SAFE_INTEGER, depth + 1, true);
      if (v && v.runtime === undefined) return v;
    }
  }
  // Kotlin: a top-level constant of another file of the package, or of a package it imports.
  if (lang === 'kotlin' && !reexport && /^[A-Z][A-Z0-9_]*$/.test(name)) {
    for (const f of kotlinTopLevelFiles(idx.files, s.file, s.text, name)) {
      const other = f === s.file ? undefined : idx.scope(f);
      const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
      if (v && v.runtime === undefined) return v;
    }
  }
  return undefined;
}

const MEMBERS = new KeyMemo<object, ReturnType<typeof kotlinMemberImports>>();
/** The file's imports of objects' members, read once per text. */
function kotlinMembers(s: EvalScope): ReturnType<typeof kotlinMemberImports> {
  let m = MEMBERS.get(s.toks);
  if (!m) MEMBERS.set(s.toks, (m = kotlinMemberImports(s.file, s.text)));
  return m;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
/** After a name at a line's start: `= …` or `Type = …` (a const/var block entry), not `:=` or `==`. */
const BLOCK_ENTRY_REST = /^[ \t]*(?:[\w.*[\]]+[ \t]*)?=(?!=)/;

/**
 * Could this Go text declare `name` at top level: `const NAME`, `var NAME`, `func NAME`, or a const/var block
 * entry? A text test, looser than the evaluator's (a local `name = …` passes): it only spares lexing the files that
 * cannot.
 */
export function mayDeclareGo(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const end = i + name.length;
    if ((i > 0 && isWordChar(text.charCodeAt(i - 1))) || isWordChar(text.charCodeAt(end))) continue;
    const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trim();
    if (before === 'const' || before === 'var' || before === 'func') return true;
    if (before !== '') continue;
    const eol = text.indexOf('\n', end);
    if (BLOCK_ENTRY_REST.test(text.slice(end, eol < 0 ? text.length : eol))) return true;
  }
  return false;
}

/** Rust `crate::config::MODEL`, `super::prompts::X`, or `prompts::X` for a child module (`mod prompts;`): the
 * longest prefix that is a module file, and how many names it took. */
export function rustPath(s: EvalScope, names: string[]): [Value, number] | undefined {
  const idx = s.index;
  if (!idx || (names[0] !== 'crate' && names[0] !== 'super' && tables(s).binds.has(names[0]))) return undefined;
  const lead = names[0] === 'crate' || names[0] === 'super' ? [] : ['self'];
  for (let k = names.length - 1; k >= 1; k--) {
    const path = idx.module(s.file, [...lead, ...names.slice(0, k)].join('::'), 'rust');
    const other = path ? idx.scope(path) : undefined;
    if (other) return [{ obj: { kind: 'module', scopes: [other] } }, k];
  }
  return undefined;
}


// Rust `Model::Gpt4` of a serde enum, members.ts reads it beside an inline module's item.
export { rustSerdeVariant } from './rust-serde-variants';
/** The file's inline modules (`mod texts { … }`) by name: the token indexes of their braces. */
const INLINE_MODS = new KeyMemo<object, Map<string, [number, number]>>();

/**
 * Rust `texts::PERSONA` where this file declares `mod texts { pub const PERSONA: &str = "…"; }`: the item of the
 * block (https://doc.rust-lang.org/reference/items/modules.html), undefined when the block has no such binding.
 */
export function rustInlineItem(s: EvalScope, names: string[], depth: number): Value | undefined {
  const t = tables(s);
  if (names.length !== 2 || t.binds.has(names[0])) return undefined;
  const { toks, match } = s;
  let mods = INLINE_MODS.get(t);
  if (!mods) {
    mods = new Map();
    for (let k = 0; k + 2 < toks.length; k++) {
      if (isId(toks[k]) && toks[k].v === 'mod' && isId(toks[k + 1]) && isP(toks[k + 2], '{') && match[k + 2] > k + 2) mods.set(toks[k + 1].v, [k + 2, match[k + 2]]);
    }
    INLINE_MODS.set(t, mods);
  }
  const mod = mods.get(names[0]);
  if (!mod || !t.binds.get(names[1])?.some((b) => b.kind === 'assign' && b.name > mod[0] && b.name < mod[1])) return undefined;
  s.read?.push({ start: toks[mod[0] - 2].start, end: toks[mod[1]].end });
  return bindingValue(s, names[1], toks[mod[1]].start, depth + 1);
}

// CommonJS: what `require("…")` of a workspace file gives (a JSON file's object, a module's names) and the names a
// module exports without a binding of its own (`exports.MODEL = "…"`, `module.exports = { MODEL: "…" }`).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import { tableMember } from './members';
import { isJsonFile, jsonFile } from './json-config';
import { NODE_CONFIG, nodeConfig } from './node-config';
import type { EvalScope, Value } from './value';

/**
 * `require(spec)`: a JSON file's object (json-config.ts), a workspace module's names (`const { MODEL } =
 * require("./config")`, `const cfg = require("../config/ai")`, read as an ES import of it); undefined for a package.
 */
export function required(s: EvalScope, spec: string | undefined, late: () => Value): Value | undefined {
  if (spec === undefined || !s.index) return undefined;
  const file = s.index.module(s.file, spec, 'javascript');
  if (file === undefined) return spec === NODE_CONFIG ? nodeConfig(s) : undefined;
  if (isJsonFile(spec)) return jsonFile(s, file) ?? late();
  const other = s.syn.id === 'javascript' && file !== s.file ? s.index.scope(file) : undefined;
  return other ? { obj: { kind: 'module', scopes: [other] } } : undefined;
}

/** What a module's text exports in CommonJS or as its default, read in one walk of its tokens (kept per token list). */
interface ExportForms {
  /** `exports.NAME = v` / `module.exports.NAME = v` at the top level: the value's first token. */
  named: Map<string, number>;
  /** The `{` of the last top-level `module.exports = { … }`, or -1. */
  table: number;
  /** `module.exports = Name`, `export default Name`, `export default class Name`. */
  defaultNames: Set<string>;
}

const FORMS = new KeyMemo<Token[], ExportForms>();

function exportForms(toks: Token[], match: ArrayLike<number>): ExportForms {
  let f = FORMS.get(toks);
  if (f) return f;
  f = { named: new Map(), table: -1, defaultNames: new Set() };
  for (let k = 0, level = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (isP(tk, '{') || isP(tk, '(') || isP(tk, '[')) {
      level++;
      continue;
    }
    if (isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) {
      level--;
      continue;
    }
    if (!isId(tk)) continue;
    if (tk.v === 'module' && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'exports' && isP(toks[k + 3], '=') && isId(toks[k + 4]) && !isP(toks[k + 5], '.') && !isP(toks[k + 5], '(')) f.defaultNames.add(toks[k + 4].v);
    if (tk.v === 'export' && toks[k + 1]?.v === 'default' && toks[k + 2]) {
      // `export default class Name`, `export default (async) function name(…)`: the name.
      let n = toks[k + 2].v === 'async' && toks[k + 3]?.v === 'function' ? k + 3 : k + 2;
      if ((toks[n].v === 'class' || toks[n].v === 'function') && isId(toks[n + 1])) n++;
      f.defaultNames.add(toks[n].v);
    }
    if (level !== 0 || tk.v !== 'exports' || (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'module')) continue;
    if (isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '=') && !f.named.has(toks[k + 2].v)) f.named.set(toks[k + 2].v, k + 4);
    if (isP(toks[k + 1], '=') && isP(toks[k + 2], '{') && match[k + 2] > k + 2) f.table = k + 2;
  }
  FORMS.set(toks, f);
  return f;
}

/** `exports.NAME = v` / `module.exports.NAME = v` at the top level, else `module.exports = { NAME: v }`. */
export function commonJsExport(s: EvalScope, name: string, depth: number): Value | undefined {
  const f = exportForms(s.toks, s.match);
  const at = f.named.get(name);
  if (at !== undefined) return evaluate(s, at, exprEnd(s, at), depth + 1);
  if (f.table < 0) return undefined;
  // A name the exported object literal does not hold, with no spread in it and no `exports.X =`: not exported.
  return tableMember(s, f.table, name, depth) ?? (f.named.size || spreadIn(s, f.table) ? undefined : { runtime: name, unset: true });
}

function spreadIn(s: EvalScope, open: number): boolean {
  for (let k = open + 1; k < s.match[open]; k++) if (isP(s.toks[k], '...')) return true;
  return false;
}

/** The module's default export is the function or class `name` itself (`module.exports = Claude`, `export default
 * Claude`, `export default class Claude`): a `const X = require(…)` / `import X from …` of it names that class. */
export function defaultExportIs(s: EvalScope, name: string): boolean {
  return exportForms(s.toks, s.match).defaultNames.has(name);
}

/** The function a module exports as its default (`export default function selectPersona(…)`), by name. */
export function defaultFunction(s: EvalScope, fns: ReadonlyMap<string, unknown>): string | undefined {
  for (const n of exportForms(s.toks, s.match).defaultNames) if (fns.has(n)) return n;
  return undefined;
}

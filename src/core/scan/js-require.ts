// CommonJS: what `require("…")` of a workspace file gives (a JSON file's object, a module's names) and the names a
// module exports without a binding of its own (`exports.MODEL = "…"`, `module.exports = { MODEL: "…" }`).
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import { tableMember } from './members';
import { isJsonFile, jsonFile } from './json-config';
import type { EvalScope, Value } from './value';

/**
 * `require(spec)`: a JSON file's object (json-config.ts), a workspace module's names (`const { MODEL } =
 * require("./config")`, `const cfg = require("../config/ai")`, read as an ES import of it); undefined for a package.
 */
export function required(s: EvalScope, spec: string | undefined, late: () => Value): Value | undefined {
  if (spec === undefined || !s.index) return undefined;
  const file = s.index.module(s.file, spec, 'javascript');
  if (file === undefined) return undefined;
  if (isJsonFile(spec)) return jsonFile(s, file) ?? late();
  const other = s.syn.id === 'javascript' && file !== s.file ? s.index.scope(file) : undefined;
  return other ? { obj: { kind: 'module', scopes: [other] } } : undefined;
}

/** `exports.NAME = v` / `module.exports.NAME = v` at the top level, else `module.exports = { NAME: v }`. */
export function commonJsExport(s: EvalScope, name: string, depth: number): Value | undefined {
  const { toks, match } = s;
  let table = -1;
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
    if (level !== 0 || !isId(tk) || tk.v !== 'exports' || (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'module')) continue;
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === name && isP(toks[k + 3], '=')) return evaluate(s, k + 4, exprEnd(s, k + 4), depth + 1);
    if (isP(toks[k + 1], '=') && isP(toks[k + 2], '{') && match[k + 2] > k + 2) table = k + 2;
  }
  return table >= 0 ? tableMember(s, table, name, depth) : undefined;
}

/** The module's default export is the function or class `name` itself (`module.exports = Claude`, `export default
 * Claude`, `export default class Claude`): a `const X = require(…)` / `import X from …` of it names that class. */
export function defaultExportIs(toks: Token[], name: string): boolean {
  for (let k = 0; k + 3 < toks.length; k++) {
    if (!isId(toks[k])) continue;
    if (toks[k].v === 'module' && isP(toks[k + 1], '.') && toks[k + 2].v === 'exports' && isP(toks[k + 3], '=') && toks[k + 4]?.v === name && !isP(toks[k + 5], '.') && !isP(toks[k + 5], '(')) return true;
    if (toks[k].v === 'export' && toks[k + 1].v === 'default' && (toks[k + 2].v === name || (toks[k + 2].v === 'class' && toks[k + 3].v === name))) return true;
  }
  return false;
}

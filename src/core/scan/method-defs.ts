// Methods a C# or Java class declares without a keyword (`private OpenAIPromptExecutionSettings CreateSettings() {`):
// where each is declared, found once per lexed file. Python, Go, Rust and JS helpers: definitions.ts functionDef.
import { KeyMemo } from '../util/key-memo';
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** Words that stand before a bracket that is no method declaration (`new T(…) {`, `else if (…) {`). */
const NOT_TYPES = new Set(['new', 'return', 'else', 'await', 'throw', 'case', 'in', 'is', 'as', 'yield', 'if', 'while', 'for', 'foreach', 'switch', 'catch', 'using', 'lock', 'fixed', 'when', 'var', 'synchronized']);

const INDEX = new KeyMemo<Token[], Map<string, number>>();

/** The token index of `name` in the file's first `Type name(…) {` (or `=> …`) declaration, or -1. */
export function methodDef(c: Ctx, name: string): number {
  c.readNames?.add(name);
  let index = INDEX.get(c.toks);
  if (!index) INDEX.set(c.toks, (index = indexMethods(c.toks, c.match)));
  return index.get(name) ?? -1;
}

function indexMethods(toks: Token[], match: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 1; i + 1 < toks.length; i++) {
    if (!isId(toks[i]) || !isP(toks[i + 1], '(') || !(match[i + 1] > i + 1)) continue;
    const p = toks[i - 1];
    // The return type's last token: a name, a generic's `>`, an array's `]`, a nullable's `?`.
    const typed = (isId(p) && !NOT_TYPES.has(p.v)) || isP(p, '>') || isP(p, ']') || isP(p, '?');
    const after = toks[match[i + 1] + 1];
    if (typed && !isP(toks[i - 2], '.') && (isP(after, '{') || isP(after, '=>')) && !out.has(toks[i].v)) out.set(toks[i].v, i);
  }
  return out;
}

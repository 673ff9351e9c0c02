// A scanner context (values.ts Ctx) for a snippet, as scan() builds it, for tests of one scan module.
import { lex } from '../../src/core/lex/lexer';
import { syntaxFor } from '../../src/core/lex/languages';
import { matchBrackets } from '../../src/core/lex/brackets';
import { collectConstants } from '../../src/core/scan/user-constants';
import type { Ctx } from '../../src/core/scan/values';
import type { Found } from '../../src/core/scan/keys';

export function ctxOf(text: string, languageId: string): Ctx {
  const syn = syntaxFor(languageId);
  const toks = lex(text, syn);
  const match = matchBrackets(toks);
  return { file: 'snippet', text, toks, match, syn, consts: collectConstants(toks, syn, match, text), read: [], readNames: new Set() };
}

export const emptyFound = (): Found => ({ parts: [], messages: 0 });

/** Index of the n-th token (0-based) whose text is `v`. */
export function tokIndex(c: Ctx, v: string, n = 0): number {
  for (let i = 0; i < c.toks.length; i++) if (c.toks[i].v === v && n-- === 0) return i;
  throw new Error(`no token ${JSON.stringify(v)} in ${JSON.stringify(c.text)}`);
}

// TypeScript class fields set where they are declared: `private model = new ChatOpenAI(…)`, `readonly llm: ChatOpenAI =
// …` (NestJS-style services, where `this.model` is then that value). A field opens with an access or readonly/static
// modifier (typescriptlang.org/docs/handbook/2/classes.html: Fields, readonly, Member Visibility).
import { isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';

/** Modifiers that open a class field. */
const FIELD_MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'static']);
/** Punctuation that ends a field's type before any `=`. */
const STOPS = new Set([')', ',', '{', ';', '(']);
/** Tokens of a field's type read at most. */
const MAX_FIELD_TYPE = 16;

/** The index of the `=` of a field declared at toks[k] (after a modifier, an optional `?` / `!` and type), or -1. */
export function fieldInit(toks: Token[], k: number): number {
  if (!FIELD_MODIFIERS.has(toks[k - 1]?.v)) return -1;
  let e = k + 1;
  if (isP(toks[e], '?') || isP(toks[e], '!')) e++;
  // The type ends at its `=`; a constructor's parameter property (`constructor(private llm: ChatOpenAI)`) is no field
  // set here, so a `)` / `,` / `{` / `;` ends the search.
  if (isP(toks[e], ':')) for (let n = 0; n < MAX_FIELD_TYPE && e < toks.length && !isP(toks[e], '=') && !STOPS.has(toks[e].v); n++) e++;
  return isP(toks[e], '=') ? e : -1;
}

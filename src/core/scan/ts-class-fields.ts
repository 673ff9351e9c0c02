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

/** Tokens walked back from a use to the `{` of its class. */
const MAX_CLASS_WALK = 20000;

/**
 * The token range of the body of the class a use at toks[at] is in (`class LocalModel extends Model { … }`), or
 * undefined outside any. `this.model` in one class is that class's member: a file of several classes each keeping a
 * `this.model` (held46: Wajih-Wanis/mm-commit-gen extension.js, an Ollama, an OpenAI and an Azure class) binds each
 * use to its own class's assignments.
 */
export function classBody(toks: Token[], match: Int32Array | number[], at: number): [number, number] | undefined {
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_CLASS_WALK; k--, n++) {
    const tk = toks[k];
    if ((isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(tk, '{') && (match[k] > at || match[k] < 0)) {
      // An unclosed `{` (a half-typed file) holds everything after it.
      // `class X {`, `class X extends Y {`, `class X<T> implements I {`: the word `class` a few tokens before.
      for (let j = k - 1; j >= 0 && j >= k - 12; j--) {
        if (toks[j].v === 'class' && !isP(toks[j - 1], '.')) return [k, match[k] < 0 ? toks.length : match[k]];
        if (isP(toks[j], '{') || isP(toks[j], '}') || isP(toks[j], ';') || isP(toks[j], ')')) break;
      }
    }
  }
  return undefined;
}

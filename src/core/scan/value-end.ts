// Where a value expression ends: at a `,` / `;` / closing bracket of its level, or where the next key starts.
import { T } from '../lex/lexer';
import { isClose, isId, isOpen, isP } from '../lex/brackets';
import { keyAt, type Ctx } from './values';
import { typeArgsEnd } from './type-casts';

/** End (exclusive) of the value expression starting at i, bounded by `end`. */
export function valueEnd(c: Ctx, i: number, end: number): number {
  let k = i;
  while (k < end) {
    const tk = c.toks[k];
    if (isOpen(tk)) {
      const m = c.match[k];
      if (m < 0 || m >= end) return end;
      k = m + 1;
      continue;
    }
    // C# / Java `new Dictionary<string, object?> { … }`: the type arguments' commas end no value (djidorot/CompeteDesk.Web).
    if (isP(tk, '<') && (c.syn.id === 'csharp' || c.syn.id === 'java') && afterNew(c, k)) {
      const e = typeArgsEnd(c, k);
      if (e > k) {
        k = e;
        continue;
      }
    }
    if (isClose(tk) || (tk.t === T.Punct && (tk.v === ',' || tk.v === ';'))) break;
    // Next key in a list without commas (Ruby/Go multi-line literals always have commas; stop on a new key anyway).
    if (k > i && keyAt(c, k) > 0 && c.toks[k - 1].t !== T.Punct) break;
    if (k > i && newStatement(c, k)) break;
    k++;
  }
  return k;
}

/**
 * A Kotlin or Swift builder block's next statement, on a new line after a `)` or `}` that ended the last one:
 * `messages = listOf(…)` then `inferenceConfig = InferenceConfiguration { … }` or Kotlin's `inferenceConfig { … }` (AWS
 * SDK for Kotlin's type-safe builders, https://docs.aws.amazon.com/sdk-for-kotlin/latest/developer-guide/dsl-builders.html).
 */
function newStatement(c: Ctx, k: number): boolean {
  const prev = c.toks[k - 1];
  if (!isClose(prev) || c.text.lastIndexOf('\n', c.toks[k].start) < prev.end) return false;
  return keyAt(c, k) > 0 || (c.syn.id === 'kotlin' && isId(c.toks[k]) && isP(c.toks[k + 1], '{'));
}

/** The `<` at toks[k] follows `new Name` (or `new Ns.Name`): a generic type's arguments, not a comparison. */
function afterNew(c: Ctx, k: number): boolean {
  let j = k - 1;
  while (j > 0 && isId(c.toks[j]) && isP(c.toks[j - 1], '.')) j -= 2;
  return isId(c.toks[j]) && c.toks[j - 1]?.v === 'new';
}

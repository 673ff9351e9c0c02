// Type annotations around a name: where a Python annotation ends at its `=` (`self.parser: configparser.ConfigParser =
// …`), and the name a Java/Kotlin declaration after a Spring `@Value(…)` is on. Moved out of ./scope.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { firstOnLine, newlineBetween } from './body-ends';

/** The `=` after a Python annotation that starts at token `from` (`configparser.ConfigParser`, `dict[str, int] | None`)
 * on the same line, or -1. */
export function annotationEnd(s: FileScope, from: number): number {
  const { toks, match } = s;
  let j = from;
  for (const limit = Math.min(toks.length, from + 16); j < limit && !isP(toks[j], '='); j++) {
    if (!(isId(toks[j]) || (toks[j].t === T.Punct && /^[.|[]$/.test(toks[j].v)))) return -1;
    if (isP(toks[j], '[')) j = match[j] > j ? match[j] : limit;
  }
  // From the colon: `if self.agent:` ending a line, then `result = …` below, is a condition, not an annotation.
  return j > from && isP(toks[j], '=') && !newlineBetween(s.text, toks[Math.max(0, from - 1)].start, toks[j].start) ? j : -1;
}

/** The string token of Spring's `@Value("${key}")` at `Value` (token i), also written `@Value(("${key}"))` with a
 * redundant bracket (surajtikoo/openai-datadog-intergration OpenAIController.java), or -1. */
export function springValueText(toks: Token[], match: ArrayLike<number>, i: number): number {
  if (!isP(toks[i + 1], '(')) return -1;
  const q = isP(toks[i + 2], '(') && match[i + 2] === i + 4 ? i + 3 : i + 2;
  return toks[q]?.t === T.Str && match[i + 1] === q + (q === i + 2 ? 1 : 2) ? q : -1;
}

/** The name an annotation is on: past modifiers and a Java type, up to `:`, `;`, `,`, `)` or `=`. */
export function annotatedName(toks: Token[], from: number): number {
  let name = -1;
  for (let k = from; k < toks.length && k < from + 12; k++) {
    const tk = toks[k];
    if (tk.t === T.Id) name = k;
    else if (isP(tk, ':') || isP(tk, ';') || isP(tk, ',') || isP(tk, ')') || isP(tk, '=')) return name;
    else if (!isP(tk, '<') && !isP(tk, '>') && !isP(tk, '?') && !isP(tk, '.') && !isP(tk, '[') && !isP(tk, ']')) return -1;
  }
  return -1;
}

/** Python keywords a `:` ends a block header after, with a statement on the same line (`else: model = "…"`). */
const HEADERS = new Set(['else', 'try', 'finally', 'lambda']);

/**
 * Token `i` is the type of a Python annotated assignment (`writer: WriterConfig = Field(…)`, `self.cfg: Config = …`):
 * not a binding of the type's name. The annotated target starts its line; `if ready: model = "…"` binds `model`.
 */
export function pyAnnotationType(s: FileScope, i: number): boolean {
  const { toks, text } = s;
  if (s.syn.id !== 'python' || !isP(toks[i - 1], ':') || !isId(toks[i - 2]) || HEADERS.has(toks[i - 2].v)) return false;
  const head = isP(toks[i - 3], '.') && isId(toks[i - 4]) ? i - 4 : i - 2;
  return (head === i - 2 || toks[head].v === 'self') && firstOnLine(text, toks[head].start);
}

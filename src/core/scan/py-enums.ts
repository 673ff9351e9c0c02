// Python list comprehensions in a literal the scan renders (a tool's JSON schema): `"enum": [c.value for c in
// Category]` over an Enum class of the workspace whose members are literals gives those values, in definition order
// (Python iterates an Enum's members in that order, aliases left out: https://docs.python.org/3/library/enum.html,
// "Iterating over the members of an enum does not provide the aliases"). Any other comprehension is known only at run
// time: the caller names it and counts the rest of the literal.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { imported } from './imported';
import { label, type EvalScope } from './value';

/** A comprehension's rendering: its JSON text when its values are known, else its label. */
export type Comprehension = { text: string } | { unknown: string };

/** Members read at most from one Enum class. */
const MAX_MEMBERS = 256;

/** The comprehension whose `[` is s.toks[open], or undefined when the brackets hold no comprehension. */
export function comprehension(s: EvalScope, open: number): Comprehension | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (!isP(toks[open], '[') || close < 0) return undefined;
  let loop = -1;
  for (let j = open + 1; j < close; j = match[j] > j ? match[j] + 1 : j + 1) {
    if (isId(toks[j]) && toks[j].v === 'for') {
      loop = j;
      break;
    }
  }
  if (loop < 0) return undefined;
  // `[x.value for x in Cls]`: exactly these tokens.
  const v = toks[open + 1];
  if (loop === open + 4 && close === open + 8 && isId(v) && isP(toks[open + 2], '.') && toks[open + 3].v === 'value' && toks[open + 5]?.v === v.v && toks[open + 6]?.v === 'in' && isId(toks[open + 7])) {
    const values = enumValues(s, toks[open + 7].v);
    if (values) return { text: JSON.stringify(values) };
  }
  return { unknown: label(s, open, close + 1) };
}

/** The values of the Enum class `name` defined in this module or one it imports, when every member is a literal. */
export function enumValues(s: EvalScope, name: string): (string | number)[] | undefined {
  let scope: EvalScope | undefined = s;
  if (!tables(s).classes.has(name)) {
    const o = imported(s, name, 0)?.obj;
    scope = o?.kind === 'instance' ? o.scope : undefined;
  }
  return scope ? members(scope, name) : undefined;
}

function members(s: EvalScope, name: string): (string | number)[] | undefined {
  const { toks, match, text } = s;
  const head = enumClass(s, name);
  if (!head) return undefined;
  const { at: k, first, classCol, bodyCol } = head;
  {
    const values: (string | number)[] = [];
    let j = first;
    for (; j < toks.length && values.length < MAX_MEMBERS; j++) {
      if (!startsLine(text, toks[j].start)) continue;
      const col = column(text, toks[j].start);
      if (col <= classCol) break;
      // A statement of the body: `NAME = "literal"` is a member (names with a leading underscore are not).
      if (col !== bodyCol || !isId(toks[j]) || !isP(toks[j + 1], '=') || toks[j].v.startsWith('_')) continue;
      const lit = toks[j + 2];
      const after = toks[j + 3];
      const single = !after || startsLine(text, after.start) || isP(after, ';');
      if (!lit || !single || lit.holes?.length || !(lit.t === T.Str || (lit.t === T.Num && lit.n !== undefined))) return undefined;
      const value = lit.t === T.Str ? lit.v : lit.n!;
      if (!values.includes(value)) values.push(value);
    }
    // A class of the scanned file is read like a definition: an edit of its members changes the tool (keystroke path).
    s.read?.push({ start: toks[k].start, end: toks[j - 1].end });
    return values.length ? values : undefined;
  }
}

/** The Enum class `name` of the file (`class Category(enum.StrEnum):`, `class Tone(str, Enum):`, a base whose name ends
 * in Enum): its `class` token, its body's first token, and the class's and the body's columns. */
export function enumClass(s: EvalScope, name: string): { at: number; first: number; classCol: number; bodyCol: number } | undefined {
  const { toks, match, text } = s;
  for (let k = 0; k < toks.length - 2; k++) {
    if (toks[k].v !== 'class' || !isId(toks[k]) || toks[k + 1].v !== name || !isP(toks[k + 2], '(') || match[k + 2] < 0) continue;
    let isEnum = false;
    for (let j = k + 3; j < match[k + 2]; j++) if (isId(toks[j]) && /Enum$/.test(toks[j].v)) isEnum = true;
    if (!isEnum || !isP(toks[match[k + 2] + 1], ':')) return undefined;
    const classCol = column(text, toks[k].start);
    const first = match[k + 2] + 2;
    if (first >= toks.length || !startsLine(text, toks[first].start)) return undefined;
    const bodyCol = column(text, toks[first].start);
    return bodyCol > classCol ? { at: k, first, classCol, bodyCol } : undefined;
  }
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

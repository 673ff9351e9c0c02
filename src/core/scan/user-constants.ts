// Same-file constants: `NAME = "…"`, `const NAME = …`, `static final String NAME = …`, `const NAME: &str = …`,
// Go `const ( … )` blocks, with `+` and implicit concatenation. Strings and numbers; nothing is evaluated.
import { T, type Token } from '../lex/lexer';
import type { LangSyntax } from '../lex/languages';
import { isId, isOpen, isP, chainEnd } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { fillHoles, globalRebinds, isConstantName } from './hole-fill';
import { csInitializerMember } from './cs-initializer-members';

/** A constant longer than this (4 MiB, e.g. built by repeated doubling) is not a constant we resolve. */
const MAX_JOINED_TEXT = 4 << 20;
/** All constants of a file together: 16 MiB of text. */
const MAX_FILE_CONSTANT_TEXT = 16 << 20;

export interface Constant {
  name: string;
  /** Offset of the name, to pick the definition nearest before a use. */
  at: number;
  /** End offset of the definition's value (the incremental path treats the whole definition as live). */
  end: number;
  str?: string;
  /** Holes in the value (f-string constants): labels that stay unresolved. */
  holes?: string[];
  num?: number;
  /** The single literal token of the value, for in-place edits. */
  literal?: Token;
}

export type Constants = Map<string, Constant[]>;

const ASSIGN = new Set(['=', ':=']);
/** Tokens allowed in a type annotation between `NAME:` and `=` (`: &'static str`, `: List[str]`, `: string`), and a
 * Python backslash continuation. */
const TYPE_PUNCT = new Set(['&', '.', '<', '>', '[', ']', '?', "'", '|', '::', ',', '\\']);

/**
 * Is there a line break between two offsets (a Python backslash continuation is none)? The lexer keeps no line
 * breaks, so this reads the text.
 */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    const before = text[i - 1] === '\r' ? i - 2 : i - 1;
    if (text[before] !== '\\') return true;
  }
  return false;
}

export function collectConstants(toks: Token[], syn: LangSyntax, match: Int32Array, text: string): Constants {
  const out: Constants = new Map();
  // Total characters of constant text per file: self-extending definitions (`A = A + "a"`, repeated) stop here.
  const budget = { left: MAX_FILE_CONSTANT_TEXT };
  // Depth of ( and [ only: class bodies in braces still hold constants; call arguments do not.
  // A paren opened right after `const`/`var` is a Go declaration block and does not count.
  let depth = 0;
  const declParens: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t === T.Punct) {
      if (tk.v === '(' || tk.v === '[') {
        const prev = toks[i - 1];
        if (tk.v === '(' && prev && prev.t === T.Id && (prev.v === 'const' || prev.v === 'var')) declParens.push(match[i]);
        else depth++;
      } else if (tk.v === ')' || tk.v === ']') {
        if (declParens.length && declParens[declParens.length - 1] === i) declParens.pop();
        else if (depth > 0) depth--;
      }
      continue;
    }
    if (depth > 0 || tk.t !== T.Id) continue;
    const prev = toks[i - 1];
    if (prev && prev.t === T.Punct && (prev.v === '.' || prev.v === '->')) continue;
    // C# `new { role = "user", content = content }`: `content = …` names a member of the object made, no constant that
    // a later `content` (the method's parameter) would read (held52: a user message priced as the system text).
    if (syn.id === 'csharp' && (isP(prev, '{') || isP(prev, ',')) && isP(toks[i + 1], '=') && csInitializerMember({ toks, match }, i)) continue;
    let j = i + 1;
    if (isP(toks[j], ':')) {
      // Skip a type annotation up to `=` (bounded: annotations are short).
      j++;
      const limit = Math.min(toks.length, j + 12);
      while (j < limit && !ASSIGN.has(toks[j].v) && (toks[j].t === T.Id || (toks[j].t === T.Punct && TYPE_PUNCT.has(toks[j].v)))) j++;
      // An annotation is on the name's line: `if x > limit:` then `y = "…"` on the next, or a `case limit:`, is none.
      if (toks[j] && lineBreakBetween(text, tk.end, toks[j].start)) continue;
    }
    if (!toks[j] || toks[j].t !== T.Punct || !ASSIGN.has(toks[j].v)) continue;
    if (budget.left <= 0) break;
    const value = readConstExpr(toks, j + 1, syn, out, tk.start, text);
    if (!value) continue;
    budget.left -= value.str?.length ?? 0;
    const c: Constant = { name: tk.v, at: tk.start, ...value };
    const list = out.get(tk.v);
    if (list) list.push(c);
    else out.set(tk.v, [c]);
    // The annotation's names (`str` of `SYSTEM: str = …`) bind nothing; its brackets are balanced.
    if (j > i + 1) i = j;
  }
  return out;
}

function readConstExpr(
  toks: Token[],
  i: number,
  syn: LangSyntax,
  known: Constants,
  at: number,
  source = '',
): Omit<Constant, 'name' | 'at'> | undefined {
  let k = i;
  // Python `X = ("a"\n "b")`: implicit concatenation inside parentheses.
  let paren = false;
  if (isP(toks[k], '(') && (toks[k + 1]?.t === T.Str)) {
    paren = true;
    k++;
  }
  const first = toks[k];
  if (!first) return undefined;
  if (first.t === T.Num && first.n !== undefined) {
    const next = toks[k + 1];
    if (next && next.t === T.Punct && !(next.v === ';' || next.v === ',' || next.v === ')' || next.v === '}')) return undefined;
    return { num: first.n, end: first.end };
  }
  let text = '';
  const holes: string[] = [];
  let terms = 0;
  let literal: Token | undefined;
  while (k < toks.length) {
    const tk = toks[k];
    if (tk.t === T.Str) {
      // A Python f-string's holes naming constants defined before take their text (fstring-holes.ts).
      const filled = tk.holes && syn.id === 'python' ? fillHoles(tk, (name) => {
        const ref = resolveConstant(known, name, at);
        return ref?.str !== undefined && ref.at < at ? { text: ref.str, holes: ref.holes ?? [] } : undefined;
      }, (name) => isConstantName(name) || moduleOnce(known, name, source)) : undefined;
      const str = filled?.str ?? tk.v;
      if (text.length + str.length > MAX_JOINED_TEXT) return undefined;
      text += str;
      for (const h of filled?.holes ?? tk.holes ?? []) if (holes.length < 1000) holes.push(typeof h === 'string' ? h : h.expr);
      literal = terms === 0 ? tk : undefined;
      terms++;
      k++;
    } else if (isId(tk)) {
      const chain = chainEnd(toks, k, toks.length);
      // A call's result is not a constant.
      if (isOpen(toks[chain])) return undefined;
      const ref = resolveConstant(known, toks[chain - 1].v, at);
      if (!ref || ref.str === undefined || text.length + ref.str.length > MAX_JOINED_TEXT) return undefined;
      text += ref.str;
      if (ref.holes) for (const h of ref.holes) if (holes.length < 1000) holes.push(h);
      literal = undefined;
      terms++;
      k = chain;
    } else break;
    const next = toks[k];
    if (!next) break;
    if (next.t === T.Punct && (next.v === '+' || (syn.dotConcat && next.v === '.'))) {
      k++;
      continue;
    }
    if (next.t === T.Str) continue; // implicit concatenation
    break;
  }
  if (paren && !isP(toks[k], ')')) return undefined;
  if (!terms) return undefined;
  // `"…".trimIndent()`, `"…".format(x)`: a method's result is not the literal; the evaluator reads it.
  if (!paren && isP(toks[k], '.') && isId(toks[k + 1]) && isOpen(toks[k + 2])) return undefined;
  const r: Omit<Constant, 'name' | 'at'> = { str: text, end: toks[k - 1]?.end ?? toks[k]?.end ?? 0 };
  if (holes.length) r.holes = holes;
  if (literal && !literal.holes) r.literal = literal;
  return r;
}

/** The definition nearest before `at`, else the first one after (module constants used above their line). */
export function resolveConstant(consts: Constants, name: string, at: number): Constant | undefined {
  const list = consts.get(name);
  if (!list) return undefined;
  // Definitions are in source order: binary search for the last one before `at`.
  const n = countBefore(list.length, (i) => list[i].at < at);
  return n > 0 ? list[n - 1] : list[0];
}


/** Words read outside any call that decide a constant's text: an edit of one re-reads the file (editor/incremental.ts). */
export const CONSTANT_WORDS = ['global'];

/**
 * A lower-case Python name defined once, at the module's top level (held-out 22: a review bot's `system_prompt =
 * '''…'''` read as `f'{system_prompt}\n{prompt}'` in a method): no branch of a function sets it to something else
 * (a `global` rebinding aside), so its text is the hole's.
 */
function moduleOnce(known: Constants, name: string, text: string): boolean {
  const list = known.get(name);
  if (list?.length !== 1 || !text) return false;
  const at = list[0].at;
  return (at === 0 || text[at - 1] === '\n') && !globalRebinds(text, name);
}

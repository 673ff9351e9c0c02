// A Python literal of literals (dict, list, tuple of str, int, float, True, False, None, nested) as the text a program
// makes of it: `str()` / an f-string hole gives its repr (`f"Shape: {RESPONSE_JSON}"` → `{'mcqs': [{'mcq': …}]}`),
// `json.dumps(x, indent=4)` its JSON. Quiz generators keep the answer's format so (held42 M8: Srprajapat/Quiz-Generator
// quiz_generator.ipynb and its Streamlit twin). repr: docs.python.org/3/library/stdtypes.html (dict, list, tuple: the
// repr of each item, `{k: v}` joined by ', '); json.dumps: docs.python.org/3/library/json.html#json.dump (separators
// (', ', ': ') without indent, (',', ': ') with it; ensure_ascii escapes every non-ASCII character as \uXXXX; a tuple
// is an array; None, True, False are null, true, false). Anything else (a name, a call, an f-string) leaves it unread.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** A literal read: text, number (with its source text), a word, a list, a tuple, a dict (ordered). */
export type PyLit =
  | { k: 'str'; v: string }
  | { k: 'num'; v: string }
  | { k: 'word'; v: 'True' | 'False' | 'None' }
  | { k: 'list' | 'tuple'; items: PyLit[] }
  | { k: 'dict'; entries: [PyLit, PyLit][] };

/** Tokens and characters of a literal read at most (a hostile file's giant dict is left unread). */
const MAX_TOKENS = 20_000;
const MAX_DEPTH = 32;

/** The literal opening at toks[open] (`{`, `[` or `(`), else undefined. */
export function pyLiteral(s: EvalScope, open: number): PyLit | undefined {
  const { toks, match, text } = s;
  const close = match[open];
  if (!(close > open) || close - open > MAX_TOKENS) return undefined;
  let j = open;
  const value = (depth: number): PyLit | undefined => {
    const tk = toks[j];
    if (!tk || depth > MAX_DEPTH) return undefined;
    if (tk.t === T.Str) {
      let v = '';
      for (; toks[j]?.t === T.Str; j++) {
        // An f-string's holes, a bytes literal (`b'x'` has another repr): not a plain text.
        if (toks[j].holes?.length || /^[bBfF]|^[rR][bBfF]/.test(text.slice(toks[j].start, toks[j].start + 2))) return undefined;
        v += toks[j].v;
      }
      return { k: 'str', v };
    }
    if (tk.t === T.Num) {
      const src = text.slice(tk.start, tk.end);
      if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(src)) return undefined;
      j++;
      return { k: 'num', v: src };
    }
    if (isP(tk, '-') && toks[j + 1]?.t === T.Num) {
      j++;
      const n = value(depth + 1);
      return n?.k === 'num' ? { k: 'num', v: '-' + n.v } : undefined;
    }
    if (isId(tk) && (tk.v === 'True' || tk.v === 'False' || tk.v === 'None')) {
      j++;
      return { k: 'word', v: tk.v };
    }
    if (!isP(tk, '[') && !isP(tk, '(') && !isP(tk, '{')) return undefined;
    const end = match[j];
    if (!(end > j)) return undefined;
    const kind = tk.v;
    j++;
    const items: PyLit[] = [];
    const entries: [PyLit, PyLit][] = [];
    let commas = 0;
    while (j < end) {
      const item = value(depth + 1);
      if (!item) return undefined;
      if (kind === '{') {
        if (!isP(toks[j], ':')) return undefined;
        j++;
        const v = value(depth + 1);
        if (!v) return undefined;
        entries.push([item, v]);
      } else items.push(item);
      if (isP(toks[j], ',')) j++, commas++;
      else if (j !== end) return undefined;
    }
    j = end + 1;
    if (kind === '{') return items.length ? undefined : { k: 'dict', entries };
    // `(x)` is x itself; `(x,)` a tuple.
    if (kind === '(' && items.length === 1 && !commas) return items[0];
    return { k: kind === '(' ? 'tuple' : 'list', items };
  };
  const v = value(0);
  return v && j === close + 1 ? v : undefined;
}

/** Python's repr of the literal (what `str()` and an f-string hole give a dict, list or tuple). */
export function pyRepr(v: PyLit): string {
  switch (v.k) {
    case 'str':
      return strRepr(v.v);
    case 'num':
    case 'word':
      return v.v;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return `(${v.items.map(pyRepr).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    case 'dict':
      return `{${v.entries.map(([a, b]) => `${pyRepr(a)}: ${pyRepr(b)}`).join(', ')}}`;
  }
}

/** Python's repr of a str: single quotes unless the text holds one and no double quote; escapes as Python writes them. */
export function strRepr(x: string): string {
  const q = x.includes("'") && !x.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of x) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === q) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** `json.dumps(v, indent=n)` of the literal; undefined for a key json.dumps rejects (a tuple or a list). */
export function pyJson(v: PyLit, indent: number | undefined, level = 0): string | undefined {
  switch (v.k) {
    case 'str':
      return jsonStr(v.v);
    case 'num':
      return v.v;
    case 'word':
      return v.v === 'None' ? 'null' : v.v === 'True' ? 'true' : 'false';
    case 'list':
    case 'tuple':
    case 'dict': {
      const parts: string[] = [];
      if (v.k === 'dict') {
        for (const [a, b] of v.entries) {
          // json.dumps makes a str of a number, bool or None key.
          const key = a.k === 'str' ? a.v : a.k === 'num' ? a.v : a.k === 'word' ? (a.v === 'None' ? 'null' : a.v.toLowerCase()) : undefined;
          const val = pyJson(b, indent, level + 1);
          if (key === undefined || val === undefined) return undefined;
          parts.push(`${jsonStr(key)}: ${val}`);
        }
      } else {
        for (const x of v.items) {
          const val = pyJson(x, indent, level + 1);
          if (val === undefined) return undefined;
          parts.push(val);
        }
      }
      const [a, b] = v.k === 'dict' ? ['{', '}'] : ['[', ']'];
      if (!parts.length) return a + b;
      if (indent === undefined) return a + parts.join(', ') + b;
      const pad = '\n' + ' '.repeat(indent * (level + 1));
      return a + pad + parts.join(',' + pad) + '\n' + ' '.repeat(indent * level) + b;
    }
  }
}

/** A JSON string as json.dumps writes it (ensure_ascii: every character above 0x7e as \uXXXX). */
function jsonStr(x: string): string {
  let out = '"';
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    const ch = x[i];
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

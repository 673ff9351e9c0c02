// Request keys written as a value, not as a name: Python `{limit_key: n}` (a name as a dict key is its value) and
// `request[limit_key] = n`, JS/TS `{ [limitKey]: n }`. n3d1117/chatgpt-telegram-bot picks the limit's key at run time
// (`'max_completion_tokens' if model in O_MODELS else 'max_tokens'`); a key the evaluator cannot read may be the limit.
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isOpen, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { LIMIT_KEYS, normKey } from './call-keys';
import { label } from './value';
import type { Ctx } from './values';

/** What a computed key names: one key (read as if written), one of several limit keys, another key, or unknown. */
export type KeyName = { name: string } | { limit: true } | { other: true } | { unknown: string };

/** Tokens searched back for the bracket around a key. */
const MAX_ENCLOSING_SEARCH = 400;

/** The open bracket around toks[k] (within `from`), or -1. */
export function enclosing(c: Ctx, k: number, from: number): number {
  const { toks, match } = c;
  for (let j = k - 1; j >= from - 1 && j >= 0 && j > k - MAX_ENCLOSING_SEARCH; j--) {
    const tk = toks[j];
    if (isOpen(tk)) return match[j] > k ? j : -1;
    if (tk.t === T.Punct && match[j] >= 0 && match[j] < j) j = match[j];
  }
  return -1;
}

/**
 * The key at toks[k] when it is written as a value: a Python name before `:` in a dict, the name of
 * `request[name] = …`, or a JS/TS `[name]:` in an object. Undefined when the key is written as a name or a string.
 */
export function computedKey(c: Ctx, k: number, to: number): { at: number; name: KeyName } | undefined {
  const { toks } = c;
  const tk = toks[k];
  if (!tk || (!isP(toks[k - 1], '{') && !isP(toks[k - 1], ','))) return undefined;
  if (c.syn.id === 'python' && isId(tk) && !KEYWORDS.has(tk.v) && isP(toks[k + 1], ':') && isP(toks[enclosing(c, k, 0)], '{')) return { at: k, name: keyName(c, k, k + 1) };
  // `{ [limitKey]: n }`: a computed property name. C#'s index initializer `new Dictionary<string, object> {
  // ["generationConfig"] = new { maxOutputTokens = n } }` (djidorot/CompeteDesk.Web Services/Gemini/GeminiClient.cs).
  const sep = isP(toks[k + 3], ':') || (c.syn.id === 'csharp' && isP(toks[k + 3], '='));
  if (c.syn.id !== 'python' && isP(tk, '[') && (isId(toks[k + 1]) || toks[k + 1]?.t === T.Str) && isP(toks[k + 2], ']') && sep && k + 3 < to) return { at: k + 1, name: keyName(c, k + 1, k + 2) };
  return undefined;
}

/** What the expression toks[from, to) used as a key names. */
export function keyName(c: Ctx, from: number, to: number): KeyName {
  const v = evaluate(c, from, to);
  const text = label(c, from, to);
  if (!v || v.str === undefined || v.holes?.length || v.runtime !== undefined) return { unknown: text };
  const all = [v.str, ...(v.others ?? [])];
  if (all.some((o) => typeof o !== 'string')) return { unknown: text };
  const names = [...new Set(all as string[])];
  if (names.length === 1) return { name: names[0] };
  const limits = names.filter((n) => LIMIT_KEYS.has(normKey(n))).length;
  if (limits === names.length) return { limit: true };
  return limits ? { unknown: text } : { other: true };
}

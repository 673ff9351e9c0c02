// `JSON.stringify(X)` as the text a program sends: apps keep a prompt as an object (a JSON file's member,
// `import basePrompt from "./prompt.json"` then `content: JSON.stringify(basePrompt.developer_prompt)`, held-out
// Patrykbarc/ats-resume-analyzer; or an object literal of rules) and send its serialisation. The text is what
// `JSON.stringify` writes (https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/JSON/stringify):
// compact, keys quoted; with an indent argument, indented. Only fully written values count: an object holding a name
// or a call is left to run time.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import { jsonObjectText } from '../resolve/json-path';
import { alternatives } from './branches';
import type { EvalScope, Value } from './value';

/** A JSON file's object, or one of several chosen at run time: a value that does not depend on the frame it was read in. */
export const jsonObject = (v: Value): boolean => v.obj?.kind === 'json' || (v.obj?.kind === 'any' && v.obj.of.every(jsonObject));

/** `cond ? A : B` of two JSON files' objects (`premium ? proPrompt : basePrompt`): either, chosen at run time. */
export function objectBranches(a: Value | undefined, b: Value | undefined, key: string): Value | undefined {
  return a?.obj?.kind === 'json' && b?.obj?.kind === 'json' && a.obj.dynamic === undefined && b.obj.dynamic === undefined ? { obj: { kind: 'any', of: [a, b], key } } : undefined;
}

/** Longest serialisation read (a prompt object, not a data file). */
const MAX_TEXT = 1 << 18;

/** The text `JSON.stringify(v, null, indent)` gives, or undefined when v is not fully known here. */
export function stringified(v: Value | undefined, indent: Value | undefined): Value | undefined {
  if (!v || v.runtime !== undefined) return undefined;
  const space = indent?.num !== undefined ? Math.min(10, Math.max(0, indent.num)) : indent?.str !== undefined ? indent.str.slice(0, 10) : undefined;
  const out = (parsed: unknown): Value => ({ str: JSON.stringify(parsed, null, space) });
  if (v.str !== undefined) return v.holes?.length ? undefined : out(v.str);
  if (v.num !== undefined) return out(v.num);
  const o = v.obj;
  // One of several objects chosen at run time: the longest text is the worst case, the others named (branches.ts).
  if (o?.kind === 'any') {
    const texts = o.of.map((x) => stringified(x, indent));
    return texts.every((x): x is Value => !!x) ? alternatives(texts, `JSON.stringify of ${o.key}`) : undefined;
  }
  if (o?.kind === 'json' && o.dynamic === undefined) {
    const text = o.scope.index?.text(o.file);
    const hit = text === undefined ? undefined : jsonObjectText(text, o.path, MAX_TEXT);
    return hit && { ...out(JSON.parse(hit.text)), source: { file: o.file, offset: hit.start, what: `${o.path.join('.') || 'the object'} in ${basename(o.file)}` } };
  }
  if (o?.kind === 'table' && !o.frames && !o.struct && o.scope.syn.id === 'javascript') {
    const parsed = literal(o.scope, o.open);
    return parsed === undefined ? undefined : out(parsed.v);
  }
  return undefined;
}

const WORDS: Record<string, unknown> = { true: true, false: false, null: null };

/** A JavaScript object or array literal of literals only, as its value; undefined at anything else. */
function literal(s: EvalScope, open: number): { v: unknown } | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (close < 0 || s.toks[close].end - s.toks[open].start > MAX_TEXT) return undefined;
  let j = open;
  const value = (): { v: unknown } | undefined => {
    const tk = toks[j];
    if (!tk) return undefined;
    if (tk.t === T.Str && !tk.holes?.length) return j++, { v: tk.v };
    if (tk.t === T.Num && /^\d+(\.\d+)?$/.test(tk.v)) return j++, { v: Number(tk.v) };
    if (tk.t === T.Id && tk.v in WORDS) return j++, { v: WORDS[tk.v] };
    if (isP(tk, '[')) {
      const end = match[j++];
      const list: unknown[] = [];
      while (j < end) {
        const item = value();
        if (!item) return undefined;
        list.push(item.v);
        if (isP(toks[j], ',')) j++;
        else if (j !== end) return undefined;
      }
      return j++, { v: list };
    }
    if (isP(tk, '{')) {
      const end = match[j++];
      const obj: Record<string, unknown> = {};
      while (j < end) {
        const key = toks[j];
        if (!(key.t === T.Id || (key.t === T.Str && !key.holes?.length)) || !isP(toks[j + 1], ':')) return undefined;
        j += 2;
        const item = value();
        if (!item) return undefined;
        obj[key.v] = item.v;
        if (isP(toks[j], ',')) j++;
        else if (j !== end) return undefined;
      }
      return j++, { v: obj };
    }
    return undefined;
  };
  const v = value();
  return v && j === close + 1 ? v : undefined;
}

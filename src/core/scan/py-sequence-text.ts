// A Python tuple or list of literals in an f-string's hole is formatted with its repr: `f"models: {LOCAL_MODELS}"`
// over `LOCAL_MODELS = ('llama3.2:3b', 'mistral')` sends "models: ('llama3.2:3b', 'mistral')" (str() of a tuple or
// list is the repr of each item between brackets: https://docs.python.org/3/library/stdtypes.html#tuple, #list).
// AIDevBytes/Streamlit-Ollama-Chatbot config.py: `SYSTEM_PROMPT = f"""… {OLLAMA_MODELS} …"""` in `class Config`.
// Only string literals (implicitly joined ones too) and decimal integers: anything else leaves the hole named.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** Items read at most, and characters of the text made at most. */
const MAX_ITEMS = 256;
const MAX_TEXT = 20_000;

/** The text Python gives a tuple or list of literals held by `v` (a table the evaluator read), else undefined. */
export function pySequenceText(s: EvalScope, v: Value): string | undefined {
  if (v.obj?.kind !== 'table' || v.obj.scope.syn.id !== 'python') return undefined;
  const sc = v.obj.scope;
  const { toks, match, text } = sc;
  const open = v.obj.open;
  const tuple = isP(toks[open], '(');
  if (!tuple && !isP(toks[open], '[')) return undefined;
  const close = match[open];
  if (!(close > open)) return undefined;
  const items: string[] = [];
  let size = 0;
  for (let k = open + 1; k < close; ) {
    let item: string | undefined;
    if (toks[k].t === T.Str) {
      let joined = '';
      for (; k < close && toks[k].t === T.Str; k++) {
        // An f-string's holes, a bytes literal (`b'x'` has another repr): not a plain text.
        if (toks[k].holes?.length || /^[bB]|^[rR][bB]/.test(text.slice(toks[k].start, toks[k].start + 2))) return undefined;
        joined += toks[k].v;
      }
      item = repr(joined);
    } else if (toks[k].t === T.Num && /^[1-9]\d*$|^0$/.test(text.slice(toks[k].start, toks[k].end))) {
      item = text.slice(toks[k].start, toks[k].end);
      k++;
    } else return undefined;
    size += item.length + 2;
    if (items.length >= MAX_ITEMS || size > MAX_TEXT) return undefined;
    items.push(item);
    if (k < close && !isP(toks[k], ',')) return undefined;
    k++;
  }
  // Typing in the sequence changes the text (editor/incremental.ts).
  if (sc.file === s.file) s.read?.push({ start: toks[open].start, end: toks[close].end });
  const body = items.join(', ');
  return tuple ? `(${body}${items.length === 1 ? ',' : ''})` : `[${body}]`;
}

/** Python's repr of a str: single quotes unless the text holds one and no double quote; escapes as Python writes them. */
function repr(x: string): string {
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

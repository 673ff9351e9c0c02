// A Rust application's own request builder, whose setters are not named after the request's keys:
// `ResponseRequest::builder().model(model.to_string()).input_text(prompt.to_string())….build()` posted with
// `.json(&request)`, its setter `pub fn input_text(mut self, input: String) -> Self { self.request.input =
// Some(InputType::Text(input)); self }` (ssword/openai-response.rs src/api/client.rs and src/api/models.rs). The link
// is read as the field its setter assigns its parameter to (`input`, a prompt key), so a prompt passed in is a part
// of the request (here a run-time one) and the count no exact one. The setters are those of the crate's `src` files
// (or of the file alone when no crate is in view), found once per crate.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import { CALL_MODEL_KEYS, FEATURE_KEYS, LIMIT_KEYS, MESSAGE_WRAPPERS, PROMPT_KEYS, SERVICE_TIER_KEYS, builderKey, normKey } from './call-keys';
import { crateFiles, crateSrc } from './rust-crate';
import type { EvalScope } from './value';

interface Setter {
  /** The field the setter's parameter is assigned to (`input` of `self.request.input = …`). */
  field: string;
  file: string;
  /** The setter's text, read again when it is in the walked file (the keystroke path). */
  span: Span;
}

/** Crate files searched for setters at most. */
const MAX_FILES = 200;
/** Setters of files read without a crate (a file on its own), by its tokens. */
const ALONE = new KeyMemo<object, Map<string, Setter>>();

/** The key a builder link `.name(` at toks[k] sets: its name as a key, or for a Rust setter of the app's own that
 * assigns its parameter to a field whose name is a key, that field. */
export function linkKey(c: EvalScope, k: number): string {
  const key = builderKey(c.syn.id, normKey(c.toks[k].v));
  if (c.syn.id !== 'rust' || !isP(c.toks[k - 1], '.') || known(key)) return key;
  const setter = setters(c).get(c.toks[k].v);
  // A request's own `text` is the Responses API's output format (platform.openai.com/docs/api-reference/responses/create),
  // not the prompt a content part's `text` is.
  if (!setter || setter.field === 'text' || !known(normKey(setter.field))) return key;
  if (setter.file === c.file) c.read?.push(setter.span);
  return normKey(setter.field);
}

function known(key: string): boolean {
  return PROMPT_KEYS.has(key) || CALL_MODEL_KEYS.has(key) || LIMIT_KEYS.has(key) || SERVICE_TIER_KEYS.has(key) || MESSAGE_WRAPPERS.has(key) || key in FEATURE_KEYS;
}

/** The setters of the crate (or of the file), by name; a name with two setters assigning different fields has none. */
function setters(c: EvalScope): Map<string, Setter> {
  const idx = c.index;
  const root = idx && crateSrc(c);
  if (!idx || !root) {
    let own = ALONE.get(c.toks);
    if (!own) {
      own = new Map();
      fileSetters(c, own);
      ALONE.set(c.toks, own);
    }
    return own;
  }
  return idx.memo(root, 'rust-setters', () => {
    const out = new Map<string, Setter>();
    for (const f of crateFiles(c).slice(0, MAX_FILES)) {
      const text = f === c.file ? c.text : idx.text(f);
      if (!text?.includes('mut self')) continue;
      const sc = f === c.file ? c : idx.scope(f);
      if (sc) fileSetters(sc, out);
    }
    return out;
  });
}

/** `fn NAME(mut self, p: T) … { self.….FIELD = …p…; … }` in a file, into `out`. */
function fileSetters(s: EvalScope, out: Map<string, Setter>): void {
  const { toks, match } = s;
  for (let k = 0; k + 6 < toks.length; k++) {
    if (toks[k].v !== 'fn' || !isId(toks[k + 1]) || !isP(toks[k + 2], '(')) continue;
    const open = k + 2;
    const close = match[open];
    // `(mut self, p: T)`: one parameter beside the receiver taken by value.
    if (toks[open + 1]?.v !== 'mut' || toks[open + 2]?.v !== 'self' || !isP(toks[open + 3], ',') || !isId(toks[open + 4]) || !isP(toks[open + 5], ':') || !(close > open + 5)) continue;
    if (secondParam(s, open + 6, close)) continue;
    const param = toks[open + 4].v;
    let b = close + 1;
    while (b < toks.length && b < close + 16 && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
    if (!isP(toks[b], '{') || !(match[b] > b)) continue;
    const field = assigned(s, b + 1, match[b], param);
    if (!field) continue;
    const name = toks[k + 1].v;
    const had = out.get(name);
    if (had && had.field !== field) out.set(name, { ...had, field: '' });
    else if (!had) out.set(name, { field, file: s.file, span: { start: toks[k].start, end: toks[match[b]].end } });
  }
}

/** The field of the first `self.(….)FIELD = …` in toks[from, to) whose value names `param`. */
function assigned(s: EvalScope, from: number, to: number, param: string): string | undefined {
  const { toks } = s;
  for (let k = from; k + 2 < to; k++) {
    if (toks[k].v !== 'self' || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.')) continue;
    let j = k + 2;
    while (isId(toks[j]) && isP(toks[j + 1], '.') && isId(toks[j + 2])) j += 2;
    if (!isId(toks[j]) || !isP(toks[j + 1], '=')) continue;
    for (let v = j + 2; v < to && !isP(toks[v], ';'); v++) if (toks[v].v === param && isId(toks[v])) return toks[j].v;
    return undefined;
  }
  return undefined;
}

/** A `, name:` in toks[from, to): a parameter after the first. */
function secondParam(s: EvalScope, from: number, to: number): boolean {
  const { toks } = s;
  for (let j = from; j + 2 < to; j++) if (isP(toks[j], ',') && isId(toks[j + 1]) && isP(toks[j + 2], ':')) return true;
  return false;
}

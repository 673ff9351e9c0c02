// A reqwest body that is a parameter typed with a serde struct of the crate (`request: &ChatGptRequest` sent as
// `.body(serde_json::to_string(request).unwrap())`, dcl10/chat-with-gpt src-tauri/src/chatgpt.rs with `#[derive(…,
// Serialize, …)] pub struct ChatGptRequest { pub model: String, pub messages: Vec<Message> }` in models.rs): its values
// are the caller's, but the JSON has only the struct's fields (serde's derive writes each field, nothing else:
// https://serde.rs/derive.html, https://serde.rs/attributes.html). With none of them an output limit, the request sends
// no limit at all: the API's default, not a limit chosen at run time.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { LIMIT_KEYS, normKey } from './call-keys';
import { tables } from './scope';
import { typeFile, typeNameAt } from './rust-fields';
import type { Ctx } from './values';

/** Field types that can carry keys of their own into the JSON (a map, an untyped value). */
const OPEN_TYPES = /^(?:HashMap|BTreeMap|Map|Value|IndexMap)$/;

/** Whether the body toks[from, to) is such a parameter, its struct declared with serde's Serialize and no limit field. */
export function rustStructSendsNoLimit(c: Ctx, from: number, to: number): boolean {
  const { toks } = c;
  if (c.syn.id !== 'rust' || to !== from + 1 || !isId(toks[from])) return false;
  const b = tables(c).binds.get(toks[from].v)?.filter((x) => x.name < from).pop();
  if (!b || b.kind !== 'param' || b.value >= 0 || !isP(toks[b.name + 1], ':')) return false;
  const j = typeNameAt(c, b.name + 2);
  const s = j < 0 ? undefined : typeFile(c, toks[j].v);
  if (!s) return false;
  c.read?.push({ start: toks[b.name].start, end: toks[j].end });
  const st = s.toks;
  const at = st.findIndex((t, k) => t.v === toks[j].v && st[k - 1]?.v === 'struct' && isP(st[k + 1], '{'));
  if (at < 0 || !derivesSerialize(s.toks, at)) return false;
  const close = s.match[at + 1];
  if (!(close > at)) return false;
  for (let k = at + 2; k < close; k++) {
    const t = st[k];
    // A renamed field (`#[serde(rename = "max_tokens")]`) or a flattened one (`#[serde(flatten)]`): its keys are others.
    if (t.t === T.Str && LIMIT_KEYS.has(normKey(t.v))) return false;
    if (t.v === 'flatten' || (isId(t) && OPEN_TYPES.test(t.v))) return false;
    if (isId(t) && isP(st[k + 1], ':') && !isP(st[k + 2], ':') && LIMIT_KEYS.has(normKey(t.v))) return false;
  }
  return true;
}

/** `#[derive(…, Serialize, …)]` among the attributes just before `struct` (and its `pub`). */
function derivesSerialize(toks: Ctx['toks'], at: number): boolean {
  let k = at - 2;
  if (toks[k]?.v === 'pub') k--;
  // Attributes end with `]`; read back through them.
  for (let n = 0; n < 6 && isP(toks[k], ']'); n++) {
    let open = k;
    while (open > 0 && !isP(toks[open], '[')) open--;
    for (let m = open; m < k; m++) if (toks[m].v === 'Serialize') return true;
    k = open - 2;
  }
  return false;
}

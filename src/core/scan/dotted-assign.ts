// An object kept under a dotted name that is no `self`/`this` member: Streamlit's `st.session_state.chat_engine =
// index.as_chat_engine(…)`, set once (usually under `if "chat_engine" not in st.session_state:`) and used on every
// rerun of the script as `st.session_state.chat_engine.chat(prompt)` (docs.streamlit.io, "Session State": "a way to
// share variables between reruns, for each user session"). The value is the one the file assigns to that very chain;
// with several assignments of it the object is not known here.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** The dotted chain of names that ends at token `last` (`st`, `session_state`, `chat_engine`): its first token, or -1. */
function chainStart(c: Ctx, last: number): number {
  const { toks } = c;
  let s = last;
  while (isP(toks[s - 1], '.') && isId(toks[s - 2])) s -= 2;
  return s < last && !isP(toks[s - 1], '.') ? s : -1;
}

/**
 * The value's first token in the file's one assignment `a.b.x = value` of the chain that ends at `last`, or -1 (no
 * chain, a `self.`/`this.` member, none or several assignments).
 */
export function dottedAssigned(c: Ctx, last: number): number {
  const { toks } = c;
  const s = chainStart(c, last);
  if (s < 0 || /^(self|this|cls)$/.test(toks[s].v)) return -1;
  const n = last - s + 1;
  let found = -1;
  for (let k = 0; k + n + 1 < toks.length; k++) {
    if (toks[k].v !== toks[s].v || isP(toks[k - 1], '.')) continue;
    let same = true;
    for (let i = 1; i < n && same; i++) same = toks[k + i].v === toks[s + i].v && toks[k + i].t === toks[s + i].t;
    if (!same || !isP(toks[k + n], '=') || isP(toks[k + n + 1], '=')) continue;
    if (found >= 0) return -1;
    found = k + n + 1;
  }
  return found;
}

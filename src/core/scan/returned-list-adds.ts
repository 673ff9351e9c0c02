// A messages list a helper builds and returns: `msgs = [{"role": "system", …}]`, `for old in history: msgs.append(…)`,
// `msgs.append({"role": "user", "content": self.template.format(…)})`, `return msgs`, sent as `messages=self.build(…)`
// (held-out father-bot openai_utils.py _generate_prompt_messages, bilingual_book_maker claude_translator.py
// create_messages). The evaluator gives the literal the name was assigned; what is appended to it before the
// `return` is the helper's too (message-lists.ts addedBefore), or the list would be priced as its first message only.
import { isClose, isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { indentAt, newlineBetween } from './body-ends';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;
type Added = (c: Ctx, name: string, from: number, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect) => void;

/** Tokens after the list searched for its `return`. */
const MAX_RETURN_SEARCH = 5000;

/**
 * When the list literal at `open` is assigned to a local (`msgs = [`, `msgs: list = [`, `const msgs = [`) that its
 * function returns (`return msgs`) later, reads what is added to it in between into `out` (through `added`).
 */
export function returnedListAdds(c: Ctx, open: number, span: Span, out: PromptPart[], depth: number, collect: Collect, added: Added): void {
  const at = assignedName(c, open);
  if (at < 0) return;
  const ret = returnOf(c, at, c.match[open]);
  if (ret < 0) return;
  // The name, the appends and the `return`: an edit of any changes what the helper gives (editor/incremental.ts).
  c.read?.push({ start: c.toks[at].start, end: c.toks[ret + 1].end });
  added(c, c.toks[at].v, c.match[open], ret, span, out, depth, collect);
}

/** The name token the list at toks[open] is assigned to, or -1. */
function assignedName(c: Ctx, open: number): number {
  const { toks } = c;
  // Java `List<Map<String, String>> msgs = new ArrayList<>();` (the `(` of the constructor, initializer.ts): its `new`.
  if (c.syn.id === 'java' && isP(toks[open], '(') && isP(toks[open - 1], '>')) for (let n = 0; n < 6 && open > 0 && toks[open].v !== 'new'; n++) open--;
  if (!isP(toks[open - 1], '=')) return -1;
  let j = open - 2;
  // `msgs: list[dict] = [`: back over the annotation to the name on the same line.
  if (!(isId(toks[j]) && isP(toks[j + 1], '='))) {
    for (let n = 0; j > 0 && n < 16 && !isP(toks[j], ':'); j--, n++) if (newlineBetween(c.text, toks[j].end, toks[j + 1].start)) return -1;
    j--;
  }
  return isId(toks[j]) && !isP(toks[j - 1], '.') ? j : -1;
}

/** The `return name` after toks[from] in the function that assigns name at toks[at]; -1 when the function ends first. */
function returnOf(c: Ctx, at: number, from: number): number {
  const { toks, match, text } = c;
  const name = toks[at].v;
  const py = c.syn.id === 'python';
  const col = py ? indentAt(text, text.lastIndexOf('\n', toks[at].start - 1) + 1) : 0;
  for (let k = from + 1; k < toks.length && k < from + MAX_RETURN_SEARCH; k++) {
    const tk = toks[k];
    // Python: a statement less indented than the list's leaves its function (or block); braces: a `}` opened before it.
    if (py && newlineBetween(text, toks[k - 1].end, tk.start) && tk.start - text.lastIndexOf('\n', tk.start - 1) - 1 < col && !isClose(tk)) return -1;
    if (!py && isClose(tk) && match[k] >= 0 && match[k] < at) return -1;
    if (isId(tk) && tk.v === 'return' && toks[k + 1]?.v === name && isId(toks[k + 1])) {
      const after = toks[k + 2];
      if (!after || isP(after, ';') || isP(after, '}') || newlineBetween(text, toks[k + 1].end, after.start)) return k;
    }
  }
  return -1;
}

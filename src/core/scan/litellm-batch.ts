// LiteLLM's `batch_completion(model=…, messages=[[…], […]], max_tokens=…)` sends one `litellm.completion` per message
// list (litellm/batch_completion/main.py: each `message_list` of `messages` is submitted as its own completion with
// the other arguments). A call is one of those lists, so its input is one list, never their sum: the one with the most
// known text (a worst case, as for several callers' lists, list-callers.ts). How many are sent is a run of that many
// calls: the count of a literal list of lists, else (`[[…] for q in questions]`, a name) known only at run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart, RunSite } from '../types';
import { keyAt, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { elements } from './tools';

export const BATCH_SHAPE = 'litellm.batch_completion';

/** Sets the run and input of a batch_completion site whose arguments are toks(open, end); nothing for any other call. */
export function batchRun(c: Ctx, site: CallSite, open: number, end: number): RunSite | undefined {
  if (site.shape !== BATCH_SHAPE) return undefined;
  const { toks, match } = c;
  const at = messagesArg(c, open, end);
  const anchor = { start: site.anchor.start, end: site.anchor.end };
  const extent = { start: site.span.start, end: site.span.end };
  const run = (turns: number | undefined, from: string): RunSite => ({ kind: 'loop', ...(turns !== undefined ? { turns } : {}), turnsSource: turns === undefined ? 'setting' : 'code', turnsFrom: from, growsHistory: false, anchor, extent });
  if (at < 0 || !isP(toks[at], '[') || !(match[at] > at)) return run(undefined, 'batch_completion: one call per message list, how many known at run time');
  const close = match[at];
  const lists: number[] = [];
  let loopAt = -1;
  for (let j = at + 1; j < close; j++) {
    if (isP(toks[j], '[') && match[j] > j && (j === at + 1 || isP(toks[j - 1], ','))) {
      lists.push(j);
      j = match[j];
    } else if (isId(toks[j]) && toks[j].v === 'for' && loopAt < 0) loopAt = j;
    else if ((isP(toks[j], '(') || isP(toks[j], '{')) && match[j] > j) j = match[j];
  }
  if (!lists.length) return run(undefined, 'batch_completion: one call per message list, how many known at run time');
  // Each list is one call's messages: the one with the most known text.
  let best: PromptPart[] = [];
  let bestOpen = lists[0];
  let bestText = -1;
  for (const l of lists) {
    const parts: PromptPart[] = [];
    collectParts(c, l + 1, match[l], parts);
    const n = parts.reduce((s, p) => s + (p.resolved ? p.text.length : 0), 0);
    if (n > bestText) [best, bestOpen, bestText] = [parts, l, n];
  }
  const others = site.parts.filter((p) => p.span.start < toks[at].start || p.span.end > toks[close].end);
  site.parts = [...best, ...others];
  site.messages = Math.max(1, elements(c, bestOpen));
  // `[[…] for q in questions]`: one list written, made once per item.
  if (loopAt >= 0) return run(undefined, `batch_completion: one call per list, ${c.text.slice(toks[loopAt].start, toks[close - 1].end).replace(/\s+/g, ' ')}`);
  return run(lists.length, `batch_completion: ${lists.length} message lists, one call each`);
}

/** The value of the `messages=` argument (or the second positional one, after `model`), or -1. */
function messagesArg(c: Ctx, open: number, end: number): number {
  const { toks } = c;
  let pos = 0;
  for (let k = open + 1; k < end; ) {
    const sep = keyAt(c, k);
    const from = sep > 0 ? sep + 1 : k;
    if (sep > 0 && toks[k].v === 'messages') return from;
    if (sep < 0 && pos === 1 && toks[k].t !== T.Punct) return from;
    const e = valueEnd(c, from, end);
    if (sep < 0) pos++;
    k = e + 1;
  }
  return -1;
}

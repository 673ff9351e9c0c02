// A constructor that sets `self.x` and then sets it again in an if block that also sets a flag:
//     self.chatgpt_model = self.config.get('OpenAI', 'CHATGPT_MODEL')
//     if not self.chat_api_list:
//         self.chatgpt_model = self.config.get('AzureOPenAI', 'CHATGPT_MODEL')
//         openai.api_type = 'azure'
// (kaixindelele/ChatPaper chat_paper.py). A method's use under `if openai.api_type == 'azure':` sees the block's value;
// one under its `else:` sees the value set before the block, not the block's, which the later of the two would give.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { firstOnLine, pyBlockEnd } from './body-ends';
import { armsNeed } from './branch-tests';
import type { Binding } from './scope';
import type { EvalScope } from './value';

const HEADS = new Set(['if', 'elif', 'else']);
/** Tokens walked back from an assignment to its block's header, and over a header to its `:`. */
const MAX_WALK = 2000;

/** Of a constructor's assignments `set` (in order), the one a use at `pos` sees when a flag decides it; else undefined. */
export function constructorArm(s: EvalScope, set: Binding[], pos: number): Binding | undefined {
  if (s.syn.id !== 'python' || set.length < 2) return undefined;
  const last = set[set.length - 1];
  const block = blockOf(s, last.name);
  if (!block) return undefined;
  // The block's header and the flags it sets, away from the use: `if` -> `ifx` unmakes the block (the keystroke path).
  s.read?.push({ start: s.toks[block.head].start, end: s.toks[Math.min(block.end, s.toks.length) - 1].end });
  const before = set.filter((b) => b.name < block.head);
  const prev = before[before.length - 1];
  if (!prev) return undefined;
  const use = countBefore(s.toks.length, (k) => s.toks[k].start < pos);
  if (use >= s.toks.length) return undefined;
  for (const f of flags(s, block.body, block.end)) {
    // Set to that text once in the file: the test reads this block's doing.
    if (flags(s, 0, s.toks.length).filter((g) => g.key === f.key && g.value === f.value).length !== 1) continue;
    const need = armsNeed(s, use, f.key, f.value);
    if (need === true) return last;
    if (need === false) return prev;
  }
  return undefined;
}

/** The if / elif / else block a statement at token `at` is in: its header's token, its body's first token, its end. */
function blockOf(s: EvalScope, name: number): { head: number; body: number; end: number } | undefined {
  const { toks, text, match } = s;
  // The statement starts at `self` of `self.x = …`.
  let at = name;
  while (at >= 2 && isP(toks[at - 1], '.') && isId(toks[at - 2])) at -= 2;
  if (!firstOnLine(text, toks[at].start)) return undefined;
  const col = column(text, toks[at].start);
  let head = -1;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    if (firstOnLine(text, toks[k].start) && column(text, toks[k].start) < col) {
      head = k;
      break;
    }
  }
  if (head < 0 || toks[head].t !== T.Id || !HEADS.has(toks[head].v)) return undefined;
  let colon = head + 1;
  for (let n = 0; colon < at && n < MAX_WALK && !isP(toks[colon], ':'); n++) colon = match[colon] > colon ? match[colon] + 1 : colon + 1;
  if (!isP(toks[colon], ':')) return undefined;
  return { head, body: colon + 1, end: pyBlockEnd(s, colon + 1, head) };
}

/** `name = "text"` / `a.b = "text"` statements in toks[from, to). */
function flags(s: EvalScope, from: number, to: number): { key: string; value: string }[] {
  const { toks, text } = s;
  const out: { key: string; value: string }[] = [];
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || !firstOnLine(text, toks[k].start)) continue;
    let e = k;
    let key = toks[k].v;
    while (isP(toks[e + 1], '.') && isId(toks[e + 2])) {
      key += '.' + toks[e + 2].v;
      e += 2;
    }
    const v = toks[e + 2];
    if (!isP(toks[e + 1], '=') || v?.t !== T.Str || v.holes?.length || isP(toks[e + 2], '=')) continue;
    const next = toks[e + 3];
    if (next && !firstOnLine(text, next.start)) continue;
    out.push({ key, value: v.v });
  }
  return out;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

// PHP SDK objects kept before they are called (CallShape.madeBy): openai-php's resource held in a property,
// `$this->chat = OpenAI::chat();` in the constructor then `$this->chat->create([…])` in a method (vccvn/m-ai
// app/Services/GPT/ChatService.php), or in a local (`$chat = $client->chat(); $chat->create([…])`); a chat session of
// gemini-api-php/laravel, `$chat = Gemini::startChat($history); $chat->sendMessage($text)`, or chained,
// `Gemini::startChat()->sendMessage($text)`. The receiver is a call of the maker (a method of that name after `->` or
// `::`, on the class `on` when given), directly, or as the value every assignment of the local / property gives it.
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import type { Found } from './keys';
import { label } from './value';
import type { Ctx } from './values';

type Makers = NonNullable<CallShape['madeBy']>;

/** The bracket of the maker's call that made the receiver of the call whose anchor starts at toks[first] (`->`), or -1. */
export function heldReceiver(c: Ctx, first: number, makers: Makers): number {
  const { toks, match } = c;
  const r = first - 1;
  if (isP(toks[r], ')')) return makerCall(c, match[r], makers);
  if (!isId(toks[r])) return -1;
  const prop = isP(toks[r - 1], '->') && toks[r - 2]?.v === '$this';
  if (!prop && (!toks[r].v.startsWith('$') || isP(toks[r - 1], '->') || isP(toks[r - 1], '::'))) return -1;
  const values = assignments(c, toks[r].v, prop);
  // A local: its nearest assignment before the call; a property: every assignment of the class's file.
  const use = prop ? values : values.filter((v) => v < first).slice(-1);
  if (!use.length) return -1;
  let out = -1;
  for (const v of use) {
    const e = statementEnd(c, v);
    out = isP(toks[e - 1], ')') ? makerCall(c, match[e - 1], makers) : -1;
    if (out < 0) return -1;
  }
  return out;
}

/** The bracket at `open` when it is a call of a maker (`->chat(`, `::chat(`, `Gemini::startChat(`), else -1. */
function makerCall(c: Ctx, open: number, makers: Makers): number {
  const { toks } = c;
  if (open < 2 || !isP(toks[open], '(')) return -1;
  const name = toks[open - 1].v;
  const sep = toks[open - 2];
  if (!isP(sep, '->') && !isP(sep, '::')) return -1;
  return makers.some((m) => m.method === name && (!m.on || (isP(sep, '::') && toks[open - 3]?.v === m.on))) ? open : -1;
}

/** First value tokens of `$x = …` (or `$this->x = …` for a property) in the file. */
function assignments(c: Ctx, name: string, prop: boolean): number[] {
  const { toks } = c;
  const out: number[] = [];
  for (let k = 1; k < toks.length - 2 && out.length < 8; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '=')) continue;
    if (prop !== (isP(toks[k - 1], '->') && toks[k - 2]?.v === '$this')) continue;
    out.push(k + 2);
  }
  return out;
}

/** The index of the `;` that ends the statement whose value starts at toks[v]. */
function statementEnd(c: Ctx, v: number): number {
  const { toks, match } = c;
  let e = v;
  while (e < toks.length && !isP(toks[e], ';') && !isP(toks[e], '}')) e = match[e] > e ? match[e] + 1 : e + 1;
  return e;
}

/** The maker's arguments (a chat session's history, `Gemini::startChat($history)`) are sent with each message: their
 * labels join the call's run-time parts. */
export function heldArguments(c: Ctx, f: Found, first: number, makers: Makers): void {
  const open = heldReceiver(c, first, makers);
  const close = open < 0 ? -1 : c.match[open];
  if (close <= open + 1) return;
  const { toks } = c;
  f.parts.push({ text: '', span: { start: toks[open + 1].start, end: toks[close - 1].end }, resolved: false, label: label(c, open + 1, close) });
}

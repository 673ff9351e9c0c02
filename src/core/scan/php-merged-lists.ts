// A PHP messages list made by array_merge of literal lists and lists known at run time (held73 P1, SheldonArendse/
// Visa-ChatBot APIController.php: `$apiMessages = array_merge([$systemMessage, $faqContextMessage], $conversation);`
// then `$apiMessages[] = [...]` and `'messages' => $apiMessages`). php.net array_merge: "Values in the input arrays
// with numeric keys will be renumbered with incremented keys starting from zero in the result array", so a list of
// messages joined this way is each list's messages in order. The literal lists are read as written; any other
// argument (a session's history, a parameter) is named as known at run time. Request maps joined by array_merge
// are php-arrays.ts's.
import { isP } from '../lex/brackets';
import type { Ctx } from './values';
import { args } from './calls';
import { assignedAt } from './message-lists';
import { label } from './value';

/** Arguments of one array_merge read at most. */
const MAX_ARGS = 8;

export interface MergedList {
  /** The `[` (or `array`'s `(`) of each literal list argument, in order. */
  opens: number[];
  /** The other arguments, by their text. */
  rest: string[];
  /** The merge's `)`: additions to the name are read after it. */
  end: number;
}

/**
 * The array_merge `name`, used at token `k`, was last assigned (`$name = array_merge([…], $history);`), when at least
 * one argument is a literal list of elements without keys (a list of messages, not a request map); undefined
 * otherwise.
 */
export function phpMergedList(c: Ctx, name: string, k: number): MergedList | undefined {
  const { toks, match } = c;
  const at = assignedAt(c, name, k);
  if (at < 0 || toks[at].v !== 'array_merge' || !isP(toks[at + 1], '(')) return undefined;
  const close = match[at + 1];
  if (!(close > at + 1) || close >= k || !isP(toks[close + 1], ';')) return undefined;
  const list = args(c, at + 1, close);
  if (!list.length || list.length > MAX_ARGS) return undefined;
  const opens: number[] = [];
  const rest: string[] = [];
  for (const a of list) {
    const open = isP(toks[a.from], '[') ? a.from : toks[a.from].v === 'array' && isP(toks[a.from + 1], '(') ? a.from + 1 : -1;
    if (open >= 0 && match[open] === a.to - 1) {
      // A keyed element (`'model' => …`) makes it a map: a request joined, not a message list.
      if (phpKeyed(c, open)) return undefined;
      opens.push(open);
    } else rest.push(label(c, a.from, a.to));
  }
  return opens.length ? { opens, rest, end: close + 1 } : undefined;
}


/** Is the PHP array literal opened at toks[open] keyed (`['role' => 'user', …]`): a map, one message, not a list? */
export function phpKeyed(c: Ctx, open: number): boolean {
  return args(c, open, c.match[open]).some((e) => isP(c.toks[e.from + 1], '=>'));
}

// Ruby's `… do … end` blocks as scopes: a local first assigned in a block is the block's alone ("Since the block
// creates a new scope, any local variables created inside it do not leak to the surrounding scope":
// ruby-doc.org/core-2.6/doc/syntax/assignment_rdoc.html, Local Variable Scope). RSpec examples are such blocks: a
// `chat = RubyLLM.chat(…)` in one `it … do` is not the `chat` of the next (crmne/ruby_llm spec/ruby_llm/
// chat_streaming_spec.rb:28, `model = 'gpt-4.1-nano' if …` in one example, read for another's `model`). A `while … do`
// / `until … do` / `for … do` loop is no scope.
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { EvalScope } from './value';
import { indentAt, newlineBetween, rubyEnd } from './body-ends';

/** Tokens walked back for the lines that open the blocks around a token. */
const MAX_BACK = 20000;
/** Enclosing blocks walked out through at most. */
const MAX_LEVELS = 16;
/** Loops whose `do` opens no scope. */
const LOOPS = new Set(['while', 'until', 'for']);

/** The file's scope, with the reads a call records (editor/incremental.ts). */
type Scope = Pick<EvalScope, 'syn' | 'text' | 'toks' | 'read'>;

/** Offset of the start of the line holding `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** An assignment at `def` inside a `… do … end` block that ends before the send at `use`. */
export function closedBefore(c: Scope, def: number, use: number): boolean {
  const b = enclosingDo(c, def);
  return !!b && b[1] < use;
}

/** A local assigned at `def` inside a `… do … end` block that does not hold the use at offset `pos`. */
export function outsideDo(c: Scope, def: number, pos: number): boolean {
  const b = enclosingDo(c, def);
  return !!b && !(c.toks[b[0]].start < pos && c.toks[b[1]].start > pos);
}

/**
 * The innermost `do … end` block around toks[k], read by indentation: the lines that start less indented than k's,
 * walking back, the first of them that ends in `do` (or `do |x|`); its `do` and `end` indices, or undefined.
 */
export function enclosingDo(c: Scope, k: number): [number, number] | undefined {
  let memo = BLOCKS.get(c.toks);
  if (!memo) BLOCKS.set(c.toks, (memo = new Map()));
  let hit = memo.get(k);
  if (hit === undefined) memo.set(k, (hit = around(c, k)));
  if (!hit) return undefined;
  c.read?.push({ start: c.toks[hit[2]].start, end: c.toks[hit[1]].end });
  return [hit[0], hit[1]];
}

/** Per token list: the block around a token, asked for each binding of a name and each send (speed). */
const BLOCKS = new WeakMap<Token[], Map<number, [number, number, number] | null>>();

/** A token that starts its line (tokens hold no comments: the gap before it is blank or a comment). */
const starts = (c: Scope, j: number) => j === 0 || newlineBetween(c.text, c.toks[j - 1].end, c.toks[j].start);

/** enclosingDo's walk: the `do`, its `end` and the first token of the `do`'s line, or null. */
function around(c: Scope, k: number): [number, number, number] | null {
  const { toks, text } = c;
  let indent = indentAt(text, lineStart(text, toks[k].start));
  const stop = Math.max(0, k - MAX_BACK);
  for (let j = k - 1, levels = 0; j >= stop && indent > 0 && levels < MAX_LEVELS; j--) {
    if (!starts(c, j)) continue;
    const ind = indentAt(text, lineStart(text, toks[j].start));
    if (ind >= indent) continue;
    indent = ind;
    levels++;
    const d = lineDo(c, j);
    if (d < 0) continue;
    const end = rubyEnd(text, toks, d + 1);
    // A block still open at the text's end (a prefix cut in the editor, core/editor/prefix.ts) holds the rest.
    return end > k ? [d, Math.min(end, toks.length - 1), j] : null;
  }
  return null;
}

/** The `do` that ends the line starting at toks[j] (before an optional `|params|`), or -1. */
function lineDo(c: Scope, j: number): number {
  const { toks } = c;
  let last = j;
  while (last + 1 < toks.length && !starts(c, last + 1)) last++;
  // `do |chunk|`: the parameters after it.
  if (isP(toks[last], '|')) {
    let p = last - 1;
    while (p > j && !isP(toks[p], '|')) p--;
    last = p - 1;
  }
  const tk = toks[last];
  if (LOOPS.has(toks[j].v)) return -1;
  return tk && tk.t === T.Id && tk.v === 'do' && !isP(toks[last - 1], '.') ? last : -1;
}

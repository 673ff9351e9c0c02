// Which bindings a use cannot see because they are another function's locals. The nearest binding before a use
// (lookup.ts pick) was any of the file's: Arefaris/telegram_bot src/main.ts took a `bot.on(…, async (ctx) => { const
// tools = aiReply.choices[0].message.tool_calls })` local for the `tools` shorthand of a request in another function,
// over the module's `const tools: ChatCompletionTool[] = [...]` (9 input tokens for 99).
// Python, Ruby and PHP make a name assigned in a function that function's own (visible.ts, named functions); brace
// languages declare a local (`const`, `let`, `val`, `:=`, Rust `let`, a Java/C# type) in the block it is written in.
import { T } from '../lex/lexer';
import { isId, isP, KEYWORDS } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { localElsewhere } from './visible';
import { enclosingBraces } from './definitions';
import { outsideDo } from './ruby-do-blocks';

const FUNCTION_LOCALS = new Set(['python', 'ruby', 'php']);

/** Words a brace-language local is declared with, right before its name. */
const DECLARE = new Set(['const', 'let', 'val', 'mut']);

/** Words before `{` that open statements (a body), by language; `)` (a function's or an if's head) and `=>` too. */
const BODY_OPENERS = new Set([')', '=>', '->', 'else', 'try', 'finally', 'do', 'defer', 'go', 'unsafe', 'loop', 'async', 'move']);

/** For each token, the index of the innermost `{` around it (-1 at top level), memoised per token array (definitions.ts). */
const blocks = (s: FileScope): Int32Array => enclosingBraces(s);

/** Whether the binding's name is declared right there as a block's local (not a plain assignment of an outer name). */
function declared(s: FileScope, i: number): boolean {
  const { toks } = s;
  const prev = toks[i - 1];
  if (isId(prev) && DECLARE.has(prev.v)) return true;
  if (s.syn.id === 'go' && (isP(toks[i + 1], ':=') || (isId(prev) && prev.v === 'var'))) return true;
  // JavaScript `var` is the function's, seen across its blocks: left to the nearest binding.
  if (s.syn.id === 'javascript' || s.syn.id === 'go' || s.syn.id === 'rust') return false;
  // Java / C# / Kotlin / Swift: a type (or `var`) before the name (`String tools = …`, `List<Tool> tools = …`).
  return (isId(prev) && (prev.v === 'var' || !KEYWORDS.has(prev.v))) || isP(prev, '>') || isP(prev, ']') || isP(prev, '?');
}

/** Whether the block opening at `open` holds statements (a function's or a statement's body), not a class's members:
 * its head, back to the statement before, names no class (`class A(private val api: Api) {`, `companion object {`)
 * and has a parameter list or an arrow (`) {`, `=> {`, Go's `) error {`, Rust's `-> Value {`) or a block word. */
function codeBlock(s: FileScope, open: number): boolean {
  const { toks, match } = s;
  const prev = toks[open - 1];
  let code = !!prev && (prev.t === T.Punct ? BODY_OPENERS.has(prev.v) : isId(prev) && BODY_OPENERS.has(prev.v));
  for (let k = open - 1, n = 0; k > 0 && n < 40; k--, n++) {
    const t = toks[k];
    if (t.t === T.Punct && (t.v === ';' || t.v === '{' || t.v === '}')) break;
    if (isId(t) && CLASS_WORDS.has(t.v)) return false;
    if (isP(t, '=>') || isP(t, '->')) code = true;
    if (isP(t, ')') && match[k] >= 0 && match[k] < k) {
      code = true;
      k = match[k];
    }
  }
  return code;
}

/** Words that open a type's body, whose declarations are members seen from its methods (and subclasses), not locals. */
const CLASS_WORDS = new Set(['class', 'struct', 'interface', 'enum', 'object', 'impl', 'trait', 'namespace', 'module', 'record', 'companion', 'extension', 'protocol', 'union']);

/**
 * Whether the name assigned at token `at` is a local of a function (or a block) that does not hold the use at offset `pos`; the use
 * then reads an outer binding of the name (a module constant), never this one.
 */
export function hiddenLocal(s: FileScope, at: number, pos: number): boolean {
  // Ruby: also a local of a `do … end` block (an RSpec example) that does not hold the use (ruby-do-blocks.ts).
  if (FUNCTION_LOCALS.has(s.syn.id)) return localElsewhere(s, s.toks[at].start, pos) || (s.syn.id === 'ruby' && outsideDo(s, at, pos));
  if (!declared(s, at)) return false;
  const blk = blocks(s);
  let open = blk[at];
  if (open < 0 || (s.toks[open].start < pos && (s.toks[s.match[open]]?.start ?? Infinity) > pos)) return false;
  // The block holding the declaration does not hold the use: hidden when it (or a block around it) is code, not a class.
  for (let n = 0; open >= 0 && n < 64; open = blk[open], n++) if (codeBlock(s, open)) return true;
  return false;
}

// Where a function body or a one-expression value ends, by the row's rules: brackets and `;` in C-like rows, line
// breaks in Python, Kotlin, Ruby, Go and Swift, indentation for a Python block, `end` for a Ruby `def`. Moved out
// of ./scope.
import { T, type Token } from '../lex/lexer';
import type { FileScope } from '../resolve/value-index';

/** End of a one-expression body: the first `;`, `,` or closing bracket at its level, or a new line in Python. */
export function exprEnd(s: FileScope, i: number): number {
  const { toks, match } = s;
  let k = i;
  const line = s.syn.id === 'python' || s.syn.id === 'kotlin' || s.syn.id === 'ruby' || s.syn.id === 'go' || s.syn.id === 'swift';
  // A statement with no `;` in a C-like row would run to the end of the file: bounded, so that a lookup per call stays
  // linear (hostile "assignments and calls" in C#).
  const stop = Math.min(toks.length, i + MAX_EXPR_TOKENS);
  // A Ruby `case … end` / `if … end` used as a value runs to its `end`.
  if (s.syn.id === 'ruby' && isRubyBranch(toks[i])) return Math.min(rubyEnd(s.text, toks, i + 1) + 1, toks.length);
  // A Swift `if` expression's condition list (`if let customModel, !customModel.isEmpty { … }`, SwiftOpenAI's examples):
  // its commas, up to the first block, are not the value's end (The Swift Programming Language, "Statements": condition-list).
  const cond = s.syn.id === 'swift' && toks[i]?.v === 'if' && toks[i].t === T.Id ? swiftConditionEnd(s, i + 1, stop) : -1;
  while (k < stop) {
    const tk = toks[k];
    // Ruby: a `[` that starts a line after a whole expression starts a statement (`images = Array(x)` then a
    // messages list on the next lines as an arm's value, Odoia/smartrecruify-api ai_caller.rb); not an index. A `{`
    // there is a hash (a method's returned value, held44 M6), never a block: a block's `{` is on its call's line.
    if (s.syn.id === 'ruby' && k > i && (tk.v === '[' || tk.v === '{') && tk.t === T.Punct && newlineBetween(s.text, toks[k - 1].end, tk.start) && !joins(s, toks[k - 1], tk)) break;
    if (tk.t === T.Punct) {
      if ((tk.v === '(' || tk.v === '[' || tk.v === '{') && match[k] > k) {
        k = match[k] + 1;
        continue;
      }
      if (tk.v === ';' || (tk.v === ',' && k > cond) || tk.v === ')' || tk.v === ']' || tk.v === '}') break;
    }
    if (line && k > i && newlineBetween(s.text, toks[k - 1].end, tk.start) && !joins(s, toks[k - 1], tk)) break;
    // Ruby `prompt = extra unless extra.nil?`: the value ends at a modifier (rubyEnd's rule tells it from a block's `if`).
    if (s.syn.id === 'ruby' && k > i && isRubyModifier(s.text, toks, k)) break;
    if (s.syn.id === 'javascript' && k > i && jsNewStatement(s.text, toks[k - 1], tk)) break;
    k++;
  }
  return k;
}

const MAX_EXPR_TOKENS = 4096;

/** The token before the first `{` at the level of a Swift condition starting at `from`, or -1. */
function swiftConditionEnd(s: FileScope, from: number, stop: number): number {
  const { toks, match } = s;
  for (let k = from; k < stop; k++) {
    if (toks[k].t !== T.Punct) continue;
    if (toks[k].v === '{') return k - 1;
    if ((toks[k].v === '(' || toks[k].v === '[') && match[k] > k) k = match[k];
    else if (toks[k].v === ';' || toks[k].v === ')' || toks[k].v === ']' || toks[k].v === '}') return -1;
  }
  return -1;
}

/** Statements walked for a Ruby method's last one. */
const MAX_STATEMENTS = 64;

/**
 * Where the value of a body [from, to) starts: a Rust body that is one expression; the last statement of a Ruby
 * method (its value: https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html#label-Return+Values), after `p`
 * (Kernel#p returns its argument). -1 when there is none.
 */
export function lastStatement(s: FileScope, from: number, to: number): number {
  if (s.syn.id === 'rust') return rustTail(s, from, to);
  if (s.syn.id !== 'ruby') return exprEnd(s, from) >= to ? from : -1;
  const { toks } = s;
  let k = from;
  for (let n = 0; n < MAX_STATEMENTS; n++) {
    const e = Math.max(k + 1, exprEnd(s, k));
    if (e >= to) break;
    k = e;
    while (k < to && toks[k].t === T.Punct && toks[k].v === ';') k++;
    if (k >= to) return -1;
  }
  if (exprEnd(s, k) < to) return -1;
  const tk = toks[k];
  return tk.t === T.Id && tk.v === 'p' && k + 1 < to && !newlineBetween(s.text, tk.end, toks[k + 1].start) && toks[k + 1].t !== T.Punct ? k + 1 : k;
}

/**
 * A Rust block's tail expression, its value (https://doc.rust-lang.org/reference/expressions/block-expr.html): what
 * follows the last top-level `;` (`let base = &self.base; format!("…{base}…")`, held42 Mercerenies/marco-bot
 * src/personality/template.rs), or the whole body; -1 when the body ends with a `;` (no tail).
 */
function rustTail(s: FileScope, from: number, to: number): number {
  const { toks, match } = s;
  let tail = from;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if (tk.t !== T.Punct) continue;
    if (tk.v === ';') tail = k + 1;
    else if ((tk.v === '{' || tk.v === '(' || tk.v === '[') && match[k] > k) {
      const close = match[k];
      // A statement that ends with its block needs no `;` (`if cheap { return SMALL; }` then `BIG`, nihilok/
      // coding-assistant select_model): what follows it is the tail, unless an `else` goes on with the same `if`.
      if (tk.v === '{' && BLOCK_STATEMENTS.has(toks[tail]?.v) && close + 1 < to && toks[close + 1].v !== 'else') tail = close + 1;
      k = close;
    }
  }
  return tail < to ? tail : -1;
}

/** Rust statements that end with their block, no `;` after it. */
const BLOCK_STATEMENTS = new Set(['if', 'match', 'for', 'while', 'loop', 'unsafe']);

/** A line break in text[from, to): the gap between two tokens (a lastIndexOf from `to` scanned a long line each time). */
export function newlineBetween(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 10) return true;
  return false;
}

/**
 * Does the line break between a and b continue the expression? Python outside brackets only after a backslash
 * (docs.python.org reference/lexical_analysis.html "Explicit line joining"): a line that starts with `or` (a
 * half-typed `for`) is a statement of its own.
 */
function joins(s: FileScope, a: Token, b: Token): boolean {
  if (s.syn.id === 'python') return s.text.slice(a.end, b.start).includes('\\');
  // Kotlin's `if` expression may put its `else` on the next line (`val url = if (g) "…"` then `else "…"`, held58 E1
  // plateaukao/einkbro OpenAiRepository.kt): the value goes on. A `when` arm's `else ->` starts the next arm.
  const ifElse = s.syn.id === 'kotlin' && b.t === T.Id && b.v === 'else' && !s.text.slice(b.end, b.end + 16).trimStart().startsWith('->');
  return ifElse || continues(a, b);
}

/** Words that continue a JS/TS expression across a line break, before (`a\n  as T`) or after (`await\n  f()`) it. */
const JS_JOINING = new Set(['in', 'instanceof', 'as', 'satisfies', 'of', 'await', 'new', 'typeof', 'void', 'delete', 'yield', 'keyof', 'return', 'throw', 'case', 'extends', 'else', 'catch', 'finally', 'while']);

/**
 * A JS/TS statement with no `;` ends at a line break that a name or number follows a complete value across
 * (`let prompt = ''` then `for (…)` on the next line: ASI, https://tc39.es/ecma262/#sec-automatic-semicolon-insertion).
 * Read on, the value ran over the loop and the `prompt += …` after it (danneu/telegram-chatgpt-bot index.ts).
 */
function jsNewStatement(text: string, a: Token, b: Token): boolean {
  // `return` / `throw` after a line break always start a statement (reserved words: no expression goes on into them).
  if ((b.t !== T.Id && b.t !== T.Num) || (JS_JOINING.has(b.v) && b.v !== 'return' && b.v !== 'throw')) return false;
  const ends = a.t === T.Str || a.t === T.Num || (a.t === T.Id && !JS_JOINING.has(a.v)) || (a.t === T.Punct && (a.v === ')' || a.v === ']' || a.v === '}'));
  return ends && newlineBetween(text, a.end, b.start);
}

/** Does a line break between a and b continue the expression (`+` at the end or start of a line)? */
function continues(a: Token, b: Token): boolean {
  const ops = new Set(['+', '.', '?.', '??', '||', '/', 'or', 'and', '&&']);
  return (a.t === T.Punct && ops.has(a.v)) || ((b.t === T.Punct || b.v === 'or') && ops.has(b.v));
}

/** Token index where a Python block starting at token `i` ends: the first line indented no deeper than the header. */
export function pyBlockEnd(s: FileScope, i: number, head = i - 1): number {
  const { toks, text } = s;
  if (i >= toks.length) return toks.length;
  // The header's indentation is its first line's (`def f(a,\n        b = 1) -> str:` ends on a deeper line).
  const headerLine = text.lastIndexOf('\n', toks[head].start) + 1;
  const indent = indentAt(text, headerLine);
  let k = i;
  // A body on the header's own line (`def f(): return "x"`).
  const firstNl = text.indexOf('\n', toks[i - 1].end);
  if (firstNl < 0 || toks[i].start < firstNl) {
    while (k < toks.length && (firstNl < 0 || toks[k].start < firstNl)) k++;
    return k;
  }
  // The start of each token's line, carried from token to token: a line break is looked for only since the last
  // token's start (a lastIndexOf per token scanned back over the whole line, for every token of every block).
  // A token can start its line only where the line start moved (the token before it on the same line is no space).
  let ls = text.lastIndexOf('\n', toks[k].start) + 1;
  for (let prev = toks[k].start, moved = true; k < toks.length; k++, moved = false) {
    const start = toks[k].start;
    if (start === prev) moved = true;
    for (let p = start; p > prev; p--) {
      if (text.charCodeAt(p) === 10) {
        ls = p + 1;
        moved = true;
        break;
      }
    }
    prev = start;
    if (moved && ls === start - indentAt(text, ls) && indentAt(text, ls) <= indent && !isClosing(toks[k])) return k;
  }
  return k;
}

const isClosing = (tk: Token) => tk.t === T.Punct && (tk.v === ')' || tk.v === ']' || tk.v === '}');

/** Spaces and tabs that start the line beginning at `lineStart`. */
export function indentAt(text: string, lineStart: number): number {
  let n = 0;
  for (let c = text.charCodeAt(lineStart); c === 32 || c === 9; c = text.charCodeAt(lineStart + ++n));
  return n;
}

/** Only spaces or tabs stand before `offset` on its line. */
export function firstOnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return true;
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** A Ruby keyword that opens a value-giving `… end` block: `case`, `if`, `unless`. */
export const isRubyBranch = (tk: Token | undefined) => tk?.t === T.Id && (tk.v === 'case' || tk.v === 'if' || tk.v === 'unless');

/**
 * Ruby `def … end`: the matching `end`, counting the block keywords that open one. `if` / `unless` / `while` /
 * `until` open a block only where a statement or a value starts (a new line, after `;`, `=`, `(`, `,`, `then`, …);
 * after a name, a literal or a closing bracket on the same line they are modifiers (`return x if y`, `call(a) if b`).
 * `for` always opens one; the optional `do` of a loop on its own line is part of it. A keyword after `.` (`obj.class`,
 * `range.end`) or before a label colon (`if: :admin?`, `class: "btn"`) is a name, not a keyword.
 */
export function rubyEnd(text: string, toks: Token[], i: number): number {
  let depth = 1;
  let loop = -1;
  for (let k = i; k < toks.length; k++) {
    const v = toks[k];
    if (v.t !== T.Id || !RUBY_BLOCK.has(v.v)) continue;
    const prev = k > 0 ? toks[k - 1] : undefined;
    if (prev && prev.t === T.Punct && (prev.v === '.' || prev.v === '&.' || prev.v === '::')) continue;
    const next = toks[k + 1];
    if (next && next.t === T.Punct && next.v === ':' && next.start === v.end) continue;
    if (v.v === 'end') {
      if (--depth === 0) return k;
    } else if (v.v === 'do') {
      if (loop < 0 || newlineBetween(text, toks[loop].end, v.start)) depth++;
      loop = -1;
    } else if (v.v === 'for') {
      depth++;
      loop = k;
    } else if (RUBY_MODIFIABLE.has(v.v)) {
      if (k === i || !prev || startsValue(text, prev, v)) {
        depth++;
        if (v.v === 'while' || v.v === 'until') loop = k;
      }
    } else depth++;
  }
  return toks.length;
}

/** A Ruby `if` / `unless` / `while` / `until` at token k that modifies the statement before it on its line
 * (docs.ruby-lang.org/en/3.3/syntax/control_expressions_rdoc.html "Modifier if and unless"). */
export function isRubyModifier(text: string, toks: Token[], k: number): boolean {
  const v = toks[k];
  const prev = toks[k - 1];
  if (!prev || v.t !== T.Id || !RUBY_MODIFIABLE.has(v.v) || (prev.t === T.Punct && (prev.v === '.' || prev.v === '&.' || prev.v === '::'))) return false;
  const next = toks[k + 1];
  if (next && next.t === T.Punct && next.v === ':' && next.start === v.end) return false;
  return !startsValue(text, prev, v);
}

const RUBY_BLOCK = new Set(['def', 'do', 'class', 'module', 'begin', 'case', 'if', 'unless', 'while', 'until', 'for', 'end']);
const RUBY_MODIFIABLE = new Set(['if', 'unless', 'while', 'until']);
/** Keywords after which an expression starts. */
const RUBY_LEADS = new Set(['then', 'else', 'do', 'begin', 'and', 'or', 'not']);

/** `tk` starts a statement or a value: first on its line, or after `;`, an operator, an opening bracket or a lead-in keyword. */
function startsValue(text: string, prev: Token, tk: Token): boolean {
  if (newlineBetween(text, prev.end, tk.start)) return true;
  if (prev.t === T.Punct) return prev.v !== ')' && prev.v !== ']' && prev.v !== '}';
  return prev.t === T.Id && RUBY_LEADS.has(prev.v);
}

// Which brackets open a function, in every language row: a declaration (`def f(`, `function f(`, `func (r T) f(`),
// a method (`f(…) {`), an arrow or lambda (`(…) => …`, `lambda: …`), and where its body starts and ends. The scope
// tables (./scope) list the functions these find. Moved out of ./scope.
import { T, type Token } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { exprEnd, pyBlockEnd, rubyEnd } from './body-ends';

export interface Fn {
  /** Token index of the name. */
  name: number;
  /** Tokens of the body, [start, end). */
  body: number;
  bodyEnd: number;
  /** The body is one expression (`=> "x"`, Kotlin `= "x"`). */
  expr: boolean;
  /** An arrow's `(` of its parameters (its name is the name it is assigned to). */
  params?: number;
}

/** The source extent of `fn`, its name to the end of its body (the file's last token when the body is left open). */
export function fnSpan(toks: Token[], fn: Fn): { start: number; end: number } {
  return { start: toks[fn.name].start, end: toks[fn.bodyEnd >= 0 ? Math.min(fn.bodyEnd, toks.length - 1) : toks.length - 1].end };
}

const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'elif', 'return', 'foreach', 'using', 'lock', 'when', 'match', 'sizeof', 'typeof', 'super', 'function', 'new']);
const FN_WORDS = new Set(['def', 'function', 'fun', 'func', 'fn']);

/** Is toks[k] a `{` opening an object type (after `:`, `|`, `&`, `<` or `,`) in a TypeScript return type? A function, not a
 * closure made per call of fnAt (asked at every `(` of the file). */
function typeBrace(toks: Token[], k: number): boolean {
  return isP(toks[k], '{') && toks[k - 1].t === T.Punct && /^[:|&<,]$/.test(toks[k - 1].v);
}

/** A function whose parameter list opens at `open`: `def f(`, `function f(`, `func (r T) f(`, `f(…) {` (a method). */
export function fnAt(s: FileScope, open: number): { name: string; fn: Fn } | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (close < 0) return undefined;
  // TypeScript `function postJson<T>(…)`, Go `func httpRequest[Req, Resp any](…)`: the name before its type
  // parameters; the list is then `params`.
  const goGeneric = s.syn.id === 'go' && isP(toks[open - 1], ']') && match[open - 1] > 0 && isId(toks[match[open - 1] - 1]) ? match[open - 1] - 1 : -1;
  const generic = s.syn.id === 'javascript' && isP(toks[open - 1], '>') ? typeParamsName(toks, open - 1) : goGeneric;
  if (generic >= 0 && toks[generic - 1]?.v !== (goGeneric >= 0 ? 'func' : 'function')) return undefined;
  const nameAt = generic >= 0 ? generic : open - 1;
  const nameTk = toks[nameAt];
  const before = toks[nameAt - 1];
  // Ruby `def self.run(…)`: a class method (held-out 13 ai_journal: its keyword defaults were not read).
  const rubySelf = s.syn.id === 'ruby' && isP(before, '.') && toks[open - 3]?.v === 'self' && toks[open - 4]?.v === 'def';
  // JavaScript generators: `async function* stream(…)` (github.com/danneu/telegram-chatgpt-bot openai.ts).
  const declared = (isId(before) && FN_WORDS.has(before.v)) || rubySelf || (s.syn.id === 'javascript' && isP(before, '*') && toks[nameAt - 2]?.v === 'function');
  // Python declares every function with `def` (below): a call is not looked up in the keyword sets.
  if (!declared && s.syn.id === 'python') return undefined;
  // Go methods: `func (c *Client) name(`.
  const goMethod = isP(before, ')') && match[open - 2] > 0 && isId(toks[match[open - 2] - 1]) && toks[match[open - 2] - 1].v === 'func';
  // Rust's constructors are `fn new(…)`, Go clients' `func (c *Client) do(…)`: a word reserved in other rows is a name after `fn` / `func`.
  if (!isId(nameTk) || ((CONTROL.has(nameTk.v) || KEYWORDS.has(nameTk.v)) && !(declared && s.syn.id === 'rust') && !((declared || goMethod) && s.syn.id === 'go'))) return undefined;
  if (isP(before, '.') && !rubySelf) return undefined;
  // After the parameters: a return type, then the body.
  let k = close + 1;
  // Rust `fn f(…) -> Result<(String, Option<i64>, Option<i64>), String> {`: a tuple type alone is twenty tokens.
  const limit = Math.min(toks.length, close + (declared && s.syn.id === 'rust' ? 64 : 24));
  if (s.syn.id === 'python') {
    if (!declared) return undefined;
    while (k < limit && !isP(toks[k], ':')) k++;
    if (!isP(toks[k], ':')) return undefined;
    return { name: nameTk.v, fn: { name: open - 1, body: k + 1, bodyEnd: pyBlockEnd(s, k + 1, open - 2), expr: false } };
  }
  // TypeScript `): { client: ChatClient; model: string } {`: an object type in the return type is no body.
  const typed = s.syn.id === 'javascript' && isP(toks[close + 1], ':');
  while (k < limit && (!isP(toks[k], '{') || (typed && typeBrace(toks, k))) && !isP(toks[k], ';') && !isP(toks[k], '=') && !isP(toks[k], '=>')) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || (typed && typeBrace(toks, k))) && match[k] > k) k = match[k];
    k++;
  }
  // Ruby `def f(a)` … `end`: the first `=` after the parameters is a statement's (`@client = client`), unless the
  // method is endless (`def f(a) = expr`).
  if (s.syn.id === 'ruby' && declared && !isP(toks[close + 1], '=')) return { name: nameTk.v, fn: { name: open - 1, body: close + 1, bodyEnd: rubyEnd(s.text, toks, close + 1), expr: false } };
  const tk = toks[k];
  // A body still open (half-typed, or a prefix of the file) runs to the end of the text.
  // Go declares every function with `func`: `if ready(x) {`, `switch kind(m) {` are calls before a block.
  if (isP(tk, '{') && (match[k] > k || match[k] < 0) && (declared || goMethod || (s.syn.id !== 'go' && methodLike(toks, open)))) {
    const fn: Fn = { name: nameAt, body: k + 1, bodyEnd: match[k] > k ? match[k] : toks.length, expr: false };
    if (generic >= 0) fn.params = open;
    return { name: nameTk.v, fn };
  }
  if (isP(tk, '=') && declared) return { name: nameTk.v, fn: { name: open - 1, body: k + 1, bodyEnd: exprEnd(s, k + 1), expr: true } };
  // C# / Java-style expression-bodied methods: `static string Draft(string text) => $"Edit {text}";`.
  if (isP(tk, '=>') && s.syn.id === 'csharp' && methodLike(toks, open)) return { name: nameTk.v, fn: { name: open - 1, body: k + 1, bodyEnd: exprEnd(s, k + 1), expr: true } };
  if (s.syn.id === 'ruby' && declared) return { name: nameTk.v, fn: { name: open - 1, body: close + 1, bodyEnd: rubyEnd(s.text, toks, close + 1), expr: false } };
  return undefined;
}

/** `name(…) {` as a method: at the start of a statement or after modifiers and a return type, never after `=`/`(`. */
function methodLike(toks: Token[], open: number): boolean {
  const p = toks[open - 2];
  if (!p) return true;
  // A nested generic return type ends in `>>` (`Flux<ServerSentEvent<String>> stream(…) {`, 1363033915/spring-ai-code).
  if (p.t === T.Punct) return p.v === '}' || p.v === ';' || p.v === '{' || p.v === '>' || p.v === '>>' || p.v === '>>>' || p.v === ']' || p.v === '?';
  // `(await getArgs()) as Args` then `switch (…) {` with no `;` between (code-review-gpt src/index.ts): a call.
  return !EXPRESSION_WORDS.has(p.v);
}

/** Words after which a name and `(` are a call, never a method's declaration. */
const EXPRESSION_WORDS = new Set(['await', 'return', 'yield', 'throw', 'new', 'typeof', 'void', 'delete', 'case', 'in', 'of', 'instanceof']);

/** `(…) => …`, `async (…) =>`, `function (…) {…}`, `lambda: …` starting at i. */
export function arrowFn(s: FileScope, i: number): (Omit<Fn, 'name'> & { params?: number }) | undefined {
  const { toks, match } = s;
  let k = i;
  if (isId(toks[k]) && toks[k].v === 'async') k++;
  if (isId(toks[k]) && toks[k].v === 'lambda') {
    let c = k + 1;
    while (c < toks.length && c < k + 20 && !isP(toks[c], ':')) c++;
    return isP(toks[c], ':') ? { body: c + 1, bodyEnd: exprEnd(s, c + 1), expr: true } : undefined;
  }
  if (isId(toks[k]) && toks[k].v === 'function') k++;
  if (isId(toks[k]) && isP(toks[k + 1], '=>')) return body(k + 2);
  if (!isP(toks[k], '(') || match[k] < 0) return undefined;
  const close = match[k];
  if (isP(toks[close + 1], '=>')) return { ...body(close + 2), params: k };
  // TypeScript `(a: string): Promise<R> => {`: the return type between the parameters and the arrow.
  if (isP(toks[close + 1], ':') && s.syn.id === 'javascript') {
    const arrow = returnTypeEnd(s, close + 2);
    if (arrow > 0) return { ...body(arrow + 1), params: k };
  }
  if (isP(toks[close + 1], '{') && isId(toks[k - 1]) && toks[k - 1].v === 'function') return { body: close + 2, bodyEnd: match[close + 1], expr: false, params: k };
  return undefined;
  function body(b: number): Omit<Fn, 'name'> {
    if (isP(toks[b], '{') && match[b] > b) return { body: b + 1, bodyEnd: match[b], expr: false };
    return { body: b, bodyEnd: exprEnd(s, b), expr: true };
  }
}

/** The `=>` after a return type that starts at toks[i] (`Promise<Record<string, any>>`, `{ a: T }`, `T[] | null`), or
 * -1: names, `.`, `|`, `&`, `[]`, `<…>` and bracketed parts, within one line's worth of tokens. */
function returnTypeEnd(s: FileScope, i: number): number {
  const { toks, match } = s;
  let angle = 0;
  for (let k = i; k < toks.length && k < i + 64; k++) {
    const tk = toks[k];
    if (isP(tk, '=>') && angle === 0) return k;
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
    else if (isP(tk, '<')) angle++;
    else if (isP(tk, '>')) angle--;
    else if (isP(tk, '>>')) angle -= 2;
    else if (!(isId(tk) || isP(tk, '.') || isP(tk, '|') || isP(tk, '&') || isP(tk, ',') || isP(tk, '?') || toks[k].t === T.Str)) return -1;
    if (angle < 0) return -1;
  }
  return -1;
}

/** The name before the type parameters that end at toks[gt] (`postJson<T>`, `f<A, B extends X>`), or -1. */
function typeParamsName(toks: Token[], gt: number): number {
  for (let k = gt - 1, depth = 1; k > 0 && k > gt - 32; k--) {
    if (isP(toks[k], '>')) depth++;
    else if (isP(toks[k], '<') && --depth === 0) return isId(toks[k - 1]) ? k - 1 : -1;
    else if (isP(toks[k], '(') || isP(toks[k], ')') || isP(toks[k], ';') || isP(toks[k], '{') || isP(toks[k], '}')) return -1;
  }
  return -1;
}

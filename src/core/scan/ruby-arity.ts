// Whether a Ruby call passes as many positional arguments as the method takes: a call with fewer than its required
// parameters or more than it can take raises ArgumentError (https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html,
// "Arguments"), so it is no caller whose arguments say what the method sends. BooksController#draft calls the concern's
// `send_gpt_request(system_message, user_message, model, temperature)` with two
// (TimothyAlexisVass/openai-book-generator app/controllers/books_controller.rb): its missing model is no run-time value
// of the other caller's request.
import { isId, isP } from '../lex/brackets';
import type { Fn } from './scope';
import type { EvalScope } from './value';

interface Arity {
  min: number;
  max: number;
  /** The method takes keywords (`k:`, `k: v`, `**opts`): a caller's `key: v` arguments are those, not one Hash. */
  keywords: boolean;
}

/** Does the call whose arguments open at sc.toks[open] fit the parameters of `fn` (a `def` of s)? True when either
 * cannot be read (no parameter list, a splat argument). */
export function rubyArityFits(s: EvalScope, fn: Fn, sc: EvalScope, open: number): boolean {
  const a = arity(s, fn);
  const n = a && positional(sc, open, a.keywords);
  return !a || n === undefined || (n >= a.min && n <= a.max);
}

/** The parameter list's counts; undefined when the `def` writes none in brackets. */
function arity(s: EvalScope, fn: Fn): Arity | undefined {
  const items = split(s, fn.name + 1);
  if (!items) return undefined;
  const out: Arity = { min: 0, max: 0, keywords: false };
  for (const [from, to] of items) {
    const first = s.toks[from];
    if (isP(first, '&')) continue;
    if (isP(first, '**')) out.keywords = true;
    else if (isP(first, '*')) out.max = Infinity;
    else if (isId(first) && isP(s.toks[from + 1], ':')) out.keywords = true;
    else if (to > from + 1 && isP(s.toks[from + 1], '=')) out.max++;
    else {
      out.min++;
      out.max++;
    }
  }
  return out;
}

/** Positional arguments a call passes (its keyword arguments one Hash more when the method takes no keywords);
 * undefined for a splat or a block pass it cannot count (`*args`, `**opts`), or a call not closed. */
function positional(s: EvalScope, open: number, keywords: boolean): number | undefined {
  const items = split(s, open);
  if (!items) return undefined;
  let n = 0;
  let hash = false;
  for (const [from] of items) {
    const first = s.toks[from];
    if (isP(first, '*') || isP(first, '**')) return undefined;
    if (isP(first, '&')) continue;
    // `key: v`, `"key" => v`, `:key => v`: a keyword argument (or a trailing Hash).
    const key = (isId(first) && isP(s.toks[from + 1], ':') && s.toks[from + 1].start === first.end) || isP(s.toks[from + 1], '=>') || isP(s.toks[from + 2], '=>');
    if (key) hash = true;
    else n++;
  }
  return hash && !keywords ? n + 1 : n;
}

/** The comma-separated items of the bracket list opening at toks[open], as token ranges; undefined when toks[open] is
 * no `(` with its match. */
function split(s: EvalScope, open: number): [number, number][] | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (!isP(toks[open], '(') || !(close > open)) return undefined;
  const out: [number, number][] = [];
  let from = open + 1;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (k !== close && !isP(toks[k], ',')) continue;
    if (k > from) out.push([from, k]);
    from = k + 1;
  }
  return out;
}

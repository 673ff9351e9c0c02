// Ruby's `x ||= v` assigns `v` when `x` is nil or false; a local not assigned before in its method is nil
// (https://docs.ruby-lang.org/en/3.3/syntax/assignment_rdoc.html, "Abbreviated Assignment" and "Local Variables and
// Methods"), so there it is `x = v`: `model ||= params[:model] || "gpt-3.5-turbo"` then `send_gpt_request(…, model, …)`
// (TimothyAlexisVass/openai-book-generator app/controllers/gpt_controller.rb). After a binding that surely ran before
// it (`model = ENV["CHAT_MODEL"]`, `model = opts[:model]`, a parameter) it is `x = x || v`: the earlier value when it
// is a known one (a literal is never nil), else `v`, the default of that run-time value. After one that may not have
// run (in an `if` closed before), the earlier bindings stand (which one reaches `||=` is the branch readers' question).
// C#'s `x ??= v` assigns `v` when `x` is null (learn.microsoft.com/dotnet/csharp/language-reference/operators/
// null-coalescing-operator), read the same way: `public IChatClient GetChat(string deployment, …) { deployment ??=
// DefaultModel; … GetChatClient(deployment) … }` is the parameter's value when its callers pass a known one, else the
// default of that run-time value (held58 M2 MihaZupan/MihuBot Helpers/AI/OpenAIService.cs:82).
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { bind, type Binding } from './binding';
import { exprEnd } from './scope';
import { statedSource, type EvalScope, type Value } from './value';

/** Tokens searched back for the method around the assignment. */
const MAX_BACK = 4000;
/** Tokens between a binding and the `||=` it may reach, at most. */
const MAX_REACH = 1000;
/** Bindings in exclusive arms before it walked past, at most. */
const MAX_ARMS = 8;
/** Lines looked at between a binding and the `||=`; more: it may not reach it. */
const MAX_LINES = 200;

/** Binds `x ||= v` at toks[i] (a local's name) as `x = v` when nothing binds `x` before it in its method, as `x = x ||
 * v` after one binding at its indentation; true when toks[i] is such an assignment (bound or not). */
export function rubyOrAssign(s: FileScope, i: number, binds: Map<string, Binding[]>, add: (name: string, b: Binding) => void): boolean {
  const { toks } = s;
  const op = toks[i + 1];
  const eq = toks[i + 2];
  if (!isP(op, s.syn.id === 'ruby' ? '||' : '??') || !isP(eq, '=') || op.end !== eq.start || !/^[a-z_]/.test(toks[i].v)) return false;
  const prev = toks[i - 1];
  if (isP(prev, '.') || isP(prev, '::') || !isId(toks[i]) || i + 3 >= toks.length) return true;
  let def = -1;
  for (let k = i - 1; s.syn.id === 'ruby' && k >= 0 && k > i - MAX_BACK; k--) if (isId(toks[k]) && toks[k].v === 'def') {
    def = k;
    break;
  }
  // The last bindings of the name in the method, oldest first (the list is in token order; only the last few are read).
  const list = binds.get(toks[i].v) ?? [];
  const before: Binding[] = [];
  // C#: no `def` is found; another method's parameter holds only up to its method's end.
  for (let n = list.length - 1; n >= 0 && list[n].name > def && before.length <= MAX_ARMS; n--) if (!(list[n].until! < toks[i].start)) before.unshift(list[n]);
  if (!before.length) add(toks[i].v, bind('assign', i, i + 3));
  const prior = before.length ? reaching(s, before, i) : undefined;
  if (prior) add(toks[i].v, bind('assign', i, i + 3, { prior }));
  return true;
}

/**
 * The nearest of `before` (bindings of the name earlier in the method) that surely ran before the `||=` at token i: a
 * parameter, or an assignment at the `||=`'s indentation or outside its block with no block of its own closed in
 * between. An `||=` in an exclusive arm before this one (`when "gemini"` then `when "claude"`, each `model ||= …`;
 * held-out sample's `user.ai_model.presence`) did not run; any other binding in a closed block may have: undefined.
 */
function reaching(s: FileScope, before: Binding[], i: number): Binding | undefined {
  const { toks, text } = s;
  const here = indent(text, toks[i].start);
  if (here < 0) return undefined;
  for (let n = before.length - 1; n >= 0; n--) {
    const b = before[n];
    if (b.kind === 'param') return b;
    if (i - b.name > MAX_REACH) return undefined;
    const at = toks[b.name].start;
    const own = indent(text, at);
    if (own < 0) return undefined;
    const lower = linesBelow(text, at, toks[i].start, own);
    if (own <= here && lower === 'none') return b;
    const orAssign = (isP(toks[b.name + 1], '||') || isP(toks[b.name + 1], '??')) && isP(toks[b.name + 2], '=');
    if (!orAssign || lower !== 'arms') return undefined;
  }
  return undefined;
}

/** Words that start another arm of the same `case` / `if`: the arm before did not run when this one does. */
const ARMS = new Set(['when', 'elsif', 'else', 'in']);

/**
 * The lines after offset `from`'s line, up to offset `to`'s line, indented less than `ind` (blank lines and comments
 * aside): 'none', 'arms' when each starts another arm (ARMS), 'other' at the first that does not (or past MAX_LINES).
 */
function linesBelow(text: string, from: number, to: number, ind: number): 'none' | 'arms' | 'other' {
  let out: 'none' | 'arms' = 'none';
  let lines = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    if (++lines > MAX_LINES) return 'other';
    let k = at + 1;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (k - at - 1 >= ind || k >= to || text[k] === '\n' || text[k] === '\r' || text[k] === '#') continue;
    let e = k;
    while (e < text.length && isWordCode(text.charCodeAt(e))) e++;
    if (!ARMS.has(text.slice(k, e))) return 'other';
    out = 'arms';
  }
  return out;
}

/** [A-Za-z0-9_] */
function isWordCode(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}

/**
 * The value of `x ||= v` bound with a prior binding `b.prior`: that binding's value when known, else `v` as its
 * default. `was` gives a binding's value, `evaluate` a token range's.
 */
export function rubyOrAssigned(s: EvalScope, b: Binding, was: (b: Binding) => Value, evaluate: (from: number, to: number) => Value | undefined): Value {
  const { toks, text } = s;
  // Which binding comes first hangs on their indentation: the keystroke path keeps both lines live from their start.
  for (const x of [b.prior!, b]) s.read?.push({ start: text.lastIndexOf('\n', toks[x.name].start - 1) + 1, end: toks[x.name].end });
  const earlier = was(b.prior!);
  if (earlier.runtime === undefined && !earlier.weak) return earlier;
  const e = exprEnd(s, b.value);
  s.read?.push({ start: toks[b.name].start, end: toks[e - 1]?.end ?? toks[b.name].end });
  const v = evaluate(b.value, e);
  if (!v || v.runtime !== undefined) return earlier;
  return { ...v, source: statedSource(s, `default of ${earlier.runtime ?? toks[b.name].v}`, v, toks[b.name].start), fallback: true };
}

/** The indentation of the line holding offset `at`, when `at` is its first word; -1 otherwise. */
function indent(text: string, at: number): number {
  const line = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*$/.test(text.slice(line, at)) ? at - line : -1;
}

// The scope chain's tables for one file, built once on first use: every place a name is bound (an assignment, a
// parameter, a function, a class) with the token range of what it is bound to. The evaluator (evaluate.ts) picks
// the binding nearest before a use: a local assigned in the function, else the function's parameter, else the
// file's constants and class fields; names with no binding in the file go to the imports (resolver). Which brackets
// open a function: ./function-forms; where a body or a value ends: ./body-ends.
import { memberTupleValue, NOT_TUPLE } from './py-member-tuples';
import { T, type Token } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { newlineBetween, rubyEnd } from './body-ends';
import { rubyBareDef } from './ruby-defs';
import { lazyValue, preferenceDelegate } from './kotlin-lazy';
import { annotatedName, annotationEnd, pyAnnotationType, springValueText } from './annotations';
import { arrowFn, fnAt, type Fn } from './function-forms';
import { bind, type Binding } from './binding';
import { csInitializerMember } from './cs-initializer-members';
import { withItems } from './py-with-items';
import { rubyOrAssign } from './ruby-or-assign';
import { goRestBinding } from './go-results';
// Its readers (calls, lookup, members, runnables) take a value's end and the Fn type from here, with the tables.
export { exprEnd, lastStatement } from './body-ends';
export type { Fn } from './function-forms';
export type { Binding } from './binding';

export interface Tables {
  binds: Map<string, Binding[]>;
  fns: Map<string, Fn[]>;
  classes: Set<string>;
}

export function tables(s: FileScope & { tables?: Tables }): Tables {
  if (s.tables) return s.tables;
  const { toks, match } = s;
  const t: Tables = { binds: new Map(), fns: new Map(), classes: new Set() };
  const add = (name: string, b: Binding) => void (t.binds.get(name)?.push(b) ?? t.binds.set(name, [b]));
  const addFn = (name: string, f: Fn) => void (t.fns.get(name)?.push(f) ?? t.fns.set(name, [f]));
  // Depth of ( and [ only: a keyword argument `max_tokens=max_tokens` inside a call is not a binding.
  let depth = 0;
  // A function body passed as an argument (`app.post('/x', async (req, res) => { const prompt = … })`) holds
  // statements again: the depth outside it is kept here until its `}`.
  const outer: { close: number; depth: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t === T.Punct) {
      if ((isP(tk, '{') || isP(tk, '[') || isP(tk, '(')) && depth === 0 && destructuring(s, i)) {
        (tk.v === '{' ? members : elements)(s, i, add);
        i = match[i];
        continue;
      }
      if (tk.v === '{' && depth > 0 && match[i] > i && argumentBody(s, i)) {
        outer.push({ close: match[i], depth });
        depth = 0;
      } else if (tk.v === '}' && outer.length && outer[outer.length - 1].close === i) depth = outer.pop()!.depth;
      else if (tk.v === '(' || tk.v === '[') {
        const prev = toks[i - 1];
        // Go `const (` / `var (` blocks and Java's `try (InputStream in = res.getInputStream())` hold bindings.
        if (!(tk.v === '(' && isId(prev) && (prev.v === 'const' || prev.v === 'var' || (prev.v === 'try' && s.syn.id === 'java')))) depth++;
        const f = tk.v === '(' ? fnAt(s, i) : undefined;
        if (f) {
          addFn(f.name, f.fn);
          params(s, i, f.fn.bodyEnd, add);
        }
      } else if ((tk.v === ')' || tk.v === ']') && depth > 0) {
        const o = match[i];
        // Only a Go `const (` block was not counted; `for (const [k, v] of …)` closes its `[` as it opened it.
        if (!(tk.v === ')' && o > 0 && isId(toks[o - 1]) && (toks[o - 1].v === 'const' || toks[o - 1].v === 'var' || (toks[o - 1].v === 'try' && s.syn.id === 'java')))) depth--;
      }
      continue;
    }
    if (tk.t !== T.Id) continue;
    // Spring `@Value("${openai.model:gpt-4o}") private val model: String` / `private String model;` / a parameter.
    const sv = isP(toks[i - 1], '@') && tk.v === 'Value' ? springValueText(toks, match, i) : -1;
    const named = sv >= 0 ? annotatedName(toks, match[i + 1] + 1) : -1;
    if (named >= 0) add(toks[named].v, bind('assign', named, sv, { spring: true }));
    // Ruby `def instructions` with no parameter list, `def model = "gpt-4o"` (ruby-defs.ts): methods called without brackets.
    const past = tk.v === 'def' && s.syn.id === 'ruby' ? rubyBareDef(s, i, addFn) : -1;
    if (past > i) {
      i = past;
      continue;
    }
    if (tk.v === 'with' && s.syn.id === 'python' && depth === 0) {
      i = withItems(s, i, add);
      continue;
    }
    if ((tk.v === 'class' || tk.v === 'struct' || tk.v === 'object' || tk.v === 'module') && isId(toks[i + 1])) t.classes.add(toks[i + 1].v);
    if (depth > 0) continue;
    // Ruby `model ||= params[:model] || "gpt-3.5-turbo"`, C# `deployment ??= DefaultModel;` (ruby-or-assign.ts).
    if ((s.syn.id === 'ruby' || s.syn.id === 'csharp') && rubyOrAssign(s, i, t.binds, add)) continue;
    // Each binding below has `=`, `:=`, `:`, `,` or `{` after its name, or a Go type (`var x string =`): the other
    // names (a call, an operand), most of a file's, stop here.
    const nx = toks[i + 1];
    if (!nx || (nx.t === T.Punct ? nx.v !== '=' && nx.v !== ':=' && nx.v !== ':' && nx.v !== ',' && nx.v !== '{' : nx.t !== T.Id)) continue;
    const prev = toks[i - 1];
    // `self.x = …` / `this.x = …` / PHP `$this->x = …`: a member binding, looked up as `self.x`; Python's annotated
    // `self.parser: configparser.ConfigParser = …` too.
    if ((isP(prev, '.') || isP(prev, '->')) && (toks[i - 2]?.v === 'self' || toks[i - 2]?.v === 'this' || toks[i - 2]?.v === '$this')) {
      const tv = s.syn.id === 'python' ? memberTupleValue(s, i) : NOT_TUPLE; // `self.a, self.b = x, y` (py-member-tuples.ts)
      if (tv >= 0) add('.' + tk.v, bind('member', i, tv));
      if (tv !== NOT_TUPLE) continue;
      const eq = isP(toks[i + 1], '=') ? i + 1 : s.syn.id === 'python' && isP(toks[i + 1], ':') ? annotationEnd(s, i + 2) : -1;
      if (eq > 0) {
        add('.' + tk.v, bind('member', i, eq + 1));
        continue;
      }
    }
    // `module.exports.f = async function (a, b) {…}`, `obj.f = (a) => …`: the function's parameters are bound as a
    // declaration's are (danneu/telegram-chatgpt-bot openai.ts fetchChatResponse, audit40 miss 6).
    if (isP(prev, '.') && s.syn.id === 'javascript' && isP(nx, '=')) {
      const arrow = arrowFn(s, i + 2);
      if (arrow?.params !== undefined) params(s, arrow.params, arrow.bodyEnd, add);
    }
    if ((prev && prev.t === T.Punct && (prev.v === '.' || prev.v === '->' || prev.v === '?.')) || pyAnnotationType(s, i)) continue;
    if (s.syn.id === 'csharp' && (isP(prev, '{') || isP(prev, ',')) && csInitializerMember(s, i)) continue;
    // C# auto-property with an initializer: `public string Model { get; set; } = "gpt-4o";`.
    if (s.syn.id === 'csharp' && isP(toks[i + 1], '{') && match[i + 1] > i && isP(toks[match[i + 1] + 1], '=') && isId(toks[i + 2]) && /^(get|set|init)$/.test(toks[i + 2].v)) {
      add(tk.v, bind('assign', i, match[i + 1] + 2));
      continue;
    }
    // Kotlin `val PROMPT by lazy { "…" + … }` (`val p: String by lazy {` too): the lambda's one expression is the value
    // (kotlinlang.org/docs/delegated-properties.html#lazy-properties); a lambda of several statements is left unbound.
    // `var model: String by Preference(KEY, "gpt-4o-mini")`: the delegate's call, which gives its default (stored-settings.ts).
    const lazy = s.syn.id !== 'kotlin' ? -1 : prev?.v === 'val' ? Math.max(lazyValue(s, i + 1), preferenceDelegate(s, i + 1)) : prev?.v === 'var' ? preferenceDelegate(s, i + 1) : -1;
    if (lazy >= 0) {
      add(tk.v, bind('assign', i, lazy));
      continue;
    }
    let j = i + 1;
    // A type annotation between the name and `=` (`x: int = 3`, `model: str = Field(…)`, Go `var x string = `).
    // Go `const GPT_4_TURBO Model = "…"` too, alone or the first on its line in a `const (…)` block.
    if (isP(toks[j], ':') || (isId(toks[j]) && isId(prev) && (prev.v === 'var' || (s.syn.id === 'go' && prev.v === 'const'))) || (s.syn.id === 'go' && isId(toks[j]) && !!prev && (isP(prev, '(') || newlineBetween(s.text, prev.end, tk.start)))) {
      j++;
      const limit = Math.min(toks.length, j + 16);
      // TypeScript object and literal types too (`const messages: { role: "user"; content: string }[] = []`).
      const ts = s.syn.id === 'javascript';
      // Go ends a statement at a line break: `var ids string` then `msg := make(…)` is no `ids = make(…)`.
      while (j < limit && !isP(toks[j], '=') && !(s.syn.id === 'go' && newlineBetween(s.text, toks[j - 1].end, toks[j].start)) && (isId(toks[j]) || (toks[j].t === T.Punct && /^[&.<>[\]?|,'*]$|^::$/.test(toks[j].v)) || (ts && (isP(toks[j], '{') || toks[j].t === T.Str)))) {
        if ((isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        j++;
      }
    }
    // Python `system, user = get_prompts(q)` at the start of a statement: each name takes its element, by position.
    if (s.syn.id === 'python' && isP(toks[i + 1], ',') && (!prev || isP(prev, ';') || newlineBetween(s.text, prev.end, tk.start))) {
      const names = [i];
      let k = i + 1;
      while (isP(toks[k], ',') && isId(toks[k + 1])) {
        names.push(k + 1);
        k += 2;
      }
      if (isP(toks[k], '=')) {
        names.forEach((n, pos) => add(toks[n].v, bind('assign', n, k + 1, { pos })));
        i = k;
        continue;
      }
    }
    // Go `text, err := os.ReadFile(…)`: the first name holds the value; the names after it are run time.
    const goRest = s.syn.id === 'go' && isP(prev, ',');
    if (s.syn.id === 'go' && isP(toks[j], ',') && !goRest) {
      let k = j;
      while (isP(toks[k], ',') && isId(toks[k + 1])) k += 2;
      if (isP(toks[k], ':=') || isP(toks[k], '=')) j = k;
    }
    const op = toks[j];
    if (!op || op.t !== T.Punct || (op.v !== '=' && op.v !== ':=')) continue;
    // `for m in messages:` / `case FOO:` with `x = …` on the next line is no annotated `messages: x = …`.
    if (j > i + 1 && isP(toks[i + 1], ':') && newlineBetween(s.text, tk.end, op.start)) continue;
    add(tk.v, goRest ? goRestBinding(s, i, j) : bind('assign', i, j + 1)); // `system, user := build(…)`: go-results.ts
    // `const f = (…) => …` / `= function (…) {…}` / `= lambda: …`: a function with that name.
    const arrow = arrowFn(s, j + 1);
    if (arrow) {
      addFn(tk.v, { ...arrow, name: i });
      // `const title = async (text, maxTokens = 40) => …`: the parameters and their defaults, as for a function.
      if (arrow.params !== undefined) params(s, arrow.params, arrow.bodyEnd, add);
    }
  }
  s.tables = t;
  return t;
}

/** `const { a, b: c } = value` (JavaScript), Rust's tuple `let (url, model) = match p { … };`: a pattern bound by `=`. */
function destructuring(s: FileScope, i: number): boolean {
  const { toks, match } = s;
  const decl = toks[i - 1];
  if (s.syn.id === 'rust') return isP(toks[i], '(') && isId(decl) && decl.v === 'let' && match[i] > i && isP(toks[match[i] + 1], '=');
  return !isP(toks[i], '(') && (s.syn.id === 'typescript' || s.syn.id === 'javascript') && isId(decl) && (decl.v === 'const' || decl.v === 'let' || decl.v === 'var') && match[i] > i && isP(toks[match[i] + 1], '=');
}

/** The names of a destructuring pattern, each bound to its member of the value after `=`: `a` and `a: b` (renamed);
 * `a = d` with its default d (a prop's: the default, reactive-state.ts); a nested pattern or a rest element is left unbound. */
function members(s: FileScope, open: number, add: (name: string, b: Binding) => void): void {
  const { toks, match } = s;
  const close = match[open];
  const value = close + 2;
  const fixed = toks[open - 1].v === 'const' ? { fixed: true as const } : {};
  let k = open + 1;
  while (k < close) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    if (e === k + 1 && isId(toks[k])) add(toks[k].v, bind('assign', k, value, { key: toks[k].v, ...fixed }));
    else if (e === k + 3 && (isId(toks[k]) || toks[k].t === T.Str) && isP(toks[k + 1], ':') && isId(toks[k + 2])) add(toks[k + 2].v, bind('assign', k + 2, value, { key: toks[k].v, ...fixed }));
    // A component's props with defaults (`let { model = "…" } = $props()`, Vue's `defineProps`): the default (reactive-state.ts).
    else if (e > k + 2 && isId(toks[k]) && isP(toks[k + 1], '=')) add(toks[k].v, toks[value]?.v === '$props' || toks[value]?.v === 'defineProps' ? bind('assign', k, k + 2, fixed) : bind('assign', k, value, { key: toks[k].v, dflt: k + 2, ...fixed }));
    k = e + 1;
  }
}

/** `const [a, , b] = value` (JavaScript), Rust `let (a, b) = …` (tuples.ts): each name bound to its element of the
 * value, by place; a default, a nested pattern or a rest element is left unbound. */
function elements(s: FileScope, open: number, add: (name: string, b: Binding) => void): void {
  const { toks, match } = s;
  const close = match[open];
  const fixed = toks[open - 1].v === 'const' ? { fixed: true as const } : {};
  for (let k = open + 1, n = 0; k < close; n++) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    if (e === k + 1 && isId(toks[k])) add(toks[k].v, bind('assign', k, close + 2, isP(toks[open], '(') ? { pos: n } : { index: n, ...fixed }));
    k = e + 1;
  }
}

/**
 * Whether the `{` at `i` opens the body of a function written inside a call's arguments: an arrow (`=> {`, Java's
 * `-> {`), a function expression (`function (job) {`, Go's `func() error {`) or an object's method (`handle(text) {`).
 */
function argumentBody(s: FileScope, i: number): boolean {
  const { toks, match } = s;
  const prev = toks[i - 1];
  // Kotlin's `{` in an argument list is always a lambda's (`onSuccess = { f -> scope.launch { val prompt = … } }`).
  if (isP(prev, '=>') || isP(prev, '->') || s.syn.id === 'kotlin') return true;
  // Go's result type between the parameters and the body: `func(ctx context.Context) error {`.
  let close = i - 1;
  if (s.syn.id === 'go' && isId(prev) && isP(toks[i - 2], ')')) close = i - 2;
  // and a result list: `func(comments Comments) (string, error) {` (ioki-mobility/summaraizer google.go).
  else if (s.syn.id === 'go' && isP(prev, ')') && match[i - 1] > 0 && isP(toks[match[i - 1] - 1], ')') && match[match[i - 1] - 1] > 0 && toks[match[match[i - 1] - 1] - 1]?.v === 'func') close = match[i - 1] - 1;
  if (!isP(toks[close], ')') || !(match[close] >= 0 && match[close] < close)) return false;
  const head = toks[match[close] - 1];
  if (isId(head) && (head.v === 'function' || head.v === 'func')) return true;
  if (!isId(head) || CONTROL_WORDS.has(head.v)) return false;
  const before = toks[match[close] - 2];
  if (isP(before, '{') || isP(before, ',') || (isId(before) && before.v === 'function')) return true;
  // A method with one modifier word (`async handle(text) {`): any word there, so renaming it changes nothing here.
  return isId(before) && (isP(toks[match[close] - 3], '{') || isP(toks[match[close] - 3], ','));
}

/** Words before `(…) {` that open a block, not a function. */
const CONTROL_WORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'foreach', 'using', 'lock', 'when', 'match', 'return']);

/** The words that make a PHP or TypeScript constructor parameter a property too. */
const PROMOTED = new Set(['public', 'private', 'protected', 'readonly']);

/** Parameters of the list opening at `open`, each bound until the end of the function. */
function params(s: FileScope, open: number, until: number, add: (name: string, b: Binding) => void, pattern = false): void {
  const { toks, match } = s;
  const close = match[open];
  const endOff = toks[until]?.end ?? s.text.length;
  let k = open + 1;
  while (k < close) {
    // One parameter: up to the next top-level comma.
    let e = k;
    let eq = -1;
    let colon = -1;
    while (e < close && !isP(toks[e], ',')) {
      if (isP(toks[e], '{') && match[e] > e && e === k) {
        // A destructured options object `{ maxTokens = 500, model }`: each name is a parameter.
        params(s, e, until, add, s.syn.id === 'javascript');
        e = match[e];
      } else if ((isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') || isP(toks[e], '<')) && match[e] > e) e = match[e];
      else if (isP(toks[e], '=') && eq < 0) eq = e;
      else if (isP(toks[e], ':') && colon < 0 && eq < 0) colon = e;
      e++;
    }
    let nameIdx = -1;
    let value = -1;
    // A destructured parameter's `key: name` binds the name (`{ prompt: text = "…" }`).
    if (pattern && colon > 0 && isId(toks[colon + 1]) && (colon + 2 === e || colon + 2 === eq)) nameIdx = colon + 1;
    else if (colon > 0 && isId(toks[colon - 1])) {
      nameIdx = colon - 1;
      // Ruby keyword arguments `max_tokens: 500` have no type: the default follows the colon.
      if (s.syn.id === 'ruby' && colon + 1 < e) value = colon + 1;
    } else if (eq > 0 && isId(toks[eq - 1])) nameIdx = eq - 1;
    // Go writes the name before its type (`commits string`, `ctx context.Context`).
    else if (s.syn.id === 'go' && isId(toks[k]) && !KEYWORDS.has(toks[k].v)) nameIdx = k;
    else for (let m = e - 1; m >= k; m--) if (isId(toks[m]) && !KEYWORDS.has(toks[m].v)) {
      nameIdx = m;
      break;
    }
    if (eq > 0) value = eq + 1;
    if (nameIdx >= 0 && !isP(toks[k], '{')) add(toks[nameIdx].v, bind('param', nameIdx, value, { until: endOff }));
    // PHP 8 constructor promotion (`private string $model = 'gpt-4o-mini'`): `$this->model` is the parameter, in every
    // method (its default, or what `new X(…)` passes: lookup.ts reads a member bound to a parameter as the parameter).
    if (nameIdx >= 0 && s.syn.id === 'php' && isId(toks[k]) && PROMOTED.has(toks[k].v) && toks[nameIdx].v.startsWith('$')) add('.' + toks[nameIdx].v.slice(1), bind('param', nameIdx, value));
    // TypeScript's parameter property (`constructor(key: string, private model = MODEL)`): `this.model` likewise.
    else if (nameIdx > k && s.syn.id === 'javascript' && isId(toks[k]) && PROMOTED.has(toks[k].v)
      && toks[open - 1]?.v === 'constructor') {
      add('.' + toks[nameIdx].v, bind('param', nameIdx, value));
    }
    k = e + 1;
  }
}

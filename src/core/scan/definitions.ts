// Where a name is defined in a file: a function and where its body ends, and the nearest assignment of a name before
// a use that the use can see (a brace block, a Python/Ruby function; a class member after it: ./member-after).
import { KeyMemo } from '../util/key-memo';
import { keepShape } from '../util/keep-shape';
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { countBefore } from '../util/binary-search';
import { defKeywords, lineStartOf } from './run-index';
import { inEarlierArm } from './py-arms';
import { bindingSpan, withItemStart } from './py-with-items';
import { memberAfter } from './member-after';
import { firstOnLine } from './body-ends';
import { closedBefore } from './ruby-do-blocks';

const MAX_BLOCK = 20_000; // most tokens of a Python helper's body read for the request it returns
/** Index of the name in `function name(`, `def name(`, `func name(`, `fn name(`. */
export function functionDef(c: Ctx, name: string): number {
  c.functions ??= indexFunctions(c.toks);
  c.readNames?.add(name);
  return c.functions.get(name) ?? -1;
}

function indexFunctions(toks: Token[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 1; i + 1 < toks.length; i++) {
    const p = toks[i - 1];
    if (!isId(toks[i]) || !isP(toks[i + 1], '(') || !isId(p)) continue;
    if (p.v === 'function' || p.v === 'def' || p.v === 'func' || p.v === 'fn') if (!out.has(toks[i].v)) out.set(toks[i].v, i);
  }
  return out;
}

/** Last token index of the body of the function whose name is at `nameIdx` (braces, or a Python block), or -1. */
export function functionEnd(c: Ctx, nameIdx: number): number {
  const { toks, match } = c;
  const params = nameIdx + 1;
  if (!(match[params] > params)) return -1;
  let k = match[params] + 1;
  // Past a return type (`-> Agent:`, `): Promise<T> {`) to the body; `async def f(…):` is indented from `async`.
  for (let n = 0; k < toks.length && n < 24 && !isP(toks[k], '{') && !(c.syn.id === 'python' && isP(toks[k], ':')); k++, n++);
  if (isP(toks[k], '{') && match[k] > k) return match[k];
  if (isP(toks[k], ':')) return indentedBlockEnd(c, toks[nameIdx - 2]?.v === 'async' ? nameIdx - 2 : nameIdx - 1, k + 1);
  return -1;
}

/** Last token index of a Python block whose header starts at `head`: before the first token indented no deeper. */
function indentedBlockEnd(c: Ctx, head: number, from: number): number {
  const { toks, text } = c;
  const headCol = columnOf(c, toks[head].start);
  let k = from;
  for (; k < toks.length && k < from + MAX_BLOCK; k++) {
    // A line break is looked for only in the gap before the token: linear on a single long line too.
    let nl = -1;
    for (let p = k > from ? toks[k - 1].end : toks[k].start; p < toks[k].start; p++) if (text.charCodeAt(p) === 10) nl = p;
    if (nl >= 0 && toks[k].start - nl - 1 <= headCol) break;
    if (isOpen(toks[k]) && c.match[k] > k) k = c.match[k];
  }
  return k - 1;
}

/** Out-of-scope assignments of a name passed over looking for one in scope. */
const MAX_HIDDEN = 16;

/**
 * Index of the first value token of the nearest `name =` / `name :=` / `name: Type =` before `before`, or -1.
 */
export function assignmentBefore(c: Ctx, name: string, before: number, skip?: (nameIdx: number) => boolean): number {
  c.assigns ??= indexAssignments(c.toks, c.syn.id === 'go', c.syn.id === 'python' ? c.text : undefined);
  // The keystroke path keeps what a call looked up live (editor/incremental.ts): the name, and the binding found.
  c.readNames?.add(name);
  const list = c.assigns.get(name);
  if (!list) return -1;
  let n = countBefore(list.at.length, (i) => list.at[i] <= before - 1);
  // The use is that binding's own value: a keyword argument `messages=messages` (Python indexes it as `name =`).
  if (n > 0 && list.value[n - 1] === before) n--;
  // Passed over: what the caller says is no assignment of the name (a keyword argument `model=` of a call).
  for (let left = 8; skip && n > 0 && left > 0 && skip(list.at[n - 1]); left--) n--;
  // The nearest assignment in scope: one in a sibling block (a local of the same name in another method) hides no
  // earlier one around the use (a class field: OtherServiceExamples.java's static chatModel after a main() that
  // declares its own). Kotlin's named argument `f(name = x)` is none (Kotlin assigns in statements: no `(` or `,` before).
  const named = (at: number) => c.syn.id === 'kotlin' && (isP(c.toks[at - 1], '(') || isP(c.toks[at - 1], ','));
  for (let left = MAX_HIDDEN; n > 0 && (!sameScope(c, list.at[n - 1], before) || named(list.at[n - 1])) && left > 0; left--) n--;
  // Python: one in an earlier arm of the `if` chain whose later arm holds the use never reaches it (py-arms.ts).
  for (let left = MAX_HIDDEN; n > 0 && inEarlierArm(c, list.at[n - 1], before) && left > 0; left--) n--;
  if (n === 0 || !sameScope(c, list.at[n - 1], before)) return memberAfter(c, list, before);
  const value = list.value[n - 1];
  c.read?.push(bindingSpan(c.toks, list.at[n - 1], value));
  return value;
}

/**
 * First value tokens of the assignments of `name` before `before` that the use can see, nearest first, at most `max`:
 * also those in the branches of a conditional after a declaration both see (`let id; if (found) { id = a.id; } else
 * { …; id = b.id; }`).
 */
export function assignmentsBefore(c: Ctx, name: string, before: number, max = 4): number[] {
  c.assigns ??= indexAssignments(c.toks, c.syn.id === 'go', c.syn.id === 'python' ? c.text : undefined);
  c.readNames?.add(name);
  const list = c.assigns.get(name);
  if (!list) return [];
  const out: number[] = [];
  for (let n = countBefore(list.at.length, (i) => list.at[i] <= before - 1), seen = 0; n > 0 && out.length < max && seen < 16; n--, seen++) {
    const at = list.at[n - 1];
    if (!sameScope(c, at, before) && !declaredAround(c, name, at, before)) continue;
    const value = list.value[n - 1];
    c.read?.push(bindingSpan(c.toks, at, value));
    out.push(value);
  }
  return out;
}

/** Tokens searched back from an assignment for the declaration (`let name`) of the block around it and its use. */
const MAX_DECLARATION = 2000;
/** Brace languages: `let name` / `var name` stands in the innermost block holding both the assignment and the use. */
function declaredAround(c: Ctx, name: string, at: number, use: number): boolean {
  if (c.syn.id === 'python' || c.syn.id === 'ruby') return false;
  const { toks } = c;
  c.block ??= enclosingBraces(c);
  let b = c.block[at];
  while (b >= 0 && !(c.match[b] > use)) b = c.block[b];
  for (let k = at - 1; k > b && k >= at - MAX_DECLARATION; k--) {
    if (toks[k].v === name && isId(toks[k]) && c.block[k] === b && isId(toks[k - 1]) && (toks[k - 1].v === 'let' || toks[k - 1].v === 'var')) return true;
  }
  return false;
}

/**
 * Whether an assignment at `def` is visible at `use`: in brace languages the block holding it also holds the use; in
 * Python and Ruby no function starts between them at a shallower indentation (a name assigned in one function is a
 * parameter, not that value, in the next).
 */
export function sameScope(c: Ctx, def: number, use: number): boolean {
  const { toks } = c;
  if (c.syn.id === 'python' || c.syn.id === 'ruby') {
    const list = defKeywords(c);
    // Statements' indentations, not the words' columns: `) as run_ctx:` ends a `with` written over several lines, and
    // `async def` starts its line.
    const col = (k: number) => indentOf(c, toks[k].start);
    const defCol = col(def);
    if (defCol === 0) return true;
    // A Ruby local of a `do … end` block that ended before the use (ruby-do-blocks.ts).
    if (c.syn.id === 'ruby' && closedBefore(c, def, use)) return false;
    for (let i = countBefore(list.length, (j) => list[j] <= def); i < list.length && list[i] < use; i++) if (col(list[i]) < defCol) return false;
    return true;
  }
  c.block ??= enclosingBraces(c);
  const b = c.block[def];
  return b < 0 || c.match[b] > use;
}

/** Indentation of the line holding an offset. */
function indentOf(c: Ctx, offset: number): number {
  const start = lineStartOf(c, offset);
  let p = start;
  while (p < offset && (c.text.charCodeAt(p) === 32 || c.text.charCodeAt(p) === 9)) p++;
  return p - start;
}

/** Column of an offset: line starts found once per scan, then a binary search (a 5 MB single line stays linear). */
const columnOf = (c: Ctx, offset: number): number => offset - lineStartOf(c, offset);

/** Per token list: the scanner's same-scope test and block-locals.ts ask for it in one analysis (speed). */
const BRACES = new KeyMemo<Token[], Int32Array>();

/** For each token, the index of the innermost `{` around it (-1 at top level); one pass (block-locals.ts too). */
export function enclosingBraces(c: Pick<Ctx, 'toks' | 'match'>): Int32Array {
  const { toks, match } = c;
  let out = BRACES.get(toks);
  if (out) return out;
  out = new Int32Array(toks.length);
  BRACES.set(toks, out);
  const stack: number[] = [];
  // Only a matched `{` is pushed, and matched brackets nest: the innermost one is popped at its own `}` (which is
  // still inside it). Tokens are read only where `match` says a bracket opens.
  let top = -1;
  for (let i = 0; i < toks.length; i++) {
    out[i] = top;
    const m = match[i];
    if (m > i) {
      if (toks[i].v === '{' && toks[i].t === T.Punct) stack.push((top = i));
    } else if (top >= 0 && m === top) {
      stack.pop();
      top = stack.length ? stack[stack.length - 1] : -1;
    }
  }
  return out;
}

/**
 * Go: `chat, err := client.Chats.Create(…)` (the first name takes the call's first result) and `var config
 * *genai.GenerateContentConfig = &…` (a typed declaration): the index of the `:=` / `=`, 0 when `i` starts neither.
 */
function goDeclaration(toks: Token[], i: number): number {
  // `b, err := json.Marshal(r)`, and `b, err = json.Marshal(r)` after `var b []byte` (ConnectAI-E/feishu-openai
  // code/services/openai/common.go): the first name's value.
  if (isP(toks[i + 1], ',') && isId(toks[i + 2]) && (isP(toks[i + 3], ':=') || isP(toks[i + 3], '=')) && !isP(toks[i - 1], ',') && !isP(toks[i - 1], '.')) return i + 3;
  if (!isId(toks[i - 1]) || toks[i - 1].v !== 'var' || isP(toks[i + 1], '=')) return 0;
  for (let k = i + 1, n = 0; k < toks.length && n < 24; k++, n++) {
    if (isP(toks[k], '=')) return k;
    if (!(isId(toks[k]) || (toks[k].t === T.Punct && /^(\.|\*|\[|\])$/.test(toks[k].v)))) return 0;
    // `var msgs []pkg.T` then `msgs = …` on the next line: two names in a row end the type (no `=` of its own).
    if (k >= i + 2 && isId(toks[k]) && isId(toks[k - 1])) return 0;
  }
  return 0;
}

/**
 * A name's assignments: made by `new`, not as an object literal, which V8 pretenures once a file's entries outlive a
 * young-generation collection (as the lexer's tokens, lex/cursor.ts Tok): building the index took 3% of the bench's
 * exact analysis, most of it on that literal.
 */
class Assigned {
  /** Token index of each assigned name, in order. */
  readonly at: number[];
  /** First token of each value. */
  readonly value: number[];
  constructor(at: number, value: number) {
    this.at = [at];
    this.value = [value];
  }
}
keepShape(new Assigned(0, 0));

/** Every assignment by name; Go's declarations (goDeclaration) only in Go, where they are written (asked of every name
 * in every language, they cost the bench's exact analysis 1% for nothing). */
function indexAssignments(toks: Token[], go: boolean, pythonText?: string): Map<string, Assigned> {
  const out = new Map<string, Assigned>();
  const add = (i: number, value: number) => {
    const list = out.get(toks[i].v);
    if (list) {
      list.at.push(i);
      list.value.push(value);
    } else out.set(toks[i].v, new Assigned(i, value));
  };
  for (let i = 0; i + 1 < toks.length; i++) {
    const tk = toks[i];
    const op = toks[i + 1];
    const eq = go && tk.t === T.Id ? goDeclaration(toks, i) : 0;
    if (eq > 0) {
      add(i, eq + 1);
      continue;
    }
    if (pythonText !== undefined && tk.t === T.Id && tk.v === 'as' && op.t === T.Id) {
      const item = withItemStart(toks, i);
      if (item >= 0) add(i + 1, item);
    }
    // The operator is tested first: most identifiers are followed by no `=`, `:=` or `:`.
    if (op.t !== T.Punct || tk.t !== T.Id || (op.v !== '=' && op.v !== ':=' && op.v !== ':') || isP(toks[i - 1], '.')) continue;
    if (op.v === '=' || op.v === ':=') add(i, i + 2);
    else if (op.v === ':' && pythonText !== undefined && firstOnLine(pythonText, tk.start)) {
      // Python's annotated assignment `params: Dict[str, Any] = {…}`, a statement of its own line (not `if x: y = 1`).
      const eq = annotatedValue(toks, i + 2);
      if (eq > 0) add(i, eq);
    } else if (op.v === ':' && isId(toks[i - 1]) && (/^(const|let|var|val)$/.test(toks[i - 1].v) || (toks[i - 1].v === 'mut' && toks[i - 2]?.v === 'let'))) {
      // A typed declaration `const p: OpenAI.Chat.ChatCompletionCreateParams = {…}`: the `=` after a short type.
      // Rust `let mut rp: RequestParams = RequestParams::new(&sm, mt);` (Feanor306/rust_gpt_cli), `let c: std::sync::Arc<C> = …`.
      // An object type `{ to: string; from?: string }`, a Swift dictionary type `[String: Any]`, is read inside its brackets (depth), to 64 tokens.
      for (let k = i + 2, n = 0, outside = 0, depth = 0; k < toks.length && n < 64 && outside < 24; k++, n++) {
        if (depth === 0 && isP(toks[k], '=')) {
          add(i, k + 1);
          break;
        }
        if (isP(toks[k], '{') || isP(toks[k], '[')) depth++;
        else if ((isP(toks[k], '}') || isP(toks[k], ']')) && depth > 0) depth--;
        // `Parameters<typeof generateText>[0]`, `"a" | "b"`, `A & B`, `Map<string, List<T>>` (one `>>` token).
        else if (!(isId(toks[k]) || toks[k].t === T.Num || toks[k].t === T.Str || (toks[k].t === T.Punct && /^(\.|<|>|>>|\[|\]|\||&|,|\?|::)$/.test(toks[k].v)))) {
          if (!(depth > 0 && (isP(toks[k], ':') || isP(toks[k], ';')))) break;
        }
        if (depth === 0) outside++;
      }
    }
  }
  return out;
}

/** After `name:`, the first value token past a short type (`str`, `Dict[str, Any]`, `list[dict] | None`) and `=`, or -1. */
function annotatedValue(toks: Token[], from: number): number {
  for (let k = from, n = 0; k < toks.length && n < 16; k++, n++) {
    const t = toks[k];
    if (isP(t, '=')) return k > from ? k + 1 : -1;
    if (isP(t, '[')) {
      // The type's own brackets, read to their close on the same statement.
      let depth = 0;
      for (; k < toks.length && n < 48; k++, n++) {
        if (isP(toks[k], '[')) depth++;
        else if (isP(toks[k], ']') && --depth === 0) break;
      }
      continue;
    }
    if (!(isId(t) || isP(t, '.') || isP(t, '|'))) return -1;
  }
  return -1;
}

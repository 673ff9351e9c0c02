// A Go string built up by `+=` before its use: `part := "My context: "; if os != "" { part += fmt.Sprintf("my
// operating system is %s, ", os) }; part += "take this into account. "; return part` (ekkinox/yai ai/engine.go
// prepareSystemPromptContextPart). Read alone, the name was its first value only. Each addition in the same function
// before the use is joined, one in a branch too (the worst case: it may run); one not known is named. Python and JS/TS
// build prompts the same way (`prompt = "You are…"; prompt += f"\nContext: {ctx}"; prompt += "Answer briefly."`, a
// Gemini summarize_batch adding each article in a loop; `let p = prompt; if (level) p += `…`` in a Next.js route).
// PHP joins with `.=`: `$prompt = "SCHEDULE ANALYSIS REQUEST\n\n"; $prompt .= "Analysis Type: {$type}\n"; …; return
// $prompt;` in a controller's private builder (Datlevan10/schedule-management-api AIScheduleController.php
// buildAnalysisPrompt); read alone, the prompt was its first line, and nothing said the rest was missing.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd, tables, type Binding, type Fn } from './scope';
import { evaluate } from './evaluate';
import { namesFollowedBy } from './names-followed';
import { label, type EvalScope, type Value } from './value';
import { USES } from './fstring-holes';
import { addInArm, flatArms, IF_ROWS, type ArmNode } from './arm-texts';
import { armPath } from './if-arms';

/** Tokens between a binding and its use read at most. */
const MAX_SPAN = 8000;
/** Functions of a file whose top-level additions are read, at most (each addition is checked against them). */
const MAX_TOP_FNS = 200;

/** The languages whose `name += …` (PHP: `$name .= …`) on a string local is read (a Ruby `<<` is another form; Ruby
 * `prompt += "…" if x` is read as a Ruby builder adds to its prompt, held40 C24). */
export const ADDS = new Set(['go', 'python', 'javascript', 'php', 'ruby', 'rust']);

/** PHP's string-append operator, lexed as `.` then `=` (https://www.php.net/manual/en/language.operators.assignment.php). */
const PHP_APPEND = '.=';
/** Rust's `+=` and String's `push_str(x)` / `push(c)` (https://doc.rust-lang.org/std/string/struct.String.html): a
 * `let mut prompt = String::new(); prompt.push_str("…");` builder, rust-string-pushes.ts for the rest. */
const RUST_PUSH = '.push_str(';

/** `v`, the value binding `b` gives `name`, with the `name += …` made between it and the use at offset `pos`. */
export function goStringAdds(s: EvalScope, b: Binding, name: string, pos: number, v: Value, depth: number): Value {
  // A base known only at run time (`let enhanced = prompt; enhanced += `\nGoal: ${goal}``): a hole before the texts added.
  const late = v.str === undefined && v.runtime !== undefined && v.obj === undefined;
  if (!addable(s, b) || (v.str === undefined && !late) || v.num !== undefined || (v.runtime !== undefined && !late)) return v;
  const { toks } = s;
  const php = s.syn.id === 'php';
  const found = addsBefore(s, b, name, pos, php ? PHP_APPEND : s.syn.id === 'rust' ? RUST_PUSH : '+=');
  if (!found) return v;
  const { adds, from, use } = found;
  // The value after the operator: `+=` is one token, PHP's `.=` two; Rust's `.push_str(` three, then a borrow's `&`.
  const after = (j: number) => (php ? 3 : (isP(toks[j + 1], '.') ? 4 : 2) + (s.syn.id === 'rust' && isP(toks[j + (isP(toks[j + 1], '.') ? 4 : 2)], '&') ? 1 : 0));
  let str = v.str ?? '';
  const holes = late ? [v.runtime!] : [...(v.holes ?? [])];
  let text = false;
  // JS/TS `switch (x) { case 0: p += "…"; break; case 1: p += "…"; break; }`: one arm runs, the longest is the worst case.
  let arms: Map<number, { str: string; holes: string[] }> | undefined;
  let sw = -1;
  const flush = () => {
    let best: { str: string; holes: string[] } | undefined;
    for (const a of arms?.values() ?? []) if (!best || a.str.length > best.str.length) best = a;
    if (best) {
      str += best.str;
      text ||= best.str.length > 0;
      holes.push(...best.holes);
    }
    arms = undefined;
    sw = -1;
  };
  // The arms of if / else chains (if-arms.ts): one runs, the one with the most text counts.
  let tree: ArmNode | undefined;
  let chose = false;
  const flushTree = () => {
    if (!tree) return;
    const f = flatArms(tree);
    str += f.str;
    holes.push(...f.holes);
    text ||= f.str.length > 0;
    chose ||= f.chose;
    tree = undefined;
  };
  for (const j of adds) {
    const at = after(j);
    const e = exprEnd(s, j + at);
    const w = evaluate(s, j + at, e, depth + 1);
    const known = !!w && w.str !== undefined && w.num === undefined && w.runtime === undefined;
    const arm = s.syn.id === 'javascript' ? switchArm(s, j, from) : undefined;
    const path = !arm && IF_ROWS.has(s.syn.id) ? armPath(s, j, from) : [];
    if (!path.length) flushTree();
    if (arm?.sw !== sw) flush();
    if (path.length) {
      addInArm((tree ??= { items: [] }), path, known ? { str: w!.str!, holes: w!.holes ?? [] } : { str: '', holes: [label(s, j + at, e)] });
      continue;
    }
    if (arm) {
      sw = arm.sw;
      arms ??= new Map();
      const a = arms.get(arm.at) ?? arms.set(arm.at, { str: '', holes: [] }).get(arm.at)!;
      if (known) {
        a.str += w!.str;
        a.holes.push(...(w!.holes ?? []));
      } else a.holes.push(label(s, j + at, e));
      continue;
    }
    if (known) {
      str += w!.str;
      holes.push(...(w!.holes ?? []));
      text = true;
    } else holes.push(label(s, j + at, e));
  }
  flushTree();
  flush();
  // A list or a number built up the same way is not text.
  if (late && !text) return v;
  s.read?.push({ start: toks[from].start, end: toks[use - 1].end });
  const out: Value = late ? { str } : { ...v, str, lit: undefined };
  if (chose && out.source) out.source = { ...out.source, what: `${out.source.what}, the longest arm of each if / else` };
  if (holes.length) out.holes = holes;
  return out;
}

/** The `name <punct> …` statements (token indexes of the name) between binding `b`'s value and the use at offset
 * `pos`, in one function (or a script's top level, outside every function); `from` is the value's end, `use` the
 * use's token. Undefined when the binding is no assignment or the use is in no such scope. */
export function addsBefore(
  s: EvalScope,
  b: Binding,
  name: string,
  pos: number,
  punct: string,
): { adds: number[]; from: number; use: number } | undefined {
  const { toks } = s;
  const all = addable(s, b) ? followedBy(toks, name, punct) : undefined;
  if (!all) return undefined;
  const use = countBefore(toks.length, (k) => toks[k].start < pos);
  // Only inside one function: a package var changed by `+=` elsewhere is not this use's value. A Python / JS script's
  // (or notebook's) top level runs in order too: there, the additions outside every function.
  let fnEnd = -1;
  const outer: Fn[] = [];
  // A parameter is before its method's body: the use's method is its own (pick returns it only there).
  const at = b.kind === 'param' ? use : b.name;
  for (const list of tables(s).fns.values()) for (const f of list) {
    if (f.body <= at && use < f.bodyEnd) fnEnd = f.bodyEnd;
    if ((f.body <= at && at < f.bodyEnd) || (f.body <= use && use < f.bodyEnd)) outer.length = MAX_TOP_FNS + 1;
    else if (outer.length <= MAX_TOP_FNS) outer.push(f);
  }
  const top = fnEnd < 0 && s.syn.id !== 'go' && outer.length <= MAX_TOP_FNS;
  if (fnEnd < 0 && !top) return moduleAdds(s, b, all, use);
  const inFn = (j: number) => top && outer.some((f) => f.body <= j && j < f.bodyEnd);
  const from = b.value >= 0 ? exprEnd(s, b.value) : b.name + 1;
  const adds: number[] = [];
  for (const j of all) {
    if (j < from || isP(toks[j - 1], '.') || inFn(j)) continue;
    if (j >= use || j >= from + MAX_SPAN) break;
    adds.push(j);
  }
  return adds.length ? { adds, from, use } : undefined;
}

/**
 * A Python / JS module-level text used in a function (`system_message = "…"`, `system_message += "…"` twice at the top
 * level, then `{"role": "system", "content": system_message}` in a function: robertsicoie/ai-integration
 * comments-for-java-code.py, ed-donner/llm_engineering week8 agents): the module's top level has run when the
 * function is called, so every top-level addition counts, before or after the function's definition.
 */
function moduleAdds(s: EvalScope, b: Binding, all: number[], use: number): { adds: number[]; from: number; use: number } | undefined {
  if ((s.syn.id !== 'python' && s.syn.id !== 'javascript') || b.kind !== 'assign') return undefined;
  const fns = [...tables(s).fns.values()].flat();
  if (fns.length > MAX_TOP_FNS) return undefined;
  const inFn = (j: number) => fns.some((f) => f.body <= j && j < f.bodyEnd);
  if (inFn(b.name) || !inFn(use)) return undefined;
  const { toks } = s;
  // An addition past the first screen's cut changes it (editor/prefix.ts).
  s.forward?.add(USES + toks[b.name].v);
  const from = exprEnd(s, b.value);
  const adds = all.filter((j) => j >= from && j < from + MAX_SPAN && !isP(toks[j - 1], '.') && !inFn(j));
  // The read span runs to the last addition when it is written after the function.
  const last = adds.length ? exprEnd(s, adds[adds.length - 1] + 2) : use;
  return adds.length ? { adds, from, use: Math.max(use, last) } : undefined;
}

/** An assignment, or a Ruby method's parameter its body adds to (`def add_inspiration(prompt)` then `prompt += "\n#{sub}\n"`,
 * held40 C24): the value its callers pass, with the additions. */
function addable(s: EvalScope, b: Binding): boolean {
  return (b.kind === 'assign' && b.value >= 0) || (s.syn.id === 'ruby' && b.kind === 'param' && b.value < 0);
}

/** The tokens of `name` followed by `punct`; PHP's `.=` is two tokens, written together. */
function followedBy(toks: EvalScope['toks'], name: string, punct: string): number[] | undefined {
  if (punct === RUST_PUSH) {
    const all = [...(namesFollowedBy(toks, '+=').get(name) ?? []), ...(namesFollowedBy(toks, '.').get(name) ?? []).filter((j) => (toks[j + 2]?.v === 'push_str' || toks[j + 2]?.v === 'push') && isP(toks[j + 3], '('))];
    return all.length ? all.sort((a, b) => a - b) : undefined;
  }
  if (punct !== PHP_APPEND) return namesFollowedBy(toks, punct).get(name);
  const dots = namesFollowedBy(toks, '.').get(name)?.filter((j) => isP(toks[j + 2], '=') && toks[j + 1].end === toks[j + 2].start);
  return dots?.length ? dots : undefined;
}

/** Is there a `name += …` in the function before token `k` (then a same-file constant's first text is not the value)? */
export function goAddedBefore(s: EvalScope, name: string, k: number): boolean {
  const { toks } = s;
  const adds = namesFollowedBy(toks, '+=').get(name);
  if (!adds) return false;
  let body = -1;
  const fns = [...tables(s).fns.values()].flat();
  for (const f of fns) if (f.body <= k && k < f.bodyEnd && f.body > body) body = f.body;
  // In a function: its own additions, or (Python / JS) the module's top-level ones to a module text (moduleAdds).
  const top = () => (s.syn.id === 'python' || s.syn.id === 'javascript') && fns.length <= MAX_TOP_FNS && adds.some((j) => !isP(toks[j - 1], '.') && !fns.some((f) => f.body <= j && j < f.bodyEnd));
  if (body >= 0) return adds.some((j) => j >= body && j < k && !isP(toks[j - 1], '.')) || top();
  // A script's top level (goStringAdds reads its additions outside every function).
  return s.syn.id !== 'go' && fns.length <= MAX_TOP_FNS && adds.some((j) => j < k && !isP(toks[j - 1], '.') && !fns.some((f) => f.body <= j && j < f.bodyEnd));
}

/** Tokens walked back from an addition to the brace around it, at most. */
const MAX_BACK = 2000;

/** The `switch (…) {` whose arm holds token `j` directly (its `{`), and the arm's `case` / `default` token; undefined
 * when a loop between the binding (ending at token `from`) and the switch runs it again (each pass may take another
 * arm: danneu/telegram-chatgpt-bot index.ts adds a `User:` or `Helper:` line per message). */
function switchArm(s: EvalScope, j: number, from: number): { sw: number; at: number } | undefined {
  const { toks, match } = s;
  let arm = -1;
  for (let k = j - 1, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    if (isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) {
      if (match[k] < 0 || match[k] > k) return undefined;
      k = match[k];
      continue;
    }
    if (arm < 0 && (tk.v === 'case' || tk.v === 'default') && tk.t === T.Id) arm = k;
    if (!isP(tk, '{')) continue;
    const close = toks[k - 1];
    const open = isP(close, ')') ? match[k - 1] : -1;
    return arm >= 0 && open > 0 && toks[open - 1]?.v === 'switch' && !inLoop(s, open - 1, from) ? { sw: k, at: arm } : undefined;
  }
  return undefined;
}

/** Is token `k` inside a `for` / `while` / `do` body that opens after token `from`? */
function inLoop(s: EvalScope, k: number, from: number): boolean {
  const { toks, match } = s;
  for (let i = k - 1, n = 0; i >= from && n < MAX_BACK; i--, n++) {
    if (isP(toks[i], '}') || isP(toks[i], ')') || isP(toks[i], ']')) {
      if (match[i] < 0 || match[i] > i) return true;
      i = match[i];
      continue;
    }
    if (!isP(toks[i], '{')) continue;
    const head = isP(toks[i - 1], ')') && match[i - 1] > 0 ? toks[match[i - 1] - 1]?.v : toks[i - 1]?.v;
    if (head === 'for' || head === 'while' || head === 'do') return true;
  }
  return false;
}

// Lists written in the code whose length bounds a loop over them: Python `for q in ["a", "b"]:` / a tuple / a name bound
// once to either (loops.ts iterableBound), JS/TS `for (const q of ["a", "b", "c"])`, Go `for _, q := range
// []string{"a", "b"}`, and a name bound once in the file to such a list (`const QUESTIONS = [...]`, `var questions =
// []string{...}`) that nothing changes.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { enclosingDef } from './runnable-tokens';

/** Items of the list or tuple literal opening at toks[open]: its top-level commas (a trailing one ends no item). */
export function itemCount(c: Ctx, open: number): number | undefined {
  const { toks } = c;
  const close = c.match[open];
  // `PROMPTS = [...]  # your 9,000 prompts`: an Ellipsis stands for items not written (white07S/templates app.py); in
  // JS a spread (`[...base, "q"]`) adds items known at run time.
  for (let j = open + 1; j < close; j++) if (isP(toks[j], '...') || (isP(toks[j], '.') && isP(toks[j + 1], '.') && isP(toks[j + 2], '.'))) return undefined;
  let n = close > open + 1 ? 1 : 0;
  for (let j = open + 1; j < close; j = isOpen(toks[j]) && c.match[j] > j ? c.match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < close) n++;
  return n;
}

/** Whether the bracket at toks[open] holds a top-level comma (a tuple, not a parenthesised value). */
export function hasComma(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let j = open + 1; j < match[open]; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ',')) return true;
  return false;
}

/** Methods that change a list in place (Python's, and JS's push/unshift/splice/shift): its length is then a run-time one. */
const LIST_CHANGES = new Set(['append', 'extend', 'insert', 'remove', 'pop', 'clear', 'push', 'unshift', 'splice', 'shift']);

/**
 * The bracket opening the items of the literal list or tuple that `name` is bound to, once in the file, when nothing
 * changes it (`name.append(…)`, `name.push(…)`, `name += …`, `name[i] = …`, `del`, `global`, Go's `name = append(…)`
 * is a second binding) and no parameter of the loop's function has that name; else -1. A comprehension or a `*spread`
 * in it is no fixed count. Go's value is a composite literal (`[]string{…}`): its `{`.
 */
export function literalListOf(c: Ctx, name: string, use: number): number {
  const { toks, match } = c;
  const v = assignmentBefore(c, name, use);
  if (v < 0 || c.assigns?.get(name)?.at.length !== 1) return -1;
  const open = c.syn.id === 'go' ? goCompositeOpen(c, v) : v;
  if (open < 0 || !(isP(toks[open], '[') || isP(toks[open], '(') || isP(toks[open], '{')) || !(match[open] > open)) return -1;
  const end = exprEnd(c, v);
  // TypeScript's `const QUESTIONS = [...] as const`.
  if (end !== match[open] + 1 && !(toks[match[open] + 1]?.v === 'as' && toks[match[open] + 2]?.v === 'const' && end === match[open] + 3)) return -1;
  if (isP(toks[open], '{') && c.syn.id !== 'go') return -1;
  for (let j = open + 1; j < match[open]; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) {
    if ((isId(toks[j]) && toks[j].v === 'for') || (isP(toks[j], '*') && (j === open + 1 || isP(toks[j - 1], ',')))) return -1;
  }
  if (isP(toks[open], '(') && !hasComma(c, open)) return -1;
  for (let j = 0; j < toks.length; j++) {
    if (!isId(toks[j]) || toks[j].v !== name || isP(toks[j - 1], '.')) continue;
    const next = toks[j + 1];
    if (toks[j - 1]?.v === 'del' || toks[j - 1]?.v === 'global' || toks[j - 1]?.v === 'nonlocal') return -1;
    if (next && next.t === T.Punct && /^[-+*]=$/.test(next.v)) return -1;
    if (isP(next, '.') && LIST_CHANGES.has(toks[j + 2]?.v ?? '') && isP(toks[j + 3], '(')) return -1;
    if (isP(next, '[') && match[j + 1] > j && isP(toks[match[j + 1] + 1], '=')) return -1;
  }
  const def = enclosingDef(c, use);
  if (def >= 0 && isP(toks[def + 1], '(')) {
    for (let j = def + 2; j < match[def + 1]; j = valueEnd(c, j, match[def + 1]) + 1) if (toks[j]?.v === name || (isP(toks[j], '*') && toks[j + 1]?.v === name)) return -1;
  }
  return open;
}

/**
 * The `{` of a Go composite literal of a slice, an array or a map starting at toks[v] (`[]string{`, `[3]string{`,
 * `[...]string{`, `[]struct{ q string }{`, `map[string]int{`, `[]*pkg.T{`), or -1.
 */
export function goCompositeOpen(c: Ctx, v: number): number {
  const { toks, match } = c;
  let j = v;
  if (toks[j]?.v === 'map' && isP(toks[j + 1], '[')) j++;
  if (!isP(toks[j], '[') || !(match[j] > j)) return -1;
  for (j = match[j] + 1; j < toks.length && j < v + 40; j++) {
    const tk = toks[j];
    if ((tk.v === 'struct' || tk.v === 'interface') && isP(toks[j + 1], '{') && match[j + 1] > j) j = match[j + 1];
    else if (isP(tk, '[') && match[j] > j) j = match[j];
    else if (isP(tk, '{')) return match[j] > j ? j : -1;
    else if (!(isId(tk) || isP(tk, '.') || isP(tk, '*'))) return -1;
  }
  return -1;
}

/**
 * The count of a brace-language loop over a list written in place or bound once to a name (toks[k] the loop keyword,
 * toks[body] its `{`): JS/TS `for (const q of ["a", "b"])` / `for (const q of QUESTIONS)`, Go `for _, q := range
 * []string{"a", "b"}` / `range questions`. A Go map literal counts its entries, as ranging over it does.
 */
export function literalLoopCount(c: Ctx, k: number, body: number): number | undefined {
  const { toks, match } = c;
  let from = -1;
  let to = body;
  if (c.syn.id === 'go') {
    for (let j = k + 1; j < body; j++) if (isId(toks[j]) && toks[j].v === 'range') { from = j + 1; break; }
  } else {
    const paren = isP(toks[k + 1], '(') ? k + 1 : toks[k + 1]?.v === 'await' && isP(toks[k + 2], '(') ? k + 2 : -1;
    if (paren < 0 || !(match[paren] > paren)) return undefined;
    to = match[paren];
    for (let j = paren + 1; j < to; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isId(toks[j]) && toks[j].v === 'of') { from = j + 1; break; }
  }
  if (from < 0 || from >= to) return undefined;
  if (isId(toks[from]) && from + 1 === to && toks[from].t === T.Id) {
    const open = literalListOf(c, toks[from].v, k);
    return open >= 0 ? itemCount(c, open) : undefined;
  }
  const open = c.syn.id === 'go' ? goCompositeOpen(c, from) : isP(toks[from], '[') ? from : -1;
  return open >= 0 && match[open] === to - 1 ? itemCount(c, open) : undefined;
}

// Go `strings.Builder`: `var b strings.Builder; b.WriteString("You are…"); fmt.Fprintf(&b, "- Dir: %s\n", dir); return
// b.String()` (zhubert/milo internal/agent/system.go BuildSystemPrompt, ~40 WriteString literals). `b.String()` is the
// text written to b before it, in order (https://pkg.go.dev/strings#Builder: WriteString, WriteByte, WriteRune, String;
// fmt.Fprintf formats to any io.Writer, a *Builder among them). An argument known only at run time is a named hole; what
// is written in a loop is counted once and the loop named, as its passes are known only at run time.
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { goSprintf } from './go-format';
import type { EvalScope, Value } from './value';

/** Tokens searched back for the builder's declaration, and between it and `String()`: bounds on any input. */
const MAX_SPAN = 20000;
/** Writes read at most. */
const MAX_WRITES = 400;
const WRITES = new Set(['WriteString', 'WriteByte', 'WriteRune']);

type Arg = { from: number; to: number };

/** `fmt.Sprintf(…)` (go-format.ts) or a Builder's `b.String()`. */
export function goText(s: EvalScope, names: string[], nameAt: number, a: Arg[], arg: (n: number) => Value | undefined, label: (n: number) => string, depth: number): Value | undefined {
  return goSprintf(names, a, arg, label) ?? goBuilderString(s, names, nameAt, a.length, depth);
}

/** `name.String()` of a strings.Builder declared in the same function: the text written to it, else undefined. */
export function goBuilderString(s: EvalScope, names: string[], nameAt: number, argCount: number, depth: number): Value | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'go' || names.length !== 2 || names[1] !== 'String' || argCount || toks[nameAt]?.v !== names[0] || depth > 6) return undefined;
  const name = names[0];
  const decl = declaration(s, name, nameAt);
  if (decl < 0) return undefined;
  let str = '';
  const holes: string[] = [];
  const loops: boolean[] = [];
  const named = new Set<string>();
  let writes = 0;
  const text = (a: Arg) => s.text.slice(toks[a.from].start, toks[a.to - 1].end).replace(/\s+/g, ' ').slice(0, 60);
  const add = (v: Value | undefined, label: string) => {
    if (v?.str !== undefined && v.runtime === undefined && v.num === undefined) {
      str += v.str;
      holes.push(...(v.holes ?? []));
    } else holes.push(v?.runtime || label);
  };
  for (let k = decl + 1; k < nameAt && writes < MAX_WRITES; k++) {
    const tk = toks[k];
    if (isP(tk, '{')) loops.push(loopBrace(s, k));
    else if (isP(tk, '}')) loops.pop();
    if (tk.v !== name || !isId(tk) || isP(toks[k - 1], '.')) continue;
    const inLoop = loops.includes(true);
    let written = false;
    // `b.WriteString(x)`, `b.WriteByte('\n')`, `b.WriteRune(r)`.
    if (isP(toks[k + 1], '.') && WRITES.has(toks[k + 2]?.v) && isP(toks[k + 3], '(') && match[k + 3] > k + 4) {
      const a = { from: k + 4, to: match[k + 3] };
      add(evaluate(s, a.from, a.to, depth + 1), text(a));
      written = true;
    } else if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'Reset') {
      [str, holes.length] = ['', 0];
    } else if (isP(toks[k - 1], '&') && isP(toks[k - 2], '(') && toks[k - 3]?.v === 'Fprintf' && toks[k - 5]?.v === 'fmt' && isP(toks[k + 1], ',')) {
      // `fmt.Fprintf(&b, format, args…)`: as `fmt.Sprintf(format, args…)` written to b.
      const a = split(s, k + 2, match[k - 2]);
      const f = goSprintf(['fmt', 'Sprintf'], a, (n) => (a[n] ? evaluate(s, a[n].from, a[n].to, depth + 1) : undefined), (n) => (a[n] ? text(a[n]) : '?'));
      add(f, s.text.slice(toks[k - 5].start, toks[match[k - 2]].end).replace(/\s+/g, ' ').slice(0, 60));
      written = true;
    } else if (isP(toks[k - 1], '&') || (isP(toks[k + 1], '=') || isP(toks[k + 1], ':='))) {
      // Given to another writer, or bound again: what it holds is not read here.
      holes.push(`${name} (written at run time)`);
    }
    if (!written) continue;
    writes++;
    const loop = inLoop ? loopHeader(s, k) : undefined;
    if (loop && !named.has(loop)) {
      named.add(loop);
      holes.push(`${loop} (each pass writes to ${name} at run time)`);
    }
  }
  if (!writes) return undefined;
  const r: Value = { str, source: { file: s.file, offset: toks[decl].start, what: `strings.Builder ${name}` } };
  if (holes.length) r.holes = [...new Set(holes)];
  return r;
}

/** The token after which `name` is declared a strings.Builder in the function holding toks[use]; -1 when none. */
function declaration(s: EvalScope, name: string, use: number): number {
  const { toks } = s;
  for (let k = use - 1, n = 0; k > 0 && n < MAX_SPAN; k--, n++) {
    if (toks[k].v === 'func') return -1;
    if (toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    // `var b strings.Builder`, `b := strings.Builder{}`, `b := &strings.Builder{}`, `b := new(strings.Builder)`.
    let j = k + 1;
    if (toks[k - 1]?.v === 'var') j = k + 1;
    else if (isP(toks[k + 1], ':=')) j = k + 2;
    else continue;
    if (isP(toks[j], '&')) j++;
    if (toks[j]?.v === 'new' && isP(toks[j + 1], '(')) j += 2;
    if (toks[j]?.v === 'strings' && isP(toks[j + 1], '.') && toks[j + 2]?.v === 'Builder') return j + 2;
    return -1;
  }
  return -1;
}

/** Is the `{` at toks[k] a `for` loop's body (its statement starts with `for`)? */
function loopBrace(s: EvalScope, k: number): boolean {
  const ls = s.text.lastIndexOf('\n', s.toks[k].start - 1) + 1;
  return /^\s*for\b/.test(s.text.slice(ls, s.toks[k].start));
}

/** The header of the innermost `for` around toks[k], shortened (`for _, t := range registry.List()`). */
function loopHeader(s: EvalScope, k: number): string | undefined {
  const { toks, match } = s;
  for (let j = k - 1, n = 0; j >= 0 && n < MAX_SPAN; j--, n++) {
    if (!isP(toks[j], '{') || match[j] < k || !loopBrace(s, j)) continue;
    const ls = s.text.lastIndexOf('\n', toks[j].start - 1) + 1;
    return s.text.slice(ls, toks[j].start).trim().replace(/\s+/g, ' ').slice(0, 60);
  }
  return undefined;
}

/** The top-level arguments in toks[from, to). */
function split(s: EvalScope, from: number, to: number): Arg[] {
  const { toks, match } = s;
  const out: Arg[] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], ',')) {
      if (k > start) out.push({ from: start, to: k });
      start = k + 1;
    }
  }
  if (to > start) out.push({ from: start, to });
  return out;
}

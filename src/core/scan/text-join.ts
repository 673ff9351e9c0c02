// `"\n".join([...])`: a separator joining a list of texts, as Python prompts are often assembled
// (`SYSTEM = "\n".join(["You are …", "Answer …"])`, or a list constant `"\n".join(RULES)`). The elements the scope
// knows are joined with the separator; the others are named as holes. An argument that is no list (a generator over
// documents, a parameter) leaves the value to run time.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { evaluate } from './evaluate';
import { joinedNamedList } from './py-joined-lists';
import { isIdText, joinable, severalIds } from './id-joins';
import { MAX_DEPTH, label, type EvalScope, type Value } from './value';

/** Most elements joined. */
const MAX_ELEMENTS = 200;

/** The text of `sep.join(arg)` with the argument in toks[from, to); undefined when the argument is no list. */
export function joinedText(s: EvalScope, sep: string, from: number, to: number, depth: number): Value | undefined {
  let scope = s;
  let open = from;
  // A list or tuple written in the call, else a list the argument names (`LINES = [...]`).
  if (!((isP(s.toks[from], '[') || isP(s.toks[from], '(')) && s.match[from] === to - 1)) {
    // A list the module builds in steps: `history = list()`, `history.append(seed)` (py-joined-lists.ts).
    const named = s.syn.id === 'python' && from + 1 === to && isId(s.toks[from]);
    const built = named ? joinedNamedList(s, from, sep, depth) : undefined;
    if (built) return built;
    const v = evaluate(s, from, to, depth + 1);
    // `"".join(f.readlines())`: a prompt file's lines (file-reads.ts reads them as the file's text), each keeping its
    // line end; joined by "" they are the file again.
    if (v?.str !== undefined && readsLines(s, from, to)) return sep === '' ? v : { ...v, str: linesOf(v.str).join(sep) };
    if (v?.obj?.kind !== 'table' || !isP(v.obj.scope.toks[v.obj.open], '[')) return undefined;
    scope = v.obj.scope;
    open = v.obj.open;
  }
  return listText(scope, open, sep, depth);
}

/** Python's `readlines()`: each line with its line end; a last line without one as it is. */
function linesOf(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** toks[from, to) ends with `.readlines()`. */
function readsLines(s: EvalScope, from: number, to: number): boolean {
  return to - from >= 4 && s.toks[to - 3]?.v === 'readlines' && isP(s.toks[to - 4], '.') && isP(s.toks[to - 2], '(') && isP(s.toks[to - 1], ')');
}

/**
 * JavaScript's and Ruby's `parts.join(sep)` on a list a name holds: an empty one is filled later
 * (`const kept: string[] = []`, then `kept.push(line)` in a loop): its text is known only at run time, not "".
 * (Python's appends are read by py-joined-lists.ts.)
 */
export function heldListText(scope: EvalScope, open: number, sep: string, depth: number): Value | undefined {
  return scope.match[open] === open + 1 ? undefined : listText(scope, open, sep, depth);
}

/** The texts of the list literal opening at toks[open] joined by `sep`; a spread (`...BASE`) of a list joins in its texts. */
export function listText(scope: EvalScope, open: number, sep: string, depth: number): Value | undefined {
  const items = args(scope, open, scope.match[open]);
  if (items.length > MAX_ELEMENTS || items.some((x) => x.key)) return undefined;
  const texts: string[] = [];
  const holes: string[] = [];
  for (const x of items) {
    if (x.from >= x.to) continue;
    if (isP(scope.toks[x.from], '...') && depth < MAX_DEPTH) {
      const list = evaluate(scope, x.from + 1, x.to, depth + 1);
      const inner = list?.obj?.kind === 'table' && isP(list.obj.scope.toks[list.obj.open], '[') ? listText(list.obj.scope, list.obj.open, sep, depth + 1) : undefined;
      if (inner?.str !== undefined) {
        texts.push(inner.str);
        holes.push(...(inner.holes ?? []));
        continue;
      }
    }
    // Ruby `("I like #{genre} films." if genre.present?)`, an element nil when the test fails (compact drops it):
    // the worst case keeps its text.
    const cut = scope.syn.id === 'ruby' ? modifierIf(scope, x.from, x.to) : -1;
    const v = cut > 0 ? evaluate(scope, x.from + 1, cut, depth + 1) : evaluate(scope, x.from, x.to, depth + 1);
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) {
      texts.push(v.str ?? String(v.num));
      holes.push(...(v.holes ?? []));
    } else {
      texts.push('');
      holes.push(label(scope, x.from, x.to));
    }
  }
  const out: Value = { str: texts.join(sep) };
  if (holes.length) out.holes = holes;
  return out;
}

/**
 * JavaScript `[…].join(sep)`, also after `.filter(…)` (`[...].filter(Boolean).join("\n")`: lucavb/aicommits
 * src/services/prompt.service.ts), with the list literal at toks[i]: the joined text, or undefined when no join
 * follows. A filter keeps the worst case, every element. `join()` with no argument joins with "," (ECMA-262
 * Array.prototype.join: "If separator is undefined, let sep be ","").
 * Rust's `[URL, "/v1/chat/completions"].join("")` (slice::join on an array of &str) the same way (buhe/git-gpt
 * src/sdk.rs, audit43).
 */
export function arrayJoin(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } | undefined {
  const { toks, match } = s;
  let k = match[i] + 1;
  while (isP(toks[k], '.') && toks[k + 1]?.v === 'filter' && isP(toks[k + 2], '(') && match[k + 2] > k + 2 && match[k + 2] < end) k = match[k + 2] + 1;
  if (!isP(toks[k], '.') || toks[k + 1]?.v !== 'join' || !isP(toks[k + 2], '(') || !(match[k + 2] > k + 2) || match[k + 2] >= end) return undefined;
  const close = match[k + 2];
  const sep = close === k + 3 ? { str: ',' } : evaluate(s, k + 3, close, depth + 1);
  if (sep?.str === undefined || sep.holes?.length) return { v: { runtime: label(s, i, close + 1) }, next: close + 1 };
  return { v: listText(s, i, sep.str, depth), next: close + 1 };
}

/**
 * C# `string.Join(sep, parts)` with a list the scope knows (`new string[] { … }`, a property holding one): the texts
 * joined, the unknown ones named as holes (https://learn.microsoft.com/dotnet/api/system.string.join,
 * Join(String, String[])). Undefined for any other argument.
 */
export function dotnetJoin(a: { from: number; to: number }[], arg: (n: number) => Value | undefined, depth: number): Value | undefined {
  const sep = arg(0);
  if (a.length !== 2 || sep?.str === undefined || sep.holes?.length) return undefined;
  const list = arg(1);
  return list?.obj?.kind === 'table' ? listText(list.obj.scope, list.obj.open, sep.str, depth) : undefined;
}

/** The `if` / `unless` of a bracketed Ruby modifier conditional `(expr if test)` at [from, to), else -1. */
function modifierIf(s: EvalScope, from: number, to: number): number {
  const { toks, match } = s;
  if (!isP(toks[from], '(') || match[from] !== to - 1) return -1;
  for (let k = from + 2; k < to - 1; k++) {
    if (match[k] > k) k = match[k];
    else if (toks[k].t === T.Id && (toks[k].v === 'if' || toks[k].v === 'unless')) return k;
  }
  return -1;
}

/** `a + b`: strings join (holes kept), numbers add; anything unknown makes the whole unknown. `lab` names a side
 * (left: true) when it must be left as a run-time part. */
export function join2(a: Value, b: Value | undefined, lab?: (left: boolean) => string): Value {
  if (!b) return { runtime: a.runtime ?? '?' };
  // An id joined with one of several (`"anthropic/" + modelName` over a table indexed at run time) would be an id no
  // path makes (thr3a/misc-ai magi helpers.ts): the side of several is left as run time, as a template's hole is.
  // Only a side with other texts can be several ids: the common join of two texts is not concatenated twice to ask.
  const [ia, ib] = lab && (a.others?.length || b.others?.length) && a.str !== undefined && b.str !== undefined && isIdText(a.str + b.str) ? [severalIds(a), severalIds(b)] : [];
  if (lab && (ia || ib)) {
    // Each id the other side can route (id-joins.ts); none, or several on both sides: that side is run time.
    const kept = ia && ib ? undefined : ib ? joinable(a.str!, ib) : joinable('', ia!);
    if (!kept) return join2(ia ? { runtime: lab(true) } : a, ib ? { runtime: lab(false) } : b);
    const make = (id: string) => (ib ? a.str + id : id + b.str);
    const holes = [...(a.holes ?? []), ...(b.holes ?? [])];
    return { str: make(kept[0]), ...(kept.length > 1 ? { others: kept.slice(1).map(make) } : {}), ...(holes.length ? { holes } : {}), source: a.source ?? b.source };
  }
  if (a.str !== undefined && b.str !== undefined) {
    const out: Value = { str: a.str + b.str };
    const holes = [...(a.holes ?? []), ...(b.holes ?? [])];
    if (holes.length) out.holes = holes;
    out.source = a.source ?? b.source;
    return out;
  }
  if (a.num !== undefined && b.num !== undefined) return { num: a.num + b.num };
  // A string with an unknown piece: the known text stays, the unknown becomes a hole.
  if (a.str !== undefined && b.runtime !== undefined) return { ...a, holes: [...(a.holes ?? []), b.runtime], lit: undefined };
  if (b.str !== undefined && a.runtime !== undefined) return { ...b, holes: [a.runtime, ...(b.holes ?? [])], lit: undefined };
  return { runtime: a.runtime ?? b.runtime ?? '?' };
}

// Python tuple assignments: `system, user = get_prompts(q)` / `a, b = "x", "y"`: each name takes its own element of
// the value, by position: a literal tuple's element, or that element of what a same-file function returns.
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import { tables } from './scope';
import { alternatives, switchValue } from './branches';
import { evaluate } from './evaluate';
import { SELF, type EvalScope, type Value } from './value';
import { goCalledFunction } from './go-results';

/** The token range of element `pos` of the tuple written from toks[from] to the end of its line (no top-level comma:
 * no tuple, undefined). */
function element(s: EvalScope, from: number, pos: number): { from: number; to: number } | undefined {
  const { toks, match } = s;
  const items: { from: number; to: number }[] = [];
  let start = from;
  let k = from;
  while (k < toks.length) {
    const tk = toks[k];
    if (k > from && newlineBetween(s.text, toks[k - 1].end, tk.start) && !isP(toks[k - 1], ',')) break;
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k] + 1;
      continue;
    }
    if (isP(tk, ')') || isP(tk, ']') || isP(tk, '}') || isP(tk, ';')) break;
    if (isP(tk, ',')) {
      items.push({ from: start, to: k });
      start = k + 1;
    }
    k++;
  }
  if (!items.length) return undefined;
  if (start < k) items.push({ from: start, to: k });
  return items[pos];
}

/** Element `pos` of the value assigned at toks[from]: a literal tuple's element, or that element of every `return` of
 * the same-file function or method (`self.…`) called there; anything else is known only at run time. */
export function tupleElement(s: EvalScope, from: number, pos: number, depth: number): Value | undefined {
  const { toks, match } = s;
  // Rust `let (url, model) = ("…", "…");` and `= match provider { P::A => ("…", "…"), … };`: each arm's element.
  if (s.syn.id === 'rust' && toks[from]?.v === 'match') {
    const arms = switchValue(s, from, toks.length, depth, (f, t, arm) => {
      const e = isP(toks[f], '(') && match[f] === t - 1 ? element(s, f + 1, pos) : undefined;
      const v = e && evaluate(s, e.from, e.to, depth + 1);
      return v && { ...v, source: v.source ?? { file: s.file, offset: toks[e.from].start, what: `the ${arm} arm of a match` } };
    });
    return arms?.v;
  }
  const own = element(s, s.syn.id === 'rust' && isP(toks[from], '(') ? from + 1 : from, pos);
  if (own) {
    s.read?.push({ start: toks[from].start, end: toks[own.to - 1]?.end ?? s.text.length });
    return evaluate(s, own.from, own.to, depth + 1);
  }
  // `self._prompts(q)`: a method of the class, as a helper called on self is (calls.ts).
  const callee = isId(toks[from]) && SELF.has(toks[from].v) && isP(toks[from + 1], '.') && isId(toks[from + 2]) ? from + 2 : from;
  const name = toks[callee];
  // Go: a function of the file, of its package or of an imported package of the workspace (go-results.ts).
  const go = s.syn.id === 'go' && isId(name) ? goCalledFunction(s, from, depth) : undefined;
  const fs = go?.scope ?? s;
  const f = go?.fn ?? (isId(name) && isP(toks[callee + 1], '(') ? tables(s).fns.get(name.v)?.at(-1) : undefined);
  if (!f || f.expr || (!go && match[callee + 1] < 0)) return undefined;
  const fname = go?.name ?? name.v;
  // Read whether or not it gives a value, as a helper's body is (calls.ts helper).
  if (fs === s && toks[f.name].start >= name.start) s.forward?.add(fname);
  fs.read?.push({ start: fs.toks[f.name].start, end: fs.toks[f.bodyEnd - 1]?.end ?? fs.text.length });
  const found: Value[] = [];
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (!isId(fs.toks[k]) || fs.toks[k].v !== 'return') continue;
    const e = element(fs, k + 1, pos);
    found.push((e && evaluate(fs, e.from, e.to, depth + 1)) || { runtime: `${fname}()[${pos}]` });
  }
  const v = alternatives(found, `returned by ${fname}()`);
  // A text with no definition of its own comes from the function, as a helper's return does (calls.ts helper).
  return v && { ...v, source: v.source ?? { file: fs.file, offset: fs.toks[f.name].start, what: `returned by ${fname}()` } };
}

/** Element `n` of a split text (`const [provider, id] = spec.split(':')`); anything else is known only at run time. */
export function elementOf(v: Value | undefined, n: number): Value | undefined {
  const t = v?.items?.[n];
  return t !== undefined ? { str: t, ...(v!.source ? { source: v!.source } : {}) } : undefined;
}

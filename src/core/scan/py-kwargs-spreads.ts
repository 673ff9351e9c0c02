// Python `ai(q, **payload)` with `payload = {"system_message": system_message, "model": "gpt-4.1", …}` written before it in
// the caller's module or notebook (kristofrabay/genai-llm-experiments nb/flights: a notebook cell's payload of imported
// prompts spread into a wrapper's call): the dict's entry is the argument for the parameter of its key
// (docs.python.org/3/reference/expressions.html#calls: "**expression … each key is a keyword argument").
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { hiddenLocal } from './block-locals';
import type { EvalScope } from './value';

/**
 * What `**name` at token `star` passes for parameter `pname`: the token range of the entry's value; undefined when the
 * dict has no such key; the name itself for a parameter of the function around (`**payload`: its callers' dict);
 * null when not known (the name is not a dict literal assigned once and never changed after).
 */
export function spreadEntry(s: EvalScope, star: number, end: number, pname: string): [number, number] | undefined | null {
  const { toks, match } = s;
  if (s.syn.id !== 'python' || !isP(toks[star], '**') || !isId(toks[star + 1]) || star + 2 !== end) return null;
  const name = toks[star + 1].v;
  const list = tables(s).binds.get(name) ?? [];
  const assigns = list.filter((b) => b.kind !== 'param');
  // `def conversation(payload: dict): … ai(q, **payload)`: the dict its callers pass, read as theirs (file-callers.ts
  // reads the entry as a member of the name).
  if (!assigns.length && list.some((b) => b.kind === 'param' && b.value < 0 && b.name < star && (b.until === undefined || toks[star].start <= b.until))) return [star + 1, star + 2];
  // The nearest assignment before the spread, in the same function or both at the top (a notebook's cells).
  const before = assigns.filter((b) => b.name < star);
  const b = before[before.length - 1];
  if (!b || b.value < 0 || b.pos !== undefined || b.key !== undefined || hiddenLocal(s, b.name, toks[star].start)) return null;
  const open = b.value;
  if (!isP(toks[open], '{') || !(match[open] > open)) return null;
  // `payload["model"] = …`, `payload.update(…)`: changed after it is written.
  if (changed(s, name, match[open], star)) return null;
  // The dict is read like a definition: an edit of it changes the value (keystroke path).
  s.read?.push({ start: toks[b.name].start, end: toks[match[open]].end });
  let found: [number, number] | undefined;
  for (let k = open + 1; k < match[open]; ) {
    let e = k;
    while (e < match[open] && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    // Only string keys: `**other` inside, or a computed key, is not known.
    if (toks[k].t !== T.Str || toks[k].holes?.length || !isP(toks[k + 1], ':') || e <= k + 2) return null;
    if (toks[k].v === pname) found = [k + 2, e];
    k = e + 1;
  }
  return found;
}

/** Whether `name` is subscript-assigned or changed by a dict method between tokens `from` and `to`. */
function changed(s: EvalScope, name: string, from: number, to: number): boolean {
  const { toks, match } = s;
  for (let k = from + 1; k < to; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
    const nx = toks[k + 1];
    if (isP(nx, '[') && match[k + 1] > k && /^(=|\+=|\|=)$/.test(toks[match[k + 1] + 1]?.v ?? '')) return true;
    if (isP(nx, '.') && /^(update|pop|setdefault|clear|popitem)$/.test(toks[k + 2]?.v ?? '')) return true;
    if (isP(nx, '|=')) return true;
  }
  return false;
}

/**
 * A Python call whose argument is `**d.update(…)` at `open`'s level: dict.update returns None and `**` needs a mapping
 * (docs.python.org/3/library/stdtypes.html#dict.update "Return None"; reference/expressions.html#calls "must evaluate
 * to a mapping"), so the call raises TypeError before it runs: it passes its callee nothing.
 */
export function raisesOnSpread(s: EvalScope, open: number): boolean {
  const { toks, match } = s;
  if (s.syn.id !== 'python' || !(match[open] > open)) return false;
  for (let k = open + 1; k < match[open]; k++) {
    if (isP(toks[k], '**') && (isP(toks[k - 1], ',') || k === open + 1) && isId(toks[k + 1]) && isP(toks[k + 2], '.') && toks[k + 3]?.v === 'update' && isP(toks[k + 4], '(')) return true;
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
  }
  return false;
}

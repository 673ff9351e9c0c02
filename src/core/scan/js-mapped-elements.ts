// An arrow handed a list's elements one at a time: `prompts.map((prompt) => streamText({ …, content: prompt }))` over
// the templates a helper returns, each starting with a text passed in (held-out 45 C08, Quillstash/Quillai
// src/app/api/generate/route.ts: `sectionPrompts.map((prompt, index) => streamText(…))` over generateSectionPrompts(
// basePrompt, …) of src/utils/ai-prompts.ts). The arrow runs once per element: the element with the most known text is
// the worst case priced (the rule worst-of.ts gives texts), the largest number for a limit. Array.prototype.map,
// forEach and flatMap call the function with (element, index, array):
// https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/map
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { listItems } from './members';
import { inFrames } from './arg-frames';
import { calledNames } from './names-followed';
import type { EvalScope, Value } from './value';

const ITERATORS = ['map', 'forEach', 'flatMap'];
/** Elements of one list read at most (a longer list is left to run time). */
const MAX_ELEMENTS = 64;

/** `name` used at offset `pos` in the arrow `recv.map((name, …) => …)`: the list's element priced, or undefined. */
export function mappedElement(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks, match } = s;
  const called = calledNames(toks);
  for (const it of ITERATORS) {
    for (const k of called.get(it) ?? []) {
      const open = k + 1;
      const close = match[open];
      if (!(close > open) || !(toks[open].start < pos && pos < toks[close].start) || !isP(toks[k - 1], '.')) continue;
      const p = firstParam(s, open + 1);
      if (!p || toks[p.name].v !== name || !(toks[p.end].end <= pos)) continue;
      // The receiver: a name or a member chain (`sectionPrompts`, `this.prompts`).
      let r = k - 2;
      while (isId(toks[r]) && isP(toks[r - 1], '.') && isId(toks[r - 2])) r -= 2;
      if (!isId(toks[r])) return undefined;
      s.read?.push({ start: toks[r].start, end: toks[p.end].end });
      const list = evaluate(s, r, k - 1, depth + 1);
      return list && element(list, s.text.slice(toks[r].start, toks[k - 2].end), depth);
    }
  }
  return undefined;
}

/** The first parameter of the function at token `j` (`(name, i) =>`, `name =>`, `async (name: T) =>`, `function (name)
 * {`): its name's token and the token ending the parameter list. */
function firstParam(s: EvalScope, j: number): { name: number; end: number } | undefined {
  const { toks, match } = s;
  if (toks[j]?.v === 'async') j++;
  const fn = toks[j]?.v === 'function';
  if (fn) j++;
  if (isP(toks[j], '(') && match[j] > j) {
    const end = match[j];
    if (!fn && !isP(toks[end + 1], '=>')) return undefined;
    return isId(toks[j + 1]) && (isP(toks[j + 2], ',') || isP(toks[j + 2], ')') || isP(toks[j + 2], ':')) ? { name: j + 1, end } : undefined;
  }
  return !fn && isId(toks[j]) && isP(toks[j + 1], '=>') ? { name: j, end: j } : undefined;
}

/** Of a list literal's elements (read with the arguments its helper was called with), the text with the most known
 * characters, or the largest number; undefined when an element is neither. */
function element(list: Value, shown: string, depth: number): Value | undefined {
  const o = list.obj;
  if (list.runtime !== undefined || o?.kind !== 'table' || o.struct || !isP(o.scope.toks[o.open], '[')) return undefined;
  const items = listItems(o.scope, o.open);
  if (!items?.length || items.length > MAX_ELEMENTS) return undefined;
  // Each element is a prompt read under its helper's arguments: a text with holes passed in is bound too (arg-frames.ts).
  const frames = o.frames?.map((f) => ({ ...f, texts: true }));
  const values = inFrames(frames, () => items.map(([a, b]) => evaluate(o.scope, a, b, depth + 1)));
  const nums = values.every((v) => v?.num !== undefined && v.runtime === undefined);
  if (!nums && !values.every((v) => v?.str !== undefined && v.runtime === undefined)) return undefined;
  let best = 0;
  for (let n = 1; n < values.length; n++) if (nums ? values[n]!.num! > values[best]!.num! : values[n]!.str!.length > values[best]!.str!.length) best = n;
  const v = values[best]!;
  const what = values.length === 1 ? `the element of ${shown}` : `${nums ? 'the largest' : 'the longest'} of the ${values.length} elements of ${shown} (one call each)`;
  return { ...v, source: { file: o.scope.file, offset: o.scope.toks[items[best][0]].start, what: v.source ? `${what}: ${v.source.what}` : what } };
}

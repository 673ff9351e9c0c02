// A Python attribute text grown by `self.x += …` in a method of its class: `self.system_prompt = os.getenv(…)` in
// `__init__`, `self.system_prompt += f" Your name is {self.bot_name}. …"` in `set_bot_name`, then
// `system=self.system_prompt` in a third method (kaashmonee/server-assistant llm_backend.py, held74 D1). Read alone,
// the attribute was its first value, and the 22 tokens added were not counted. Any method may have run before the
// call (the call's own too, on an earlier run), so every addition in the class counts once, the worst case; a base
// known only at run time is a named hole before the added texts, and an added part not known is named.
import { isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd, type Binding } from './scope';
import { evaluate } from './evaluate';
import { namesFollowedBy } from './names-followed';
import { classRange } from './py-class-fields';
import { USES } from './fstring-holes';
import { label, type EvalScope, type Value } from './value';

/** A text with whitespace: prose, not an id. */
const PROSE = /\s/;
/** Additions read per attribute, at most. */
const MAX_ADDS = 16;

/** `v`, the value binding `b` gives the member `name` (`.x`, scope.ts), with the class's `self.x += …` added. */
export function pyMemberAdds(s: EvalScope, b: Binding, name: string, pos: number, v: Value, depth: number): Value {
  if (s.syn.id !== 'python' || b.kind === 'param' || b.value < 0 || v.obj !== undefined || v.num !== undefined) return v;
  const late = v.str === undefined && v.runtime !== undefined;
  if (v.str === undefined && !late) return v;
  const attr = name.slice(1);
  // An addition after the editor's first-screen cut changes a prompt's value (editor/prefix.ts); a model id is left be.
  if (late || PROSE.test(v.str!)) s.forward?.add(USES + attr);
  const { toks } = s;
  const all = namesFollowedBy(toks, '+=').get(attr);
  if (!all) return v;
  const cls = classRange(s, undefined, b.name);
  if (!cls) return v;
  const useAt = countBefore(toks.length, (k) => toks[k].start < pos);
  if (useAt <= cls[0] || useAt >= cls[1]) return v;
  const from = exprEnd(s, b.value);
  const adds = all.filter((j) => j > cls[0] && j < cls[1] && isP(toks[j - 1], '.') && toks[j - 2]?.v === 'self' && !isP(toks[j - 3], '.') && j !== b.name && !(j > b.value && j < from));
  if (!adds.length || adds.length > MAX_ADDS) return v;
  let str = v.str ?? '';
  const holes = late ? [`self.${attr}`] : [...(v.holes ?? [])];
  let text = false;
  for (const j of adds) {
    const e = exprEnd(s, j + 2);
    const w = evaluate(s, j + 2, e, depth + 1);
    s.read?.push({ start: toks[j - 2].start, end: toks[e - 1]?.end ?? toks[j].end });
    if (w && w.str !== undefined && w.num === undefined && w.runtime === undefined && !w.obj) {
      str += w.str;
      holes.push(...(w.holes ?? []));
      text = true;
    } else holes.push(label(s, j + 2, e));
  }
  // A list or a number grown the same way is no text.
  if (!text) return v;
  const out: Value = late ? { str } : { ...v, str, lit: undefined };
  const src = v.source ?? { file: s.file, offset: toks[b.name].start, what: `self.${attr}` };
  out.source = { ...src, what: `${src.what}, with the self.${attr} += of the class's methods` };
  if (holes.length) out.holes = holes;
  return out;
}

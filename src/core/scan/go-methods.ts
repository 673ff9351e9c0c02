// A Go method called on its own receiver: `e.prepareSystemPrompt()` inside `func (e *Engine) …` is the method of the
// receiver's type that the same file declares (ekkinox/yai ai/engine.go), read as a same-file helper is (calls.ts).
// Method declarations: https://go.dev/ref/spec#Method_declarations.
import { isId, isP } from '../lex/brackets';
import { tables, type Fn } from './scope';
import type { EvalScope } from './value';

/** The receiver of method f, `func (e *Engine) m(` → e, Engine; undefined for a plain function. */
function receiverOf(s: EvalScope, f: Fn): { name: string; type: string } | undefined {
  const { toks, match } = s;
  const close = f.name - 1;
  if (!isP(toks[close], ')') || match[close] < 0 || toks[match[close] - 1]?.v !== 'func') return undefined;
  const name = toks[match[close] + 1];
  let k = match[close] + 2;
  if (isP(toks[k], '*')) k++;
  return isId(name) && isId(toks[k]) && k < close ? { name: name.v, type: toks[k].v } : undefined;
}

/** The method `method` of the receiver `recv` names, at token `at` inside a method of that receiver; else undefined. */
export function goOwnMethod(s: EvalScope, recv: string, method: string, at: number): Fn | undefined {
  const t = tables(s);
  let own: Fn | undefined;
  for (const fl of t.fns.values()) for (const f of fl) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  // No whole function around `at`: a prefix may have cut its closing brace (editor/prefix.ts); the full text decides.
  if (!own) s.forward?.add(method);
  const r = own && receiverOf(s, own);
  if (!r || r.name !== recv) return undefined;
  const m = t.fns.get(method)?.find((f) => f.body > f.name && receiverOf(s, f)?.type === r.type);
  // Not in the file read: a prefix of it may cut the method off (editor/prefix.ts), so the full text decides.
  if (!m) s.forward?.add(method);
  if (!m) return undefined;
  // Read as helper() reads a function: an edit of its body, or a prefix that cuts it off, concerns the call.
  if (m.name >= at) s.forward?.add(method);
  s.read?.push({ start: s.toks[m.name].start, end: s.toks[m.bodyEnd - 1]?.end ?? s.text.length });
  return m;
}

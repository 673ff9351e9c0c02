// Python: a name assigned what a function of the file returns takes that function's annotated return type
// (`conn = await self._get_connection()` with `async def _get_connection(self) -> AsyncRealtimeConnection:`), as a
// parameter annotated with the type is (chains.ts declaredAs). openai-python examples/realtime/push_to_talk_app.py
// keeps the realtime connection so and sends `conn.response.create()` on it.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** Each local assigned a call of a function of the file declared `-> Type` (the type's last name), into `add`. */
export function pyReturnedTypes(c: Ctx, add: (name: string, type: string) => void): void {
  const { toks, match } = c;
  const returns = new Map<string, string>();
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k - 1].v !== 'def' || !isId(toks[k]) || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    const close = match[k + 1];
    if (!isP(toks[close + 1], '->')) continue;
    // `-> pkg.Type:`; `-> Type | None:` is no type an object is sure to have.
    let e = close + 2;
    while (isId(toks[e]) && isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
    if (isId(toks[e]) && isP(toks[e + 1], ':')) returns.set(toks[k].v, toks[e].v);
  }
  if (!returns.size) return;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '=') || isP(toks[k - 1], '.')) continue;
    // `f()`, `await f()`, `self.f()`, `await self.f()`: not another object's method of the same name.
    let f = toks[k + 2].v === 'await' ? k + 3 : k + 2;
    if (SELF.has(toks[f]?.v) && isP(toks[f + 1], '.')) f += 2;
    const type = isId(toks[f]) && isP(toks[f + 1], '(') ? returns.get(toks[f].v) : undefined;
    if (!type) continue;
    add(toks[k].v, type);
    c.readNames?.add(toks[f].v);
  }
}

const SELF = new Set(['self', 'cls']);

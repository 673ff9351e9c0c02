// Tool lists the call names through a member or a helper instead of a variable: `tools=self.tools` with the list set
// in `__init__` (`this.tools` in a JS/TS class), and `tools=tool_list()` with a function of the file returning one
// literal list. Without this the definitions went uncounted (the count marked an estimate, the tools named as not
// counted) while the same list in place or in a variable was counted (py64: a 43-token call read as 7).
import { isId, isOpen, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { memberValue } from './lookup';
import { exprEnd, tables } from './scope';
import { fnSpan } from './function-forms';
import { returned } from './jvm-param-requests';

/** The opening bracket of the literal the value at toks[v] holds: a member's or a helper's return; -1 when neither. */
export function heldLiteral(c: Ctx, v: number, end: number): number {
  const { toks, match } = c;
  const e = valueEnd(c, v, end);
  if (e === v + 3 && (toks[v].v === 'self' || toks[v].v === 'this') && isP(toks[v + 1], '.') && isId(toks[v + 2])) {
    const at = memberValue(c, toks[v + 2].v, toks[v].start);
    return at >= 0 && isOpen(toks[at]) && match[at] > at && exprEnd(c, at) === match[at] + 1 ? at : -1;
  }
  if (e !== v + 3 || !isId(toks[v]) || !isP(toks[v + 1], '(') || match[v + 1] !== v + 2) return -1;
  return returnedLiteral(c, toks[v].v);
}

/** The one literal list or object a parameterless function of the file returns, or -1. */
function returnedLiteral(c: Ctx, name: string): number {
  const { toks, match } = c;
  const fns = tables(c).fns.get(name);
  if (fns?.length !== 1 || fns[0].bodyEnd <= fns[0].body) return -1;
  // A function declared below the call: a prefix of the file that cuts it off leaves the call to the full analysis.
  c.forward?.add(name);
  c.read?.push(fnSpan(toks, fns[0]));
  const at = returned(c, fns[0]) ?? -1;
  return at >= 0 && isOpen(toks[at]) && !isP(toks[at], '(') && match[at] > at && exprEnd(c, at) === match[at] + 1 ? at : -1;
}

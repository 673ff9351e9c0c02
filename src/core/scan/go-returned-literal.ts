// A Go request made by a helper of the same file and sent by its caller: `requestPayload, err :=
// createRequestPayload(prompt)` with `func createRequestPayload(prompt string) (*models.OpenAIRequest, error) { return
// &models.OpenAIRequest{Model: "gpt-3.5-turbo", …, MaxTokens: 1000}, nil }` (tomstirling19/bamboo internal/app/services/
// openai_service.go). The literal its one `return` gives is the body read (http-go.ts goBody); a helper with several
// returns, or one returning anything else, is left as before.
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables } from './scope';
import type { Ctx } from './values';

/** The composite literal (`T{…}`, `&T{…}`, `map[…]…{…}`) returned by the same-file function called as toks[a, e)
 * (`f(…)`), or undefined. Its tokens are recorded as read: an edit of the helper changes the call's request. */
export function goReturnedLiteral(c: Ctx, a: number, e: number): [number, number] | undefined {
  const { toks, match } = c;
  if (!isId(toks[a]) || !isP(toks[a + 1], '(') || match[a + 1] !== e - 1) return undefined;
  const fns = tables(c).fns.get(toks[a].v);
  if (fns?.length !== 1 || fns[0].expr) return undefined;
  const fn = fns[0];
  let found: [number, number] | undefined;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (toks[k].v !== 'return' || !isId(toks[k])) continue;
    // Two returns (or a closure's): not one request.
    if (found) return undefined;
    const from = isP(toks[k + 1], '&') ? k + 2 : k + 1;
    const end = exprEnd(c, from);
    if (!isP(toks[end - 1], '}') || match[end - 1] <= from) return undefined;
    found = [from, end];
  }
  if (!found) return undefined;
  c.read?.push({ start: toks[found[0]].start, end: toks[found[1] - 1].end });
  return found;
}

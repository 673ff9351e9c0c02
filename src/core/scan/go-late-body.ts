// Go: a request made with no body and given one later, `req, err := http.NewRequest("POST", url, nil)`, then
// `req.Body = ioutil.NopCloser(bytes.NewReader(msg))` (held33 brodiep21/discordbot responses/chatgpt.go:44;
// net/http Request.Body is an io.ReadCloser the client reads when it sends: https://pkg.go.dev/net/http#Request;
// ioutil.NopCloser / io.NopCloser wrap a Reader: https://pkg.go.dev/io#NopCloser). The later assignment is the body.
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './scope';
import type { Ctx } from './values';
import { LATER } from './links';

/** Tokens searched after the call for the assignment. */
const MAX_AHEAD = 600;

/**
 * For the Go HTTP call whose function name is toks[first] (`http.NewRequest`), passing `nil` as its body: the
 * expression assigned to `<req>.Body` after the call in the same block, as [from, to), or undefined.
 */
export function laterBody(c: Ctx, first: number): [number, number] | undefined {
  const { toks, match } = c;
  // `req, err := http.NewRequest(…)` / `req, _ = …`: the variable that holds the request.
  let k = first - 1;
  while (isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (!isP(toks[k], ':=') && !isP(toks[k], '=')) return undefined;
  let n = k - 1;
  while (isP(toks[n], ',') || (isId(toks[n]) && isP(toks[n - 1], ','))) n--;
  const req = toks[n];
  if (!isId(req) || req.v === '_') return undefined;
  const open = first + 1;
  if (!isP(toks[open], '(') || match[open] < open) return undefined;
  // A first screen cut before the assignment does not see it: the call is left to the full analysis (editor/prefix.ts).
  c.forward?.add(LATER + 'Body');
  for (let j = match[open] + 1; j < toks.length && j < match[open] + MAX_AHEAD; j++) {
    const tk = toks[j];
    // The end of the block the request is made in.
    if (isP(tk, '}') && match[j] < first) return undefined;
    if (isId(tk) && tk.v === 'func') return undefined;
    if (tk.v !== req.v || !isP(toks[j + 1], '.') || toks[j + 2]?.v !== 'Body' || !isP(toks[j + 3], '=') || isP(toks[j - 1], '.')) continue;
    const end = exprEnd(c, j + 4);
    if (end <= j + 4) return undefined;
    // An edit of the assignment changes the request (read outside the call).
    c.read?.push({ start: tk.start, end: toks[end - 1].end });
    return [j + 4, end];
  }
  return undefined;
}

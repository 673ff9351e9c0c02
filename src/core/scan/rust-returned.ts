// Whether a Rust request builder is its function's value (scanner.ts, CallShape.sentBy): Rust returns a block's tail
// expression without `return` (https://doc.rust-lang.org/reference/expressions/block-expr.html), so the builder is
// returned when it ends the block (`fn args(&self) -> Result<CreateChatCompletionRequest> { CreateChatCompletionRequestArgs
// ::default()….build().map_err(…) }`, mkanenobu/chatgpt-cli-rust src/evaluator.rs), is wrapped in `Ok(…)` or follows
// `return`, or is bound by `let x = …;` and the block ends with `x` / `Ok(x)` (also after `return`).
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

export function rustReturned(s: EvalScope, at: number): boolean {
  const { toks, match } = s;
  let k = at;
  if (isP(toks[k - 1], '(') && toks[k - 2]?.v === 'Ok') k -= 2;
  if (toks[k - 1]?.v === 'return') return true;
  let name: string | undefined;
  if (isP(toks[k - 1], '=') && isId(toks[k - 2]) && (toks[k - 3]?.v === 'let' || toks[k - 3]?.v === 'mut')) name = toks[k - 2].v;
  else if (!isP(toks[k - 1], '{') && !isP(toks[k - 1], ';') && !isP(toks[k - 1], '}')) return false;
  // The innermost block around the builder.
  let open = -1;
  for (let j = k - 1; j >= 0; j--) {
    if (isP(toks[j], '}') && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(toks[j], '{') && match[j] > k) {
      open = j;
      break;
    }
  }
  if (open < 0) return false;
  const close = match[open];
  if (!name) {
    let e = k;
    while (e < close && !isP(toks[e], ';')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    return e === close;
  }
  // The block's last expression: `x`, `Ok(x)`, `return x;`, `return Ok(x);`.
  let z = close;
  if (isP(toks[z - 1], ';')) z--;
  const last = isP(toks[z - 1], ')') && toks[z - 2]?.v === name && isP(toks[z - 3], '(') && toks[z - 4]?.v === 'Ok' ? z - 4 : toks[z - 1]?.v === name ? z - 1 : -1;
  if (last < 0) return false;
  const before = toks[last - 1]?.v === 'return' ? last - 1 : last;
  return isP(toks[before - 1], ';') || isP(toks[before - 1], '}') || isP(toks[before - 1], '{');
}

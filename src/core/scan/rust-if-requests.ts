// Rust `let request = if cond { A } else { B };`: an `if` is an expression whose value is the taken block's tail
// expression (https://doc.rust-lang.org/reference/expressions/if-expr.html), so each block's builder is the request
// on one path (hongkongkiwi/rusty-commit src/providers/openai.rs: `CreateChatCompletionRequestArgs::default()….build()?`
// in both blocks, one with temperature 1.0 for gpt-5-nano, then `client.chat().create(request.clone())`, audit41).
// Each block's request is read as the variable's would be; as one, as several callers' are (cs-caller-requests.ts:
// the most known prompt text shown, the others' models named, the largest limit). A block that ends otherwise
// (statements before its value, no block at all) leaves the request unread. `else if` arms are read the same way.
import { isId, isP } from '../lex/brackets';
import { mergedRequests } from './cs-caller-requests';
import type { Request } from './request-defs';
import type { Ctx } from './values';

/** Tokens looked at for a condition or between arms; arms read at most. */
const MAX_COND = 200;
const MAX_ARMS = 8;

export function rustIfRequest(c: Ctx, def: number, read: (c: Ctx, def: number) => Request | undefined): Request | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'rust' || toks[def]?.v !== 'if' || !isId(toks[def])) return undefined;
  const arms: Request[] = [];
  let k = def;
  for (let n = 0; n < MAX_ARMS; n++) {
    // The block after the condition: the first `{` outside brackets (a condition holds no bare struct literal).
    let open = -1;
    for (let j = k + 1, m = 0; j < toks.length && m < MAX_COND; m++) {
      if (isP(toks[j], '{')) {
        open = j;
        break;
      }
      if ((isP(toks[j], '(') || isP(toks[j], '[')) && match[j] > j) j = match[j] + 1;
      else if (isP(toks[j], ';') || isP(toks[j], '}')) return undefined;
      else j++;
    }
    const close = open >= 0 ? match[open] : -1;
    if (close < 0) return undefined;
    const req = tail(c, open, close, read);
    if (!req) return undefined;
    arms.push(req);
    if (toks[close + 1]?.v !== 'else') {
      // No `else`: the `if` has the value `()` when the condition fails (not a request).
      if (arms.length < 2) return undefined;
      return done(arms, def, close);
    }
    if (isP(toks[close + 2], '{') && match[close + 2] > close + 2) {
      const last = tail(c, close + 2, match[close + 2], read);
      if (!last) return undefined;
      arms.push(last);
      return done(arms, def, match[close + 2]);
    }
    if (toks[close + 2]?.v !== 'if') return undefined;
    k = close + 2;
  }
  return undefined;
}

/** The request a block `{ … }` holding one expression and nothing else gives. */
function tail(c: Ctx, open: number, close: number, read: (c: Ctx, def: number) => Request | undefined): Request | undefined {
  const { toks, match } = c;
  if (open + 1 >= close) return undefined;
  for (let j = open + 1; j < close; j = (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j ? match[j] + 1 : j + 1) {
    if (isP(toks[j], ';')) return undefined;
  }
  const r = read(c, open + 1);
  return r && r.found.model ? r : undefined;
}

function done(arms: Request[], start: number, end: number): Request | undefined {
  const one = mergedRequests(arms);
  return one && { ...one, start, end };
}

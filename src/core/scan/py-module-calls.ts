// Python: whether a call such as `chat('gemma3', messages=…)` is the SDK module's function, so that its positional
// arguments are the SDK's (model first). ollama-python's examples call it bare after `from ollama import chat`, on the
// module (`ollama.chat(…)`), on a client (`client = Client()`, `AsyncClient().chat(…)`); an application's own `chat(text,
// history)` or `self.llm.chat(prompt)` in the same file takes other arguments, and its first is no model.
import { KeyMemo } from '../util/key-memo';
import { MEMBER_OPS, isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { functionDef } from './definitions';
import type { Ctx } from './values';

/** The token before `(` of a client made with one of `classes`: `Client`, `ollama.AsyncClient`. */
const madeWith = (c: Ctx, name: number, classes: string[]) => isId(c.toks[name]) && classes.includes(c.toks[name].v);

/** Per token list: the names assigned a client (one pass over the file, not one per call). */
const assigned = new KeyMemo<object, Map<string, boolean>>();

/** Whether the identifier `recv` is assigned a client of `classes` somewhere in the file (`client = Client(host=…)`). */
function clientVariable(c: Ctx, recv: string, classes: string[]): boolean {
  let seen = assigned.get(c.toks);
  if (!seen) assigned.set(c.toks, (seen = new Map()));
  const known = seen.get(recv);
  if (known !== undefined) return known;
  const found = assignsClient(c, recv, classes);
  seen.set(recv, found);
  return found;
}

function assignsClient(c: Ctx, recv: string, classes: string[]): boolean {
  const { toks } = c;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i].v !== recv || !isP(toks[i + 1], '=') || MEMBER_OPS.has(toks[i - 1]?.v ?? '')) continue;
    let k = i + 2;
    if (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
    if (madeWith(c, k, classes) && isP(toks[k + 1], '(')) return true;
  }
  return false;
}

/**
 * Whether the call whose function name is at toks[first] is `module`'s function or a method of a client that module's
 * `classes` make: bare, when the file imports the name from `module` and defines no function of that name; on the
 * module imported whole; on `Cls()` written before it; on a variable the file assigns `Cls(…)`.
 */
export function pyModuleCall(c: Ctx, first: number, module: string, classes: string[]): boolean {
  const { toks, match } = c;
  const imps = importsOf(c);
  if (!MEMBER_OPS.has(toks[first - 1]?.v ?? '')) {
    const b = imps.names.get(toks[first].v);
    if (b) c.read?.push(b.span);
    return !!b && b.from === module && functionDef(c, toks[first].v) < 0;
  }
  const recv = first - 2;
  if (isP(toks[recv], ')')) {
    const open = match[recv];
    return open > 0 && madeWith(c, open - 1, classes);
  }
  if (!isId(toks[recv]) || MEMBER_OPS.has(toks[recv - 1]?.v ?? '')) return false;
  c.readNames?.add(toks[recv].v);
  const b = imps.names.get(toks[recv].v);
  if (b) return b.from === module && b.name === '*';
  return clientVariable(c, toks[recv].v, classes);
}

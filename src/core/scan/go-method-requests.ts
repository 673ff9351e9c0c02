// A Go request built by a method of a type of the package and sent elsewhere: `req := bot.GetRequest(prompt)` then
// `bot.client.CreateChatCompletionStream(ctx, req)` in main.go, with `func (b ChatBot) GetRequest(prompt string)
// openai.ChatCompletionRequest { req := b.getBaseMessage(); b.appendMessages(&req); return req }` and getBaseMessage
// returning the literal, in chatbot.go (held53 F1 aldarisbm/openai). The variable's type is what the code states: a
// parameter `bot *ChatBot`, a literal `&ChatBot{…}`, or a function of the package returning `*ChatBot` (`bot := New()`);
// the method is that type's (method sets: https://go.dev/ref/spec#Method_sets). go-package-requests.ts reads its return.
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { goPackageFiles } from '../resolve/modules';
import { assignmentBefore } from './definitions';
import { goPackageName } from './go-decls';
import { receiverOf } from './go-methods';
import { goCallResultAt } from './go-result-types';
import { tables, type Fn } from './scope';
import type { Ctx } from './values';

/** Files of the package looked through for the method. */
const MAX_FILES = 200;

/** The method `method` of the package type the variable `name` holds at token `at`: its file's scope and the method. */
export function goVarMethod(c: Ctx, name: string, method: string, at: number): { scope: Ctx; fn: Fn } | undefined {
  const type = paramType(c, name, at) ?? localType(c, name, at);
  return type ? packageMethod(c, type, method) : undefined;
}

/** `recv.m(…)` inside a method of the receiver `recv` in `s`: `m` of the receiver's type, in the package. */
export function goSelfMethod(s: Ctx, f: Fn, recv: string, method: string): { scope: Ctx; fn: Fn } | undefined {
  const r = receiverOf(s, f);
  return r && r.name === recv ? packageMethod(s, r.type, method) : undefined;
}

/** `func (x T) method(` with the receiver type T (or *T) in a file of c's package. */
function packageMethod(c: Ctx, type: string, method: string): { scope: Ctx; fn: Fn } | undefined {
  const idx = c.index;
  const pkg = goPackageName(c.text);
  const files = idx ? goPackageFiles(idx.files, dirname(c.file)).slice(0, MAX_FILES) : [];
  for (const f of files.includes(c.file) ? files : [c.file, ...files]) {
    const o = (f === c.file ? c : idx?.scope(f)) as Ctx | undefined;
    if (!o || !o.text.includes(`) ${method}(`) || goPackageName(o.text) !== pkg) continue;
    const m = tables(o).fns.get(method)?.find((x) => x.body > x.name && receiverOf(o, x)?.type === type);
    if (m) return { scope: o, fn: m };
  }
  return undefined;
}

/** `name *T` / `name T` in the parameters of the innermost function around `at` (T of this package: no `pkg.`). */
function paramType(c: Ctx, name: string, at: number): string | undefined {
  const { toks, match } = c;
  let own: Fn | undefined;
  for (const fl of tables(c).fns.values()) for (const f of fl) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  const open = own ? own.name + 1 : -1;
  if (!own || !isP(toks[open], '(') || match[open] < 0) return undefined;
  for (let k = open + 1; k < match[open]; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ','))) continue;
    return typeAt(c, isP(toks[k + 1], '*') ? k + 2 : k + 1);
  }
  return undefined;
}

/** `name := &T{…}`, `name := T{…}`, or `name := F()` / `name, err := F()` with F's first result `*T` or `T`. */
function localType(c: Ctx, name: string, at: number): string | undefined {
  const def = assignmentBefore(c, name, at);
  if (def < 0) return undefined;
  const { toks } = c;
  const v = isP(toks[def], '&') ? def + 1 : def;
  if (isId(toks[v]) && isP(toks[v + 1], '{')) return typeAt(c, v);
  const r = goCallResultAt(c, def);
  if (!r || dirname(r.scope.file) !== dirname(c.file)) return undefined;
  return typeAt(r.scope as Ctx, isP(r.scope.toks[r.at], '*') ? r.at + 1 : r.at);
}

/** A type name of this package at toks[k]: an identifier not qualified by a package (`openai.Client` is none). */
function typeAt(c: Ctx, k: number): string | undefined {
  const { toks } = c;
  return isId(toks[k]) && !isP(toks[k + 1], '.') && /^[A-Za-z_]\w*$/.test(toks[k].v) ? toks[k].v : undefined;
}

/** A call in f's body given the local's address (`b.appendMessages(&req)`), or a set of its `Messages`: the label of
 * what adds to the request at run time, or undefined. */
export function grownBy(s: Ctx, f: Fn, local: string): string | undefined {
  const { toks, match } = s;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].v !== local || !isId(toks[k])) continue;
    if (isP(toks[k - 1], '&') && (isP(toks[k - 2], '(') || isP(toks[k - 2], ','))) {
      let open = k - 2;
      while (open > f.body && !(isP(toks[open], '(') && match[open] > k)) open--;
      const callee = isId(toks[open - 1]) ? toks[open - 1].v : 'a call';
      return `${local}.Messages (added to at run time by ${callee})`;
    }
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'Messages' && isP(toks[k + 3], '=')) return `${local}.Messages (set at run time)`;
  }
  return undefined;
}

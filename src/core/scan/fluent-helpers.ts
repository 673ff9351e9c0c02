// A fluent request whose head a method of the same class returns: Spring AI `prompt(systemPrompt, userPrompt).call()
// .content()` with `private ChatClient.ChatClientRequestSpec prompt(String s, String u) { return chatClient.prompt()
// .system(s).user(u); }` (held58 N1 nembx/spring-ai-interview AiClient.java). The returned chain is read in the method,
// its parameters bound to the call's arguments (arg-frames.ts), so a prompt passed down from a caller is that caller's.
import { isP } from '../lex/brackets';
import { args } from './calls';
import { exprEnd } from './body-ends';
import { evaluate } from './evaluate';
import { tables } from './scope';
import { fnSpan } from './function-forms';
import { withArgs } from './arg-frames';
import { returned } from './jvm-param-requests';
import { fluentBack, type FluentHead } from './chains';
import type { Fluent } from './call-shape-types';
import type { Found } from './keys';
import type { Ctx } from './values';

/**
 * The head of the chain the same-class method called at toks[name] (`name(args)`, no receiver) returns, its links read
 * into `f`; undefined when the method is not one of the file's, or returns no chain that starts with the head.
 */
export function helperChain(c: Ctx, fl: Fluent, f: Found, name: number, first: number): FluentHead | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'java') return undefined;
  // A method declared below the call: a prefix cut before it must not keep the call (editor/prefix.ts).
  c.forward?.add(toks[name].v);
  const fns = tables(c).fns.get(toks[name].v);
  const fn = fns?.length === 1 ? fns[0] : undefined;
  if (!fn || fn.expr || (fn.body <= first && first < fn.bodyEnd)) return undefined;
  // The method's extent is read even when it yields nothing: a prefix cut through its body must not keep the call.
  c.read?.push(fnSpan(toks, fn));
  const ret = returned(c, fn);
  if (ret === undefined) return undefined;
  const end = exprEnd(c, ret);
  if (!isP(toks[end], ';') || !isP(toks[end - 1], ')')) return undefined;
  const list = args(c, name + 1, match[name + 1]);
  const given = { list, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1), exact: true as const };
  // Read into a copy: a chain that turns out to be no request leaves `f` as it was.
  const inner: Found = { ...f, parts: [...f.parts] };
  // The returned chain ends the method (`return chatClient.prompt()…;`): no helper call inside it is followed again.
  const head = withArgs(c, fn, given, () => fluentBack(c, fl, inner, end, end, end)?.first) as number | undefined;
  if (head === undefined) return undefined;
  Object.assign(f, inner);
  c.read?.push({ start: toks[name].start, end: toks[match[name + 1]].end });
  const open = head + 1;
  return { first: head, open, close: match[open] };
}

// C# rows whose request is one of the SDK's types (CallShape.ctors): an argument that is a variable declared with that
// type and made nowhere in view (a parameter `ChatCompletionsOptions options` of a thin client over Azure.AI.OpenAI,
// `GetChatCompletionsAsync(options)` or `GetChatCompletionsAsync(_deploymentName, options)`) is the request, built by the
// callers at run time: its model, prompt and limit are run time, never "add a limit", and never a model named
// "options" (the row's positional model is the deployment of the other overload).
import { isId } from '../lex/brackets';
import { args } from './calls';
import { declaredType } from './dotnet-config';
import { assignmentBefore } from './definitions';
import type { Ctor } from './call-shape-types';
import type { Ctx } from './values';

/** Arguments looked at. */
const MAX_ARGS = 4;

/** The argument in toks[from, to) holding a request of one of `ctors`' types, declared and given no value before the
 * call at `callStart` (a parameter): its token, else -1. */
export function csRequestParam(c: Ctx, ctors: Ctor[], from: number, to: number, callStart: number): number {
  const { toks } = c;
  for (const x of args(c, from - 1, to).slice(0, MAX_ARGS)) {
    if (x.key !== undefined || x.to !== x.from + 1 || !isId(toks[x.from])) continue;
    const d = declaredType(c, toks[x.from].v, toks[x.from].start);
    if (!d) continue;
    // Retyping the declaration makes or unmakes it (the keystroke path's significant names).
    c.readNames?.add(d.type);
    if (!d.made && ctors.some((k) => k.type === d.type) && assignmentBefore(c, toks[x.from].v, callStart) < 0) return x.from;
  }
  return -1;
}

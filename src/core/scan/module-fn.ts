// A row whose anchor is a plain function of one module (the Vercel AI SDK's `generateText` from 'ai'): an app's own
// wrapper of the same name is not that function. jina-ai/node-DeepResearch calls `generator.generateObject({ model:
// 'coder', … })` on its own class, whose `model` is a tool name, not a model id.
import { MEMBER_OPS, isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import type { Ctx } from './values';
import { SELF } from './value';
import { reexportsModuleFunction, serviceField } from './service-fields';
import { functionDef } from './definitions';
import { exportsObject } from './imported-clients';

/**
 * Whether the call whose anchor starts at toks[first] (the function's name) is the function of `modules`:
 * - `x.fn(` only when `x` is one of the modules imported whole (`import * as ai from 'ai'`, `const ai = require('ai')`);
 * - a bare `fn(` unless the file imports `fn` from another module (`import { generateObject } from './llm'`).
 * A file that imports nothing of that name (a snippet) keeps the call.
 */
export function isModuleFunction(c: Ctx, first: number, modules: string[]): boolean {
  const { toks } = c;
  if (definesIt(c, first)) return false;
  const imps = importsOf(c);
  const op = toks[first - 1];
  const member = !!op && MEMBER_OPS.has(op.v);
  // What an edit could change the answer with: the import lines and the receiver's name (keystroke path).
  const name = member ? toks[first - 2] : toks[first];
  // `this.textGeneration.generateText(` on a service whose class re-exports the function (service-fields.ts).
  if (member && isId(name) && isP(toks[first - 3], '.') && SELF.has(toks[first - 4]?.v ?? '') && !MEMBER_OPS.has(toks[first - 5]?.v)) {
    c.readNames?.add(name.v);
    const o = serviceField(c, name.v, 0)?.obj;
    return o?.kind === 'instance' && reexportsModuleFunction(o.scope, toks[first].v, modules);
  }
  if (member && (!isId(name) || MEMBER_OPS.has(toks[first - 3]?.v))) return false;
  c.readNames?.add(name.v);
  const b = imps.names.get(name.v);
  if (b) c.read?.push(b.span);
  if (member) return !!b && b.name === '*' && modules.includes(b.from);
  return !b || modules.includes(b.from);
}

/**
 * Whether the call whose name is at toks[first] is an SDK client's method or the function of
 * `modules`: a method on any object but `this` (`hf.chatCompletion(`), or a bare call as isModuleFunction says, of a
 * name the file does not define (an app's `async function chatCompletion(prompt)` wrapping the client's, and its calls).
 */
export function sdkMethodOrFunction(c: Ctx, first: number, modules: string[]): boolean {
  const { toks } = c;
  if (MEMBER_OPS.has(toks[first - 1]?.v ?? '')) return !SELF.has(toks[first - 2]?.v ?? '');
  return isModuleFunction(c, first, modules) && functionDef(c, toks[first].v) < 0;
}

/** Words before a function or method's name where it is defined (`async generateObject(opts: { model: … })`). */
const DEFINING = new Set(['function', 'async', 'static', 'public', 'private', 'protected', 'override', 'get', '*']);

/**
 * Whether `name(…)` at toks[first] defines the name rather than calls it: after a defining word, or followed by its
 * body (`) {`), or, in a class body, by a return type (`) : T {`). A parameter type (`opts: { model: Role }`) holds
 * the keys of a request and would be read as one.
 */
function definesIt(c: Ctx, first: number): boolean {
  const { toks, match } = c;
  if (DEFINING.has(toks[first - 1]?.v ?? '')) return true;
  const close = match[first + 1];
  if (close === undefined || close < 0) return false;
  const after = toks[close + 1];
  if (isP(after, '{')) return true;
  const before = toks[first - 1];
  return isP(after, ':') && (!before || isP(before, '{') || isP(before, '}') || isP(before, ';'));
}

/**
 * JavaScript: whether the method call whose anchor starts at toks[first] (`.` of `x.m(`) is on a namespace of one of
 * the app's own modules (`import * as openai from './openai'`, `const llm = require('../llm')`): `x.m` is then the
 * app's function, never an SDK client's method. danneu/telegram-chatgpt-bot calls its own `openai.streamChatCompletions`
 * (which sends with the openai SDK inside, a row there), named like @azure/openai's method: a second, false row.
 */
export function onOwnModule(c: Ctx, first: number): boolean {
  const { toks } = c;
  if (!isP(toks[first], '.')) return false;
  const name = toks[first - 1];
  if (!isId(name) || MEMBER_OPS.has(toks[first - 2]?.v)) return false;
  const b = importsOf(c).names.get(name.v);
  if (!b || b.name !== '*' || !b.from.startsWith('.') || exportsObject(c, b.from)) return false;
  c.readNames?.add(name.v);
  c.read?.push(b.span);
  return true;
}

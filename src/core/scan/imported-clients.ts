// An SDK client made in another module and imported here: `import openai from "@/openai"` (default), `import {
// openai } from "./lib/openai"`, `const openai = require("./openai")`, with that module doing `new OpenAIApi(…)`, then
// `openai.createChatCompletion({…})` here (the Next.js "Trello 2.0" clones: 0xRajvardhan/Trello-2.0 openai.ts and
// app/api/generateSummary/route.ts). A row that needs its client's class name in the file (openai-node v3's
// `OpenAIApi`) takes the call when the module its receiver comes from constructs that class.
import { isId, isP } from '../lex/brackets';
import { importedBinding, importsOf } from './imported';
import type { Ctx } from './values';

/** Calls of an openai-node v3 client (`OpenAIApi`) a JS file may make with the client imported (the word gates). */
export const IMPORTED_CLIENT_CALLS = ['.createChatCompletion(', '.createCompletion('];

/**
 * Is the receiver before the `.` at `dot` (`openai.createCompletion(`) a name this JS file imports from a workspace
 * module that constructs one of `classes` (`new OpenAIApi(`)? Named imports follow re-exports; a default import or a
 * whole-module `require` looks at the module itself.
 */
export function importedClientOf(c: Ctx, dot: number, classes: string[]): boolean {
  const { toks } = c;
  const idx = c.index;
  if (!idx || c.syn.id !== 'javascript' || !isP(toks[dot], '.') || !isId(toks[dot - 1]) || isP(toks[dot - 2], '.')) return false;
  const name = toks[dot - 1].v;
  const named = importedBinding(c, name, 0);
  let text = named?.scope.text;
  if (text === undefined) {
    const b = importsOf(c).names.get(name);
    const path = b ? idx.module(c.file, b.from, c.syn.id) : undefined;
    const other = path ? idx.scope(path) : undefined;
    if (!b || !other || other === c) return false;
    c.read?.push(b.span);
    text = other.text;
  }
  return classes.some((k) => new RegExp(`\\bnew\\s+${k}\\s*\\(`).test(text!));
}

/**
 * Does the CommonJS module `from` (as this file requires it) export one constructed object (`module.exports = new
 * OpenAIApi(…)`, or `module.exports = openai` with `const openai = new OpenAIApi(…)`)? Then `x.m(` on its `require` is
 * that object's method, not one of the app's own functions (module-fn.ts onOwnModule).
 */
export function exportsObject(c: Ctx, from: string): boolean {
  const path = c.index?.module(c.file, from, c.syn.id);
  const text = path ? c.index!.scope(path)?.text : undefined;
  if (!text) return false;
  const m = /\bmodule\.exports\s*=\s*(new\b|[A-Za-z_$][\w$]*\s*;?\s*$)/m.exec(text);
  if (!m) return false;
  if (m[1] === 'new') return true;
  const name = m[1].replace(/[\s;]+$/, '');
  return new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*new\\s`).test(text);
}

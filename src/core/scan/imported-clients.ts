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
  return classes.some((k) => constructs(text!, k));
}

/**
 * Does the CommonJS module `from` (as this file requires it) export one constructed object (`module.exports = new
 * OpenAIApi(…)`, or `module.exports = openai` with `const openai = new OpenAIApi(…)`)? Then `x.m(` on its `require` is
 * that object's method, not one of the app's own functions (module-fn.ts onOwnModule).
 */
export function exportsObject(c: Ctx, from: string): boolean {
  const path = c.index?.module(c.file, from, c.syn.id);
  const text = path ? c.index!.scope(path)?.text : undefined;
  const at = text ? text.indexOf('module.exports') : -1;
  if (!text || at < 0) return false;
  let k = skipBlanks(text, at + 'module.exports'.length);
  if (text[k] !== '=' || text[k + 1] === '=') return false;
  k = skipBlanks(text, k + 1);
  const name = wordAt(text, k);
  if (name === 'new') return true;
  if (!name) return false;
  // `const api = new OpenAIApi(…)` (or let / var) somewhere in the module.
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const e = skipBlanks(text, i + name.length);
    if (isWord(text.charCodeAt(i - 1)) || isWord(text.charCodeAt(i + name.length)) || text[e] !== '=' || text[e + 1] === '=') continue;
    let b = i - 1;
    while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
    const decl = text.slice(Math.max(0, b - 4), b + 1);
    if (/(^|[^\w$])(const|let|var)$/.test(decl) && wordAt(text, skipBlanks(text, e + 1)) === 'new') return true;
  }
  return false;
}

const isWord = (ch: number) => (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 36;
const skipBlanks = (t: string, k: number) => {
  while (k < t.length && (t[k] === ' ' || t[k] === '\t' || t[k] === '\n' || t[k] === '\r')) k++;
  return k;
};
const wordAt = (t: string, k: number) => {
  let e = k;
  while (e < t.length && isWord(t.charCodeAt(e))) e++;
  return t.slice(k, e);
};

/** Does the text hold `new <cls>(` (blanks allowed around the name)? Scanned, not a pattern built from the name. */
function constructs(text: string, cls: string): boolean {
  for (let i = text.indexOf(cls); i >= 0; i = text.indexOf(cls, i + 1)) {
    if (isWord(text.charCodeAt(i + cls.length))) continue;
    let b = i - 1;
    while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
    if (b === i - 1 || text.slice(b - 2, b + 1) !== 'new' || isWord(text.charCodeAt(b - 3))) continue;
    if (text[skipBlanks(text, i + cls.length)] === '(') return true;
  }
  return false;
}

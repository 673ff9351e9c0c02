// A LangChain chat model made and never used sends nothing: `const critic = new ChatOpenAI({…})` whose name nothing
// reads, or a bare `new ChatOpenAI({…})` statement. Held-out personal-assistant src/…/langchain.ts:25 and :46 made
// such objects, and each got a priced row (false calls). A construction whose result goes anywhere keeps its row:
// returned, exported, passed, stored in a field (`this.llm = …`, `self.llm = …`), chained (`.bind(…)`), or a name
// read anywhere in the file; a Python name assigned at module level is unused only when rebound before any read or
// read nowhere and imported by no other module (moduleNameUnused).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { newlineBetween as lineBreakBetween } from './body-ends';
import { enclosingDef } from './runnable-tokens';
import { publicCallers } from './imported-runnables';
import { importers, inPackage } from './js-callers';
import { exprEnd } from './body-ends';

/** Is the construction whose class name is toks[at] (its `(` at at + 1) made and never used? */
export function unusedConstruction(c: Ctx, at: number): boolean {
  const { toks, match, text } = c;
  const close = match[at + 1];
  if (close === undefined || close < 0) return false;
  // The expression's first token: `new`, module qualifiers (`langchain_openai.ChatOpenAI`).
  let s = at;
  while (isP(toks[s - 1], '.') && isId(toks[s - 2])) s -= 2;
  if (isId(toks[s - 1]) && toks[s - 1].v === 'new') s--;
  c.read?.push({ start: toks[Math.max(0, s - 4)].start, end: (toks[close + 1] ?? toks[close]).end });
  const python = c.syn.id === 'python';
  // What follows must end the statement: a method on the result (`.bind(…)`), an operator or an argument list use it.
  const next = toks[close + 1];
  if (next && !isP(next, ';') && !(python ? lineBreakBetween(text, toks[close].end, next.start) && !isP(next, '.') : isP(next, '}') || lineBreakBetween(text, toks[close].end, next.start) && !isP(next, '.'))) return false;
  const prev = toks[s - 1];
  // A plain expression statement: nothing before it on its line, and the line before ends a statement.
  if (!prev || isP(prev, ';') || isP(prev, '{') || isP(prev, '}') || (python && lineBreakBetween(text, prev.end, toks[s].start) && !openEnd(prev))) return true;
  // `name = …` (Python) or `const|let|var name = …` (JS): a local whose name nothing else reads.
  if (!isP(prev, '=') || !isId(toks[s - 2])) return false;
  const name = toks[s - 2].v;
  const decl = toks[s - 3];
  if (python) {
    // The name starts a statement: not a keyword argument on its own line (`f(\n    llm=ChatOpenAI(…)\n)`).
    if (decl && (!lineBreakBetween(text, decl.end, toks[s - 2].start) || openEnd(decl))) return false;
    if (next && /^[)\]}]$/.test(next.v)) return false;
    // A name the module binds (column 0, or in a module-level `if`/`try`) may be imported by another module.
    const col0 = toks[s - 2].start === 0 || text.charCodeAt(toks[s - 2].start - 1) === 10;
    if (col0 || enclosingDef(c, at) < 0) return moduleNameUnused(c, s - 2, close, col0);
  } else if (!isId(decl) || !/^(?:const|let|var)$/.test(decl.v) || (isId(toks[s - 4]) && toks[s - 4].v === 'export')) return false;
  c.readNames?.add(name);
  for (let k = 0; k < toks.length; k++) if (k !== s - 2 && isId(toks[k]) && toks[k].v === name) return false;
  return true;
}

/**
 * A Python module's name bound to a construction at toks[n] (its value ends at toks[close]) that nothing uses: rebound at
 * column 0 below before any read (Palwinder-1804/PharmaPulse llm.py:7, `scout_llm = LLM(…)` made again at :20), or
 * read nowhere in the module and imported by no other module of the package (:48 `supervisor_llm`). Without the
 * workspace's index the other modules are unknown: kept.
 */
function moduleNameUnused(c: Ctx, n: number, close: number, col0: boolean): boolean {
  const { toks, text } = c;
  const name = toks[n].v;
  c.readNames?.add(name);
  let other = false;
  for (let k = 0; k < toks.length; k++) {
    if (k === n || !isId(toks[k]) || toks[k].v !== name) continue;
    if (k < n || k < close) return false;
    // The first read after it: a column-0 `name = …` whose value does not read the name drops this binding.
    if (col0 && (toks[k].start === 0 || text.charCodeAt(toks[k].start - 1) === 10) && isP(toks[k + 1], '=')) {
      const end = exprEnd(c, k + 2);
      for (let j = k + 2; j < end; j++) if (isId(toks[j]) && toks[j].v === name) return false;
      return true;
    }
    other = true;
    break;
  }
  if (other || !inPackage(c)) return false;
  return importers(c, name).length === 0;
}

/** A token after which a Python line continues on the next (an open bracket, a comma, an operator). */
const openEnd = (tk: { v: string }) => /^(?:[([{,=+\-*/%|&^<>\\]|and|or|not|in|is|return|yield|await|lambda|else|if)$/.test(tk.v);

/**
 * Python: a construction a module's public function returns (`def get_llm(size=None): return ChatOpenAI(model=…)`) that
 * other modules import and call: each of their calls (`get_llm(model_size="mini").invoke(…)`) is the request, read with
 * its arguments (imported-runnables.ts), so the factory is no call of its own (haseebpvt/agentic-shopping-list-backend
 * llm/llm.py, whose row was a false one); through the module too (`models.get_llm().ainvoke(…)`).
 */
export function returnedToImporters(c: Ctx, at: number): boolean {
  const { toks } = c;
  if (c.syn.id !== 'python' || !c.index) return false;
  let s = at;
  while (isP(toks[s - 1], '.') && isId(toks[s - 2])) s -= 2;
  if (toks[s - 1]?.v !== 'return' || !isId(toks[s - 1])) return false;
  const def = enclosingDef(c, at);
  if (def < 0) return false;
  const fn = toks[def].v;
  c.read?.push({ start: toks[def - 1].start, end: toks[s].end });
  return publicCallers(c, def, fn).some((o) => callsIn(o.scope.text, o.via ? `${o.via}.${o.local}` : o.local));
}

/** Does the text call `name(` (a plain substring test, bounded by the text)? */
function callsIn(text: string, name: string): boolean {
  for (let k = text.indexOf(name + '('); k >= 0; k = text.indexOf(name + '(', k + 1)) if (k === 0 || !/[\w.]/.test(text[k - 1])) return true;
  return false;
}

// The interface method an AI service call runs (ai-services.ts): where it is declared, in this file or the
// interface's own, its return type, and the call's arguments by the names its templates use (langchain4j
// service/V.java, UserMessage.java, MemoryId.java).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import { valueEnd, type Ctx } from './values';
import { evaluate } from './evaluate';
import { label, type EvalScope } from './value';
import { classScopes } from './imported';

/** A template's `{{name}}` holes filled with the arguments' texts; a hole with no known text is named. */
export function substitute(template: string, fill: Map<string, { str?: string; label: string }>): { text: string; holes: string[] } {
  const holes: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (_m, name: string) => {
    const a = fill.get(name);
    if (a?.str !== undefined) return a.str;
    const label = a?.label ?? `{{${name}}}`;
    if (!holes.includes(label)) holes.push(label);
    return '';
  });
  return { text, holes };
}

/**
 * The call's arguments by the names a template uses: `it` for a method of one parameter, the `@V("name")` of a
 * parameter, or its own name (service/V.java; compiled with -parameters). Each with its text when known.
 */
export function argumentsByName(c: Ctx, s: EvalScope, decl: number, open: number): { fill: Map<string, { str?: string; label: string }>; notMessage: Span[] } {
  const { toks, match } = s;
  const out = new Map<string, { str?: string; label: string }>();
  const notMessage: Span[] = [];
  const pOpen = decl + 1;
  const pClose = match[pOpen];
  const aClose = c.match[open];
  if (pClose < 0 || aClose < 0) return { fill: out, notMessage };
  const names: string[][] = [];
  const notes: string[][] = [];
  for (let k = pOpen + 1, cur: string[] = [], ann: string[] = []; k <= pClose; k++) {
    if (isP(toks[k], '@') && isId(toks[k + 1])) ann.push(toks[k + 1].v);
    if (isP(toks[k], '(') && match[k] > k) {
      // `@V("review")`: the name the template uses.
      if (toks[k - 1]?.v === 'V' && toks[k + 1]?.t === T.Str) cur.push(toks[k + 1].v);
      k = match[k];
    } else if (isP(toks[k], ',') || k === pClose) {
      names.push(cur);
      notes.push(ann);
      cur = [];
      ann = [];
    } else if (isId(toks[k]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ':'))) cur.push(toks[k].v);
  }
  // The user message is the parameter annotated @UserMessage when one is; @MemoryId, @V and @ToolMemoryId parameters
  // are never the message (service/UserMessage.java, MemoryId.java, V.java).
  const userParam = notes.some((a) => a.includes('UserMessage'));
  for (let n = 0, a = open + 1; n < names.length && a < aClose; n++) {
    const e = valueEnd(c, a, aClose);
    const v = evaluate(c, a, e);
    // A number fills its hole as written (the template takes the argument's toString()).
    const str = v?.str !== undefined && !v.holes?.length ? v.str : v?.num !== undefined ? String(v.num) : undefined;
    const arg = { str, label: label(c, a, e) };
    for (const name of names[n]) out.set(name, arg);
    if (names.length === 1) out.set('it', arg);
    const ann = notes[n];
    if (userParam ? !ann.includes('UserMessage') && !ann.includes('UserName') : ann.some((x) => NOT_MESSAGE.has(x))) notMessage.push({ start: c.toks[a].start, end: c.toks[e - 1].end });
    a = isP(c.toks[e], ',') ? e + 1 : e;
  }
  return { fill: out, notMessage };
}

const NOT_MESSAGE = new Set(['MemoryId', 'V', 'ToolMemoryId']);

/** The return type's name of the method declared at `decl` (`List<Person>` → List, Kotlin `): Sentiment`), or ''; a
 * wrapper's argument (`Result<Person>` → Person) unless `outer` (then Result). */
export function returnType(c: EvalScope, decl: number, outer = false): string {
  const { toks, match } = c;
  if (c.syn.id === 'kotlin') {
    const close = match[decl + 1];
    return close > 0 && isP(toks[close + 1], ':') && isId(toks[close + 2]) ? toks[close + 2].v : 'Unit';
  }
  let k = decl - 1;
  // Past a generic's arguments to its name: `List<Person>` is List; a wrapper's (`Result<Person>`) is its argument's.
  if (isP(toks[k], '>') || isP(toks[k], '>>')) {
    for (let depth = 0; k > 0; k--) {
      if (isP(toks[k], '>')) depth++;
      else if (isP(toks[k], '>>')) depth += 2;
      else if (isP(toks[k], '<') && --depth <= 0) break;
    }
    const wrapper = toks[k - 1];
    if (outer && isId(wrapper)) return wrapper.v;
    if (isId(wrapper) && WRAPPERS.has(wrapper.v) && isId(toks[k + 1])) return toks[k + 1].v;
    k--;
  }
  return isId(toks[k]) ? toks[k].v : '';
}

/** Generic wrappers whose argument is what the model answers (service/Result.java, reactor Flux, model/output/Response). */
const WRAPPERS = new Set(['Result', 'Flux', 'Response']);

/** Where method `name` of interface `iface` is declared: this file, else the interface's own file in the workspace. */
export function methodDecl(c: Ctx, iface: string, name: string, open: number): { s: EvalScope; decl: number } | undefined {
  const here = declIn(c, iface, name, true, open);
  if (here !== undefined) return here < 0 ? undefined : { s: c, decl: here };
  if (!iface) return undefined;
  for (const s of classScopes(c, iface)) {
    const d = declIn(s, iface, name, false);
    if (d !== undefined) return d < 0 ? undefined : { s, decl: d };
  }
  return undefined;
}

/** Token index of method `name` declared in `interface iface { … }` of a file, -1 when the interface lacks it,
 * undefined when the file declares no such interface. Of several interfaces of that name (nested in the classes of
 * one example file), the last declared before token `before`, else the first. */
function declIn(c: EvalScope, iface: string, name: string, live: boolean, before = 0): number | undefined {
  const { toks, match } = c;
  let at = -1;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'interface' || toks[k + 1].v !== iface) continue;
    if (at >= 0 && k > before) break;
    at = k;
  }
  if (at < 0) return undefined;
  let open = at + 2;
  while (open < toks.length && !isP(toks[open], '{')) open++;
  const close = match[open];
  if (close < 0) return -1;
  if (live) c.read?.push({ start: toks[at].start, end: toks[close].end });
  for (let j = open + 1; j < close; j++) {
    if (isP(toks[j], '(') && match[j] > j) {
      // A declaration: `Type name(…);` (or `fun name(…): Type` in Kotlin), not an annotation's arguments.
      if (toks[j - 1].v === name && !isP(toks[j - 2], '@') && !isP(toks[j - 2], '.')) return j - 1;
      j = match[j];
    }
  }
  return -1;
}

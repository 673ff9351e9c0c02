// Java classes of a file (their bodies' spans, found once per file) and the supertypes a class names, with whether a
// class alone implements one among its module's sources: Spring injects the one bean of an interface, so a receiver
// declared `ChatGPTService` is the object of its one implementation (flex2020/EnjoyTrip_Backend_Final
// ChatGPTController.java → ChatGPTServiceImpl.java); with another implementation it may be either
// (java-method-callers.ts).
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { jvmModuleSources } from '../resolve/jvm-modules';
import type { EvalScope } from './value';

/** Test sources pass test doubles, not what runs. */
export const isTest = (f: string) => /\/src\/test\/|\/test\/java\//.test(f);

/** Each class, interface, enum or record with a body in a token list, found once per file. */
const SPANS = new KeyMemo<object, { name: string; open: number; close: number }[]>();
/** Classes of a file kept at most. */
const MAX_CLASSES = 500;
/** Tokens read from `class X` to its body's `{`. */
const MAX_HEADER = 200;

function classSpans(s: EvalScope): { name: string; open: number; close: number }[] {
  let spans = SPANS.get(s.toks);
  if (spans) return spans;
  spans = [];
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length && spans.length < MAX_CLASSES; k++) {
    const v = toks[k].v;
    if (toks[k].t !== T.Id || (v !== 'class' && v !== 'interface' && v !== 'enum' && v !== 'record') || !isId(toks[k + 1]) || isP(toks[k - 1], '.')) continue;
    let b = k + 2;
    const stop = Math.min(toks.length, k + MAX_HEADER);
    while (b < stop && !isP(toks[b], '{') && !isP(toks[b], ';') && !isP(toks[b], '}')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    // A body not closed (a first-screen prefix, a half-typed file) runs to the end of the text.
    if (b < stop && isP(toks[b], '{')) spans.push({ name: toks[k + 1].v, open: b, close: match[b] > b ? match[b] : toks.length });
  }
  SPANS.set(s.toks, spans);
  return spans;
}

/** The innermost class whose body holds token `at`. */
export function javaClassAround(s: EvalScope, at: number): string | undefined {
  let best: { name: string; open: number } | undefined;
  for (const c of classSpans(s)) if (c.open < at && at < c.close && (!best || c.open > best.open)) best = c;
  return best?.name;
}

/** The names a Java class's header lists after `extends` / `implements` (`class A extends B implements C<D>, E {`). */
export function supertypes(s: EvalScope, cls: string): string[] {
  const span = classSpans(s).find((c) => c.name === cls);
  if (!span) return [];
  const { toks } = s;
  const out: string[] = [];
  let angle = 0;
  let on = false;
  for (let k = span.open - 1; k > 0 && k > span.open - MAX_HEADER && !(isId(toks[k]) && toks[k].v === cls && isId(toks[k - 1]) && DECLARES.has(toks[k - 1].v)); k--) {
    const tk = toks[k];
    if (isP(tk, '>') || isP(tk, '>>')) angle += tk.v.length;
    else if (isP(tk, '<')) angle = Math.max(0, angle - 1);
    else if (!angle && isId(tk) && (tk.v === 'extends' || tk.v === 'implements' || tk.v === 'permits')) on = true;
    else if (!angle && isId(tk) && /^[A-Z]/.test(tk.v) && !isP(toks[k + 1], '.')) out.push(tk.v);
  }
  return on ? out.filter((x) => x !== 'Object') : [];
}

const DECLARES = new Set(['class', 'interface', 'enum', 'record']);

/** Does `cls` alone implement or extend `type` among the module's Java sources (no other class, sub-interface or
 * anonymous `new Type() {` names it so)? Once per module, type and class. */
export function soleImplementor(s: EvalScope, root: string, type: string, cls: string): boolean {
  const idx = s.index!;
  return idx.memo(root, `java.sole ${type} ${cls}`, () => {
    let files = 0;
    for (const f of jvmModuleSources(idx.files, root)) {
      if (!f.endsWith('.java') || isTest(f)) continue;
      const t = idx.text(f);
      if (!t || !t.includes(type)) continue;
      // More files naming it than are read: another implementation may be among them.
      if (++files > MAX_IMPL_FILES) return false;
      const sc = idx.scope(f);
      if (!sc || otherImplementor(sc, type, cls)) return false;
    }
    return true;
  });
}

/** Files naming a supertype read for its implementations at most. */
const MAX_IMPL_FILES = 200;

/** A class other than `cls`, or an interface, whose header names `type`; or `new type(…) {`. */
function otherImplementor(s: EvalScope, type: string, cls: string): boolean {
  const { toks, match } = s;
  for (const c of classSpans(s)) if (c.name !== cls && supertypes(s, c.name).includes(type)) return true;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== type || !isId(toks[k - 1]) || toks[k - 1].v !== 'new') continue;
    let e = k + 1;
    if (isP(toks[e], '<') ) while (e < toks.length && e < k + 40 && !isP(toks[e], '(')) e++;
    if (isP(toks[e], '(') && match[e] > e && isP(toks[match[e] + 1], '{')) return true;
  }
  return false;
}

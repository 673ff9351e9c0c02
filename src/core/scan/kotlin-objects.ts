// Kotlin `SetupGemini.generativeModel.generateContent(prompt = q)`: the model a singleton keeps, `object SetupGemini
// { val generativeModel = GenerativeModel(modelName = "gemini-pro", apiKey = …) }`, declared in this file or in another
// file of the package (or of a package the file imports the object from; Kotlin sees a package's declarations from all
// its files: kotlinlang.org/docs/packages.html). The Android Gemini quickstarts' form: samet-byte/Android-Jetpack-
// Gemini-Demo SetupGemini.kt (c13c3bc), serhatkarakoca/GeminiApp util/Gemini.kt (audit43).
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { construction, mayConstruct, MAX_LOOKUPS } from './constructions';
import { contextOf, type MadeElsewhere } from './imported-runnables';
import { kotlinTopLevelFiles } from '../resolve/classes';
import { basename } from '../resolve/files';
import type { Made } from './runnables';
import type { Ctx } from './values';
import { exprEnd } from './body-ends';

/** Files of a Kotlin package read for an object at most. */
const MAX_KT_FILES = 64;
/** Tokens between `object Name` and its body's `{` at most (a supertype list). */
const MAX_HEAD = 40;

/**
 * The body's `{` of `object name` (and its `object` token) in [from, to): declared anywhere when `from` < 0, else
 * directly there. `open` -1 when there is none.
 */
function objectBody(c: Ctx, name: string, from: number, to: number): { open: number; head: number } {
  const { toks, match } = c;
  for (let k = Math.max(from, 0); k + 1 < to; k++) {
    if (from >= 0 && (isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    if (toks[k].v !== 'object' || !isId(toks[k + 1]) || toks[k + 1].v !== name || isP(toks[k - 1], '.')) continue;
    let o = k + 2;
    for (; o < toks.length && o < k + MAX_HEAD && !isP(toks[o], '{'); o++) if (isP(toks[o], '(') && match[o] > o) o = match[o];
    return { open: isP(toks[o], '{') && match[o] > o ? o : -1, head: k };
  }
  return { open: -1, head: -1 };
}

/**
 * `val|var name` declared directly in the body of `object objs[0] { object objs[1] { … } }`: the `val` token, the
 * innermost body's close and the outer object's head.
 */
function objectVal(c: Ctx, objs: string[], name: string): { val: number; close: number; head: number } | undefined {
  const { toks, match } = c;
  const top = objectBody(c, objs[0], -1, toks.length);
  let o = top.open;
  for (let i = 1; i < objs.length && o >= 0; i++) o = objectBody(c, objs[i], o + 1, match[o]).open;
  if (o < 0) return undefined;
  for (let j = o + 1; j < match[o]; j++) {
    if ((isP(toks[j], '{') || isP(toks[j], '(') || isP(toks[j], '[')) && match[j] > j) j = match[j];
    else if ((toks[j].v === 'val' || toks[j].v === 'var') && isId(toks[j + 1]) && toks[j + 1].v === name) return { val: j, close: match[o], head: top.head };
  }
  return undefined;
}

/** The file of the package (this one first) that declares the object path `objs` with the member `name`, and where in it. */
function objectFile(c: Ctx, objs: string[], name: string): { ctx: Ctx; val: number; close: number; head: number } | undefined {
  const obj = objs[0];
  if (c.syn.id !== 'kotlin' || !/^[A-Z]/.test(obj)) return undefined;
  const here = objectVal(c, objs, name);
  if (here) return { ctx: c, ...here };
  const idx = c.index;
  if (!idx) return undefined;
  for (const f of kotlinTopLevelFiles(idx.files, c.file, c.text, obj).slice(0, MAX_KT_FILES)) {
    const t = f === c.file ? undefined : idx.text(f);
    if (!t || !t.includes(`object ${obj}`) || !t.includes(name)) continue;
    const s = idx.scope(f);
    const oc = s && contextOf(s, c);
    const v = oc && objectVal(oc, objs, name);
    if (v) return { ctx: oc, ...v };
  }
  return undefined;
}

/** Objects nested in a path `Obj.Inner.name` at most. */
const MAX_NESTED = 3;

/**
 * The value of `Obj.name` / `Obj.Inner.name` (`names`), a `val` of a Kotlin object (nested objects too: `object Setup {
 * object Config { val WELCOME = generationConfig { … } } }`), in the file that declares it: its first token and end.
 */
export function kotlinObjectValue(c: Ctx, names: string[]): { ctx: Ctx; at: number; end: number } | undefined {
  if (names.length < 2 || names.length > MAX_NESTED + 1) return undefined;
  const o = objectFile(c, names.slice(0, -1), names[names.length - 1]);
  if (!o) return undefined;
  const { toks } = o.ctx;
  let at = o.val + 2;
  // `val NAME: Type = …`
  if (isP(toks[at], ':')) while (at < o.close && at < o.val + MAX_HEAD && !isP(toks[at], '=')) at++;
  if (!isP(toks[at], '=') || at + 1 >= o.close) return undefined;
  at++;
  const end = Math.min(exprEnd(o.ctx, at), o.close);
  if (end <= at) return undefined;
  // The object's declaration is read from the call: an edit there changes the row (the keystroke path).
  if (o.ctx === c) c.read?.push({ start: toks[o.val].start, end: toks[end - 1].end });
  return { ctx: o.ctx, at, end };
}

/** The construction `Obj.name` holds (the receiver `Obj.name` of the call at `first`), read where the object is declared. */
export function kotlinObjectMember(c: Ctx, via: Via, obj: string, name: string): Made | MadeElsewhere | undefined {
  const o = objectFile(c, [obj], name);
  if (!o || !mayConstruct(o.ctx, via)) return undefined;
  // Looked up from the body's last token: the member is in scope there.
  const made = construction(o.ctx, via, name, o.close - 1, 0, { left: MAX_LOOKUPS });
  if (!made) return undefined;
  // The object's declaration is read from the call: an edit there changes the row (the keystroke path).
  if (o.ctx === c) c.read?.push({ start: c.toks[o.head].start, end: c.toks[o.close].end });
  return o.ctx === c ? made : { ...made, ctx: o.ctx, what: `where ${obj}.${name} is made (${basename(o.ctx.file)})` };
}

/** A row whose `needs` word the file lacks is still the call on `Obj.member` when the object's file has it. */
export function kotlinObjectNeeds(c: Ctx, needs: string[], first: number): boolean {
  const { toks } = c;
  if (c.syn.id !== 'kotlin' || !isP(toks[first - 1], '.') || !isId(toks[first - 2]) || !isP(toks[first - 3], '.') || !isId(toks[first - 4]) || isP(toks[first - 5], '.')) return false;
  const o = objectFile(c, [toks[first - 4].v], toks[first - 2].v);
  return !!o && needs.some((w) => o.ctx.text.includes(w));
}

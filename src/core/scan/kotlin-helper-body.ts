// A Kotlin request object made by a helper function: `val payload = createPayload(input)` sent as a Retrofit `@Body`
// (or an OkHttp/Ktor body), the helper a top-level function of this file or one imported by name from another file
// of the module, whose body is one expression (`fun createPayload(m: String) = ApiPayload("gpt-3.5-turbo", …)`) or a
// block with one `return ApiPayload(…)`. The construction is read as if written at the call, the helper's parameters
// bound to the call's arguments (arg-frames.ts), as helperRequest does for Java (jvm-param-requests.ts); its model
// and limit are placed where the helper writes them. Seen in held36 erickveil/Kotlin-ChatGPT-REST
// model/OpenAIClient.kt:35 with utils/ApiFactory.kt:10 (`return ApiPayload("gpt-3.5-turbo", listOf(Message(…)))`).
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import { args } from './calls';
import { exprEnd } from './body-ends';
import { evaluate } from './evaluate';
import { kotlinTopLevelFiles } from '../resolve/classes';
import { tables } from './scope';
import { fnSpan } from './function-forms';
import { withArgs } from './arg-frames';
import { placed, returned } from './jvm-param-requests';
import { constructionAt, readConstruction } from './jvm-ctor-body';
import type { Found } from './keys';
import type { Ctx } from './values';

/**
 * The reader of the construction the helper called at toks[def] returns (`helper(args)` is the whole value there);
 * undefined when toks[def] is no such call or the helper returns no construction.
 */
export function ktHelperReader(c: Ctx, def: number): ((f: Found) => boolean) | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'kotlin' || !isId(toks[def]) || !/^[a-z_]/.test(toks[def].v) || isP(toks[def - 1], '.') || !isP(toks[def + 1], '(')) return undefined;
  const end = exprEnd(c, def);
  if (match[def + 1] !== end - 1) return undefined;
  const name = toks[def].v;
  const sc = tables(c).fns.has(name) ? c : topLevelFile(c, name);
  const fn = sc && tables(sc).fns.get(name)?.at(-1);
  if (!fn) return undefined;
  // A context of that file's own (its request memo holds no other caller's arguments).
  const oc: Ctx = sc === c ? { ...c, requests: undefined } : { ...(sc as Ctx) };
  const ret = fn.expr ? fn.body : returned(oc, fn);
  const made = ret !== undefined ? constructionAt(oc, ret) : undefined;
  if (!made || oc.match[made.open] !== exprEnd(oc, ret!) - 1) return undefined;
  const list = args(c, def + 1, match[def + 1]);
  const given = { list, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1), bind: true as const };
  const here: Span = { start: toks[def].start, end: toks[end - 1].end };
  return (f) => {
    const from = f.parts.length;
    let ok = false;
    withArgs(oc, fn, given, () => void (ok = readConstruction(oc, f, made.cls, made.open)));
    if (!ok) return false;
    c.read?.push(here);
    f.request = { start: def, end };
    // The keystroke path keeps the helper live: an edit of its model or limit is no reuse.
    if (oc.file === c.file) {
      c.read?.push(fnSpan(toks, fn));
      return true;
    }
    // Another file's: its model and limit placed there, its parts at the call here.
    const p = placed({ ...f, parts: f.parts.slice(from) }, oc.file, c.file, here, name);
    f.parts.splice(from, f.parts.length - from, ...p.parts);
    [f.model, f.limit, f.modelKeyIdx, f.modelEnd, f.limitAt] = [p.model, p.limit, undefined, undefined, undefined];
    return true;
  };
}

/** Candidate files read for a helper at most. */
const MAX_FILES = 64;

/** The scope of another file of the package, or of a package this file imports the name from, that declares `fun name(`. */
function topLevelFile(c: Ctx, name: string): Ctx | undefined {
  const idx = c.index;
  if (!idx) return undefined;
  for (const f of kotlinTopLevelFiles(idx.files, c.file, c.text, name).slice(0, MAX_FILES)) {
    if (f === c.file || !declares(idx.text(f) ?? '', name)) continue;
    const other = idx.scope(f);
    if (other && tables(other).fns.has(name)) return other as Ctx;
  }
  return undefined;
}

/** Whether a Kotlin text may declare `fun name(` (a text test that spares lexing the files that cannot; no RegExp built from data). */
function declares(text: string, name: string): boolean {
  for (let i = text.indexOf(`fun ${name}`); i >= 0; i = text.indexOf(`fun ${name}`, i + 1)) {
    let k = i + 4 + name.length;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (text[k] === '(') return true;
  }
  return false;
}

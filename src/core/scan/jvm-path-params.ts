// Retrofit's `@Path("model")` parameters: a URL hole of a service method (`@POST("v1beta/models/{model}:generateContent")`)
// filled by the argument given for it, Kotlin's `@Path("model") model: String = FLASH` default when the call leaves it
// out (https://square.github.io/retrofit/2.x/retrofit/retrofit2/http/Path.html: "Named replacement in a URL path
// segment"; Kotlin default arguments https://kotlinlang.org/docs/functions.html#default-arguments). The model a
// Gemini URL names is read from it (jvm-feign.ts). Seen in held49 AIML-ORG/InterestingFactGenerator GeminiApi.kt:18.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { basename } from '../resolve/files';
import { args } from './calls';
import type { Found } from './keys';
import { placed } from './jvm-param-requests';
import type { EvalScope } from './value';
import { readModel, type Ctx, type ModelValue } from './values';

export interface PathParam {
  /** The URL hole it fills (`model` of `{model}`). */
  name: string;
  /** Its place among the parameters, and its own name (a Kotlin named argument `model = m`). */
  place: number;
  key?: string;
  /** Kotlin's default, in the interface's file. */
  dflt?: { s: EvalScope; from: number; to: number };
}

/** The `@Path("x")` parameters of the method whose parameter list opens at toks[open]. */
export function pathParams(s: EvalScope, open: number): PathParam[] {
  const { toks } = s;
  const out: PathParam[] = [];
  args(s, open, s.match[open]).forEach((p, place) => {
    let name: string | undefined;
    for (let k = p.from; k + 3 < p.to && name === undefined; k++) {
      if (!isP(toks[k], '@') || toks[k + 1].v !== 'Path' || !isP(toks[k + 2], '(')) continue;
      // `@Path("model")`, `@Path(value = "model")`.
      const v = toks[k + 3].t === T.Str ? k + 3 : toks[k + 3].v === 'value' && isP(toks[k + 4], '=') ? k + 5 : -1;
      if (v > 0 && toks[v]?.t === T.Str && isP(toks[v + 1], ')')) name = toks[v].v;
    }
    if (name === undefined) return;
    let eq = -1;
    let key: string | undefined;
    for (let k = p.from; k < p.to; k++) {
      if (isP(toks[k], '(') && s.match[k] > k) k = s.match[k];
      else if (isP(toks[k], ':') && isId(toks[k - 1]) && !isP(toks[k - 2], '@') && key === undefined) key = toks[k - 1].v;
      else if (isP(toks[k], '=') && eq < 0) eq = k;
    }
    // Java's `@Path("model") String model`: the last name.
    if (s.syn.id !== 'kotlin') key = isId(toks[p.to - 1]) ? toks[p.to - 1].v : undefined;
    out.push({ name, place, key, ...(eq > 0 && eq + 1 < p.to && s.syn.id === 'kotlin' ? { dflt: { s, from: eq + 1, to: p.to } } : {}) });
  });
  return out;
}

/** The model the URL hole `{id}` takes at the call whose bracket opens at toks[open]: the argument given for its
 * @Path parameter, else that parameter's default. Undefined when no @Path parameter fills it. */
export function pathModel(c: Ctx, id: string, open: number, paths: PathParam[] | undefined, method: string): ModelValue {
  const hole = /^\{([^{}]+)\}$/.exec(id)?.[1];
  const p = hole !== undefined ? paths?.find((x) => x.name === hole) : undefined;
  if (!p) return undefined;
  const given = args(c, open, c.match[open]);
  const arg = (p.key !== undefined ? given.find((a) => a.key === p.key) : undefined) ?? (given.slice(0, p.place).every((a) => !a.key) ? given[p.place] : undefined);
  if (arg && !arg.key) return readModel(c, arg.from, arg.to) ?? { unresolved: c.text.slice(c.toks[arg.from].start, c.toks[arg.to - 1].end) };
  if (arg) return readModel(c, arg.from, arg.to) ?? { unresolved: arg.key! };
  if (!p.dflt) return { unresolved: hole! };
  const { s, from, to } = p.dflt;
  const oc: Ctx = s.file === c.file ? c : { ...s };
  const m = readModel(oc, from, to);
  if (!m || !('ref' in m) || s.file === c.file || !s.file || !c.file) return m ?? { unresolved: hole! };
  const here = { start: c.toks[open - 1].start, end: c.toks[open - 1].end };
  const found: Found = { parts: [], messages: 0, model: m };
  return placed(found, s.file, c.file, here, method, `default of @Path("${hole}") in ${method}() (${basename(s.file)})`).model;
}

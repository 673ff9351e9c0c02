// A request body parsed by a zod schema whose fields state defaults (WinstonTa/CalHacks-2025 backend/src/routes/
// claude.js): `const bodySchema = z.object({ model: z.string().optional().default('claude-sonnet-4-5-20250929'), … })`,
// `const parsed = bodySchema.parse(req.body)`, then `model: parsed.model`. zod's `.default(v)`: "If the input is
// undefined, the default value is eagerly returned" (zod docs, Defining schemas → Defaults and Prefaults, zod.dev/api;
// colinhacks/zod packages/docs/content/api.mdx), so a field the client leaves out is v: the lens prices v as the
// default the code states, named "default of zod field bodySchema.model"; what the client sends is run time.
// Left to run time: `.default(v).optional()` (Zod 4 applies v, Zod 3 leaves the key out: v4/changelog.mdx "defaults
// applied within optional fields"), a transform or pipe before `.default` (Zod 3 parses v through it, Zod 4 returns
// it as is: changelog ".default() updates") or after it, and a default made by a function (`.default(Math.random)`).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importsOf } from './imported';
import { itemEnd } from './zod-schema';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

export interface ZodObj {
  kind: 'zod';
  /** The `{` of `z.object({…})` and of each `.extend({…})` after it, each in its file; a later key wins. */
  shapes: { scope: EvalScope; open: number }[];
  /** The name the schema is held in, for the hover ('' when it has none). */
  name: string;
  /** The schema, what `.parse()` returns (its fields), or what `.safeParse()` returns (its `.data`). */
  state: 'schema' | 'parsed' | 'safe';
}

/** Methods of an object schema that keep its fields' values as they are (checks, metadata, unknown-key handling). */
const KEEPS = new Set(['strict', 'passthrough', 'strip', 'describe', 'meta', 'refine', 'superRefine', 'check', 'brand', 'readonly', 'catchall']);
/** Methods of a field's schema after `.default(…)` that keep the default the value of an absent field. */
const AFTER_DEFAULT = new Set(['describe', 'meta', 'refine', 'superRefine', 'check', 'brand', 'readonly', 'catch', 'nullable']);
/** Methods before `.default(…)` that Zod 3 runs the default through and Zod 4 does not. */
const CHANGES = new Set(['transform', 'pipe', 'preprocess', 'overwrite']);

/** `z.object({…})` (z imported from zod), a method of a schema, or its parse: the object it gives, else undefined. */
export function zodCall(s: EvalScope, base: Value | undefined, names: string[], nameAt: number, open: number, close: number): Value | undefined {
  const { toks, match } = s;
  const o = base?.obj?.kind === 'zod' ? base.obj : undefined;
  const fn = names[names.length - 1];
  if (o) {
    if (o.state !== 'schema') return undefined;
    if (KEEPS.has(fn)) return base;
    if (fn === 'extend' && isP(toks[open + 1], '{') && match[open + 1] === close - 1) return { obj: { ...o, shapes: [...o.shapes, { scope: s, open: open + 1 }] } };
    if (fn === 'parse' || fn === 'parseAsync') return { obj: { ...o, state: 'parsed' } };
    if (fn === 'safeParse' || fn === 'safeParseAsync') return { obj: { ...o, state: 'safe' } };
    return undefined;
  }
  if (names.length !== 2 || fn !== 'object' || !isP(toks[open + 1], '{') || match[open + 1] !== close - 1) return undefined;
  // Whether `z` is zod's is read from the import line: an edit there, or of the name, changes the value (keystroke path).
  s.readNames?.add(names[0]);
  const imp = importsOf(s).names.get(names[0]);
  if (imp) s.read?.push(imp.span);
  if (!imp || !/^zod(\/|$)/.test(imp.from)) return undefined;
  const name = isP(toks[nameAt - 1], '=') && isId(toks[nameAt - 2]) ? toks[nameAt - 2].v : '';
  return { obj: { kind: 'zod', shapes: [{ scope: s, open: open + 1 }], name, state: 'schema' } };
}

/** A member of a parsed body: the field's stated default, else run time; `.data` of a safeParse result. */
export function zodMember(o: ZodObj, name: string, depth: number): Value {
  if (o.state === 'safe') return name === 'data' ? { obj: { ...o, state: 'parsed' } } : { runtime: name };
  if (o.state === 'schema') return { runtime: name };
  let v: Value | undefined;
  for (const { scope, open } of o.shapes) {
    const close = scope.match[open];
    for (let k = open + 1; k < close; k = itemEnd(scope, k, close) + 1) {
      const tk = scope.toks[k];
      if ((isId(tk) || scope.toks[k].t === T.Str) && scope.toks[k].v === name && isP(scope.toks[k + 1], ':')) v = fieldDefault(scope, k + 2, itemEnd(scope, k + 2, close), `${o.name ? o.name + '.' : ''}${name}`, depth);
    }
  }
  return v ?? { runtime: name };
}

/** The default the field's schema at toks[from, to) states (`z.string().optional().default("x")`), if it gives one. */
function fieldDefault(s: EvalScope, from: number, to: number, field: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const methods: { name: string; open: number }[] = [];
  for (let k = from; k < to; k++) {
    if (isP(toks[k], '.') && isId(toks[k + 1]) && isP(toks[k + 2], '(') && match[k + 2] > k + 2) {
      methods.push({ name: toks[k + 1].v, open: k + 2 });
      k = match[k + 2];
    } else if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
  }
  const d = methods.map((m) => m.name).lastIndexOf('default');
  if (d < 0 || methods.slice(0, d).some((m) => CHANGES.has(m.name)) || !methods.slice(d + 1).every((m) => AFTER_DEFAULT.has(m.name))) return undefined;
  const open = methods[d].open;
  // `.default(() => 900)`, `.default(function () {…})`: made when needed, not a value the code states.
  for (let k = open + 1; k < match[open]; k++) if (isP(toks[k], '=>') || (isId(toks[k]) && toks[k].v === 'function')) return undefined;
  const v = evaluate(s, open + 1, match[open], depth + 1);
  if (!v || v.runtime !== undefined || v.holes?.length || (v.str === undefined && v.num === undefined) || v.obj) return undefined;
  s.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  return { ...v, fallback: true, source: { file: s.file, offset: toks[open + 1].start, what: `default of zod field ${field}` } };
}

// A Spring AI ChatClient built on a model another bean hands out: `ChatClient.builder(provider.selectFastChatModel())`
// in a constructor, with `provider` an injected application class (`ChatModelProvider chatModelProvider`) whose method
// returns a field it builds itself (`this.longCatChatModel = OpenAiChatModel.builder()….defaultOptions(opts).build()`
// in a @PostConstruct method, or the field's initializer), or returns the builder's chain directly (held44 C07,
// zavier/share-expense ChatModelProvider.java → SuggestionGenerator.java). The model's options are read in that class's
// file, as a model made in this file is (spring-made-options.ts); the client's model is that model (spring-ai-client-chat
// ChatClient.builder(ChatModel)).
import { isId, isP } from '../lex/brackets';
import type { Found } from './keys';
import type { Ctx } from './values';
import type { Fn } from './scope';
import { tables } from './scope';
import { declaredType } from './config-properties';
import { classScopes } from './imported';
import { thisAssignments } from './constructions';
import { elsewhere } from './imported-runnables';

/** Types whose methods are the framework's, never an application bean's. */
const NOT_APP = new Set(['ChatClient', 'ChatModel', 'String', 'Object', 'List', 'Map', 'Optional']);

/** The model `recv.fn()` (tokens `recv . fn ( )` at `at`) returns: the other file's context and the token its
 * construction starts at (`OpenAiChatModel` of `OpenAiChatModel.builder()`, or `new`), or undefined. */
export function methodModel(c: Ctx, at: number): { ctx: Ctx; def: number } | undefined {
  const { toks } = c;
  if (!c.index || !isId(toks[at]) || !isP(toks[at + 1], '.') || !isId(toks[at + 2]) || !isP(toks[at + 3], '(') || !isP(toks[at + 4], ')')) return undefined;
  if (!/^[a-z_]/.test(toks[at].v)) return undefined;
  const type = declaredType(c, toks[at].v);
  if (!type || NOT_APP.has(type)) return undefined;
  for (const sc of classScopes(c, type)) {
    if (sc.file === c.file) continue;
    const other = sc as Ctx;
    const fns = tables(other).fns.get(toks[at + 2].v)?.filter((f) => f.bodyEnd > f.body) ?? [];
    if (fns.length !== 1) continue;
    const def = returnedModel(other, fns[0]);
    if (def >= 0) return { ctx: other, def };
  }
  return undefined;
}

/** The one `return x;` / `return this.x;` of `f`: where field x is given its one value; or a `return` of a builder. */
function returnedModel(s: Ctx, f: Fn): number {
  const { toks } = s;
  const returns: number[] = [];
  for (let k = f.body; k < f.bodyEnd; k++) if (isId(toks[k]) && toks[k].v === 'return') returns.push(k + 1);
  if (f.expr) returns.push(f.body);
  if (returns.length !== 1) return -1;
  let r = returns[0];
  if (toks[r]?.v === 'this' && isP(toks[r + 1], '.')) r += 2;
  if (!isId(toks[r])) return -1;
  // `return OpenAiChatModel.builder()…build();` / `return new OpenAiChatModel(api, options);`
  if (!(isP(toks[r + 1], ';') || isP(toks[r + 1], '}'))) return r;
  const name = toks[r].v;
  // A field set once, by `this.x = …` in a method (an init the container runs), or by its initializer.
  const once = thisAssignments(s, name);
  const field = fieldInitializer(s, name);
  const defs = [...new Set([...once.value, ...(field >= 0 ? [field] : [])])];
  return defs.length === 1 ? defs[0] : -1;
}

/** `private final OpenAiChatModel fastModel = …;` / Kotlin `private val fastModel = …`: the initializer's first token. */
function fieldInitializer(s: Ctx, name: string): number {
  const { toks } = s;
  let found = -1;
  for (const b of tables(s).binds.get(name) ?? []) {
    if (b.kind === 'param' || b.value < 0) continue;
    const k = b.value;
    if (!isP(toks[k - 1], '=') || toks[k - 2]?.v !== name || isP(toks[k - 3], '.')) continue;
    if (found >= 0) return -1;
    found = k;
  }
  return found;
}

/** What `g`, read in `other`, says, written as read there: the model's and limit's file and source. */
export function fromOtherFile(g: Found, other: Ctx, what: string): void {
  const file = other.file;
  if (g.model && 'ref' in g.model) {
    const r = g.model.ref;
    g.model = { ref: { ...r, file: r.file ?? file, source: elsewhere(r.source, file, r.span.start, `model ${what}`) } };
  }
  if (g.limit) g.limit = { ...g.limit, file: g.limit.file ?? file, source: elsewhere(g.limit.source, file, g.limit.span.start, `limit ${what}`) };
}

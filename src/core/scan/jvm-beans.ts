// A LangChain4j model an application makes as its own Spring bean and hands to the code that uses it: a `@Bean`
// method's parameter (`fun helper(@Qualifier("chatModel") model: ChatLanguageModel)`) or an `@Autowired` field
// (`private StreamingChatModel streamingChatModel;`) given to `AiServices.builder(…).chatLanguageModel(model)`. Spring
// injects the bean of the declared type, the one named by `@Qualifier` / `@Resource(name = …)` when there are several
// (Spring Framework reference, "Fine-tuning Annotation-based Autowiring with Qualifiers"; a `@Bean` method's name, or
// `@Bean(name = …)` / `@Bean("…")`, names the bean). That method's builder (`OpenAiChatModel.builder()…build()`) is
// read where it is, in this file or another of the module.
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Via } from './call-shape-types';
import type { Made } from './runnables';
import { madeAt } from './constructions';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { identsNamed } from './run-index';
import { countBefore } from '../util/binary-search';

/** LangChain4j's model interfaces (langchain4j-core model/chat ChatModel, StreamingChatModel; 0.x ChatLanguageModel,
 * StreamingChatLanguageModel). */
const MODEL_TYPES = new Set(['ChatModel', 'ChatLanguageModel', 'StreamingChatModel', 'StreamingChatLanguageModel']);
const QUALIFIERS = new Set(['Qualifier', 'Resource', 'Named']);
/** Files of the module searched for bean methods at most. */
const MAX_FILES = 200;

interface Declared {
  type: string;
  qualifier?: string;
  /** The qualifier's string token. */
  qualifierAt?: number;
}

const streaming = (type: string) => type.startsWith('Streaming');

/** The type `name` is declared with (a parameter, a field, a Kotlin property), the declaration nearest before token
 * `at` (else the first after), and its qualifier, when it is one of LangChain4j's model interfaces. */
function declared(c: Ctx, name: string, at: number, types = MODEL_TYPES): Declared | undefined {
  const { toks } = c;
  const at1 = Math.min(at, toks.length - 1);
  // Only the identifiers named `name` (run-index.ts): walking every token of the file for each call was 2% of the
  // bench's exact analysis.
  const ids = identsNamed(c, name);
  const after = countBefore(ids.length, (i) => ids[i] < at1);
  for (let n = after - 1; n >= 0 && ids[n] >= 1; n--) {
    const d = declaredAt(c, name, ids[n], types);
    if (d) return d;
  }
  for (let n = after; n < ids.length && ids[n] + 1 < toks.length; n++) {
    if (ids[n] < 1) continue;
    const d = declaredAt(c, name, ids[n], types);
    if (d) return d;
  }
  return undefined;
}

function declaredAt(c: Ctx, name: string, k: number, types: Set<string>): Declared | undefined {
  const { toks } = c;
  if (toks[k].v !== name || !isId(toks[k]) || isP(toks[k - 1], '.')) return undefined;
  let type: string | undefined;
  let start = k;
  if (isP(toks[k + 1], ':') && isId(toks[k + 2])) {
    // Kotlin `model: ChatLanguageModel` (the last name of a qualified type).
    let j = k + 2;
    while (isP(toks[j + 1], '.') && isId(toks[j + 2])) j += 2;
    type = toks[j].v;
  } else if (isId(toks[k - 1]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ';') || isP(toks[k + 1], '='))) {
    // Java `ChatModel model`.
    type = toks[k - 1].v;
    start = k - 1;
  }
  if (!type || !types.has(type)) return undefined;
  const q = qualifierBefore(toks, start);
  return { type, qualifier: q >= 0 ? toks[q].v : undefined, qualifierAt: q >= 0 ? q : undefined };
}

const CLIENT = new Set(['ChatClient']);

/** The `@Qualifier` / `@Resource(name)` / `@Named` of `name`'s declaration nearest token `at`, when declared as one of
 * `types`; its text is recorded as read (the keystroke path sees an edit of the bean name). */
export function qualifierOf(c: Ctx, name: string, at: number, types: Set<string>): string | undefined {
  const d = declared(c, name, at, types);
  if (d?.qualifierAt !== undefined) c.read?.push({ start: c.toks[d.qualifierAt].start, end: c.toks[d.qualifierAt].end });
  return d?.qualifier;
}

/**
 * The bean name a ChatClient `name` is injected by when the context has several: the `@Qualifier` / `@Resource(name)`
 * of one of its declarations (the field, or the constructor parameter it is set from), else the name itself (Spring
 * falls back to the injection point's name among several candidates: Spring Framework reference, "Fine-tuning
 * Annotation-based Autowiring with Qualifiers"; a @Primary bean wins before that fallback). Undefined when `name` is
 * declared as no ChatClient.
 */
export function injectedName(c: Ctx, name: string): { name: string; qualified: boolean } | undefined {
  let found = false;
  for (const k of identsNamed(c, name)) {
    const d = k >= 1 && k + 1 < c.toks.length ? declaredAt(c, name, k, CLIENT) : undefined;
    if (d?.qualifier !== undefined) return { name: d.qualifier, qualified: true };
    if (d) found = true;
  }
  return found ? { name, qualified: false } : undefined;
}

/** `@Qualifier("x")` / `@Resource(name = "x")` / `@Named("x")` among the annotations just before a declaration. */
function qualifierBefore(toks: Token[], start: number): number {
  for (let j = start - 1; j >= 0 && j > start - 16; j--) {
    const tk = toks[j];
    if (isP(tk, ',') || isP(tk, ';') || isP(tk, '{') || isP(tk, '}')) return -1;
    if (isP(tk, '@') && QUALIFIERS.has(toks[j + 1]?.v) && isP(toks[j + 2], '(')) {
      for (let k = j + 3; k < start && !isP(toks[k], ')'); k++) if (toks[k].t === T.Str) return k;
    }
  }
  return -1;
}

export interface BeanMethod {
  ctx: Ctx;
  names: string[];
  type: string;
  /** Token range of the method's body. */
  from: number;
  to: number;
}

const modelType = (type: string) => MODEL_TYPES.has(type) || /ChatModel$|ChatLanguageModel$/.test(type);

/** The `@Bean` methods of a file returning a type `wanted` accepts (a chat model type): their bean names, return type
 * and body. */
export function beanMethods(ctx: Ctx, wanted: (type: string) => boolean = modelType): BeanMethod[] {
  const { toks, match } = ctx;
  const out: BeanMethod[] = [];
  for (let k = 0; k + 1 < toks.length; k++) {
    if (!isP(toks[k], '@') || toks[k + 1].v !== 'Bean') continue;
    let j = k + 2;
    const names: string[] = [];
    if (isP(toks[j], '(') && match[j] > j) {
      for (let a = j + 1; a < match[j]; a++) if (toks[a].t === T.Str) names.push(toks[a].v);
      j = match[j] + 1;
    }
    // Past other annotations and modifiers to the method: Kotlin `fun name(…): Type`, Java `Type name(…)`.
    let method = -1;
    let type: string | undefined;
    for (const stop = Math.min(toks.length - 1, j + 40); j < stop; j++) {
      if (isP(toks[j], '@')) {
        if (isP(toks[j + 2], '(') && match[j + 2] > j) j = match[j + 2];
        continue;
      }
      if (isP(toks[j], '(')) {
        if (!isId(toks[j - 1])) break;
        method = j - 1;
        const close = match[j];
        if (close < 0) break;
        if (toks[j - 2]?.v === 'fun') type = isP(toks[close + 1], ':') ? toks[close + 2]?.v : undefined;
        else if (isId(toks[j - 2]) || isP(toks[j - 2], '>')) type = toks[j - 2].v;
        j = close + 1;
        break;
      }
    }
    if (method < 0 || !type || !wanted(type)) continue;
    // The body: `{ … }` after the signature (past a Kotlin return type or Java `throws`), or Kotlin `= expression`.
    let b = j;
    while (b < toks.length && b < j + 12 && !isP(toks[b], '{') && !isP(toks[b], '=')) b++;
    if (isP(toks[b], '{') && match[b] > b) out.push({ ctx, names: names.length ? names : [toks[method].v], type, from: b + 1, to: match[b] });
    else if (isP(toks[b], '=')) out.push({ ctx, names: names.length ? names : [toks[method].v], type, from: b + 1, to: Math.min(toks.length, b + 200) });
    k = b;
  }
  return out;
}

/** Does a bean returning `type` answer a declaration of `wanted` (the same streaming-ness; an implementation class
 * such as OpenAiChatModel answers ChatModel)? */
const fits = (type: string, wanted: string) => type === wanted || (!MODEL_TYPES.has(type) && streaming(type.replace(/^\w+?(?=Streaming)/, '')) === streaming(wanted));

/**
 * The construction of the bean a model parameter or field `name` is injected with: the application's `@Bean` method of
 * its type (by qualifier, else the only one, else the one named like the parameter), its builder read in that file.
 */
export function beanMade(c: Ctx, via: Via, name: string, at: number): { made: Made; ctx: Ctx } | undefined {
  if (c.syn.id !== 'java' && c.syn.id !== 'kotlin') return undefined;
  const d = declared(c, name, at);
  if (!d) return undefined;
  const all: BeanMethod[] = beanMethods(c);
  const idx = c.index;
  const root = idx && c.file ? jvmModule(idx.files, c.file) : undefined;
  if (idx && root) {
    // The module's files that declare a model bean, once per module (dropped when a file of it changes).
    const files = idx.memo(root, 'langchain4j.bean-files', () =>
      jvmModuleSources(idx.files, root).slice(0, MAX_FILES).filter((f) => {
        const t = idx.text(f);
        return !!t && t.includes('@Bean') && /ChatModel|ChatLanguageModel/.test(t);
      }),
    );
    for (const f of files) {
      if (f === c.file) continue;
      const scope = idx.scope(f);
      if (scope) all.push(...beanMethods({ ...scope }));
    }
  }
  const typed = all.filter((b) => fits(b.type, d.type));
  const pick = d.qualifier !== undefined ? typed.filter((b) => b.names.includes(d.qualifier!)) : typed.length === 1 ? typed : typed.filter((b) => b.names.includes(name));
  if (pick.length !== 1) return undefined;
  const b = pick[0];
  for (let k = b.from; k < b.to; k++) {
    if (!isOpen(b.ctx.toks[k])) continue;
    const made = madeAt(via, b.ctx.toks, k);
    if (made) return { made, ctx: b.ctx };
  }
  return undefined;
}

// What a library sends when the construction names nothing (a Via anchor's libraryModel / libraryLimit): LangChain's
// `OpenAIEmbeddings()` model, langchaingo's clients' models and 2048-token limits (call-shapes-go.ts). Written in no
// file, placed at the construction. Options passed as a spread (`anthropic.New(opts...)`, `OpenAIEmbeddings(**kw)`,
// `new X(...args)`) may set what the default stands for (langchaingo examples/anthropic-interleaved-thinking:
// `anthropicOpts := []anthropic.Option{anthropic.WithModel("claude-sonnet-4-20250514")}` then
// `anthropic.New(anthropicOpts...)`): then no default is said; the limit is known at run time.
import { isP } from '../lex/brackets';
import { chatgptRsClient } from './chatgpt-rs';
import type { Ctx } from './values';
import type { Found } from './keys';
import type { Made } from './runnable-made';
import type { LimitRef } from '../types';
import { importsOf } from './imported';
import { browserUseDefault } from './browser-use-models';
import { AGENTS_DEFAULT, agentsDefaultModel } from './agents-default-model';
import type { ModelRef } from '../types';
import { LANGCHAIN_JS_DEFAULT_MODEL } from './call-shapes-langchain';

const JS_DEFAULTS = new Set(Object.values(LANGCHAIN_JS_DEFAULT_MODEL));

/** The text of a spread argument of the construction's arguments [from, to) (`opts...`, `**kw`), if one. */
export function spreadArg(m: Ctx, from: number, to: number): string | undefined {
  for (let k = from; k < to; k++) {
    const t = m.toks[k];
    // Go's `opts...` (not an array literal's `[...]T{}`), a JS spread anywhere in the arguments, Python's `*a` / `**kw`.
    if (isP(t, '...') && m.syn.id === 'go' && !isP(m.toks[k - 1], '[')) return `${m.toks[k - 1]?.v ?? ''}...`;
    if (isP(t, '...') && m.syn.id !== 'go') return `...${m.toks[k + 1]?.v ?? ''}`;
    if ((isP(t, '*') || isP(t, '**')) && m.syn.id === 'python' && (k === from || isP(m.toks[k - 1], ','))) return `${t.v}${m.toks[k + 1]?.v ?? ''}`;
  }
  return undefined;
}

/** The library's model, when the class or package is imported from the library's module (not an app's own). */
export function libraryModel(c: Ctx, m: Ctx, made: Made, inner: Found, spread: string | undefined): void {
  chatgptRsClient(m, inner, made.at, made.open); // chatgpt_rs: its config variable and default engine
  const lib = spread ? undefined : made.libraryModel;
  if (!lib) return;
  const at = m.toks[made.at];
  const imp = importsOf(m).names.get(at.v);
  // Where the class is imported from decides: an edit of that import, or one adding it, changes the call.
  void (imp ? m.read?.push(imp.span) : m.readNames?.add(at.v));
  if (imp && lib.module.test(imp.from)) inner.model ??= { ref: { id: lib.id, span: { start: at.start, end: at.end }, kind: 'constant', unwritten: true, ...(m !== c ? { file: m.file } : {}), source: { offset: at.start, what: `default of ${lib.source}` } } };
}

/** The limit a client sends when neither its construction nor the call sets one, placed at the construction; with
 * options passed as a spread, known at run time (`f.limitUnresolved`). */
export function libraryLimit(m: Ctx, made: Made, f: Found, spread: string | undefined): LimitRef | undefined {
  const lib = made.libraryLimit;
  if (!lib) browserUseDefault(m, f, made.at, spread); // `from browser_use import ChatOpenAI`: 4,096 unless set
  if (lib && spread) f.limitUnresolved ??= `${lib.what} unless ${spread} sets it`;
  if (!lib || spread) return undefined;
  const at = { start: m.toks[made.at].start, end: m.toks[made.at].end };
  return { value: lib.value, span: at, key: lib.what, unwritten: true, source: { offset: at.start, what: `default of ${lib.what}` } };
}

/**
 * What sets the model when the construction names none (a Via's defaultModel): said as unknown, except the OpenAI
 * Agents SDK's default of the release the project pins (agents-default-model.ts), placed at the construction (m's `at`).
 */
export function frameworkModel(c: Ctx, m: Ctx, at: number, fallback: string | undefined): { ref: ModelRef } | { unresolved: string } | undefined {
  // langchain_anthropic / langchain_mistralai (Python) require a model: no default to say there.
  if (!fallback || (JS_DEFAULTS.has(fallback) && m.syn.id !== 'javascript')) return undefined;
  const ref = fallback === AGENTS_DEFAULT ? agentsDefaultModel(c, m, at) : undefined;
  return ref ? { ref } : { unresolved: fallback };
}

// Reads values inside a call's extent: the model and numbers, in any language's syntax (prompt parts: parts.ts).
import { T, type Token } from '../lex/lexer';
import type { LimitRef, ModelRef, Span } from '../types';
import { resolveConstant } from './user-constants';
import { visibleConstant } from './visible';
import { expr, type EvalScope, type Value } from './evaluate';
import { KEYWORDS, isClose, isId, isOpen, isP, postfixEnd, readChain } from '../lex/brackets';
import { isPhpCast } from './type-casts';
import type { CallShape } from './call-shape-types';
import { MODEL_WRAPPERS } from './call-keys';
import { isGateway, providerCall, wrapperOf } from './provider-factories';
import { SDK_MODEL_CONSTANTS, sdkEnumConstant } from './sdk-model-ids';
import type { Request } from './request-defs';
import { branchModel } from './branch-tests';
import { passedToClass } from './py-field-calls';
import { jsonPairKey } from './cs-json-pairs';

export interface Ctx extends EvalScope {
  /** Assignments by name: the name's token index and its value's first token, built on first use (requests.ts). */
  assigns?: Map<string, { at: number[]; value: number[] }>;
  /** Requests built away from their call, by definition index, read once per scan and shared by every call. */
  requests?: Map<number, Request | undefined>;
  /** Same-file function definitions by name (requests.ts helpers that return a request). */
  functions?: Map<string, number>;
  /** Innermost `{` around each token, and the `def`/`class` keywords, for an assignment's scope (requests.ts). */
  block?: Int32Array;
  /** Constructions found in same-file helpers, by helper and row (constructions.ts). */
  madeIn?: Map<string, unknown>;
  /** Companion anchor positions by anchor, built on first use (links.ts companions). */
  companionIndex?: Map<string, number[]>;
  /** Every identifier of the file, built on first use (a row's `needs`, constructions.ts). */
  idents?: Set<string>;
  /** Messages in the list variables the call being read sends (`messages=msgs`, parts.ts), counted per call. */
  listMessages?: number;
  /** The model a call with a run-time model is read with (setting promptCost.assumeModel). */
  assumeModel?: string;
  /** The call being read keeps its output limit in a config object (its shape's `limitNested`, nested-limit.ts). */
  limitNested?: boolean;
  /** The call being read names its limit or prompt with its SDK's own keys too (its shape's `keys`). */
  shapeKeys?: CallShape['keys'];
  /** The call being read is an embeddings call (CallShape.embedding). */ embeddingCall?: boolean;
  /** LangChain4j AI service objects of the file, by variable name: the interface (ai-services.ts). */
  services?: Map<string, { iface: string; at: Span; spring?: boolean }>;
  /** The call being read is a workspace function posting its URL and body arguments (http-wrappers.ts). */
  httpWrap?: import('./http-wrappers').Wrapper;
  /** Whether the file imports an SDK, by its first import path (go-objects.ts importsSdk). */
  imported?: Map<string, boolean>;
}

const KEY_SEPS = new Set(['=', ':', '=>']);

/** Is toks[i] a key (`key=`, `key:`, `"key":`, `'key' =>`, C# `{ "key", v }`)? Returns the separator index. */
export function keyAt(c: Ctx, i: number): number {
  const tk = c.toks[i];
  if (!tk || (tk.t !== T.Id && tk.t !== T.Str)) return -1;
  const sep = c.toks[i + 1];
  if (!sep || sep.t !== T.Punct || !(KEY_SEPS.has(sep.v) || (sep.v === ',' && c.syn.id === 'csharp' && jsonPairKey(c.toks, c.match, i)))) return -1;
  const prev = c.toks[i - 1];
  // `a.b = x` is an assignment to a member, not a key; but in a Kotlin builder block `this.modelId = modelId` sets the
  // builder's own property (AWS SDK for Kotlin examples, bedrock-runtime Converse.kt).
  if (prev && prev.t === T.Punct && (prev.v === '.' || prev.v === '->') && !(c.syn.id === 'kotlin' && c.toks[i - 2]?.v === 'this' && sep.v === '=')) return -1;
  // A type annotation `x: int = 3` in a call is rare; `::` is no separator; Rust `let x =`, `let mut x =` bind a local.
  return c.syn.id === 'rust' && (prev?.v === 'let' || prev?.v === 'mut') ? -1 : i + 1;
}

import { valueEnd } from './value-end';
import { swiftCaseModel } from './swift-models';
export { valueEnd };

export const spanOf = (a: Token, b: Token): Span => ({ start: a.start, end: b.end });

/** The inner span of a literal's text (without quotes or prefix), for an in-place edit. */
export function literalInner(c: Ctx, tk: Token): Span {
  const raw = c.text.slice(tk.start, tk.end);
  const at = tk.v ? raw.indexOf(tk.v) : -1;
  if (at > 0) return { start: tk.start + at, end: tk.start + at + tk.v.length };
  return { start: tk.start, end: tk.end };
}

function quoteOf(c: Ctx, tk: Token): string | undefined {
  return ['"', "'", '`'].find((q) => q === c.text[literalInner(c, tk).start - 1]);
}

/** A constant is looked up by its last name when the chain is a bare name, `self.X`, `this.X` or `Class.X`. */
export function constantFor(c: Ctx, names: string[], at: number) {
  if (!names.length) return undefined; // readNumber meets a chain of no names: it looks nothing up.
  const last = names[names.length - 1];
  if (names.length > 1) {
    const head = names[0];
    const classy = head === 'self' || head === 'this' || head === 'cls' || head === 'Self' || /^[A-Z]/.test(head);
    if (!classy) return undefined;
    // A dataclass or pydantic field the class's calls pass by keyword: read with them (py-field-calls.ts).
    if (head === 'self' && names.length === 2 && passedToClass(c, last, at)) return undefined;
  }
  if (c.forward && !((c.consts.get(last)?.[0].at ?? at) < at)) c.forward.add(last);
  // The keystroke path keeps the definitions of the names looked up live (editor/incremental.ts).
  c.readNames?.add(last);
  // A bare name sees only the definitions in its scope; `self.X` / `Class.X` are the class's.
  return names.length === 1 ? visibleConstant(c, c.consts.get(last), at) : resolveConstant(c.consts, last, at);
}

export type ModelValue = { ref: ModelRef } | { unresolved: string } | undefined;

export function readModel(c: Ctx, i: number, end: number, depth = 0): ModelValue {
  const { toks } = c;
  const tk = toks[i];
  if (!tk || i >= end || depth > 4) return undefined;
  // Python `"gpt-4.1-mini" if fast else "gpt-4.1"`: every model it can be, read as an expression below.
  const conditional = toks[i + 1]?.t === T.Id && toks[i + 1].v === 'if' && i + 1 < end && c.syn.id === 'python';
  // `"gpt-4o-" + size`: a model joined with a value known only at run time is not its first literal (joined-json.ts).
  const joined = isP(toks[i + 1], '+') && i + 1 < end;
  if (tk.t === T.Str && (conditional || joined)) {
    const e = valueEnd(c, i, end);
    const v = expr(c, i, e, depth).v;
    return (v && modelOf(c, v, spanOf(tk, toks[e - 1]))) ?? { unresolved: c.text.slice(tk.start, toks[e - 1].end) };
  }
  if (tk.t === T.Str) {
    // `f"models/{MODEL_ID}"` (Gemini cookbook notebooks), every hole known: that model, in no one place to edit.
    const v = tk.holes?.length ? expr(c, i, i + 1, depth).v : undefined;
    const m = v && !v.holes?.length ? modelOf(c, v, spanOf(tk, tk)) : undefined;
    if (m && 'ref' in m) return { ref: { ...m.ref, composed: true } };
    if (tk.holes?.length || !tk.v) return { unresolved: c.text.slice(tk.start, tk.end) };
    return { ref: { id: tk.v, span: literalInner(c, tk), kind: 'literal', quote: quoteOf(c, tk) } };
  }
  // Go `*model` (`model := flag.String("model", "gemini-2.5-flash", …)`), Rust `&self.model`: the value pointed to.
  if (isP(tk, '*') && c.syn.id === 'go' && isId(toks[i + 1])) return readModel(c, i + 1, end, depth + 1);
  if (isP(tk, '&') && c.syn.id === 'rust' && isId(toks[i + 1])) return readModel(c, i + 1, end, depth + 1);
  // Swift `.gpt4_o`, `.custom("llama3")` (swift-models.ts).
  if (isP(tk, '.') && isId(toks[i + 1])) return swiftCaseModel(c, i, end, (a, b) => readModel(c, a, b, depth + 1));
  if (isP(tk, '(') && c.match[i] > i) {
    // `(model as string) === 'claude' ? '…' : model`: what the evaluator reads, else run time (never no model).
    const e = valueEnd(c, i, end);
    const v = expr(c, i, e, depth).v;
    return (v && modelOf(c, v, spanOf(tk, toks[e - 1]))) ?? { unresolved: c.text.slice(tk.start, toks[e - 1].end) };
  }
  if (!isId(tk)) return undefined;
  const chain = readChain(toks, i, end);
  const chainSpan = spanOf(tk, toks[chain.end - 1]);
  const chainText = c.text.slice(chainSpan.start, chainSpan.end);
  const wrapper = wrapperOf(c, chain.names[0]) !== undefined || chain.names[chain.names.length - 1] in MODEL_WRAPPERS || chain.names.slice(-2).join('.') in MODEL_WRAPPERS || isGateway(c, chain.names[0], i);
  if (isP(toks[chain.end], '(') && wrapper) {
    // A wrapper: `openai("gpt-4o")`, `ModelId("gpt-4o")`, `openai.chat("…")`, `anthropic.messages("…")`.
    const close = c.match[chain.end];
    const inner = readModel(c, chain.end + 1, close < 0 ? end : close, depth + 1);
    if (inner && 'ref' in inner) {
      const provider = wrapperOf(c, chain.names[0]) ?? '';
      return { ref: { ...inner.ref, kind: inner.ref.kind === 'literal' ? 'wrapper' : inner.ref.kind, provider: provider || inner.ref.provider } };
    }
    return inner ?? { unresolved: c.text.slice(tk.start, close > 0 ? toks[close].end : chainSpan.end) };
  }
  // A provider instance made by a factory: `createOpenAI({ baseURL })("gpt-4o")`, `gem("…")` on `gem = createGoogle…(…)`.
  const made = providerCall(c, i, chain.names, chain.end);
  if (made) {
    const close = c.match[made.open];
    const inner = readModel(c, made.open + 1, close < 0 ? end : close, depth + 1);
    if (inner && 'ref' in inner) return { ref: { ...inner.ref, kind: inner.ref.kind === 'literal' ? 'wrapper' : inner.ref.kind, provider: made.provider } };
  }
  // `OpenAiApi.ChatModel.GPT_4_O.getValue()`, `OllamaModel.LLAMA3.id()`: the enum constant's string, read below as
  // `.value` is (`getName()` / `id()` only on a known SDK constant).
  const enumRead = chain.names.length > 2 && c.match[chain.end] === chain.end + 1 ? chain.names[chain.names.length - 1] : '';
  const getter = enumRead === 'getValue' || (enumRead === 'getName' || enumRead === 'id') && sdkEnumConstant(chain.names)?.read === 1;
  if (isOpen(toks[chain.end]) && !getter) {
    // Any other call or index: an env default, a helper's return, a table entry; else known only at run time.
    const close = c.match[chain.end];
    const v = expr(c, i, end, depth).v;
    const ref = v && modelOf(c, v, chainSpan);
    if (ref) return ref;
    // The whole postfix chain is named (`cfg["ai"]["model"]`, `get_settings().llm.model`), not its first index or call.
    const last = close > 0 && close < end ? postfixEnd(toks, c.match, close, end) : -1;
    return { unresolved: c.text.slice(tk.start, last > 0 ? toks[last].end : chainSpan.end) };
  }
  let viaScope = expr(c, i, end, depth).v;
  // The SDK constant written right here (`openai.ChatModelGPT4o`) is read below as one, so a switch edits its name.
  if (viaScope?.source?.what.startsWith('SDK constant ') && viaScope.source.offset === tk.start && viaScope.source.file === c.file) viaScope = undefined;
  if (viaScope && (viaScope.str !== undefined || viaScope.runtime !== undefined && !sdkEnumConstant(chain.names))) {
    const ref = modelOf(c, viaScope, chainSpan);
    if (ref) return branchModel(c, i, chainText, ref);
    // A local that holds a run-time value on some path (`model = opts.model` then `if image: model = "gpt-4o-mini"`):
    // known only at run time, not the literal of the one arm (the file's constants below would give it).
    if (viaScope.str !== undefined && viaScope.late?.length) return { unresolved: chainText };
    // The code with the tool's note (`model.value (v-model in the template; initially "gpt-4o")`, reactive-state.ts).
    if (viaScope.runtime?.startsWith(chainText + ' (')) return { unresolved: viaScope.runtime };
    if (viaScope.runtime !== undefined && chain.names.length === 1 && !KEYWORDS.has(chain.names[0]) && !SDK_MODEL_CONSTANTS[chain.names[0]]) return { unresolved: chainText };
  }
  const con = constantFor(c, chain.names, tk.start);
  if (con?.str !== undefined) {
    // An empty text is never a model (`let DEPLOYMENT_ID = ""`, set later in a switch's cases).
    if (con.holes?.length || !con.str) return { unresolved: chainText };
    const lit = con.literal;
    return { ref: { id: con.str, span: lit ? literalInner(c, lit) : chainSpan, kind: 'constant', quote: lit ? quoteOf(c, lit) : undefined } };
  }
  // An enum read for its string: Spring AI `OpenAiApi.ChatModel.GPT_4_O.getValue()` / `.value` (OpenAiApi.java ChatModel).
  const sdk = sdkEnumConstant(chain.names);
  const value = sdk?.read ?? 0;
  const last = chain.names[chain.names.length - 1 - value];
  // The edit replaces the constant's own name and keeps its qualifier (`openai.`, `ChatModel.`); a key qualified by
  // its enum (`DeepSeekApi.ChatModel.X`) is kept whole, so the edit picks a name of the same enum.
  if (sdk) return { ref: { id: sdk.id, span: value ? spanOf(toks[chain.end - 3], toks[chain.end - 3]) : { start: toks[chain.end - 1].start, end: chainSpan.end }, kind: 'sdk-constant', written: sdk.key.includes('.') ? sdk.key : last } };
  if (KEYWORDS.has(last)) return undefined;
  return { unresolved: chainText };
}

/** A number: literal, numeric constant, or a wrapper such as `openai.Int(800)`, `Some(800)`, `param.NewOpt(800)`. */
export function readNumber(c: Ctx, i: number, end: number, depth = 0): Omit<LimitRef, 'key'> | undefined {
  const { toks } = c;
  const tk = toks[i];
  if (!tk || i >= end || depth > 3) return undefined;
  const conditional = toks[i + 1]?.t === T.Id && toks[i + 1].v === 'if' && i + 1 < end;
  if (tk.t === T.Num && tk.n !== undefined && !conditional && i + 1 >= end) return { value: tk.n, span: { start: tk.start, end: tk.end } };
  // `&n`: Go's pointer fields (OCI MaxTokens *int, go-huggingface), Rust's borrowed ones (rust-ai-streambot `&'a usize`).
  if ((c.syn.id === 'go' || c.syn.id === 'rust') && isP(tk, '&') && i + 1 < end) return readNumber(c, i + 1, end, depth + 1);
  // Go `*cfg.MaxTokens`: the value the pointer holds (`flag.Int("max_tokens", 2048, …)`), as for a model.
  if (c.syn.id === 'go' && isP(tk, '*') && isId(toks[i + 1]) && i + 1 < end) return readNumber(c, i + 1, end, depth + 1);
  if (tk.t !== T.Num && !isId(tk) && !conditional && !isPhpCast(c, i)) return undefined;
  const chain = readChain(toks, isP(tk, '(') ? i + 3 : i, end); // after PHP's `(int)` (`(int) get_option('x', '100')`): the value cast
  // Through the scope chain first: a parameter named like a constant elsewhere is the parameter.
  const got = expr(c, i, end, depth).v;
  const v = got?.runtime !== undefined && got.atMost ? got.atMost : got; // `budget - len(p)`: at most the budget (arithmetic.ts)
  // A limit is a count: a negative or non-finite value is not one (`-1` as "no limit" is run-time logic); one that may
  // be absent (`vision ? 4096 : null`) leaves the model's own maximum as the worst case, known only at run time.
  if (v?.num !== undefined && Number.isFinite(v.num) && v.num >= 0 && !v.absent) {
    const out: Omit<LimitRef, 'key'> = { value: v.num, span: spanOf(tk, toks[chain.end - 1]), ...(v !== got ? { bounded: true as const } : {}) };
    placeAt(c, v, out);
    // Several values (`fast ? 100 : 4000`, `100 if fast else 4000`): the largest is the worst case, the rest kept.
    const all = [v.num, ...(v.others ?? []).filter((o): o is number => typeof o === 'number')];
    const max = Math.max(...all);
    const others = all.filter((n, j) => n !== max || j !== all.indexOf(max));
    out.value = max;
    if (others.length) Object.assign(out, { others }, v.byCaller ? { byCaller: true } : {});
    return out;
  }
  if (isP(toks[chain.end], '(')) {
    const close = c.match[chain.end];
    return readNumber(c, chain.end + 1, close < 0 ? end : close, depth + 1);
  }
  // Go `genai.Ptr[int32](50)`: a generic helper's argument.
  const typeArgs = c.syn.id === 'go' && isP(toks[chain.end], '[') ? c.match[chain.end] : -1;
  if (typeArgs > 0 && isP(toks[typeArgs + 1], '(') && c.match[typeArgs + 1] > 0) return readNumber(c, typeArgs + 2, c.match[typeArgs + 1], depth + 1);
  // `LIMIT if short else None` (py-limit-arms.ts): not the first name's number, no limit on the other path.
  if ((v?.runtime !== undefined && chain.names.length === 1) || v?.absent) return undefined;
  const con = constantFor(c, chain.names, tk.start);
  if (con?.num !== undefined) return { value: con.num, span: spanOf(tk, toks[chain.end - 1]) };
  return undefined;
}

/** A model id from an evaluated value: a string with no holes (the dearest of several is chosen when priced). */
export function modelOf(c: Ctx, v: Value, fallback: Span): ModelValue {
  // Known only at run time with a default the code states (`state.get("model", DEFAULT)`): the default is priced.
  // An embeddings call's parameter default that a caller overrides at run time is not what runs there: run time, named
  // (khoj-ai/khoj processor/embeddings.py `model_name="thenlper/gte-small"`, a local model; made with `model.bi_encoder`).
  if (v.runtime !== undefined && v.stated && v.overridden && c.embeddingCall && v.stated.str) return { unresolved: `${v.runtime} (set by a caller at run time; ${v.stated.str} only where none passes it)` };
  if (v.runtime !== undefined && v.stated) return modelOf(c, v.stated, fallback);
  if (v.str === undefined || !v.str || ownHoles(v)) return undefined;
  const ref: ModelRef = { id: v.str, span: fallback, kind: 'constant' };
  if (v.provider) ref.provider = v.provider;
  placeAt(c, v, ref);
  if (v.lit?.quote) ref.quote = v.lit.quote;
  const others = v.others?.filter((o): o is string => typeof o === 'string' && o !== v.str);
  if (others?.length) {
    ref.others = others;
    const sources = others.filter((o) => v.otherSources?.[o]);
    if (sources.length) ref.otherSources = Object.fromEntries(sources.map((o) => [o, v.otherSources![o]]));
  }
  return { ref };
}

/** Holes of the text itself, not the branches known only at run time beside literal ones (branches.ts marks each as
 * `<text> (…, at run time)` and names it in `late`): `getTitleModel()` returning a mock in tests and
 * `gateway.languageModel("google/gemini-2.5-flash-lite")` otherwise is that model, the other branch named. */
function ownHoles(v: Value): boolean {
  if (!v.holes?.length) return false;
  const late = v.late;
  // Only a helper's own returns (`returned by …`): a case or switch arm read at run time leaves the model unknown, and
  // so does a returned local a branch sets at run time (`m = DEFAULT; if …: m = pick(…); return m`: held51 F2).
  if (!late?.length || !v.source?.what.startsWith('returned by ')) return true;
  return v.holes.some((h) => !late.some((l) => h.startsWith(l + ' (returned by ') && h.endsWith(', at run time)')));
}

/** Where the value is written (its literal, for an edit) and where it was defined (for the hover). */
function placeAt(c: Ctx, v: Value, ref: { span: Span; file?: string; source?: ModelRef['source'] }): void {
  if (v.lit) {
    ref.span = v.lit.span;
    if (v.lit.scope.file !== c.file) ref.file = v.lit.scope.file;
  }
  if (v.source) ref.source = v.fallback ? { ...v.source, fallback: true } : v.source;
}

/** The `n`-th top-level argument's first token inside a call. */
export function argIndex(c: Ctx, from: number, to: number, n: number): number {
  let k = from;
  for (let a = 0; a < n && k < to; a++) {
    k = valueEnd(c, k, to);
    if (isP(c.toks[k], ',')) k++;
  }
  // A named argument `model: "…"` at that position.
  const sep = keyAt(c, k);
  return sep > 0 ? sep + 1 : k;
}

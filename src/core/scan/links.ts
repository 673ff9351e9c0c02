// Values reached through names: positional messages, and constructions elsewhere in the file that carry what a call
// lacks (the .NET ChatClient's model, ChatCompletionOptions' limit). Request objects built elsewhere: requests.ts.
import { goOptionSlice } from './go-call-options';
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { argIndex, keyAt, readModel, readNumber, valueEnd, type Ctx } from './values';
import { label } from './value';
import { collectParts, pushParts } from './parts';
import { roleTuple } from './part-terms';
import type { Companion } from './call-shape-types';
import { MESSAGE_WRAPPERS, normKey } from './call-keys';
import { walkKeys, type Found } from './keys';
import { companionBy } from './companion-by';
import { countBefore } from '../util/binary-search';
import { injectedChatClientModel, projectClientLimit, projectKernelModel } from './dotnet-kernel-services';
import { AZURE_OPENAI, azureMade } from './dotnet-azure';
import { deploymentModel } from './deployment-names';

// Go's `ctx` / `context.Context` is no message either.
const NOT_MESSAGES = /^(options|opts|settings|config|cancellationToken|ct|token|kernel|arguments|kernelArgs|kernelArguments|handler|ctx)$/i;
const NOT_MESSAGES_SUFFIX = /[a-z](Settings|Options|Handler)$/;

/** Positional message arguments; a bare variable is a label unless it is a string constant, options are skipped. */
export function promptArgs(c: Ctx, f: Found, from: number, to: number, skip?: number, positionalOnly = false): void {
  const { toks } = c;
  let k = from;
  for (let n = 0; k < to; n++) {
    const e = valueEnd(c, k, to);
    const bare = e === k + 1 && isId(toks[k]);
    if (n === skip || (positionalOnly && keyAt(c, k) > 0)) {
      k = e + 1;
      continue;
    }
    // Not messages: options and settings objects, .NET cancellation tokens, Semantic Kernel's kernel and arguments, a
    // streaming callback (LangChain4j `chat(…, new StreamingChatResponseHandler() {…})`).
    // Semantic Kernel's arguments, `new(settings) { ["topic"] = t }` / `new KernelArguments(…)`, carry no message.
    const handler = isId(toks[k]) && toks[k].v === 'new' && (isP(toks[k + 1], '(') || /(Handler|Listener|Callback|^KernelArguments)$/.test(toks[k + 1]?.v ?? ''));
    // Go: `context.Background()`, and functional options (`llms.WithMaxTokens(n)`, langchaingo llms/options.go).
    // A slice of them passed on (`callOptions...`, go-call-options.ts).
    const goOption = c.syn.id === 'go' && isId(toks[k]) && ((isP(toks[k + 1], '.') && (toks[k].v === 'context' || /^With[A-Z]/.test(toks[k + 2]?.v ?? ''))) || !!goOptionSlice(c, k));
    // A field counts as its name (`this._kernel`, `_settings`, `self.options`).
    const field = e === k + 3 && (toks[k].v === 'this' || toks[k].v === 'self') && isP(toks[k + 1], '.') && isId(toks[k + 2]);
    const name = field ? toks[k + 2].v : bare ? toks[k].v : undefined;
    const plain = name?.replace(/^_+/, '');
    if (!handler && !goOption && !(name !== undefined && plain && (f.limitVar === name || NOT_MESSAGES.test(plain) || NOT_MESSAGES_SUFFIX.test(plain)))) {
      for (let j = k; j < e; j++) {
        if ((isId(toks[j]) && MESSAGE_WRAPPERS.has(normKey(toks[j].v)) && isP(toks[j + 1], '(')) || roleTuple(c, j)) f.messages++;
      }
      if (bare || toks[k].t === T.Str) f.messages++;
      collectParts(c, k, e, f.parts);
    }
    k = e + 1;
  }
}

/**
 * The key walk read a positional list's messages by their `content` keys (`invoke([{"role": "system", "content": S},
 * *state["messages"]])`, `[SystemMessage(content=S), history]`) and passed over the elements without one: the
 * history a LangGraph node sends. Those elements of a list literal written in the call (or joined to one with `+`)
 * are added as run-time parts.
 */
export function runTimeArgs(c: Ctx, f: Found, from: number, to: number, skip?: number): void {
  const { toks, match } = c;
  for (let k = from, n = 0; k < to; n++) {
    const e = valueEnd(c, k, to);
    if (n !== skip && isP(toks[k], '[') && match[k] < e && keyAt(c, k) < 0) {
      const all: Found = { ...f, parts: [], messages: 0 };
      promptArgs(c, all, k, e, undefined, true);
      const late = all.parts.filter((p) => !p.resolved && p.span.start >= toks[k].start && p.span.end <= toks[e - 1].end && !f.parts.some((q) => q.span.start <= p.span.start && p.span.end <= q.span.end));
      if (late.length) pushParts(f.parts, late);
    }
    k = e + 1;
  }
}

/** Fills a missing model or limit from the nearest construction before the call that is bound to it. */
export function companions(c: Ctx, list: Companion[], f: Found, first: number, open: number, end: number): void {
  const { toks, match } = c;
  // The anchor may start with the `.` before the method (`. GetChatMessageContentAsync (`).
  const name = isP(toks[first], '.') ? first + 1 : first;
  const recv = isP(toks[name - 1], '.') && isId(toks[name - 2]) ? toks[name - 2].v : undefined;
  const argNames = new Set<string>();
  for (let k = open + 1; k < end; k++) if (isId(toks[k])) argNames.add(toks[k].v);
  let clientLimit: [NonNullable<Companion['limitArg']>, number, number, number] | undefined;
  for (const comp of list) {
    if ((comp.take === 'model' ? f.model : f.limit) || (comp.inFileWith && !c.text.includes(comp.inFileWith))) continue;
    let chosen = -1;
    let fallback = -1;
    const positions = companionPositions(c, comp.anchor);
    if (comp.by) fallback = companionBy(c, comp.by, positions, first, open);
    // Nearest first, and only a bounded number of candidates: a file of many calls stays linear.
    for (let p = comp.by ? -1 : upperBound(positions, first - 1) - 1, seen = 0; p >= 0 && seen < MAX_CANDIDATES; p--, seen++) {
      const k = positions[p];
      const name = boundName(toks, k, comp.anchor.length);
      const wanted = comp.take === 'model' ? recv : undefined;
      if (comp.take === 'limit' ? name !== undefined && argNames.has(name) : wanted !== undefined && name === wanted) {
        chosen = k;
        break;
      }
      if (fallback < 0 && comp.take === 'model') fallback = k;
    }
    // A receiver the file makes here (`client := gpt3.NewClient(key, opts…)`): that construction's own option or none.
    const made = comp.madeBy && recv ? madeAt(c, comp.madeBy, recv, first) : undefined;
    if (made) chosen = positions.find((k) => k > made[0] && k < made[1]) ?? -1;
    // None before the call: the first after it (a constructor written below the methods that use its client); a
    // first screen cut before it is left to the full analysis (editor/prefix.ts).
    else if (chosen < 0 && fallback < 0 && comp.after) {
      fallback = positions[upperBound(positions, first - 1)] ?? -1;
      c.forward?.add(LATER + comp.anchor[0]);
    }
    const at = chosen >= 0 || made ? chosen : fallback;
    if (at < 0) continue;
    if (comp.take === 'model') {
      const o = at + comp.anchor.length - 1;
      const close = match[o] < 0 ? Math.min(toks.length, o + 50) : match[o];
      const inner: Found = { parts: [], messages: 0 };
      walkKeys(c, inner, o + 1, close);
      // Text before the call: an edit of it changes the call (the keystroke path's read spans).
      c.read?.push({ start: toks[at].start, end: toks[Math.min(close, toks.length - 1)].end });
      const a = argIndex(c, o + 1, close, comp.modelArg ?? 0);
      f.model = inner.model ?? (comp.keyOnly ? undefined : readModel(c, a, close));
      // Semantic Kernel's Azure registration, an AzureOpenAIClient's chat client: an Azure deployment (dotnet-azure.ts).
      if (f.model && azureMade(toks, match, at, c.readNames)) [f.model, f.host] = [inner.model ?? deploymentModel('deploymentname', f.model, label(c, a, valueEnd(c, a, close))), AZURE_OPENAI];
      // Read after every companion: the call's own ChatOptions.MaxOutputTokens overrides the client's default.
      if (comp.limitArg && f.model) clientLimit = [comp.limitArg, at, o, close];
      if (comp.limitThere && f.model && !f.limit) {
        if (inner.limit) f.limit = inner.limit;
        else f.limitUnresolved ??= comp.limitThere;
      }
    } else {
      // `new ChatCompletionOptions { MaxOutputTokenCount = 300 }` or `… = new() { … }`: the next brace groups.
      for (let k = at + comp.anchor.length, seen = 0; k < toks.length && seen < 3 && k < at + 12; k++) {
        if (!isOpen(toks[k]) || match[k] < 0) continue;
        seen++;
        const inner: Found = { parts: [], messages: 0 };
        walkKeys(c, inner, k + 1, match[k]);
        if (inner.limit) {
          f.limit = inner.limit;
          f.limitVar = boundName(toks, at, comp.anchor.length);
          break;
        }
        k = match[k];
      }
    }
  }
  if (clientLimit && !f.limit && !f.limitUnresolved) companionLimit(c, f, ...clientLimit);
  // Semantic Kernel's service added in another file of the project (dotnet-kernel-services.ts).
  if (!f.model && c.syn.id === 'csharp') {
    const adds = list.filter((x) => x.take === 'model' && /^Add\w*ChatCompletion$/.test(x.anchor[0])).map((x) => x.anchor[0]);
    if (adds.length) f.model = projectKernelModel(c, adds, name, false, f);
    // Microsoft.Extensions.AI: the IChatClient the host registers (`AddSingleton<IChatClient>(sp => new
    // OpenAI.Chat.ChatClient("gpt-4.1-mini", key).AsIChatClient())` in Startup.cs), read the same way.
    // A file wrapping a client of its own (`anthropic.AsIChatClient(m)`) is not given the host's Bedrock one.
    else if (list.some((x) => x.anchor[0] === 'AsChatClient')) {
      const made = ['ChatClient', 'GetChatClient', 'AsChatClient', ...(c.text.includes('AsIChatClient') ? [] : ['AsIChatClient'])];
      f.model = projectKernelModel(c, made, name, false, f);
      if (f.model && !f.limit && !f.limitUnresolved) f.limit = projectClientLimit(c, made, name);
    }
    // The OpenAI ChatClient taken from dependency injection: the project's GetChatClient(model).
    else if (list.some((x) => x.anchor[0] === 'GetChatClient')) f.model = injectedChatClientModel(c, recv, name, f);
  }
}

const MAX_CANDIDATES = 32;

/** The limit a construction gives its client (`AsIChatClient("claude-haiku-4-5", 400)`, or named
 * `defaultMaxOutputTokens: 400`) for calls that set none; with none given, the library's own. */
function companionLimit(c: Ctx, f: Found, spec: NonNullable<Companion['limitArg']>, at: number, o: number, close: number): void {
  const { toks } = c;
  let v = -1;
  for (let k = o + 1; k < close - 1; k++) if (isId(toks[k]) && toks[k].v === spec.name && isP(toks[k + 1], ':')) v = k + 2;
  if (v < 0) {
    const a = argIndex(c, o + 1, close, spec.index);
    if (a < close && !isP(toks[a - 1], ':')) v = a;
  }
  if (v >= 0) {
    const e = valueEnd(c, v, close);
    const n = readNumber(c, v, e);
    if (n) f.limit = { ...n, key: spec.name };
    else if (e > v) f.limitUnresolved ??= label(c, v, e);
  } else if (spec.library) {
    const here = { start: toks[at].start, end: toks[at].start };
    f.limit = { value: spec.library.value, span: here, key: `${spec.name} (the library's default)`, unwritten: true, source: { offset: here.start, what: spec.library.what } };
  }
}

/** A `forward` name (scan/scanner.ts) for a word whose use anywhere after a first screen's cut may change the call. */
export const LATER = 'later:';

/** The `(`…`)` of the nearest construction `anchor` before toks[first] assigned to `recv`, if any. */
function madeAt(c: Ctx, anchor: string[], recv: string, first: number): [number, number] | undefined {
  const positions = companionPositions(c, anchor);
  for (let p = upperBound(positions, first - 1) - 1, seen = 0; p >= 0 && seen < MAX_CANDIDATES; p--, seen++) {
    if (boundName(c.toks, positions[p], anchor.length) !== recv) continue;
    const o = positions[p] + anchor.length - 1;
    return [o, c.match[o] < 0 ? first : c.match[o]];
  }
  return undefined;
}

/** Start indexes of every occurrence of a companion anchor, found in one pass and kept per scan. */
function companionPositions(c: Ctx, anchor: string[]): number[] {
  c.companionIndex ??= new Map();
  const key = anchor.join(' ');
  let list = c.companionIndex.get(key);
  if (!list) {
    list = [];
    for (let k = 0; k + anchor.length <= c.toks.length; k++) if (anchorStart(c.toks, k + anchor.length - 1, anchor) === k) list.push(k);
    c.companionIndex.set(key, list);
  }
  return list;
}

/** Number of entries of a sorted list that are ≤ x. */
function upperBound(list: number[], x: number): number {
  return countBefore(list.length, (i) => list[i] <= x);
}

/** The variable a construction is assigned to: `x = new T(…)`, `var x = new T`, `T x = new(…)`, `T x = y.Get…(`. */
export function boundName(toks: Token[], at: number, anchorLen: number): string | undefined {
  let k = at - 1;
  if (isId(toks[k]) && toks[k].v === 'new') k--;
  while (isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (isId(toks[k]) && isP(toks[k - 1], '.')) k--;
  if ((isP(toks[k], '=') || isP(toks[k], ':=')) && isId(toks[k - 1])) return toks[k - 1].v;
  const after = toks[at + anchorLen - 1];
  if (isId(after) && isP(toks[at + anchorLen], '=')) return after.v;
  // `ChatClient client = new(…)` where the anchor is the type name: look just after it.
  const t1 = toks[at + 1];
  if (isId(t1) && isP(toks[at + 2], '=')) return t1.v;
  return undefined;
}


/** Tokens an anchor's `(…)` spans at most. */
const MAX_GROUP = 40;

/** Where a call shape's anchor starts for the bracket at toks[i], `last` its word before (the scan loop's test,
 * scanner.ts): the anchor ends at the bracket, or ends in `(` and at the word; -1 when it does not stand there. */
export function anchorAt(toks: Token[], anchor: string[], last: number, i: number): number {
  return last === i - 1 ? anchorStart(toks, i, anchor) : anchor[anchor.length - 1] === '(' ? anchorStart(toks, last, anchor.slice(0, -1)) : -1;
}

/** Index of the anchor's first token when toks[..openIdx] ends with the anchor (`*` matches any identifier, `(…)` a
 * bracketed argument list). */
export function anchorStart(toks: Token[], openIdx: number, anchor: string[]): number {
  let k = openIdx;
  for (let a = anchor.length - 1; a >= 0; a--, k--) {
    const tk = toks[k];
    if (!tk) return -1;
    const want = anchor[a];
    // `(…)`: a bracketed argument list, any contents (async-openai `threads().runs(&thread_id).create(`).
    if (want === '(…)') {
      if (tk.v !== ')' || tk.t === T.Str) return -1;
      let depth = 0;
      for (let n = 0; k >= 0 && n < MAX_GROUP; k--, n++) {
        if (toks[k].t === T.Str) continue;
        if (toks[k].v === ')') depth++;
        else if (toks[k].v === '(' && --depth === 0) break;
      }
      if (depth !== 0 || k < 0) return -1;
      continue;
    }
    if (want === '*' ? tk.t !== T.Id : tk.v !== want || tk.t === T.Str) return -1;
  }
  // Matched backwards from the bracket, so `chat (` never matches inside `openai.chat.completions.create(` (there
  // `chat` is followed by `.`); what stands before the anchor is not looked at: `self.client.chat.completions.create(`
  // matches `chat . completions . create (` as `chat.completions.create(` does. A definition is no call: `async def
  // chat(messages, model, **options):` in a module that imports ollama, `function generateText(…)`.
  if (toks[k]?.t === T.Id && DEFINES.has(toks[k].v)) return -1;
  return k + 1;
}

/** Words that make the name after them a definition (Python, Ruby, JavaScript, Rust, Kotlin, Go and Swift). */
const DEFINES = new Set(['def', 'function', 'fn', 'fun', 'func']);


/** Carries the message roles, system prompt and billed extras a followed value found over to the call. */
export function mergeCounts(f: Found, inner: Found): void {
  // A limit set from a run-time value in the request built elsewhere stays a limit (never "add one"); the caller
  // has already taken the inner limit when there is one.
  if (!f.limit) f.limitUnresolved ??= inner.limitUnresolved;
  if (inner.assistant) f.assistant = (f.assistant ?? 0) + inner.assistant;
  if (inner.system) f.system = (f.system ?? 0) + inner.system;
  for (const x of inner.extras ?? []) if (!(f.extras ??= []).includes(x)) f.extras.push(x);
  f.serviceTier ??= inner.serviceTier;
  if (inner.choices) f.choices = { ...inner.choices, ...f.choices };
  for (const u of inner.uses ?? []) (f.uses ??= new Set()).add(u);
}

/** What a read elsewhere brings to the call: model and limit unless the call has its own, its prompt and counts. */
export function mergeFound(f: Found, inner: Found): void {
  if (f.model === undefined && inner.model) [f.model, f.modelKeyIdx, f.modelEnd, f.modelExpr] = [inner.model, inner.modelKeyIdx, inner.modelEnd, inner.modelExpr];
  if (!f.limit && inner.limit) [f.limit, f.limitUnresolved, f.limitAt] = [inner.limit, inner.limitUnresolved, undefined];
  f.thinking ??= inner.thinking;
  pushParts(f.parts, inner.parts);
  f.messages += inner.messages;
  if (inner.runtime?.length) (f.runtime ??= []).push(...inner.runtime);
  mergeCounts(f, inner);
}

// Requests built away from the call that sends them: a variable (`params := openai.ChatCompletionNewParams{…}`, `kwargs =
// dict(…)`, `const p: OpenAI.Chat.ChatCompletionCreateParams = {…}`, a Java/Rust builder chain, a .NET options object),
// a builder finished in the call (`builder.build()`), or a same-file helper that returns one. What stays unknown until run
// time (`**params` after `params.update(…)`, `this.modifyBody(body)`) is named: the model unknown, the call not dropped.
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isOpen, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { exprEnd } from './scope';
import { pushParts } from './parts';
import type { Found } from './keys';
import { mergeCounts } from './links';
import { assignmentBefore } from './definitions';
import { MAX_CHANGE_SEARCH, changedBefore, helperCall, plainNonRequest, readOnlyUse, requestAt, requestIn, rubyObjectRequest, type Request } from './request-defs';
import { isAssertion, typeEnd } from './type-casts';
import { limitSetLater } from './limits-set-later';
import { keyedModel } from './keyed-model';
import { classOptions } from './class-options';
import { memberOptions } from './py-member-options';
import { isDump, modelDump } from './py-model-dumps';
import { callersSetNoLimit } from './ruby-merge-callers';
import { fnBody, paramMayReach, spreadSetsNoLimit } from './spread-limits';
import { requestFromCallers } from './ruby-caller-requests';
import { helperRequest, requestFromParam } from './jvm-param-requests';
import { phpPlaceholder, phpRequest } from './php-arrays';
import { rustRequestFromParam } from './rust-param-requests';
import { kwargsFromCallers } from './py-kwargs-requests';
import { entryOf, goMapEntry, namesOnly } from './go-map-requests';
import { goFieldRequest } from './go-field-requests';
import { classPropRequest } from './jvm-class-props';
import { importedRequest } from './imported-requests';
import { spreadOfCall } from './spread-calls';
/** Most request variables followed per call. */
const MAX_FOLLOWED = 8;
/** Longest label for a run-time part. */
const MAX_LABEL = 60;
/** Argument names that carry no request (Go's context, .NET's cancellation token). */
export const NOT_REQUEST_WORDS = ['ctx', 'context', 'cancellationToken', 'ct', 'cancellation_token', 'requestOptions'];
const NOT_REQUEST = new Set(NOT_REQUEST_WORDS);

/**
 * Follows the call's bare arguments to where the request is built. Fills `f` from the first definition that holds a
 * model; a definition without one, or an argument that is computed at run time, is listed in `f.runtime`.
 */
export function followArgs(c: Ctx, f: Found, from: number, to: number, callStart: number, modelArg?: number, wholeRequest = true): void {
  const { toks } = c;
  let k = from;
  let followed = 0;
  // A request followed but without a model (`params = {"messages": …}` then `params.update(options)`): its prompt
  // and limit still count when nothing else names the model.
  let partial: { req: Request; runtime: number } | undefined;
  const note = (req: Request | undefined) => {
    if (req && !partial && (req.found.parts.length || req.found.limit || req.found.limitUnresolved)) partial = { req, runtime: f.runtime?.length ?? 0 };
  };
  while (k < to && followed < MAX_FOLLOWED) {
    let a = k;
    let spread = false;
    while (a < to && toks[a].t === T.Punct && (toks[a].v === '**' || toks[a].v === '...' || toks[a].v === '&' || toks[a].v === '*')) {
      // `&req` takes an address and Go's `*req` reads one: the value itself, not a spread of it.
      if (toks[a].v !== '&' && (toks[a].v !== '*' || c.syn.id !== 'go')) spread = true;
      a++;
    }
    while (a < to && isId(toks[a]) && (toks[a].v === 'await' || toks[a].v === 'new')) a++;
    const e = valueEnd(c, a, to);
    // `name`, `name.build()`, `name.clone()`, `&name`: a variable holding the request or its builder.
    // `params as ChatCompletionCreateParams` (TypeScript): the variable, its type asserted.
    const bare = (e === a + 1 || (isAssertion(c, a + 1) && typeEnd(c, a + 2, e) === e)) && isId(toks[a]);
    const built = e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && (/^(build|clone|to_owned)$/.test(toks[a + 2]?.v) || (c.syn.id === 'csharp' && toks[a + 2]?.v === 'Build')) && isP(toks[a + 3], '(');
    // `context.Background()` is Go's context, no request.
    const helper = bare || built || (a < to && NOT_REQUEST.has(toks[a].v)) ? undefined : helperCall(c, a, e);
    // PHP `create(array_merge($defaults, [...]))`, `$params['model'] = …` before `create($params)` (php-arrays.ts).
    const php = c.syn.id === 'php' ? phpRequest(c, a, e, callStart) : undefined;
    if (php) {
      followed++;
      if (take(f, php)) return;
      note(php);
      (f.runtime ??= []).push(runtimePart(c, a, e));
    // Go has no `in` keyword: a parameter `in *Req` is a name (Entrecasteaux/command-line-chatbot httpRequest(ctx, url, in)).
    } else if ((bare || built) && !NOT_REQUEST.has(toks[a].v) && (!KEYWORDS.has(toks[a].v) || (c.syn.id === 'go' && toks[a].v === 'in'))) {
      followed++;
      const def = phpPlaceholder(c, toks[a].v, assignmentBefore(c, toks[a].v, callStart)); // a PHP `$payload = []` parameter: its callers'
      let req = requestAt(c, def, modelArg);
      // Kotlin `OtherClass(text).request`, Java `new Req(text).build()`: what that class builds (jvm-class-props.ts).
      if (def >= 0 && !req?.found.model) req = classPropRequest(c, def, modelArg) ?? req;
      // Java `send(ChatCompletionRequest request)`: what this file's callers of the method pass (jvm-param-requests.ts).
      // Python `create(**kwargs)` in `def _create(**kwargs)`: the keyword arguments its callers write (py-kwargs-requests.ts).
      if (def < 0 && bare) req = requestFromParam(c, a, modelArg) ?? rustRequestFromParam(c, a, modelArg) ?? kwargsFromCallers(c, a) ?? importedRequest(c, a, modelArg);
      // `params = self._prepare_message_params()`: the request the same-file helper builds.
      const maker = def >= 0 && !req?.found.model ? helperCall(c, def, exprEnd(c, def)) : undefined;
      if (maker !== undefined && maker >= 0) req = requestIn(c, maker, modelArg) ?? req;
      // Go `p := s.params(msgs)`: a method returning a copy of a request kept in a field (go-field-requests.ts).
      if (maker !== undefined && maker >= 0 && !req?.found.model) req = goFieldRequest(c, maker, callParens(c, exprEnd(c, def))) ?? req;
      else if (maker === -1) req = helperRequest(c, def, modelArg) ?? req;
      // Go `c, ok := b.ctxs[ch]`: the request the map holds (go-map-requests.ts).
      const held = def >= 0 && !req?.found.model ? goMapEntry(c, def, exprEnd(c, def), modelArg) : undefined;
      if (held && take(f, held.req)) return grown(c, f, held.grows, a, e);
      // `arguments["model"] = model` after `arguments = dict(…)`: the model (and other keys) set by subscript.
      if (req) req = keyedModel(c, toks[a].v, req, callStart) ?? req;
      // A limit set later only at run time: the request's own one is no longer what is sent (the read stays cached).
      if (req && limitSetLater(c, f, toks[a].v, req, callStart)) req = { ...req, found: { ...req.found, limit: undefined } };
      // `{"model": model, "messages": messages, **kwargs}`: what the spread brings may hold a limit (arc53/DocsGPT).
      if (req && !req.found.limit) spreadArgs(c, req.found, req.start, req.end);
      if (take(f, req)) return;
      if (plainNonRequest(c, req, toks[a].v, callStart)) {
        k = e + 1;
        continue;
      }
      note(req);
      (f.runtime ??= []).push({ start: toks[a].start, end: toks[e - 1].end, label: `${c.text.slice(toks[a].start, toks[e - 1].end)} (built at run time)` });
    } else if ((helper !== undefined && !(spread && isDump(c, a, e))) || (c.syn.id === 'ruby' && !spread && !isOpen(toks[a]))) {
      followed++; // Ruby `Prompt.new(x).to_params`, `prompt.to_params` of a local so made: the object's method's hash, first
      let req = (c.syn.id === 'ruby' ? rubyObjectRequest(c, a, e) : undefined) ?? (helper === undefined ? undefined : helper >= 0 ? requestIn(c, helper, modelArg) : helperRequest(c, a, modelArg));
      if (helper !== undefined && helper >= 0 && !req?.found.model) req = goFieldRequest(c, helper, callParens(c, e)) ?? req;
      if (take(f, req)) return;
      note(req);
      (f.runtime ??= []).push(runtimePart(c, a, e));
    } else if ((c.syn.id === 'kotlin' || c.syn.id === 'java') && !f.runtime?.length && isId(toks[a]) && isId(toks[e - 1]) && isP(toks[e - 2], '.')) {
      // Kotlin `chatCompletion(Req(q).request)`, `chatCompletion(holder.request)`: what that class builds
      // (jvm-class-props.ts), else a request built at run time; never a call dropped.
      followed++;
      if (take(f, classPropRequest(c, a, modelArg))) return;
      (f.runtime ??= []).push(runtimePart(c, a, e));
    } else if (c.syn.id === 'go' && !f.runtime?.length && isId(toks[a]) && ((isP(toks[a + 1], '.') && namesOnly(c, a, e)) || entryOf(c, a, e))) {
      // Go `c.Chat(ctx, &s.request, s.fn)`: a request held in a field, set at run time (the first such argument); or
      // an entry of a map of requests (`b.ctxs[channel]`, `reqs[id]`), unless the file builds every one it holds.
      const held = goMapEntry(c, a, e, modelArg);
      if (held && take(f, held.req)) return grown(c, f, held.grows, a, e);
      (f.runtime ??= []).push(runtimePart(c, a, e));
    } else if (spread && a < e) {
      // `create(**self.default_options, messages=…)`: the class's dict of defaults.
      // `create(**self.openai_kwargs)`: the dict the constructor sets (py-member-options.ts).
      const own = e === a + 3 ? classOptions(c, a, []) ?? memberOptions(c, a) : isDump(c, a, e) ? modelDump(c, f, a) : undefined; // `**req.model_dump()`: py-model-dumps.ts
      const req = own && { found: own, start: a, end: e - 1 };
      if (take(f, req)) return;
      note(req);
      (f.runtime ??= []).push(runtimePart(c, a, e));
    } else if (isP(toks[a], '{') && c.match[a] === e - 1) {
      // `{ ...request, stream: true }`: the request spread into an object literal.
      for (let j = a + 1; j < e - 1; j++) {
        if (isOpen(toks[j]) && c.match[j] > j) j = c.match[j];
        else if (isP(toks[j], '...') && isId(toks[j + 1]) && (isP(toks[j + 2], ',') || j + 2 === e - 1)) {
          followed++;
          const req = requestAt(c, assignmentBefore(c, toks[j + 1].v, callStart), modelArg);
          if (take(f, req)) return;
          note(req);
          (f.runtime ??= []).push(runtimePart(c, j + 1, j + 2));
        }
      }
    }
    k = e + 1;
  }
  // A request built at run time where nothing readable was found (`create(**params)` with `params` from a helper, a
  // request passed in by the caller): it may hold a limit, so the limit is run time, never "add a limit". (Not where
  // the arguments are messages and the limit comes in an options object: .NET `CompleteChat(messages, options)`.)
  if (wholeRequest && !partial && f.runtime?.length && !f.limit) f.limitUnresolved ??= f.runtime[0].label;
  if (partial) {
    const { req, runtime } = partial;
    f.limit ??= req.found.limit;
    pushParts(f.parts, req.found.parts);
    f.messages += req.found.messages;
    mergeCounts(f, req.found);
    f.request = { start: req.start, end: req.end };
    // What is added to it at run time (`params.update(…)`, `messages.Add(…)`) stays named.
    const r = f.runtime?.[runtime];
    if (r && changedBefore(c, c.text.slice(r.start, r.end).replace(/\.\w+\(\)$/, ''), req.end, callStart)) {
      pushParts(f.parts, [{ text: '', span: { start: r.start, end: r.end }, resolved: false, label: r.label }]);
      if (wholeRequest && !f.limit) f.limitUnresolved ??= r.label;
    }
  }
}

/** A request kept in a map whose messages are appended at run time (go-map-requests.ts): named so. */
function grown(c: Ctx, f: Found, grows: boolean, a: number, e: number): void {
  if (grows) pushParts(f.parts, [{ text: '', span: { start: c.toks[a].start, end: c.toks[e - 1].end }, resolved: false, label: `${c.text.slice(c.toks[a].start, c.toks[e - 1].end)} (messages added at run time)` }]);
}

/** The brackets of the call that ends before token `e`. */
const callParens = (c: Ctx, e: number): [number, number] | undefined => (isP(c.toks[e - 1], ')') && c.match[e - 1] >= 0 ? [c.match[e - 1], e - 1] : undefined);

function runtimePart(c: Ctx, a: number, e: number): { start: number; end: number; label: string } {
  const { toks } = c;
  let text = c.text.slice(toks[a].start, toks[e - 1].end).replace(/\s+/g, ' ');
  if (text.length > MAX_LABEL) text = text.slice(0, MAX_LABEL - 1) + '…';
  return { start: toks[a].start, end: toks[e - 1].end, label: `${text} (built at run time)` };
}

/** Copies a followed request into the call; true when it named the model. */
function take(f: Found, req: Request | undefined): boolean {
  if (!req?.found.model) return false;
  const inner = req.found;
  f.model = inner.model;
  f.modelKeyIdx = inner.modelKeyIdx;
  f.modelEnd = inner.modelEnd;
  f.limit ??= inner.limit;
  f.thinking ??= inner.thinking;
  pushParts(f.parts, inner.parts);
  f.messages += inner.messages;
  mergeCounts(f, inner);
  f.request = { start: req.start, end: req.end };
  return true;
}

/** Top-level tokens of a call searched for spreads. */
const MAX_SPREAD_SEARCH = 2000;

/**
 * The model is written in the call, and the rest is merged in at run time: `create(model="x", **params)`, Ruby
 * `parameters: { model: "x" }.merge(params)`, `{ model: "x", ...opts }`. What they hold is named, and with no limit
 * written in the call the limit is run time (it may be in them): never "add a limit".
 */
export function spreadArgs(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  for (let k = from; k < to && k < from + MAX_SPREAD_SEARCH; k++) {
    const tk = toks[k];
    // A spread inside an array (`messages: [system, ...history, ]`) adds elements, never request options; nor one in a function's body (spread-limits.ts fnBody).
    if ((isP(tk, '[') || fnBody(toks, k)) && c.match[k] > k) {
      k = c.match[k];
      continue;
    }
    let name = -1;
    if (tk.t === T.Punct && (tk.v === '**' || tk.v === '...') && isId(toks[k + 1]) && (isP(toks[k + 2], ',') || isP(toks[k + 2], ')') || isP(toks[k + 2], '}') || k + 2 >= to)) name = k + 1;
    else if (tk.v === '**' && isP(toks[k + 2], '.') && (isP(toks[k + 4], ',') || isP(toks[k + 4], ')') || isP(toks[k + 4], '}') || k + 4 >= to)) {
      // `{**self.default_options, **options}`: the class's defaults, with what is merged after them named.
      const own = classOptions(c, k + 1, laterSpreads(c, k + 4, to));
      if (own) {
        f.model ??= own.model;
        merge(f, own, `${toks[k + 1].v}.${toks[k + 3].v}`);
      }
      continue;
    }
    else if (isP(tk, '}') && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'merge' && isP(toks[k + 3], '(') && isId(toks[k + 4]) && isP(toks[k + 5], ')')) name = k + 4;
    if (name < 0 || KEYWORDS.has(toks[name].v)) { if (name < 0) spreadOfCall(c, f, k, from, to); continue; }
    // `**OPTIONS` with `OPTIONS = {"max_tokens": 1000, …}` written in this file and never changed: what it holds is
    // known (father-bot/chatgpt_telegram_bot's OPENAI_COMPLETION_OPTIONS).
    const known = literalOptions(c, toks[name].v, k);
    if (known) {
      merge(f, known, toks[name].v);
      continue;
    }
    const label = `${toks[name].v} (merged at run time)`;
    // Ruby `{ model: m }.merge(params)` whose callers are all in view and pass no limit: none (ruby-merge-callers.ts).
    // A dict that no path fills with a limit key (spread-limits.ts): no limit, its other keys named below.
    if (!f.limit && !(toks[k + 2]?.v === 'merge' && callersSetNoLimit(c, name)) && !spreadSetsNoLimit(c, toks[name].v, k)) f.limitUnresolved ??= label;
    // What those callers pass is the request's (ruby-caller-requests.ts): read there instead of named.
    if (toks[k + 2]?.v === 'merge' && requestFromCallers(c, f, name)) continue;
    if (!f.parts.some((p) => p.label === label)) pushParts(f.parts, [{ text: '', span: { start: toks[name].start, end: toks[name].end }, resolved: false, label }]);
  }
}

/** What a dict of options known in this file brings to the request (its limit unless the request sets one). */
function merge(f: Found, known: Found, name: string): void {
  if (!f.limit && known.limit) f.limit = { ...known.limit, source: known.limit.source ?? { offset: known.limit.span.start, what: `limit in ${name}` } };
  f.thinking ??= known.thinking;
  pushParts(f.parts, known.parts);
  f.messages += known.messages;
  mergeCounts(f, known);
}

/** Names spread after token `from` up to `to` (`**options`, `**self.extra`): merged later, so they may replace a key. */
function laterSpreads(c: Ctx, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to && out.length < 4; k++) {
    if (c.toks[k].t !== T.Punct || c.toks[k].v !== '**' || !isId(c.toks[k + 1])) continue;
    out.push(isP(c.toks[k + 2], '.') && isId(c.toks[k + 3]) ? `${c.toks[k + 1].v}.${c.toks[k + 3].v}` : c.toks[k + 1].v);
  }
  return out;
}

/**
 * The keys of a dict or object literal that `name` holds where it is spread (token `at`): only a literal with no
 * spread of its own and no use below it but spreads (none that could change it); else undefined (run time).
 */
function literalOptions(c: Ctx, name: string, at: number): Found | undefined {
  const { toks, match } = c;
  const def = assignmentBefore(c, name, at);
  if (def < 0 || paramMayReach(c, name, def, at)) return undefined;
  const open = isP(toks[def], '{') ? def : toks[def].v === 'dict' && isP(toks[def + 1], '(') ? def + 1 : -1;
  if (open < 0 || !(match[open] > open)) return undefined;
  for (let j = open + 1; j < match[open]; j++) {
    if (isOpen(toks[j]) && match[j] > j) j = match[j];
    else if (toks[j].t === T.Punct && (toks[j].v === '**' || toks[j].v === '...')) return undefined;
  }
  const req = requestAt(c, def);
  if (!req || req.end !== match[open] || req.found.model || req.found.limitUnresolved) return undefined;
  if (usedBesidesSpreads(c, name, req.end)) return undefined;
  return req.found;
}

/**
 * Whether `name` is used after token `from` other than spread (`**name`, `...name`) or read (`copy.deepcopy(name)`,
 * `name["k"]`): `name["k"] = v`, `name.update(…)`, `Object.assign(name, …)`, `tweak(name)` may each change what a
 * later spread brings.
 */
function usedBesidesSpreads(c: Ctx, name: string, from: number): boolean {
  const { toks } = c;
  for (let k = from + 1; k < toks.length && k < from + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if (!(toks[k - 1].t === T.Punct && (toks[k - 1].v === '**' || toks[k - 1].v === '...')) && !readOnlyUse(c, k)) return true;
  }
  return false;
}

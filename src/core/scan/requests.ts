// Requests built away from the call that sends them: a variable (`params := openai.ChatCompletionNewParams{…}`,
// `kwargs = dict(…)`, `const p: OpenAI.Chat.ChatCompletionCreateParams = {…}`, a Java/Rust builder chain, a .NET
// options object), a builder finished in the call (`builder.build()`), or a same-file helper that returns one.
// What stays unknown until run time (`**params` after `params.update(…)`, `this.modifyBody(body)`) is named, so the
// call is reported with its model unknown instead of being dropped.
import { T, type Token } from '../lex/lexer';
import { KEYWORDS, isId, isOpen, isP } from '../lex/brackets';
import { readModel, readNumber, valueEnd, type Ctx } from './values';
import { exprEnd } from './scope';
import { LIMIT_KEYS, normKey } from './call-shapes';
import { label } from './value';
import { pushParts } from './parts';
import { argIndex, walkKeys, type Found } from './keys';
import { mergeCounts } from './links';
import { assignmentBefore, functionDef, functionEnd } from './definitions';

/** Most request variables followed per call. */
const MAX_FOLLOWED = 8;
/** Tokens of a type prefix before a request's first bracket: `pkg.Type{`, `dict(`, `new T(`, `T.builder()`. */
const MAX_PREFIX = 8;
/** Longest label for a run-time part. */
const MAX_LABEL = 60;
/** Argument names that carry no request (Go's context, .NET's cancellation token). */
const NOT_REQUEST = /^(ctx|context|cancellationToken|ct|cancellation_token|requestOptions)$/;

/** A request definition read once per scan and reused by every call that sends it. */
export interface Request {
  found: Found;
  /** Token range [start, end] of the definition. */
  start: number;
  end: number;
}

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
      a++;
      spread = true;
    }
    while (a < to && isId(toks[a]) && (toks[a].v === 'await' || toks[a].v === 'new')) a++;
    const e = valueEnd(c, a, to);
    // `name`, `name.build()`, `name.clone()`, `&name`: a variable holding the request or its builder.
    const bare = e === a + 1 && isId(toks[a]);
    const built = e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && /^(build|clone|to_owned)$/.test(toks[a + 2]?.v) && isP(toks[a + 3], '(');
    const helper = bare || built ? undefined : helperCall(c, a, e);
    if ((bare || built) && !NOT_REQUEST.test(toks[a].v) && !KEYWORDS.has(toks[a].v)) {
      followed++;
      const req = requestAt(c, assignmentBefore(c, toks[a].v, callStart), modelArg);
      if (req) limitSetLater(c, f, toks[a].v, req.end, callStart);
      if (take(f, req)) return;
      note(req);
      f.runtime ??= [];
      f.runtime.push({ start: toks[a].start, end: toks[e - 1].end, label: `${c.text.slice(toks[a].start, toks[e - 1].end)} (built at run time)` });
    } else if (helper !== undefined) {
      followed++;
      const req = helper >= 0 ? requestIn(c, helper, modelArg) : undefined;
      if (take(f, req)) return;
      note(req);
      f.runtime ??= [];
      f.runtime.push(runtimePart(c, a, e));
    } else if (spread && a < e) {
      f.runtime ??= [];
      f.runtime.push(runtimePart(c, a, e));
    } else if (isP(toks[a], '{') && c.match[a] === e - 1) {
      // `{ ...request, stream: true }`: the request spread into an object literal.
      for (let j = a + 1; j < e - 1; j++) {
        if (isOpen(toks[j]) && c.match[j] > j) j = c.match[j];
        else if (isP(toks[j], '...') && isId(toks[j + 1]) && (isP(toks[j + 2], ',') || j + 2 === e - 1)) {
          followed++;
          const req = requestAt(c, assignmentBefore(c, toks[j + 1].v, callStart), modelArg);
          if (take(f, req)) return;
          note(req);
          f.runtime ??= [];
          f.runtime.push(runtimePart(c, j + 1, j + 2));
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

/**
 * `params["max_tokens"] = n` / `params.max_tokens = n` between a request's definition and its call (mem0ai/mem0
 * llms/litellm.py sets the limit so, in one branch or another): the limit as written there.
 */
function limitSetLater(c: Ctx, f: Found, name: string, from: number, to: number): void {
  const { toks } = c;
  if (f.limit) return;
  for (let k = from + 1; k + 3 < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    let key = -1;
    let eq = -1;
    if (isP(toks[k + 1], '[') && toks[k + 2]?.t === T.Str && isP(toks[k + 3], ']')) [key, eq] = [k + 2, k + 4];
    else if (isP(toks[k + 1], '.') && isId(toks[k + 2])) [key, eq] = [k + 2, k + 3];
    if (key < 0 || !isP(toks[eq], '=') || !LIMIT_KEYS.has(normKey(toks[key].v))) continue;
    const end = Math.min(exprEnd(c, eq + 1), to);
    if (end <= eq + 1) continue;
    const n = readNumber(c, eq + 1, end);
    if (n && !n.others?.length) {
      f.limit = { ...n, key: toks[key].v };
      f.limitUnresolved = undefined;
      return;
    }
    f.limitUnresolved ??= label(c, eq + 1, end);
  }
}

/** Tokens between a request's definition and its call searched for a change to it. */
const MAX_CHANGE_SEARCH = 5000;

/** Whether `name.method(` or `name[…]` occurs after the definition and before the call: it is changed at run time. */
function changedBefore(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks } = c;
  for (let k = from + 1; k < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (isId(toks[k]) && toks[k].v === name && !isP(toks[k - 1], '.') && (isP(toks[k + 1], '.') || isP(toks[k + 1], '['))) return true;
  }
  return false;
}

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

/**
 * `helper(…)`, `this.helper(…)`, `self.helper(…)` where `helper` is defined in this file: the token index where the
 * function's name is defined (≥ 0), -1 for any other call (known only at run time), undefined when not a call.
 */
function helperCall(c: Ctx, a: number, e: number): number | undefined {
  const { toks, match } = c;
  let n = a;
  if (isId(toks[n]) && (toks[n].v === 'this' || toks[n].v === 'self') && isP(toks[n + 1], '.')) n += 2;
  let last = n;
  while (isId(toks[last]) && isP(toks[last + 1], '.') && isId(toks[last + 2])) last += 2;
  if (!isId(toks[last]) || !isP(toks[last + 1], '(') || match[last + 1] !== e - 1) return undefined;
  return last === n ? functionDef(c, toks[last].v) : -1;
}


/** The request a same-file helper builds: every key in its body (braces, or a Python def's indented block). */
function requestIn(c: Ctx, nameIdx: number, modelArg?: number): Request | undefined {
  const { toks, match } = c;
  c.requests ??= new Map();
  const memo = c.requests.get(-nameIdx - 1);
  if (memo !== undefined || c.requests.has(-nameIdx - 1)) return memo;
  const params = nameIdx + 1;
  const end = functionEnd(c, nameIdx);
  let req: Request | undefined;
  if (end > params) {
    const found: Found = { parts: [], messages: 0 };
    walkKeys(c, found, params, end);
    if (!found.model && modelArg !== undefined) found.model = positionalModel(c, params, end, modelArg);
    req = { found, start: nameIdx - 1, end };
  }
  c.requests.set(-nameIdx - 1, req);
  return req;
}

/** The request defined at token `def` (the first token of an assignment's value), read once per scan. */
export function requestAt(c: Ctx, def: number, modelArg?: number): Request | undefined {
  if (def < 0) return undefined;
  c.requests ??= new Map();
  if (c.requests.has(def)) return c.requests.get(def);
  const { toks, match } = c;
  let req: Request | undefined;
  // The value's first bracket within a short type prefix: `pkg.Type{`, `dict(`, `{`, `new T(`, `T.builder(`.
  for (let j = def, n = 0; j < toks.length && n < MAX_PREFIX; j++, n++) {
    if (isOpen(toks[j]) && match[j] > j) {
      const end = chainEnd(c, match[j]);
      const found: Found = { parts: [], messages: 0 };
      walkKeys(c, found, j + 1, end);
      // .NET `new("gpt-5", items)` / `new CreateResponseOptions("gpt-5", items)`: the model is positional.
      if (!found.model && modelArg !== undefined && toks.slice(def, j).some((t) => t.v === 'new')) {
        found.model = positionalModel(c, j + 1, match[j], modelArg);
        if (found.model) found.modelKeyIdx = undefined;
      }
      req = { found, start: def, end };
      break;
    }
    if (!(isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::'))) break;
  }
  c.requests.set(def, req);
  return req;
}

function positionalModel(c: Ctx, from: number, to: number, n: number): Found['model'] {
  const m = readModel(c, argIndex(c, from, to, n), to);
  return m && 'ref' in m ? m : undefined;
}

/** A value's end along a builder chain (`.m(…)` calls) and a C# object initializer (`new(…) { X = 1 }`). */
function chainEnd(c: Ctx, close: number): number {
  const { toks, match } = c;
  let k = close;
  for (let steps = 0; steps < 500; steps++) {
    let j = k + 1;
    while (isP(toks[j], '?') || isP(toks[j], '!')) j++;
    if (isP(toks[j], '.') && isId(toks[j + 1]) && isP(toks[j + 2], '(') && match[j + 2] > j) k = match[j + 2];
    else if (isP(toks[j], '{') && match[j] > j && c.syn.id === 'csharp') k = match[j];
    else return k;
  }
  return k;
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
    let name = -1;
    if (tk.t === T.Punct && (tk.v === '**' || tk.v === '...') && isId(toks[k + 1]) && (isP(toks[k + 2], ',') || isP(toks[k + 2], ')') || isP(toks[k + 2], '}') || k + 2 >= to)) name = k + 1;
    else if (isP(tk, '}') && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'merge' && isP(toks[k + 3], '(') && isId(toks[k + 4]) && isP(toks[k + 5], ')')) name = k + 4;
    if (name < 0 || KEYWORDS.has(toks[name].v)) continue;
    const label = `${toks[name].v} (merged at run time)`;
    if (!f.limit) f.limitUnresolved ??= label;
    if (!f.parts.some((p) => p.label === label)) pushParts(f.parts, [{ text: '', span: { start: toks[name].start, end: toks[name].end }, resolved: false, label }]);
  }
}

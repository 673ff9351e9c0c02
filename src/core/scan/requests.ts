// Requests built away from the call that sends them: a variable (`params := openai.ChatCompletionNewParams{…}`,
// `kwargs = dict(…)`, `const p: OpenAI.Chat.ChatCompletionCreateParams = {…}`, a Java/Rust builder chain, a .NET
// options object), a builder finished in the call (`builder.build()`), or a same-file helper that returns one.
// What stays unknown until run time (`**params` after `params.update(…)`, `this.modifyBody(body)`) is named, so the
// call is reported with its model unknown instead of being dropped.
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isOpen, isP } from '../lex/brackets';
import { readNumber, valueEnd, type Ctx } from './values';
import { exprEnd } from './scope';
import { firstOnLine, indentAt } from './body-ends';
import { lineStartOf } from './run-index';
import type { LimitRef } from '../types';
import { LIMIT_KEYS, normKey } from './call-keys';
import { label } from './value';
import { pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { LIMIT_CONTAINERS, containerValue, nestedLimit } from './nested-limit';
import { mergeCounts } from './links';
import { assignmentBefore } from './definitions';
import { MAX_CHANGE_SEARCH, changedBefore, helperCall, requestAt, requestIn, type Request } from './request-defs';
import { isAssertion, typeEnd } from './type-casts';

/** Most request variables followed per call. */
const MAX_FOLLOWED = 8;
/** Longest label for a run-time part. */
const MAX_LABEL = 60;
/** Argument names that carry no request (Go's context, .NET's cancellation token). */
const NOT_REQUEST = /^(ctx|context|cancellationToken|ct|cancellation_token|requestOptions)$/;

/** Whether toks[a, e) is a chain of names `a.b.c`. */
function namesOnly(c: Ctx, a: number, e: number): boolean {
  for (let k = a; k < e; k++) if (!((k - a) % 2 === 0 ? isId(c.toks[k]) : isP(c.toks[k], '.'))) return false;
  return (e - a) % 2 === 1;
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
      // `&req` takes an address and Go's `*req` reads one: the value itself, not a spread of it.
      if (toks[a].v !== '&' && (toks[a].v !== '*' || c.syn.id !== 'go')) spread = true;
      a++;
    }
    while (a < to && isId(toks[a]) && (toks[a].v === 'await' || toks[a].v === 'new')) a++;
    const e = valueEnd(c, a, to);
    // `name`, `name.build()`, `name.clone()`, `&name`: a variable holding the request or its builder.
    // `params as ChatCompletionCreateParams` (TypeScript): the variable, its type asserted.
    const bare = (e === a + 1 || (isAssertion(c, a + 1) && typeEnd(c, a + 2, e) === e)) && isId(toks[a]);
    const built = e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && /^(build|clone|to_owned)$/.test(toks[a + 2]?.v) && isP(toks[a + 3], '(');
    // `context.Background()` is Go's context, no request.
    const helper = bare || built || (a < to && NOT_REQUEST.test(toks[a].v)) ? undefined : helperCall(c, a, e);
    if ((bare || built) && !NOT_REQUEST.test(toks[a].v) && !KEYWORDS.has(toks[a].v)) {
      followed++;
      const def = assignmentBefore(c, toks[a].v, callStart);
      let req = requestAt(c, def, modelArg);
      // `params = self._prepare_message_params()`: the request the same-file helper builds.
      const maker = def >= 0 && !req?.found.model ? helperCall(c, def, exprEnd(c, def)) : undefined;
      if (maker !== undefined && maker >= 0) req = requestIn(c, maker, modelArg) ?? req;
      // A limit set later only at run time: the request's own one is no longer what is sent (the read stays cached).
      if (req && limitSetLater(c, f, toks[a].v, req, callStart)) req = { ...req, found: { ...req.found, limit: undefined } };
      // `{"model": model, "messages": messages, **kwargs}`: what the spread brings may hold a limit (arc53/DocsGPT).
      if (req && !req.found.limit) spreadArgs(c, req.found, req.start, req.end);
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
    } else if (c.syn.id === 'go' && !f.runtime?.length && isId(toks[a]) && isP(toks[a + 1], '.') && namesOnly(c, a, e)) {
      // Go `c.Chat(ctx, &s.request, s.fn)`: a request held in a field, set at run time (the first such argument).
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
 * `params["max_tokens"] = n` / `params.max_tokens = n` / `params.update(max_tokens=n)` between a request's definition
 * and its call (mem0ai/mem0 llms/litellm.py sets the limit so, in one branch or another). A line at the definition's
 * indentation replaces what the request held; one indented deeper (a branch) is another value the limit can take:
 * every value is kept, the largest is the worst case, and one known only at run time makes the limit run time.
 * A limit written in the call itself wins and nothing is read.
 */
function limitSetLater(c: Ctx, f: Found, name: string, req: Request, to: number): boolean {
  const { toks, match, text } = c;
  if (f.limit || f.limitUnresolved) return false;
  const from = req.end;
  // Every line between the request and the call may set its limit: the keystroke path keeps them live.
  if (to > from + 1) c.read?.push({ start: toks[from].start, end: toks[Math.min(to, from + MAX_CHANGE_SEARCH) - 1].end });
  const base = indentAt(text, lineStartOf(c, toks[req.start].start));
  let values: LimitRef[] = req.found.limit ? [req.found.limit] : [];
  let runtime = req.found.limit ? undefined : req.found.limitUnresolved;
  let changed = false;
  // Set only in branches, with no value before them and no `else` at the definition's level: on some path no limit.
  let onEveryPath = values.length > 0 || runtime !== undefined;
  let branchKey = '';
  let branchRuntime: string | undefined;
  let firstBranch = -1;
  const set = (k: number, v: LimitRef | undefined, unresolved: string | undefined) => {
    changed = true;
    // Starting its own line at the request's indentation: on every path. After `if fast:` / `if (fast)` on the same
    // line, or indented deeper: in a branch.
    if (firstOnLine(text, toks[k].start) && indentAt(text, lineStartOf(c, toks[k].start)) <= base) {
      [values, runtime, branchRuntime] = [v ? [v] : [], v ? undefined : unresolved, undefined];
      onEveryPath = true;
    } else {
      if (firstBranch < 0) firstBranch = k;
      if (v) {
        values.push(v);
        branchKey ||= v.key;
      } else branchRuntime ??= unresolved;
    }
  };
  for (let k = from + 1; k + 3 < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    // `params.update(max_tokens=500)` / `params.update({"max_tokens": 500})`: the keys it adds.
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'update' && isP(toks[k + 3], '(') && match[k + 3] > k + 3) {
      const added: Found = { parts: [], messages: 0 };
      walkKeys(c, added, k + 4, match[k + 3]);
      if (c.limitNested && !added.limit && !added.limitUnresolved) nestedLimit(c, added, k + 4, match[k + 3], to);
      if (added.limit && !added.limit.others?.length) set(k, added.limit, undefined);
      else if (added.limit || added.limitUnresolved) set(k, undefined, added.limitUnresolved ?? 'update');
      continue;
    }
    let key = -1;
    let eq = -1;
    if (isP(toks[k + 1], '[') && toks[k + 2]?.t === T.Str && isP(toks[k + 3], ']')) [key, eq] = [k + 2, k + 4];
    else if (isP(toks[k + 1], '.') && isId(toks[k + 2])) [key, eq] = [k + 2, k + 3];
    if (key < 0 || !isP(toks[eq], '=')) continue;
    const end = Math.min(exprEnd(c, eq + 1), to);
    if (end <= eq + 1) continue;
    const k2 = normKey(toks[key].v);
    // `params["options"] = options` on an SDK whose limit lives in that object (Ollama, Bedrock, Gemini).
    if (c.limitNested && LIMIT_CONTAINERS.has(k2)) {
      const inner: Found = { parts: [], messages: 0 };
      containerValue(c, inner, eq + 1, end, to);
      if (inner.limit || inner.limitUnresolved) set(k, inner.limit?.others?.length ? undefined : inner.limit, inner.limitUnresolved);
      continue;
    }
    if (!LIMIT_KEYS.has(k2)) continue;
    // `params["max_tokens"] = None`: no limit set on this line.
    if (end === eq + 2 && NO_VALUE.test(toks[eq + 1].v)) continue;
    const n = readNumber(c, eq + 1, end);
    set(k, n && !n.others?.length ? { ...n, key: toks[key].v } : undefined, label(c, eq + 1, end));
  }
  if (!changed) return false;
  const everyPath = onEveryPath || (firstBranch >= 0 && elseAtLevel(c, firstBranch, to, base));
  if (!everyPath && !runtime && values.length) runtime = branchRuntime ?? `${branchKey} (set in some branches only)`;
  // `if request.MaxTokens != nil { body.MaxTokens = *request.MaxTokens } else { body.MaxTokens = 4096 }` (mods): a
  // value given at run time in one branch, a known one on every other path — a default, priced like a parameter's.
  const defaultOf = !runtime && branchRuntime && values.length ? branchRuntime : undefined;
  if (!defaultOf) runtime ??= branchRuntime;
  if (runtime) {
    f.limitUnresolved = runtime;
    return true;
  }
  const distinct = [...new Map(values.map((v) => [v.value, v])).values()].sort((x, y) => y.value - x.value);
  if (!distinct.length) return false;
  const [hi, ...lo] = distinct;
  f.limit = lo.length ? { ...hi, others: lo.map((v) => v.value) } : hi;
  if (defaultOf) f.limit = { ...f.limit, source: { ...(hi.source ?? { offset: hi.span.start }), what: `default when not ${defaultOf}` } };
  if (lo.length) f.limitUnresolved = [...new Set(distinct.map((v) => v.key))].join(' / ');
  return false;
}

/**
 * The if whose branch sets the limit at token `at` has an `else` arm (or a switch a `default:`) before the call:
 * from the line that opens that if at the request's indentation `indent`, its chain (`elif`, `else if`, `} else {`)
 * is followed; any other statement back at that indentation ends it.
 */
function elseAtLevel(c: Ctx, at: number, to: number, indent: number): boolean {
  const { toks, text } = c;
  const lineAt = (k: number) => firstOnLine(text, toks[k].start) && indentAt(text, lineStartOf(c, toks[k].start)) <= indent;
  let head = -1;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_CHANGE_SEARCH; k--, n++) {
    // Go writes `case …:` / `default:` at the switch's own indentation: the switch is further up.
    if (lineAt(k) && !(isId(toks[k]) && (toks[k].v === 'case' || toks[k].v === 'default'))) {
      head = k;
      break;
    }
  }
  if (head < 0 || !isId(toks[head]) || (toks[head].v !== 'if' && toks[head].v !== 'switch' && toks[head].v !== 'match')) return false;
  for (let k = head + 1, n = 0; k < to && n < MAX_CHANGE_SEARCH; k++, n++) {
    const v = toks[k].v;
    if ((v === 'default' && isP(toks[k + 1], ':')) || (v === 'case' && toks[k + 1]?.v === '_')) return true;
    if (!lineAt(k)) continue;
    if (v === 'else') return true;
    if (v === 'elif' || v === 'elsif' || v === 'case') continue;
    if (isP(toks[k], '}') && toks[k + 1]?.v === 'else') return true;
    if (isP(toks[k], '}')) continue;
    return false;
  }
  return false;
}

/** A value that sets nothing. */
const NO_VALUE = /^(None|null|nil|undefined)$/;

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
    let name = -1;
    if (tk.t === T.Punct && (tk.v === '**' || tk.v === '...') && isId(toks[k + 1]) && (isP(toks[k + 2], ',') || isP(toks[k + 2], ')') || isP(toks[k + 2], '}') || k + 2 >= to)) name = k + 1;
    else if (isP(tk, '}') && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'merge' && isP(toks[k + 3], '(') && isId(toks[k + 4]) && isP(toks[k + 5], ')')) name = k + 4;
    if (name < 0 || KEYWORDS.has(toks[name].v)) continue;
    const label = `${toks[name].v} (merged at run time)`;
    if (!f.limit) f.limitUnresolved ??= label;
    if (!f.parts.some((p) => p.label === label)) pushParts(f.parts, [{ text: '', span: { start: toks[name].start, end: toks[name].end }, resolved: false, label }]);
  }
}

// Where a request built away from its call is defined: a variable's value (`params = dict(…)`, a builder chain, a
// .NET object initializer) or a same-file helper's body, read once per scan (requests.ts follows them to the call;
// nested-limit.ts reads a config object so).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { argIndex, readModel, type Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { BILLED_EXTRA_KEYS, CALL_MODEL_KEYS, LIMIT_KEYS, MESSAGE_WRAPPERS, PROMPT_KEYS, SYSTEM_KEYS, normKey } from './call-keys';

/** Keys a model request is read by. */
const REQUEST_KEYS = [CALL_MODEL_KEYS, LIMIT_KEYS, MESSAGE_WRAPPERS, PROMPT_KEYS, SYSTEM_KEYS, BILLED_EXTRA_KEYS];
import { assignmentBefore, functionDef, functionEnd } from './definitions';
import { exprEnd, tables, type Fn } from './scope';
import { builderStatements } from './builder-statements';
import { goOwnMethod } from './go-methods';
import { beanRequest } from './jvm-bean-request';
import { rustIfRequest } from './rust-if-requests';
import { dtoDefaults } from './dotnet-dto-defaults';
import { constructionAt, readConstruction } from './jvm-ctor-body';
import { args } from './calls';
import { returnedSettingsLimit } from './returned-settings';
export { rubyObjectRequest } from './ruby-object-requests';

/** Tokens of a type prefix before a request's first bracket: `pkg.Type{`, `dict(`, `new T(`, `T.builder()`. */
const MAX_PREFIX = 8;

/** A request definition read once per scan and reused by every call that sends it. */
export interface Request {
  found: Found;
  /** Token range [start, end] of the definition. */
  start: number;
  end: number;
}

/** Tokens between a request's definition and its call searched for a change to it. */
export const MAX_CHANGE_SEARCH = 5000;

/** Whether `name.method(` or `name[…]` occurs after the definition and before the call: it is changed at run time. */
export function changedBefore(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks } = c;
  for (let k = from + 1; k < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (isId(toks[k]) && toks[k].v === name && !isP(toks[k - 1], '.') && (isP(toks[k + 1], '.') || isP(toks[k + 1], '['))) return true;
  }
  return false;
}

/** Calls that copy their one argument, never change it: `copy.deepcopy(x)`, `dict(x)`, `structuredClone(x)`. */
const COPIES = new Set(['deepcopy', 'copy', 'dict', 'structuredClone']);
/** Methods that read a dict: `x.copy()`, `x.get("k")`, `x.items()`. */
const READS = new Set(['copy', 'get', 'items', 'keys', 'values']);

/**
 * The name at token `k` is read, not changed: copied (`args = copy.deepcopy(DEFAULTS)`, the anthropic cookbook's
 * speculative_prompt_caching notebook), read by key (`DEFAULTS["model"]` with no `=` after) or by a reading method.
 */
export function readOnlyUse(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  const prev = toks[k - 1], next = toks[k + 1];
  if (isP(prev, '(') && isP(next, ')') && isId(toks[k - 2]) && COPIES.has(toks[k - 2].v)) return true;
  if (isP(next, '.') && isId(toks[k + 2]) && READS.has(toks[k + 2].v) && isP(toks[k + 3], '(')) return true;
  if (!isP(next, '[') || !(match[k + 1] > k + 1) || prev?.v === 'del') return false;
  const after = toks[match[k + 1] + 1];
  // `x["messages"].append(m)` changes what x holds.
  if (isP(after, '.') || isP(after, '[')) return false;
  return !(after?.t === T.Punct && after.v.endsWith('=') && !['==', '!=', '<=', '>=', '==='].includes(after.v));
}

/**
 * `helper(…)`, `this.helper(…)`, `self.helper(…)`, `await helper(…)` where `helper` is defined in this file: the
 * token index where the function's name is defined (≥ 0), -1 for any other call (known only at run time), undefined
 * when not a call.
 */
export function helperCall(c: Ctx, a: number, e: number): number | undefined {
  const { toks, match } = c;
  let n = a;
  if (isId(toks[n]) && toks[n].v === 'await' && c.syn.id === 'javascript') n++;
  if (isId(toks[n]) && (toks[n].v === 'this' || toks[n].v === 'self') && isP(toks[n + 1], '.')) n += 2;
  let last = n;
  while (isId(toks[last]) && isP(toks[last + 1], '.') && isId(toks[last + 2])) last += 2;
  if (!isId(toks[last]) || !isP(toks[last + 1], '(') || match[last + 1] !== e - 1) return undefined;
  // Go `b.fresh()` inside a method of b's type: that method of the file (go-methods.ts), read as a helper.
  if (last === n + 2 && c.syn.id === 'go') return goOwnMethod(c, toks[n].v, toks[last].v, n)?.name ?? -1;
  if (last !== n) return -1;
  // A helper defined below the call: a prefix of the file that cuts it off leaves the call to the full analysis
  // (editor/prefix.ts).
  c.forward?.add(toks[last].v);
  // JS/TS: the implementation after a TypeScript overload's signatures, or `const helper = (…) => …`.
  return c.syn.id === 'javascript' ? jsFunction(c, toks[last].v)?.name ?? -1 : functionDef(c, toks[last].v);
}

/** The JS/TS function a name calls: the last definition (a declaration, method or arrow function) with a body. */
function jsFunction(c: Ctx, name: string): Fn | undefined {
  c.readNames?.add(name);
  return tables(c).fns.get(name)?.at(-1);
}


/** The request a same-file helper builds: every key in its body (braces, or a Python def's indented block). */
export function requestIn(c: Ctx, nameIdx: number, modelArg?: number): Request | undefined {
  const { toks, match } = c;
  c.requests ??= new Map();
  const memo = c.requests.get(-nameIdx - 1);
  if (memo !== undefined || c.requests.has(-nameIdx - 1)) return memo;
  const params = nameIdx + 1;
  const end = c.syn.id === 'javascript' ? -1 : functionEnd(c, nameIdx);
  let req: Request | undefined = c.syn.id === 'javascript' ? returnedRequest(c, nameIdx, modelArg) : undefined;
  if (end > params) {
    const found: Found = { parts: [], messages: 0 };
    walkKeys(c, found, params, end);
    returnedSettingsLimit(c, found, params, end);
    if (!found.model && modelArg !== undefined) found.model = positionalModel(c, params, end, modelArg);
    req = { found, start: nameIdx - 1, end };
  }
  c.requests.set(-nameIdx - 1, req);
  return req;
}

/** Most `return`s of a JS/TS helper read for the request they give. */
const MAX_RETURNS = 16;

/**
 * The request a JS/TS helper returns: `return { model: …, messages }`, `return params` (a local assigned an object),
 * an arrow's `=> ({ … })`. Several returns with a model: the first gives the request, the others' models are its
 * other values (analyze.ts prices the dearest), and the largest limit is the worst case. Returns without a model (a
 * callback's message object, a value known only at run time) give none.
 */
function returnedRequest(c: Ctx, nameIdx: number, modelArg?: number): Request | undefined {
  const { toks, match } = c;
  const fn = [...tables(c).fns.values()].flat().find((f) => f.name === nameIdx);
  if (!fn) return undefined;
  // Up to its closing bracket, or the end of a text that cuts it (editor/prefix.ts leaves the call to the full file).
  c.read?.push({ start: toks[nameIdx].start, end: fn.bodyEnd < toks.length ? toks[fn.bodyEnd].end : c.text.length });
  const found: Request[] = [];
  const read = (from: number, to: number): void => {
    let a = from;
    if (isId(toks[a]) && toks[a].v === 'await') a++;
    // `=> ({ … })`: the object in its brackets.
    if (isP(toks[a], '(') && match[a] === to - 1) return read(a + 1, to - 1);
    let req: Request | undefined;
    if (isId(toks[a]) && a + 1 === to) req = requestAt(c, assignmentBefore(c, toks[a].v, a), modelArg);
    else if (isP(toks[a], '{') && match[a] === to - 1) req = requestAt(c, a, modelArg);
    if (req?.found.model) found.push(req);
  };
  if (fn.expr) read(fn.body, fn.bodyEnd);
  for (let k = fn.body; !fn.expr && k < fn.bodyEnd && found.length < MAX_RETURNS; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    const e = Math.min(exprEnd(c, k + 1), fn.bodyEnd);
    read(k + 1, e);
    k = e - 1;
  }
  if (!found.length) return undefined;
  // The helper is where the request is built (its first line the request's line), as for a Python helper.
  const [first, ...rest] = found.map((r) => ({ ...r, start: nameIdx - 1, end: fn.expr ? fn.bodyEnd - 1 : fn.bodyEnd }));
  const model = first.found.model!;
  if (!rest.length || !('ref' in model)) return first;
  const ids = rest.flatMap((r) => {
    const m = r.found.model!;
    return 'ref' in m ? [m.ref.id, ...(m.ref.others ?? [])] : [];
  });
  const others = [...new Set([...(model.ref.others ?? []), ...ids])].filter((id) => id !== model.ref.id);
  // Limits: the largest is the worst case, the others kept (chosen at run time, as a limit set in branches is).
  const limits = found.map((r) => r.found.limit);
  let limit = first.found.limit;
  if (limits.every((l) => l)) {
    const hi = limits.reduce((x, y) => (y!.value > x!.value ? y : x))!;
    const lo = [...new Set(limits.map((l) => l!.value))].filter((v) => v !== hi.value).sort((x, y) => y - x);
    limit = lo.length ? { ...hi, others: lo } : hi;
  }
  return { ...first, found: { ...first.found, model: others.length ? { ref: { ...model.ref, others } } : model, limit } };
}

/** The request defined at token `def` (the first token of an assignment's value), read once per scan. */
export function requestAt(c: Ctx, def: number, modelArg?: number): Request | undefined {
  if (def < 0) return undefined;
  c.requests ??= new Map();
  if (c.requests.has(def)) return c.requests.get(def);
  const { toks, match } = c;
  let req: Request | undefined = builderStatements(c, def) ?? beanRequest(c, def) ?? rustIfRequest(c, def, requestAt);
  if (req) {
    c.requests.set(def, req);
    return req;
  }
  // The value's first bracket within a short type prefix: `pkg.Type{`, `dict(`, `{`, `new T(`, `T.builder(`.
  // A path's `::` is not counted: Rust's `async_openai::types::chat::CreateChatCompletionRequestArgs::default()`
  // (hongkongkiwi/rusty-commit src/providers/mod.rs, audit41) is a type prefix of five names.
  for (let j = def, n = 0; j < toks.length && n < MAX_PREFIX; j++, n += isP(toks[j - 1], '::') ? 0 : 1) {
    if (isOpen(toks[j]) && match[j] > j) {
      const end = chainEnd(c, match[j]);
      const found: Found = { parts: [], messages: 0 };
      // Kotlin `val body = ChatBody(messages = …)` passed on: the data class's defaults fill what the call leaves out
      // (jvm-ctor-body.ts), as for a body made at the call (theomax13/GPT-KOTLIN's `model = "gpt-3.5-turbo"` default).
      const made = c.syn.id === 'kotlin' && match[j] === end ? constructionAt(c, def) : undefined;
      if (!(made?.open === j && readConstruction(c, found, made.cls, j))) walkKeys(c, found, j + 1, end);
      // .NET `new("gpt-5", items)` / `new CreateResponseOptions("gpt-5", items)`: the model is positional.
      if (!found.model && modelArg !== undefined && toks.slice(def, j).some((t) => t.v === 'new')) {
        found.model = positionalModel(c, j + 1, match[j], modelArg);
        if (found.model) found.modelKeyIdx = undefined;
      }
      if (c.syn.id === 'csharp') csDefaults(c, found, def, j, end);
      req = { found, start: def, end };
      break;
    }
    // Go `&pkg.Type{`: the address of the value.
    if (!(isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::') || (j === def && isP(toks[j], '&')))) break;
  }
  c.requests.set(def, req);
  return req;
}

/** C# `new RequestBody { messages = … }` (or `new Ns.RequestBody() { … }`): the keys the initializer leaves out take the
 * class's property initializers (dotnet-dto-defaults.ts), as for a body made at the call (http-dotnet.ts recordReader);
 * here for a request its callers build (u100s/NotAPidorBot Models/TotalContext/Context.cs, held38 C10). */
function csDefaults(c: Ctx, found: Found, def: number, open: number, end: number): void {
  const { toks, match } = c;
  if (toks[def]?.v !== 'new' || found.model && found.limit) return;
  let k = def + 1;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2;
  if (!isId(toks[k]) || k + 1 !== open) return;
  const init = isP(toks[open], '{') ? open : isP(toks[open], '(') && match[open] > open && isP(toks[match[open] + 1], '{') ? match[open] + 1 : -1;
  if (init >= 0 && match[init] !== end) return;
  const given = new Set(init < 0 ? [] : args(c, init, match[init]).flatMap((a) => (a.key ? [normKey(a.key)] : [])));
  dtoDefaults(c, found, toks[k].v, given, { start: toks[def].start, end: toks[end].end });
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

/**
 * A local object literal (`const params = { to, from, body }`, `params = {"to": …}`) that names no key of a model
 * request, spreads nothing and is not changed before the call: read as if written in the call, it is no model request
 * (Twilio's `client.messages.create(params)` sends an SMS; the same call with the literal inline gives no row either).
 */
export function plainNonRequest(c: Ctx, req: Request | undefined, name: string, callStart: number): boolean {
  if (!req || (c.syn.id !== 'javascript' && c.syn.id !== 'python')) return false;
  const f = req.found;
  if (f.model || f.limit || f.limitUnresolved || f.parts.length || f.messages || f.runtime?.length || f.extras?.length || f.tools || f.system) return false;
  const { toks, match } = c;
  const open = req.start;
  if (!isP(toks[open], '{') || match[open] <= open + 1) return false;
  for (let k = open + 1; k < match[open]; k++) if (isP(toks[k], '...') || isP(toks[k], '**')) return false;
  return !requestKeySetBefore(c, name, match[open], callStart);
}

/**
 * Whether `name` may gain a request key between `from` and `to`: `name.model = …`, `name["messages"] = …`, or any
 * other change (`name.update(…)`, `name[key] = …`); `name.from = …` / `name["to"] = …` sets a key no request reads.
 */
function requestKeySetBefore(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks } = c;
  for (let k = from + 1; k < to && k < from + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const dot = isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '=');
    const sub = isP(toks[k + 1], '[') && toks[k + 2]?.t === T.Str && isP(toks[k + 3], ']') && isP(toks[k + 4], '=');
    if (dot || sub) {
      const key = normKey(toks[k + 2].v);
      if (REQUEST_KEYS.some((keys) => keys.has(key))) return true;
    } else if (isP(toks[k + 1], '.') || isP(toks[k + 1], '[')) return true;
  }
  return false;
}


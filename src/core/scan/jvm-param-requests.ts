// A Java request passed down as a parameter: `private String send(ChatCompletionRequest request) { return
// service.createChatCompletion(request)… }` whose callers in the file build it with a helper, `ChatCompletionRequest
// request = dataHandler.buildChatCompletionRequest("gpt-4o", messages); return send(request);`, the helper a method of
// another class of the workspace returning `ChatCompletionRequest.builder().model(model).messages(messages).build()`
// (held-out betgpt src/data_access/GptApiClient.java and DataHandler.java; TheoKanning openai-java
// OpenAiService.createChatCompletion(ChatCompletionRequest request), ChatCompletionRequest a Lombok @Builder). The
// request is read in the helper's file with the caller's arguments bound to its parameters (arg-frames.ts): its model
// and limit, placed in that file, its prompt parts at the argument here. The first caller whose request names a model
// gives it (as followArgs takes the first definition that holds one). Python's form: `def call_openai(payload):
// requests.post(URL, json=payload)` called as `payload = build_payload(item); call_openai(payload)`, the helper
// returning the body dict, in this module or imported from another (issue #11, held-out apps of session 24).
// Go's: `func (g *GPTService) complete(request openai.ChatCompletionRequest)` sending it from a retry closure, called as
// `request := openai.ChatCompletionRequest{Model: s.Model, …}; s.complete(request)` (held59 narumiruna/go-chatgpt-
// telegram-bot pkg/bot/gpt.go); Go names a parameter before its type.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import type { Span } from '../types';
import type { Ctx } from './values';
import type { Found } from './keys';
import { exprEnd, tables, type Fn } from './scope';
import { args } from './calls';
import { evaluate } from './evaluate';
import { assignmentBefore } from './definitions';
import { CALLERS } from './file-callers';
import { calledNames } from './names-followed';
import { classScopes, importedFunction } from './imported';
import { declaredType } from './config-properties';
import { declaredType as csDeclaredType } from './dotnet-config';
import { withArgs } from './arg-frames';
import { elsewhere, partsFrom } from './imported-runnables';
import { requestAt, type Request } from './request-defs';
import { pyPublic } from './list-callers';
import { goPackageRequest } from './go-package-requests';
import { importers, isModuleCall, isPlainCall } from './js-callers';
import { classAround, classCallers } from './jvm-callers';
import { mergedRequests } from './cs-caller-requests';
import { kotlinCallers } from './kotlin-callers';
import type { EvalScope } from './value';
import { phpCallers } from './php-callers';

/** Kotlin parameter modifiers before the name. */
const KT_MODIFIERS = new Set(['vararg', 'noinline', 'crossinline', 'val', 'var']);

/** Callers of the method read at most. */
const MAX_CALLERS = 8;

/**
 * The request the callers of the method holding token `at` (a bare parameter name) pass it: those of this file, then
 * (a Python module's public function) those of the modules that import it; undefined when none is read.
 */
export function requestFromParam(c: Ctx, at: number, modelArg?: number): Request | undefined {
  if (c.syn.id !== 'java' && c.syn.id !== 'python' && c.syn.id !== 'csharp' && c.syn.id !== 'kotlin' && c.syn.id !== 'php' && c.syn.id !== 'javascript' && c.syn.id !== 'go') return undefined;
  const { toks } = c;
  const own = enclosing(c, at);
  const pname = toks[at].v;
  const pos = own ? paramPlace(c, own, pname) : -1;
  if (!own || pos < 0) return undefined;
  const name = toks[own.name].v;
  c.readNames?.add(name);
  c.forward?.add(CALLERS + name);
  // Calls, not the method's declarations (an overload's name is followed by `(` too).
  const defs = new Set((tables(c).fns.get(name) ?? []).map((f) => f.name));
  const here = { start: toks[at].start, end: toks[at].end };
  if (c.syn.id === 'kotlin') return kotlinFromCallers(c, own, pos, pname, at, modelArg);
  const mine = fromCallers(c, (calledNames(toks).get(name) ?? []).filter((k) => !defs.has(k)), pos, pname, modelArg);
  // C#: every caller file's request, as one (cs-caller-requests.ts); Java: the first that names a model.
  const all: Request[] = mine ? [mine] : [];
  if (mine && c.syn.id !== 'csharp') return mine;
  if (c.syn.id === 'php') return phpFromCallers(c, own, pos, pname, at, modelArg);
  // `openAIClient.createChatCompletion(request)` in a service of the workspace holding the client (jvm-callers.ts).
  const cls = c.syn.id === 'java' || c.syn.id === 'csharp' ? classAround(c, own.name) : undefined;
  for (const o of cls ? classCallers(c, cls, name) : []) {
    const req = fromCallers({ ...o.scope }, o.calls, pos, pname, modelArg);
    const out = req && { found: placed(req.found, o.scope.file, c.file, here, name, `passed to ${name}() in ${basename(o.scope.file)}`), start: at, end: at };
    if (out && c.syn.id !== 'csharp') return out;
    if (out) all.push(out);
  }
  if (c.syn.id === 'csharp') return mergedRequests(all, true);
  if (c.syn.id !== 'python' || !pyPublic(c, own.name, name)) return undefined;
  // `from .client import call_openai` then `payload = build_payload(x); call_openai(payload)` in another module.
  for (const o of importers(c, name)) {
    const oc: Ctx = { ...o.scope };
    const calls = (calledNames(oc.toks).get(o.local) ?? []).filter((k) => (o.via ? isModuleCall(oc, k, o.via) : isPlainCall(oc, k)));
    const req = fromCallers(oc, calls, pos, pname, modelArg);
    if (req) return { found: placed(req.found, oc.file, c.file, here, name, `passed to ${name}() in ${basename(oc.file)}`), start: at, end: at };
  }
  return undefined;
}

/**
 * PHP: what the callers in the project's other files pass (php-callers.ts: a class's public method, or a global function
 * of a file they `require`, barrven/venabar.com-MVC `callAPI($data, 'raw')` with `$data = ['model' => …, 'max_tokens' =>
 * …]`): of several, the one with the largest limit (the worst case priced), then the most prompt text.
 */
function phpFromCallers(c: Ctx, own: Fn, pos: number, pname: string, at: number, modelArg?: number): Request | undefined {
  const name = c.toks[own.name].v;
  const calls = phpCallers(c, own.name) ?? [];
  const here = { start: c.toks[at].start, end: c.toks[at].end };
  let best: Request | undefined;
  const score = (r: Request) => [r.found.limit?.value ?? 0, r.found.parts.reduce((t, p) => t + (p.resolved ? p.text.length : 0), 0)];
  for (const sc of new Set(calls.map((x) => x.sc))) {
    const req = fromCallers({ ...sc }, calls.filter((x) => x.sc === sc).map((x) => x.k), pos, pname, modelArg);
    if (!req) continue;
    const out = { found: placed(req.found, sc.file, c.file, here, name, `passed to ${name}() in ${basename(sc.file)}`), start: at, end: at };
    const [l, t] = score(req);
    const [bl, bt] = best ? score(best) : [-1, -1];
    if (l > bl || (l === bl && t > bt)) best = out;
  }
  return best;
}

/**
 * The request with a model that the calls at `callers` (name tokens) pass as parameter `pname`, at `pos`: Java's first;
 * of a Python sender's several callers (`_call_responses_api(payload, …)` after each step's own payload), each a path
 * that runs, the one with the most known prompt text, as for several callers' lists (list-callers.ts).
 */
function fromCallers(c: Ctx, callers: number[], pos: number, pname: string, modelArg?: number): Request | undefined {
  const { toks, match } = c;
  let best: Request | undefined;
  let most = -1;
  const all: Request[] = [];
  const merge = c.syn.id === 'csharp' || c.syn.id === 'javascript' || c.syn.id === 'kotlin';
  for (const k of callers.slice(0, MAX_CALLERS)) {
    if (!(match[k + 1] > k)) continue;
    const a = args(c, k + 1, match[k + 1]);
    // Python may name it: `call_openai(payload=body)`.
    const arg = (c.syn.id === 'python' || c.syn.id === 'kotlin' ? a.find((x) => x.key === pname) : undefined) ?? (a[pos]?.key === undefined ? a[pos] : undefined);
    if (!arg) continue;
    c.read?.push({ start: toks[k].start, end: toks[match[k + 1]].end });
    const { from, to } = arg;
    const def = to === from + 1 && isId(toks[from]) ? assignmentBefore(c, toks[from].v, k) : from;
    // PHP: the caller's own parameter passed on (`createResponse($post)` → `$this->request('/responses', …, $post)`,
    // xgerhard/XGPT app/src/OpenAI.php) is what that method's callers pass, up to PASSED_ON methods up.
    const req = def < 0 ? (c.syn.id === 'php' && to === from + 1 ? passedOn(c, from, modelArg) : undefined) : requestAt(c, def, modelArg);
    const made = req?.found.model || def < 0 ? req : helperRequest(c, def, modelArg, true);
    if (!made?.found.model) continue;
    if (merge) all.push(made);
    else if (c.syn.id !== 'python') return made;
    const n = made.found.parts.reduce((t, p) => t + (p.resolved ? p.text.length : 0), 0);
    if (n > most) [best, most] = [made, n];
  }
  return merge ? mergedRequests(all, true) : best;
}

/** Methods a request is followed up through its callers' own parameters. */
const PASSED_ON = 3;
let passing = 0;

function passedOn(c: Ctx, at: number, modelArg?: number): Request | undefined {
  if (passing >= PASSED_ON) return undefined;
  passing++;
  try {
    return requestFromParam(c, at, modelArg);
  } finally {
    passing--;
  }
}

/** The innermost method whose body holds token `at`. */
export function enclosing(c: Ctx, at: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/**
 * Where `name` is among the parameters of `f` (Java `Type name`: the last name of each; Python `name: T = d`: the
 * first, a method's `self` not counted as its callers pass none), or -1.
 */
export function paramPlace(c: Ctx, f: Fn, name: string): number {
  const { toks, match } = c;
  const open = f.params ?? f.name + 1;
  if (!isP(toks[open], '(') || !(match[open] > open)) return -1;
  const py = c.syn.id === 'python';
  // Kotlin `name: Type` is named first, as Python; past annotations (`@Body body: Req`) and modifiers.
  const first1 = py || c.syn.id === 'kotlin' || c.syn.id === 'javascript' || c.syn.id === 'go';
  let pos = 0;
  let last = '';
  let first = '';
  for (let k = open + 1; k <= match[open]; k++) {
    if (k < match[open] && (isP(toks[k], '(') || isP(toks[k], '<') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    else if (k === match[open] || isP(toks[k], ',')) {
      if ((first1 ? first : last) === name) return pos;
      if (!(py && pos === 0 && (first === 'self' || first === 'cls'))) pos++;
      first = last = '';
    } else if (toks[k].t === T.Id) {
      last = toks[k].v;
      if (!isP(toks[k - 1], '@') && !KT_MODIFIERS.has(toks[k].v)) first ||= toks[k].v;
    } else if (py && (isP(toks[k], '*') || isP(toks[k], '**')) && !first) return -1;
  }
  return -1;
}

/**
 * Java `helper(…)`, `this.helper(…)` or `field.helper(…)` at token `def`, `field` declared with a class of the
 * workspace: the request the method's `return` builds, read with the call's arguments. Its place is the call here.
 * C# (`passed`: an argument of a sender's caller) also `Class.Helper(…)` and a local returned.
 */
export function helperRequest(c: Ctx, def: number, modelArg?: number, passed = false): Request | undefined {
  if (c.syn.id === 'go') return goPackageRequest(c, def, modelArg);
  // C#: only for what a sender's caller passes (fromCallers), not for every request variable a call defines.
  if (c.syn.id !== 'java' && c.syn.id !== 'kotlin' && c.syn.id !== 'python' && !(passed && c.syn.id === 'csharp')) return undefined;
  const { toks, match } = c;
  const py = c.syn.id === 'python';
  const cs = c.syn.id === 'csharp';
  let k = def;
  if ((toks[k]?.v === 'this' || (py && toks[k]?.v === 'self')) && isP(toks[k + 1], '.')) k += 2;
  const recv = isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2]) ? toks[k].v : undefined;
  const m = recv ? k + 2 : k;
  const end = exprEnd(c, def);
  if (!isId(toks[m]) || !isP(toks[m + 1], '(') || match[m + 1] !== end - 1) return undefined;
  // C#: `client.Build(…)` of a local made here (`var client = new Client()`), or `Context.Build(…)`, a static method.
  const type = recv && !py ? (cs ? csType(c, recv, toks[k].start) : declaredType(c, recv)) : undefined;
  if (recv && !type) return undefined;
  // Python: a function of this module, else the one its import names (`from .payloads import build_payload`).
  const imported = py && !tables(c).fns.has(toks[m].v) ? importedFunction(c, toks[m].v, 1) : undefined;
  const scopes = type ? (cs && tables(c).classes.has(type) ? [c] : [...classScopes(c, type)]) : imported ? [imported.scope] : [c];
  const list = args(c, m + 1, match[m + 1]);
  const given = { list, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1) };
  const here: Span = { start: toks[def].start, end: toks[end - 1].end };
  for (const sc of scopes.slice(0, 2)) {
    const f = tables(sc).fns.get(imported?.name ?? toks[m].v)?.at(-1);
    const ret = f && (f.expr ? f.body : returned(sc, f)); // Kotlin `fun req(p: String) = ChatCompletionRequest(…)`
    if (!f || ret === undefined) continue;
    // A context of that file's own (its request memo holds no other caller's arguments).
    const oc: Ctx = sc === c ? { ...c, requests: undefined } : { ...sc };
    let req: Request | undefined;
    // C# `var result = new RequestBody { … }; return result;` (u100s/NotAPidorBot Models/RepostGPTReaction.cs).
    const at = cs && isId(sc.toks[ret]) && isP(sc.toks[ret + 1], ';') ? assignmentBefore(oc, sc.toks[ret].v, ret) : ret;
    withArgs(oc, f, given, () => void (req = requestAt(oc, at, modelArg)));
    if (!req?.found.model) continue;
    c.read?.push(here);
    const found = sc === c ? req.found : placed(req.found, oc.file, c.file, here, toks[m].v);
    return { found, start: def, end: end - 1 };
  }
  return undefined;
}

/** The class a C# receiver is declared with, or the receiver itself when it names a class of the workspace. */
function csType(c: Ctx, recv: string, pos: number): string | undefined {
  const d = csDeclaredType(c, recv, pos);
  if (d) return d.type;
  return /^[A-Z]/.test(recv) && (tables(c).classes.has(recv) || !classScopes(c, recv).next().done) ? recv : undefined;
}

/** The first token of the one `return` of `f`'s body, or undefined. */
export function returned(s: Ctx, f: Fn): number | undefined {
  let at: number | undefined;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (s.toks[k].t !== T.Id || s.toks[k].v !== 'return') continue;
    if (at !== undefined) return undefined;
    at = k + 1;
  }
  return at;
}

/** A request read in `file` by `helper`: its model and limit placed where they are written, its prompt at `at` here. */
export function placed(found: Found, file: string, own: string, at: Span, helper: string, passed?: string): Found {
  const what = (written: string) => (written === own ? `passed to ${helper}()` : passed ?? `${helper}() builds (${basename(written)})`);
  const out: Found = { ...found, parts: partsFrom(found.parts, file, at, what(file)) };
  // Token places of another file mean nothing here (a limit is inserted where the model key is, in this file).
  if (file !== own) [out.modelKeyIdx, out.modelEnd] = [undefined, undefined];
  const m = found.model;
  if (m && 'ref' in m) {
    const written = m.ref.file ?? file;
    const source = m.ref.source ? { ...m.ref.source, file: m.ref.source.file ?? file } : { file: written, offset: m.ref.span.start, what: `model ${what(written)}` };
    out.model = { ref: { ...m.ref, file: written === own ? undefined : written, source } };
  }
  if (found.limit) {
    const written = found.limit.file ?? file;
    out.limit = { ...found.limit, file: written === own ? undefined : written, source: elsewhere(found.limit.source, written, found.limit.span.start, `limit ${what(written)}`) };
  }
  return out;
}

/**
 * Kotlin: the request the callers of the method pass it, in this file or in the module's other files
 * (kotlin-callers.ts: `repository.sendMessage(body)` on a receiver declared with the class's type), where the caller
 * builds it (`val body = ChatPostBody(model = GPT_MODEL, maxTokens = limit, …)`): every caller's, merged as C#'s and
 * JS's are, a caller's text known only at run time named (theomax13/GPT-KOTLIN's view model).
 */
function kotlinFromCallers(c: Ctx, own: Fn, pos: number, pname: string, at: number, modelArg?: number): Request | undefined {
  const name = c.toks[own.name].v;
  const here = { start: c.toks[at].start, end: c.toks[at].end };
  const byScope = new Map<EvalScope, number[]>();
  for (const x of kotlinCallers(c, own.name) ?? []) byScope.set(x.sc, [...(byScope.get(x.sc) ?? []), x.k]);
  const all: Request[] = [];
  for (const [sc, calls] of byScope) {
    const oc: Ctx = sc.file === c.file ? c : { ...sc };
    const req = fromCallers(oc, calls, pos, pname, modelArg);
    if (req) all.push(oc === c ? req : { found: placed(req.found, oc.file, c.file, here, name, `passed to ${name}() in ${basename(oc.file)}`), start: at, end: at });
  }
  return mergedRequests(all, true);
}


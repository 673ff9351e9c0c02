// A Rust request passed down as a parameter to the function that sends it: `pub async fn completion_stream(client:
// &OpenAIClient, args: CreateChatCompletionRequest) { client.chat().create_stream(args).await }` in src/openai.rs,
// called from another file of the crate as `let completion_args = self.build_completion_args()?;
// completion_stream(self.openai_client, completion_args).await`, the helper returning the async-openai builder
// `CreateChatCompletionRequestArgs::default().model(self.model())….build()` (mkanenobu/chatgpt-cli-rust
// src/evaluator.rs). The callers are the calls of the function's name in the crate's `src` files (rust-crate.ts); the
// argument in the parameter's place is read where it is passed: a local whose value is a request, or a same-file
// helper that builds one (requestIn). The first caller whose request names a model gives it, placed in that file
// (jvm-param-requests.ts placed). The builder the helper returns is then no call of its own (rust-returned.ts).
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { exprEnd, tables, type Fn } from './scope';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { CALLERS } from './file-callers';
import { crateFiles } from './rust-crate';
import { dependentFiles } from './rust-workspace';
import { inTest } from './rust-callers';
import { helperCall, requestAt, requestIn, type Request } from './request-defs';
import { placed } from './jvm-param-requests';
import { rustCtorReader } from './rust-ctor-body';
import type { Found } from './keys';

/** Callers read at most. */
const MAX_CALLERS = 8;

/** The request the crate's callers of the function holding token `at` (a bare parameter name) pass it. */
export function rustRequestFromParam(c: Ctx, at: number, modelArg?: number): Request | undefined {
  if (c.syn.id !== 'rust' || !c.index) return undefined;
  const { toks } = c;
  const here: Span = { start: toks[at].start, end: toks[at].end };
  for (const { oc, k, arg, fn } of crateArgs(c, at, toks[at].v)) {
    const got = passed(oc, arg.from, arg.to, k, modelArg);
    if (!got?.req.found.model) continue;
    if (oc === c) return got.req;
    c.read?.push(here);
    const by = got.by ?? rustEnclosing(oc, k)?.name;
    return { found: placed(got.req.found, oc.file, c.file, here, by !== undefined ? oc.toks[by].v : fn), start: at, end: at };
  }
  return undefined;
}

/**
 * The crate's calls of the function holding token `at` (rust-crate.ts crateFiles), each with the plain argument in
 * parameter `param`'s place: a method's on a receiver (`self.send(args)`), a function's by its path (`send(args)`,
 * `api::send(args)`); test code skipped. None past MAX_CALLERS calls (the answer would be one of too many).
 */
export function* crateArgs(c: Ctx, at: number, param: string): Generator<{ oc: Ctx; sc: EvalScope; k: number; arg: ReturnType<typeof args>[number]; fn: string }> {
  const own = rustEnclosing(c, at);
  const place = own ? rustParamPlace(c, own, param) : undefined;
  if (!own || !place || !c.index) return;
  const fn = c.toks[own.name].v;
  c.readNames?.add(fn);
  c.forward?.add(CALLERS + fn);
  let seen = 0;
  // The crate's files, then those of the workspace's crates that depend on it and name it (rust-workspace.ts).
  for (const { file, crate } of [...crateFiles(c).map((file) => ({ file, crate: '' })), ...dependentFiles(c)]) {
    const text = file === c.file ? c.text : c.index.text(file);
    if (!text?.includes(`${fn}(`) || (crate && !text.includes(`${crate}::`))) continue;
    const sc = file === c.file ? c : c.index.scope(file);
    if (!sc) continue;
    const oc: Ctx = sc === c ? c : { ...sc };
    const t = oc.toks;
    for (let k = 1; k < t.length - 1; k++) {
      if (t[k].v !== fn || !isId(t[k]) || !isP(t[k + 1], '(') || t[k - 1]?.v === 'fn' || !(oc.match[k + 1] > k)) continue;
      // `Anthropic::new(&key)?.send(&params)`: the lexer's `?.` is the `?` operator then the method's dot.
      if (place.method !== (isP(t[k - 1], '.') || isP(t[k - 1], '?.')) || inTest(oc, k)) continue;
      if (++seen > MAX_CALLERS) return;
      const arg = args(oc, k + 1, oc.match[k + 1])[place.pos];
      if (arg && arg.key === undefined) yield { oc, sc, k, arg, fn };
    }
  }
}

/** The request an argument passes: a local holding one (or made by a same-file helper, `self.build()?`), or the
 * helper's call itself; `by`, the name token of the helper that builds it. */
function passed(c: Ctx, from: number, to: number, call: number, modelArg?: number): { req: Request; by?: number } | undefined {
  const { toks } = c;
  let a = from;
  while (isP(toks[a], '&')) a++;
  let [s, e] = [a, to];
  if (e === a + 1 && isId(toks[a])) {
    s = assignmentBefore(c, toks[a].v, call);
    if (s < 0) return undefined;
    e = exprEnd(c, s);
    const at = requestAt(c, s, modelArg);
    const req = at?.found.model ? at : ctorRequest(c, s, e);
    if (req?.found.model) return { req };
  }
  // `client.complete(Chat { model: "…".to_string(), messages: … })`: a struct literal written in the call.
  let p = a;
  while (isId(toks[p]) && isP(toks[p + 1], '::')) p += 2;
  if (s === a && isId(toks[p]) && isP(toks[p + 1], '{')) {
    const req = requestAt(c, a, modelArg);
    if (req?.found.model) return { req };
  }
  // `self.build_args()?`, `build_args(x).unwrap()`: the helper's body.
  while (e > s && isP(toks[e - 1], '?')) e--;
  const helper = helperCall(c, s, e);
  const req = helper !== undefined && helper >= 0 ? requestIn(c, helper, modelArg) : undefined;
  return req ? { req, by: helper } : undefined;
}

/** The innermost `fn` whose body holds token `at`. */
export function rustEnclosing(c: Ctx, at: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (c.toks[f.name - 1]?.v === 'fn' && f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/** Where `name` is among `f`'s parameters (`name: Type`), not counting a `self` receiver; undefined when not one. */
export function rustParamPlace(c: Ctx, f: Fn, name: string): { pos: number; method: boolean } | undefined {
  const { toks, match } = c;
  const open = f.params ?? f.name + 1;
  if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
  let pos = 0;
  let method = false;
  let first = true;
  for (let k = open + 1; k < match[open]; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '<') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    else if (isP(toks[k], ',')) {
      pos++;
      first = true;
    } else if (first && isId(toks[k]) && toks[k].v !== 'mut') {
      first = false;
      if (toks[k].v === 'self') {
        method = true;
        pos--;
      } else if (toks[k].v === name && isP(toks[k + 1], ':')) return { pos, method };
    }
  }
  return undefined;
}

/**
 * `AnthropicRequest::new(&args.model, 1024).message(messages)`: the fields the type's constructor sets from its
 * arguments (rust-ctor-body.ts), the builder methods chained after it adding messages, not the model or the limit
 * (held73 R1 ryokryok/anthropic-cli-rs acr/src/main.rs).
 */
function ctorRequest(c: Ctx, s: number, e: number): Request | undefined {
  const { toks, match } = c;
  let end = e;
  while (end > s && isP(toks[end - 1], ';')) end--;
  const links: number[] = [];
  while (end > s + 3 && isP(toks[end - 1], ')') && match[end - 1] > s && isId(toks[match[end - 1] - 1]) && isP(toks[match[end - 1] - 2], '.')) {
    links.unshift(end);
    end = match[end - 1] - 2;
  }
  const read = rustCtorReader(c, s, end);
  if (!read) return undefined;
  const found: Found = { parts: [], messages: 0 };
  read(found);
  // What the chained methods add (`.user(&opts.topic)`): named, known at run time.
  for (const close of links) {
    const name = match[close - 1] - 1;
    if (match[close - 1] + 1 < close - 1) found.parts.push({ text: '', span: { start: toks[name].start, end: toks[close - 1].end }, resolved: false, label: c.text.slice(toks[name].start, toks[close - 1].end).replace(/\s+/g, ' ') });
  }
  return { found, start: s, end: e };
}

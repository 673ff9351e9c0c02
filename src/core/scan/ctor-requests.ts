// A request made with the SDK's own constructor, its arguments mapped by the constructor's parameter order
// (CallShape.ctors): OpenAI-DotNet `new ChatRequest(messages, model, maxTokens: n)`, ollama-rs
// `GenerationRequest::new(model, prompt)`. Written in the call or assigned to a variable the call passes. Named
// arguments (C# `maxTokens: n`) and builder links (`.system(s)`, `.options(…)`) are read as keys; a positional
// argument fills the parameter at its place, so `messages` is read as the prompt, never dropped.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { readKey, walkKeys, type Found } from './keys';
import { normKey } from './call-keys';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { label } from './value';
import { readConversation } from './okgo-conversation';
import { enclosing } from './jvm-param-requests';
import { LIMIT_CONTAINERS, containerValue } from './nested-limit';
import type { Ctx } from './values';
import type { Ctor } from './call-shape-types';

/** Arguments of the call looked at for the request. */
const MAX_ARGS = 4;
/** Tokens of a chain after the constructor followed for builder links (`.options(…).system(…)`). */
const MAX_LINKS = 64;

/**
 * Reads the request the call's first argument makes with one of `ctors`; true when it is one (then `f` holds what
 * it sets and `f.request` where it is made). A variable whose value is no such construction is left to the caller.
 */
export function ctorRequest(c: Ctx, f: Found, ctors: Ctor[], from: number, to: number, callStart: number): boolean {
  const { toks } = c;
  let made: Made | undefined;
  // The first argument that is one (ollama-rs `send_chat_messages_with_history(&mut history, request)`).
  for (const x of args(c, from - 1, to).slice(0, MAX_ARGS)) {
    let at = x.from;
    while (at < x.to && (toks[at].v === 'await' || toks[at].v === '&' || toks[at].v === 'mut')) at++;
    made = construction(c, ctors, at, x.to);
    if (!made && isId(toks[at]) && at + 1 === x.to) {
      const def = assignmentBefore(c, toks[at].v, callStart);
      if (def >= 0) made = construction(c, ctors, def, toks.length);
      // C#: `request.Model = …; request.MaxTokens = …;` set before the call in its method (MohsenMoeinfar/My-Ap-Project
      // Ai/Class1.cs: a CompletionRequest field filled in the method that sends it).
      if (made && c.syn.id === 'csharp') readConversation(c, f, toks[at].v, Math.max(made.end + 1, enclosing(c, callStart)?.body ?? 0), callStart);
    }
    if (made) break;
  }
  if (!made) return false;
  const { ctor, open, end } = made;
  const close = c.match[open];
  // `new ChatRequest { Model = …, MaxTokens = … }`: an initializer alone, its members the keys.
  if (isP(toks[open], '{')) {
    walkKeys(c, f, open, close + 1);
    f.request = { start: made.start, end: close };
    return true;
  }
  const a = args(c, open, close);
  const positional = a.filter((x) => x.key === undefined);
  const params = overload(c, ctor, positional);
  // Named arguments and the chain's links, as any request's keys.
  for (const x of a) if (x.key !== undefined) readKey(c, f, x.from - 2, x.from, x.to);
  if (end > close) walkKeys(c, f, close + 1, end + 1);
  // `.options(options)`: a config object the walk could not see into, read where it is made (nested-limit.ts).
  for (let k = close + 1; k < end && !f.limit && !f.limitUnresolved; k++) {
    const link = isP(toks[k], '.') && isId(toks[k + 1]) && isP(toks[k + 2], '(');
    if (!link || !LIMIT_CONTAINERS.has(normKey(toks[k + 1].v))) continue;
    containerValue(c, f, k + 3, c.match[k + 2], callStart);
  }
  positional.forEach((x, n) => {
    const param = params[n];
    if (!param || x.to <= x.from) return;
    const key = normKey(param);
    const hadModel = f.model !== undefined;
    readKey(c, f, x.from, x.from, x.to, key);
    // A positional model carries no key a quick fix could write beside.
    if (!hadModel && f.model !== undefined) f.modelKeyIdx = undefined;
    // A model argument that names nothing readable (a field set at run time): unknown, labelled by its text.
    if (!hadModel && f.model === undefined && key === 'model') f.model = { unresolved: label(c, x.from, x.to) };
  });
  f.request = { start: made.start, end };
  return true;
}

/**
 * The call's own positional parameters (CallShape.ownParams: OkGoDoIt `CreateCompletionAsync(prompt, model, max_tokens)`),
 * read when no request is constructed in its arguments: with two or more positional arguments, or one that holds text
 * (a lone name may be a request object made elsewhere). Named arguments are read as keys. True when read.
 */
export function ownParams(c: Ctx, f: Found, params: string[], from: number, to: number): boolean {
  const a = args(c, from - 1, to);
  const positional = a.filter((x) => x.key === undefined);
  const text = positional.length === 1 && c.toks.slice(positional[0].from, positional[0].to).some((t) => t.t === T.Str);
  if (positional.length < 2 && !text) return false;
  // A number where the model goes is another overload's (`CreateChatCompletionAsync(ChatRequest request, int numOutputs)`).
  const m = positional[params.indexOf('model')];
  if (m && m.to === m.from + 1 && c.toks[m.from].t === T.Num) return false;
  for (const x of a) if (x.key !== undefined) readKey(c, f, x.from - 2, x.from, x.to);
  positional.forEach((x, n) => {
    const param = params[n];
    if (!param || x.to <= x.from) return;
    const hadModel = f.model !== undefined;
    readKey(c, f, x.from, x.from, x.to, normKey(param));
    if (!hadModel && f.model !== undefined) f.modelKeyIdx = undefined;
  });
  return true;
}

interface Made {
  ctor: Ctor;
  start: number;
  open: number;
  end: number;
}

/** `new T(`, C#'s target-typed `new(`, Rust `T::new(`, from token `at`: the constructor and its brackets. */
function construction(c: Ctx, ctors: Ctor[], at: number, to: number): Made | undefined {
  const { toks, match } = c;
  let open = -1;
  let type: string | undefined;
  const isNew = toks[at]?.v === 'new';
  if (isNew && isP(toks[at + 1], '(')) open = at + 1;
  else if (isNew && isId(toks[at + 1]) && (isP(toks[at + 2], '(') || isP(toks[at + 2], '{'))) [open, type] = [at + 2, toks[at + 1].v];
  else if (isId(toks[at]) && isP(toks[at + 1], '::') && toks[at + 2]?.v === 'new' && isP(toks[at + 3], '(')) {
    [open, type] = [at + 3, toks[at].v];
  }
  if (open < 0 || !(match[open] > open) || match[open] >= to) return undefined;
  // A target-typed `new(…)` passed to the SDK method is its parameter's type, the one constructor of the row.
  const ctor = type === undefined ? ctors.length === 1 ? ctors[0] : undefined : ctors.find((x) => x.type === type);
  if (!ctor) return undefined;
  // The chain of builder links after it (`GenerationRequest::new(m, p).system(s).options(o)`), or C#'s object
  // initializer (OkGoDoIt `new ChatRequest() { Model = Model.ChatGPTTurbo, MaxTokens = 400 }`), read as keys.
  let end = match[open];
  if (isP(toks[open], '(') && isP(toks[end + 1], '{') && match[end + 1] > end + 1 && match[end + 1] < to) return { ctor, start: at, open, end: match[end + 1] };
  for (let n = 0; n < MAX_LINKS && isP(toks[end + 1], '.') && isId(toks[end + 2]) && isP(toks[end + 3], '('); n++) {
    const close = match[end + 3];
    if (!(close > end + 3) || close >= to) break;
    end = close;
  }
  return { ctor, start: at, open, end };
}

/** The overload the positional arguments fit: one with a `tools` parameter only when its argument names tools. */
function overload(c: Ctx, ctor: Ctor, positional: { from: number; to: number }[]): string[] {
  for (const params of ctor.overloads.slice(1)) {
    const i = params.indexOf('tools');
    const x = positional[i];
    if (x && /tool/i.test(label(c, x.from, x.to))) return params;
  }
  return ctor.overloads[0];
}

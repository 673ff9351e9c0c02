// Chains of method calls: a builder up to `.build()`, a fluent request read back from its sending method to its head
// (Spring AI `chatClient.prompt("…").system(…).options(…).call()`), a request built with a builder and passed by
// name (LangChain4j `model.chat(request)`), and receivers known only by the type they are declared with.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { collectParts } from './parts';
import { walkKeys, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { promptArgs } from './links';
import type { Fluent, Holder } from './call-shape-types';
import type { PromptPart } from '../types';
import { anchorStart } from './links';
import { argIndex } from './values';
import { builderAt } from './options-builders';
import { helperChain } from './fluent-helpers';
import { pyReturnedTypes } from './py-return-types';
import { renderSt, specVars } from './spring-templates';

/** Links of a fluent chain followed back from its sending method. */
const MAX_LINKS = 32;

/** Builder chain: `.m(…)` calls from the anchor up to and including `.build()`, or until the chain breaks. */
export function builderEnd(c: Ctx, open: number): number {
  const { toks, match } = c;
  let k = match[open];
  if (k < 0) return Math.min(toks.length - 1, open + 1);
  for (;;) {
    let j = k + 1;
    while (isP(toks[j], '?') || isP(toks[j], '!')) j++;
    if (isP(toks[j], '.') && isId(toks[j + 1]) && isP(toks[j + 2], '(') && match[j + 2] > 0) {
      k = match[j + 2];
      if (toks[j + 1].v === 'build') return k;
    } else return k;
  }
}

/**
 * The head of the fluent chain whose sending method is at `first` (`chatClient.prompt(…)` before `….call()`), with the
 * links between read into `f`: each `.name(args)` is a key (`.system(…)`, `.messages(…)`, `.options(…)` with its nested
 * model and limit), `.user(…)` a user message, and the head's own arguments the prompt. Undefined when the chain does
 * not start with the head.
 */
export function readFluent(c: Ctx, fl: Fluent, f: Found, first: number): FluentHead | undefined {
  return fluentBack(c, fl, f, first - 1, first, -1);
}

export type FluentHead = { first: number; open: number; close: number };

/**
 * readFluent from the link ending before toks[dot] (a `.`, or toks[edge], the `;` after a returned chain: fluent-helpers.ts),
 * `first` the place names are looked up before.
 */
export function fluentBack(c: Ctx, fl: Fluent, f: Found, dot: number, first: number, edge: number): FluentHead | undefined {
  const { toks, match } = c;
  const links: number[] = [];
  for (let n = 0; n < MAX_LINKS; n++) {
    // A Kotlin link may take a trailing lambda alone (`.user { it.text(t).param("k", v) }`, `.advisors { it.param(…) }`,
    // https://kotlinlang.org/docs/lambdas.html#passing-trailing-lambdas): its `{…}` is read as the `(…)` would be.
    const lambda = c.syn.id === 'kotlin' && isP(toks[dot - 1], '}') && isId(toks[match[dot - 1] - 1]);
    if (!(isP(toks[dot], '.') || dot === edge) || !(isP(toks[dot - 1], ')') || lambda)) return undefined;
    const close = dot - 1;
    const open = match[close];
    if (open < 1 || open > close || !isId(toks[open - 1])) return undefined;
    const name = open - 1;
    // `prompt(system, user).call()`: the chain a same-class method returns, read in it (fluent-helpers.ts).
    if (edge < 0 && !isP(toks[name - 1], '.')) {
      const helper = helperChain(c, fl, f, name, first);
      if (helper) {
        for (let i = links.length - 1; i >= 0; i--) readLink(c, fl, f, links[i]);
        followOptions(c, f, name, first, first);
        return helper;
      }
    }
    if (toks[name].v === fl.head) {
      // The chain lies before the call's span (the sending method on): what it reads is kept live from here, as
      // the evaluator's reads are, or an edit of a link (`.user(q)` -> `.uer(q)`) would reuse the last analysis.
      c.read?.push({ start: toks[name].start, end: toks[first - 1].end });
      for (let i = links.length - 1; i >= 0; i--) readLink(c, fl, f, links[i]);
      followOptions(c, f, name, first, first);
      // `chatClient.prompt(new Prompt(text, OpenAiChatOptions.builder()….build()))`: the Prompt's options (a link's win).
      if (!f.model) followBuiltRequest(c, f, 'Options', open + 1, close, first);
      promptArgs(c, f, open + 1, close);
      return { first: name, open, close };
    }
    links.push(name);
    dot = name - 1;
  }
  return undefined;
}

/** One `.name(args)` link of a fluent chain. */
export function readLink(c: Ctx, fl: Fluent, f: Found, name: number): void {
  const { toks, match } = c;
  const open = name + 1;
  const close = match[open];
  // `.system(s -> s.text(resource).param("k", v))` (ChatClient.PromptSystemSpec text / param, as PromptUserSpec):
  // read as `.user(…)`'s spec is.
  const spec = toks[name].v === 'system' && isP(toks[open + 2], '->');
  if (toks[name].v !== fl.user && !spec) {
    walkKeys(c, f, name, close + 1);
    return;
  }
  // A spec that only fills the default text's params (`.system(s -> s.param("k", v))`) adds no message of its own.
  if (specParts(c, open, close, f.parts)) f.messages++;
}

/**
 * The text a message link's arguments give (`.user("…")`, `.defaultUser(resource)`), or its spec's
 * (`.user(u -> u.text("…").param("k", v))`: the params fill the text's slots). A spec that sets only params
 * (`.user(u -> u.params(map))`) gives no text: the default user text stays (ChatClient.PromptUserSpec). False then.
 */
export function specParts(c: Ctx, open: number, close: number, out: PromptPart[]): boolean {
  const { toks, match } = c;
  for (let k = open + 1; k < close; k++) {
    if (toks[k].v === 'text' && isId(toks[k]) && isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && match[k + 1] > 0) {
      const vars = specVars(c, open, close, 0);
      if (!vars) collectParts(c, k + 2, match[k + 1], out);
      else {
        const text: PromptPart[] = [];
        collectParts(c, k + 2, match[k + 1], text);
        out.push(...renderSt(text, vars));
      }
      return true;
    }
  }
  if (isP(toks[open + 2], '->') && isId(toks[open + 1])) return false;
  collectParts(c, open + 1, close, out);
  return true;
}

/**
 * A bare argument assigned from `<…type>.builder()…build()` (LangChain4j `ChatRequest.builder().messages(…)
 * .parameters(…).build()`, Spring AI `OpenAiChatOptions.builder().model(…).build()`): its keys are the request's. The call's own model, limit and messages then come from it.
 */
export function followBuiltRequest(c: Ctx, f: Found, type: string, from: number, to: number, callStart: number): void {
  const { toks } = c;
  for (let k = from; k < to; k++) {
    const argStart = isP(toks[k - 1], '(') || isP(toks[k - 1], ',');
    // Written in place, at any depth: `call(new Prompt(msgs, OpenAiChatOptions.builder()….build()))`.
    if (argStart && builderAt(toks, k, type) >= 0) {
      builtAt(c, f, builderAt(toks, k, type), callStart);
      return;
    }
    // A whole argument, at any depth (`call(new Prompt(text, options))`).
    if (!isId(toks[k]) || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) || !(isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || k + 1 === to)) continue;
    const def = assignmentBefore(c, toks[k].v, callStart);
    // `Prompt prompt = new Prompt(text, options); chatModel.call(prompt)` (Spring AI Prompt(String, ChatOptions)): the
    // options among the Prompt's own arguments.
    const p = def >= 0 && toks[def].v === 'new' ? def + 1 : def;
    if (p >= 0 && toks[p]?.v === 'Prompt' && isP(toks[p + 1], '(') && c.match[p + 1] > p + 1 && c.match[p + 1] < callStart) {
      followBuiltRequest(c, f, type, p + 2, c.match[p + 1], callStart);
      if (f.request) return;
      continue;
    }
    if (def < 0 || builderAt(toks, def, type) < 0) continue;
    builtAt(c, f, builderAt(toks, def, type), callStart);
    return;
  }
}

/** The request built by the builder chain starting at toks[at] (`X.builder()…build()`). */
function builtAt(c: Ctx, f: Found, at: number, callStart: number): void {
  const end = builderEnd(c, at + 3);
  walkKeys(c, f, at, end);
  followOptions(c, f, at, end, callStart);
  f.request = { start: at, end };
}

/** Links whose argument is a parameters or options object, built with a builder and passed by name. */
const OPTION_LINKS = new Set(['parameters', 'defaultRequestParameters', 'options', 'defaultOptions']);

/**
 * `.parameters(params)`, `.defaultRequestParameters(defaults)`, `.options(opts)` in toks[from, to) with the name assigned
 * from `X.builder()…build()` (LangChain4j ChatRequestParameters, Spring AI OpenAiChatOptions): its keys are read into `f`
 * (a key already read wins).
 */
export function followOptions(c: Ctx, f: Found, from: number, to: number, before: number): void {
  const { toks } = c;
  for (let k = from; k < to; k++) {
    if (!isP(toks[k], '.') || !OPTION_LINKS.has(toks[k + 1]?.v) || !isP(toks[k + 2], '(') || !isId(toks[k + 3]) || !isP(toks[k + 4], ')')) continue;
    const def = assignmentBefore(c, toks[k + 3].v, before);
    const at = def < 0 ? -1 : builderAt(toks, def);
    if (at < 0) continue;
    const inner: Found = { parts: [], messages: 0 };
    walkKeys(c, inner, at, builderEnd(c, at + 3));
    f.model ??= inner.model;
    f.limit ??= inner.limit;
    f.limitUnresolved ??= inner.limitUnresolved;
  }
}

const DECLARED = new KeyMemo<Ctx, Map<string, string[]>>();

/**
 * Is `name` declared with one of the types in the file: a field, parameter or local `ChatModel model`, `final ChatClient
 * chatClient;`, or Kotlin `model: ChatModel`? The file's declarations are read in one walk per scan (a Java file of many
 * rows asked six names, a walk over every token each).
 */
export function declaredAs(c: Ctx, name: string, types: string[]): boolean {
  return declaredTypes(c, name).some((t) => types.includes(t));
}

/** The types `name` is declared with in the file (declaredAs). */
export function declaredTypes(c: Ctx, name: string): string[] {
  let byName = DECLARED.get(c);
  if (!byName) DECLARED.set(c, (byName = declarations(c)));
  return byName.get(name) ?? [];
}

/** Each name's declared types: `Type name` before `;` `,` `)` `=`, and `name: Type` (not `name: a.b`). */
function declarations(c: Ctx): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, type: string) => {
    const list = out.get(name);
    if (list) list.push(type);
    else out.set(name, [type]);
  };
  const { toks } = c;
  for (let k = 1; k < toks.length; k++) {
    const tk = toks[k];
    const next = toks[k + 1];
    // Go `name *pkg.Type` / `name pkg.Type` (a parameter, a field, `var name *pkg.Type`); a field of an interface
    // type starts its line (`model llms.Model`), no call after it.
    if (c.syn.id === 'go' && tk.t === T.Id && (isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || toks[k - 1].v === 'var' || (isP(next, '*') && isId(toks[k + 2])) || goFieldLine(c, k))) {
      const j = isP(next, '*') ? k + 2 : k + 1;
      if (isId(toks[j]) && isP(toks[j + 1], '.') && isId(toks[j + 2])) add(tk.v, toks[j + 2].v);
    }
    if (tk.t !== T.Id || !next || next.t !== T.Punct) continue;
    const v = next.v;
    if (v === ';' || v === ',' || v === ')' || v === '=') {
      if (isId(toks[k - 1])) add(tk.v, toks[k - 1].v);
    } else if (v === ':' && isId(toks[k + 2]) && !isP(toks[k + 3], '.')) add(tk.v, toks[k + 2].v);
  }
  // `val model = buildChatModel(client)` / `var model = this.buildChatModel(c)`: the declared return type of the
  // file's own function (Kotlin `fun f(…): Type`, Java `Type f(…) {` or an abstract `Type f(…);`).
  if (c.syn.id === 'python') pyReturnedTypes(c, add);
  if (c.syn.id !== 'kotlin' && c.syn.id !== 'java') return out;
  const returns = returnTypes(c);
  for (let k = 1; k + 2 < toks.length && returns.size; k++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '=') || isP(toks[k - 1], '.')) continue;
    const f = isId(toks[k + 2]) && toks[k + 2].v === 'this' && isP(toks[k + 3], '.') ? k + 4 : k + 2;
    const type = isId(toks[f]) && isP(toks[f + 1], '(') ? returns.get(toks[f].v) : undefined;
    if (!type) continue;
    add(toks[k].v, type);
    // The keystroke path: an edit of the function's name (at the assignment or its declaration) changes the type.
    c.readNames?.add(toks[f].v);
  }
  return out;
}

/** The declared return type (its last name) of each function the file declares. */
function returnTypes(c: Ctx): Map<string, string> {
  const { toks, match } = c;
  const out = new Map<string, string>();
  for (let k = 1; k + 1 < toks.length; k++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    const close = match[k + 1];
    if (toks[k - 1].v === 'fun' && isP(toks[close + 1], ':')) {
      let e = close + 2;
      while (isId(toks[e]) && isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
      if (isId(toks[e])) out.set(toks[k].v, toks[e].v);
    } else if (c.syn.id === 'java' && isId(toks[k - 1]) && !JAVA_NOT_TYPES.has(toks[k - 1].v) && (isP(toks[close + 1], '{') || isP(toks[close + 1], ';') || toks[close + 1]?.v === 'throws')) {
      out.set(toks[k].v, toks[k - 1].v);
    }
  }
  return out;
}

/** Words before `name(` that are no return type (`new T(…)`, `return f(…)`, `else if (…)`). */
const JAVA_NOT_TYPES = new Set(['new', 'return', 'else', 'throw', 'case', 'if', 'while', 'for', 'switch', 'catch', 'synchronized', 'yield', 'assert']);

/**
 * The name of the object a holder is made around, when the value at `def` is one: `AiServices.create(I.class, model)`
 * (the `arg`-th argument) or `AiServices.builder(I.class).chatModel(model)…build()` (a link's argument).
 */
export function heldName(c: Ctx, h: Holder, def: number): string | undefined {
  const { toks, match } = c;
  const open = def + h.anchor.length - 1;
  if (anchorStart(toks, open, h.anchor) !== def || match[open] < 0) return undefined;
  const a = argIndex(c, open + 1, match[open], h.arg);
  if (isId(toks[a]) && (isP(toks[a + 1], ')') || isP(toks[a + 1], ','))) return toks[a].v;
  const end = builderEnd(c, open);
  for (let k = match[open]; k < end; k++) {
    if (isP(toks[k], '.') && h.links.includes(toks[k + 1]?.v) && isP(toks[k + 2], '(') && isId(toks[k + 3]) && isP(toks[k + 4], ')')) return toks[k + 3].v;
  }
  return undefined;
}

/** Go `name pkg.Type` alone on its line (a struct field): not a statement (`defer wg.Done()`, `return x.Y`). */
function goFieldLine(c: Ctx, k: number): boolean {
  const { toks } = c;
  if (GO_STATEMENT_WORDS.has(toks[k].v) || !isId(toks[k + 1]) || !isP(toks[k + 2], '.') || !isId(toks[k + 3])) return false;
  const end = toks[k + 3].end;
  const nl = (a: number, b: number) => c.text.slice(a, b).includes('\n');
  return (isP(toks[k - 1], '{') || nl(toks[k - 1].end, toks[k].start)) && (k + 4 >= toks.length || nl(end, toks[k + 4].start) || isP(toks[k + 4], '}'));
}
const GO_STATEMENT_WORDS = new Set(['return', 'go', 'defer', 'case', 'else', 'goto', 'break', 'continue', 'select', 'switch', 'for', 'if', 'range', 'package', 'import', 'fallthrough']);

// PHP LLM calls written as method chains, whose model, limit and prompt sit on the links before the sending method
// or on the agent class the call is made on (prism.ts, laravel-ai.ts, laravel-ai-agents.ts; the shared reading here):
// - Prism (github.com/prism-php/prism): `Prism::text()->using(Provider::Anthropic, 'claude-…')->withSystemPrompt(…)
//   ->withPrompt(…)->withMaxTokens(n)->asText()` (src/Text/PendingRequest.php; Concerns/ConfiguresProviders.php
//   using(provider, model); ConfiguresModels.php withMaxTokens; HasPrompts.php withPrompt / withSystemPrompt;
//   HasMessages.php withMessages), also `prism()->text()` (src/helpers.php) and `Prism::structured()`, or a pending
//   request kept in a variable or a member (`$this->client = Prism::text()->using(…)`).
// - Laravel AI (github.com/laravel/ai): `agent($instructions, $messages, $tools, $schema)->prompt($prompt,
//   $attachments, $provider, $model)` (functions.php, src/Promptable.php), and an agent class using the Promptable
//   trait, prompted as `(new SalesCoach)->prompt(…)`, `SalesCoach::make(…)->prompt(…)` or through a variable; its
//   model, provider and limit are its #[Model] / #[Provider] / #[MaxTokens] attributes or model() / provider() /
//   maxTokens() methods (src/Attributes, Promptable.php getProvidersAndModels, Gateway/TextGenerationOptions.php), its
//   system prompt what instructions() returns.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { valueEnd, keyAt, type Ctx } from './values';
import { collectParts } from './parts';
import type { Found } from './keys';
import { assignmentBefore } from './definitions';
import { evaluate } from './evaluate';

/** Links of a chain followed back from its sending method. */
export const MAX_LINKS = 24;

/** What the chain or the agent class says beside the Found: the provider, and where the request starts. */
export interface PhpChain {
  provider?: string;
  /** Token index of the chain's head (`Prism`, `agent`, `(new X)`): a call found there is this one. */
  start: number;
  /** An agent class: its name, for the limit advice and labels. */
  agentClass?: string;
}

/** Provider names of Prism's Provider enum and Laravel AI's Lab enum (src/Enums/Provider.php, src/Enums/Lab.php), as
 * the price sheets name them. */
export const PROVIDERS: Record<string, string> = {
  anthropic: 'anthropic', openai: 'openai', gemini: 'google', mistral: 'mistral', groq: 'groq', xai: 'xai',
  deepseek: 'deepseek', ollama: 'ollama', openrouter: 'openrouter', azure: 'azure', cohere: 'cohere', perplexity: 'perplexity',
  bedrock: 'bedrock', z: 'z',
};

/** `Provider::Anthropic`, `Lab::OpenAI`, `'anthropic'`, `[Lab::OpenAI, Lab::Anthropic]` (failover: the first is tried
 * first): the provider, '' when known only at run time. */
export function providerAt(c: Ctx, from: number, to: number, depth = 0): string {
  const { toks } = c;
  let k = from;
  if (isP(toks[k], '[')) k++;
  const tk = toks[k];
  if (!tk || k >= to) return '';
  if (tk.t === T.Str && !tk.holes?.length) return PROVIDERS[tk.v.toLowerCase()] ?? tk.v.toLowerCase();
  if (isId(tk) && isP(toks[k + 1], '::') && isId(toks[k + 2]) && (tk.v === 'Provider' || tk.v === 'Lab')) {
    // `Provider::from(config('prism.defaults.provider', 'openrouter'))`: the backed enum's case of that value (PHP
    // BackedEnum::from / tryFrom).
    if ((toks[k + 2].v === 'from' || toks[k + 2].v === 'tryFrom') && isP(toks[k + 3], '(') && c.match[k + 3] > k + 3) {
      const v = evaluate(c, k + 4, c.match[k + 3]);
      return v?.str !== undefined && !v.holes?.length && v.runtime === undefined ? PROVIDERS[v.str.toLowerCase()] ?? v.str.toLowerCase() : '';
    }
    return PROVIDERS[toks[k + 2].v.toLowerCase()] ?? '';
  }
  // A variable assigned one before (`$provider = Provider::from(…)`).
  if (isId(tk) && tk.v.startsWith('$') && k + 1 === to && depth < 2) {
    const def = phpAssignment(c, tk.v, k);
    return def >= 0 ? providerAt(c, def, valueEnd(c, def, c.toks.length), depth + 1) : '';
  }
  return '';
}

/** The `->name(` link whose `)` is at `close`, or -1 (also `?->`). */
export function linkBefore(toks: Token[], match: Int32Array, close: number): number {
  if (!isP(toks[close], ')')) return -1;
  const open = match[close];
  if (open < 1 || !isId(toks[open - 1])) return -1;
  return open - 1;
}

/** The token before a `->` at `arrow`, past a nullsafe `?`. */
const beforeArrow = (toks: Token[], arrow: number) => (isP(toks[arrow - 1], '?') ? arrow - 2 : arrow - 1);

/**
 * Links `->name(…)` back from the one that ends before `arrow` (the sending method's `->`) to the chain's head: the
 * link name indices, last first, and the head's last token (a `)`, or a variable).
 */
export function linksBack(c: Ctx, arrow: number, stop: (name: number) => boolean): { links: number[]; head: number } {
  const { toks, match } = c;
  const links: number[] = [];
  let k = beforeArrow(toks, arrow);
  for (let n = 0; n < MAX_LINKS; n++) {
    const name = linkBefore(toks, match, k);
    if (name < 0 || stop(name) || !isP(toks[name - 1], '->')) return { links, head: k };
    links.push(name);
    k = beforeArrow(toks, name - 1);
  }
  return { links, head: k };
}

/**
 * The value's first token of the nearest `$name = …` before `before` in the same function: PHP variables are the
 * function's, so one assigned in an if / else or try block is seen after it (assignmentBefore keeps to the block).
 */
export function phpAssignment(c: Ctx, name: string, before: number): number {
  const v = assignmentBefore(c, name, before);
  if (v >= 0) return v;
  const list = c.assigns?.get(name);
  if (!list) return -1;
  let n = list.at.length;
  while (n > 0 && list.at[n - 1] >= before) n--;
  if (n === 0) return -1;
  const at = list.at[n - 1];
  for (let k = at; k < before; k++) if (c.toks[k].v === 'function' && isId(c.toks[k])) return -1;
  c.read?.push({ start: c.toks[at].start, end: c.toks[list.value[n - 1]]?.end ?? c.toks[at].end });
  return list.value[n - 1];
}

/** `[new SystemMessage(…), new UserMessage(…), …]` or a variable holding messages: counted and their text collected. */
export function messagesAt(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  let n = 0;
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || !/Message$/.test(toks[k].v) || !isP(toks[k + 1], '(') || toks[k - 1]?.v !== 'new') continue;
    n++;
    if (toks[k].v === 'AssistantMessage') f.assistant = (f.assistant ?? 0) + 1;
  }
  f.messages += Math.max(1, n);
  collectParts(c, from, to, f.parts);
}

/** Arguments of a call by position and by PHP 8 name (`model: 'x'`): token ranges [start, end). */
export function argsOf(c: Ctx, from: number, to: number): Map<number | string, [number, number]> {
  const out = new Map<number | string, [number, number]>();
  let k = from;
  for (let n = 0; k < to && n < 16; n++) {
    const e = valueEnd(c, k, to);
    const sep = isId(c.toks[k]) ? keyAt(c, k) : -1;
    if (sep > 0 && isP(c.toks[sep], ':')) out.set(c.toks[k].v, [sep + 1, valueEnd(c, sep + 1, to)]);
    else out.set(n, [k, e]);
    k = e + 1;
  }
  return out;
}


/** Tokens between a method's `)` and its body: a return type. */
const MAX_RETURN_TYPE = 12;

/**
 * Method `name` of the file: `function name(…): Type {`; its name's index, its body [body, bodyEnd) and the return
 * type's tokens [typeFrom, body - 1). Read here, not from the scope tables, whose function forms skip names that are
 * statements in other languages (`using`, `match`).
 */
export function phpMethod(c: Pick<Ctx, 'toks' | 'match'>, name: string): { name: number; body: number; bodyEnd: number; typeFrom: number } | undefined {
  const { toks, match } = c;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || toks[k - 1].v !== 'function' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const close = match[k + 1];
    let b = close + 1;
    while (b < toks.length && b <= close + MAX_RETURN_TYPE && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
    if (!isP(toks[b], '{') || match[b] < 0) return undefined;
    return { name: k, body: b + 1, bodyEnd: match[b], typeFrom: isP(toks[close + 1], ':') ? close + 2 : b };
  }
  return undefined;
}

// How many answers a request asks for: each is billed its own output tokens, the input once.
// - OpenAI `n` (openai-python chat/completions.py `n: Optional[int]`, openai-node `n`, openai-go `N
//   param.Field[int64]`, go-openai ChatCompletionRequest `N int json:"n,omitempty"`, openai-java `.n(…)`,
//   async-openai `.n(…)`, ruby-openai's `n:` hash key, LangChain `ChatOpenAI(n=…)`). API reference, chat create: "How
//   many chat completion choices to generate for each input message. Note that you will be charged based on the
//   number of generated tokens across all of the choices." Mistral's too (client-ts ChatCompletionRequest.n: "Number
//   of completions to return for each request, input tokens are only billed once"). Not Groq's: its API refuses more
//   than one (console.groq.com/docs/openai: "If N is supplied, it must be equal to 1", else a 400 error).
// - OpenAI legacy completions `best_of` (openai-python completion_create_params.py): "Generates `best_of` completions
//   server-side and returns the "best" … When used with `n`, `best_of` controls the number of candidate completions
//   and `n` specifies how many to return – `best_of` must be greater than `n`. Note: Because this parameter generates
//   many completions, it can quickly consume your token quota": the larger of the two is generated, and billed.
// - Gemini `candidateCount` / `candidate_count` (GenerationConfig, google-genai GenerateContentConfig): "Number of
//   generated responses to return"; usage_metadata.candidates_token_count, the output billed, is the "Total number of
//   tokens across the generated candidates" (ai.google.dev GenerateContentResponse.UsageMetadata).
import type { CallSite, Span } from '../types';
import type { Found } from './keys';
import { isId } from '../lex/brackets';
import { readNumber, type Ctx } from './values';
import { label } from './value';
import { setChainTurns } from './chain-turns';

/** Keys, normalised as by normKey, that set how many answers are generated. */
export const CHOICE_KEYS = new Set(['n', 'bestof', 'candidatecount']);

/** The number of answers one call generates, as the code sets it: `n` the count (the largest when callers pass
 * several), or `runtime` the expression when it is known only at run time; `key` as written. */
export type Choices = NonNullable<CallSite['choices']>;

/** What each key is read for: which providers' APIs take it (the call shape's provider). */
const PROVIDERS: Record<string, ReadonlySet<string>> = {
  n: new Set(['openai', 'azure', 'mistral']),
  bestof: new Set(['openai', 'azure']),
  candidatecount: new Set(['google']),
};

const NO_VALUE = new Set(['undefined', 'null', 'None', 'nil']);

/** Reads the count under `key` (toks[vStart, vEnd)) into `got`, keyed by the normalised key. */
export function readChoices(c: Ctx, got: Record<string, Choices>, key: string, keyIdx: number, vStart: number, vEnd: number): void {
  if (got[key] || vEnd <= vStart) return;
  if (vEnd === vStart + 1 && isId(c.toks[vStart]) && NO_VALUE.has(c.toks[vStart].v)) return;
  const written = c.toks[keyIdx].v;
  const num = readNumber(c, vStart, vEnd);
  if (num && Number.isInteger(num.value) && !num.bounded && !(num.others?.length && !num.byCaller)) got[key] = { n: num.value, key: written, ...(num.file === undefined ? { span: num.span } : {}) };
  else got[key] = { key: written, runtime: label(c, vStart, vEnd) };
}

/**
 * The call's count of answers, from what its request sets (`readChoices`), for the API its provider names; undefined
 * when it asks for one (none set, or 1), so a call without it is priced as before.
 */
export function choicesFor(got: Record<string, Choices> | undefined, provider: string | undefined): Choices | undefined {
  if (!got || !provider) return undefined;
  const p = provider.toLowerCase();
  const take = (k: string) => (PROVIDERS[k].has(p) ? got[k] : undefined);
  const n = take('n');
  const best = take('bestof');
  const count = take('candidatecount');
  // best_of generates that many whatever n returns: the larger, or run time when either is.
  const pick = best && n ? (best.runtime || n.runtime ? (best.runtime ? best : n) : best.n! >= n.n! ? best : n) : (best ?? n ?? count);
  if (!pick || (pick.n !== undefined && pick.n <= 1)) return undefined;
  return pick;
}

/** The request's settings beside model, limit and prompt, read into `f`, onto the call site. */
export function takeSettings(site: CallSite, f: Found, provider: string | undefined): void {
  if (f.thinking === 'adaptive') site.adaptiveThinking = true;
  else if (f.thinking === 'enabled') site.thinkingUnbudgeted = true;
  else if (f.thinking !== undefined) site.thinkingBudget = f.thinking;
  if (f.thinkingUnresolved !== undefined && site.thinkingBudget === undefined) site.thinkingBudgetUnresolved = f.thinkingUnresolved;
  if (f.forcedTool) site.forcedTool = true;
  if (f.serviceTier !== undefined) site.serviceTier = f.serviceTier;
  // Groq refuses n > 1, through its SDK or an OpenAI client sent to it (site.provider is then the host's).
  const choices = site.provider?.toLowerCase() === 'groq' ? undefined : choicesFor(f.choices, provider);
  if (choices) site.choices = choices;
  if (f.steps) setChainTurns(site, f.steps);
  if (f.batchJob) site.batchJob = f.batchJob;
}

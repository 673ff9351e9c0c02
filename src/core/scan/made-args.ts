// How a construction's arguments are read (bound.ts): its keys, with a dict spread among them, and the name the advice
// gives its output limit.
import { isId, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { followArgs } from './requests';
import type { Made } from './runnable-made';
import { INIT_CHAT_MODEL_GOOGLE_LIMIT, INIT_CHAT_MODEL_LIMIT, INIT_CHAT_MODEL_OLLAMA_LIMIT, INIT_CHAT_MODEL_PY } from './call-shapes-langchain';
import { googleInit, ollamaInit } from './provider-prefix';
import { containerValue } from './nested-limit';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { isPydanticModelClass } from './provider-factories';
import { browserUseClass } from './browser-use-models';

/**
 * A construction given its options as a dict spread (`ChatOpenAI(**client_options)` after `client_options = {"model":
 * model, "api_key": key}`, aekie777-leon/langgraph-refund-agent models.py): the dict's keys are the construction's, as
 * the construction's own row reads them (read-call.ts followArgs), so the object's model is the dict's, not the
 * class's default.
 */
export function madeKeys(m: Ctx, inner: Found, from: number, to: number): void {
  walkKeys(m, inner, from, to);
  if (m.syn.id === 'python' && !inner.limit) settingsLimit(m, inner, from, to);
  if (m.syn.id === 'python' && !inner.limit && !inner.limitUnresolved) modelObjectLimit(m, inner, from, to);
  if (inner.model || m.syn.id !== 'python') return;
  for (let k = from; k < to; k = valueEnd(m, k, to) + 1) {
    if (!isP(m.toks[k], '**') || !isId(m.toks[k + 1]) || valueEnd(m, k, to) !== k + 2) continue;
    const found: Found = { parts: [], messages: 0 };
    followArgs(m, found, k, k + 2, from);
    if (!found.model) continue;
    inner.model = found.model;
    inner.limit ??= found.limit;
    return;
  }
}

/**
 * An agent's `model_settings=settings` made before (openai-agents `ModelSettings`, Pydantic AI's dict): the limit set
 * in it, else known at run time (`settings = get_model_settings(max_tokens=2048)`, ydmitry/openai-agents-sdk-deep-research
 * clarification_agent/agent.py), so no limit is advised where the code may set one. A literal was read by the key walk.
 */
function settingsLimit(m: Ctx, inner: Found, from: number, to: number): void {
  for (let k = from; k < to; k = valueEnd(m, k, to) + 1) {
    if (m.toks[k].v !== 'model_settings' || keyAt(m, k) !== k + 1) continue;
    return containerValue(m, inner, k + 2, valueEnd(m, k + 2, to), to);
  }
}

/**
 * Pydantic AI: the model object's own settings (`OpenAIChatModel("gpt-4o", settings=ModelSettings(max_tokens=500))`,
 * given to the Agent inline or through a name): Model.__init__(model_name, *, provider, profile, settings) in
 * pydantic_ai_slim/pydantic_ai/models/*.py; the agent's and the run's model_settings are merged over them, so they
 * count only where neither sets the limit. Before, such a call was priced at the model's maximum and told to set one.
 */
function modelObjectLimit(m: Ctx, inner: Found, from: number, to: number): void {
  if (!isP(m.toks[from - 1], '(')) return;
  const a = args(m, from - 1, to);
  const arg = a.find((x) => x.key === 'model') ?? (a[0] && !a[0].key ? a[0] : undefined);
  if (!arg) return;
  let at = arg.from;
  if (arg.to === at + 1 && isId(m.toks[at])) at = assignmentBefore(m, m.toks[at].v, at);
  const open = at + 1;
  if (at < 0 || !isId(m.toks[at]) || !isP(m.toks[open], '(') || !(m.match[open] > open) || !isPydanticModelClass(m, m.toks[at].v)) return;
  const settings = args(m, open, m.match[open]).find((x) => x.key === 'settings');
  if (!settings) return;
  const got: Found = { parts: [], messages: 0 };
  walkKeys(m, got, settings.from, settings.to);
  if (!got.limit) containerValue(m, got, settings.from, settings.to, open);
  if (got.limit) inner.limit = got.limit;
  else if (got.limitUnresolved) inner.limitUnresolved = got.limitUnresolved;
}

/** The limit parameter of the construction `made` at [open, close) in `m` (undefined: the call row's own). */
export function madeLimitParam(m: Ctx, made: Made, inner: Found, open: number, close: number): Made['limitParam'] {
  if (made.limitParam === INIT_CHAT_MODEL_LIMIT && googleInit(m, inner, open, close)) return INIT_CHAT_MODEL_GOOGLE_LIMIT;
  if (made.limitParam === INIT_CHAT_MODEL_PY.limitParam && ollamaInit(m, inner, open, close)) return INIT_CHAT_MODEL_OLLAMA_LIMIT;
  // An agent already given its settings object (`model_settings=ModelSettings(temperature=0.2)`, `modelSettings: {…}`):
  // the limit goes into that object; a second settings argument would be a syntax error (Python) or replace it.
  if (made.settings && settingsGiven(m, made.settings.key, open + 1, close)) return made.settings.limitParam;
  // browser-use's own ChatOpenAI takes max_completion_tokens, not LangChain's max_tokens (browser-use-models.ts).
  const bu = browserUseClass(m, made.at);
  return bu && !bu.unnamed ? bu.limitParam : made.limitParam;
}

/** Is `key` given among the arguments in [from, to): `key=…`, or in an object literal argument `{ key: …, key }`? */
function settingsGiven(m: Ctx, key: string, from: number, to: number, inObject = false): boolean {
  const { toks, match } = m;
  for (let k = from; k < to; k = valueEnd(m, k, to) + 1) {
    const named = isId(toks[k]) && toks[k].v === key;
    // `key=…`, `key: …`, or an object's shorthand member (`{ name, modelSettings }`).
    if (named && (keyAt(m, k) > 0 || (inObject && valueEnd(m, k, to) === k + 1))) return true;
    if (!inObject && isP(toks[k], '{') && match[k] > k && settingsGiven(m, key, k + 1, match[k], true)) return true;
  }
  return false;
}

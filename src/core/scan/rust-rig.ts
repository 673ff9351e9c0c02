// rig (https://github.com/0xPlaygrounds/rig) agents, `client.agent(MODEL)…build()` (call-shapes-rust.ts): which `.agent(`
// is a rig client's, and which provider serves it. rig's own cli_chatbot takes a built agent,
// `ChatBotBuilder::new().agent(agent).build()` (rig-core/src/integrations/cli_chatbot.rs): no request of its own. The
// client's provider module (`openai::Client::from_env()`, `providers::anthropic::Client::new(key)`, a parameter
// `client: &providers::openai::Client`) says who serves the model: an Ollama client's model runs on the user's server.
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { Ctx } from './values';

/** rig provider modules (crates/rig-core/src/providers/) → the price sheets' provider names. */
const PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai', anthropic: 'anthropic', gemini: 'google', deepseek: 'deepseek', groq: 'groq', mistral: 'mistral',
  xai: 'xai', cohere: 'cohere', ollama: 'ollama', openrouter: 'openrouter', together: 'together', azure: 'azure',
};

/** Tokens looked back for the receiver's binding. */
const MAX_BACK = 3000;
/** Tokens of a binding's value read for its provider module. */
const MAX_VALUE = 60;

/** The chain head of a receiver ending at toks[end]: `a.b().c` → the index of `a` (or of `openai` in `openai::Client::new(k)`). */
function chainHead(c: Ctx, end: number): number {
  const { toks, match } = c;
  let k = end;
  for (let n = 0; n < 64 && k > 0; n++) {
    if (isP(toks[k], ')') && match[k] >= 0) k = match[k] - 1;
    if (!isId(toks[k])) return k + 1;
    if (isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) k -= 2;
    else return k;
  }
  return k;
}

/** `.agent(` at toks[first] on a builder that is not a rig client: `Type::new()` with no arguments, Type not `Client`. */
export function notRigClient(c: Ctx, first: number): boolean {
  const { toks, match } = c;
  const close = first - 1;
  if (!isP(toks[close], ')') || match[close] !== close - 1) return false;
  const open = close - 1;
  return toks[open - 1]?.v === 'new' && isP(toks[open - 2], '::') && isId(toks[open - 3]) && toks[open - 3].v !== 'Client';
}

/** The provider module named in toks[from, to): `P::Client…`, `P::ClientBuilder…`. */
function moduleIn(c: Ctx, from: number, to: number): string | undefined {
  const { toks } = c;
  for (let k = from; k < to - 2; k++) {
    if (isId(toks[k]) && PROVIDERS[toks[k].v] && isP(toks[k + 1], '::') && /^Client/.test(toks[k + 2]?.v ?? '')) return PROVIDERS[toks[k].v];
  }
  return undefined;
}

/** Sets the site's provider from the client the agent is made on, when the file says it. */
export function rigProvider(c: Ctx, site: CallSite, first: number): void {
  const { toks } = c;
  const head = chainHead(c, first - 1);
  let provider = moduleIn(c, head, first);
  // A named client: its `let name = …;` (or `name: Type` parameter) nearest before.
  const name = isId(toks[head]) && !isP(toks[head + 1], '::') ? toks[head].v : undefined;
  for (let k = head - 1; !provider && name && k >= Math.max(0, head - MAX_BACK); k--) {
    if (toks[k].v !== name || !(isP(toks[k + 1], '=') || isP(toks[k + 1], ':'))) continue;
    let end = k + 2;
    while (end < toks.length && end < k + MAX_VALUE && !isP(toks[end], ';') && !isP(toks[end], '{')) end++;
    provider = moduleIn(c, k + 2, end);
    c.read?.push({ start: toks[k].start, end: toks[Math.min(end, toks.length - 1)].end });
    break;
  }
  if (head < first) c.read?.push({ start: toks[head].start, end: toks[first].end });
  if (provider) site.provider = provider;
}

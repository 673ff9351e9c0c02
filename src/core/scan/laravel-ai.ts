// Laravel AI (github.com/laravel/ai): an agent prompted, anonymous (`agent(…)->prompt(…)`) or of a class using
// Promptable (laravel-ai-agents.ts reads the class); defaults from config/ai.php and the package.
import { isId, isP } from '../lex/brackets';
import { readModel, type Ctx } from './values';
import { collectParts } from './parts';
import type { Found } from './keys';
import { memberValue } from './lookup';
import { ancestors, dirname, join } from '../resolve/files';
import { PROVIDERS, argsOf, linksBack, messagesAt, phpAssignment, phpMethod, providerAt, type PhpChain } from './php-chains';
import { agentClass, type AgentClass } from './laravel-ai-agents';

/** Laravel AI's default text model per provider when neither the call nor the agent names one (src/Providers/*Provider.php
 * defaultTextModel, cheapestTextModel, smartestTextModel; laravel/ai 2026-02-27), and config/ai.php sets no models. */
const LARAVEL_DEFAULTS: Record<string, [string, string, string]> = {
  openai: ['gpt-5.2', 'gpt-5-nano', 'gpt-5.2-pro'],
  anthropic: ['claude-sonnet-4-6', 'claude-haiku-4-5-20251001', 'claude-opus-4-6'],
  google: ['gemini-3-flash-preview', 'gemini-2.5-flash-lite', 'gemini-3-pro-preview'],
  mistral: ['mistral-medium-latest', 'mistral-small-latest', 'mistral-large-latest'],
  deepseek: ['deepseek-chat', 'deepseek-chat', 'deepseek-reasoner'],
  groq: ['openai/gpt-oss-120b', 'openai/gpt-oss-20b', 'openai/gpt-oss-120b'],
  xai: ['grok-4-1-fast-reasoning', 'grok-4-1-fast-reasoning', 'grok-4-1-fast-reasoning'],
};

/** Laravel AI sends Anthropic `max_tokens: $options?->maxTokens ?? 64_000` (src/Gateway/Prism/Concerns/
 * CreatesPrismTextRequests.php withProviderOptions; src/Gateway/Anthropic/Concerns/BuildsTextRequests.php); to the
 * other providers no limit unless the agent sets one. */
const ANTHROPIC_DEFAULT = 64_000;

/** Reads a Laravel AI call (`->prompt(` / `->stream(` / `->queue(` at `arrow`) into `f`; undefined when its receiver is
 * no agent. */
export function readLaravelAi(c: Ctx, f: Found, arrow: number, open: number): PhpChain | undefined {
  const { toks, match } = c;
  const { links, head } = linksBack(c, arrow, (name) => toks[name].v === 'agent' || isP(toks[name - 1], '::'));
  let at = head;
  // `$this->buildAgent()->prompt(…)`: the agent an app method of this class returns.
  let made: Receiver | undefined;
  if (toks[head]?.v === '$this' && links.length && isP(toks[head + 1], '->')) {
    const r = methodAgent(c, toks[links[links.length - 1]].v);
    if (!r) return undefined;
    made = { ...r, start: head };
    links.pop();
  } else if (toks[head]?.v === '$this' && !links.length) {
    // `$this->prompt(…)` in the agent's own method (a class using Promptable): the class the call is written in.
    const cls = classAround(c, arrow);
    if (!cls) return undefined;
    made = { cls, open: -1, start: head };
  } else if (isId(toks[at]) && toks[at].v.startsWith('$') && !isP(toks[at - 1], '->')) {
    const def = phpAssignment(c, toks[at].v, arrow);
    at = def >= 0 ? valueLast(c, def) : -1;
  } else if (isId(toks[at]) && isP(toks[at - 1], '->') && toks[at - 2]?.v === '$this') {
    const def = memberValue(c, toks[at].v, toks[arrow].start);
    at = def >= 0 ? valueLast(c, def) : -1;
  }
  if (at < 0) return undefined;
  const recv = made ?? receiver(c, at);
  if (!recv) return undefined;
  let agent: AgentClass | undefined;
  if (recv.anonymous) anonymousArgs(c, f, recv.open);
  else {
    agent = agentClass(c, recv.cls!, recv.fqn);
    if (!agent || faked(c, agent.name, arrow)) return undefined;
  }
  // The prompt's own arguments (Promptable::prompt($prompt, $attachments, $provider, $model, $timeout); stream, queue alike).
  const args = argsOf(c, open + 1, match[open] < 0 ? open + 1 : match[open]);
  const prompt = args.get(0) ?? args.get('prompt');
  f.messages++;
  if (prompt) collectParts(c, prompt[0], prompt[1], f.parts);
  if (args.has(1) || args.has('attachments')) (f.uses ??= new Set()).add('images');
  const p = args.get(2) ?? args.get('provider');
  const m = args.get(3) ?? args.get('model');
  if (m && !(m[1] === m[0] + 1 && toks[m[0]].v === 'null')) f.model = readModel(c, m[0], m[1]);
  let provider = p ? providerAt(c, p[0], p[1]) : undefined;
  const anchor = { start: toks[open - 1].start, end: toks[open - 1].start };
  if (agent) {
    f.model ??= agent.model ? { ref: agent.model } : undefined;
    provider ??= agent.provider;
    if (agent.limit) f.limit = agent.limit;
    if (agent.system) f.system = (f.system ?? 0) + 1;
    // Instructions written in the agent's own file: shown at the call, their place in the hover.
    const foreign = agent.file !== c.file;
    f.parts.unshift(...agent.instructions.map((x) => (foreign ? { ...x, span: anchor } : x)));
    if (agent.tools) (f.uses ??= new Set()).add('tools');
    if (agent.schema) (f.uses ??= new Set()).add('structured-output');
  }
  // The default provider: config/ai.php 'default' (laravel/ai config/ai.php: 'openai').
  const config = aiConfig(c);
  if (provider === undefined) provider = defaultProvider(config);
  if (!f.model && provider) {
    const d = LARAVEL_DEFAULTS[provider];
    const pick = agent?.pick === 'cheapest' ? 1 : agent?.pick === 'smartest' ? 2 : 0;
    if (d && !configModels(config, provider)) f.model = { ref: { id: d[pick], span: anchor, kind: 'constant', unwritten: true, provider, source: { offset: anchor.start, what: `laravel/ai's ${['default', 'cheapest', 'smartest'][pick]} text model for ${provider} (src/Providers; config/ai.php sets none)` } } };
    else f.model = { unresolved: `${provider}'s default text model (config/ai.php)` };
  }
  if (!f.model) f.model = { unresolved: p ? `model of provider ${c.text.slice(toks[p[0]].start, toks[p[1] - 1].end)} (its default)` : 'the agent model (run time)' };
  if (!f.limit && !f.limitUnresolved) {
    if (provider === 'anthropic') f.limit = { value: ANTHROPIC_DEFAULT, span: anchor, key: 'max_tokens (laravel/ai default for Anthropic)', unwritten: true, source: { offset: anchor.start, what: 'laravel/ai default max_tokens for Anthropic (64000)' } };
    // Chosen at run time: Anthropic's default, or none for the others.
    else if (!provider && p) f.limitUnresolved = `${ANTHROPIC_DEFAULT} if ${c.text.slice(toks[p[0]].start, toks[p[1] - 1].end)} is anthropic, else none`;
  }
  for (const name of links) if (toks[name].v === 'continue' || toks[name].v === 'forUser') f.parts.push({ text: '', span: { start: toks[name].start, end: toks[name].end }, resolved: false, label: 'earlier turns of the conversation' });
  return { provider, start: recv.start, agentClass: agent?.name };
}

/** Last token of the value starting at `def` that a receiver is read from: `new X(…)`, `X::make(…)`, `agent(…)`, and
 * a chain after them (`X::make()->withContext($c)`): the head's closing bracket. */
function valueLast(c: Ctx, def: number): number {
  const { toks, match } = c;
  // `new \App\Ai\Agents\OrgScopedAgent(…)`: the class is the last name.
  if (toks[def]?.v === 'new' && isP(toks[def + 1], '\\')) {
    let k = def + 1;
    while (isP(toks[k], '\\') && isId(toks[k + 1])) k += 2;
    return isP(toks[k], '(') && match[k] > 0 ? match[k] : k - 1;
  }
  if (isId(toks[def]) && toks[def].v === 'new' && isId(toks[def + 1])) return isP(toks[def + 2], '(') && match[def + 2] > 0 ? match[def + 2] : def + 1;
  if (isId(toks[def]) && isP(toks[def + 1], '::') && isId(toks[def + 2]) && isP(toks[def + 3], '(')) return match[def + 3];
  if (isId(toks[def]) && toks[def].v === 'agent' && isP(toks[def + 1], '(')) return match[def + 1];
  return -1;
}

/** Tokens walked back from a call to its class's head, at most. */
const MAX_CLASS_BACK = 20000;

/** The name of the class whose body holds token `at` (`final class TitleAgent implements Agent {`), or undefined. */
function classAround(c: Ctx, at: number): string | undefined {
  const { toks, match } = c;
  for (let k = at - 1, n = 0; k > 0 && n < MAX_CLASS_BACK; k--, n++) {
    if (toks[k].v !== 'class' || !isId(toks[k]) || !isId(toks[k + 1]) || isP(toks[k - 1], '::')) continue;
    let body = k + 2;
    while (body < at && !isP(toks[body], '{')) body++;
    return body < at && match[body] > at ? toks[k + 1].v : undefined;
  }
  return undefined;
}

/** Words before a bracket that make it a grouping, not a call. */
const KEYWORDS = new Set(['return', 'echo', 'print', 'yield', 'throw', 'else', 'and', 'or', 'xor', 'fn', 'match', 'case']);

type Receiver = { anonymous?: boolean; open: number; cls?: string; start: number; fqn?: string };

/**
 * The agent method `name` of this file returns: its declared return type (`function buildAgent(): OrgScopedAgent`),
 * else what its `return` gives (`new X(…)`, `X::make(…)`, or a variable assigned one in the method). Whether that class
 * is an agent (uses Promptable) is asked of its file as for any receiver.
 */
function methodAgent(c: Ctx, name: string): Receiver | undefined {
  const { toks } = c;
  const f = phpMethod(c, name);
  if (!f) return undefined;
  c.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd]?.end ?? c.text.length });
  // `: ?X`, `: \App\Ai\Agents\X`: the class is the last name before the body.
  const last = toks[f.body - 2];
  if (f.typeFrom < f.body - 1 && isId(last) && /^[A-Z]/.test(last.v)) {
    const fqn = c.text.slice(toks[f.typeFrom].start, last.end).replace(/^[?\\]+/, '');
    const r = { cls: last.v, open: -1, start: f.name, fqn: fqn.includes('\\') ? fqn : undefined };
    // An interface (`: Agent`) is no class to read: the returns say which.
    if (agentClass(c, r.cls, r.fqn)) return r;
  }
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    let def = k + 1;
    if (isId(toks[def]) && toks[def].v.startsWith('$') && isP(toks[def + 1], ';')) def = phpAssignment(c, toks[def].v, k);
    const last = def >= 0 ? valueLast(c, def) : -1;
    const r = last >= 0 ? receiver(c, last) : undefined;
    if (r && !r.anonymous) return r;
  }
  return undefined;
}

/** The agent a chain starts with, its last token at `at`. */
function receiver(c: Ctx, at: number): Receiver | undefined {
  const { toks, match } = c;
  // `new X` with no brackets, as a variable's value.
  if (isId(toks[at]) && toks[at - 1]?.v === 'new') return { cls: toks[at].v, open: -1, start: at - 1 };
  if (!isP(toks[at], ')')) return undefined;
  const open = match[at];
  if (open < 0) return undefined;
  const name = toks[open - 1];
  // `agent(…)`, a function of laravel/ai (functions.php), not a method (`$this->agent(…)`) nor a definition.
  if (isId(name) && name.v === 'agent' && !isP(toks[open - 2], '->') && !isP(toks[open - 2], '::') && toks[open - 2]?.v !== 'function') {
    return c.text.includes('Laravel\\Ai') ? { anonymous: true, open, start: open - 1 } : undefined;
  }
  // `(new X)` / `(new X(…))`: brackets of their own, not a call's (`return (new X)`, `= (new X)`).
  if ((!isId(name) || KEYWORDS.has(name.v)) && toks[open + 1]?.v === 'new' && isId(toks[open + 2])) return { cls: toks[open + 2].v, open, start: open };
  // `new X(…)` as a variable's value, `new \App\Ai\Agents\X(…)` too
  let q = open - 2;
  while (isP(toks[q], '\\') && isId(toks[q - 1]) && toks[q - 1].v !== 'new') q -= 2;
  if (isP(toks[q], '\\')) q--;
  if (isId(name) && toks[q]?.v === 'new') return { cls: name.v, open, start: q, fqn: q < open - 2 ? c.text.slice(toks[q + 1].start, name.end).replace(/^\\/, '') : undefined };
  // `X::make(…)`
  if (isId(name) && name.v === 'make' && isP(toks[open - 2], '::') && isId(toks[open - 3])) return { cls: toks[open - 3].v, open, start: open - 3 };
  return undefined;
}

/** `agent($instructions, $messages, $tools, $schema)`: the instructions are a system prompt, the messages earlier turns. */
function anonymousArgs(c: Ctx, f: Found, open: number): void {
  const args = argsOf(c, open + 1, c.match[open]);
  const ins = args.get(0) ?? args.get('instructions');
  if (ins) {
    f.system = (f.system ?? 0) + 1;
    collectParts(c, ins[0], ins[1], f.parts);
  }
  const msgs = args.get(1) ?? args.get('messages');
  if (msgs && !(msgs[1] === msgs[0] + 2 && isP(c.toks[msgs[0]], '['))) messagesAt(c, f, msgs[0], msgs[1]);
  const tools = args.get(2) ?? args.get('tools');
  if (tools && !(tools[1] === tools[0] + 2 && isP(c.toks[tools[0]], '['))) (f.uses ??= new Set()).add('tools');
  if (args.has(3) || args.has('schema')) (f.uses ??= new Set()).add('structured-output');
}

/** Folders looked up for config/ai.php. */
const CONFIG_UP = 6;

/** config/ai.php above the file (the published config; absent: the package's own). */
function aiConfig(c: Ctx): string | undefined {
  const idx = c.index;
  if (!idx || !c.file) return undefined;
  for (const d of ancestors(dirname(c.file), CONFIG_UP)) {
    const t = idx.text(join(d, 'config', 'ai.php'));
    if (t !== undefined) return t;
  }
  return undefined;
}

/** config/ai.php's 'default' provider (an env() default counts): laravel/ai config/ai.php ships 'openai'. */
function defaultProvider(config: string | undefined): string | undefined {
  if (config === undefined) return 'openai';
  const m = /^[ \t]*'default'[ \t]*=>[ \t]*(?:env\([ \t]*'[A-Z_]+'[ \t]*,[ \t]*)?'([a-z]+)'/m.exec(config);
  return m ? PROVIDERS[m[1]] ?? m[1] : undefined;
}

/** Does config/ai.php give the provider's block text models of its own (`'models' => ['text' => ['default' => …]]`)? */
function configModels(config: string | undefined, provider: string): boolean {
  if (config === undefined) return false;
  const key = `'${provider === 'google' ? 'gemini' : provider}'`;
  let at = -1;
  for (let i = config.indexOf(key); i >= 0 && at < 0; i = config.indexOf(key, i + 1)) {
    if (/^[ \t]*=>[ \t]*\[/.test(config.slice(i + key.length, i + key.length + 40))) at = i;
  }
  if (at < 0) return false;
  const driver = config.indexOf("'driver'", at);
  const next = driver < 0 ? -1 : config.indexOf("'driver'", driver + 1);
  return config.slice(at, next < 0 ? undefined : next).includes("'models'");
}

/** Tokens walked back from a call to the start of its function or closure, looking for a fake. */
const MAX_FAKE_BACK = 4000;

/**
 * Is the agent class `cls` faked before the call at `at`, in the function or closure around it (`GlucoseSpecialist::fake([…])`
 * then `(new GlucoseSpecialist)->prompt(…)` in a Pest test: held52, acara-app/plate)? Promptable::fake() registers a
 * FakeTextGateway for the class (`Ai::fakeAgent(static::class, $responses)`), and its prompts are answered from it:
 * nothing is sent (laravel/ai src/Promptable.php, src/Concerns/InteractsWithFakeAgents.php). `Ai::fakeAgent(X::class`
 * alike. The region looked through is read (typing or deleting the fake changes the row).
 */
function faked(c: Ctx, cls: string, at: number): boolean {
  const { toks } = c;
  let k = at - 1;
  for (let n = 0; k > 0 && n < MAX_FAKE_BACK && toks[k].v !== 'function' && toks[k].v !== 'fn'; k--, n++) {
    if (toks[k].v !== cls || !isP(toks[k + 1], '::')) continue;
    if (toks[k + 2]?.v === 'fake' && isP(toks[k + 3], '(')) break;
    if (toks[k + 2]?.v === 'class' && isP(toks[k - 1], '(') && toks[k - 2]?.v === 'fakeAgent') break;
  }
  c.read?.push({ start: toks[Math.max(0, k)].start, end: toks[at].end });
  return k > 0 && toks[k].v === cls;
}

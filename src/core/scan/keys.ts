// Keyed values inside a call's extent, in whatever syntax the language uses: the model, the output limit,
// the thinking budget and the prompt-bearing values.
import { T } from '../lex/lexer';
import type { CallFeature, LimitRef, PromptPart, Span, ToolDefs } from '../types';
import { isId, isP } from '../lex/brackets';
import { keyAt, readModel, readNumber, valueEnd, type Ctx, type ModelValue } from './values';
import { collectParts } from './parts';
import { FEATURE_KEYS, IMAGE_PART_TYPES, LIMIT_KEYS, MESSAGE_WRAPPERS, CALL_MODEL_KEYS, PROMPT_KEYS, SERVICE_TIER_KEYS, THINKING_KEYS, SYSTEM_KEYS, BILLED_EXTRA_KEYS, normKey } from './call-keys';
import { label, SELF } from './value';
import { functionDef } from './definitions';
import { roleTuple } from './part-terms';
import { deploymentModel } from './deployment-names';
import { computedKey, enclosing, type KeyName } from './computed-keys';
import { namedConfig } from './config-names';
import { readTier } from './service-tiers';
import { linkKey } from './rust-setters';
import { readLimitKey } from './limit-keys';
import { forcesTool } from './tool-choice';
import { CHOICE_KEYS, readChoices, type Choices } from './choices';
import type { Host } from '../price/hosts';
import { jvmMessageElement } from './message-vars';
import { goJsonKey } from './go-json-keys';
import { adaptiveThinking, budgetShorthand, enabledWithoutBudget } from './thinking-mode';
import { textConfig } from './text-format';
export { limitForModel, readLimitKey } from './limit-keys';

export interface Found {
  model?: ModelValue;
  modelKeyIdx?: number;
  modelEnd?: number;
  limit?: LimitRef;
  /** The limit's expression when it is only known at run time (or chosen at run time among several values). */
  limitUnresolved?: string;
  /** The limit a library sends when the code sets none (browser-use-models.ts): priced, labelled as its default. */
  sdkDefaultLimit?: { value: number; label: string; what: string };
  /** The limit's key and the tokens of its value, [start, end): read again once the model is known (`LIMITS[model]`). */
  limitAt?: [key: number, start: number, end: number];
  /** The model's expression as written (`chatSettings.model`), when it is not a literal. */
  modelExpr?: string;
  /** The thinking budget, adaptive thinking asked for, or `enabled` with no budget key (thinking-mode.ts). */
  thinking?: number | 'adaptive' | 'enabled';
  /** The thinking budget's expression when it is only known at run time (`budgetTokens: budget`). */
  thinkingUnresolved?: string;
  /** The variable the limit came from (a .NET options object), not a message. */
  limitVar?: string;
  parts: PromptPart[];
  messages: number;
  /** Messages of role assistant among them (the harmony format bills 2 more for each): also a tuple's `"ai"`. */
  assistant?: number;
  /** A top-level system prompt key (`system=`, `instructions=`, `system_instruction=`): one more message. */
  system?: number;
  /** Keys whose values bill as input but are not prompt text (`tools`, `response_format`), as written. */
  extras?: string[];
  /** `service_tier` value, lower case. */
  serviceTier?: string;
  /** How many answers the request asks for, per key (choices.ts); the call's provider decides which key counts. */
  choices?: Record<string, Choices>;
  /** What the call uses (tools, structured output, images, …). */
  uses?: Set<CallFeature>;
  /** `tool_choice` (Gemini `tool_config`) forces a tool call (tool-choice.ts). */
  forcedTool?: boolean;
  /** Token range of the request when it was built away from the call (a variable, a builder, a helper). */
  request?: { start: number; end: number };
  /** Tool definitions read with the request where it is written away from the call (ruby-caller-requests.ts). */
  tools?: ToolDefs;
  schema?: ToolDefs; // a chat's response schema (RubyLLM `with_schema`, ruby-llm-schema.ts)
  /** Arguments only known at run time (`**params`, `this.modifyBody(body)`), with their labels. */
  runtime?: (Span & { label: string })[];
  /** Steps of a tool loop the request's chain states (Prism `->withMaxSteps(5)`: chain-turns.ts). */
  steps?: import('./chain-turns').ChainTurns;
  /** A request of a batch job the chain is sent in (CallSite.batchJob; ruby-llm-batch.ts). */
  batchJob?: string;
  /** The host the construction that gave the model sends to (an Azure OpenAI deployment: dotnet-azure.ts). */
  host?: Host;
}

/** Longest of IMAGE_PART_TYPES: a longer string (a prompt) is not looked up, which would hash its whole text. */
const MAX_IMAGE_TYPE = Math.max(...[...IMAGE_PART_TYPES].map((t) => t.length));

function addExtra(f: Found, key: string): void {
  if (!(f.extras ??= []).includes(key) && f.extras.length < 8) f.extras.push(key);
}

/** Is `key` one of the call's own SDK key names (CallShape.keys)? */
const shapeKey = (c: Ctx, key: string) => !!c.shapeKeys && (!!c.shapeKeys.limit?.has(key) || !!c.shapeKeys.model?.has(key) || !!c.shapeKeys.prompt?.has(key));

/** Walks toks[from, to) for keys at any depth; prompt-bearing values are collected whole. */
/** A call at toks[k] of a function or method defined in the file (`helper(…)`, `self.helper(…)`). */
function ownCall(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  const tk = toks[k];
  if (!isId(tk) || !isP(toks[k + 1], '(') || match[k + 1] <= k || MESSAGE_WRAPPERS.has(tk.v)) return false;
  if (isP(toks[k - 1], '.') && !SELF.has(toks[k - 2]?.v)) return false;
  // Defined below a cut: left to the full analysis (editor/prefix.ts), as a helper read for a runnable is.
  c.forward?.add(tk.v);
  return functionDef(c, tk.v) >= 0;
}

export function walkKeys(c: Ctx, f: Found, from: number, to: number): void {
  const { toks, match } = c;
  let k = from;
  // A key of the request that cannot be read (`{option: value}` with `option` a parameter): it may be the limit.
  let unknownKey: string | undefined;
  while (k < to) {
    const tk = toks[k];
    const computed = computedKey(c, k, to);
    if (computed && !('unknown' in computed.name && knownName(c, computed.at))) {
      const sep = computed.at + (c.syn.id === 'python' ? 1 : 2);
      const vEnd = valueEnd(c, sep + 1, to);
      const got = readComputed(c, f, computed.at, computed.name, sep + 1, vEnd), unknown = typeof got === 'string' ? got : undefined;
      if (unknown && topLevel(c, k, from)) unknownKey ??= unknown;
      k = typeof got === 'number' ? got : 'other' in computed.name || unknown ? sep + 1 : vEnd;
      continue;
    }
    // A callback's parameters and block (`onmessage: (message: LiveServerMessage) => { … }`, `function (message: …) { … }`)
    // are no keys of the request.
    const fn = c.syn.id === 'javascript' && isP(tk, '(') && match[k] > k && (isP(toks[match[k] + 1], '=>') || (isId(toks[k - 1]) && toks[k - 1].v === 'function'));
    if (fn) {
      k = match[k] + (isP(toks[match[k] + 1], '=>') ? 2 : 1);
      if (isP(toks[k], '{') && match[k] > k) k = match[k] + 1;
      continue;
    }
    // Python: the keyword arguments of the app's own function or method (`self.get_prompt(title=title, text=text)`)
    // are its parameters, not keys of the request (held51: `text=text` was read as the prompt, 1 token).
    if (c.syn.id === 'python' && ownCall(c, k)) {
      k = c.match[k + 1] + 1;
      continue;
    }
    const sep = keyAt(c, k);
    if (sep > 0) {
      const vEnd = valueEnd(c, sep + 1, to);
      // Ruby 3.1's shorthand `chat(parameters: { model:, messages: })`: an omitted value is the local or method of the
      // key's name (Ruby 3.1.0 NEWS, "Values in Hash literals and keyword arguments can be omitted").
      if (vEnd === sep + 1 && c.syn.id === 'ruby' && isId(tk)) {
        readKey(c, f, k, k, k + 1);
        k = sep + 1;
        continue;
      }
      // A Go struct field sent under its `json:"…"` tag's name (go-json-keys.ts); `json:"-"` is never sent.
      const tagged = c.syn.id === 'go' ? goJsonKey(c, k) : undefined;
      k = tagged === '-' ? vEnd : readKey(c, f, k, sep + 1, vEnd, tagged);
      continue;
    }
    // Builder-style `.key(value)` and message wrappers `UserMessage("…")`.
    if (isId(tk) && isP(toks[k + 1], '(')) {
      const key = linkKey(c, k);
      const close = match[k + 1] < 0 ? to : Math.min(match[k + 1], to);
      if (MESSAGE_WRAPPERS.has(key) || (isP(toks[k - 1], '.') && (PROMPT_KEYS.has(key) || CALL_MODEL_KEYS.has(key) || LIMIT_KEYS.has(key) || SERVICE_TIER_KEYS.has(key) || CHOICE_KEYS.has(key) || key in FEATURE_KEYS || shapeKey(c, key)))) {
        k = readKey(c, f, k, k + 2, close, key);
        continue;
      }
    }
    // Shorthand property `{ model, messages }` (Go has none: `Generate(ctx, model, prompt)` passes a variable).
    if (c.syn.id !== 'go' && isId(tk) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) {
      const key = normKey(tk.v);
      // `new ToolLoopAgent({ model, tools })`: a shorthand `tools` is the tools, as `tools: tools` (vercel/ai ai-e2e-next).
      const known = CALL_MODEL_KEYS.has(key) || PROMPT_KEYS.has(key) || LIMIT_KEYS.has(key) || CHOICE_KEYS.has(key) || FEATURE_KEYS[key] === 'tools';
      // `{ model, contents, config }` with `config` an object written before (config-names.ts).
      if (known || namedConfig(c, f, key, k, k + 1, walkKeys) !== undefined) {
        if (known) readKey(c, f, k, k, k + 1);
        k++;
        continue;
      }
    }
    k++;
  }
  if (unknownKey && !f.limit) f.limitUnresolved ??= `${unknownKey} (a key known only at run time)`;
}

/** A key name written as a value that names a known key as it is (`{model: m}` read as before): no computed key. */
function knownName(c: Ctx, k: number): boolean {
  const key = normKey(c.toks[k].v);
  return key === 'role' || key in FEATURE_KEYS || [CALL_MODEL_KEYS, PROMPT_KEYS, LIMIT_KEYS, BILLED_EXTRA_KEYS, SERVICE_TIER_KEYS, THINKING_KEYS].some((s) => s.has(key));
}

/** Reads the value of a computed key; returns the key's text when it cannot be read. */
function readComputed(c: Ctx, f: Found, keyIdx: number, name: KeyName, vStart: number, vEnd: number): string | number | undefined {
  if ('name' in name) return readKey(c, f, keyIdx, vStart, vEnd, normKey(name.name)); // read as if written: where to go on
  else if ('limit' in name) readLimitKey(c, f, keyIdx, vStart, vEnd);
  else if ('unknown' in name) return name.unknown;
  return undefined;
}

/** Is the object around the key at toks[k] the request itself (the walked range's own braces or its first value:
 * `create({ … })`, a `**{…}` spread, a returned dict), not an object nested in one of its values? */
function topLevel(c: Ctx, k: number, from: number): boolean {
  const brace = enclosing(c, k, from);
  if (brace < 0) return false;
  const before = c.toks[brace - 1];
  return brace === from - 1 || brace === from || (!!before && (before.v === '**' || before.v === '...' || before.v === 'return'));
}

/** Reads one key's value (toks[vStart, vEnd)); returns where to continue. */
export function readKey(c: Ctx, f: Found, keyIdx: number, vStart: number, vEnd: number, named?: string): number {
  const key = named ?? normKey(c.toks[keyIdx].v);
  if (c.shapeKeys?.skip?.has(key)) return vEnd;
  if (key === 'role') {
    f.messages++;
    if (isAssistant(c, vStart)) f.assistant = (f.assistant ?? 0) + 1;
  }
  const feature = FEATURE_KEYS[key];
  // `stream=False` uses no streaming; any other value (True, a variable) may.
  if (feature && !(feature === 'streaming' && vEnd === vStart + 1 && /^false$/i.test(c.toks[vStart].v))) (f.uses ??= new Set()).add(feature);
  if ((key === 'toolchoice' || key === 'toolconfig') && forcesTool(c, vStart, vEnd)) f.forcedTool = true;
  if (BILLED_EXTRA_KEYS.has(key)) {
    addExtra(f, c.toks[keyIdx].v);
    return vEnd;
  }
  if (CALL_MODEL_KEYS.has(key) || c.shapeKeys?.model?.has(key)) {
    if (f.model === undefined) {
      f.model = deploymentModel(key, readModel(c, vStart, vEnd), label(c, vStart, vEnd));
      if (f.model) {
        f.modelKeyIdx = keyIdx;
        f.modelEnd = vEnd;
        if (vEnd > vStart && c.toks[vStart].t !== T.Str) f.modelExpr = label(c, vStart, vEnd);
      }
    }
    return vEnd;
  }
  if (LIMIT_KEYS.has(key) || c.shapeKeys?.limit?.has(key)) return readLimitKey(c, f, keyIdx, vStart, vEnd);
  if (key === 'thinking') {
    if (f.thinking === undefined && adaptiveThinking(c, vStart, vEnd)) f.thinking = 'adaptive';
    else if (f.thinking === undefined && enabledWithoutBudget(c, vStart, vEnd)) f.thinking = 'enabled';
    const sh = f.thinking === undefined ? budgetShorthand(c, vStart, vEnd) : undefined;
    if (sh !== undefined) {
      const n = readNumber(c, sh, sh + 1);
      if (n) f.thinking = n.value;
      else f.thinkingUnresolved ??= c.toks[sh].v;
    }
    return namedConfig(c, f, key, vStart, vEnd, walkKeys) ?? vStart;
  }
  if (THINKING_KEYS.has(key)) {
    const n = readNumber(c, vStart, vEnd);
    if (n && (f.thinking === undefined || f.thinking === 'enabled')) f.thinking = n.value;
    else if (!n && vEnd > vStart) f.thinkingUnresolved ??= label(c, vStart, vEnd);
    return vEnd;
  }
  if (SERVICE_TIER_KEYS.has(key)) {
    f.serviceTier ??= readTier(c, vStart, vEnd);
    return vEnd;
  }
  if (CHOICE_KEYS.has(key)) {
    readChoices(c, (f.choices ??= {}), key, keyIdx, vStart, vEnd);
    return vEnd;
  }
  const textConf = key === 'text' ? textConfig(c, vStart, vEnd) : undefined;
  if (textConf) return textConf === 'json' ? readKey(c, f, keyIdx, vStart, vEnd, 'textformat') : vEnd;
  if (PROMPT_KEYS.has(key) || MESSAGE_WRAPPERS.has(key) || c.shapeKeys?.prompt?.has(key)) {
    if (MESSAGE_WRAPPERS.has(key)) {
      f.messages++;
      if (key.includes('assistant') || key === 'aimessage') f.assistant = (f.assistant ?? 0) + 1;
    }
    if (SYSTEM_KEYS.has(key)) f.system = (f.system ?? 0) + 1;
    const listed = c.listMessages ?? 0;
    collectParts(c, vStart, vEnd, f.parts);
    // Lists and messages read inside a literal written here (`[*BASE, {…}]`, `BASE + [{…}]`, JS `[sys, user]` with
    // `const sys = { role: … }`): their messages add to its roles.
    if ((c.syn.id === 'python' && (isP(c.toks[vStart], '[') || joined(c, vStart, vEnd))) || (c.syn.id === 'javascript' && isP(c.toks[vStart], '['))) [f.messages, c.listMessages] = [f.messages + (c.listMessages ?? 0) - listed, listed];
    // Roles inside a messages list count messages; wrappers inside it too.
    for (let k = vStart; k < vEnd; k++) {
      const tk = c.toks[k];
      // A key first (a separator follows), then its name: every string of the request passes here, prompts included,
      // and normKey hashes the whole text.
      const at = tk.t === T.Id || tk.t === T.Str ? keyAt(c, k) : -1;
      const sep = at > 0 && normKey(tk.v) === 'role' ? at : 0;
      if (sep > 0) {
        f.messages++;
        if (isAssistant(c, sep + 1)) f.assistant = (f.assistant ?? 0) + 1;
      } else if ((tk.t === T.Id && isP(c.toks[k + 1], '(') && MESSAGE_WRAPPERS.has(normKey(tk.v))) || roleTuple(c, k)) {
        f.messages++;
        const w = tk.t === T.Str ? tk.v : normKey(tk.v);
        if (w.includes('assistant') || w === 'aimessage' || w === 'ai') f.assistant = (f.assistant ?? 0) + 1;
      } else if (jvmMessageElement(c, k)) f.messages++;
      if (tk.t === T.Str && tk.v.length <= MAX_IMAGE_TYPE && IMAGE_PART_TYPES.has(tk.v)) (f.uses ??= new Set()).add('images');
    }
    return Math.max(vEnd, vStart + 1);
  }
  // Any other key: its value may hold nested keys (`inferenceConfig: {…}`), or name an object written before it.
  return namedConfig(c, f, key, vStart, vEnd, walkKeys) ?? vStart;
}

/** A role value that is the string "assistant" (or an SDK constant ending in Assistant). */
function isAssistant(c: Ctx, v: number): boolean {
  const tk = c.toks[v];
  if (!tk || tk.t === T.Str) return tk?.v === 'assistant';
  // `Role.ASSISTANT`, `ChatRole.Assistant`, `openai.ChatMessageRoleAssistant`
  for (let k = v; k < c.toks.length && k < v + 6; k++) {
    const t = c.toks[k];
    if (t.t === T.Id) {
      if (/assistant$/i.test(t.v)) return true;
    } else if (!isP(t, '.') && !isP(t, '::')) break;
  }
  return false;
}

/** A `+` between toks[from, to) outside brackets. */
function joined(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k = c.match[k] > k ? c.match[k] + 1 : k + 1) if (isP(c.toks[k], '+')) return true;
  return false;
}

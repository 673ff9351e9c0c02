// Input tokens of one API request body, as the engine would count it: the texts, each provider's formatting
// (./chat-format), tool definitions and response schemas at their measured cost. Used to check our counts against
// recorded calls (`prompt-cost calibrate`); requests the rules cannot speak for are skipped with the reason.
import type { ModelPrice } from '../types';
import { isExactTokenizer, tokenFactor } from '../price/sheets';
import { chatFormatFor, encodingFor, formattedTokens, indentedLines, textCompletionFormat, type ChatFormat } from './chat-format';
import { countTokens, type Encoding } from './token-count';
import { responseFormatTokens, schemaBilled, toolDefinitionTokens } from '../cost/tool-tokens';
import type { OpenAIToolContext } from '../cost/openai-tools';

export type Endpoint = 'openai.chat' | 'openai.completions' | 'openai.responses' | 'anthropic.messages' | 'gemini.generate';

export type RequestCount = { tokens: number; exact: boolean } | { skip: string };

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

class Skip extends Error {}

/** Text parts of a content value (a string, or parts with `text`); anything else is not countable here. */
function texts(content: unknown, out: string[]): void {
  if (content === undefined || content === null) return;
  if (typeof content === 'string') {
    out.push(content);
    return;
  }
  const parts = Array.isArray(content) ? content : [content];
  for (const p of parts) {
    if (typeof p === 'string') out.push(p);
    else if (isObj(p) && typeof p.text === 'string' && (p.type === undefined || p.type === 'text' || p.type === 'input_text' || p.type === 'output_text') && !p.thought)
      out.push(p.text);
    else throw new Skip(`non-text content (${isObj(p) ? String(p.type ?? Object.keys(p)[0]) : typeof p})`);
  }
}

interface Shape {
  /** Per message: role and texts. */
  messages: { role: string; texts: string[]; name?: string }[];
  tools: Json[];
  schema?: unknown;
  /** OpenAI: the response format around the schema (`{name, description, schema}`), JSON mode, `tool_choice`. */
  format?: Json;
  jsonObject?: boolean;
  choice?: OpenAIToolContext['choice'];
  thinking?: boolean;
}

/** Keys that put input on the bill that the request does not show (server-side state, stored prompts). */
const HIDDEN: Record<Endpoint, string[]> = {
  'openai.chat': [],
  'openai.completions': ['suffix'],
  'openai.responses': ['previous_response_id', 'conversation', 'prompt'],
  'anthropic.messages': ['mcp_servers', 'container', 'context_management'],
  'gemini.generate': ['cachedContent', 'cached_content'],
};

function shapeOf(endpoint: Endpoint, body: Json, format: ChatFormat): Shape {
  for (const k of HIDDEN[endpoint]) if (body[k] !== undefined && body[k] !== null) throw new Skip(`hidden input (${k})`);
  const s: Shape = { messages: [], tools: [] };
  // OpenAI joins a message's text parts into one text before tokenizing: 2 held-out recorded Responses calls
  // (crmne/ruby_llm, gpt-5-nano: a question part, then a `<file …>` part) billed the joined text's count, 1 token
  // under the parts' sum ("?" and "<" merge); the 12 other multi-part OpenAI calls count the same either way.
  // The same decision as the lens's (chat-format.ts joinsParts), so the two cannot drift.
  const join = !!format.joinsParts;
  const msg = (role: string, content: unknown, name?: unknown) => {
    const t: string[] = [];
    texts(content, t);
    s.messages.push({ role, texts: join && t.length > 1 ? [t.join('')] : t, ...(typeof name === 'string' ? { name } : {}) });
  };
  if (endpoint === 'openai.completions') {
    // A text completion's prompt: one text, or several sent at once (each billed alone; the usage is their sum).
    const p = body.prompt;
    if (typeof p === 'string') msg('user', p);
    else if (Array.isArray(p) && p.every((x) => typeof x === 'string')) for (const x of p) msg('user', x);
    else throw new Skip('prompt given as tokens');
  } else if (endpoint === 'openai.chat') {
    for (const m of arr(body.messages)) {
      if (!isObj(m)) throw new Skip('bad message');
      if (m.tool_calls || m.function_call || m.audio) throw new Skip('tool calls in the history');
      if (m.role === 'tool' || m.role === 'function') throw new Skip('tool results in the history');
      msg(String(m.role), m.content, m.name);
    }
    const rf = body.response_format;
    if (isObj(rf) && rf.type === 'json_schema') {
      s.schema = isObj(rf.json_schema) ? rf.json_schema.schema : undefined;
      if (isObj(rf.json_schema)) s.format = rf.json_schema;
    } else if (isObj(rf) && rf.type === 'json_object') [s.schema, s.jsonObject] = [{}, true];
    s.choice = choiceOf(body.tool_choice ?? body.function_call);
    for (const t of arr(body.tools)) {
      if (isObj(t) && isObj(t.function)) s.tools.push(t.function);
      else if (isObj(t) && t.parameters !== undefined) s.tools.push(t);
      else throw new Skip('server tool');
    }
    // Legacy `functions`: a function may have no parameters (openai-dotnet FunctionsWork sends the `tools` form's).
    for (const t of arr(body.functions)) {
      if (isObj(t) && typeof t.name === 'string') s.tools.push(t);
      else throw new Skip('bad function');
    }
  } else if (endpoint === 'openai.responses') {
    if (isObj(body.reasoning) && body.reasoning.mode !== undefined) throw new Skip('hidden input (reasoning.mode)');
    if (typeof body.instructions === 'string' && body.instructions) msg('developer', body.instructions);
    if (typeof body.input === 'string') msg('user', body.input);
    else
      for (const it of arr(body.input)) {
        if (!isObj(it) || (it.type !== undefined && it.type !== 'message')) throw new Skip(`non-message input item (${isObj(it) ? String(it.type) : typeof it})`);
        msg(String(it.role), it.content, it.name);
      }
    const fmt = isObj(body.text) ? body.text.format : undefined;
    if (isObj(fmt) && fmt.type === 'json_schema') [s.schema, s.format] = [fmt.schema ?? {}, fmt];
    else if (isObj(fmt) && fmt.type === 'json_object') [s.schema, s.jsonObject] = [{}, true];
    s.choice = choiceOf(body.tool_choice);
    for (const t of arr(body.tools)) {
      if (isObj(t) && t.type === 'function') s.tools.push({ name: t.name, description: t.description, parameters: t.parameters });
      else throw new Skip('server tool');
    }
  } else if (endpoint === 'anthropic.messages') {
    if (isObj(body.thinking) && body.thinking.type !== 'disabled') {
      if (body.thinking.type !== 'enabled' || format.thinking === undefined) throw new Skip('thinking (not measured for this model)');
      s.thinking = true;
    }
    if (isObj(body.output_config) && body.output_config.task_budget !== undefined) throw new Skip('hidden input (task_budget)');
    if (body.system !== undefined && body.system !== '') msg('system', body.system);
    for (const m of arr(body.messages)) {
      if (!isObj(m)) throw new Skip('bad message');
      msg(String(m.role), m.content);
    }
    const fmt = body.output_format ?? (isObj(body.output_config) ? body.output_config.format : undefined);
    if (isObj(fmt)) s.schema = fmt.schema ?? {};
    const tc = isObj(body.tool_choice) ? body.tool_choice.type : undefined;
    s.choice = tc === 'any' || tc === 'tool' ? 'forced' : tc === 'none' ? 'none' : undefined;
    for (const t of arr(body.tools)) {
      if (isObj(t) && t.input_schema !== undefined && (t.type === undefined || t.type === 'custom'))
        s.tools.push({ name: t.name, description: t.description, parameters: t.input_schema });
      else throw new Skip('server tool');
    }
  } else {
    const g = isObj(body.generateContentRequest) ? body.generateContentRequest : body;
    const si = g.systemInstruction ?? g.system_instruction;
    if (isObj(si)) msg('system', si.parts ?? si);
    else if (typeof si === 'string') msg('system', si);
    for (const c of arr(g.contents)) {
      if (!isObj(c)) throw new Skip('bad content');
      msg(String(c.role ?? 'user'), c.parts);
    }
    // A content with no text bills nothing, not even its per-content token (tidyverse/ellmer's empty
    // systemInstruction: "What is 1 + 1?" billed 9 with it, as without).
    s.messages = s.messages.filter((m) => m.texts.some((t) => t !== ''));
    const gc = isObj(g.generationConfig) ? g.generationConfig : isObj(g.generation_config) ? g.generation_config : {};
    s.schema = gc.responseSchema ?? gc.responseJsonSchema ?? gc.response_schema ?? gc.response_json_schema;
    for (const t of arr(g.tools)) {
      const decls = isObj(t) ? (t.functionDeclarations ?? t.function_declarations) : undefined;
      if (!Array.isArray(decls)) throw new Skip('server tool');
      for (const d of decls) if (isObj(d)) s.tools.push({ name: d.name, description: d.description, parameters: d.parameters ?? d.parametersJsonSchema });
    }
  }
  return s;
}

/** Counts a request body sent to `endpoint` for a model priced as `price` (its tokenizer, factor, format). */
export function countRequest(endpoint: Endpoint, body: unknown, price: ModelPrice | undefined): RequestCount {
  if (!isObj(body)) return { skip: 'no JSON request body' };
  const format = endpoint === 'openai.completions' ? textCompletionFormat(chatFormatFor(price)) : chatFormatFor(price);
  let s: Shape;
  try {
    s = shapeOf(endpoint, body, format);
  } catch (e) {
    if (e instanceof Skip) return { skip: e.message };
    throw e;
  }
  const enc: Encoding = encodingFor(price);
  const factor = price ? tokenFactor(price) : 1;
  let exact = !!price && isExactTokenizer(price) && format.exact;
  let text = 0;
  let indented = 0;
  let assistant = 0;
  let names = 0;
  for (const m of s.messages) {
    for (const t of m.texts) {
      const c = countTokens(t, enc);
      text += c.tokens;
      if (format.indentFree) indented += indentedLines(t);
      exact &&= c.exact;
    }
    // The role itself: one token for every standard role, already in perMessage; count others fully.
    if (format.exact) text += Math.max(0, countTokens(m.role, enc).tokens - 1);
    if (m.role === 'assistant') assistant++;
    if (m.name !== undefined) {
      // OpenAI's cookbook: the name's tokens + 1 each. The 5 recorded calls with names (gpt-4o, 1 to 4 one-token
      // names, Arize-ai/openinference, held-out: no fitting call has one) billed 1, 3, 5 and 7 more than without:
      // the cookbook's count less 1 once. An estimate still (one source).
      text += countTokens(m.name, enc).tokens + 1;
      names++;
      exact = false;
    }
  }
  if (names) text -= 1;
  // The lens's formula (formattedTokens): its user messages are the messages that are neither assistant nor the
  // third argument, so every role but user and assistant is passed there. extras are whole tokens.
  const user = s.messages.filter((m) => m.role === 'user').length;
  const other = s.messages.length - assistant - user;
  const openai: OpenAIToolContext = { encoding: enc, system: s.messages.some((m) => m.role === 'system' || m.role === 'developer'), responses: endpoint === 'openai.responses', choice: s.choice };
  const tokens = formattedTokens(format, text, factor, s.messages.length, assistant, !!s.thinking, other, indented) + extras(s, format, factor, openai);
  if (s.tools.length || (s.schema !== undefined && schemaBilled(format.toolFamily))) exact = false;
  return { tokens, exact };
}

/** `tool_choice` (`function_call`): none, a forced tool (required, any, a named function), else auto. */
function choiceOf(c: unknown): OpenAIToolContext['choice'] {
  if (c === 'none') return 'none';
  return c === 'required' || isObj(c) ? 'forced' : undefined;
}

/** Tool definitions and a response schema at their measured cost (cost/tool-tokens.ts); OpenAI's as rendered into
 * the system message, which the tools make when there is none (so a schema after them finds one). */
function extras(s: Shape, f: ChatFormat, factor: number, openai: OpenAIToolContext): number {
  let n = 0;
  if (s.tools.length) n += toolDefinitionTokens(f.toolFamily, { text: JSON.stringify(s.tools), value: s.tools, definitions: s.tools.length }, factor, false, openai);
  if (s.schema !== undefined) {
    const value = s.format ?? { schema: s.schema };
    n += responseFormatTokens(f.toolFamily, { text: JSON.stringify(s.schema), value, jsonObject: s.jsonObject }, factor, false, { ...openai, system: openai.system || s.tools.length > 0 });
  }
  return n;
}

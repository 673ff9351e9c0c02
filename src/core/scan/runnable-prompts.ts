// The prompt in front of a LangChain chat model in a runnable (runnables.ts): a prompt template's text and messages,
// or a step whose text is only known at run time. Names from github.com/langchain-ai/langchain
// libs/core/langchain_core/prompts/chat.py (ChatPromptTemplate.from_template, from_messages, MessagesPlaceholder,
// _convert_to_message), prompts/prompt.py (PromptTemplate.from_template) and prompts/string.py (f-string slots).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import { collectParts, pushParts } from './parts';
import { keyAt, valueEnd, type Ctx } from './values';

/** The prompt in front of the model: a template's text and messages, or what stands there at run time. */
export interface Prompt {
  parts: PromptPart[];
  messages: number;
  /** The template's `{name}` slots, filled from the call's input at run time. */
  slots?: string[];
}

/** Message roles written as a tuple's first item (`("system", "…")`), prompts/chat.py _convert_to_message. */
const ROLES = new Set(['system', 'human', 'user', 'ai', 'assistant', 'developer', 'placeholder']);

/** Longest label given to a prompt that is only known at run time. */
const MAX_LABEL = 60;

/** A step that is not a template (`hub.pull("rlm/rag-prompt")`, a function): its text is only known at run time. */
export function runtimePrompt(c: Ctx, a: number, b: number): Prompt {
  return { parts: [slot(c, a, b)], messages: 1 };
}

/** Comma-separated items of toks[from, to). */
export function listItems(c: Ctx, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = from; k < to; ) {
    const e = valueEnd(c, k, to);
    if (e > k) out.push([k, e]);
    k = e + 1;
  }
  return out;
}

/** `from_template(text)`, `PromptTemplate(template=text, input_variables=[…])`: the text, its `{name}` slots left out. */
export function template(c: Ctx, open: number, close: number): Prompt {
  const parts: PromptPart[] = [];
  let from = open + 1;
  let to = close;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep > 0 && c.toks[k].v === 'template') {
      from = sep + 1;
      to = valueEnd(c, from, close);
      break;
    }
    if (sep < 0) {
      from = k;
      to = valueEnd(c, k, close);
      break;
    }
  }
  collectParts(c, from, to, parts);
  const slots: string[] = [];
  return { parts: parts.map((p) => withoutSlots(p, slots)).filter(notEmpty), messages: 1, slots };
}

/**
 * `PromptTemplate.from_file("prompts/x.tpl")` (Python, `recv` its first token): the file's text as the evaluator reads the
 * call (prompt-templates-py.ts: `{{` / `}}` already literal braces, `{name}` holes), so no slot is taken out again.
 */
export function fileTemplate(c: Ctx, recv: number, close: number): Prompt | undefined {
  if (c.syn.id !== 'python') return undefined;
  const parts: PromptPart[] = [];
  collectParts(c, recv, close + 1, parts);
  if (!parts.some((p) => p.resolved)) return undefined;
  const slots = parts.flatMap((p) => (!p.resolved && p.label ? [p.label] : []));
  return { parts, messages: 1, slots };
}

/** `from_messages([("system", text), ("human", "{question}"), MessagesPlaceholder("history")])`. */
export function messages(c: Ctx, open: number, close: number): Prompt {
  const { toks, match } = c;
  const out: Prompt = { parts: [], messages: 0, slots: [] };
  const slots = out.slots!;
  let list = open + 1;
  const sep = keyAt(c, list);
  if (sep > 0) list = sep + 1;
  if (!isP(toks[list], '[') || match[list] < 0) {
    collectParts(c, open + 1, close, out.parts);
    out.parts = out.parts.map((p) => withoutSlots(p, slots)).filter(notEmpty);
    out.messages = 1;
    return out;
  }
  for (const [a, b] of listItems(c, list + 1, match[list])) {
    const parts: PromptPart[] = [];
    const pair = (isP(toks[a], '(') || isP(toks[a], '[')) && match[a] === b - 1;
    if (pair && toks[a + 1]?.t === T.Str && ROLES.has(toks[a + 1].v) && isP(toks[a + 2], ',')) {
      if (toks[a + 1].v === 'placeholder') parts.push(slot(c, a, b));
      else collectParts(c, a + 3, b - 1, parts);
    } else if (isId(toks[a]) && toks[a].v === 'MessagesPlaceholder') parts.push(slot(c, a, b));
    else if (toks[a].t === T.Str) {
      // A bare string is a human message (prompts/chat.py _convert_to_message).
      collectParts(c, a, b, parts);
    } else if (isId(toks[a]) && !isP(toks[a + 1], '(') && b === a + 1) parts.push(slot(c, a, b));
    else collectParts(c, a, b, parts);
    pushParts(out.parts, parts.map((p) => withoutSlots(p, slots)).filter(notEmpty));
    out.messages++;
  }
  return out;
}

/** Messages filled in at run time (`MessagesPlaceholder("history")`, a few-shot prompt), or a step only known then:
 * one part labelled with its text. */
function slot(c: Ctx, a: number, b: number): PromptPart {
  const text = c.text.slice(c.toks[a].start, c.toks[b - 1].end).replace(/\s+/g, ' ');
  return { text: '', span: { start: c.toks[a].start, end: c.toks[b - 1].end }, resolved: false, label: text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text };
}

/**
 * A template's `{name}` slots are filled from the call's input (counted there), so they are not text of their own;
 * `{{` and `}}` are literal braces (f-string templates, prompts/string.py).
 */
function withoutSlots(p: PromptPart, slots: string[]): PromptPart {
  if (!p.resolved || !p.text.includes('{')) return p;
  const text = p.text.replace(/\{\{|\}\}|\{[A-Za-z_][\w.]*\}/g, (m) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    if (!slots.includes(m.slice(1, -1)) && slots.length < MAX_SLOTS) slots.push(m.slice(1, -1));
    return '';
  });
  return text === p.text ? p : { ...p, text };
}

/** A text part that was only a slot (`("human", "{question}")`) is no text at all. */
const notEmpty = (p: PromptPart) => !p.resolved || p.text !== '';

/** Slots listed for one prompt (each a run-time part in the report). */
const MAX_SLOTS = 32;

/**
 * A function step that makes the prompt (`RunnableSequence.from([async (input) => generatePrompt(input.hours), llm])`,
 * oovaa/darajat backend/lib/planner.ts): the text its one-expression body gives, read as a prompt value (a helper's
 * template literal, its holes named). A function coerced into a step is RunnableLambda (langchain-core
 * runnables/base.ts _coerceToRunnable); its result is the model's input. Undefined for a block body or another step.
 */
export function arrowPrompt(c: Ctx, a: number, b: number): Prompt | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'javascript') return undefined;
  let k = isId(toks[a]) && toks[a].v === 'async' ? a + 1 : a;
  if (isP(toks[k], '(') && match[k] > k) k = match[k] + 1;
  else if (isId(toks[k])) k++;
  else return undefined;
  if (!isP(toks[k], '=>') || k + 1 >= b || isP(toks[k + 1], '{')) return undefined;
  const parts: PromptPart[] = [];
  collectParts(c, k + 1, b, parts);
  return parts.some((p) => p.resolved && p.text) ? { parts, messages: 1 } : undefined;
}

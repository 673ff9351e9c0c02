// LangChain (Python) chat prompt templates read as a text value outside a chain, as GenAI_Agents'
// simple_travel_planner_langgraph.ipynb: `tpl = ChatPromptTemplate.from_messages([("system", "…"), ("human", "… {city}
// …")])` then `llm.invoke(tpl.format_messages(city=c))`. The messages' static text counts (one message a line); each
// template's `{name}` variables are filled at run time, so they are holes, `{{` / `}}` literal braces; a
// MessagesPlaceholder (or a ("placeholder", "{history}") tuple) is messages given at run time, a hole of its variable.
// Names from github.com/langchain-ai/langchain libs/core/langchain_core/prompts/chat.py (ChatPromptTemplate.__init__
// and from_messages take the same message list; _convert_to_message: a (role, template) tuple or list, a bare string
// is a human message, a message class is kept as it is, a *MessagePromptTemplate.from_template(t) is a template).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { assignmentBefore } from './definitions';
import type { Ctx } from './values';

type Arg = { key?: string; from: number; to: number };

/** Roles a tuple may name (prompts/chat.py _convert_to_message, _create_template_from_message_type). */
const ROLES = new Set(['system', 'human', 'user', 'ai', 'assistant', 'developer']);
/** Message classes whose content is plain text, not a template (langchain_core/messages). */
const MESSAGES = new Set(['SystemMessage', 'HumanMessage', 'AIMessage']);
/** Message template classes made with `.from_template(t)` (prompts/chat.py). */
const MESSAGE_TEMPLATES = new Set(['SystemMessagePromptTemplate', 'HumanMessagePromptTemplate', 'AIMessagePromptTemplate', 'ChatMessagePromptTemplate']);
/** Messages read at most; holes listed at most. */
const MAX_MESSAGES = 64;
const MAX_HOLES = 32;

/** `ChatPromptTemplate.from_messages([…])` / `ChatPromptTemplate([…])` / `ChatPromptTemplate(messages=[…])`: its text. */
export function chatTemplate(s: EvalScope, names: string[], a: Arg[], ev: (from: number, to: number) => Value | undefined): Value | undefined {
  const made = names.length === 2 ? names[0] === 'ChatPromptTemplate' && names[1] === 'from_messages' : names.length === 1 && names[0] === 'ChatPromptTemplate';
  if (!made || !a.length) return undefined;
  const list = a.find((x) => x.key === 'messages') ?? (a[0].key ? undefined : a[0]);
  const { toks, match } = s;
  if (!list || !isP(toks[list.from], '[') || match[list.from] !== list.to - 1) return undefined;
  const texts: string[] = [];
  const holes: string[] = [];
  const hole = (name: string) => {
    if (!holes.includes(name) && holes.length < MAX_HOLES) holes.push(name);
  };
  let n = 0;
  for (let k = list.from + 1; k < list.to - 1 && n < MAX_MESSAGES; n++) {
    const e = itemEnd(s, k, list.to - 1);
    const text = message(s, k, e, ev, hole);
    if (text) texts.push(text);
    k = e + 1;
  }
  if (!texts.length) return undefined;
  return { str: texts.join('\n'), template: true, ...(holes.length ? { holes } : {}) };
}

/** End of the list item at k (its comma or the list's end). */
function itemEnd(s: EvalScope, k: number, to: number): number {
  const { toks, match } = s;
  let e = k;
  while (e < to && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
  return e;
}

/** One message's static text ('' when none), its variables and run-time parts named through `hole`. */
function message(s: EvalScope, a: number, b: number, ev: (from: number, to: number) => Value | undefined, hole: (name: string) => void, named = false): string {
  const { toks, match } = s;
  if (b <= a) return '';
  // `system = ("system", "…")` then `ChatPromptTemplate([system, user])`: the tuple the name is bound to.
  if (!named && b === a + 1 && isId(toks[a])) {
    const v = assignmentBefore(s as Ctx, toks[a].v, a);
    // The tuple is read outside the call, its text too (`"You answer…"` -> `"Yxou answer…"`): the keystroke path.
    if (v >= 0 && (isP(toks[v], '(') || isP(toks[v], '[')) && match[v] > v) s.read?.push({ start: toks[v].start, end: toks[match[v]].end });
    if (v >= 0 && (isP(toks[v], '(') || isP(toks[v], '[')) && match[v] > v) return message(s, v, match[v] + 1, ev, hole, true);
    // `system_prompt = SystemMessagePromptTemplate.from_template(system_template)` then `from_messages([system_prompt,
    // human_prompt])` (TheQuantPy/quantpy-twitter-bot call_openai.py): the message the name is bound to.
    const call = v >= 0 ? messageCall(s, v) : -1;
    // Read outside the call: an edit of the bound message concerns it (editor/incremental.ts).
    if (call > 0) s.read?.push({ start: toks[v].start, end: toks[call - 1].end });
    if (call > 0) return message(s, v, call, ev, hole, true);
    // A name bound to a text is a human message template (a bare string in the list).
    if (v >= 0 && toks[v].t === T.Str) return templated(ev(a, b), s, a, b, hole);
  }
  const tuple = (isP(toks[a], '(') || isP(toks[a], '[')) && match[a] === b - 1;
  if (tuple && toks[a + 1]?.t === T.Str && isP(toks[a + 2], ',')) {
    const role = toks[a + 1].v;
    const end = itemEnd(s, a + 3, b - 1);
    if (role === 'placeholder') return placeholder(s, a + 3, end, hole);
    return ROLES.has(role) ? templated(ev(a + 3, end), s, a + 3, end, hole) : '';
  }
  if (toks[a].t === T.Str) return templated(ev(a, b), s, a, b, hole);
  if (!isId(toks[a])) return runtime(s, a, b, hole);
  const open = isP(toks[a + 1], '(') ? a + 1 : isP(toks[a + 1], '.') && isId(toks[a + 2]) && isP(toks[a + 3], '(') ? a + 3 : -1;
  if (open > 0 && match[open] === b - 1) {
    const cls = toks[a].v;
    const inner = argRange(s, open, cls === 'MessagesPlaceholder' ? 'variable_name' : open === a + 1 ? 'content' : 'template');
    if (cls === 'MessagesPlaceholder' && open === a + 1) return inner ? placeholderName(s, inner[0], inner[1], hole) : runtime(s, a, b, hole);
    if (MESSAGES.has(cls) && open === a + 1 && inner) return plain(ev(inner[0], inner[1]), s, inner[0], inner[1], hole);
    if (MESSAGE_TEMPLATES.has(cls) && toks[a + 2].v === 'from_template' && inner) return templated(ev(inner[0], inner[1]), s, inner[0], inner[1], hole);
  }
  return runtime(s, a, b, hole);
}

/** End (after its `)`) of a message made at v — `SystemMessage(…)`, `MessagesPlaceholder(…)`, `X.from_template(…)` — or -1. */
function messageCall(s: EvalScope, v: number): number {
  const { toks, match } = s;
  if (!isId(toks[v])) return -1;
  const cls = toks[v].v;
  if ((MESSAGES.has(cls) || cls === 'MessagesPlaceholder') && isP(toks[v + 1], '(') && match[v + 1] > v) return match[v + 1] + 1;
  const tpl = MESSAGE_TEMPLATES.has(cls) && isP(toks[v + 1], '.') && toks[v + 2]?.v === 'from_template' && isP(toks[v + 3], '(');
  return tpl && match[v + 3] > v ? match[v + 3] + 1 : -1;
}

/** The first positional argument's token range, or the one given as `key=`. */
function argRange(s: EvalScope, open: number, key: string): [number, number] | undefined {
  const { toks, match } = s;
  const close = match[open];
  let first: [number, number] | undefined;
  for (let k = open + 1; k < close; ) {
    const e = itemEnd(s, k, close);
    if (isId(toks[k]) && isP(toks[k + 1], '=')) {
      if (toks[k].v === key) return [k + 2, e];
    } else first ??= [k, e];
    k = e + 1;
  }
  return first;
}

/** A template's text: `{name}` cut out and named, `{{` / `}}` made single braces (prompts/string.py f-string). */
function templated(v: Value | undefined, s: EvalScope, a: number, b: number, hole: (name: string) => void): string {
  if (v?.str === undefined || v.runtime !== undefined) return runtime(s, a, b, hole);
  for (const h of v.holes ?? []) hole(h);
  return v.str.replace(/\{\{|\}\}|\{([A-Za-z_][\w.]{0,59})\}/g, (m, name: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    if (name) hole(name);
    return '';
  });
}

/** A message's own content: its text as written. */
function plain(v: Value | undefined, s: EvalScope, a: number, b: number, hole: (name: string) => void): string {
  if (v?.str === undefined || v.runtime !== undefined) return runtime(s, a, b, hole);
  for (const h of v.holes ?? []) hole(h);
  return v.str;
}

/** `("placeholder", "{history}")`: the messages under that variable, given at run time. */
function placeholder(s: EvalScope, a: number, b: number, hole: (name: string) => void): string {
  const t = s.toks[a];
  const m = b === a + 1 && t.t === T.Str ? /^\{([A-Za-z_]\w{0,59})\}$/.exec(t.v) : null;
  if (m) hole(m[1]);
  else runtime(s, a, b, hole);
  return '';
}

/** `MessagesPlaceholder("history")` / `MessagesPlaceholder(variable_name="history")`. */
function placeholderName(s: EvalScope, a: number, b: number, hole: (name: string) => void): string {
  const t = s.toks[a];
  if (b === a + 1 && t.t === T.Str && /^[A-Za-z_]\w{0,59}$/.test(t.v)) hole(t.v);
  else runtime(s, a, b, hole);
  return '';
}

/** A message known only at run time: a hole named by its source text (shortened). */
function runtime(s: EvalScope, a: number, b: number, hole: (name: string) => void): string {
  const text = s.text.slice(s.toks[a].start, s.toks[b - 1].end).replace(/\s+/g, ' ');
  hole(text.length > 60 ? `${text.slice(0, 59)}…` : text);
  return '';
}

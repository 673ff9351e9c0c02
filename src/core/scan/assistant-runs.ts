// OpenAI Assistants runs (`client.beta.threads.runs.create(thread_id, assistant_id=…)`, `.stream`, `.create_and_poll`,
// `threads.create_and_run`): the request names an assistant and a thread that other calls made. The assistant gives the
// model, its instructions and its tools unless the run sets them (openai-python src/openai/resources/beta/threads/runs/
// runs.py, Runs.create: `model`, `instructions` "Overrides the instructions of the assistant", `additional_instructions`
// "Appends additional instructions", `additional_messages` "Adds additional messages to the thread", `tools`; openai-node
// src/resources/beta/threads/runs/runs.ts the same names). An assistant made in the same file (`assistant =
// client.beta.assistants.create(model=…, instructions=…)`, reached through `assistant_id=assistant.id` or a name
// assigned `assistant.id`) is read; any other is named. The thread's messages are the conversation the run sends:
// known only at run time here.
import { isId, isOpen, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import { keyAt, readModel, valueEnd, type Ctx } from './values';
import { followArgs } from './requests';
import { collectParts, pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { anchorStart } from './links';
import { normKey } from './call-keys';
import { assignmentsBefore } from './definitions';
import { containerValue } from './nested-limit';
import { literalAt } from './http-calls';
import { urlCached } from './http-urls';

const MADE_BY = ['assistants', '.', 'create', '('];
/** openai-dotnet AssistantClient.CreateAssistant(string model, AssistantCreationOptions options) (src/Custom/Assistants/AssistantClient.cs). */
const CS_MADE_BY = ['CreateAssistant', '('];
const CS_MADE_BY_ASYNC = ['CreateAssistantAsync', '('];
/** go-openai assistant.go: CreateAssistant(ctx, AssistantRequest{Model, Instructions, Tools}). */
const GO_MADE_BY = ['CreateAssistant', '('];
/** Names followed from `assistant_id` to the assistant (`assistant_id: id` ← `id = assistant.id` ← `assistant = …`). */
const MAX_HOPS = 3;
/** Tokens between an assignment's `=` and the opening bracket of the call that makes the assistant (`await client.beta.assistants.create(`). */
const MAX_HEAD = 10;

type Range = [number, number];
/** A run posted over HTTP (call-shapes-http.ts): the body literal's inside, and the thread the URL names. */
export interface HttpRun {
  keys: Range;
  /** The body, not a literal: known at run time. */
  opaque?: Range;
  /** The literal is bound to the name the call sends, before it. */
  bound?: boolean;
  thread?: string;
}

/**
 * Fills what the run leaves to its assistant and thread into `f` (the run's own keys are already read into it).
 * Returns the assistant's construction when its tools are the run's (for the run's tool definitions), as [open, close].
 */
export function readAssistantRun(c: Ctx, f: Found, kind: 'run' | 'thread', first: number, open: number, end: number, http?: HttpRun): Range | undefined {
  // A body bound before the call (`$body = [...]` then `'json' => $body`): its keys, which the call's own walk did not see.
  if (http?.bound) walkKeys(c, f, http.keys[0], http.keys[1]);
  const top = http ? topLevel(c, http.keys[0], http.keys[1]) : topLevel(c, open + 1, end);
  if (http?.opaque) {
    const label = `${c.text.slice(c.toks[http.opaque[0]].start, c.toks[http.opaque[1] - 1].end).replace(/\s+/g, ' ')} (built at run time)`;
    f.parts.push({ text: '', span: { start: c.toks[http.opaque[0]].start, end: c.toks[http.opaque[1] - 1].end }, resolved: false, label });
    if (!f.limit) f.limitUnresolved ??= label;
  }
  const { positional } = top;
  const go = !http && c.syn.id === 'go';
  // Go: the request is a struct literal, in the call or in a variable (go-openai CreateRun(ctx, threadID, request)).
  const keys = (go && goRunKeys(c, f, positional[kind === 'run' ? 2 : 1], first)) || top.keys;
  const text = (r: Range) => c.text.slice(c.toks[r[0]].start, c.toks[r[1] - 1].end).replace(/\s+/g, ' ');
  // .NET passes them in place: CreateRun(threadId, assistantId, options), CreateThreadAndRun(assistantId, …).
  const cs = !http && c.syn.id === 'csharp';
  const id = keys.get('assistantid') ?? (cs ? positional[kind === 'run' ? 1 : 0] : undefined);
  const made = id ? (cs ? madeWith(c, id, first, CS_MADE_BY) ?? madeWith(c, id, first, CS_MADE_BY_ASYNC) : madeWith(c, id, first, go ? GO_MADE_BY : MADE_BY)) : undefined;
  const assistant: Found = { parts: [], messages: 0 };
  if (made) walkKeys(c, assistant, made[0], made[1]);
  // .NET: `CreateAssistant("gpt-4o", options)`, the options written there or a variable made before.
  if (made && cs) {
    const args = topLevel(c, made[0], made[1]).positional;
    if (args[0]) assistant.model ??= readModel(c, args[0][0], args[0][1]);
    if (args[1] && !assistant.parts.length) followArgs(c, assistant, args[1][0], args[1][1], made[0], undefined, false);
  }
  const named = id ? `assistant ${text(id)}` : 'the assistant';
  // The hover's From: the assistant's construction, where a switch of model is made.
  const m = assistant.model;
  if (m && 'ref' in m && !m.ref.source) m.ref.source = { offset: m.ref.span.start, what: `the model of ${named}, set where it is made` };
  f.model ??= assistant.model ?? { unresolved: `${named} (its model, set where it is made)` };
  // Tools: the run's replace the assistant's; the assistant's, unseen, may have some (billed, and each call of one is
  // another model step of the run).
  const tools = keys.get('tools');
  // `tools=[]`: the run uses none, whatever its assistant has.
  if (tools && isP(c.toks[tools[0]], '[') && c.match[tools[0]] === tools[0] + 1) f.uses?.delete('tools');
  if (!tools) {
    for (const x of assistant.extras ?? []) if (!(f.extras ??= []).includes(x)) f.extras.push(x);
    for (const u of assistant.uses ?? []) (f.uses ??= new Set()).add(u);
    if (!made) {
      (f.uses ??= new Set()).add('tools');
      if (!(f.extras ??= []).includes(`tools of ${named}`)) f.extras.push(`tools of ${named}`);
    }
  }
  const at = (r: Range) => ({ start: c.toks[r[0]].start, end: c.toks[r[1] - 1].end });
  const unknown = (r: Range, label: string): PromptPart => ({ text: '', span: at(r), resolved: false, label });
  // Instructions, the system message of every step: the run's, else the assistant's; additional_instructions append.
  const instructions: PromptPart[] = [];
  if (!keys.has('instructions')) {
    if (made) pushParts(instructions, assistant.parts);
    else instructions.push(unknown(id ?? [first, open + 1], `instructions of ${named}`));
  }
  const more = keys.get('additionalinstructions');
  if (more) collectParts(c, more[0], more[1], instructions);
  if (instructions.length) {
    f.parts.unshift(...instructions);
    if (!keys.has('instructions')) f.system = (f.system ?? 0) + 1;
  }
  // Messages added to the thread by the run: a literal list is read by the key walk (its `content`), anything else
  // is named.
  const added = keys.get('additionalmessages');
  if (added && !isP(c.toks[added[0]], '[')) f.parts.push(unknown(added, text(added)));
  // The thread: `thread_id=` (Python) or the first argument (TS) of a run; create_and_run makes it from
  // `thread={messages: […]}`, whose literal messages the key walk read (none: an empty thread).
  // Go's CreateThreadAndRun: a `Thread:` written as a literal was read by the key walk; a variable is named.
  const goThread = go && kind === 'thread' ? keys.get('thread') : undefined;
  const thread = http ? undefined : kind === 'run' ? keys.get('threadid') ?? positional[go ? 1 : 0] : goThread && goThread[1] === goThread[0] + 1 ? goThread : undefined;
  // Over HTTP the thread is the URL's (`/v1/threads/{$threadId}/runs`).
  if (http && kind === 'run') {
    f.parts.push(unknown([first, open + 1], http.thread ? `messages of thread ${http.thread}` : 'messages of the thread'));
    f.messages++;
  } else if (thread) {
    f.parts.push(unknown(thread, `messages of thread ${text(thread)}`));
    f.messages++;
  }
  if (cs) dotnetOptions(c, f, kind, positional, first, unknown, text);
  return made && !tools ? [made[0] - 1, made[1]] : undefined;
}

/** The keys and thread of a run posted over HTTP whose body is the token range [from, to) (http-calls.ts): the inside of
 * the body's literal (written there or bound before the call), the thread the URL's `/threads/{…}/runs` names. */
export function httpRun(c: Ctx, from: number, to: number, first: number, open: number): HttpRun {
  // C# `new { assistant_id = id }` (an anonymous object, serialized as its properties).
  // Go `map[string]any{…}` / `openai.RunRequest{…}`, C# `new { assistant_id = id }` (an anonymous object): the braces.
  const braces = isP(c.toks[to - 1], '}') && c.match[to - 1] > from ? c.match[to - 1] : -1;
  const lit = (c.syn.id === 'go' || c.syn.id === 'csharp') && braces >= 0 ? braces : literalAt(c, from, to, first);
  const keys: Range = lit >= 0 && c.match[lit] > lit ? [lit + 1, c.match[lit]] : [from, from];
  const bound = lit >= 0 && (lit < from || lit >= to);
  if (bound) c.read?.push({ start: c.toks[lit].start, end: c.toks[keys[1]].end });
  const u = urlCached(c, open);
  const m = /\/threads\/([^/]*)\/runs$/.exec(u?.url ?? '');
  // Rust `format!("…/threads/{}/runs", thread_id)` leaves the segment empty, its one hole the thread.
  const thread = m?.[1] ? m[1].replace(/^\{|\}$/g, '') : m && u?.holes.length === 1 ? u.holes[0] : undefined;
  // A body the reader cannot see into (`array_filter($payload)`, a parameter): it may set the model or a limit.
  const opaque: Range | undefined = lit < 0 && from < to ? [from, to] : undefined;
  return { keys, ...(bound ? { bound } : {}), ...(opaque ? { opaque } : {}), ...(thread ? { thread } : {}) };
}

/** A call's arguments: keyword arguments and the keys of an options object (`runs.stream(threadId, { … })`). */
export function topLevel(c: Ctx, from: number, to: number): { keys: Map<string, Range>; positional: Range[] } {
  const keys = new Map<string, Range>();
  const positional: Range[] = [];
  const walk = (a: number, b: number, outer: boolean) => {
    for (let k = a; k < b; ) {
      const sep = keyAt(c, k);
      const v = sep > 0 ? sep + 1 : k;
      // A key with no value before the end (a file cut after `assistant_id=`): nothing to read.
      if (v >= b) break;
      const e = Math.min(b, Math.max(v + 1, valueEnd(c, v, b)));
      if (sep > 0) keys.set(normKey(c.toks[k].v), [v, e]);
      else if (outer && isP(c.toks[k], '{') && c.match[k] > k) walk(k + 1, c.match[k], false);
      else if (outer) positional.push([k, e]);
      k = e + 1;
    }
  };
  walk(from, to, true);
  return { keys, positional };
}

/**
 * Token range of the arguments of the call (`anchor`, as `assistants.create(`) that made the object `id` names (the
 * object, or a name assigned its `.id`), if in this file.
 */
export function madeWith(c: Ctx, id: Range, before: number, anchor: string[]): Range | undefined {
  const { toks } = c;
  if (!isId(toks[id[0]])) return undefined;
  const member = memberMade(c, id, anchor);
  if (member) return member;
  // `assistant.id` names the assistant; a bare name is either the assistant or a name assigned its id, each looked up
  // from where it is used.
  let names: [string, number][] = [[toks[id[0]].v, before]];
  for (let hop = 0; hop < MAX_HOPS && names.length; hop++) {
    const next: [string, number][] = [];
    for (const [name, at] of names) {
      for (const def of assignmentsBefore(c, name, at)) {
        const args = madeAt(c, def, anchor);
        if (args) return args;
        // `id = assistant.id`
        if (isId(toks[def]) && isP(toks[def + 1], '.') && /^id$/i.test(toks[def + 2]?.v ?? '') && next.length < 4) next.push([toks[def].v, def]);
      }
    }
    names = next;
  }
  return undefined;
}

/**
 * `assistant_id=self.assistant.id` (`this.assistant.id`): the member its class sets to a call that makes the assistant
 * (`self.assistant = client.beta.assistants.create(…)` in `__init__`, held40 C19 chase-compton/JuniorAnalystGPT), the
 * first such assignment in the file; any other value is not followed.
 */
function memberMade(c: Ctx, id: Range, anchor: string[]): Range | undefined {
  const { toks } = c;
  const self = toks[id[0]].v;
  if ((self !== 'self' && self !== 'this') || !isP(toks[id[0] + 1], '.') || !isId(toks[id[0] + 2])) return undefined;
  const member = toks[id[0] + 2].v;
  for (let k = 2; k + 2 < toks.length; k++) {
    if (toks[k].v !== member || !isP(toks[k - 1], '.') || toks[k - 2].v !== self || !isP(toks[k + 1], '=')) continue;
    const args = madeAt(c, k + 2, anchor);
    // What the class sets it to decides the run's model: an edit of it concerns the call (editor/incremental.ts).
    if (args) c.read?.push({ start: toks[k - 2].start, end: toks[args[1]].end });
    return args;
  }
  return undefined;
}

/** The arguments of the `anchor` call when the value starting at `def` is that call (after `await`, a receiver chain). */
function madeAt(c: Ctx, def: number, anchor: string[]): Range | undefined {
  const { toks, match } = c;
  // Java / Kotlin: a chain of getters, `client.beta().sessions().create(`, each `()` passed.
  const jvm = c.syn.id === 'java' || c.syn.id === 'kotlin';
  for (let j = def; j < toks.length && j < def + (jvm ? 2 * MAX_HEAD : MAX_HEAD); j++) {
    if (isOpen(toks[j])) {
      if (jvm && isP(toks[j], '(') && match[j] === j + 1 && anchorStart(toks, j, anchor) < def) {
        j++;
        continue;
      }
      if (!isP(toks[j], '(') || anchorStart(toks, j, anchor) < def || !(match[j] > j)) return undefined;
      return [j + 1, match[j]];
    }
    if (!isId(toks[j]) && !isP(toks[j], '.') && !isP(toks[j], '?.')) return undefined;
  }
  return undefined;
}

/**
 * .NET: the thread a CreateThreadAndRun makes (`new ThreadCreationOptions { InitialMessages = { q } }`, its messages
 * named), and the RunCreationOptions passed as a variable (`var options = new RunCreationOptions {
 * MaxOutputTokenCount = 400 }`), whose limit is read where it is made.
 */
function dotnetOptions(c: Ctx, f: Found, kind: 'run' | 'thread', positional: Range[], first: number, unknown: (r: Range, l: string) => PromptPart, text: (r: Range) => string): void {
  const threadOptions = kind === 'thread' ? positional[1] : undefined;
  if (threadOptions) {
    f.parts.push(unknown(threadOptions, `messages of ${text(threadOptions)}`));
    f.messages++;
  }
  const options = positional[2];
  // `new RunCreationOptions() { AdditionalInstructions = "…", MaxOutputTokenCount = n }`, in the call or in a variable
  // made before it: its additional instructions append to the assistant's; its limit, if any, the key walk read in
  // the call, else read here (none written: none).
  const init = options && (initializer(c, options[0], options[1], true) ?? (options[1] === options[0] + 1 && isId(c.toks[options[0]])
    ? assignmentsBefore(c, c.toks[options[0]].v, first).map((v) => initializer(c, v, Math.min(c.toks.length, v + MAX_HEAD), false)).find((r) => r) : undefined));
  if (init) {
    // Read outside the call when the options are a variable: an edit of `AdditionalInstructions` there takes a full scan.
    if (c.toks[init[0] - 1] && c.toks[init[1]]) c.read?.push({ start: c.toks[init[0] - 1].start, end: c.toks[init[1]].end });
    const keys = topLevel(c, init[0], init[1]).keys;
    const more = keys.get('additionalinstructions');
    if (more) collectParts(c, more[0], more[1], f.parts);
    if (!f.limit) walkKeys(c, f, init[0], init[1]);
    return;
  }
  if (options && !f.limit) containerValue(c, f, options[0], options[1], first);
}

/** The inside of a C# object initializer starting at `from`, its `{` before `to` (and its `}` the last token before
 * `to` when `whole`): `new T() { … }`, `new T { … }`, `new() { … }`. */
function initializer(c: Ctx, from: number, to: number, whole: boolean): Range | undefined {
  const { toks, match } = c;
  if (toks[from]?.v !== 'new') return undefined;
  let k = from + 1;
  while (k < to && (isId(toks[k]) || isP(toks[k], '.'))) k++;
  if (isP(toks[k], '(') && match[k] === k + 1) k += 2;
  return k < to && isP(toks[k], '{') && match[k] > k && (!whole || match[k] === to - 1) ? [k + 1, match[k]] : undefined;
}

/**
 * Go: the keys of the run's request, a struct literal in the call (`openai.RunRequest{AssistantID: id}`) or in a
 * variable set to one before it (`runReq := openai.RunRequest{…}`, whose keys the call's own walk did not see, read
 * here); a CreateThreadAndRunRequest's embedded `RunRequest: openai.RunRequest{…}` with its `Thread`.
 */
function goRunKeys(c: Ctx, f: Found, arg: Range | undefined, first: number): Map<string, Range> | undefined {
  const { toks, match } = c;
  if (!arg) return undefined;
  let at = arg[0];
  const variable = arg[1] === at + 1 && isId(toks[at]);
  if (variable) at = assignmentsBefore(c, toks[at].v, first)[0] ?? -1;
  let brace = at;
  while (brace >= 0 && brace < at + 5 && !isP(toks[brace], '{')) brace = isId(toks[brace]) || isP(toks[brace], '.') || isP(toks[brace], '&') ? brace + 1 : -1;
  if (brace < 0 || !isP(toks[brace], '{') || !(match[brace] > brace)) return undefined;
  if (variable) {
    c.read?.push({ start: toks[at].start, end: toks[match[brace]].end });
    walkKeys(c, f, brace + 1, match[brace]);
  }
  const keys = topLevel(c, brace + 1, match[brace]).keys;
  const run = keys.get('runrequest');
  const inner = run ? goRunKeys(c, f, run, first) : undefined;
  if (inner) for (const [k, v] of inner) if (!keys.has(k)) keys.set(k, v);
  return keys;
}

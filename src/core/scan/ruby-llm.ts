// RubyLLM (github.com/crmne/ruby_llm): `RubyLLM.chat(model: …)` makes a Chat, its links set it up and return it, and
// `ask` / `say` sends (lib/ruby_llm.rb `def chat(...) = Chat.new(...)`; lib/ruby_llm/chat.rb, 1.6.4: initialize(model:
// nil, provider: nil, …) with `model || @config.default_model`, ask(message = nil, with: nil), alias say ask,
// with_instructions(instructions, replace: false), with_model(model_id, …), with_temperature, with_params(**params)
// merged into the provider's payload (docs/_core_features/chat.md `.with_params(max_tokens: 1000)`), with_tool(s),
// with_schema; `complete` sends the messages `add_message` put in, as `ask` does after adding its own). Written as one chain (`RubyLLM.chat.with_instructions(X).ask(Y)`) or a Chat kept in a variable
// (`chat = RubyLLM.chat` … `chat.ask(prompt)`). With no model named, the app's `config.default_model = …` in a Rails
// initializer's `RubyLLM.configure` block, else the gem's own default for the version Gemfile.lock pins.
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readModel, type Ctx } from './values';
import { collectParts } from './parts';
import { readLimitKey, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { tables } from './scope';
import { MAX_LINKS, argsOf, type PhpChain } from './php-chains';
import { ancestors, dirname, join } from '../resolve/files';
import { sameFolder } from '../resolve/classes';
import { evaluate } from './evaluate';
import { argRange } from './ruby-command-args';
import { madeModel, recordHead, recordModel } from './ruby-llm-records';
import { recordSeed } from './ruby-llm-seeds';
import { methodChat } from './ruby-llm-method-chat';
import { RUBY_LLM_BATCH, stagedForBatch } from './ruby-llm-batch';
import { specChat } from './ruby-spec-chat';
import { rubyLlmRoute } from './ruby-llm-provider';
import { rubyLlmSchema } from './ruby-llm-schema';
import { RUBY_LLM_TWO_WORDS } from './ruby-llm-limit';
export { rubyLlmLimitParam } from './ruby-llm-limit';

/** Words whose edit can change a chat read here (editor/reader-words.ts): its head, the links that set it up, and an
 * Active Job's `perform`, whose arguments are the `perform_later` callers' (ruby-callers.ts). */
export const RUBY_LLM_WORDS = ['RubyLLM', 'with_instructions', 'with_model', 'with_params', 'add_message', 'after_create', 'after_create_commit', 'perform', 'batch', 'submit', ...RUBY_LLM_TWO_WORDS];

/** The label of a chat record's stored messages. */
const RECORD_HISTORY = "the chat record's earlier messages (run time)";
/** Initializer files read for a default model at most. */
const MAX_INITIALIZERS = 64;
/** Statements between a Chat's assignment and its `ask` read for links on it (`chat.with_instructions(…)`). */
const MAX_BETWEEN = 4000;

/**
 * The gem's `@default_model` by release (lib/ruby_llm/configuration.rb at each tag of crmne/ruby_llm): 'gpt-4o-mini'
 * up to 1.1.2, 'gpt-4.1-nano' from 1.2.0 to 1.9.2, 'gpt-5-nano' from 1.10.0 to 1.13.2, 'gpt-5.4' from 1.14.0 (1.16.0).
 */
const GEM_DEFAULTS: [number, number, string][] = [[1, 14, 'gpt-5.4'], [1, 10, 'gpt-5-nano'], [1, 2, 'gpt-4.1-nano'], [0, 0, 'gpt-4o-mini']];

/** `RubyLLM.chat` at the link named at `name`. */
const isHead = (toks: Token[], name: number) => toks[name]?.v === 'chat' && isP(toks[name - 1], '.') && toks[name - 2]?.v === 'RubyLLM';

/** Links `.name(…)` / `.name` back from the token before the sending `.` to `RubyLLM.chat`: names last first, and the
 * head's token (RubyLLM's, or a variable's when the chain starts at one). */
function linksBack(c: Ctx, k: number): { links: number[]; head: number; rooted: boolean } {
  const { toks, match } = c;
  const links: number[] = [];
  for (let n = 0; n < MAX_LINKS; n++) {
    const name = isP(toks[k], ')') && match[k] > 0 ? match[k] - 1 : k;
    if (!isId(toks[name]) || !isP(toks[name - 1], '.')) return { links, head: k, rooted: false };
    links.push(name);
    if (isHead(toks, name)) return { links, head: name - 2, rooted: true };
    k = name - 2;
  }
  return { links, head: k, rooted: false };
}

/** The links read forward from `RubyLLM.chat` at `head` (an assignment's value), or undefined when it is none. */
function linksForward(c: Ctx, head: number): number[] | undefined {
  const { toks } = c;
  if (toks[head]?.v !== 'RubyLLM' || !isHead(toks, head + 2)) return undefined;
  return linksFrom(c, head + 2);
}

/** The links `.name(…)` / `.name` from the one named at `k` on. */
function linksFrom(c: Ctx, k: number): number[] {
  const { toks, match } = c;
  const links: number[] = [];
  for (let n = 0; n < MAX_LINKS && isId(toks[k]); n++) {
    links.push(k);
    const next = isP(toks[k + 1], '(') && match[k + 1] > k ? match[k + 1] + 1 : k + 1;
    if (!isP(toks[next], '.') || !isId(toks[next + 1])) break;
    k = next + 1;
  }
  return links;
}

/** Reads a RubyLLM chat ending in `.ask(` / `.say(` (the `.` at `dot`) into `f`: the head's token index, or undefined. */
export function readRubyLlm(c: Ctx, f: Found, dot: number): PhpChain | undefined {
  const { toks } = c;
  const back = linksBack(c, dot - 1);
  let links = back.links.reverse();
  let start = back.head;
  let record = false;
  let made: number | undefined;
  if (!back.rooted) {
    // A Chat kept in a variable, else a chat record of the Rails integration (ruby-llm-records.ts).
    const held = heldChat(c, back.head, links, dot);
    const rec = held < 0 ? recordHead(c, back.head, links, dot) : undefined;
    // Else a method of the class returning a chat (ruby-llm-method-chat.ts).
    const own = held < 0 && !rec ? methodChat(c, back.head, links, (h) => linksForward(c, h), (k) => linksFrom(c, k)) : -1;
    if (held < 0 && !rec && own < 0) return undefined;
    if (rec) [links, start, record, made] = [rec.links, rec.start, true, rec.made];
    else start = held >= 0 ? held : own;
  }
  // 2.0's `ask_later` stages the chat: a request only when a RubyLLM.batch sends it (ruby-llm-batch.ts).
  if (toks[dot + 1].v === 'ask_later') {
    if (!stagedForBatch(c, start, dot)) return undefined;
    f.batchJob = RUBY_LLM_BATCH;
  }
  for (const name of links) link(c, f, name);
  link(c, f, dot + 1);
  // `chat = Chat.create!(model_id: "gpt-4o-mini")` then `chat.ask(…)`: the model it is made with.
  const given = made !== undefined ? madeModel(c, made) : undefined;
  if (!f.model && given) f.model = readModel(c, given[0], given[1]) ?? { unresolved: c.text.slice(toks[given[0]].start, toks[given[1] - 1].end) };
  if (!f.model && record) f.model = recordModelValue(c, dot + 1);
  // A record sends the conversation it has stored, its earlier messages known only at run time (chat_methods.rb
  // build_llm_chat: `sync_messages(chat)` loads them into the chat it asks); one made in the method has none.
  const fresh = made !== undefined && /^(new|create!?|build)$/.test(toks[made - 1].v);
  // Messages the record's class adds when one is made (an after_create callback) are stored first (ruby-llm-seeds.ts).
  if (record) recordSeed(c, f, dot + 1);
  if (record && !fresh) f.parts.push({ text: '', span: { start: toks[start].start, end: toks[dot].start }, resolved: false, label: RECORD_HISTORY });
  if (!f.model) f.model = defaultModel(c, dot + 1);
  return { start };
}

/** `chat = RubyLLM.chat(…)` then `chat.ask(…)`, and links set on it between (`chat.with_instructions(…)`), put before
 * `links`: the assignment's first token, or -1. */
function heldChat(c: Ctx, head: number, links: number[], dot: number): number {
  const { toks } = c;
  const tk = toks[head];
  if (!tk || !isId(tk) || isP(toks[head - 1], '.') || links.length > 4) return -1;
  // `@chat = RubyLLM.chat(…)` in initialize, `@chat.ask(…)` in another method: links set on it there are not read.
  const ivar = tk.v.startsWith('@');
  let def = ivar ? ivarValue(c, tk.v, dot) : assignmentBefore(c, tk.v, dot);
  // `chat = chat.with_schema(schema) if schema`: a link on the same chat (each `with_*` returns it), read with the links
  // between below; the chat is the value the name had before.
  for (let n = 0; !ivar && def > 0 && n < 4 && toks[def].v === tk.v && isP(toks[def + 1], '.'); n++) def = assignmentBefore(c, tk.v, def);
  // RSpec: an earlier `it` block's local is not this one's; the nearest group's `let(:chat)` is (ruby-spec-chat.ts).
  const spec = ivar ? undefined : specChat(c, tk.v, def, dot);
  if (spec) def = spec.def;
  const fwd = def >= 0 ? linksForward(c, def) : undefined;
  if (!fwd || (!ivar && !spec?.spec && dot - def > MAX_BETWEEN)) return -1;
  // `@chat = RubyLLM.chat` and `@chat.with_instructions(x)` earlier in the same method as the send (no `def` between):
  // read as a local's (held54 rails-ai-fit messages_controller.rb).
  let near = !ivar;
  if (ivar && def >= 0 && def < dot && dot - def <= MAX_BETWEEN) {
    near = true;
    for (let k = def; k < dot && near; k++) near = toks[k].v !== 'def' || !isId(toks[k]);
  }
  const between: number[] = [];
  for (let k = spec?.spec ? spec.from : def + 1; near && k < head; k++) {
    if (toks[k].v === tk.v && isId(toks[k]) && !isP(toks[k - 1], '.') && isP(toks[k + 1], '.') && isId(toks[k + 2]) && (toks[k + 2].v.startsWith('with_') || toks[k + 2].v === 'add_message' || toks[k + 2].v === 'ask_later')) between.push(...linksFrom(c, k + 2));
  }
  if (!ivar) c.read?.push({ start: toks[def].start, end: toks[dot].start });
  links.unshift(...fwd, ...between);
  return def;
}

/** A chat record's model: the model_id the app's records are made with, else (made with none) the default model. */
function recordModelValue(c: Ctx, at: number): Found['model'] {
  const m = recordModel(c);
  const here = c.toks[at].start;
  if (m) return { ref: { id: m.id, span: { start: here, end: here }, kind: 'constant', unwritten: true, source: { file: m.file, offset: m.offset, what: 'the model_id its acts_as_chat records are made with' } } };
  return m === null ? undefined : { unresolved: "the chat record's model_id (set where the record is made)" };
}

/** The value of the instance variable `name` set once in the file (or last before `at`): its first token, or -1. */
export function ivarValue(c: Ctx, name: string, at: number): number {
  c.readNames?.add(name);
  const list = tables(c).binds.get(name)?.filter((b) => b.kind === 'assign' && b.value >= 0);
  if (!list?.length) return -1;
  const before = list.filter((b) => b.name < at);
  const b = list.length === 1 ? list[0] : before[before.length - 1];
  if (!b) return -1;
  const eol = c.text.indexOf('\n', c.toks[b.value].start);
  c.read?.push({ start: c.toks[b.name].start, end: eol < 0 ? c.text.length : eol });
  return b.value;
}

/** One link of the chain, the sending `ask` / `say` too. */
function link(c: Ctx, f: Found, name: number): void {
  const { toks } = c;
  // `chat.ask(prompt)`, or `chat.ask prompt` without parentheses (ruby-command-args.ts).
  const range = argRange(c, name);
  if (!range) return;
  const args = argsOf(c, range[0], range[1]);
  const arg = (key: number | string) => args.get(key);
  switch (toks[name].v) {
    case 'chat':
    case 'with_model': {
      const m = arg(toks[name].v === 'chat' ? 'model' : 0) ?? arg('model_id');
      if (!m) return;
      // Ruby 3.1's `chat(model:, provider:)` is `model: model`: the name is the value.
      const [s, e] = m[1] > m[0] ? m : [m[0] - 2, m[0] - 1];
      // Named but unread, the model is the code's, never the default's.
      f.model = readModel(c, s, e) ?? { unresolved: c.text.slice(toks[s].start, toks[e - 1].end) };
      const route = 'ref' in f.model ? rubyLlmRoute(c, arg('provider'), f.model.ref.id) : undefined;
      if (route && 'ref' in f.model) f.model = { ref: { ...f.model.ref, ...route } };
      return;
    }
    case 'with_instructions': {
      const a = arg(0);
      if (!a) return;
      f.system = (f.system ?? 0) + 1;
      collectParts(c, a[0], a[1], f.parts);
      return;
    }
    case 'with_params':
    case 'with_provider_options': // 2.0's with_params, merged into the payload as-is (chat.rb at fb5a49bf)
    case 'with_max_output_tokens': {
      // Gemini's limit sits in its generationConfig (ruby-llm-limit.ts): `with_params(generationConfig: { maxOutputTokens: n })`.
      const g = arg('generationConfig');
      const inG = g && isP(toks[g[0]], '{') && c.match[g[0]] > g[0] ? argsOf(c, g[0] + 1, c.match[g[0]]).get('maxOutputTokens') : undefined;
      const a = toks[name].v !== 'with_max_output_tokens' ? arg('max_tokens') ?? arg('max_completion_tokens') ?? arg('max_output_tokens') ?? inG : arg(0);
      if (!a) return;
      f.limit = undefined;
      f.limitUnresolved = undefined;
      readLimitKey(c, f, name, a[0], a[1]);
      return;
    }
    case 'with_tool':
    case 'with_tools':
      (f.uses ??= new Set()).add('tools');
      return;
    case 'with_schema':
      (f.uses ??= new Set()).add('structured-output');
      return void (f.schema = rubyLlmSchema(c, arg(0)) ?? f.schema);
    case 'add_message': {
      // `chat.add_message(role: :user, content: x)`, or a hash (chat.rb add_message(message_or_attributes) makes
      // Message.new of it); sent by the next `complete` / `ask`. In a loop over stored messages, `x` is run time.
      const h = arg(0);
      const attrs = h && isP(toks[h[0]], '{') && c.match[h[0]] > h[0] ? argsOf(c, h[0] + 1, c.match[h[0]]) : args;
      const a = attrs.get('content');
      if (!a) return;
      const role = attrs.get('role');
      if (role && /system/.test(c.text.slice(toks[role[0]].start, toks[role[1] - 1].end))) f.system = (f.system ?? 0) + 1;
      else f.messages++;
      collectParts(c, a[0], a[1], f.parts);
      return;
    }
    case 'ask':
    case 'ask_later': // 2.0: stages the user message as ask does, sent by complete or a batch (chat.rb at fb5a49bf)
    case 'say': {
      f.messages++;
      const a = arg(0) ?? arg('message');
      // `ask(&block)`: a block streams the reply, no message.
      if (a && !isP(toks[a[0]], '&')) collectParts(c, a[0], a[1], f.parts);
      if (arg('with')) (f.uses ??= new Set()).add('images');
      return;
    }
    default:
  }
}

/** The app's `config.default_model = …` in a RubyLLM.configure block: a Rails initializer's, else (at the folder
 * Gemfile.lock is in) a script's at the app's root (pvlbzn/ragent run.rb `RubyLLM.configure do |config| …
 * config.default_model = "claude-sonnet-4-20250514" end` before `Agent.new.run`, the chat made in src/agent.rb); else
 * the gem's default by the version Gemfile.lock pins, else run time. */
function defaultModel(c: Ctx, at: number): Found['model'] {
  const idx = c.index;
  const here = c.toks[at].start;
  const unknown = { unresolved: "RubyLLM.chat (ruby_llm's default_model, set at run time)" };
  if (!idx) return unknown;
  for (const dir of ancestors(dirname(c.file), 12)) {
    const inits = idx.memo(dir, 'ruby-llm-initializers', () => sameFolder(idx.files, join(dir, 'config', 'initializers'), '.rb').slice(0, MAX_INITIALIZERS));
    const set = configured(c, inits);
    if (set) return set;
    const lock = idx.files.list(dir)?.includes('Gemfile.lock') ? idx.text(join(dir, 'Gemfile.lock')) : undefined;
    if (lock === undefined) continue;
    const root = configured(c, idx.memo(dir, 'ruby-llm-root-scripts', () => sameFolder(idx.files, dir, '.rb').slice(0, MAX_INITIALIZERS)));
    if (root) return root;
    const ver = /^ {4}ruby_llm \((\d+)\.(\d+)[.\d]*\)$/m.exec(lock);
    if (!ver) return unknown;
    const [maj, min] = [Number(ver[1]), Number(ver[2])];
    const id = GEM_DEFAULTS.find(([a, b]) => maj > a || (maj === a && min >= b))![2];
    return { ref: { id, span: { start: here, end: here }, kind: 'constant', unwritten: true, source: { offset: here, what: `ruby_llm ${ver[0].trim().slice(10, -1)}'s default_model (Gemfile.lock)` } } };
  }
  return unknown;
}

/** The first `config.default_model = …` stated in one of `files` that speaks of RubyLLM (not the call's own file). */
function configured(c: Ctx, files: string[]): Found['model'] | undefined {
  const idx = c.index!;
  for (const file of files) {
    if (file === c.file || !idx.text(file)?.includes('default_model')) continue;
    const s = idx.scope(file);
    if (!s || !s.text.includes('RubyLLM')) continue;
    const { toks } = s;
    for (let k = 2; k + 2 < toks.length; k++) {
      if (toks[k].v !== 'default_model' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '=')) continue;
      // To the end of the line: a Ruby statement.
      const eol = s.text.indexOf('\n', toks[k + 2].start);
      let e = k + 2;
      while (e < toks.length && (eol < 0 || toks[e].start < eol)) e++;
      const v = evaluate(s, k + 2, e);
      const id = v?.str !== undefined && !v.holes?.length && v.runtime === undefined ? v.str : v?.stated?.str;
      if (id) return { ref: { id, span: { start: toks[k + 2].start, end: toks[e - 1].end }, kind: 'constant', file, source: { file, offset: toks[k].start, what: 'config.default_model in RubyLLM.configure' } } };
    }
  }
  return undefined;
}

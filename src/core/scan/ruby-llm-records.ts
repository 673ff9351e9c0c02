// RubyLLM's Rails integration: a model that declares `acts_as_chat` is a chat, and its `ask` / `say` send
// (crmne/ruby_llm lib/ruby_llm/active_record/acts_as.rb and chat_methods.rb, 1.0 to 1.9: `def ask(message = nil, with:
// nil, &)`, the links `with_instructions`, `with_model`, `with_tool(s)`, `with_params` as on a plain Chat; docs
// _advanced/rails.md `chat_record = Chat.create!(model: "gpt-4.1-nano")`, `chat_record.ask("…")`). The record is
// reached by a name (`chat`, `@chat`, `@message.chat`, a variable set by `Chat.find(…)`) or is `self` in the class.
// Its model is the record's model_id, given where records are made (`Chat.create!(model_id: "gpt-4o-mini")`, `model:`
// from 1.7); made without one, config.default_model (chat_methods.rb `@pending_model_id ||= config.default_model unless
// model`). Seen in swinner2/llm_agent_example (app/jobs/chat_job.rb `chat = Chat.find(chat_id)`, `chat.ask(message)`;
// home_controller.rb `Chat.first_or_create(model_id: "gpt-4o-mini")`) and dmbf29/rails-ai-challenges-2058
// (app/services/ai_message_service.rb `@message.chat.with_instructions(instructions).ask(@message.content)`).
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { ValueIndex } from '../resolve/value-index';
import { ancestors, basename, dirname, join } from '../resolve/files';
import { sameFolder } from '../resolve/classes';
import { assignmentBefore } from './definitions';
import { argsOf } from './php-chains';
import { evaluate } from './evaluate';
import type { Ctx } from './values';

/** Model files read for `acts_as_chat` at most, and files read for the places records are made. */
const MAX_MODELS = 200;
const MAX_MAKERS = 64;
/** Folders of a Rails app where chat records are made. */
const MAKER_DIRS = ['app/controllers', 'app/jobs', 'app/services', 'app/models'];
/** Class methods that make (or find or make) a record with its attributes. */
const MAKERS = new Set(['new', 'create', 'create!', 'first_or_create', 'first_or_create!', 'find_or_create_by', 'find_or_create_by!', 'build']);

interface Records {
  /** Class name → its file, and the name a record of it is usually kept in (`Chat` → `chat`). */
  classes: Map<string, { file: string; snake: string }>;
  root: string;
}

/** The Rails app root above `file` whose app/models holds `acts_as_chat` classes, or undefined. */
export function chatRecords(idx: ValueIndex | undefined, file: string): Records | undefined {
  if (!idx) return undefined;
  for (const dir of ancestors(dirname(file), 12)) {
    const models = join(dir, 'app', 'models');
    if (!idx.files.list(models)) continue;
    return idx.memo(dir, 'ruby-llm-records', () => {
      const classes = new Map<string, { file: string; snake: string }>();
      for (const f of sameFolder(idx.files, models, '.rb').slice(0, MAX_MODELS)) {
        const text = idx.text(f);
        if (!text?.includes('acts_as_chat') || !/^[ \t]*acts_as_chat\b/m.test(text)) continue;
        const cls = /^[ \t]*class[ \t]+([A-Z]\w*)/m.exec(text)?.[1];
        if (cls) classes.set(cls, { file: f, snake: basename(f).replace(/\.rb$/, '') });
      }
      return classes.size ? { classes, root: dir } : undefined;
    });
  }
  return undefined;
}

/** The file may send through a chat record: it names `ask` / `say` / `complete` (chat_methods.rb `def complete(...)
 * to_llm.complete(...)`, 1.6.4 to 1.9.2) in an app with an `acts_as_chat` model. */
export function mayAskRecord(languageId: string, has: (w: string) => boolean, idx: ValueIndex | undefined, file: string | undefined): boolean {
  return languageId === 'ruby' && !!file && (has('.ask') || has('.say') || has('.complete')) && !!chatRecords(idx, file);
}

/**
 * A chat record at the head of a send: the links left to read (the record's association name dropped) and the chain's
 * first token; undefined when the head is no chat record.
 */
export function recordHead(c: Ctx, head: number, links: number[], dot: number): { links: number[]; start: number; made?: number } | undefined {
  const recs = chatRecords(c.index, c.file);
  if (!recs) return undefined;
  const { toks } = c;
  const snakes = new Set([...recs.classes.values()].map((r) => r.snake));
  const named = (t: Token | undefined) => !!t && isId(t) && snakes.has(t.v.replace(/^@/, ''));
  // `@message.chat.with_instructions(x).ask(y)`: an association named as the record's class, or a method of the
  // receiver's model returning one (`def chat; self.conversation; end`, Brady-Moore/robobo app/models/response.rb).
  if (links.length && (named(toks[links[0]]) || returnsRecord(c, recs.root, toks[head], toks[links[0]].v, snakes))) return { links: links.slice(1), start: head };
  const tk = toks[head];
  if (!isId(tk) || isP(toks[head - 1], '.')) return undefined;
  // `self.ask "…"` in the record's own class.
  if (tk.v === 'self') return [...recs.classes.values()].some((r) => r.file === c.file) ? { links, start: head } : undefined;
  // `conversation = Chat.find(params[:id])`, `chat = Chat.create!(model_id: "…")`; else a name like the class's.
  const def = tk.v.startsWith('@') ? -1 : assignmentBefore(c, tk.v, dot);
  if (!(def >= 0 && recs.classes.has(toks[def].v) && isP(toks[def + 1], '.'))) return named(tk) ? { links, start: head } : undefined;
  const open = def + 3;
  const made = MAKERS.has(toks[def + 2]?.v) && isP(toks[open], '(') && c.match[open] > open;
  c.read?.push({ start: toks[def].start, end: toks[made ? c.match[open] : def + 2]?.end ?? toks[def].end });
  return made ? { links, start: head, made: open } : { links, start: head };
}

/** The model_id (or `model:`) literal given to the record made at the bracket `open` (`Chat.create!(model_id: "…")`). */
export function madeModel(c: Ctx, open: number): [number, number] | undefined {
  const args = argsOf(c, open + 1, c.match[open]);
  return args.get('model_id') ?? args.get('model');
}

/** The model records are made with in the app: the first `Chat.create!(model_id: "…")` (or `model:`) read in its
 * controllers, jobs, services and models; null when records are made there with none; undefined when none is seen. */
export function recordModel(c: Ctx): { id: string; file: string; offset: number } | null | undefined {
  const idx = c.index;
  const recs = chatRecords(idx, c.file);
  if (!idx || !recs) return undefined;
  return idx.memo(recs.root, 'ruby-llm-record-model', () => {
    let made = false;
    // `Chat.create!(…)`, and through an association, `Current.user.chats.create!` (clapback chats_controller.rb).
    const plurals = new Set([...recs.classes.values()].map((r) => r.snake + 's'));
    const files = MAKER_DIRS.flatMap((d) => sameFolder(idx.files, join(recs.root, d), '.rb')).slice(0, MAX_MAKERS);
    for (const file of files) {
      const text = idx.text(file);
      if (!text || ![...recs.classes.keys(), ...[...plurals].map((p) => '.' + p)].some((k) => text.includes(k + '.'))) continue;
      const s = idx.scope(file);
      if (!s) continue;
      const { toks, match } = s;
      for (let k = 1; k + 3 < toks.length; k++) {
        const named = recs.classes.has(toks[k].v) || (plurals.has(toks[k].v) && isP(toks[k - 1], '.'));
        if (!named || !isP(toks[k + 1], '.') || !MAKERS.has(toks[k + 2].v)) continue;
        // Made with no arguments (`Chat.new`, `chats.create!`): with no model, config.default_model.
        made = true;
        if (!isP(toks[k + 3], '(') || match[k + 3] < 0) continue;
        const args = argsOf(s, k + 4, match[k + 3]);
        const m = args.get('model_id') ?? args.get('model');
        const v = m ? evaluate(s, m[0], m[1]) : undefined;
        if (v?.str !== undefined && !v.holes?.length && v.runtime === undefined) return { id: v.str, file, offset: toks[m![0]].start };
      }
    }
    return made ? null : undefined;
  });
}

/** `def name` in the model file of `recv` (`@response` → app/models/response.rb) whose body is only `self.x` or `x`, x
 * an association named as a chat record class. */
function returnsRecord(c: Ctx, root: string, recv: Token | undefined, name: string, snakes: Set<string>): boolean {
  if (!recv || !isId(recv) || !c.index) return false;
  const file = join(root, 'app', 'models', `${recv.v.replace(/^@/, '')}.rb`);
  if (file === c.file || !c.index.text(file)?.includes(`def ${name}`)) return false;
  const s = c.index.scope(file);
  const toks = s?.toks ?? [];
  for (let k = 1; k + 3 < toks.length; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'def') continue;
    let b = isP(toks[k + 1], '(') && toks[k + 2] && isP(toks[k + 2], ')') ? k + 3 : k + 1;
    if (toks[b].v === 'self' && isP(toks[b + 1], '.')) b += 2;
    return snakes.has(toks[b]?.v) && toks[b + 1]?.v === 'end';
  }
  return false;
}

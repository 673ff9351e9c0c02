// Callers of a Ruby service object's public method in the other files of the project: `class OpenaiService; def
// chat_system_user(system_msg, user_msg, model: "gpt-4", max_tokens: 800) … @client.chat(parameters: { model: model,
// … }) end end` made as `openai = OpenaiService.new` and called as `openai.chat_system_user(prompt[:system], …,
// model: "gpt-4o-mini", max_tokens: 800)` in a controller (zackvalavanis/F-F-backend); `client = Ai::ChatGptClient.new;
// client.chat(user_prompt, system_prompt)` in two classes of app/domains/ai (elviajero971/tennis-api-data-ai). Rails
// loads these classes without a `require`, so the callers are the project's files (the folder of its Gemfile or
// gemspec, listed once, ruby-merge-callers.ts) whose text makes the class (`OpenaiService.new`; `Cls.m(` for a `def
// self.m`) and calls the method; each `.m(` call of such a file is read. A `.m` written without parentheses in one of
// them is a call whose arguments are not read: then the callers are not all known. `initialize`'s parameters are
// read from the `Cls.new(…)` calls.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname, join, type WorkspaceFiles } from '../resolve/files';
import { rubyPrivate } from './ruby-private';
import { rubyIncluderCalls } from './ruby-module-callers';
import { callerFiles } from './project-files';
import { mentions, projectRoot, rubyFiles } from './ruby-merge-callers';
import type { EvalScope } from './value';
import { tables } from './scope';
import { pick } from './lookup';
import { rubyEnd } from './body-ends';


/** Words whose edit can change whose methods these are (editor/reader-words.ts): a module's, a module function
 * (`extend self` is class-files.ts's RUBY_INCLUDE_WORDS). */
export const RUBY_MODULE_WORDS = ['module', 'module_function'];

/**
 * `.m(` calls in the project's other files of the public method whose name is token `at` (its `def`'s name), each as
 * its file's scope and the token of the method's name; [] when the method is not a class's public one or none is
 * called elsewhere; undefined when a call in a file that makes the class cannot be read.
 */
export function rubyCallers(s: EvalScope, at: number): { sc: EvalScope; k: number }[] | undefined {
  const { toks } = s;
  const idx = s.index;
  // A module's method (a Rails concern's): the bare calls of the classes that include it (ruby-module-callers.ts).
  const included = rubyIncluderCalls(s, at);
  // A module's `module_function` method is also called on the module (`Llm.complete(…)`): both kinds of call.
  const both = included !== null && moduleFunction(s, at);
  if (included !== null && !both) return included;
  if (included === undefined || s.syn.id !== 'ruby' || !idx?.files.folders || rubyPrivate(s, at)) return both ? undefined : [];
  const method = toks[at].v;
  // `def initialize(prompt)`: the object is made with `OpenaiService.new(prompt)` (0alfred00/storyai workers).
  const ctor = method === 'initialize';
  // `def self.m`, or a `def m` in `class << self`: called on the class (or module).
  const self = isP(toks[at - 1], '.') && toks[at - 2]?.v === 'self';
  if (!self && toks[at - 1]?.v !== 'def') return [];
  const { cls, single, kind } = classOf(s, at);
  const onClass = self || single || both;
  // A module's instance method (no `module_function`) is called by the classes that include it, read above.
  if (kind === 'module' && !onClass) return [];
  // A plain folder of scripts (no Gemfile or gemspec above: `require_relative 'bot'` in main.rb): its own .rb files.
  const project = cls ? projectRoot(idx.files, dirname(s.file)) : undefined;
  const root = cls ? project ?? ancestors(dirname(s.file), 1)[0] : undefined;
  if (!cls || root === undefined) return [];
  // An Active Job's `def perform(…)` runs with the arguments of `Cls.perform_later(…)` / `Cls.perform_now(…)` (Rails
  // guides, Active Job Basics: "Enqueue the Job"; farahghalebi/tudy-app JournalSummaryJob.perform_later(@journal, PROMPT, …)).
  const job = method === 'perform' && !onClass;
  const called = job ? ['perform_later', 'perform_now'] : [ctor ? 'new' : method];
  const made = onClass ? [`${cls}.${method}`] : job ? called.map((w) => `${cls}.${w}`) : [`${cls}.new`];
  // The files that make the class and name the method, listed once per project (dropped when a file under it changes).
  const users = callerFiles(s, root, `ruby.callers ${s.file} ${made[0]} .${method}`, () => (project === undefined ? scriptsIn(idx.files, root) : idx.memo(root, 'ruby-files', () => rubyFiles(idx.files, root))),
    // Test code passes test doubles.
    (f, text) => !/(^|\/)(spec|test)\//.test(f.slice(root.length)) && called.some((w) => text().includes(`.${w}`)) && (made.some((m) => mentions(text(), m)) || (ctor && mentions(text(), cls))));
  if (!users) return undefined;
  const out: { sc: EvalScope; k: number }[] = both ? [...included!] : [];
  for (const sc of users) {
    const t = sc.toks;
    for (let k = 1; k < t.length; k++) {
      if (t[k].t !== T.Id || !called.includes(t[k].v) || !isP(t[k - 1], '.')) continue;
      if ((onClass || ctor || job) && t[k - 2]?.v !== cls && !(ctor && pickedClass(sc, k - 2, cls))) continue;
      if (!isP(t[k + 1], '(') || !(sc.match[k + 1] > k + 1)) return undefined;
      out.push({ sc, k });
    }
  }
  return out;
}

/**
 * A public instance method of a class in an application (its project root holds a Gemfile, no gemspec: no code outside
 * calls it) that no other file of the project calls (rubyCallers found none): its callers are all in this file, as a
 * private method's are. A job's `def chat(messages:)` called as `chat(messages:)` from its `perform`, the list built
 * there (leouofa/QuasarAI app/jobs, ten of them). A gem's public method may be called by its users.
 */
export function rubyAppOwn(s: EvalScope, at: number): boolean {
  const idx = s.index;
  if (s.syn.id !== 'ruby' || !idx?.files.folders || rubyPrivate(s, at) || s.toks[at - 1]?.v !== 'def' || s.toks[at].v === 'initialize') return false;
  const { cls, single, kind } = classOf(s, at);
  const root = cls && !single && kind === 'class' ? projectRoot(idx.files, dirname(s.file)) : undefined;
  const names = root !== undefined ? idx.files.list(root) ?? [] : [];
  return names.includes('Gemfile') && !names.some((n) => n.endsWith('.gemspec'));
}

/** `def initialize` at token `at`: the class its callers make (`Cls.new(…)`), named so in the hover. */
export function rubyNewClass(s: EvalScope, at: number): string | undefined {
  const own = s.syn.id === 'ruby' && s.toks[at].v === 'initialize' ? classOf(s, at) : undefined;
  return own?.kind === 'class' ? own.cls : undefined;
}

/** `new(` / `self.new(` in the file: the class's own methods making it (held-out 13 ai_journal: `def self.run(…) new(…).run`). */
export function rubyBareNews(toks: Token[]): number[] {
  const out: number[] = [];
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'new' || toks[k].t !== T.Id || !isP(toks[k + 1], '(')) continue;
    if (!isP(toks[k - 1], '.') || (toks[k - 2]?.v === 'self' && !isP(toks[k - 3], '.'))) out.push(k);
  }
  return out;
}

/** Does the block opened by the keyword at offset `from` end (an `end` at its line's indentation) before offset `to`? */
export function closedBefore(s: EvalScope, from: number, to: number): boolean {
  const { text } = s;
  const line = text.lastIndexOf('\n', from) + 1;
  const indent = /^[ \t]*/.exec(text.slice(line, from))![0];
  if (line + indent.length !== from) return false;
  // The first line after it that is `end` at that indentation (a plain search: no pattern built from the text).
  const needle = `\n${indent}end`;
  let at = text.indexOf(needle, from);
  while (at >= 0 && /\w/.test(text[at + needle.length] ?? '')) at = text.indexOf(needle, at + 1);
  // The `class` line and the `end` that closes it, from their indentation on, decide it (the keystroke path).
  if (at >= 0 && at < to) s.read?.push({ start: line, end: from + 5 }, { start: at, end: at + needle.length });
  return at >= 0 && at < to;
}

/** The class or module the method at token `at` is defined in (the last constant of `class A::B`), and whether it is
 * in its `class << self` block. */
function classOf(s: EvalScope, at: number): { cls?: string; single: boolean; kind?: 'class' | 'module' } {
  const { toks } = s;
  let single = false;
  for (let k = at - 1; k >= 0; k--) {
    if (toks[k].t !== T.Id || (toks[k].v !== 'class' && toks[k].v !== 'module') || isP(toks[k - 1], '.')) continue;
    if (toks[k].v === 'class' && isP(toks[k + 1], '<<')) {
      single = true;
      continue;
    }
    // A class closed before the method (`class Models … end` nested above it, ai_journal): its `end` is at the
    // indentation of its `class` line.
    if (closedBefore(s, toks[k].start, toks[at].start)) continue;
    let j = k + 1;
    while (isP(toks[j + 1], '::') && isId(toks[j + 2])) j += 2;
    return { cls: isId(toks[j]) ? toks[j].v : undefined, single, kind: toks[k].v as 'class' | 'module' };
  }
  return { single };
}

/**
 * Is the module method whose name is token `at` a module function: after a bare `module_function` line of its module,
 * named by `module_function :m`, or in a module that does `extend self`? Such a method is called on the module
 * (https://docs.ruby-lang.org/en/3.3/Module.html#method-i-module_function, https://docs.ruby-lang.org/en/3.3/Object.html#method-i-extend).
 */
function moduleFunction(s: EvalScope, at: number): boolean {
  const { toks } = s;
  let start = -1;
  for (let k = at - 1; k >= 0 && start < 0; k--) if ((toks[k].v === 'module' || toks[k].v === 'class') && toks[k].t === T.Id && !isP(toks[k - 1], '.') && !closedBefore(s, toks[k].start, toks[at].start)) start = k;
  if (start < 0 || toks[start].v !== 'module') return false;
  const name = toks[at].v;
  for (let k = start + 1; k < toks.length; k++) {
    if (toks[k].t !== T.Id || isP(toks[k - 1], '.')) continue;
    if (k > at && (toks[k].v === 'module' || toks[k].v === 'class')) break;
    if (toks[k].v === 'extend' && toks[k + 1]?.v === 'self' && !isP(toks[k + 2], '.')) return true;
    if (toks[k].v !== 'module_function') continue;
    // A bare `module_function` makes the methods defined after it module functions; with names, those named.
    if (!isP(toks[k + 1], ':')) {
      if (k < at) return true;
      continue;
    }
    for (let m = k + 1; isP(toks[m], ':') && isId(toks[m + 1]); m += 3) {
      if (toks[m + 1].v === name) return true;
      if (!isP(toks[m + 2], ',')) break;
    }
  }
  return false;
}

/**
 * `provider_class.new(config)` at the receiver token r, where the local was set by a `case` / `if` one of whose arms is
 * the class (`provider_class = case provider_name.to_sym when :anthropic then Llm::Providers::Anthropic … end`,
 * procload/ai-dnd-rails app/services/llm/factory.rb): a call making the class when that arm is taken, its arguments
 * the ones the class's `initialize` gets then.
 */
function pickedClass(sc: EvalScope, r: number, cls: string): boolean {
  const { toks, text } = sc;
  if (!isId(toks[r]) || isP(toks[r - 1], '.') || isP(toks[r - 1], '::') || !/^[a-z_]/.test(toks[r].v)) return false;
  const b = pick(tables(sc).binds.get(toks[r].v), sc, toks[r].start);
  const v = b?.kind === 'assign' && b.value >= 0 ? b.value : -1;
  if (v < 0 || (toks[v].v !== 'case' && toks[v].v !== 'if') || toks[v].t !== T.Id) return false;
  const close = Math.min(rubyEnd(text, toks, v + 1), r);
  sc.read?.push({ start: toks[b!.name].start, end: toks[close - 1].end });
  for (let k = v + 1; k < close; k++) {
    if (toks[k].v === cls && isId(toks[k]) && !isP(toks[k + 1], '.') && !isP(toks[k + 1], '::') && !isP(toks[k + 1], '(')) return true;
  }
  return false;
}

/** The .rb files of one folder, not below it (a plain folder of scripts has no project to walk). */
function scriptsIn(files: WorkspaceFiles, dir: string): string[] {
  return (files.list(dir) ?? []).filter((n) => n.endsWith('.rb')).map((n) => join(dir, n));
}

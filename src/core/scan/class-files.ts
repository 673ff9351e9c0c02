// Names in the files of other classes: `Prompts.SYSTEM` where class Prompts is defined elsewhere, Rails-autoloaded
// `Analyzers::SetupPrompt::SYSTEM`, and the files of a class by its name. Moved out of imported.ts.
import { ancestors, basename, dirname, join } from '../resolve/files';
import { classCandidates, railsAutoloadCandidates, sameFolder } from '../resolve/classes';
import { tables } from './scope';
import type { EvalScope, Value } from './value';
import { bindingValue } from './lookup';
import { importedClass } from './imported-classes';

/** `Prompts.SYSTEM` where class Prompts is defined in another file: the same folder, an import, a namespace's
 * folder, a `require_relative` (resolve/classes.ts says where to look, per language). */
export function classFile(s: EvalScope, cls: string, name: string, depth: number): Value | undefined {
  for (const other of classScopes(s, cls)) {
    const v = bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
    if (v && v.runtime === undefined) return v;
  }
  // Python / JS: the module the class is imported from by name, as its constructor leaves the member (imported-classes.ts).
  const imp = tables(s).classes.has(cls) ? undefined : importedClass(s, cls);
  const v = imp && bindingValue(imp.scope, name, imp.at, depth + 1, true);
  return v && v.runtime === undefined ? v : undefined;
}

/** Ruby `Analyzers::SetupPrompt::SYSTEM` with no require: the constant in the file Rails autoloads for the modules. */
export function railsConstant(s: EvalScope, modules: string[], name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || tables(s).classes.has(modules[0])) return undefined;
  // The file of the whole path, else of a leading part that declares the rest nested in it (`FetchChatCompletion::
  // Models::GPT_4_TURBO` in fetch_chat_completion.rb's `class Models`, held-out 13 ai_journal).
  for (let n = modules.length; n >= 1; n--) {
    for (const f of railsAutoloadCandidates(idx.files, s.file, modules.slice(0, n))) {
      const other = f === s.file ? undefined : idx.scope(f);
      if (!other || !modules.slice(n).every((m) => tables(other).classes.has(m))) continue;
      const v = bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
      if (v && v.runtime === undefined) return v;
    }
  }
  return undefined;
}

/** The files of other classes named `cls` that this file can reach (its package or namespace folder, imports). */
export function* classScopes(s: EvalScope, cls: string): Generator<EvalScope> {
  const idx = s.index;
  if (!idx || tables(s).classes.has(cls)) return;
  const snake = cls.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  for (const f of classCandidates(idx.files, s.file, s.text, cls, s.syn.id, idx.memo.bind(idx))) {
    if (f === s.file) continue;
    const other = idx.scope(f);
    if (!other) continue;
    // A file named otherwise (a Kotlin file of several objects, a Ruby file required) must declare the class.
    const own = basename(f).replace(/\.\w+$/, '');
    if (own !== cls && own !== snake && !tables(other).classes.has(cls)) continue;
    yield other;
  }
}

/** The words of a Ruby module mixed in, whose constants a class then reads by their bare names (keystroke path). */
export const RUBY_INCLUDE_WORDS = ['include', 'prepend', 'extend'];

/**
 * Ruby: a bare constant `SYSTEM` of a module the file mixes in with `include OpenAi::Prompts` (or `prepend`): Ruby
 * looks a constant up lexically, then in the ancestors of the class or module it is written in
 * (https://docs.ruby-lang.org/en/master/syntax/modules_and_classes_rdoc.html#label-Constants), agualde/AI-CV-Maker
 * app/services/open_ai_service.rb with `module OpenAi; module Prompts; ABOUT_SECTION_PROMPT = "…"` in
 * app/modules/open_ai/prompts.rb. The module's file is found as Rails autoloads it, else as a class of its last name.
 * `extend Prompts` adds the module to the singleton class only: its constants stay out of bare reach (NameError).
 */
export function rubyIncluded(s: EvalScope, name: string, depth: number): Value | undefined {
  if (s.syn.id !== 'ruby' || !/^[A-Z]/.test(name)) return undefined;
  const { toks } = s;
  for (let k = 0; k < toks.length - 1; k++) {
    if ((toks[k].v !== 'include' && toks[k].v !== 'prepend') || toks[k - 1]?.v === '.' || !/^[A-Z]/.test(toks[k + 1].v)) continue;
    const path = [toks[k + 1].v];
    let e = k + 2;
    while (toks[e]?.v === '::' && /^[A-Z]/.test(toks[e + 1]?.v ?? '')) {
      path.push(toks[e + 1].v);
      e += 2;
    }
    s.read?.push({ start: toks[k].start, end: toks[e - 1].end });
    const v = (path.length > 1 ? railsConstant(s, path, name, depth) : undefined) ?? classFile(s, path[path.length - 1], name, depth);
    if (v) return v;
  }
  return undefined;
}

/** Initializer files of a Rails app read for a constant at most. */
const MAX_INITIALIZERS = 64;

/**
 * A Rails app's constant set at the top of a file in config/initializers (`OPENAI_CONFIG = { model: 'gpt-4o-mini',
 * … }.freeze`): Rails runs every initializer file at boot (Rails guides, "Configuring Rails Applications", Using
 * Initializer Files), so the constant is visible in every class of the app. The app is the nearest folder above the file
 * whose config/ holds application.rb; a file that names the constant is read.
 */
export function railsInitializerConstant(s: EvalScope, name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || !/^[A-Z]/.test(name) || !('/' + s.file).includes('/app/')) return undefined;
  const root = ancestors(dirname(s.file), 12).find((a) => idx.files.list(join(a, 'config'))?.includes('application.rb'));
  if (root === undefined) return undefined;
  const inits = idx.memo(root, 'rails-initializers', () => sameFolder(idx.files, join(root, 'config', 'initializers'), '.rb').slice(0, MAX_INITIALIZERS));
  for (const f of inits) {
    if (f === s.file || !idx.text(f)?.includes(name)) continue;
    const other = idx.scope(f);
    const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
    if (v && v.runtime === undefined) return v;
  }
  return undefined;
}


/** Modules and classes a Ruby file opens, outermost first (`class GenerativeText` / `module Anthropic` / `class
 * Client`, or `module A::B`), at most this many. */
const MAX_NESTING = 8;

/**
 * Ruby: a bare constant of a module the file is nested in, written in that module's own file (held73 G1 apmiller108/tmp
 * lib/generative_text/anthropic/client.rb, `class GenerativeText; module Anthropic; class Client` using `HOST` and
 * `MESSAGES_PATH` of lib/generative_text/anthropic.rb's `module Anthropic`). Ruby looks a constant up through the
 * lexical nesting first (https://docs.ruby-lang.org/en/master/syntax/modules_and_classes_rdoc.html#label-Constants);
 * the module's file is the one Zeitwerk and Rails autoload for it, its folder's name with `.rb` beside the folder.
 */
export function rubyNestingConstant(s: EvalScope, name: string, depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || s.syn.id !== 'ruby' || !/^[A-Z]/.test(name)) return undefined;
  const { toks } = s;
  const nest: string[] = [];
  for (let k = 0; k + 1 < toks.length && nest.length < MAX_NESTING; k++) {
    if ((toks[k].v !== 'module' && toks[k].v !== 'class') || toks[k - 1]?.v === '.' || !/^[A-Z]/.test(toks[k + 1].v)) continue;
    for (let e = k + 1; /^[A-Z]/.test(toks[e]?.v ?? ''); e += 2) {
      nest.push(toks[e].v);
      if (toks[e + 1]?.v !== '::') break;
    }
  }
  let d = dirname(s.file);
  for (let i = nest.length - 2; i >= 0 && d; i--) {
    const snake = nest[i].replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    if (basename(d) !== snake) return undefined;
    const f = join(dirname(d), snake + '.rb');
    const other = f !== s.file && idx.text(f)?.includes(name) ? idx.scope(f) : undefined;
    const v = other ? bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true) : undefined;
    if (v && v.runtime === undefined) return v;
    d = dirname(d);
  }
  return undefined;
}

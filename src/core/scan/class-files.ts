// Names in the files of other classes: `Prompts.SYSTEM` where class Prompts is defined elsewhere, Rails-autoloaded
// `Analyzers::SetupPrompt::SYSTEM`, and the files of a class by its name. Moved out of imported.ts.
import { basename } from '../resolve/files';
import { classCandidates, railsAutoloadCandidates } from '../resolve/classes';
import { tables } from './scope';
import type { EvalScope, Value } from './value';
import { bindingValue } from './lookup';

/** `Prompts.SYSTEM` where class Prompts is defined in another file: the same folder, an import, a namespace's
 * folder, a `require_relative` (resolve/classes.ts says where to look, per language). */
export function classFile(s: EvalScope, cls: string, name: string, depth: number): Value | undefined {
  for (const other of classScopes(s, cls)) {
    const v = bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
    if (v && v.runtime === undefined) return v;
  }
  return undefined;
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
  for (const f of classCandidates(idx.files, s.file, s.text, cls, s.syn.id)) {
    if (f === s.file) continue;
    const other = idx.scope(f);
    if (!other) continue;
    // A file named otherwise (a Kotlin file of several objects, a Ruby file required) must declare the class.
    const own = basename(f).replace(/\.\w+$/, '');
    if (own !== cls && own !== snake && !tables(other).classes.has(cls)) continue;
    yield other;
  }
}

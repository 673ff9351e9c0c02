// Ruby values read through members the evaluator does not follow by scope: a Rails app's custom configuration
// (`Rails.configuration.llm.anthropic`, set as `config.llm.anthropic = { model: ENV['ANTHROPIC_MODEL'] ||
// 'claude-sonnet-4-5', … }` in a `Rails.application.configure do … end` block of config/initializers), and a number's
// conversion `(ENV['MAX_TOKENS'] || 4096).to_i` (procload/ai-dnd-rails config/initializers/llm.rb, held44 C26-C32).
import { ancestors, dirname, join } from '../resolve/files';
import { sameFolder } from '../resolve/classes';
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { docJson } from './config-loads';
import { rubyClassConstant } from './ruby-class-constants';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** Files of config/initializers (and config/application.rb) read for a setting at most. */
const MAX_FILES = 64;

/**
 * Members of a Ruby value read here: `.to_i` / `.to_f` of a number (or of a digit string) is the number (Ruby core
 * Integer#to_i, String#to_i); `Rails.configuration.a.b` / `Rails.application.config.a.b` is what an initializer
 * assigns to `config.a.b`. Undefined for any other member.
 */
export function rubyMember(s: EvalScope, base: Value | undefined, names: string[], depth: number): Value | undefined {
  if (base) {
    // `prompt['schema'].to_json` of a loaded YAML / JSON file: its compact JSON (config-loads.ts).
    if (names.length === 1 && names[0] === 'to_json' && base.obj?.kind === 'doc') return docJson(base.obj);
    // `(ENV['LLM_PROVIDER'] || :anthropic).to_sym`: a name's text is the symbol's (ruby-symbols.ts).
    if (names.length === 1 && names[0] === 'to_sym' && base.str !== undefined && !base.holes?.length) return base;
    if (names.length !== 1 || (names[0] !== 'to_i' && names[0] !== 'to_f') || base.runtime !== undefined) return undefined;
    if (base.num !== undefined) return base;
    const t = base.str?.trim();
    return t !== undefined && !base.holes?.length && /^\d+(\.\d+)?$/.test(t) ? { ...base, num: Number(t) } : undefined;
  }
  // `self.class::MODEL` in an inherited method: the object's class's MODEL first (ruby-class-constants.ts).
  const own = rubyClassConstant(names, depth);
  if (own) return own;
  const path = names[0] !== 'Rails' ? undefined : names[1] === 'configuration' ? names.slice(2) : names[1] === 'application' && names[2] === 'config' ? names.slice(3) : undefined;
  return path?.length ? railsSetting(s, path, depth) : undefined;
}

/**
 * Rails guides, "Configuring Rails Applications", Custom Configuration: "You can configure your own code through the
 * Rails configuration object with custom configuration under either the config.x namespace, or config directly …
 * available through the configuration object: Rails.configuration.x.payment_processing.schedule". Rails runs every
 * initializer at boot, so the app's initializers (the nearest config/initializers above the file) and its
 * config/application.rb are read for `config.<path> = value`; the last file in load order that sets it wins.
 */
function railsSetting(s: EvalScope, path: string[], depth: number): Value | undefined {
  const idx = s.index;
  if (!idx || depth > MAX_DEPTH) return undefined;
  const dir = dirname(s.file);
  const files = idx.memo(dir, 'rails-config-files', () => {
    const root = ancestors(dir, 12).find((a) => idx.files.list(join(a, 'config', 'initializers')) !== undefined);
    if (root === undefined) return [];
    const app = join(root, 'config', 'application.rb');
    return [...(idx.files.list(join(root, 'config'))?.includes('application.rb') ? [app] : []), ...sameFolder(idx.files, join(root, 'config', 'initializers'), '.rb').slice(0, MAX_FILES)];
  });
  const written = 'config.' + path.join('.');
  let found: Value | undefined;
  for (const f of files) {
    if (!idx.text(f)?.includes(written)) continue;
    const o = idx.scope(f);
    const at = o && assigned(o, path);
    const v = at !== undefined ? evaluate(o!, at, valueEnd(o!, at), depth + 1) : undefined;
    if (v && v.runtime === undefined) found = v;
  }
  return found;
}

/** The first token of the value of the last `config.<path> = value` of the file. */
function assigned(o: EvalScope, path: string[]): number | undefined {
  const { toks } = o;
  let at: number | undefined;
  for (let k = 0; k + 2 * path.length + 1 < toks.length; k++) {
    if (toks[k].v !== 'config' || !isId(toks[k]) || isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'application') continue;
    let j = k + 1;
    let p = 0;
    while (p < path.length && isP(toks[j], '.') && toks[j + 1]?.v === path[p]) [j, p] = [j + 2, p + 1];
    if (p === path.length && isP(toks[j], '=')) at = j + 1;
  }
  return at;
}

/** The end of a value starting at `j`: its brackets, then up to the end of its line. */
function valueEnd(o: EvalScope, j: number): number {
  const { toks, match, text } = o;
  let k = j;
  while (k < toks.length) {
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    const next = toks[k + 1];
    if (!next || text.slice(toks[k].end, next.start).includes('\n')) return k + 1;
    k++;
  }
  return k;
}

// A Jinja environment's templates: `env = Environment(loader=FileSystemLoader(os.path.dirname(__file__)))` at module
// level, then `env.get_template(f"{name}.md").render(kwargs)` in a loader helper called as
// `get_prompt_template("extract_items", …)` (haseebpvt/agentic-shopping-list-backend prompt/prompt_loader.py, 10
// prompt files). The template is the file under the loader's folder (jinja2 loaders.py FileSystemLoader(searchpath):
// get_source joins the template name to each search path; Environment.get_template(name) → Template, whose render
// fills it); its static text counts, `{{ }}` / `{% %}` holes (file-reads.ts templateText). The name is the helper's
// parameter bound to the caller's argument (arg-frames.ts); one known only at run time leaves the call as before.
import { isId, isP } from '../lex/brackets';
import { join } from '../resolve/files';
import { readPromptFile } from './file-reads';
import { importsOf } from './imported';
import { tables } from './scope';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

type Arg = { key?: string; from: number; to: number };

/** `env.get_template(name)` on a module-level Jinja Environment with a FileSystemLoader of a known folder: the file. */
export function jinjaTemplate(s: EvalScope, names: string[], a: Arg[], arg: (n: number) => Value | undefined, depth: number): Value | undefined {
  if (s.syn.id !== 'python' || names[names.length - 1] !== 'get_template' || a.length !== 1 || a[0].key) return undefined;
  // `env.get_template(…)`, or `self.jinja_env.get_template(…)` on the environment an `__init__` keeps (bound as `.jinja_env`).
  const envName = names.length === 2 ? names[0] : names.length === 3 && names[0] === 'self' ? '.' + names[1] : undefined;
  if (!envName) return undefined;
  const dir = loaderDir(s, envName, depth);
  if (dir === undefined) return undefined;
  const name = arg(0);
  if (name?.str === undefined || name.runtime !== undefined || name.holes?.length) return undefined;
  const v = readPromptFile(s, join(dir, name.str));
  return v.runtime !== undefined ? undefined : { ...v, pyTemplate: 'jinja2' };
}

/** The folder of `NAME = Environment(loader=FileSystemLoader(DIR))` (jinja2's, or imported from it), bound once; DIR
 * is read where the environment is made (a local or parameter default of the `__init__` that sets `self.NAME`). */
function loaderDir(s: EvalScope, envName: string, depth: number): string | undefined {
  const { toks, match } = s;
  const binds = tables(s).binds.get(envName);
  if (binds?.length !== 1 || binds[0].kind !== (envName.startsWith('.') ? 'member' : 'assign')) return undefined;
  let k = binds[0].value;
  if (toks[k]?.v === 'jinja2' && isP(toks[k + 1], '.')) k += 2;
  if (toks[k]?.v !== 'Environment' || !isP(toks[k + 1], '(') || match[k + 1] < 0) return undefined;
  if (k === binds[0].value && importsOf(s).names.get('Environment')?.from !== 'jinja2') return undefined;
  s.read?.push({ start: toks[binds[0].name].start, end: toks[match[k + 1]].end });
  for (let j = k + 2; j < match[k + 1]; j++) {
    if (toks[j].v !== 'loader' || !isP(toks[j + 1], '=')) continue;
    let f = j + 2;
    if (toks[f]?.v === 'jinja2' && isP(toks[f + 1], '.')) f += 2;
    if (toks[f]?.v !== 'FileSystemLoader' || !isP(toks[f + 1], '(') || match[f + 1] < 0 || !isId(toks[f])) return undefined;
    const close = match[f + 1];
    let e = f + 2;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    const d = evaluate(s, f + 2, e, depth + 1);
    const path = d?.path ?? (d?.runtime === undefined && !d?.holes?.length ? d?.str : undefined);
    return path;
  }
  return undefined;
}

// A PHP function whose same-file thin wrappers pass it different values (steinhaug/KISTA-AI
// htdocs/inc_appdata/openai_helpers.php: `promptChatGPT3()` passes 'gpt-3.5-turbo' and four pages call it,
// `promptChatGPT4()` passes 'gpt-4-1106-preview' and no page does): a wrapper that nothing in the project names sends
// nothing, so what it passes does not decide the value (file-callers.ts). Named means the name as a word anywhere but
// its own definition, in the file or in the project's other PHP files (a call, a callback string 'askSmart', a
// docblock): a mention keeps the wrapper. The project is the folder of the file's composer.json, else the scanned
// folder holding it; its PHP files and templates (a Blade view or a public/ entry script may call a helper) are read,
// dependencies, caches and tests left out.
import { isId } from '../lex/brackets';
import { ancestors, dirname, normalize } from '../resolve/files';
import { tables, type Fn } from './scope';
import { projectFiles, type Walk } from './project-files';
import { mentions } from './ruby-merge-callers';
import type { Passed } from './caller-merge';
import type { EvalScope } from './value';

const UP = 8;
const WALK: Walk = { skip: new Set(['vendor', 'node_modules', 'storage', 'cache', 'tests']), maxFolders: 400, maxFiles: 4000 };
const PHP_TEXT = /\.(?:php|phtml|inc)$/;

/** The innermost function whose body holds token `at`. */
export function innermostFn(s: EvalScope, at: number): Fn | undefined {
  let best: Fn | undefined;
  for (const fns of tables(s).fns.values()) for (const fn of fns) if (fn.body <= at && at < fn.bodyEnd && (!best || fn.body > best.body)) best = fn;
  return best;
}

/**
 * The callers in `found` that decide the value of a parameter of `own`: without the same-file callers whose enclosing
 * named function nothing in the project names, when the callers disagree and at least one named caller is left. The
 * names of the wrappers left out go to `dropped`.
 */
export function calledCallers(s: EvalScope, own: Fn, found: Passed[], dropped: string[]): Passed[] {
  if (s.syn.id !== 'php' || found.length < 2 || !s.index) return found;
  const first = found[0].v;
  if (found.every((x) => x.v.str === first.str && x.v.num === first.num)) return found;
  const kept: Passed[] = [];
  const out: string[] = [];
  for (const x of found) {
    const fn = x.sc === s && !x.own ? innermostFn(s, x.at) : undefined;
    const name = fn && fn !== own && isId(s.toks[fn.name]) && s.toks[fn.name - 1]?.v === 'function' ? s.toks[fn.name].v : undefined;
    if (name !== undefined && !named(s, name)) out.push(`${name}()`);
    else kept.push(x);
  }
  if (!out.length || !kept.length) return found;
  dropped.push(...out);
  return kept;
}

/** Is `name` named anywhere in the project but its definition in `s`? */
function named(s: EvalScope, name: string): boolean {
  // Typing the name anywhere in the file changes the answer (editor/incremental.ts).
  s.readNames?.add(name);
  if (words(s.text, name) > 1) return true;
  const idx = s.index!;
  const root = projectRoot(s);
  if (root === undefined) return true;
  return idx.memo(root, `php.named ${s.file} ${name}`, () => {
    const files = idx.memo(root, 'php-texts', () => projectFiles(idx.files, root, (n) => PHP_TEXT.test(n), WALK));
    // A walk cut short, or a file too large to read, may hold a call: then the wrapper counts as named.
    if (files.length >= WALK.maxFiles) return true;
    return files.some((f) => {
      if (f === s.file) return false;
      const text = idx.text(f);
      return text === undefined || mentions(text, name);
    });
  });
}

/** The folder of the file's composer.json, else the scanned folder holding the file; undefined when neither is known. */
function projectRoot(s: EvalScope): string | undefined {
  const idx = s.index!;
  if (!idx.files.folders) return undefined;
  const composer = ancestors(dirname(s.file), UP).find((a) => (idx.files.list(a) ?? []).includes('composer.json'));
  if (composer !== undefined) return composer;
  let best: string | undefined;
  for (const r of idx.roots) {
    const n = normalize(r);
    if ((n === '' || s.file.startsWith(n + '/')) && (best === undefined || n.length > best.length)) best = n;
  }
  return best;
}

/** How many times `needle` stands as a word in `text`. */
function words(text: string, needle: string): number {
  let n = 0;
  const word = (c: string | undefined) => c !== undefined && /\w/.test(c);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (!word(text[i - 1]) && !word(text[i + needle.length])) n++;
  return n;
}

// `def chat(parameters) @client.chat(parameters: { model: model }.merge(parameters)) end` (held-out sample 4,
// Hitoshi-Noborikawa/tsukuru lib/tsukuru/open_ai_client.rb): the request is what the wrapper's callers pass, so
// whether it sets a limit is theirs to say. When the callers are all in view (Ruby files of the project that make the
// wrapper's class with `Class.new` and call the method with keyword arguments only) and none passes a limit key,
// the request has none; anything else (a splat, a hash variable, a call written without parentheses, no caller
// found, a limit key) leaves it unknown.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname } from '../resolve/files';
import { projectFiles, type Walk } from './project-files';
import type { WorkspaceFiles } from '../resolve/files';
import { args } from './calls';
import type { EvalScope } from './value';

/** Folders above a file looked at for the project's root (its Gemfile or gemspec). */
const UP = 8;
const WALK: Walk = { skip: new Set(['vendor', 'node_modules', 'tmp', 'log', 'coverage']), maxFolders: 1000, maxFiles: 2000 };
/** The request keys that set an output limit (ruby-openai passes the hash to the API as it is). */
const LIMIT_KEYS = new Set(['max_tokens', 'max_completion_tokens', 'max_output_tokens']);

/** A call of the wrapper: its file's scope and the brackets of its keyword arguments. */
export interface MergeCaller {
  scope: EvalScope;
  open: number;
  close: number;
}

/** True when every caller of the method whose parameter `name` (token `at`) is merged is in view and sets no limit. */
export function callersSetNoLimit(s: EvalScope, at: number): boolean {
  const all = mergeCallers(s, at);
  return !!all?.length && all.every((x) => !args(x.scope, x.open, x.close).some((a) => LIMIT_KEYS.has(a.key ?? '')));
}

/**
 * Every call of the method whose parameter `name` (token `at`) is merged, when the callers are all in view and pass
 * keyword arguments only (read by ruby-caller-requests.ts); undefined otherwise.
 */
export function mergeCallers(s: EvalScope, at: number): MergeCaller[] | undefined {
  const { toks, match } = s;
  const idx = s.index;
  if (s.syn.id !== 'ruby' || !idx?.files.folders) return undefined;
  const name = toks[at].v;
  // The enclosing `def METHOD(NAME)` with that one parameter, and the class it is in.
  let def = -1;
  for (let k = at - 1; k > 0; k--) if (toks[k].t === T.Id && toks[k].v === 'def') {
    def = k;
    break;
  }
  const open = def + 2;
  if (def < 0 || !isId(toks[def + 1]) || !isP(toks[open], '(') || match[open] !== open + 2 || toks[open + 1]?.v !== name) return undefined;
  const method = toks[def + 1].v;
  let cls: string | undefined;
  for (let k = def - 1; k > 0 && !cls; k--) if (toks[k].t === T.Id && toks[k].v === 'class' && isId(toks[k + 1])) cls = toks[k + 1].v;
  if (!cls) return undefined;
  const root = projectRoot(idx.files, dirname(s.file));
  if (root === undefined) return undefined;
  const callers: MergeCaller[] = [];
  for (const f of idx.memo(root, 'ruby-files', () => rubyFiles(idx.files, root))) {
    const text = f === s.file ? '' : idx.text(f) ?? '';
    if (!mentions(text, `${cls}.new`)) continue;
    const sc = idx.scope(f);
    const calls = sc && keywordCalls(sc, method);
    if (!calls) return undefined;
    callers.push(...calls);
  }
  s.read?.push({ start: toks[def].start, end: toks[match[open]].end });
  return callers;
}

/** `.METHOD(key: v, …)` calls of a file; undefined when one is not of that form. */
function keywordCalls(s: EvalScope, method: string): MergeCaller[] | undefined {
  const { toks, match } = s;
  const out: MergeCaller[] = [];
  for (let k = 1; k < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== method || !isP(toks[k - 1], '.')) continue;
    if (!isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) return undefined;
    const a = args(s, k + 1, match[k + 1]);
    if (!a.length || a.some((x) => !x.key)) return undefined;
    out.push({ scope: s, open: k + 1, close: match[k + 1] });
  }
  return out;
}

/** The nearest folder above `dir` with a Gemfile or a .gemspec; '' is the scan's own root (`prompt-cost scan .`), so
 * callers test for undefined, not for a falsy path. */
export function projectRoot(files: WorkspaceFiles, dir: string): string | undefined {
  return ancestors(dir, UP).find((a) => (files.list(a) ?? []).some((n) => n === 'Gemfile' || n.endsWith('.gemspec')));
}

export function rubyFiles(files: WorkspaceFiles, root: string): string[] {
  return projectFiles(files, root, (n) => n.endsWith('.rb') || n.endsWith('.rake'), WALK);
}

/** Does `text` hold `needle` with no word character either side (`Bot.new`, not `MyBot.new` or `Bot.newer`)? */
export function mentions(text: string, needle: string): boolean {
  const word = (c: string | undefined) => c !== undefined && /\w/.test(c);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!word(text[i - 1]) && !word(text[i + needle.length])) return true;
  }
  return false;
}

// Literals of a Go struct type written in the packages of the module that import its package: `openai.Params{Model:
// opts.OpenAI.Model, …}` in app/main.go for `type Params struct` of app/bot/openai, passed to `openai.NewOpenAI(params,
// …)` which keeps it in a field read as `o.params.Model` (radio-t/super-bot); `&extractor.OpenAIEvaluator{Model:
// opts.OpenAIModel}` in main.go read as `e.Model` in package extractor (ukeeper/ukeeper-readability). go-config.ts
// reads them with the type's own literals. The module's Go files are listed once per module (a change under it drops
// the list, ValueIndex.memo), walked through the resolver's folder listing, bounded.
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import { ancestors, dirname, join } from '../resolve/files';
import type { WorkspaceFiles } from '../resolve/files';
import { importsOf } from './imported';
import type { EvalScope } from './value';

/** Folders above a file looked at for go.mod. */
const UP = 14;
/** Go files and folders of a module walked at most. */
const MAX_FILES = 3000;
const MAX_FOLDERS = 2000;
/** Literals of one type read from importing packages, at most. */
const MAX_LITERALS = 16;
/** Folders that hold no package of the module's own (vendored copies, test data, tools' output). */
const SKIP = new Set(['vendor', 'testdata', 'node_modules']);

/** The folder holding go.mod above `dir`, and the module path its `module` line states. */
export function goModule(files: WorkspaceFiles, dir: string): { root: string; path: string } | undefined {
  for (const a of ancestors(dir, UP)) {
    if (!files.list(a)?.includes('go.mod')) continue;
    const path = /^module\s+(\S+)/m.exec(files.read(join(a, 'go.mod')) ?? '')?.[1];
    // The scan's root is `.` from a file below it and `` (normalized) from a file in it: one name, `.`, for both.
    return path ? { root: a === '' ? '.' : a, path } : undefined;
  }
  return undefined;
}

/** The module's `.go` files outside tests, vendored code and nested modules; empty when folders cannot be listed. */
function goModuleFiles(files: WorkspaceFiles, root: string): string[] {
  if (!files.folders) return [];
  const out: string[] = [];
  const todo = [root];
  for (let seen = 0; todo.length && seen < MAX_FOLDERS && out.length < MAX_FILES; seen++) {
    const dir = todo.pop()!;
    const names = files.list(dir) ?? [];
    if (dir !== root && names.includes('go.mod')) continue;
    for (const n of names) if (n.endsWith('.go') && !n.endsWith('_test.go')) out.push(join(dir, n));
    for (const f of files.folders(dir) ?? []) if (!f.startsWith('.') && !SKIP.has(f)) todo.push(join(dir, f));
  }
  return out.slice(0, MAX_FILES);
}

/** The `.go` files of the module folder `dir` is in (listed once per module); empty outside one. */
export function moduleGoFiles(from: EvalScope, dir = dirname(from.file)): string[] {
  const idx = from.index;
  const mod = idx && goModule(idx.files, dir);
  return idx && mod ? idx.memo(mod.root, 'go-files', () => goModuleFiles(idx.files, mod.root)) : [];
}

/** `pkg.T{` / `&pkg.T{` in files of other packages of the module that import the package in `dir`: each `{`. */
export function importerLiterals(from: EvalScope, dir: string, type: string): { scope: EvalScope; open: number }[] {
  return importerSites(from, dir, type, '{');
}

/**
 * `pkg.F(` in files of other packages of the module that import the package in `dir`: each `(` (an exported
 * constructor's callers, go-callers.ts: `llm.NewCompleter(openai.NewClient(key), openai.GPT4oMini)` in package review
 * for `func NewCompleter(api *openai.Client, model string)` of package llm, held-out 13 lmquang/code-review).
 */
export function importerCalls(from: EvalScope, dir: string, fn: string): { scope: EvalScope; open: number }[] {
  return importerSites(from, dir, fn, '(');
}

function importerSites(from: EvalScope, dir: string, name: string, bracket: '{' | '('): { scope: EvalScope; open: number }[] {
  const out: { scope: EvalScope; open: number }[] = [];
  for (const { scope: sc, aliases } of importingScopes(from, dir, `go-${bracket === '{' ? 'literals' : 'calls'}:${name}`, [`.${name}${bracket}`])) {
    const { toks, match } = sc;
    for (let k = 0; k + 3 < toks.length && out.length < MAX_LITERALS; k++) {
      if (toks[k].t !== T.Id || !aliases.has(toks[k].v) || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || toks[k + 2].v !== name) continue;
      if (isP(toks[k + 3], bracket) && match[k + 3] > k + 3 && !isP(toks[k - 1], '.')) out.push({ scope: sc, open: k + 3 });
    }
  }
  return out;
}

/**
 * Names typed `pkg.T` (`cfg pkg.T`, `cfg *pkg.T`, `cfg := &pkg.T{`, `cfg = new(pkg.T)`) in files of other packages of
 * the module that import the package in `dir` and write `.field`, with each file: a constructor there may set the field
 * (`if cfg.MaxTokens == 0 { cfg.MaxTokens = 4096 }` in package llm's `NewProvider(cfg config.LLMConfig)`, held-out 45
 * C11/C12), read by go-config.ts as the type's own package's assignments are.
 */
export function importerTypedNames(from: EvalScope, dir: string, type: string, field: string): { scope: EvalScope; names: Set<string> }[] {
  const out: { scope: EvalScope; names: Set<string> }[] = [];
  for (const { scope: sc, aliases } of importingScopes(from, dir, `go-typed:${type}.${field}`, [`.${type}`, `.${field}`])) {
    const { toks } = sc;
    const names = new Set<string>();
    for (let k = 2; k + 1 < toks.length; k++) {
      if (toks[k].t !== T.Id || toks[k].v !== type || !isP(toks[k - 1], '.') || !aliases.has(toks[k - 2].v) || isP(toks[k - 3], '.')) continue;
      let n = isP(toks[k - 3], '*') || isP(toks[k - 3], '&') ? k - 4 : k - 3;
      if (isP(toks[n], '(') && toks[n - 1]?.v === 'new') n -= 2;
      if (isP(toks[n], ':=') || isP(toks[n], '=')) n--;
      if (isId(toks[n]) && !KEYWORDS.has(toks[n].v) && toks[n].v !== 'type' && !isP(toks[n - 1], '.')) names.add(toks[n].v);
    }
    if (names.size) out.push({ scope: sc, names });
  }
  return out;
}

/**
 * The files of the module's other packages that import the package in `dir` and whose text holds every one of
 * `words` (found once per index and `key`), each with the names it imports the package as.
 */
export function importingScopes(from: EvalScope, dir: string, key: string, words: string[]): { scope: EvalScope; aliases: Set<string> }[] {
  const idx = from.index;
  const mod = idx && goModule(idx.files, dir);
  if (!idx || !mod) return [];
  // `scan .` makes the module's root `.` and its folders relative (`app/bot/openai`): the path below the root is all of dir.
  const below = mod.root === '.' ? dir : dir.slice(mod.root.length + (mod.root.endsWith('/') ? 0 : 1));
  const importPath = dir === mod.root ? mod.path : `${mod.path}/${below}`;
  const quoted = `"${importPath}"`;
  const users = idx.memo(mod.root, `${key}:${importPath}`, () =>
    moduleGoFiles(from, dir).filter((f) => {
      if (dirname(f) === dir) return false;
      const text = idx.text(f) ?? '';
      return text.includes(quoted) && words.every((w) => text.includes(w));
    }),
  );
  const out: { scope: EvalScope; aliases: Set<string> }[] = [];
  for (const f of users) {
    const sc = idx.scope(f);
    if (sc) out.push({ scope: sc, aliases: new Set([...importsOf(sc).names].filter(([, b]) => b.name === '*' && b.from === importPath).map(([n]) => n)) });
  }
  return out;
}

// Callers of an exported JS/TS function in the other modules of its package: `export const reviewAgent = (prompt,
// model, …) => generateText({ model, prompt, … })` whose model is passed in by `runAgenticReview` in another file,
// itself given it by `review()` (mattzcarey/code-review-gpt src/review/agent/generate.ts ← agent/index.ts ←
// review/index.ts). A module that imports the function (`import { f } from "./m"`, `require`, `await import("./m")`)
// and calls it by that name is a caller; what it passes is read there. The package is the folder of the nearest
// package.json above the file, walked once per index (bounded) and kept until a file under it changes. Python's
// module-level functions the same way (`from llm.llm_client import ask_llm` in agents/planner.py, called with an
// f-string: RahulPrasadKeshri/AI-Operation-Assistant): the project is the nearest folder with pyproject.toml,
// setup.py, setup.cfg, requirements*.txt or Pipfile (else the folder above its outermost `__init__.py` package), and a module is read only when its text names the function and
// the module it is defined in.
import { KeyMemo } from '../util/key-memo';
import { defaultExportIs } from './js-require';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { basename, dirname, normalize } from '../resolve/files';
import { CHAIN_LANGS, LANGS, isTestCode, packageRoot, packageSources } from './package-sources';
import type { ValueIndex } from '../resolve/value-index';
import { declaredTypes, usesType } from './cs-users';
import { solutionUsers } from './cs-solution-users';
import { importsOf } from './imported';
import { COMPONENT, componentImports } from './sfc-imports';
import type { EvalScope } from './value';

/** Source files of one language a loose folder (no project file) may hold to be one package for the import chain. */
const LOOSE_MAX = 200;

/** For the import chain: the package root, else the workspace folder the file is in (a loose folder of JS/TS or Python
 * modules, no package.json or project file above them, as a scan of it names them). */
function chainRoot(index: ValueIndex, file: string, lang: string): string | undefined {
  const root = packageRoot(index, file, lang);
  if (root !== undefined || lang === 'csharp') return root;
  let best: string | undefined;
  for (const r of index.roots) {
    const n = normalize(r);
    if ((n === '' || file.startsWith(n + '/')) && (best === undefined || n.length > best.length)) best = n;
  }
  // Only a small loose folder (a few scripts): a large tree without project files as one package cost the bench's
  // 5,000-file tree 70% more scan time and 28 MB of index (every module's import lines kept).
  return best !== undefined && packageSources(index, best, lang).length <= LOOSE_MAX ? best : undefined;
}

/** A package root holds the file (its other modules were searched for callers: none in view means none); for Python,
 * as importers() takes it, a small loose folder of scripts too (chainRoot). */
export function inPackage(s: EvalScope): boolean {
  return !!s.index && !!LANGS[s.syn.id] && (s.syn.id === 'python' ? chainRoot : packageRoot)(s.index, s.file, s.syn.id) !== undefined;
}


/** Component files whose script blocks may call a helper of the package (lex/components.ts reads them in place). */
const CALLING_COMPONENTS = /\.(?:vue|svelte|astro)$/;
const NOTEBOOKS = /\.ipynb$/i;

/** Each other module of the package (test code left out) that binds the function `name` exported by `s`, with the
 * local name it calls it by (JS/TS and Python). */
export function importers(s: EvalScope, name: string): { scope: EvalScope; local: string; via?: string }[] {
  const idx = s.index;
  const lang = s.syn.id;
  // The root is '' when the scan names files from the package's own folder (`prompt-cost scan .` run there).
  // A Python file in a small loose folder of scripts (no project file): the folder (chainRoot).
  const root = idx && LANGS[lang] ? (lang === 'python' ? chainRoot : packageRoot)(idx, s.file, lang) : undefined;
  if (!idx || root === undefined) return [];
  // A Python module names the module it imports from (`from llm.llm_client import ask_llm`, `from .llm_client import`),
  // or the package whose `__init__` passes the function on (`from llm import ask_llm`).
  const stem = basename(s.file).replace(/\.py$/, '');
  const pkg = lang === 'python' && hasFile(idx, dirname(s.file), '__init__.py') ? basename(dirname(s.file)) : undefined;
  const named = (t: string) => t.includes(name) && (lang !== 'python' || stem === '__init__' || t.includes(stem) || (!!pkg && t.includes(pkg)));
  const found = idx.memo(root, `${lang}.importers ${s.file} ${name}`, () => {
    const out: { file: string; local: string; via?: string }[] = [];
    // Components too: a helper in src/api/openai.ts called from a `.vue` / `.svelte` / `.astro` script block, read in place.
    // Notebooks too: a module's wrapper called from cells (`from digester import ask` in demo.ipynb), their Python cells
    // read as one text (resolve/value-index.ts).
    const components = packageSources(idx, root, lang, lang === 'javascript' ? CALLING_COMPONENTS : NOTEBOOKS);
    for (const f of [...packageSources(idx, root, lang), ...components]) {
      // A notebook's cells are parsed only when its JSON names the function at all.
      const nb = NOTEBOOKS.test(f);
      if (f === s.file || isTestCode(root, f) || (nb && !idx.files.read(f)?.includes(name)) || !named((nb ? idx.scope(f)?.text : idx.text(f)) ?? '')) continue;
      const sc = idx.scope(f);
      if (!sc || sc.syn.id !== lang) continue;
      for (const [local, b] of importsOf(sc).names) {
        const at = idx.module(sc.file, b.from, lang);
        if (b.name === name && (at === s.file || passesOn(idx, at, name, s.file, lang))) out.push({ file: f, local });
        // `const Claude = require("./claude")` / `import Claude from "./claude"` of a module whose default export it is.
        else if ((b.name === '*' || b.name === 'default') && at === s.file && lang === 'javascript' && defaultExportIs(s, name)) out.push({ file: f, local });
        // The module bound whole (`import llm`, `from app import llm`, `import * as llm from "./llm"`), its function
        // called as `llm.ask(…)`; a package whose `__init__` passes the function on, the same way.
        else if (b.name === '*' ? at === s.file || passesOn(idx, at, name, s.file, lang) : lang === 'python' && subModule(idx, sc.file, b.from, b.name) === s.file) {
          out.push({ file: f, local: name, via: local });
        }
      }
      // Python `from models import *`, of the module or a package whose `__init__` passes it on (`from .bot import *`):
      // the name is bound as it is (sky0walker99/Web-QueryAI src/app.py).
      if (lang === 'python' && importsOf(sc).star.some((from) => { const at = idx.module(sc.file, from, lang); return at === s.file || passesOn(idx, at, name, s.file, lang); })) out.push({ file: f, local: name });
    }
    return out;
  });
  const out: { scope: EvalScope; local: string; via?: string }[] = [];
  for (const x of found) {
    const sc = idx.scope(x.file);
    if (sc) out.push({ scope: sc, local: x.local, via: x.via });
  }
  return out;
}

/** How far up an import chain a file's importers are followed, and how many modules at most. */
const MAX_CHAIN_DEPTH = 8;
const MAX_CHAIN_FILES = 300;
/** Folders of an app's offline work (jobs, workers, scripts): a chain through them does not end at a waiting user. */
const OFFLINE_DIRS = new Set(['jobs', 'job', 'workers', 'worker', 'tasks', 'cron', 'scripts', 'batch']);

/**
 * Does a module of the package (test code left out) whose text passes `test` import this file, by name or whole
 * (`from openai_utils import ChatGPT`, `import openai_utils`, `from bot import helper`, `import { ask } from "./ask"`),
 * or import a module that does, up the chain? An Express app's app.ts mounts controllers/promptRouter.ts, which imports
 * openai/requestStartPrompt.ts, which imports the call's openai/requestCompletions.ts (AaaDee/ChooseYouOwnChatventure
 * backend). A chain does not pass through a module in a jobs / workers / scripts folder. Worked out once per file and
 * `key` (every call of the file asks the same); each module's importers once per index (importersOf).
 */
export function importedByModule(s: EvalScope, key: string, test: (text: string, file: string) => boolean): boolean {
  const idx = s.index;
  const lang = s.syn.id;
  const root = idx && CHAIN_LANGS[lang] ? chainRoot(idx, s.file, lang) : undefined;
  if (!idx || root === undefined) return false;
  return idx.memo(root, `${lang}.${key} ${s.file}`, () => {
    const seen = new Set([s.file]);
    let level = [s.file];
    for (let depth = 0; depth < MAX_CHAIN_DEPTH && level.length; depth++) {
      const next: string[] = [];
      for (const file of level) {
        for (const f of importersOf(idx, root, lang, file)) {
          if (seen.has(f)) continue;
          seen.add(f);
          if (test(idx.text(f) ?? '', f)) return true;
          if (seen.size < MAX_CHAIN_FILES && !offline(root, f)) next.push(f);
        }
      }
      level = next;
    }
    return false;
  });
}

/** The package's modules (test code left out) that import `file` by name, whole or passing its names on (`export *
 * from`), read from the modules whose text names the file (its stem, or its folder's for an index / `__init__`). */
function importersOf(idx: ValueIndex, root: string, lang: string, file: string): string[] {
  return idx.memo(root, `${lang}.importedBy ${file}`, () => {
    if (lang === 'csharp') {
      const names = declaredTypes(idx.text(file) ?? '');
      return names.length ? packageSources(idx, root, lang).filter((f) => f !== file && !isTestCode(root, f) && usesType(idx.text(f) ?? '', names)) : [];
    }
    const stem = basename(file).replace(/\.[^.]+$/, '');
    const word = stem === 'index' || stem === '__init__' ? basename(dirname(file)) : stem;
    const out: string[] = [];
    const lines = importLines(idx, root, lang);
    for (const f of packageSources(idx, root, lang)) {
      if (f === file || isTestCode(root, f) || !(lines.get(f) ?? '').includes(word)) continue;
      const sc = idx.scope(f);
      if (!sc) continue;
      const imports = importsOf(sc);
      const at = (from: string) => idx.module(f, from, lang) === file;
      if ([...imports.names.values()].some((b) => at(b.from) || (lang === 'python' && subModule(idx, f, b.from, b.name) === file)) || imports.star.some(at)) out.push(f);
    }
    // Vue and Svelte components, whose `<script>` imports the module (sfc-imports.ts).
    if (lang === 'javascript') {
      for (const f of packageSources(idx, root, lang, COMPONENT)) {
        const text = idx.text(f) ?? '';
        if (!isTestCode(root, f) && text.includes(word) && componentImports(text).some((spec) => idx.module(f, spec, lang) === file)) out.push(f);
      }
    }
    return out;
  });
}

/** Each module's lines that can name an imported module (`import`, `from`, `require`), read once per package: asking
 * each module's whole text for the name, per module whose importers are sought, cost a loose folder of 5,000 files
 * (the bench tree, every call's file asking) 50% more scan time. */
function importLines(idx: ValueIndex, root: string, lang: string): Map<string, string> {
  return idx.memo(root, `${lang}.importLines`, () => {
    const out = new Map<string, string>();
    for (const f of packageSources(idx, root, lang)) {
      const text = idx.text(f) ?? '';
      let keep = '';
      // From each keyword found, its line (a line with two is kept twice: harmless).
      for (const kw of ['import', 'from', 'require']) {
        for (let i = text.indexOf(kw); i >= 0; ) {
          const end = text.indexOf('\n', i);
          keep += text.slice(text.lastIndexOf('\n', i) + 1, end < 0 ? text.length : end) + '\n';
          i = end < 0 ? -1 : text.indexOf(kw, end);
        }
      }
      out.set(f, keep);
    }
    return out;
  });
}

/** The other C# files of the file's project (its .csproj folder) and of the solution's projects referencing it that use
 * a type it declares (cs-users.ts, cs-solution-users.ts). */
export function csharpUsers(s: EvalScope): string[] {
  const idx = s.index;
  const root = idx && s.syn.id === 'csharp' ? packageRoot(idx, s.file, 'csharp') : undefined;
  if (!idx || root === undefined) return [];
  const own = importersOf(idx, root, 'csharp', s.file);
  const others = solutionUsers(idx, s.file, root);
  return others.length ? [...own, ...others] : own;
}

function offline(root: string, f: string): boolean {
  return (root ? f.slice(root.length + 1) : f).split('/').slice(0, -1).some((d) => OFFLINE_DIRS.has(d));
}

function hasFile(idx: ValueIndex, dir: string, name: string): boolean {
  return !!idx.files.list(dir)?.includes(name);
}

/** `from app import llm`: the module `app.llm` (`from . import llm`: `.llm`). */
function subModule(idx: ValueIndex, file: string, from: string, name: string): string | undefined {
  return idx.module(file, from.endsWith('.') ? from + name : from + '.' + name, 'python');
}

/** A package's `__init__.py` at `init` that imports `name` from `target` (`from .llm import ask_llm`): importing it from
 * the package binds the same function. A JS/TS module passing `target`'s names on (`export * from "./openai.gateway.mjs"`,
 * `export { f } from "./f"`: gpt_telegram_bot src/gateways/index.mts, imported by src/index.mts) likewise. */
function passesOn(idx: ValueIndex, init: string | undefined, name: string, target: string, lang: string): boolean {
  if (!init || init === target || (lang === 'python' ? basename(init) !== '__init__.py' : lang !== 'javascript')) return false;
  const sc = idx.scope(init);
  const imports = sc && importsOf(sc);
  const b = imports?.names.get(name);
  if (b && b.name === name && idx.module(init, b.from, lang) === target) return true;
  return !!imports?.star.some((from) => idx.module(init, from, lang) === target);
}

/** `via.name(` at token k: the function called through the module name it was imported as. */
export function isModuleCall(s: EvalScope, k: number, via: string): boolean {
  const t = s.toks;
  return isP(t[k - 1], '.') && isId(t[k - 2]) && t[k - 2].v === via && !isP(t[k - 3], '.');
}

/** `name(` at token k is a call of the function (not a member of another object, not a definition). */
export function isPlainCall(s: EvalScope, k: number): boolean {
  const prev = s.toks[k - 1];
  return !isP(prev, '.') && !(prev?.v === 'function' || prev?.v === 'new' || prev?.v === 'def');
}

/** `export function f`, `export async function f`, `export const f =`, `export default function f`, `module.exports = { f }`. */
export function jsExported(toks: Token[], nameAt: number, name: string): boolean {
  for (let k = nameAt - 1; k >= 0 && k >= nameAt - 4; k--) if (isId(toks[k]) && toks[k].v === 'export') return true;
  let byName = EXPORTS_NAME.get(toks);
  if (!byName) EXPORTS_NAME.set(toks, (byName = new Map()));
  let v = byName.get(name);
  if (v === undefined) byName.set(name, (v = exportsName(toks, name)));
  return v;
}

/** Per token list and name, whether an export list or `exports.` names it: asked for every parameter a call's values
 * lead to, it walked the whole file each time (speed). */
const EXPORTS_NAME = new KeyMemo<Token[], Map<string, boolean>>();

function exportsName(toks: Token[], name: string): boolean {
  for (let k = 0; k + 2 < toks.length; k++) {
    if (isId(toks[k]) && toks[k].v === 'exports' && isP(toks[k + 1], '.') && toks[k + 2].v === name) return true;
    if (isId(toks[k]) && toks[k].v === 'export' && isP(toks[k + 1], '{')) {
      for (let j = k + 2; j < toks.length && !isP(toks[j], '}'); j++) if (toks[j].v === name) return true;
    }
    if (isId(toks[k]) && toks[k].v === 'module' && isP(toks[k + 1], '.') && toks[k + 2].v === 'exports') {
      for (let j = k + 3; j < toks.length && j < k + 200 && !isP(toks[j], ';'); j++) if (toks[j].v === name) return true;
    }
  }
  return false;
}

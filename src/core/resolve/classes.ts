// Where a class (or a Kotlin top-level name) another file uses may be defined, per language, as candidate files in
// the order to try; the evaluator keeps the first that binds the name. Java and Kotlin map packages to folders under
// a source root (`package com.acme.bot` in …/com/acme/bot/), and a class to a file of its name; C# and PHP
// namespaces usually follow folders (PSR-4 for PHP), so each `using` / `use` is tried as a folder suffix under the
// file's ancestors; Ruby's `require_relative` names the file. Pure: asks WorkspaceFiles, reads no disk.
import type { WorkspaceFiles } from './files';
import { ancestors, basename, dirname, join } from './files';
import { projectDir } from './app-settings';

const EXT: Record<string, string[]> = { java: ['.java', '.kt'], kotlin: ['.kt', '.java'], csharp: ['.cs'], php: ['.php'], ruby: ['.rb'], swift: ['.swift'] };
/** Folders a search looks at above the file (a C# / PHP namespace suffix is tried under each). */
const UP = 6;
/** Files of one folder read when the name is not the file's (a Kotlin file may hold many objects). */
const MAX_SCAN = 40;

const has = (files: WorkspaceFiles, dir: string, name: string) => files.list(dir)?.includes(name) ?? false;

type JvmImport = { readonly pkg: string; readonly name: string; readonly local: string; readonly start: number; readonly end: number };
/** The last text's imports: a file's readers ask for them once per class they look up (each a search of the whole text). */
let importsOf: { text: string; imports: readonly JvmImport[] } | undefined;

/** `import com.acme.config.Limits;`, `import com.acme.prompts.*` (Java / Kotlin), with the alias Kotlin allows. */
function jvmImports(text: string): readonly JvmImport[] {
  if (importsOf?.text === text) return importsOf.imports;
  const out: JvmImport[] = [];
  for (const m of text.matchAll(/^[ \t]*import[ \t]+(?:static[ \t]+)?([\w.*]+)(?:[ \t]+as[ \t]+(\w+))?/gm)) {
    const dot = m[1].lastIndexOf('.');
    if (dot > 0) out.push({ pkg: m[1].slice(0, dot), name: m[1].slice(dot + 1), local: m[2] ?? m[1].slice(dot + 1), start: m.index, end: m.index + m[0].length });
  }
  importsOf = { text, imports: out };
  return out;
}

/** The source root of a Java / Kotlin file: its folder less the folders of its `package` line. */
function jvmRoot(fromFile: string, text: string): string {
  const dir = dirname(fromFile);
  const pkg = /^[ \t]*package[ \t]+([\w.]+)/m.exec(text)?.[1];
  const tail = pkg ? '/' + pkg.split('.').join('/') : '';
  return tail && dir.endsWith(tail) ? dir.slice(0, dir.length - tail.length) || '/' : dir;
}

/** The folder of a Java / Kotlin package, from the file that imports it. */
export function jvmPackageDir(fromFile: string, text: string, pkg: string): string {
  return join(jvmRoot(fromFile, text), ...pkg.split('.'));
}

/** Files that may define class `cls` used in `fromFile`. */
export function classCandidates(files: WorkspaceFiles, fromFile: string, text: string, cls: string, lang: string, memo?: FolderMemo): string[] {
  const exts = EXT[lang];
  if (!exts) return [];
  const dir = dirname(fromFile);
  const out: string[] = [];
  const add = (d: string, base: string) => {
    for (const e of exts) if (has(files, d, base + e)) out.push(join(d, base + e));
  };
  const snake = cls.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (lang === 'ruby') {
    // `require_relative "prompts"` / `require_relative "../lib/prompts"`, then the class's file name beside it or in lib/.
    for (const m of text.matchAll(/^[ \t]*require_relative[ \t(]+["']([^"'\n]+)["']/gm)) {
      const p = join(dir, m[1].endsWith('.rb') ? m[1] : m[1] + '.rb');
      if (has(files, dirname(p), p.slice(dirname(p).length + 1))) out.push(p);
    }
    // `require './lib/utils/prompt_util'` (eduardowanderleyde/travel-planner-with-AI lib/travel.rb): a path from the
    // directory Ruby runs in, the project's top; the file above that holds it.
    for (const m of text.matchAll(/^[ \t]*require[ \t(]*["']\.\/([^"'\n]+)["']/gm)) {
      const rel = m[1].endsWith('.rb') ? m[1] : m[1] + '.rb';
      const p = [dir, ...ancestors(dir, UP)].map((a) => join(a, rel)).find((q) => has(files, dirname(q), q.slice(dirname(q).length + 1)));
      if (p) out.push(p);
    }
    // `require 'openai_engine'`: a file on the load path, the project's lib/ (held45 kraytruthg/catGPT
    // lib/openai_characters/explainer.rb requiring lib/openai_engine.rb for its parent class).
    for (const m of text.matchAll(/^[ \t]*require[ \t(]*["']([a-z0-9_][\w/-]*)["']/gm)) {
      const rel = `${m[1]}.rb`;
      const p = ancestors(dir, UP).map((a) => join(a, 'lib', rel)).find((q) => has(files, dirname(q), q.slice(dirname(q).length + 1)));
      if (p) out.push(p);
    }
    add(dir, snake);
    for (const a of ancestors(dir, UP)) add(join(a, 'lib'), snake);
    return [...new Set(out)];
  }
  add(dir, cls);
  if (lang === 'java' || lang === 'kotlin') {
    const dirs = [dir];
    // A test shares its package with the main sources (Maven / Gradle layout: src/test/java beside src/main/java).
    const root = jvmRoot(fromFile, text);
    const mainRoot = /\/src\/test\/(java|kotlin)$/.test(root) ? root.replace(/\/src\/test\/(java|kotlin)$/, '/src/main/$1') : undefined;
    const main = mainRoot ? mainRoot + dir.slice(root.length) : undefined;
    if (main) {
      add(main, cls);
      dirs.push(main);
    }
    for (const imp of jvmImports(text)) {
      if (imp.name !== cls && imp.local !== cls && imp.name !== '*') continue;
      const d = jvmPackageDir(fromFile, text, imp.pkg);
      add(d, imp.name === '*' ? cls : imp.name);
      dirs.push(d);
      // Not in this module: the app's own package in a sibling module of the build (siblingModuleDirs).
      if (imp.name !== '*' && !out.length) for (const m of siblingModuleDirs(files, fromFile, text, imp.pkg)) add(m, imp.name);
      // A test imports the main sources' classes: the same package under src/main.
      if (mainRoot) {
        const m = join(mainRoot, ...imp.pkg.split('.'));
        add(m, imp.name === '*' ? cls : imp.name);
        dirs.push(m);
      }
    }
    // Kotlin: an `object` or class in a file named otherwise, in this package or the imported one.
    if (lang === 'kotlin') for (const d of dirs) out.push(...sameFolder(files, d, '.kt'));
    return [...new Set(out)];
  }
  if (lang === 'csharp' || lang === 'php') {
    // `using Acme.Bot.Prompts;` / `use App\Prompts\SupportPrompts;`: the namespace's trailing folders under an ancestor.
    const spaces = lang === 'csharp' ? [...text.matchAll(/^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?([\w.]+)[ \t]*;/gm)].map((m) => m[1].split('.')) : [...text.matchAll(/^[ \t]*use[ \t]+\\?([\w\\]+)[ \t]*;/gm)].map((m) => m[1].split('\\')).filter((p) => p[p.length - 1] === cls).map((p) => p.slice(0, -1));
    const ns = /^[ \t]*namespace[ \t]+([\w.\\]+)/m.exec(text)?.[1].split(/[.\\]/);
    if (ns) spaces.push(ns);
    for (const a of ancestors(dir, UP)) {
      add(a, cls);
      for (const parts of spaces) for (let k = 0; k < parts.length; k++) add(join(a, ...parts.slice(k)), cls);
      // Laravel's composer.json maps `App\` to app/ (PSR-4): a file outside app/ (a module under modules/) reaches it.
      if (lang === 'php') for (const parts of spaces) if (parts[0] === 'App') add(join(a, 'app', ...parts.slice(1)), cls);
    }
    if (lang === 'csharp') out.push(...globalClassFiles(files, dir, cls, spaces));
    // C# keeps several types in one file (`public static class OpenAiEndPoints` in Objects/OpenAiRequest.cs, held-out
    // 37 C26 S-IERRA/Skye): with no `<cls>.cs`, the files of the used namespaces' folders that declare it.
    if (lang === 'csharp' && !out.length) out.push(...declaringFiles(files, dir, cls, spaces, memo));
    return [...new Set(out)];
  }
  return out;
}

/** Levels above a module, and modules under each, looked through for a sibling module's package. */
const SIBLING_UP = 3;
const MAX_SIBLINGS = 48;
/** First parts of package names that many owners share (reverse domain names): two parts must match under them. */
const DOMAIN_ROOTS = new Set(['com', 'org', 'net', 'io', 'dev', 'cn', 'de', 'fr', 'uk', 'me', 'ai', 'app', 'co', 'edu', 'gov', 'java', 'javax', 'jakarta', 'kotlin', 'kotlinx', 'android', 'androidx']);
const SOURCE_ROOT = /\/src\/(?:main|test)\/(?:java|kotlin)$/;

/**
 * A multi-module build (Maven `<modules>`, Gradle `include`): the folders of package `pkg` under the sibling modules'
 * source roots (`<module>/src/main/java/…`), for an import of the app's own packages (a package prefix shared with
 * the file's: two parts under a reverse-domain root) that its own module lacks. Silwings-git/ai-demo (7fc4783):
 * langchain4j/quick-start-langchain4j's `Model.Ollama.QWEN_3_14B` is common/src/main/java/cn/silwings/aidemo/common/
 * utils/Model.java (audit43). Bounded:
 * three levels above the module, MAX_SIBLINGS folders each; a front that cannot list folders gives none.
 */
function siblingModuleDirs(files: WorkspaceFiles, fromFile: string, text: string, pkg: string): string[] {
  const own = /^[ \t]*package[ \t]+([\w.]+)/m.exec(text)?.[1].split('.');
  const parts = pkg.split('.');
  // The app's own: `cn.silwings.aidemo.common` from `cn.silwings.langchain4j` (a shared domain prefix), not a library's.
  const shared = DOMAIN_ROOTS.has(parts[0]) ? 2 : 1;
  if (!files.folders || !own || own.length < shared || parts.length < shared + 1 || own.slice(0, shared).join('.') !== parts.slice(0, shared).join('.')) return [];
  const root = jvmRoot(fromFile, text);
  if (!SOURCE_ROOT.test(root)) return [];
  const module = root.replace(SOURCE_ROOT, '');
  const out: string[] = [];
  for (const a of ancestors(module, SIBLING_UP)) {
    for (const f of (files.folders(a) ?? []).slice(0, MAX_SIBLINGS)) {
      const m = join(a, f);
      if (m === module || f.startsWith('.')) continue;
      for (const lay of ['src/main/java', 'src/main/kotlin']) out.push(join(m, lay, ...parts));
    }
  }
  return out;
}

/** Keeps a folder's derived answer until a file under it changes (ValueIndex.memo); none: made each time. */
export type FolderMemo = <T>(dir: string, key: string, make: () => T) => T;

/** The types each .cs file of a folder declares, by name (read once per folder while its files are unchanged). */
function folderTypes(files: WorkspaceFiles, dir: string, memo?: FolderMemo): Map<string, string[]> {
  const make = () => {
    const out = new Map<string, string[]>();
    for (const f of sameFolder(files, dir, '.cs')) {
      for (const m of (files.read(f) ?? '').matchAll(/\b(?:class|record|struct|interface)[ \t]+(\w+)/g)) {
        const list = out.get(m[1]);
        if (!list) out.set(m[1], [f]);
        else if (!list.includes(f)) list.push(f);
      }
    }
    return out;
  };
  return memo ? memo(dir, 'cs.types', make) : make();
}

/** The .cs files of the folders a using file's namespaces name (under its ancestors), and of its own folder, whose
 * text declares `cls`. */
function declaringFiles(files: WorkspaceFiles, dir: string, cls: string, spaces: string[][], memo?: FolderMemo): string[] {
  const dirs = new Set<string>();
  for (const a of ancestors(dir, UP)) for (const parts of spaces) for (let k = 0; k < parts.length; k++) dirs.add(join(a, ...parts.slice(k)));
  dirs.add(dir);
  const out: string[] = [];
  for (const d of dirs) if (files.list(d)) out.push(...(folderTypes(files, d, memo).get(cls) ?? []));
  return out;
}

/** Project folders looked in for a class of the global namespace, or of the using file's namespace. */
const MAX_PROJECT_FOLDERS = 64;
/** How deep under the project folder they are looked for. */
const MAX_PROJECT_DEPTH = 4;
/** Build output and tool folders, never sources. */
const NOT_SOURCES = new Set(['bin', 'obj', 'node_modules', 'packages', 'TestResults']);

/**
 * C#: a class declared outside any namespace is visible to every file of the project, wherever its file is
 * (microsoft/semantic-kernel dotnet/samples/Demos/VoiceChat: `public class OpenAIOptions` in Options/OpenAIOptions.cs,
 * read from Program.cs as `OpenAIOptions.SectionName`), and so is one of the namespace the using file is in, or one
 * enclosing it, or one it names in a `using` (held-out EasyChatGptBot: `namespace EasyChatGptBot;` in every file,
 * `OpenAIConfig` in Core/OpenAI/Units/OpenAIConfig.cs, read from Core/OpenAI/BaseChatSession.cs). C# namespaces need
 * not follow folders (https://learn.microsoft.com/dotnet/csharp/fundamentals/types/namespaces): `<cls>.cs` is looked
 * for in the project's folders, nearest first, at most MAX_PROJECT_FOLDERS of them.
 */
function globalClassFiles(files: WorkspaceFiles, dir: string, cls: string, spaces: string[][]): string[] {
  const project = projectDir(files, dir);
  if (project === undefined) return [];
  const named = new Set(spaces.flatMap((p) => p.map((_, k) => p.slice(0, k + 1).join('.'))));
  const out: string[] = [];
  const queue: [string, number][] = (files.folders?.(project) ?? []).map((sub) => [join(project, sub), 1]);
  for (let n = 0; n < queue.length && n < MAX_PROJECT_FOLDERS; n++) {
    const [d, depth] = queue[n];
    if (depth < MAX_PROJECT_DEPTH) for (const sub of files.folders?.(d) ?? []) if (!NOT_SOURCES.has(sub) && !sub.startsWith('.')) queue.push([join(d, sub), depth + 1]);
    if (!has(files, d, cls + '.cs')) continue;
    const f = join(d, cls + '.cs');
    const ns = /^[ \t]*namespace[ \t]+([\w.]+)/m.exec(files.read(f) ?? '')?.[1];
    if (ns === undefined || named.has(ns)) out.push(f);
  }
  return out;
}

/** Source files of one folder with this extension (bounded). */
export function sameFolder(files: WorkspaceFiles, dir: string, ext: string): string[] {
  return (files.list(dir) ?? []).filter((n) => n.endsWith(ext)).slice(0, MAX_SCAN).map((n) => join(dir, n));
}

/** Kotlin top-level names visible in a file: its imports' packages (`import com.acme.prompts.SYSTEM`), then its own package's files. */
export function kotlinTopLevelFiles(files: WorkspaceFiles, fromFile: string, text: string, name: string): string[] {
  const dirs: string[] = [];
  for (const imp of jvmImports(text)) if (imp.local === name || imp.name === '*') dirs.push(jvmPackageDir(fromFile, text, imp.pkg));
  dirs.push(dirname(fromFile));
  return [...new Set(dirs)].flatMap((d) => sameFolder(files, d, '.kt'));
}

/**
 * Kotlin `import com.acme.config.Models.CHAT_MODEL`: a member of an object (or a class's companion) imported by its
 * own name (Kotlin reference, "Packages and imports": `import org.example.Message.Companion.create` style imports of
 * a declaration's members). By local name: the object, the member's own name, the package's folder and the import
 * line's place.
 */
export function kotlinMemberImports(fromFile: string, text: string): Map<string, { cls: string; name: string; dir: string; start: number; end: number }> {
  const out = new Map<string, { cls: string; name: string; dir: string; start: number; end: number }>();
  for (const imp of jvmImports(text)) {
    // The importing path less `.Companion`: its last part the object or class, named with a capital.
    const path = imp.pkg.endsWith('.Companion') ? imp.pkg.slice(0, -'.Companion'.length) : imp.pkg;
    const dot = path.lastIndexOf('.');
    const cls = path.slice(dot + 1);
    if (dot > 0 && /^[A-Z]/.test(cls) && imp.name !== '*') out.set(imp.local, { cls, name: imp.name, dir: jvmPackageDir(fromFile, text, path.slice(0, dot)), start: imp.start, end: imp.end });
  }
  return out;
}

/**
 * The app/ folder of the Rails app whose lib/ holds the file (`lib/tasks/topics.rake`, rubyevents/rubyevents): a rake
 * task that depends on `:environment` runs with the app booted (railties lib/rails/application.rb: `task :environment
 * do … require_environment! end`), so the app's classes autoload there as they do under app/. The root is the folder
 * above lib/ holding both app/ and config/.
 */
function libApp(files: WorkspaceFiles, fromFile: string): string | undefined {
  const lib = ancestors(dirname(fromFile), UP).find((a) => basename(a) === 'lib');
  if (!lib) return undefined;
  const root = dirname(lib);
  return files.list(join(root, 'app')) !== undefined && files.list(join(root, 'config')) !== undefined ? join(root, 'app') : undefined;
}

/** Folders of a Rails app/ that Zeitwerk autoloads when the front cannot list folders. */
const RAILS_ROOTS = ['models', 'services', 'jobs', 'controllers', 'helpers', 'mailers', 'workers', 'lib', 'prompts', 'channels'];

/**
 * Rails (Zeitwerk): the files that may define the module path `modules` (`Analyzers::SetupPrompt`) for a file under
 * app/: every folder of app/ is an autoload root, each namespace a folder, each name in snake case
 * (`<root>/analyzers/setup_prompt.rb`); lib/ too, where apps autoload it. Nothing outside a Rails app/ tree.
 */
export function railsAutoloadCandidates(files: WorkspaceFiles, fromFile: string, modules: string[]): string[] {
  const app = ancestors(dirname(fromFile), UP).find((a) => basename(a) === 'app') ?? libApp(files, fromFile);
  if (!app) return [];
  const roots = [...(files.folders?.(app) ?? RAILS_ROOTS).map((d) => join(app, d)), join(dirname(app), 'lib')];
  const rel = modules.map((m) => m.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase());
  const out: string[] = [];
  for (const r of roots) {
    const dir = join(r, ...rel.slice(0, -1));
    if (has(files, dir, rel[rel.length - 1] + '.rb')) out.push(join(dir, rel[rel.length - 1] + '.rb'));
  }
  return out;
}

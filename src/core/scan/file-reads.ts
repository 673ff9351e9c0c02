// Prompt files read at run time with a path the code states: `Path(__file__).parent / "prompts" / "x.md"`,
// `open(os.path.join(os.path.dirname(__file__), "x.txt")).read()`, `readFileSync(join(__dirname, "x.md"), "utf8")`,
// `os.ReadFile("x")`, `include_str!("x.md")`, `File.read(File.join(__dir__, "x"))`, `Files.readString(Path.of("x"))`.
// A file a bundler inlines as text at build time (Vite `import x from "./x.md?raw"`) is read the same way.
// The text is counted; template holes (`{{ name }}`, `{% … %}`) are named and left out.
import type { EvalScope, Value } from './value';
import { ancestors, basename, dirname, join, joinAll } from '../resolve/files';
import { projectDir } from '../resolve/app-settings';
import { pathText } from './path-holes';
import { androidString } from './android-strings';
import { HOLE, plainPath, readGlob } from './path-globs';
import { bunPackage } from './bun-package';
import { bladeBranches } from './blade-branches';

type Arg = { key?: string; from: number; to: number };

const PATH_JOIN = new Set(['join', 'Join', 'resolve', 'Combine', 'joinpath', 'get', 'of']);
const PATH_HOLDERS = new Set(['path', 'os', 'filepath', 'File', 'Path', 'Paths', 'posixpath', 'pathlib']);

/** Path-building calls: `Path(a)`, `os.path.join(a, b)`, `path.resolve(__dirname, a)`, `dirname(x)`, `new URL(a, base)`. */
export function pathCall(s: EvalScope, base: Value | undefined, names: string[], a: Arg[], arg: (n: number) => Value | undefined, _depth: number): Value | undefined {
  const fn = names[names.length - 1];
  // Android `getString(R.string.x)`: the text of a resource file (android-strings.ts).
  const res = fn === 'getString' || fn === 'stringResource' || fn === 'getText' ? androidString(s, names, a) : undefined;
  if (res) return res;
  const strs = () => {
    const out: string[] = [];
    for (let n = 0; n < a.length; n++) {
      const v = pathText(s, arg(n), a[n].from, a[n].to, _depth);
      const t = v?.path ?? v?.str;
      if (t === undefined || v?.holes?.length) return undefined;
      out.push(t);
    }
    return out;
  };
  // `process.cwd()`: where the program is started, taken as a folder above the file (readPromptFile tries each).
  if (fn === 'cwd' && names.length === 2 && names[0] === 'process' && a.length === 0) return { path: '.', str: '.' };
  // .NET `Directory.GetCurrentDirectory()` (or `System.IO.Directory.…`): the project folder under `dotnet run`, as
  // `Environment.CurrentDirectory`.
  const qualified = names.length === 4 && names[0] === 'System' && names[1] === 'IO';
  if (fn === 'GetCurrentDirectory' && (names.length === 2 || qualified) && names[names.length - 2] === 'Directory' && a.length === 0) return dotnetAppRoot(s, ['Environment', 'CurrentDirectory']);
  if ((fn === 'Path' || fn === 'PurePath' || fn === 'PosixPath') && a.length >= 1) {
    const p = strs();
    return p ? { path: join(...p), str: plainPath(join(...p)) } : undefined;
  }
  // `Path("config.yaml").open()`: a handle on that path.
  if (fn === 'open' && base?.path !== undefined) return { path: base.path };
  if (fn === 'open' && names.length === 1 && a.length >= 1) {
    const v = pathText(s, arg(0), a[0].from, a[0].to, _depth);
    const t = v?.path ?? v?.str;
    return t !== undefined ? { path: t } : undefined;
  }
  if (base?.path !== undefined && (fn === 'joinpath' || fn === 'resolve' || fn === 'join')) {
    const p = strs();
    return p ? { path: join(base.path, ...p), str: plainPath(join(base.path, ...p)) } : undefined;
  }
  // `path.join(…)`, or a bare `join(__dirname, …)` / `resolve(__dirname, …)` imported from node:path.
  if (PATH_JOIN.has(fn) && ((names.length >= 2 && names.slice(0, -1).some((n) => PATH_HOLDERS.has(n))) || (names.length === 1 && (fn === 'join' || fn === 'resolve') && a.length >= 2 && arg(0)?.path !== undefined))) {
    const p = strs();
    if (!p?.length) return undefined;
    const joined = fn === 'join' && s.syn.id === 'javascript' ? joinAll(...p) : join(...p);
    return { path: joined, str: plainPath(joined) };
  }
  // Rails `Rails.root.join("app/prompts/x.txt")`: the application's root (railties lib/rails.rb `Rails.root`, a
  // Pathname; Pathname#join), an ancestor of the file, so the relative path is looked for from the file's folders up.
  if (fn === 'join' && names.length === 3 && names[0] === 'Rails' && names[1] === 'root' && a.length >= 1) {
    const p = strs();
    return p ? { path: join(...p), str: join(...p) } : undefined;
  }
  if ((fn === 'dirname' || fn === 'Dir') && a.length === 1) {
    const v = arg(0);
    const t = v?.path ?? v?.str;
    return t !== undefined ? { path: dirname(t), str: dirname(t) } : undefined;
  }
  if ((fn === 'abspath' || fn === 'realpath' || fn === 'normpath' || fn === 'fileURLToPath' || fn === 'expanduser' || fn === 'Abs') && a.length === 1) {
    const v = arg(0);
    const t = v?.path ?? v?.str;
    return t !== undefined ? { path: t, str: t } : undefined;
  }
  if (fn === 'URL' && a.length === 2) {
    const rel = arg(0)?.str;
    const b = arg(1);
    if (rel !== undefined && b?.path !== undefined) return { path: join(dirname(b.path), rel), str: join(dirname(b.path), rel) };
  }
  if (fn === 'expand_path' && a.length === 2) {
    const rel = arg(0)?.str;
    const d = arg(1)?.path ?? arg(1)?.str;
    if (rel !== undefined && d !== undefined) return { path: join(d, rel), str: join(d, rel) };
  }
  // Python importlib.resources (docs.python.org/3/library/importlib.resources.html): `files("app.prompts")` is the
  // package's folder, looked for from the file's folders up, then `.joinpath("x.md").read_text()` as for a Path; the
  // older `read_text("app.prompts", "x.md")` reads that file at once; `files(__package__)` is the file's own package.
  if (s.syn.id === 'python' && (fn === 'files' || fn === 'read_text' || fn === 'open_text') && a.length === (fn === 'files' ? 1 : 2) && !base) {
    const fromModule = names.length > 1 ? names[names.length - 2] === 'resources' || names[names.length - 2] === 'importlib_resources' : RESOURCES.test(s.text);
    // `files(__package__)`: the package the file is in, its own folder (`files(__package__) / "prompts" / "x.txt"`).
    if (fn === 'files' && fromModule && a[0].to === a[0].from + 1 && s.toks[a[0].from]?.v === '__package__') return { path: dirname(s.file), str: dirname(s.file) };
    const pkg = fromModule ? arg(0)?.str : undefined;
    const res = fn === 'files' ? '' : arg(1)?.str;
    if (pkg !== undefined && res !== undefined && isPackage(pkg) && !arg(0)?.holes?.length && !arg(1)?.holes?.length) {
      const dir = pkg.split('.').join('/');
      return fn === 'files' ? { path: dir, str: dir } : readPromptFile(s, join(dir, res));
    }
  }
  if ((fn === 'getResource' || fn === 'getResourceAsStream') && a.length === 1) {
    const r = arg(0)?.str;
    if (r !== undefined) return { path: 'resource:' + r.replace(/^\//, '') };
  }
  return undefined;
}

/**
 * The folders a .NET program finds its files from, read as the project's folder (the nearest `*.csproj`'s):
 * `AppContext.BaseDirectory` / `AppDomain.CurrentDomain.BaseDirectory`, the build output, where items marked
 * `CopyToOutputDirectory` land in the project's layout (https://learn.microsoft.com/dotnet/api/system.appcontext.basedirectory,
 * https://learn.microsoft.com/visualstudio/msbuild/common-msbuild-project-items#none); `IHostEnvironment.ContentRootPath`
 * (`env.ContentRootPath`, `builder.Environment.ContentRootPath`), the project folder under `dotnet run`, and its
 * `WebRootPath`, `wwwroot` below it (https://learn.microsoft.com/aspnet/core/fundamentals/#content-root);
 * `Environment.CurrentDirectory`. Undefined for any other member.
 */
export function dotnetAppRoot(s: EvalScope, names: string[]): Value | undefined {
  const last = names[names.length - 1];
  const base = last === 'BaseDirectory' && (names[0] === 'AppContext' || names[names.length - 2] === 'CurrentDomain');
  const web = last === 'WebRootPath' && names.length >= 2;
  if (!base && !web && !(last === 'ContentRootPath' && names.length >= 2) && !(names.length === 2 && names[0] === 'Environment' && last === 'CurrentDirectory')) return undefined;
  const dir = (s.index && projectDir(s.index.files, dirname(s.file))) ?? '.';
  const root = web ? join(dir, 'wwwroot') : dir;
  return { path: root, str: root };
}

/** A file that imports from importlib.resources (or its backport), so that a bare `files(…)` is that module's. */
const RESOURCES = /\bimportlib[._]resources\b/;
/** A dotted package name (each part tested alone: a repeated group holding a repeat can backtrack, hostile.test.ts). */
const isPackage = (pkg: string) => pkg.split('.').every((part) => /^[A-Za-z_]\w*$/.test(part));

// `readlines` gives the file's lines: as a value, its text (a `"".join(f.readlines())` is that text, text-join.ts).
const READ_OPEN = new Set(['read', 'read_text', 'readText', 'readAllBytes', 'readString', 'text', 'readlines']);
const READ_ARG = new Set(['readFileSync', 'readFile', 'ReadFile', 'readString', 'read', 'include_str', 'read_to_string', 'readAllBytes', 'readText', 'ReadAllText', 'ReadAllTextAsync', 'file_get_contents', 'readTextFile']);

/** The path a call reads (`p.read_text()`, `readFileSync(p)`), null when it reads a path known only at run time. */
export function callReadsFile(base: Value | undefined, names: string[], a: Arg[], arg: (n: number) => Value | undefined, _next: unknown): string | null | undefined {
  const fn = names[names.length - 1];
  if (base?.path !== undefined && READ_OPEN.has(fn) && (names.length > 1 || base)) return base.path;
  if (READ_ARG.has(fn) && a.length >= 1 && (names.length >= 2 || fn === 'include_str' || fn === 'readFileSync' || fn === 'readFile' || fn === 'file_get_contents')) {
    const v = arg(0);
    const t = v?.path ?? v?.str;
    if (t === undefined || v?.holes?.length) return null;
    return t;
  }
  return undefined;
}

/** A hole's expression without its delimiters' marks (`{{- name }}`, `{{{ raw }}}`, `{{# section }}`). */
function trimHole(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && '-~#{!>&^/ \t\r\n'.includes(s[a])) a++;
  while (b > a && '-~} \t\r\n'.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Holes of the usual template languages: Jinja / Handlebars / Mustache `{{ x }}`, `{% … %}`, `{# … #}`; Laravel Blade
 * `{{ $x }}` echoes. */
const TEMPLATE_EXTS = /\.(j2|jinja2?|hbs|handlebars|mustache|md|txt|prompt|tmpl|tpl|liquid|blade\.php)$/i;

/** Vite's query for a file imported as its text: "Assets can be imported as strings using the `?raw` suffix"
 * (https://vite.dev/guide/assets.html, Importing Asset as String). */
const RAW_QUERY = /\?raw$/;

/** `import system from "./system.md?raw"` (a relative or aliased path), or a `.txt` file in a Bun package (bun-package.ts):
 * the file's text; undefined for any other import. */
export function rawImport(s: EvalScope, spec: string): Value | undefined {
  if (!s.index || !(RAW_QUERY.test(spec) || (/\.txt$/i.test(spec) && bunPackage(s)))) return undefined;
  const p = s.index.module(s.file, spec.replace(RAW_QUERY, ''), s.syn.id);
  const text = p !== undefined ? s.index.text(p) : undefined;
  if (p === undefined || text === undefined) return undefined;
  return { ...templateText(text, TEMPLATE_EXTS.test(p)), source: { file: p, offset: 0, what: `file ${basename(p)}` } };
}

/** The file's text (`raw`: as written, for a reader with its own template syntax, prompt-templates-py.ts from_file). */
export function readPromptFile(s: EvalScope, path: string, raw = false): Value {
  const idx = s.index;
  if (!idx) return { runtime: `file ${path}` };
  let candidates: string[];
  if (path.startsWith('resource:')) {
    // A class-path resource: under a resources folder above the file (Maven / Gradle layout).
    const r = path.slice('resource:'.length);
    candidates = ancestors(dirname(s.file)).flatMap((a) => [join(a, 'src/main/resources', r), join(a, 'resources', r)]);
  } else if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) candidates = [path];
  else candidates = [join(dirname(s.file), path), ...ancestors(dirname(s.file)).slice(1).map((a) => join(a, path))];
  const read = (p: string): Value | undefined => {
    const text = idx.text(p);
    if (text === undefined) return undefined;
    const v = raw ? { str: text } : ST_FILE.test(p) ? stTemplateText(text) : ERB_FILE.test(p) ? erbText(text) : templateText(BLADE_FILE.test(p) ? bladeBranches(text) : text, TEMPLATE_EXTS.test(p));
    return { ...v, source: { file: p, offset: 0, what: `file ${basename(p)}` } };
  };
  // A file name known only at run time (path-globs.ts): the folder's files it can name.
  if (path.includes(HOLE)) return readGlob(s, path, candidates.map(dirname), read) ?? { runtime: `file ${plainPath(basename(path))}` };
  for (const p of candidates) {
    const v = read(p);
    if (v) return v;
  }
  return { runtime: `file ${basename(path)}` };
}

/** A StringTemplate file: Spring AI's PromptTemplate renders its prompts with StTemplateRenderer, whose default
 * delimiters are `{` and `}` (spring-ai-commons org/springframework/ai/template/st/StTemplateRenderer.java:
 * DEFAULT_START_DELIMITER_TOKEN = '{', DEFAULT_END_DELIMITER_TOKEN = '}'); the `.st` files of Spring AI apps. */
const ST_FILE = /\.st$/i;
const ERB_FILE = /\.erb$/i;
const BLADE_FILE = /\.blade\.php$/i;

/** A StringTemplate text's static text and its attributes `{name}` / `{a.b}` as holes; other braces (JSON examples,
 * `\{` escapes) stay text. */
export function stTemplateText(text: string): Value {
  const holes: string[] = [];
  const str = text.replace(/(\\?)\{[ \t]*([A-Za-z_][\w.]{0,59})[ \t]*\}/g, (all, esc: string, name: string) => {
    if (esc) return all;
    if (!holes.includes(name)) holes.push(name);
    return '';
  });
  return holes.length ? { str, holes } : { str };
}

/** A template's static text and the names of its holes (each hole's expression, once). */
export function templateText(text: string, template: boolean): Value {
  if (!template || !text.includes('{{') && !text.includes('{%')) return { str: text };
  let out = '';
  const holes: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const kind = open >= 0 ? text[open + 1] : undefined;
    if (open < 0 || !(kind === '{' || kind === '%' || kind === '#')) {
      out += text.slice(i, open < 0 ? text.length : open + 1);
      i = open < 0 ? text.length : open + 1;
      continue;
    }
    const closer = kind === '{' ? '}}' : kind + '}';
    const close = text.indexOf(closer, open + 2);
    if (close < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, open);
    const inner = trimHole(text.slice(open + 2, Math.min(close, open + 202)));
    if (kind !== '#' && inner && !holes.includes(inner)) holes.push(inner.length > 60 ? inner.slice(0, 59) + '…' : inner);
    i = close + closer.length;
  }
  return holes.length ? { str: out, holes } : { str: out };
}

/**
 * An ERB template's static text and its holes (Ruby ERB, https://docs.ruby-lang.org/en/master/ERB.html): `<%= x %>`
 * prints x (a hole), `<% … %>` runs code and prints nothing, `<%# … %>` is a comment, `<%%` a literal `<%`; a `-%>`
 * close also drops the line break after it.
 */
export function erbText(text: string): Value {
  if (!text.includes('<%')) return { str: text };
  let out = '';
  const holes: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<%', i);
    if (open < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, open);
    if (text[open + 2] === '%') {
      out += '<%';
      i = open + 3;
      continue;
    }
    const close = text.indexOf('%>', open + 2);
    if (close < 0) {
      out += text.slice(open);
      break;
    }
    let inner = text.slice(open + (text[open + 2] === '=' || text[open + 2] === '-' ? 3 : 2), Math.min(close, open + 202)).trim();
    if (inner.endsWith('-')) inner = inner.slice(0, -1).trimEnd();
    if (text[open + 2] === '=' && inner && !holes.includes(inner)) holes.push(inner.length > 60 ? inner.slice(0, 59) + '…' : inner);
    i = close + 2;
    if (text[close - 1] === '-' && text[i] === '\n') i++;
  }
  return holes.length ? { str: out, holes } : { str: out };
}


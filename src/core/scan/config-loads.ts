// Settings a Python program loads from a file whose path it states: `json.load(open("config.json"))`,
// `yaml.safe_load(f)` under `with open("config.yaml") as f`, `tomllib.load(open(p, "rb"))`, `toml.load("config.toml")`,
// and a ConfigParser given its file by `.read("apikey.ini")` / `.read_file(open(p))`. The loaded document is a value
// whose entries are read where the code reads them (`cfg["openai"]["model"]`, `cfg.get("max_tokens", 2048)`,
// `parser.get("OpenAI", "CHATGPT_MODEL")`, `parser.getint(…)`, `parser["s"]["o"]`), each from the file, named in the
// hover with its line. The path is looked for beside the file and then in the folders above it (scripts run from the
// repository's root). Only the asked key is read; a key that names a secret is never read, and `.env` files never.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { ancestors, basename, dirname, join } from '../resolve/files';
import { configAt, configJson, type ConfigFormat } from '../resolve/config-files';
import { isSecretsFile } from '../resolve/env-example';
import type { Span } from '../types';
import { at, statedSource, type EvalScope, type Value } from './value';
import { evaluate } from './evaluate';
import { newlineBetween } from './body-ends';
import { templateText } from './file-reads';

/** A loaded settings document, or a part of it: `path` from its root. Later files of a ConfigParser override earlier. */
export interface DocObj {
  kind: 'doc';
  /** The file that loads it: its value index reads the settings files. */
  scope: EvalScope;
  format: ConfigFormat;
  files: string[];
  path: string[];
  /** Its top-level keys are read as attributes too: `SimpleNamespace(**yaml.safe_load(f))` (py-namespaces.ts). */
  attrs?: true;
  /** node-config's: `get("a.b")` is a dotted path, and every level's keys are attributes (node-config.ts). */
  dotted?: true;
}

type Arg = { key?: string; from: number; to: number };

const JSON_MODULES = new Set(['json', 'ujson', 'orjson', 'simplejson']);
const TOML_MODULES = new Set(['toml', 'tomllib', 'tomli', 'rtoml', 'tomlkit']);
const YAML_LOADS = new Set(['safe_load', 'load', 'full_load', 'unsafe_load']);
const PARSERS = new Set(['ConfigParser', 'RawConfigParser', 'SafeConfigParser']);
/** Tokens searched after a ConfigParser is made for its `.read(…)`. */
const MAX_READ_WALK = 200000;

/** The document a loader call gives, or undefined when the call is none or its file is not found. */
export function configLoad(s: EvalScope, names: string[], nameAt: number, a: Arg[], arg: (n: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  const mod = names.length >= 2 ? names[names.length - 2] : undefined;
  if (s.syn.id === 'ruby') return rubyLoad(s, mod, fn, a, arg);
  if (s.syn.id !== 'python') return undefined;
  if (PARSERS.has(fn) && (names.length === 1 || mod === 'configparser')) return parser(s, nameAt);
  const format: ConfigFormat | undefined =
    mod && JSON_MODULES.has(mod) && (fn === 'load' || fn === 'loads') ? 'json'
    : (mod === 'yaml' && YAML_LOADS.has(fn)) || (names.length === 1 && fn === 'safe_load') ? 'yaml'
    : mod && TOML_MODULES.has(mod) && (fn === 'load' || fn === 'loads' || fn === 'parse') ? 'toml'
    : undefined;
  if (!format || a.length < 1 || a[0].key) return undefined;
  const v = arg(0);
  if (!v || v.holes?.length) return undefined;
  // `loads(p.read_text())`: the text of a file read whole (file-reads.ts names its source `file …` at offset 0).
  const readWhole = v.str !== undefined && v.source?.file !== undefined && v.source.offset === 0 && v.source.what.startsWith('file ');
  const file = readWhole ? v.source!.file : v.path !== undefined ? found(s, v.path) : format === 'toml' && fn === 'load' && v.str !== undefined ? found(s, v.str) : undefined;
  return file ? { obj: { kind: 'doc', scope: s, format, files: [file], path: [] } } : undefined;
}

/**
 * Ruby `YAML.load_file(path)` / `YAML.safe_load_file(path)` (Psych, ruby/psych lib/psych.rb: `load_file(filename,
 * **kwargs)`, `safe_load_file`, `unsafe_load_file`), and `YAML.load(File.read(p))` / `JSON.parse(File.read(p))`.
 */
function rubyLoad(s: EvalScope, mod: string | undefined, fn: string, a: Arg[], arg: (n: number) => Value | undefined): Value | undefined {
  // `Mustache.render(template, view)` (mustache/mustache README: `Mustache.render("Hello {{planet}}", planet: "World")`):
  // the template's text, its `{{…}}` tags left out as a template file's are (file-reads.ts).
  if (mod === 'Mustache' && fn === 'render' && a.length >= 1 && !a[0].key) {
    const t = arg(0);
    return t?.str !== undefined && t.runtime === undefined ? { ...templateText(t.str, true), ...(t.source ? { source: t.source } : {}) } : undefined;
  }
  const yaml = mod === 'YAML' || mod === 'Psych';
  const format: ConfigFormat | undefined = yaml ? 'yaml' : mod === 'JSON' && fn === 'parse' ? 'json' : undefined;
  if (!format || a.length < 1 || a[0].key) return undefined;
  const v = arg(0);
  if (!v || v.holes?.length) return undefined;
  const readWhole = v.str !== undefined && v.source?.file !== undefined && v.source.offset === 0 && v.source.what.startsWith('file ');
  const file = readWhole && (fn === 'load' || fn === 'safe_load' || fn === 'parse') ? v.source!.file : (v.path ?? v.str) !== undefined && RUBY_FILE_LOADS.has(fn) ? found(s, (v.path ?? v.str)!) : undefined;
  return file ? { obj: { kind: 'doc', scope: s, format, files: [file], path: [] } } : undefined;
}

const RUBY_FILE_LOADS = new Set(['load_file', 'safe_load_file', 'unsafe_load_file']);

/** `X = configparser.ConfigParser()`: the files the program reads into X (`X.read(p)`, `X.read_file(open(p))`). */
function parser(s: EvalScope, nameAt: number): Value | undefined {
  const { toks, match } = s;
  if (!isP(toks[nameAt - 1], '=') || isP(toks[nameAt - 2], '=')) return undefined;
  let target = chainBefore(s, nameAt - 2);
  // `self.parser: configparser.ConfigParser = …`: the name is before the annotation, on its line (the `:` ending the
  // line above, `def __init__(self):`, is no annotation's).
  const colon = nameAt - 2 * target.length - 1;
  if (target.length && isP(toks[colon], ':') && !newlineBetween(s.text, toks[colon].end, toks[nameAt - 1].start)) target = chainBefore(s, colon - 1);
  if (!target.length) return undefined;
  // A `.read(…)` written or removed anywhere in the file changes what the parser holds (the keystroke path re-reads).
  s.readNames?.add('read').add('read_file');
  const key = `${nameAt}`;
  let memo = READS.get(toks);
  if (!memo) READS.set(toks, (memo = new Map()));
  let hit = memo.get(key);
  if (!hit) memo.set(key, (hit = readsInto(s, nameAt, target)));
  for (const span of hit.spans) s.read?.push(span);
  // Looked for on each use: a settings file made or removed since is seen.
  const files = [...new Set(hit.paths.map((p) => found(s, p)).filter((f): f is string => f !== undefined))];
  return files.length ? { obj: { kind: 'doc', scope: s, format: 'ini', files, path: [] } } : undefined;
}

/** The names of `a.b.c` ending at token `end` (`self.config` of `self.config = …`). */
function chainBefore(s: EvalScope, end: number): string[] {
  const out: string[] = [];
  for (let k = end; k >= 0 && isId(s.toks[k]); k -= 2) {
    out.unshift(s.toks[k].v);
    if (!isP(s.toks[k - 1], '.')) break;
  }
  return out;
}

/** The paths a file's parsers `.read(…)`, by the parser's token, worked out once per text (many calls ask). */
const READS = new KeyMemo<object, Map<string, { paths: string[]; spans: Span[] }>>();

function readsInto(s: EvalScope, nameAt: number, target: string[]): { paths: string[]; spans: Span[] } {
  const { toks, match } = s;
  const paths: string[] = [];
  const spans: Span[] = [];
  const n = target.length;
  for (let k = nameAt, walked = 0; k < toks.length - n - 2 && walked < MAX_READ_WALK; k++, walked++) {
    const call = toks[k + 2 * n];
    if (!isP(toks[k + 2 * n - 1], '.') || !isId(call) || (call.v !== 'read' && call.v !== 'read_file') || !isP(toks[k + 2 * n + 1], '(')) continue;
    if (!target.every((t, m) => toks[k + 2 * m]?.t === T.Id && toks[k + 2 * m].v === t && (m === 0 || isP(toks[k + 2 * m - 1], '.')))) continue;
    if (isP(toks[k - 1], '.')) continue;
    const open = k + 2 * n + 1;
    const close = match[open];
    if (!(close > open)) continue;
    let e = open + 1;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    spans.push({ start: toks[k].start, end: toks[close].end });
    paths.push(...staticPaths(s, open + 1, e));
  }
  return { paths, spans };
}

/** The static paths of `.read(…)`'s first argument: one path, or a list of them. */
function staticPaths(s: EvalScope, from: number, to: number): string[] {
  const { toks, match } = s;
  if ((isP(toks[from], '[') || isP(toks[from], '(')) && match[from] === to - 1) {
    const out: string[] = [];
    for (let k = from + 1; k < to - 1; ) {
      let e = k;
      while (e < to - 1 && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
      out.push(...staticPaths(s, k, e));
      k = e + 1;
    }
    return out;
  }
  const v = evaluate(s, from, to, 1);
  const p = v?.path ?? v?.str;
  return p !== undefined && !v?.holes?.length ? [p] : [];
}

/** The workspace file a stated path names: beside the file, else in a folder above it (the run's working folder). */
function found(s: EvalScope, p: string): string | undefined {
  const idx = s.index;
  if (!idx || !p || isSecretsFile(p)) return undefined;
  const candidates = p.startsWith('/') || /^[A-Za-z]:\//.test(p) ? [p] : ancestors(dirname(s.file)).map((d) => join(d, p));
  return candidates.find((c) => idx.text(c) !== undefined);
}

/** Words of a key that name a secret: its value is never read into what the tool shows. */
const SECRET_WORDS = new Set(['key', 'keys', 'apikey', 'apikeys', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'credential', 'credentials', 'auth']);
/** Words beside `token` that make it a count (`max_token`), not a credential (`access_token`). */
const COUNT_WORDS = new Set(['max', 'min', 'num', 'limit', 'count', 'output', 'input', 'completion', 'context', 'tokens']);

export function isSecretKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return words[words.length - 1] === 'token' && !words.some((w) => COUNT_WORDS.has(w));
}

/** `doc[key]`: the entry, a part of the document, or run time when the file does not set it. */
export function docIndex(o: DocObj, key: Value | undefined, shown: string): Value {
  const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
  if (k === undefined || key?.holes?.length) return { runtime: shown };
  return entry(o, [...o.path, k], shown) ?? { runtime: shown };
}

/**
 * Methods of a document: a dict's `get(key, default)`; ConfigParser's `get(section, option, fallback=…)`,
 * `getint` / `getfloat`, and a section's `get(option, fallback)` (https://docs.python.org/3/library/configparser.html:
 * `ConfigParser.get(section, option, *, raw=False, vars=None[, fallback])`, `SectionProxy.get(option, fallback=None, …)`).
 */
export function docCall(s: EvalScope, o: DocObj, fn: string, a: Arg[], arg: (n: number) => Value | undefined, shown: string): Value | undefined {
  const pos = a.filter((x) => !x.key);
  const kwAt = (key: string) => a.findIndex((x) => x.key === key);
  const str = (v: Value | undefined) => (v?.str !== undefined && !v.holes?.length ? v.str : undefined);
  const typed = fn === 'getint' || fn === 'getfloat';
  if (fn !== 'get' && !typed) return { runtime: shown };
  let path: string[] | undefined;
  let fallbackAt = -1;
  if (o.format === 'ini' && o.path.length === 0) {
    if (pos.length < 2) return { runtime: shown };
    const sec = str(arg(a.indexOf(pos[0])));
    const opt = str(arg(a.indexOf(pos[1])));
    path = sec !== undefined && opt !== undefined ? [sec, opt] : undefined;
    fallbackAt = kwAt('fallback');
  } else {
    if (pos.length < 1) return { runtime: shown };
    const k = arg(a.indexOf(pos[0]));
    const key = str(k) ?? (k?.num !== undefined ? String(k.num) : undefined);
    path = key !== undefined ? [...o.path, ...(o.dotted ? key.split('.') : [key])] : undefined;
    fallbackAt = pos.length >= 2 ? a.indexOf(pos[1]) : kwAt(o.format === 'ini' ? 'fallback' : 'default');
  }
  if (!path) return { runtime: shown };
  const v = entry(o, path, shown, typed);
  if (v) return v;
  // Not in the file: the default the call states.
  const d = fallbackAt >= 0 ? arg(fallbackAt) : undefined;
  if (d && d.runtime === undefined && (d.str !== undefined || d.num !== undefined)) return { ...d, source: statedSource(s, `default of ${path.join('.')} (not set in ${basename(o.files[o.files.length - 1])})`, d, at(s, a[fallbackAt].from)) };
  return { runtime: shown };
}

/** A part of a loaded document as compact JSON (`prompt['schema'].to_json`), named by its file; undefined when unknown. */
export function docJson(o: DocObj): Value | undefined {
  if (o.format !== 'yaml' && o.format !== 'json') return undefined;
  if (o.path.some(isSecretKey)) return undefined;
  const file = o.files[o.files.length - 1];
  const text = o.scope.index?.text(file);
  const json = text !== undefined ? configJson(file, text, o.format, o.path) : undefined;
  return json !== undefined ? { str: json, source: { file, offset: 0, what: `${o.path.join('.') || 'document'} of ${basename(file)} as JSON` } } : undefined;
}

/** The value at `path` in the document's files (the last file that sets it), or undefined when none sets it. */
function entry(o: DocObj, path: string[], shown: string, number = false): Value | undefined {
  for (let f = o.files.length - 1; f >= 0; f--) {
    const file = o.files[f];
    if (isSecretKey(path[path.length - 1])) return { runtime: shown };
    const text = o.scope.index?.text(file);
    if (text === undefined) continue;
    const hit = configAt(file, text, o.format, path);
    if (!hit) continue;
    if (hit.kind === 'object') return { obj: { ...o, path } };
    if (hit.kind === 'unread' || typeof hit.value === 'boolean') return { runtime: shown };
    const where = o.format === 'ini' ? `[${path[0]}] ${path[1]}` : path.join('.');
    const source = { file, offset: hit.start, what: `${where} in ${basename(file)}` };
    const lit = { span: { start: hit.start, end: hit.end }, quote: hit.quote, scope: { file } };
    if (typeof hit.value === 'number') return { num: hit.value, source, lit };
    const t = hit.value.trim();
    // An empty setting is filled in where the program runs: never a model or a limit of its own.
    if (!t) return { runtime: shown };
    if (number) return /^-?\d+(\.\d+)?$/.test(t) ? { num: Number(t), source, lit } : { runtime: shown };
    return { str: hit.value, source, lit };
  }
  return undefined;
}

/**
 * Is `name` bound to a ConfigParser (`self.config = configparser.ConfigParser()`)? Its `get(section, option)` takes two
 * positional names and its fallback only as a keyword (https://docs.python.org/3/library/configparser.html:
 * `get(section, option, *, raw=False, vars=None[, fallback])`): the second is the option's name, not a default.
 */
export function configParser(s: EvalScope, name: string): boolean {
  const { text } = s;
  // Typing a construction anywhere, or editing one's line, changes the answer (the keystroke path takes the full path).
  s.readNames?.add('ConfigParser').add('RawConfigParser').add('SafeConfigParser');
  for (let at = text.indexOf('ConfigParser('); at >= 0; at = text.indexOf('ConfigParser(', at + 1)) {
    // The line before it: `self.config = configparser.Raw` -> `self.config`.
    const line = text.lastIndexOf('\n', at) + 1;
    s.read?.push({ start: line, end: at + 'ConfigParser('.length });
    let before = text.slice(line, at).trimEnd();
    for (const tail of ['Raw', 'Safe', 'configparser.']) if (before.endsWith(tail)) before = before.slice(0, -tail.length);
    before = before.trimEnd();
    if (!before.endsWith('=') || /[=!<>:+\-*/]$/.test(before.slice(0, -1))) continue;
    // An annotation `self.config: ConfigParser = …` names the same target.
    const target = before.slice(0, -1).split(':')[0].trim();
    if (target === name || target.endsWith('.' + name)) return true;
  }
  return false;
}

// A Semantic Kernel prompt function loaded from a plugin directory: `var plugin = kernel.CreatePluginFromPromptDirectory(
// Path.Combine(AppContext.BaseDirectory, "Plugins", "WriterPlugin"))` (or `ImportPluginFromPromptDirectory`), run as
// `kernel.InvokeAsync(plugin["ShortPoem"], arguments)`, `InvokeStreamingAsync<T>(plugin["…"], …)`, or through a name
// (`Poem = plugin["ShortPoem"]` then `Poem.InvokeAsync(kernel, arguments)`). SK reads `<dir>/<Function>/skprompt.txt` as
// the template and the optional `config.json` beside it as a PromptTemplateConfig (microsoft/semantic-kernel
// dotnet/src/SemanticKernel.Core/KernelExtensions.cs CreatePluginFromPromptDirectory: ConfigFile "config.json",
// PromptFile "skprompt.txt"; SemanticKernel.Abstractions/PromptTemplate/PromptTemplateConfig.cs `execution_settings`
// keyed by service id, PromptExecutionSettings `model_id`, OpenAIPromptExecutionSettings `max_tokens`). The template's
// static text is counted, its `{{$input}}` holes named; `<message role="…">` tags make chat messages, the tags not sent.
// Seen in mhabibr02/Project-AI-Intermediate-FGA-Digitalent (Prompts/*/skprompt.txt + config.json, Program.cs).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { basename, dirname, join } from '../resolve/files';
import type { PromptPart, Span } from '../types';
import type { Found } from './keys';
import type { Ctx } from './values';
import { args } from './calls';
import { evaluate } from './evaluate';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { readPromptFile } from './file-reads';

/** The SK calls that make a plugin of a prompt directory (its path their first argument, the plugin's name the second,
 * else the directory's own name: KernelExtensions.cs `pluginName ??= new DirectoryInfo(pluginDirectory).Name`).
 * `builder.Plugins.AddFromPromptDirectory(dir)` is KernelPluginCollectionExtensions' form on a kernel builder. */
const MAKERS = new Set(['CreatePluginFromPromptDirectory', 'ImportPluginFromPromptDirectory', 'AddFromPromptDirectory']);
const isS = (tk: Token | undefined): tk is Token => !!tk && tk.t === T.Str;
/** Largest config.json read. */
const MAX_CONFIG = 64 * 1024;
/** The opening tag of a chat message of an SK template (`<message role="system">…</message>`, ChatPromptParser). */
const OPEN_TAG = /^<message\s+role\s*=\s*["'](\w+)["']\s*>$/;
/** Longest opening tag read. */
const MAX_TAG = 80;

/**
 * The prompt function a Semantic Kernel call runs, when it is one of a prompt directory: its template and settings
 * read into `f`. `where` says where the function is: the call's first argument, or its receiver. False when the
 * function is no prompt directory's (a native plugin's, a delegate): then the call is no prompt call here.
 */
export function skDirCall(c: Ctx, f: Found, where: 'arg' | 'receiver', first: number, open: number, end: number): boolean {
  const { toks } = c;
  let from: number;
  let to: number;
  if (where === 'arg') {
    const pos = args(c, open, c.match[open] < 0 ? end : c.match[open]).filter((x) => !x.key);
    const a = pos[0];
    if (!a) return false;
    // `kernel.InvokeAsync("Plugin", "Function", arguments)` (Kernel.cs InvokeAsync(string? pluginName, string functionName, …)).
    const fnName = pos[1] && isS(toks[a.from]) && a.to === a.from + 1 && isS(toks[pos[1].from]) && pos[1].to === pos[1].from + 1;
    if (fnName) return dirFunction(c, f, named(c, toks[a.from].v, first), toks[pos[1].from].v, { start: toks[a.from].start, end: toks[pos[1].from].end });
    [from, to] = [a.from, a.to];
  } else {
    const dot = isP(toks[first], '.') ? first : first - 1;
    if (!isP(toks[dot], '.') || !isId(toks[dot - 1])) return false;
    [from, to] = [dot - 1, dot];
  }
  const fn = functionOf(c, from, to, first);
  if (!fn) return false;
  return dirFunction(c, f, fn.dir, fn.name, { start: toks[from].start, end: toks[to - 1].end });
}

/** The function `name` of the plugin whose directory argument is at `dir`, read into `f`; false without the plugin. */
function dirFunction(c: Ctx, f: Found, dir0: [number, number] | undefined, name: string | undefined, span: Span): boolean {
  if (!dir0) return false;
  const fn = { dir: dir0, name };
  const dir = evaluate(c, fn.dir[0], fn.dir[1], 1);
  const path = dir?.path ?? dir?.str;
  if (path === undefined || dir?.holes?.length || fn.name === undefined) {
    f.parts.push({ text: '', span, resolved: false, label: `${fn.name ?? 'function'} of a prompt directory known at run time` });
    return true;
  }
  const v = readPromptFile(c, join(path, fn.name, 'skprompt.txt'));
  if (v.str === undefined || !v.source?.file) {
    f.parts.push({ text: '', span, resolved: false, label: `${fn.name}/skprompt.txt (not found)` });
    return true;
  }
  templateParts(f, v.str, v.holes ?? [], span, { file: v.source.file, offset: 0, what: `${fn.name}/skprompt.txt` });
  const configFile = join(dirname(v.source.file), 'config.json');
  const config = c.index?.text(configFile);
  if (config !== undefined && config.length <= MAX_CONFIG) readConfig(f, config, configFile, fn.name);
  return true;
}

/** The function expression `plugin["Name"]` at [from, to), or a name bound to one: the plugin's directory argument and the name. */
function functionOf(c: Ctx, from: number, to: number, first: number): { dir?: [number, number]; name?: string } | undefined {
  const { toks } = c;
  let at = from;
  if (to === from + 1 && isId(toks[from])) {
    at = boundAt(c, toks[from].v, first);
    if (at < 0) return undefined;
  }
  // `plugin["Name"]`, `this._plugin["Name"]`: the plugin's name, then the function's.
  let k = at;
  if ((toks[k]?.v === 'this' || toks[k]?.v === 'base') && isP(toks[k + 1], '.')) k += 2;
  // `kernel.Plugins["Plugin"]["Function"]` (KernelPluginCollection's indexer by the plugin's name).
  if (isId(toks[k]) && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'Plugins' && isP(toks[k + 3], '[') && isS(toks[k + 4]) && c.match[k + 3] === k + 5) {
    const close = k + 5;
    if (!isP(toks[close + 1], '[') || !(c.match[close + 1] > close + 2)) return undefined;
    const key = evaluate(c, close + 2, c.match[close + 1], 1);
    c.read?.push({ start: toks[at].start, end: toks[c.match[close + 1]].end });
    return { dir: named(c, toks[k + 4].v, first), name: key?.str !== undefined && !key.holes?.length ? key.str : undefined };
  }
  if (!isId(toks[k]) || !isP(toks[k + 1], '[') || !(c.match[k + 1] > k + 2)) return undefined;
  const key = evaluate(c, k + 2, c.match[k + 1], 1);
  const made = boundAt(c, toks[k].v, first);
  const dir = made >= 0 ? makerArg(c, made) ?? pluginByName(c, made, first) : undefined;
  if (!dir) return undefined;
  // The keystroke path: an edit of the function's name or of the directory's path changes the call (editor/incremental.ts).
  // The plugin's making (`_kernel.Plugins["InterviewPlugin"]`) and its directory argument are read apart: the maker may
  // be written before the name is bound, so one span from the one to the other could be empty.
  c.read?.push({ start: toks[at].start, end: toks[c.match[k + 1]].end }, { start: toks[made].start, end: toks[Math.max(made, exprEnd(c, made) - 1)].end }, { start: toks[dir[0]].start, end: toks[dir[1] - 1].end });
  return { dir, name: key?.str !== undefined && !key.holes?.length ? key.str : undefined };
}

/** Where `name` is assigned before the call, else its one assignment in the file (a field set in the constructor). */
function boundAt(c: Ctx, name: string, first: number): number {
  const before = assignmentBefore(c, name, first);
  if (before >= 0) return before;
  const { toks } = c;
  c.readNames?.add(name);
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || !isP(toks[k + 1], '=') || isP(toks[k + 2], '=')) continue;
    if (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'this') continue;
    // Set below the call (a constructor after the method): a prefix cut above it must leave the call to the full analysis.
    if (k > first) c.forward?.add(name);
    return k + 2;
  }
  return -1;
}

/** `var plugin = _kernel.Plugins["InterviewPlugin"]` at toks[i] (then `plugin["Fn"]`): that plugin's directory argument. */
function pluginByName(c: Ctx, i: number, first: number): [number, number] | undefined {
  const { toks, match } = c;
  let k = i;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && toks[k + 2]?.v !== 'Plugins') k += 2;
  if (!isId(toks[k]) || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'Plugins' || !isP(toks[k + 3], '[') || !isS(toks[k + 4]) || match[k + 3] !== k + 5) return undefined;
  return named(c, toks[k + 4].v, first);
}

/** The directory argument of the file's prompt-directory plugin named `plugin`: its name argument (second, or
 * `pluginName:`), else the last segment of its directory's path. */
function named(c: Ctx, plugin: string, first: number): [number, number] | undefined {
  const { toks, match } = c;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || !MAKERS.has(toks[k].v) || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) continue;
    const all = args(c, k + 1, match[k + 1]);
    const pos = all.filter((x) => !x.key);
    if (!pos[0] || pos[0].from >= pos[0].to) continue;
    const n = all.find((x) => x.key === 'pluginName') ?? pos[1];
    let name: string | undefined;
    if (n) name = evaluate(c, n.from, n.to, 1)?.str;
    else {
      const d = evaluate(c, pos[0].from, pos[0].to, 1);
      const path = d?.holes?.length ? undefined : (d?.path ?? d?.str);
      name = path === undefined ? undefined : basename(trimSeparators(path));
    }
    // The keystroke path: an edit of any maker's arguments may name the plugin, or no longer (editor/incremental.ts).
    c.read?.push({ start: toks[k].start, end: toks[match[k + 1]].end });
    if (k > first) c.forward?.add(toks[k].v);
    if (name !== plugin) continue;
    return [pos[0].from, pos[0].to];
  }
  return undefined;
}

/** `kernel.CreatePluginFromPromptDirectory(dir, …)` (any receiver chain) at toks[i]: the dir argument's range. */
function makerArg(c: Ctx, i: number): [number, number] | undefined {
  const { toks, match } = c;
  let k = i;
  while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
  if (!isId(toks[k]) || !MAKERS.has(toks[k].v) || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) return undefined;
  const a = args(c, k + 1, match[k + 1]).filter((x) => !x.key)[0];
  return a && a.from < a.to ? [a.from, a.to] : undefined;
}

/** The template as parts: each `<message>`'s text (a chat prompt) or the whole text, then its holes named. */
function templateParts(f: Found, text: string, holes: string[], span: Span, source: PromptPart['source']): void {
  const messages = chatMessages(text);
  const texts = messages.length ? messages.map((m) => m.text) : [text];
  for (const t of texts) if (t) f.parts.push({ text: t, span, resolved: true, source });
  if (messages.length) {
    f.messages = Math.max(f.messages, messages.length);
    f.system = (f.system ?? 0) + messages.filter((m) => m.role === 'system').length;
  }
  for (const h of holes) f.parts.push({ text: '', span, resolved: false, label: `{{${h}}}` });
}

/** The `<message role="…">…</message>` elements of a template, in one pass (an unclosed one ends the walk). */
function chatMessages(text: string): { role: string; text: string }[] {
  const out: { role: string; text: string }[] = [];
  for (let i = text.indexOf('<message'); i >= 0; i = text.indexOf('<message', i)) {
    const gt = text.indexOf('>', i);
    const tag = gt >= 0 && gt - i < MAX_TAG ? OPEN_TAG.exec(text.slice(i, gt + 1)) : null;
    if (!tag) {
      i += 8;
      continue;
    }
    const close = text.indexOf('</message>', gt);
    if (close < 0) break;
    out.push({ role: tag[1], text: text.slice(gt + 1, close).trim() });
    i = close + 10;
  }
  return out;
}

/** config.json's `execution_settings`: the largest `max_tokens` of its services (the others named), a `model_id`. */
function readConfig(f: Found, text: string, file: string, name: string): void {
  let parsed: unknown;
  try {
    // SK reads it permissively (trailing commas allowed: JsonOptionsCache.ReadPermissive).
    parsed = JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return;
  }
  const settings = (parsed as { execution_settings?: unknown })?.execution_settings;
  if (!settings || typeof settings !== 'object') return;
  const entries = Object.entries(settings as Record<string, unknown>).filter(([, s]) => s && typeof s === 'object') as [string, Record<string, unknown>][];
  const limits = entries.map(([, s]) => s.max_tokens).filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
  const where = (key: string, value: string): Span => {
    const at = text.indexOf(`"${key}"`);
    const v = at >= 0 ? text.indexOf(value, at) : -1;
    return v >= 0 ? { start: v, end: v + value.length } : { start: 0, end: 0 };
  };
  const what = (key: string) => `${key} in ${name}/${basename(file)}`;
  if (limits.length && !f.limit) {
    const value = Math.max(...limits);
    const span = where('max_tokens', String(value));
    const others = [...new Set(limits.filter((n) => n !== value))];
    f.limit = { value, span, key: 'max_tokens', file, source: { file, offset: span.start, what: what('max_tokens') }, ...(others.length ? { others } : {}) };
  }
  const model = (entries.find(([k]) => k === 'default') ?? entries[0])?.[1]?.model_id;
  if (typeof model === 'string' && model && !f.model) {
    const span = where('model_id', model);
    f.model = { ref: { id: model, span, kind: 'literal', file, source: { file, offset: span.start, what: what('model_id') } } };
  }
}

/** The path without its trailing `/` or `\\` (a loop: a `[\\/]+$` regex backtracks on a long run of separators). */
function trimSeparators(p: string): string {
  let end = p.length;
  while (end > 0 && (p[end - 1] === '/' || p[end - 1] === '\\')) end--;
  return p.slice(0, end);
}

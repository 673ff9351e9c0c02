// .NET configuration the code binds: `IOptions<OpenAiOptions>` filled by `services.Configure<OpenAiOptions>(
// configuration.GetSection("OpenAi"))` (or `AddOptions<T>().Bind(…GetSection("X"))`, `.BindConfiguration("X")`,
// `GetSection("X").Get<T>()`), and `configuration["OpenAi:Model"]`, `GetValue<string>("OpenAi:Model")`,
// `GetSection("OpenAi")["Model"]`. A member read from such an object (`_options.Model`, `options.Value.MaxTokens`)
// is the project's appsettings value for that one key (resolve/app-settings.ts says which file wins), else the
// options class's property default. Settings files hold secrets: only the key path the code reads is looked up.
// Which section an options class is bound to: dotnet-sections.ts.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { KEYWORDS, isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { bindingValue } from './lookup';
import { classScopes } from './imported';
import { tables } from './scope';
import type { EvalScope, Value } from './value';
import { sectionOf } from './dotnet-sections';
import { settingValue } from './dotnet-setting-values';
import { optionsProperty } from './dotnet-option-props';
import { configProperty } from './config-properties';
import { serviceProperty } from './jvm-service-methods';
import { servedOptions } from './dotnet-served-options';

/** A configuration object: the root, a section, or an options class bound to a section. */
export interface ConfigObj {
  kind: 'config';
  scope: EvalScope;
  /** Key path of the section; undefined for an options class whose section was not found (class defaults only). */
  path?: string[];
  /** The options class, for its property defaults. */
  cls?: string;
  /** Made by `GetSection(…)`: `.Value` is the section's own value. */
  section?: true;
}

const CONFIG_TYPES = new Set(['IConfiguration', 'IConfigurationRoot', 'IConfigurationSection', 'ConfigurationManager', 'IConfigurationManager']);
const OPTIONS_TYPES = new Set(['IOptions', 'IOptionsSnapshot', 'IOptionsMonitor']);
/** A plain type read as bound options when its section is found (`OpenAiSettings settings` injected directly). */
const OPTIONS_NAME = /(Options|Settings|Config|Configuration)$/;

interface Decl {
  at: number;
  type: string;
  arg?: string;
  /** `var c = new T(…)`: an object made here, never a bound configuration. */
  made?: true;
}

/** What follows a declared name: `;`, `=`, `,`, `)`, `{` (a property), `=>` (an expression-bodied property). */
const DECL_ENDS = new Set([';', '=', ',', ')', '{', '=>']);

const decls = new KeyMemo<FileScope, Map<string, Decl[]>>();

/**
 * `Type name` declarations of a C# file (fields, properties, parameters, locals) by name: the type's last name and
 * its last generic argument (`IOptions<OpenAiOptions> options` → IOptions, OpenAiOptions). One pass, kept per scope.
 */
function declarations(s: FileScope): Map<string, Decl[]> {
  let m = decls.get(s);
  if (m) return m;
  m = new Map();
  const { toks } = s;
  for (let k = 1; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id) continue;
    // The token after first: most identifiers are followed by none of these, and the keyword test hashes the name.
    const next = toks[k + 1];
    if (!next || next.t !== T.Punct || !DECL_ENDS.has(next.v) || KEYWORDS.has(tk.v)) continue;
    let p = k - 1;
    if (isP(toks[p], '?')) p--;
    let d: Decl | undefined;
    if (isId(toks[p]) && toks[p].v === 'var') d = madeType(toks, k) ?? servedType(toks, k);
    else if (isId(toks[p]) && !KEYWORDS.has(toks[p].v) && (!isP(toks[p - 1], '.') || namespaced(toks, p))) d = { at: tk.start, type: toks[p].v };
    else if (isP(toks[p], '>') || isP(toks[p], '>>')) {
      // Back to the generic's `<`: `IOptions<OpenAiOptions>`, `IOptionsMonitor<Ns.AiOptions>`.
      let depth = toks[p].v === '>>' ? 2 : 1;
      let arg: string | undefined;
      let j = p - 1;
      for (; j > 0 && j > p - 16 && depth > 0; j--) {
        const t = toks[j];
        if (isP(t, '>')) depth++;
        else if (isP(t, '>>')) depth += 2;
        else if (isP(t, '<')) depth--;
        else if (isId(t)) arg ??= t.v;
        else if (!isP(t, '.') && !isP(t, ',') && !isP(t, '?')) break;
      }
      if (depth === 0 && isId(toks[j])) d = { at: tk.start, type: toks[j].v, arg };
    }
    if (!d) continue;
    const list = m.get(tk.v);
    if (list) list.push(d);
    else m.set(tk.v, [d]);
  }
  decls.set(s, m);
  return m;
}

/** A type named with its namespace at p (`Toci.PlotTwist.ChatGPT.ChatGptApiClient client`): capitalised names joined
 * by dots, after no name, member or call. */
function namespaced(toks: FileScope['toks'], p: number): boolean {
  let j = p;
  for (; isP(toks[j - 1], '.') && isId(toks[j - 2]); j -= 2) if (!/^[A-Z]/.test(toks[j - 2].v) || j < p - 40) return false;
  return !isP(toks[j - 1], '.') && !isId(toks[j - 1]) && !isP(toks[j - 1], ')') && !isP(toks[j - 1], ']') && /^[A-Z]/.test(toks[p].v);
}

/** `var c = new OpenAIClient(key)`, `var c = new Ns.OpenAIClient { … }` at the name k: the type made (Sistema_Pos
 * WpfApp1/actions/OpenAIClient.cs:58). */
function madeType(toks: FileScope['toks'], k: number): Decl | undefined {
  if (!isP(toks[k + 1], '=') || toks[k + 2]?.v !== 'new') return undefined;
  let n = k + 3;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  return isId(toks[n]) && (isP(toks[n + 1], '(') || isP(toks[n + 1], '{')) ? { at: toks[k].start, type: toks[n].v, made: true } : undefined;
}

/** `var chat = scope.ServiceProvider.GetRequiredService<IChatService>()` at the name k: the service type asked of the
 * container (ServiceProviderServiceExtensions.GetRequiredService<T> / GetService<T>,
 * https://learn.microsoft.com/dotnet/api/microsoft.extensions.dependencyinjection.serviceproviderserviceextensions). */
function servedType(toks: FileScope['toks'], k: number): Decl | undefined {
  if (!isP(toks[k + 1], '=')) return undefined;
  let n = k + 2;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && n < k + 14) n += 2;
  const t = serviceAsked(toks, n);
  const o = t ? undefined : servedOptions(toks, n);
  return t ? { at: toks[k].start, type: t } : o ? { at: toks[k].start, ...o } : undefined;
}

/** The container's methods a receiver's type is read from (the keystroke path's significant words, reader-words.ts). */
export const SERVICE_WORDS = ['GetRequiredService', 'GetService'];

/** `GetRequiredService<T>()` / `GetService<T>()` at token n, `T` a plain or dotted name: T's last name. */
export function serviceAsked(toks: FileScope['toks'], n: number): string | undefined {
  if (!isId(toks[n]) || !SERVICE_WORDS.includes(toks[n].v) || !isP(toks[n + 1], '<')) return undefined;
  let j = n + 2;
  while (isId(toks[j]) && isP(toks[j + 1], '.')) j += 2;
  return isId(toks[j]) && isP(toks[j + 1], '>') && isP(toks[j + 2], '(') && isP(toks[j + 3], ')') ? toks[j].v : undefined;
}

/** The declaration of `name` nearest before `pos`, else the first. */
export function declaredType(s: EvalScope, name: string, pos: number): Decl | undefined {
  const list = declarations(s).get(name);
  if (!list) return undefined;
  let best: Decl | undefined;
  for (const d of list) if (d.at < pos) best = d;
  return best ?? list[0];
}

/**
 * A configuration object for a name the file cannot evaluate: `configuration` declared `IConfiguration`,
 * `builder.Configuration`, `options` declared `IOptions<T>` (with `.Value` / `.CurrentValue`), a `T settings` whose
 * section is bound. Returns it and how many of `names` it took.
 */
export function configNamed(s: EvalScope, names: string[], pos: number): [Value, number] | undefined {
  if (names.length >= 2 && names[1] === 'Configuration') return [{ obj: { kind: 'config', scope: s, path: [] } }, 2];
  const d = declaredType(s, names[0], pos);
  if (!d) return names.length >= 3 ? heldOptions(s, names[0], names[1]) : undefined;
  if (d.made) return undefined;
  // The keystroke path re-analyses when the declared type is edited (editor/incremental.ts significant names).
  s.readNames?.add(d.type);
  if (d.arg) s.readNames?.add(d.arg);
  if (CONFIG_TYPES.has(d.type)) return [{ obj: { kind: 'config', scope: s, path: [] } }, 1];
  if (OPTIONS_TYPES.has(d.type) && d.arg) {
    const v = names[1] === 'Value' || names[1] === 'CurrentValue' ? optionsOf(s, d.arg, true) : undefined;
    return v ? [v, 2] : undefined;
  }
  if (OPTIONS_NAME.test(d.type)) {
    const v = optionsOf(s, d.type, false);
    return v ? [v, 1] : undefined;
  }
  return undefined;
}

/** `Settings.BotConfiguration.ChatGptMaxTokens`: a static class of the project holding a bound options object in a
 * property (`public static BotConfiguration BotConfiguration { get; private set; }`, set by `Settings.Init(…)` from
 * `IOptions<BotConfiguration>`), the section bound to that class by the registrations (u100s/NotAPidorBot Settings.cs,
 * held38 C10). */
function heldOptions(s: EvalScope, holder: string, prop: string): [Value, number] | undefined {
  if (!/^[A-Z]/.test(holder)) return undefined;
  s.readNames?.add(holder);
  for (const sc of tables(s).classes.has(holder) ? [s] : [...classScopes(s, holder)].slice(0, 2)) {
    const t = declarations(sc).get(prop)?.find((d) => !d.made && OPTIONS_NAME.test(d.type) && !CONFIG_TYPES.has(d.type))?.type;
    if (!t) continue;
    // Read from the holder's file: its `using` names the options class's namespace, which the reader's may not.
    const v = optionsOf(sc, t, false);
    return v ? [v, 2] : undefined;
  }
  return undefined;
}

/** An options class as bound: its section's values, then its property defaults. `any`: even with no section found. */
function optionsOf(s: EvalScope, cls: string, any: boolean): Value | undefined {
  const path = sectionOf(s, cls);
  if (!path && !any) return undefined;
  return { obj: { kind: 'config', scope: s, path, cls } };
}

/** A member of a configuration object: the settings value, a deeper section, else the options class's default. */
export function configMember(o: ConfigObj, name: string, depth: number): Value | undefined {
  if (o.section && name === 'Value' && o.path) return settingValue(o, o.path);
  if (o.path) {
    const v = settingValue(o, [...o.path, name]);
    if (v) return v;
  }
  if (o.cls) {
    const d = classDefault(o.scope, o.cls, name, depth) ?? optionsProperty(o, name, depth);
    if (d) return d;
  }
  return o.path ? settingValue(o, [...o.path, name], true) : undefined;
}

/** `GetSection("X")`, `GetValue<T>("X", default)`, `Get<T>()` on a configuration object; undefined: not one of these. */
export function configCall(o: ConfigObj, fn: string, key: Value | undefined, fallback: Value | undefined, fallbackAt = 0): Value | undefined {
  const keyPath = key?.str !== undefined && !key.holes?.length ? key.str.split(':') : undefined;
  if (fn === 'GetSection' || fn === 'GetRequiredSection') return keyPath && o.path ? { obj: { kind: 'config', scope: o.scope, path: [...o.path, ...keyPath], section: true } } : { runtime: fn };
  if (fn === 'GetValue') {
    const v = keyPath && o.path ? settingValue(o, [...o.path, ...keyPath]) : undefined;
    if (v) return v;
    if (fallback && fallback.runtime === undefined && (fallback.str !== undefined || fallback.num !== undefined)) {
      return { ...fallback, source: fallback.source ?? { file: o.scope.file, offset: fallbackAt, what: `default of setting ${key?.str ?? '?'}` } };
    }
    return (keyPath && o.path ? settingValue(o, [...o.path, ...keyPath], true) : undefined) ?? { runtime: fn };
  }
  if (fn === 'Get') return { obj: { ...o, section: undefined } };
  return undefined;
}

/**
 * Kernel Memory's `KernelMemoryConfig.GetServiceConfig<T>(IConfiguration cfg, string serviceName, string root =
 * "KernelMemory")`: the section `<root>:Services:<serviceName>` bound to T (microsoft/kernel-memory
 * service/Abstractions/Configuration/KernelMemoryConfig.cs), read by microsoft/chat-copilot
 * webapi/Services/SemanticKernelProvider.cs for the deployment it adds to the kernel.
 */
export function serviceConfig(s: EvalScope, name: Value | undefined, root: Value | undefined): Value | undefined {
  if (name?.str === undefined || name.holes?.length || name.runtime !== undefined) return undefined;
  const top = root === undefined ? 'KernelMemory' : root.str !== undefined && !root.holes?.length && root.runtime === undefined ? root.str : undefined;
  if (top === undefined) return undefined;
  return { obj: { kind: 'config', scope: s, path: [...top.split(':'), 'Services', ...name.str.split(':')] } };
}

/** `configuration["OpenAi:Model"]`, `section["Model"]`. */
export function configIndex(o: ConfigObj, key: Value | undefined): Value | undefined {
  if (key?.str === undefined || key.holes?.length || !o.path) return undefined;
  const path = [...o.path, ...key.str.split(':')];
  return settingValue(o, path) ?? settingValue(o, path, true);
}

/** `public string Model { get; set; } = "gpt-4o";` in the options class (its file, or this one). */
function classDefault(s: EvalScope, cls: string, name: string, depth: number): Value | undefined {
  const scopes = tables(s).classes.has(cls) ? [s] : [...classScopes(s, cls)];
  for (const sc of scopes) {
    const v = bindingValue(sc, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) {
      return v.source?.what === name ? { ...v, source: { ...v.source, what: `default of ${cls}.${name}` } } : v;
    }
  }
  return undefined;
}

/**
 * C# `cfg.Url` where `cfg` is declared with a class of another file of the workspace (`private readonly Settings cfg =
 * new();`, a field `OpenAIConfig config;` set from `IConfig<OpenAIConfig>`): that class's property default (`public
 * string Url { get; set; } = "https://…";`). C# has no file imports: the class is looked up by name (classScopes).
 * The declaration nearest before the use is tried first, then the others of the name (a field read in a method below
 * the constructor whose parameter has the same name).
 */
export function typedMember(s: EvalScope, name: string, prop: string, pos: number, depth: number): Value | undefined {
  const list = s.syn.id === 'csharp' ? declarations(s).get(name) : undefined;
  if (!list) return undefined;
  const order = [...list.filter((d) => d.at < pos).reverse(), ...list.filter((d) => d.at >= pos)];
  for (const d of order) {
    for (const type of [d.type, d.arg]) {
      if (!type || CONFIG_TYPES.has(type) || OPTIONS_TYPES.has(type) || tables(s).classes.has(type)) continue;
      s.readNames?.add(type);
      const v = classDefault(s, type, prop, depth);
      if (v) return v;
    }
  }
  return undefined;
}

/**
 * C# `request.MaxTokens` where `request` is declared with a class of the workspace (a request DTO a controller binds
 * from the body) whose property states a number default (`public int MaxTokens { get; set; } = 800;`): that default,
 * marked a fallback, as the caller may send another (held42 M12, alonsoegm/FenecAI Models/ChatRequest.cs). Numbers
 * only: a text default of such a DTO (`Prompt { get; set; } = string.Empty`) is what the caller replaces.
 */
export function dtoNumber(s: EvalScope, name: string, prop: string, pos: number, depth: number): Value | undefined {
  const v = s.syn.id === 'csharp' ? typedMember(s, name, prop, pos, depth) : undefined;
  if (v?.num === undefined) return undefined;
  return { ...v, fallback: true, source: { ...(v.source ?? { file: s.file, offset: pos }), what: `${v.source?.what ?? prop} (${name}.${prop} unless the caller sets it)` } };
}

/** A member chain read from configuration: .NET's (configNamed), Kotlin's `props.model` on a `@ConfigurationProperties`
 * class (a property, read as Java's `props.getModel()` is, config-properties.ts) or a custom getter of a settings class
 * (jvm-service-methods.ts serviceProperty). */
export function namedConfig(s: EvalScope, names: string[], pos: number, depth: number): [Value, number] | undefined {
  if (s.syn.id === 'csharp') return configNamed(s, names, pos);
  const v = s.syn.id === 'kotlin' && names.length === 2 ? configProperty(s, names, 0, depth) ?? serviceProperty(s, names, depth) : undefined;
  return v ? [v, 2] : undefined;
}

// The configuration section a .NET options class is bound to (dotnet-config.ts reads its values): the project's
// registrations (a class library's: its host applications' too), Program.cs and Startup.cs first, `services.Configure<T>(configuration.GetSection("X"))`,
// `AddOptions<T>().Bind(…GetSection("X"))` / `.BindConfiguration("X")`, `GetSection("X").Get<T>()`; else the
// options class's own constant naming its section.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { projectDir } from '../resolve/app-settings';
import { settingsDirs } from '../resolve/host-projects';
import { basename, dirname, join, type WorkspaceFiles } from '../resolve/files';
import { sameFolder } from '../resolve/classes';
import type { FileScope } from '../resolve/value-index';
import { evaluate } from './evaluate';
import { bindingValue } from './lookup';
import { classScopes } from './imported';
import { tables } from './scope';
import type { EvalScope } from './value';

/** The options class's own constant naming its section (the docs' `PositionOptions.Position` form), when no
 * registration is found. */
const SECTION_CONST = /^(Section|SectionName|ConfigSection|ConfigSectionName|ConfigurationSection|ConfigurationSectionName|SectionKey)$/;
/** Project files read for registrations beside Program.cs (the project folder's own, bounded by sameFolder). */
const REGISTRATION_HINT = /Configure\s*<|AddOptions|Get\s*<|\.Bind\s*\(/;

const sections = new KeyMemo<FileScope, Map<string, string[] | undefined>>();

/** The section an options class is bound to, from the project's registrations (Program.cs, Startup.cs, …). */
export function sectionOf(s: EvalScope, cls: string): string[] | undefined {
  let memo = sections.get(s);
  if (!memo) sections.set(s, (memo = new Map()));
  if (memo.has(cls)) return memo.get(cls);
  memo.set(cls, undefined);
  const found = findSection(s, cls);
  memo.set(cls, found);
  return found;
}

function findSection(s: EvalScope, cls: string): string[] | undefined {
  const idx = s.index;
  const scopes: EvalScope[] = [s];
  const classes = [...classScopes(s, cls)];
  if (idx) {
    const dir = projectDir(idx.files, dirname(s.file));
    const files = dir !== undefined ? projectSources(idx.files, dir) : [];
    // A class library's options registered by the application that references it (its `Extensions/…` helper):
    // the host's sources too (parthgodshelwar2024/Pokemon PokemonApi/Extensions/AiExtensions.cs binds Infrastructure's
    // AiOptions to "AI").
    if (dir !== undefined) for (const h of settingsDirs(idx.files, dir)) if (h !== dir) files.push(...projectSources(idx.files, h));
    // Program.cs and Startup.cs first: where ASP.NET Core templates register options.
    files.sort((a, b) => rank(a) - rank(b));
    for (const f of files) {
      if (f === s.file) continue;
      const text = idx.text(f);
      if (!text?.includes(cls) || !REGISTRATION_HINT.test(text)) continue;
      const sc = idx.scope(f);
      if (sc) scopes.push(sc);
    }
  }
  scopes.push(...classes);
  for (const sc of scopes) {
    const p = registered(sc, cls);
    if (p) return p;
  }
  // The class's own section-name constant.
  for (const sc of [s, ...classes]) {
    for (const [name] of tables(sc).binds) {
      if (!SECTION_CONST.test(name)) continue;
      const v = bindingValue(sc, name, Number.MAX_SAFE_INTEGER, 1, true);
      if (v?.str && !v.holes?.length) return v.str.split(':');
    }
  }
  return undefined;
}

/** Folders of a project that hold no registrations. */
const NOT_REGISTRATIONS = /^(bin|obj|wwwroot|node_modules|Migrations|Properties|\..*)$/;

/** The project folder's own .cs files and those of its immediate folders (`Extensions/ServiceExtensions.cs`, where
 * apps keep `IServiceCollection` extension methods that Program.cs calls), bounded by sameFolder and 32 folders. */
export function projectSources(files: WorkspaceFiles, dir: string): string[] {
  const out = sameFolder(files, dir, '.cs');
  for (const sub of (files.folders?.(dir) ?? []).filter((d) => !NOT_REGISTRATIONS.test(d)).slice(0, 32)) out.push(...sameFolder(files, join(dir, sub), '.cs'));
  return out;
}

/** projectSources, and the .cs files of the folders one level further down (`Extensions/Services/…Extensions.cs`,
 * held41 Ahod26/Ai.NetTrack), bounded to 8 folders under each of projectSources' 32. */
export function deeperSources(files: WorkspaceFiles, dir: string): string[] {
  const out = projectSources(files, dir);
  for (const sub of (files.folders?.(dir) ?? []).filter((d) => !NOT_REGISTRATIONS.test(d)).slice(0, 32)) {
    const at = join(dir, sub);
    for (const x of (files.folders?.(at) ?? []).filter((d) => !NOT_REGISTRATIONS.test(d)).slice(0, 8)) out.push(...sameFolder(files, join(at, x), '.cs'));
  }
  return out;
}

/** Folders looked at, up from a call's folder, for a registration kept beside it. */
const MAX_UP = 4;

/** projectSources, and the .cs files of the folders from `from` up to the project folder with their immediate
 * folders: a registration kept next to the client it registers (`Integrations/OpenAI/Configuration/
 * ServiceProviderExtensions.cs` beside `Integrations/OpenAI/OpenAIService.cs`, held-out iacademy-v2). */
export function sourcesNear(files: WorkspaceFiles, dir: string, from: string): string[] {
  const out = projectSources(files, dir);
  const seen = new Set(out);
  for (let d = from, up = 0; d !== dir && d.startsWith(`${dir}/`) && up < MAX_UP; d = dirname(d), up++) {
    const subs = (files.folders?.(d) ?? []).filter((x) => !NOT_REGISTRATIONS.test(x)).slice(0, 32);
    for (const f of [...sameFolder(files, d, '.cs'), ...subs.flatMap((x) => sameFolder(files, join(d, x), '.cs'))]) {
      if (!seen.has(f)) (seen.add(f), out.push(f));
    }
  }
  return out;
}

const rank = (f: string) => (basename(f) === 'Program.cs' ? 0 : basename(f) === 'Startup.cs' ? 1 : 2);

/** `Configure<T>(…GetSection("X"))`, `AddOptions<T>().Bind(…GetSection("X"))` / `.BindConfiguration("X")`,
 * `…GetSection("X").Get<T>()` in one file. */
function registered(s: EvalScope, cls: string): string[] | undefined {
  const { toks, match } = s;
  for (let k = 2; k < toks.length - 2; k++) {
    if (toks[k].v === 'new' && toks[k + 1]?.v === cls && isP(toks[k + 2], '(') && isP(toks[k - 1], '=') && isId(toks[k - 2])) {
      const p = boundInstance(s, toks[k - 2].v, k);
      if (p) return p;
    }
    if (!isId(toks[k]) || toks[k].v !== cls || !isP(toks[k - 1], '<') || !isP(toks[k + 1], '>') || !isP(toks[k + 2], '(')) continue;
    const fn = toks[k - 2]?.v;
    const open = k + 2;
    const close = match[open];
    if (close < 0) continue;
    if (fn === 'Configure') {
      const p = sectionIn(s, open + 1, close) ?? lambdaBind(s, open, close);
      if (p) return p;
    } else if (fn === 'AddOptions' || fn === 'AddOptionsWithValidateOnStart') {
      // Along the chain: `.Bind(…)`, `.BindConfiguration("X")`, past `.ValidateDataAnnotations()` and the like.
      for (let j = close, steps = 0; steps < 8 && isP(toks[j + 1], '.') && isId(toks[j + 2]) && isP(toks[j + 3], '(') && match[j + 3] > 0; steps++) {
        const name = toks[j + 2].v;
        const o = j + 3;
        if (name === 'Bind') {
          const p = sectionIn(s, o + 1, match[o]);
          if (p) return p;
        } else if (name === 'BindConfiguration') {
          const v = evaluate(s, o + 1, argEnd(s, o), 1);
          if (v?.str && !v.holes?.length) return v.str.split(':');
        }
        j = match[o];
      }
    } else if (fn === 'Get' && isP(toks[k - 3], '.')) {
      const p = sectionBefore(s, k - 3);
      if (p) return p;
    }
    if (close > open + 1 && isId(toks[k - 2])) {
      const p = helperSection(s, toks[k - 2].v, k - 2, open, close);
      if (p) return p;
    }
  }
  return undefined;
}

/**
 * An instance bound in place: `var settings = new ModelSettings(); builder.Configuration.Bind("ModelSettings", settings);`
 * or `configuration.GetSection("ModelSettings").Bind(settings)` (ConfigurationBinder.Bind(IConfiguration, string, object)
 * and Bind(IConfiguration, object): https://learn.microsoft.com/dotnet/api/microsoft.extensions.configuration.configurationbinder.bind),
 * then registered for injection (held40 C15, toreaurstadboss/OpenAiChatToolBlazorDemo Program.cs).
 */
function boundInstance(s: EvalScope, name: string, from: number): string[] | undefined {
  const { toks, match } = s;
  for (let j = from; j < toks.length - 3; j++) {
    if (toks[j].v !== 'Bind' || !isP(toks[j - 1], '.') || !isP(toks[j + 1], '(') || match[j + 1] < 0) continue;
    const close = match[j + 1];
    if (!isP(toks[close - 2], ',') && close - 2 !== j + 1) continue;
    if (toks[close - 1]?.v !== name) continue;
    if (close - 2 === j + 1) return sectionBefore(s, j - 1);
    const v = evaluate(s, j + 2, argEnd(s, j + 1), 1);
    if (v?.str && !v.holes?.length) return v.str.split(':');
  }
  return undefined;
}

/**
 * The project's own generic registration helper, `AddOptions<PromptsOptions>(PromptsOptions.PropertyName)` with
 * `void AddOptions<TOptions>(string propertyName) where TOptions : class { services.AddOptions<TOptions>(configuration.
 * GetSection(propertyName)); }` in the file (microsoft/chat-copilot webapi/Extensions/ServiceExtensions.cs): the
 * argument given for the parameter the helper passes to `GetSection(…)` / `BindConfiguration(…)` names the section.
 */
function helperSection(s: EvalScope, fn: string, call: number, open: number, close: number): string[] | undefined {
  const { toks, match } = s;
  for (let d = 1; d < toks.length - 4; d++) {
    if (d === call || toks[d].v !== fn || !isP(toks[d + 1], '<') || !isId(toks[d + 2]) || !isP(toks[d + 3], '>') || !isP(toks[d + 4], '(')) continue;
    // A declaration: a return type before the name (`void`, `static IServiceCollection`).
    if (!isId(toks[d - 1]) && !isP(toks[d - 1], '>')) continue;
    const po = d + 4;
    const pc = match[po];
    if (pc < 0) continue;
    const params: string[] = [];
    for (let j = po + 1; j < pc; j++) if (isId(toks[j]) && (isP(toks[j + 1], ',') || j + 1 === pc || isP(toks[j + 1], '='))) params.push(toks[j].v);
    // The body: `{ … }` after an optional `where TOptions : class`, or `=> …;`.
    let b = pc + 1;
    while (b < toks.length && b < pc + 24 && !isP(toks[b], '{') && !isP(toks[b], '=>') && !isP(toks[b], ';')) b++;
    if (!isP(toks[b], '{') && !isP(toks[b], '=>')) continue;
    const end = isP(toks[b], '{') ? match[b] : toks.findIndex((t, j) => j > b && isP(t, ';'));
    if (end < 0) continue;
    for (let j = b; j < end - 3; j++) {
      if ((toks[j].v !== 'GetSection' && toks[j].v !== 'BindConfiguration') || !isP(toks[j + 1], '(') || !isId(toks[j + 2]) || !isP(toks[j + 3], ')')) continue;
      const at = params.indexOf(toks[j + 2].v);
      if (at < 0) continue;
      // The call's argument at that position.
      const next = (e: number) => {
        while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
        return e;
      };
      let from = open + 1;
      for (let n = 0; n < at && from < close; n++) from = next(from) + 1;
      const v = from < close ? evaluate(s, from, next(from), 1) : undefined;
      if (v?.str && !v.holes?.length) return v.str.split(':');
    }
  }
  return undefined;
}

/**
 * `Configure<T>(op => configuration.Bind("X", op))` (also `(op) => { …Bind("X", op); }`): the section the lambda binds its
 * parameter to (ConfigurationBinder.Bind(IConfiguration, string key, object instance), as boundInstance reads it).
 */
function lambdaBind(s: EvalScope, open: number, close: number): string[] | undefined {
  const { toks, match } = s;
  const paren = isP(toks[open + 1], '(') && isP(toks[open + 3], ')');
  const name = paren ? open + 2 : open + 1;
  const arrow = paren ? open + 4 : open + 2;
  if (!isId(toks[name]) || !isP(toks[arrow], '=>')) return undefined;
  const param = toks[name].v;
  for (let j = arrow + 1; j < close - 2; j++) {
    if (toks[j].v !== 'Bind' || !isP(toks[j - 1], '.') || !isP(toks[j + 1], '(') || match[j + 1] < 0) continue;
    const end = match[j + 1];
    if (toks[end - 1]?.v !== param || !isP(toks[end - 2], ',')) continue;
    const v = evaluate(s, j + 2, argEnd(s, j + 1), 1);
    if (v?.str && !v.holes?.length) return v.str.split(':');
  }
  return undefined;
}

/** End of a call's first argument. */
function argEnd(s: EvalScope, open: number): number {
  const { toks, match } = s;
  let e = open + 1;
  while (e < match[open] && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
  return e;
}

/** The key path of the `GetSection("A").GetSection("B")` calls in toks[from, to), in order. */
function sectionIn(s: EvalScope, from: number, to: number): string[] | undefined {
  const { toks, match } = s;
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    if (!isId(toks[k]) || (toks[k].v !== 'GetSection' && toks[k].v !== 'GetRequiredSection') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    // `GetSection(nameof(OpenAiOptions))` (erraineon/Beef Program.cs): the name's last part (C# nameof).
    const named = toks[k + 2]?.v === 'nameof' && isP(toks[k + 3], '(') && match[k + 3] > k + 4 && isId(toks[match[k + 3] - 1]) ? toks[match[k + 3] - 1].v : undefined;
    const v = named !== undefined ? { str: named } : evaluate(s, k + 2, argEnd(s, k + 1), 1);
    if (!v?.str || v.holes?.length) return undefined;
    out.push(...v.str.split(':'));
    k = match[k + 1];
  }
  return out.length ? out : undefined;
}

/** The `GetSection(…)` calls of the receiver chain ending before toks[dot] (a `.`), read backwards. */
function sectionBefore(s: EvalScope, dot: number): string[] | undefined {
  const { toks, match } = s;
  let j = dot - 1;
  let from = dot;
  for (let steps = 0; steps < 16 && j >= 0; steps++) {
    if (isP(toks[j], ')') && match[j] > 0) j = match[j] - 1;
    if (!isId(toks[j])) break;
    from = j;
    if (!isP(toks[j - 1], '.')) break;
    j -= 2;
  }
  return sectionIn(s, from, dot);
}

// ASP.NET Core settings files: the one key path the code binds (`OpenAi:Model`), from the project's appsettings*.json.
// Which file wins follows ASP.NET Core's configuration order: appsettings.json, then appsettings.{Environment}.json
// over it (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/#default-application-configuration-sources),
// and the environment is Production when none is set
// (https://learn.microsoft.com/aspnet/core/fundamentals/environments). So the cost shown is production's:
// appsettings.Production.json, else appsettings.json. appsettings.Development.json is only a fallback when neither
// sets the key (the value the project runs with on a developer's machine), and says so. Only the asked key is read
// (json-path.ts); nothing else of these files is kept, shown or sent.
import type { WorkspaceFiles } from './files';
import { ancestors, join } from './files';
import { jsonAt } from './json-path';

/** Folders above a source file searched for its project (`*.csproj`). */
const UP = 8;

export interface SettingHit {
  file: string;
  /** The key path as the code wrote it, for the hover (`OpenAi:Model`). */
  key: string;
  value?: string | number;
  /** Offsets of the value in `file` (inside the quotes for a string). */
  start: number;
  end: number;
  quote?: string;
  /** An object there (a section), not a value. */
  section?: true;
  /** From appsettings.Development.json: used by a developer's run, not production's. */
  development?: true;
}

/** The project folder of a source file: the nearest folder with a `*.csproj`, else with an appsettings.json. `''` is
 * the current folder (a relative scan of `.`, the project file at its top): test for undefined, not for falsy. */
export function projectDir(files: WorkspaceFiles, dir: string): string | undefined {
  let settings: string | undefined;
  for (const a of ancestors(dir, UP)) {
    const names = files.list(a);
    if (!names) continue;
    if (names.some((n) => n.endsWith('.csproj'))) return a;
    if (!settings && (names.includes('appsettings.json') || files.list(join(a, 'wwwroot'))?.includes('appsettings.json'))) settings = a;
  }
  return settings;
}

/** The settings value at `path` for the project `dir`, production's first (see the top of the file). */
export function appSetting(files: WorkspaceFiles, dir: string, path: string[], development = false): SettingHit | undefined {
  const order = development ? ['appsettings.Development.json'] : ['appsettings.Production.json', 'appsettings.json'];
  // A Blazor WebAssembly app's settings are served from wwwroot (WebAssemblyHostBuilder reads wwwroot/appsettings.json:
  // https://learn.microsoft.com/aspnet/core/blazor/fundamentals/configuration).
  for (const [d, n] of [dir, join(dir, 'wwwroot')].flatMap((d) => order.map((n) => [d, n] as const))) {
    if (!(files.list(d) ?? []).includes(n)) continue;
    const file = join(d, n);
    const text = files.read(file);
    const hit = text === undefined ? undefined : jsonAt(text, path);
    if (!hit) continue;
    const key = path.join(':');
    const dev = development ? { development: true as const } : {};
    if (hit.kind === 'object') return { file, key, start: 0, end: 0, section: true, ...dev };
    // `null` unsets a key; a boolean is no model, limit or prompt.
    if (hit.value === null || typeof hit.value === 'boolean') continue;
    return { file, key, value: hit.value, start: hit.start, end: hit.end, ...(hit.quote ? { quote: hit.quote } : {}), ...dev };
  }
  return undefined;
}

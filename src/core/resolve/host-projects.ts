// A .NET class library has no settings of its own: the options it binds are read from the appsettings.json of the
// application that runs it, a project that references the library (`<ProjectReference
// Include="..\Infrastructure\Infrastructure.csproj" />`, https://learn.microsoft.com/dotnet/core/project-sdk/msbuild-props
// ProjectReference; IConfiguration is the host's, https://learn.microsoft.com/aspnet/core/fundamentals/configuration/).
// Azure/BuildYourOwnCopilot: SemanticKernelRAGService in src/Infrastructure reads MSCosmosDBOpenAI:OpenAI from
// src/ChatAPI/appsettings.json. The hosts looked at are the library's sibling project folders (one solution folder),
// each read only for its .csproj's references.
import type { WorkspaceFiles } from './files';
import { basename, dirname, join } from './files';

/** Sibling folders read for a referencing project. */
const MAX_SIBLINGS = 40;

/**
 * Where the settings of project folder `dir` are: `dir` itself when it has an appsettings*.json, else the folders of
 * the sibling projects that reference it and have one.
 */
export function settingsDirs(files: WorkspaceFiles, dir: string): string[] {
  const names = files.list(dir) ?? [];
  // A Blazor WebAssembly project keeps its settings in wwwroot (app-settings.ts reads them there).
  if (names.some(isSettings) || (files.list(join(dir, 'wwwroot')) ?? []).some(isSettings)) return [dir];
  const project = names.find((n) => n.endsWith('.csproj'));
  if (!project) return [];
  const parent = dirname(dir);
  const siblings = (files.folders?.(parent) ?? []).slice(0, MAX_SIBLINGS);
  const wanted = `${basename(dir)}/${project}`.toLowerCase();
  const out: string[] = [];
  for (const sib of siblings) {
    const d = join(parent, sib);
    if (d === dir) continue;
    const inner = files.list(d);
    if (!inner?.some(isSettings)) continue;
    const csproj = inner.find((n) => n.endsWith('.csproj'));
    const text = csproj ? files.read(join(d, csproj)) : undefined;
    if (text && references(text, wanted)) out.push(d);
  }
  return out;
}

const isSettings = (n: string) => n === 'appsettings.json' || (n.startsWith('appsettings.') && n.endsWith('.json'));

/** Does a .csproj reference `folder/Name.csproj` (either slash, any case, as MSBuild on Windows takes it)? */
function references(csproj: string, wanted: string): boolean {
  for (let at = csproj.indexOf('ProjectReference'); at >= 0; at = csproj.indexOf('ProjectReference', at + 1)) {
    const q = csproj.indexOf('"', at);
    const end = q < 0 ? -1 : csproj.indexOf('"', q + 1);
    if (end < 0 || end - at > 400) continue;
    if (csproj.slice(q + 1, end).replace(/\\/g, '/').toLowerCase().endsWith(wanted)) return true;
  }
  return false;
}

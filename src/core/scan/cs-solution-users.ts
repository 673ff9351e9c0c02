// C# files of other projects of the solution that use a file's types: a project referencing the file's project
// (`<ProjectReference Include="..\Toci.PlotTwist.ChatGPT\Toci.PlotTwist.ChatGPT.csproj">` in toci888/plottwist
// Toci.PlotTwist.Wpf/Toci.PlotTwist.Wpf.csproj, whose ToolWindow.xaml.cs calls `new ChatGptApiClient(…)
// .GenerateCodeAsync("…")` of the ChatGPT project: held-out 36 C29), directly or through other projects (SDK-style
// projects see their references' references). Only a referencing project can name the types: the compiler's view.
// A type of the same name that a referencing project declares is its own: its uses there are not the file's.
import type { ValueIndex } from '../resolve/value-index';
import { isTestCode, packageSources } from './package-sources';
import { solutionProjects } from './interactive-members';
import { declaredTypes, usesType } from './cs-users';
import { csprojManifest } from './member-manifests';
import { join, normalize } from '../resolve/files';

/** Projects of a solution read for a type's users at most. */
const MAX_PROJECTS = 40;
/** Test projects, whose calls pass test values: the test SDK package every `dotnet new xunit|nunit|mstest` project
 * references (https://www.nuget.org/packages/Microsoft.NET.Test.Sdk), the frameworks' own packages, or a name ending in
 * Tests / Test (`WebCrawlerTests`, `Notes.UnitTests`). */
const TEST_PACKAGES = ['microsoft.net.test.sdk', 'xunit', 'nunit', 'mstest.testframework', 'mstest'];
const TEST_NAME = /(?:^|[.\-_])[Tt]ests?$|[a-z0-9]Tests?$/;

/** The files of the solution's projects referencing `project` (the folder of `file`'s .csproj) that use a type `file`
 * declares. With no .sln above, the projects of the workspace folder holding it. Worked out once until a file of the
 * solution changes. */
export function solutionUsers(idx: ValueIndex, file: string, project: string): string[] {
  const sol = solutionProjects(idx, project) ?? looseProjects(idx, project);
  if (!sol) return [];
  return idx.memo(sol.root, `csharp.solutionUsers ${file}`, () => {
    const { members } = sol;
    const self = members.find((m) => m.dir === project);
    if (!self) return [];
    const users: typeof members = [];
    const todo = [self];
    while (todo.length && users.length < MAX_PROJECTS) {
      const m = todo.pop()!;
      for (const u of members) if (u !== self && u.dir !== project && !users.includes(u) && u.refs.some((r) => m.names.includes(r))) users.push(u), todo.push(u);
    }
    const names = declaredTypes(idx.text(file) ?? '');
    if (!names.length) return [];
    const out: string[] = [];
    for (const u of users) {
      if (u.uses.some((p) => TEST_PACKAGES.includes(p)) || TEST_NAME.test(u.dir.slice(u.dir.lastIndexOf('/') + 1))) continue;
      const seen: [string, string][] = [];
      const own = new Set<string>();
      for (const f of packageSources(idx, u.dir, 'csharp')) {
        const text = idx.text(f) ?? '';
        if (isTestCode(u.dir, f) || !names.some((n) => text.includes(n))) continue;
        seen.push([f, text]);
        for (const n of declaredTypes(text)) if (names.includes(n)) own.add(n);
      }
      const theirs = names.filter((n) => !own.has(n));
      for (const [f, text] of seen) if (usesType(text, theirs)) out.push(f);
    }
    return out;
  });
}

/** Razor components and pages (`.razor`, `.cshtml`), whose `@code` blocks call services they `@inject`
 * (singhharvendra/OpenAIChat_Blazor_net10 src/OpenAIChat/Pages/Index.razor: `@inject ChatService ChatSvc` …
 * `await ChatSvc.GetChatCompletionAsync(Messages)`). Their calls are not read. */
const MARKUP = /\.(?:razor|cshtml)$/;

/** Does a Razor file of the project or its solution call `.method(`? Then the method's callers are not all known. */
export function markupCalls(idx: ValueIndex, project: string, method: string): boolean {
  const root = solutionProjects(idx, project)?.root ?? project;
  const needle = `.${method}(`;
  return packageSources(idx, root, 'csharp', MARKUP).some((f) => idx.text(f)?.includes(needle));
}

/** Folders of a workspace walked for its projects at most, with no .sln. */
const MAX_FOLDERS = 300;
const SKIP = new Set(['bin', 'obj', 'node_modules', 'packages']);

/** With no .sln above the project: the .csproj files of the workspace folder holding it (a repository of projects
 * side by side, each referencing the others, no solution committed: lmolkova/kubecon-llm-performance-demo has its
 * project and no .sln). */
function looseProjects(idx: ValueIndex, project: string): ReturnType<typeof solutionProjects> {
  let root: string | undefined;
  for (const r of idx.roots) {
    const n = normalize(r);
    if ((n === '' || project === n || project.startsWith(n + '/')) && (root === undefined || n.length > root.length)) root = n;
  }
  if (root === undefined || !idx.files.folders) return undefined;
  const top = root;
  const members = idx.memo(top, 'dotnet-loose-members', () => {
    const out: { dir: string; names: string[]; refs: string[]; uses: string[] }[] = [];
    const todo = [top];
    for (let seen = 0; todo.length && seen < MAX_FOLDERS; seen++) {
      const dir = todo.pop()!;
      for (const n of idx.files.list(dir) ?? []) {
        if (!n.endsWith('.csproj')) continue;
        const text = idx.files.read(join(dir, n));
        if (text !== undefined && !out.some((m) => m.dir === dir)) out.push({ dir, ...csprojManifest(text, join(dir, n)) });
      }
      for (const f of idx.files.folders!(dir) ?? []) if (!f.startsWith('.') && !SKIP.has(f)) todo.push(join(dir, f));
    }
    return out;
  });
  return members.length > 1 ? { root: top, members } : undefined;
}

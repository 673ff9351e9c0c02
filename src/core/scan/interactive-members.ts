// A library crate or project that a web server or chat bot of the same Cargo workspace or .NET solution depends on:
// its calls answer whoever the server answers, though its own manifest names no web or bot library (held-out 26: a
// LINE bot's `api-client` crate posting to …/chat/completions, called by the axum webhook of its `server` crate;
// held-out 21: a WhatsApp bot's Application project, referenced by its ASP.NET Core Api project). A member that also
// runs it as offline work (a worker project, a job scheduler, a jobs/workers/cron folder) keeps the batch advice.
import type { ValueIndex } from '../resolve/value-index';
import { ancestors, dirname, extname, join, normalize } from '../resolve/files';
import { isAppLibrary } from './interactive-apps';
import { cargoManifest, csprojManifest, slnProjects, type Manifest } from './member-manifests';

/**
 * Web frameworks as crates.io names them (categories web-programming::http-server): axum ("Web framework that focuses
 * on ergonomics and modularity", https://crates.io/crates/axum), actix-web (https://crates.io/crates/actix-web), warp
 * (https://crates.io/crates/warp), rocket (https://crates.io/crates/rocket), salvo (https://docs.rs/salvo), poem
 * (https://crates.io/crates/poem).
 */
const WEB_CRATES = new Set(['axum', 'actix-web', 'warp', 'rocket', 'salvo', 'poem']);
/** Job schedulers: tokio-cron-scheduler (https://docs.rs/tokio-cron-scheduler), apalis and apalis-cron (https://docs.rs/apalis-cron). */
const JOB_CRATES = new Set(['tokio-cron-scheduler', 'apalis', 'apalis-cron']);
/** Project SDKs: "Microsoft.NET.Sdk.Web is an MSBuild project SDK for building ASP.NET Core apps"
 * (https://learn.microsoft.com/aspnet/core/razor-pages/web-sdk); Microsoft.NET.Sdk.Worker, the worker service template's
 * (https://learn.microsoft.com/dotnet/core/extensions/workers). */
const WEB_SDK = 'microsoft.net.sdk.web';
const WORKER_SDK = 'microsoft.net.sdk.worker';
/** NuGet job schedulers, by prefix: Hangfire, Hangfire.Core, Hangfire.AspNetCore (https://www.nuget.org/packages/Hangfire.Core);
 * Quartz, Quartz.Extensions.Hosting (https://www.nuget.org/packages/Quartz.Extensions.Hosting). */
const JOB_PACKAGES = ['hangfire', 'quartz'];
/** Folder names of offline work, as interactive-apps.ts reads them in a path; `MyApp.Worker`, `jobs-runner` too. */
const OFFLINE_WORDS = new Set(['jobs', 'job', 'workers', 'worker', 'tasks', 'cron', 'scripts', 'batch']);
/** Folders above a project looked in for its workspace or solution. */
const MAX_UP = 6;

type Kind = 'cargo' | 'dotnet';

interface Member extends Manifest {
  /** The project's folder. */
  dir: string;
  served: boolean;
  offline: boolean;
}

/** Is `path` in a library crate / project that a web server or bot of its workspace / solution depends on (directly
 * or through other members), and no offline member? The workspace is read once until a file under it changes. */
export function servedMember(index: ValueIndex, path: string): boolean {
  const ext = extname(path);
  const kind: Kind | undefined = ext === '.rs' ? 'cargo' : ext === '.cs' || ext === '.fs' || ext === '.vb' ? 'dotnet' : undefined;
  if (!kind) return false;
  let project: string | undefined;
  for (const dir of ancestors(dirname(normalize(path)))) {
    const names = index.files.list(dir);
    if (names?.some((n) => (kind === 'cargo' ? n === 'Cargo.toml' : isProjectFile(n)))) {
      project = dir;
      break;
    }
  }
  if (!project) return false;
  const proj = project;
  const root = index.memo(proj, `${kind}-workspace`, () => workspaceRoot(index, proj, kind) ?? '');
  if (!root) return false;
  return index.memo(root, `served-member ${proj}`, () => {
    const members = workspaceMembers(index, root, kind);
    const self = members.find((m) => m.dir === proj);
    if (!self || self.offline) return false;
    // Members that run this one's code: those naming it, and those naming them.
    const users: Member[] = [];
    const todo = [self];
    while (todo.length) {
      const m = todo.pop()!;
      for (const u of members) if (u !== self && !users.includes(u) && u.refs.some((r) => m.names.includes(r))) users.push(u), todo.push(u);
    }
    return users.some((u) => u.served) && !users.some((u) => u.offline);
  });
}

/** The members of the Cargo workspace or .NET solution whose folder is `root`, read once until a file under it changes. */
function workspaceMembers(index: ValueIndex, root: string, kind: Kind): Member[] {
  return index.memo(root, `${kind}-members`, () => readMembers(index, root, kind));
}

/** The .NET solution above the project folder `project` (a folder holding a .csproj): its folder and its projects' folders
 * with the project files each references (by file name, lower case), or undefined with no solution above. */
export function solutionProjects(index: ValueIndex, project: string): { root: string; members: { dir: string; names: string[]; refs: string[]; uses: string[] }[] } | undefined {
  const root = index.memo(project, 'dotnet-workspace', () => workspaceRoot(index, project, 'dotnet') ?? '');
  return root ? { root, members: workspaceMembers(index, root, 'dotnet') } : undefined;
}

const isProjectFile = (n: string) => n.endsWith('.csproj') || n.endsWith('.fsproj') || n.endsWith('.vbproj');
const isSolution = (n: string) => n.endsWith('.sln') || n.endsWith('.slnx');

/** The folder of the Cargo workspace (a Cargo.toml with `[workspace]`) or .NET solution (a .sln) above the project. */
function workspaceRoot(index: ValueIndex, project: string, kind: Kind): string | undefined {
  const dirs = ancestors(project, MAX_UP + 1);
  for (const dir of kind === 'cargo' ? dirs.slice(1) : dirs) {
    const names = index.files.list(dir);
    if (!names) continue;
    if (kind === 'dotnet' && names.some(isSolution)) return dir;
    if (kind === 'cargo' && names.includes('Cargo.toml') && cargoManifest(index.files.read(join(dir, 'Cargo.toml')) ?? '', dir).members) return dir;
  }
  return undefined;
}

/** The workspace's members (Cargo `members`, a `dir/*` entry for each folder in dir) or the solution's projects. */
function readMembers(index: ValueIndex, root: string, kind: Kind): Member[] {
  const out: Member[] = [];
  const add = (dir: string, m: Manifest | undefined) => {
    if (!m || out.some((o) => o.dir === dir)) return;
    const last = dir.slice(dir.lastIndexOf('/') + 1).toLowerCase();
    const offlineName = last.split(/[.\-_]/).some((w) => OFFLINE_WORDS.has(w));
    const served = m.uses.some((u) => (kind === 'cargo' ? WEB_CRATES.has(u) : u === WEB_SDK) || isAppLibrary(u));
    const offline = offlineName || m.uses.some((u) => (kind === 'cargo' ? JOB_CRATES.has(u) : u === WORKER_SDK || JOB_PACKAGES.some((p) => u === p || u.startsWith(p + '.'))));
    out.push({ ...m, dir, served, offline });
  };
  if (kind === 'cargo') {
    const ws = cargoManifest(index.files.read(join(root, 'Cargo.toml')) ?? '', root);
    // A root that is a package too (`[package]` beside `[workspace]`): often the server, its crates the members.
    if (ws.names.length > 1) add(root, ws);
    for (const entry of ws.members ?? []) {
      const dirs = entry.endsWith('/*') ? (index.files.folders?.(join(root, entry.slice(0, -2))) ?? []).map((f) => join(root, entry.slice(0, -2), f)) : [join(root, entry)];
      for (const d of dirs) {
        const text = index.files.read(join(d, 'Cargo.toml'));
        if (text !== undefined) add(d, cargoManifest(text, d));
      }
    }
    return out;
  }
  for (const sln of index.files.list(root)?.filter(isSolution) ?? []) {
    for (const p of slnProjects(index.files.read(join(root, sln)) ?? '', sln.endsWith('.slnx'))) {
      const file = join(root, p);
      const text = index.files.read(file);
      if (text !== undefined) add(dirname(file), csprojManifest(text, file));
    }
  }
  return out;
}

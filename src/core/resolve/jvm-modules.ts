// A JVM module as the workspace holds it: the nearest folder above a source file with a build file (Maven pom.xml,
// Gradle build.gradle / build.gradle.kts), its build texts, and its Java / Kotlin sources. A module's sources are
// walked only when a question needs every file of it (which interfaces are LangChain4j AI services, where they are
// built), bounded, through the resolver's folder listing. Pure: asks WorkspaceFiles, reads no disk.
import type { WorkspaceFiles } from './files';
import { ancestors, dirname, join, normalize } from './files';

export const BUILD_FILES = ['pom.xml', 'build.gradle', 'build.gradle.kts'];
/** Folders looked at above a source file for its build file. */
const UP = 14;
/** Source files and folders a module walk reads at most. */
const MAX_FILES = 3000;
const MAX_FOLDERS = 2000;
/** Build output and tool folders right under a module, never sources. */
const OUTPUT = new Set(['target', 'build', 'out', 'bin', 'node_modules']);

/** The folders above `file` that hold a build file, nearest first, with the build file's path. */
export function buildFilesAbove(files: WorkspaceFiles, file: string, most = 3): { dir: string; file: string }[] {
  const out: { dir: string; file: string }[] = [];
  for (const a of ancestors(dirname(normalize(file)), UP)) {
    const names = files.list(a);
    const n = names && BUILD_FILES.find((b) => names.includes(b));
    if (n) out.push({ dir: a, file: join(a, n) });
    if (out.length >= most) break;
  }
  return out;
}

/** The Gradle build's root above `dir`: the nearest folder holding settings.gradle(.kts), whose gradle.properties
 * every project of the build reads (Gradle user manual, "Build Environment": the project root's gradle.properties). */
export function gradleRoot(files: WorkspaceFiles, dir: string): string | undefined {
  return ancestors(dir, UP).find((a) => (files.list(a) ?? []).some((n) => SETTINGS.includes(n)));
}

/** The module of a Java / Kotlin file: the nearest folder above it with a build file, or undefined. */
export function jvmModule(files: WorkspaceFiles, file: string): string | undefined {
  return buildFilesAbove(files, file, 1)[0]?.dir;
}

/** The `.java` and `.kt` files of a module (hidden folders, build output and nested modules left out), bounded;
 * empty when the resolver cannot list folders. */
export function jvmModuleSources(files: WorkspaceFiles, root: string): string[] {
  if (!files.folders) return [];
  const out: string[] = [];
  const todo = [root];
  for (let seen = 0; todo.length && seen < MAX_FOLDERS && out.length < MAX_FILES; seen++) {
    const dir = todo.pop()!;
    const names = files.list(dir) ?? [];
    // Another module below this one is its own (its sources are walked when a file of it asks).
    if (dir !== root && names.some((n) => BUILD_FILES.includes(n))) continue;
    for (const n of names) if (n.endsWith('.java') || n.endsWith('.kt')) out.push(join(dir, n));
    for (const f of files.folders(dir) ?? []) {
      if (f.startsWith('.') || (dir === root && OUTPUT.has(f)) || f === 'node_modules') continue;
      todo.push(join(dir, f));
    }
  }
  return out.slice(0, MAX_FILES);
}

/** Gradle project dependencies a module's build file names, at most; the build's settings file looked for above. */
const MAX_DEPS = 16;
const SETTINGS = ['settings.gradle', 'settings.gradle.kts'];
const PROJECT_DEP = /\bproject\s*\(\s*(?:path\s*[:=]\s*)?["']:([\w.:-]{1,200})["']/g;

/**
 * The folders of the Gradle modules that the build file of module `root` depends on, `implementation(project(":core-
 * network"))` (also `api`, `project(path: ":a:b")`): a project path's parts are folders under the build's root, the
 * nearest folder above holding settings.gradle(.kts), else the module's parent. Gradle user manual, "Structuring
 * projects with Gradle" / "Declaring dependencies between subprojects": `implementation(project(":shared"))`, and a
 * project's folder is by default its path under the root build. A folder without a build file is left out, as
 * jvmModule would not take it for a module.
 */
export function gradleProjectDeps(files: WorkspaceFiles, root: string): string[] {
  const names = files.list(root) ?? [];
  const build = ['build.gradle.kts', 'build.gradle'].find((b) => names.includes(b));
  const text = build && files.read(join(root, build));
  if (!text || !text.includes('project')) return [];
  const top = ancestors(root, UP).find((a) => (files.list(a) ?? []).some((n) => SETTINGS.includes(n))) ?? dirname(root);
  const out: string[] = [];
  for (const m of text.matchAll(PROJECT_DEP)) {
    const dir = join(top, m[1].split(':').filter(Boolean).join('/'));
    if (dir === root || out.includes(dir) || !(files.list(dir) ?? []).some((n) => BUILD_FILES.includes(n))) continue;
    out.push(dir);
    if (out.length >= MAX_DEPS) break;
  }
  return out;
}


/** Modules a settings file includes, read at most. */
const MAX_INCLUDES = 64;
const INCLUDE = /\binclude[ \t(]*((?:["']:?[\w.:-]{1,200}["'][\s,]*){1,32})/g;
const INCLUDED = /["']:?([\w.:-]{1,200})["']/g;

/**
 * The Gradle modules of the build that depend on module `root` (`implementation(project(":core-data"))` in
 * feature-chat/build.gradle.kts, skydoves/chatgpt-android): the settings file's `include(":a", ":b")` entries whose
 * build file names `root` (gradleProjectDeps), or names no project at all: its project dependencies then come from a
 * convention plugin (skydoves' `id("skydoves.android.feature")` in build-logic adds the core modules), at most
 * MAX_DEPS. Gradle user manual, "Declaring dependencies between subprojects", "Sharing build logic between subprojects".
 */
export function gradleDependents(files: WorkspaceFiles, root: string): string[] {
  const top = ancestors(root, UP).find((a) => (files.list(a) ?? []).some((n) => SETTINGS.includes(n)));
  if (top === undefined) return [];
  const name = SETTINGS.find((n) => (files.list(top) ?? []).includes(n))!;
  const text = files.read(join(top, name)) ?? '';
  const out: string[] = [];
  let n = 0;
  for (const m of text.matchAll(INCLUDE)) {
    for (const p of m[1].matchAll(INCLUDED)) {
      if (++n > MAX_INCLUDES) return out;
      const dir = join(top, p[1].split(':').filter(Boolean).join('/'));
      if (dir !== root && !out.includes(dir) && dependsOn(files, dir, root)) out.push(dir);
      if (out.length >= MAX_DEPS) return out;
    }
  }
  return out;
}

/** Module `dir` depends on `root` by its build file, or may through a convention plugin (its build file names no project). */
function dependsOn(files: WorkspaceFiles, dir: string, root: string): boolean {
  const names = files.list(dir) ?? [];
  const build = ['build.gradle.kts', 'build.gradle'].find((b) => names.includes(b));
  const text = build && files.read(join(dir, build));
  if (!text) return false;
  return !/\bproject\s*\(/.test(text) ? /\bid\s*\(/.test(text) : gradleProjectDeps(files, dir).includes(root);
}

/**
 * The Maven modules of the reactor that depend on module `root`, directly or through one another (ai-core ← chat-core
 * ← chat-server, AsihanBit/langchain4j-ai-assistant, held58 A1): the parent pom's `<module>` folders whose pom names
 * root's artifactId in its `<dependencies>` (Maven "Guide to Working with Multiple Modules": a module's dependencies on
 * its siblings are by artifactId), nearest first, at most MAX_DEPS.
 */
export function mavenDependents(files: WorkspaceFiles, root: string): string[] {
  const own = artifactId(files.read(join(root, 'pom.xml')));
  const parent = dirname(root);
  const modules = [...(ownPom(files.read(join(parent, 'pom.xml'))) ?? '').matchAll(/<module>\s*([\w.-]{1,200})\s*<\/module>/g)].map((m) => join(parent, m[1])).slice(0, MAX_INCLUDES);
  if (!own || !modules.includes(root)) return [];
  const deps = new Map(modules.map((d) => [d, dependencyIds(ownPom(files.read(join(d, 'pom.xml'))))]));
  const ids = new Map(modules.map((d) => [artifactId(files.read(join(d, 'pom.xml'))), d]));
  const out: string[] = [];
  const todo = [own];
  while (todo.length && out.length < MAX_DEPS) {
    const id = todo.shift()!;
    for (const [d, list] of deps) {
      if (d === root || out.includes(d) || !list.includes(id)) continue;
      out.push(d);
      const next = [...ids].find(([, dir]) => dir === d)?.[0];
      if (next) todo.push(next);
    }
  }
  return out.slice(0, MAX_DEPS);
}

/**
 * The Maven modules of the reactor that module `root` depends on, directly or through one another (chat-server →
 * chat-core → ai-core): sibling `<module>` folders whose artifactId root's `<dependencies>` name, at most MAX_DEPS.
 */
export function mavenDependencies(files: WorkspaceFiles, root: string): string[] {
  const parent = dirname(root);
  const modules = [...(ownPom(files.read(join(parent, 'pom.xml'))) ?? '').matchAll(/<module>\s*([\w.-]{1,200})\s*<\/module>/g)].map((m) => join(parent, m[1])).slice(0, MAX_INCLUDES);
  if (!modules.includes(root)) return [];
  const ids = new Map(modules.map((d) => [artifactId(files.read(join(d, 'pom.xml'))), d]));
  const out: string[] = [];
  const todo = [root];
  while (todo.length && out.length < MAX_DEPS) {
    for (const id of dependencyIds(ownPom(files.read(join(todo.shift()!, 'pom.xml'))))) {
      const d = ids.get(id);
      if (!d || d === root || out.includes(d)) continue;
      out.push(d);
      todo.push(d);
    }
  }
  return out.slice(0, MAX_DEPS);
}

/** A pom without its `<parent>` and `<dependencyManagement>` blocks (their artifactIds are not the module's own). */
function ownPom(text: string | undefined): string | undefined {
  return text?.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, '').replace(/<!--[\s\S]*?-->/g, '');
}

/** The module's own artifactId: the first one outside `<parent>`. */
function artifactId(text: string | undefined): string | undefined {
  return /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/.exec(ownPom(text) ?? '')?.[1];
}

/** The artifactIds a pom's `<dependencies>` name. */
function dependencyIds(text: string | undefined): string[] {
  const block = /<dependencies>([\s\S]*?)<\/dependencies>/.exec(text ?? '')?.[1] ?? '';
  return [...block.matchAll(/<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g)].map((m) => m[1]);
}

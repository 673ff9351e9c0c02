// What interactive-members.ts reads of a workspace member's manifest: the names other members depend on it by, the
// members it depends on, and the libraries / project SDK it uses. Plain string scans, one pass over each line.
import { basename, join } from '../resolve/files';

export interface Manifest {
  /** What other members name this one by: its folder, and its Cargo package name or its project file's name. */
  names: string[];
  /** What this member names of the others: dependency names and folders, project files' names. */
  refs: string[];
  /** Lower-cased: its dependencies (crates, NuGet packages) and its project SDK. */
  uses: string[];
  /** A Cargo workspace's `members` entries (folders, or `dir/*`). */
  members?: string[];
}

/** Cargo's names: lower case, `_` as `-` (crates.io takes them as the same name). */
const crateName = (s: string) => s.toLowerCase().split('_').join('-');

/** `"x"` or `'x'` or `x`, without its quotes. */
function unquote(s: string): string {
  const q = s[0];
  if ((q === '"' || q === "'") && s.length > 1) {
    const end = s.indexOf(q, 1);
    return end < 0 ? s.slice(1) : s.slice(1, end);
  }
  return s;
}

/** The quoted strings of `s` in order (a TOML array's). */
function quoted(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const q = s[i];
    if (q !== '"' && q !== "'") continue;
    const end = s.indexOf(q, i + 1);
    if (end < 0) break;
    out.push(s.slice(i + 1, end));
    i = end;
  }
  return out;
}

/** The string value of `key` in an inline table (`{ path = "../x", version = "1" }`). */
function inlineString(s: string, key: string): string | undefined {
  for (let i = s.indexOf(key); i >= 0; i = s.indexOf(key, i + 1)) {
    const before = s[i - 1];
    if (before !== undefined && before !== '{' && before !== ',' && before !== ' ' && before !== '\t') continue;
    let j = i + key.length;
    while (s[j] === ' ' || s[j] === '\t') j++;
    if (s[j] !== '=') continue;
    j++;
    while (s[j] === ' ' || s[j] === '\t') j++;
    return s[j] === '"' || s[j] === "'" ? unquote(s.slice(j)) : undefined;
  }
  return undefined;
}

/** `[dependencies]`, `[target.'cfg(unix)'.dependencies]`; not dev-, build- or `[workspace.dependencies]` (a list the
 * members draw from, not the root's own). */
const isDependencies = (section: string) => section === 'dependencies' || (section.endsWith('.dependencies') && !section.startsWith('workspace'));

/** A Cargo.toml in the folder `dir`. */
export function cargoManifest(text: string, dir: string): Manifest {
  const m: Manifest = { names: [dir], refs: [], uses: [] };
  let section = '';
  /** `[dependencies.name]`: the table of one dependency. */
  let table: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line[0] === '#') continue;
    if (line[0] === '[') {
      let a = 0;
      let b = line.lastIndexOf(']');
      while (line[a] === '[') a++;
      while (b > a && line[b - 1] === ']') b--;
      section = line.slice(a, b < 0 ? line.length : b).trim();
      const dot = section.lastIndexOf('.');
      table = dot > 0 && isDependencies(section.slice(0, dot)) ? crateName(unquote(section.slice(dot + 1))) : undefined;
      if (table) m.uses.push(table), m.refs.push(table);
      if (section === 'workspace') m.members ??= [];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = unquote(line.slice(0, eq).trim());
    const value = line.slice(eq + 1).trim();
    if (section === 'package' && key === 'name') m.names.push(crateName(unquote(value)));
    else if (section === 'workspace' && key === 'members') {
      let list = value;
      while (list.indexOf(']') < 0 && i + 1 < lines.length) list += '\n' + lines[++i];
      (m.members ??= []).push(...quoted(list.slice(0, list.indexOf(']') + 1 || undefined)));
    } else if (table) {
      if (key === 'path') m.refs.push(join(dir, unquote(value)));
      else if (key === 'package') m.uses.push(crateName(unquote(value))), m.refs.push(crateName(unquote(value)));
    } else if (isDependencies(section)) {
      const name = crateName(key.split('.')[0]);
      m.uses.push(name);
      m.refs.push(name);
      const path = inlineString(value, 'path');
      if (path !== undefined) m.refs.push(join(dir, path));
      const renamed = inlineString(value, 'package');
      if (renamed !== undefined) m.uses.push(crateName(renamed)), m.refs.push(crateName(renamed));
    }
  }
  return m;
}

/** The value of attribute `name` (lower case) in the tag that starts at `from`; `low` is `text` lower-cased. */
function attribute(text: string, low: string, from: number, name: string): string | undefined {
  const end = low.indexOf('>', from);
  const stop = end < 0 ? low.length : end;
  for (let i = low.indexOf(name, from); i >= 0 && i < stop; i = low.indexOf(name, i + 1)) {
    const before = low[i - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let j = i + name.length;
    while (low[j] === ' ') j++;
    if (low[j] !== '=') continue;
    j++;
    while (low[j] === ' ') j++;
    return low[j] === '"' || low[j] === "'" ? unquote(text.slice(j, stop)).trim() : undefined;
  }
  return undefined;
}

/** Each value of attribute `name` of the tags `<tag` (lower case) in XML, as written. */
function tagValues(text: string, tag: string, name: string): string[] {
  let low = text.toLowerCase();
  // A letter whose lower case is longer (İ) would shift every offset: look in the text as written.
  if (low.length !== text.length) low = text;
  const out: string[] = [];
  for (let i = low.indexOf(tag); i >= 0; i = low.indexOf(tag, i + tag.length)) {
    const v = attribute(text, low, i, name);
    if (v) out.push(v);
  }
  return out;
}

/** A .csproj (or .fsproj, .vbproj) at `file`: its SDK (`<Project Sdk="Microsoft.NET.Sdk.Web">`, `<Sdk Name="…">`,
 * a `/version` left off), its packages and the projects it references (by file name). */
export function csprojManifest(text: string, file: string): Manifest {
  const fileName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase();
  const sdks = [...tagValues(text, '<project', 'sdk'), ...tagValues(text, '<sdk', 'name')].map((s) => s.split('/')[0].trim());
  return {
    names: [basename(file).toLowerCase()],
    refs: tagValues(text, '<projectreference', 'include').map(fileName),
    uses: [...sdks, ...tagValues(text, '<packagereference', 'include')].map((u) => u.toLowerCase()),
  };
}

/** The project files a solution lists, relative to its folder: .sln `Project("{…}") = "Name", "src\Name\Name.csproj",
 * "{…}"` lines, .slnx `<Project Path="src/Name/Name.csproj" />`. */
export function slnProjects(text: string, xml: boolean): string[] {
  const isProject = (p: string) => /\.(?:cs|fs|vb)proj$/i.test(p);
  if (xml) return tagValues(text, '<project', 'path').filter(isProject);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trimStart().startsWith('Project(')) continue;
    const path = line.split('"')[5];
    if (path && isProject(path.trim())) out.push(path.trim());
  }
  return out;
}

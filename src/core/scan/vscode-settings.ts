// A VS Code extension's own settings: `vscode.workspace.getConfiguration('gitmsg').get('openai.model')` (or
// `.get<string>('model', 'gpt-4o')`) is the user's setting at run time, else the default the extension declares in its
// package.json (`contributes.configuration.properties["gitmsg.openai.model"].default`): VS Code's configuration "is a
// merged view of Default configuration, Global configuration, Workspace configuration …" and `get(section,
// defaultValue)` returns defaultValue only "when no value could be found" (microsoft/vscode src/vscode-dts/vscode.d.ts,
// interface WorkspaceConfiguration), so a declared default wins over get's second argument. The default is priced and
// named as a setting default, with package.json's line as its source (held46: Wajih-Wanis/mm-commit-gen extension.js).
// package.json is read through the resolver, one key path at a time (json-path.ts), never whole.
import { importsOf } from './imported';
import { jsonLookup } from '../resolve/json-path';
import { ancestors, dirname, join } from '../resolve/files';
import type { EvalScope, Value } from './value';

/** `workspace.getConfiguration(section)`: the settings under `section` ('' for all). */
export interface SettingsObj {
  kind: 'vscode-settings';
  /** The file that asked: its nearest package.json declares the extension's settings. */
  scope: EvalScope;
  section: string;
  /** Settings read as members (`config.aiModel`), not by `get`. */
  members?: true;
}

/** Arrays of configuration objects read at most (`"configuration": [{ "title": …, "properties": … }, …]`). */
const MAX_GROUPS = 40;

type Arg = (n: number) => Value | undefined;

/** `vscode.workspace.getConfiguration('x')` / `workspace.getConfiguration()` (the API's namespace, imported or not);
 * reactive-vscode's `defineConfigObject('x', defaults)`, whose members are `getConfiguration('x').get(member)`
 * (reactive-vscode src/core/defineConfigObject.ts: `workspaceConfig.get(key)` for each key of defaults). */
export function settingsRoot(s: EvalScope, names: string[], count: number, arg: Arg): Value | undefined {
  const n = names.length;
  if (s.syn.id !== 'javascript') return undefined;
  const api = n >= 2 && names[n - 1] === 'getConfiguration' && names[n - 2] === 'workspace' && count <= 2;
  const reactive = n === 1 && names[0] === 'defineConfigObject' && count >= 2 && importsOf(s).names.get(names[0])?.from === 'reactive-vscode';
  if (!api && !reactive) return undefined;
  const section = count ? arg(0) : { str: '' };
  if (section?.str === undefined || section.holes?.length) return undefined;
  return { obj: { kind: 'vscode-settings', scope: s, section: section.str, ...(reactive ? { members: true as const } : {}) } };
}

/** `settings.get('key')`, `settings.get('key', d)`: the declared default, else d, else a run-time value. */
export function settingsGet(s: EvalScope, obj: SettingsObj, fn: string, count: number, arg: Arg, dfltAt: number | undefined): Value | undefined {
  if (fn !== 'get' || obj.members || count < 1 || count > 2) return undefined;
  const key = arg(0);
  if (key?.str === undefined || key.holes?.length) return undefined;
  const full = obj.section ? `${obj.section}.${key.str}` : key.str;
  const declared = settingDefault(obj.scope, full);
  if (declared) return declared;
  const d = count === 2 ? arg(1) : undefined;
  if (d && d.runtime === undefined && !d.holes?.length && (d.str !== undefined || d.num !== undefined) && dfltAt !== undefined) {
    return { ...d, source: { file: s.file, offset: dfltAt, what: `default of setting ${full}`, fallback: true } };
  }
  return { runtime: `setting ${full}` };
}

/** reactive-vscode's `config.aiModel` on `defineConfigObject('commitgen', …)`: the setting `commitgen.aiModel`. */
export function settingsMember(obj: SettingsObj, name: string): Value | undefined {
  if (!obj.members || name.startsWith('$')) return undefined;
  const full = obj.section ? `${obj.section}.${name}` : name;
  return settingDefault(obj.scope, full) ?? { runtime: `setting ${full}` };
}

/** The `default` the nearest package.json above `file` declares for the setting `key`, if a string or number. */
function settingDefault(s: EvalScope, key: string): Value | undefined {
  const index = s.index;
  if (!index) return undefined;
  for (const dir of ancestors(dirname(s.file))) {
    if (!index.files.list(dir)?.includes('package.json')) continue;
    const pkg = join(dir, 'package.json');
    const text = index.text(pkg);
    if (text === undefined) return undefined;
    const groups = jsonLookup(text, ['contributes', 'configuration', '0'], true);
    // One configuration object, or an array of them.
    const paths = groups === undefined || groups === 'absent' ? [[]] : Array.from({ length: MAX_GROUPS }, (_, i) => [String(i)]);
    for (const g of paths) {
      const there = g.length ? jsonLookup(text, ['contributes', 'configuration', ...g], true) : undefined;
      if (g.length && (there === undefined || there === 'absent')) break;
      const hit = jsonLookup(text, ['contributes', 'configuration', ...g, 'properties', key, 'default'], true);
      if (hit === undefined || hit === 'absent' || hit.kind !== 'scalar') continue;
      if (typeof hit.value !== 'string' && typeof hit.value !== 'number') return undefined;
      const v: Value = { source: { file: pkg, offset: hit.start, what: `default of setting ${key} (package.json)`, fallback: true } };
      if (typeof hit.value === 'number') v.num = hit.value;
      else v.str = hit.value;
      v.lit = { span: { start: hit.start, end: hit.end }, quote: hit.quote, scope: { file: pkg } };
      return v;
    }
    return undefined; // the nearest package.json is the extension's: no other is read
  }
  return undefined;
}

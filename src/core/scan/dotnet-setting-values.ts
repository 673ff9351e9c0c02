// The value a .NET configuration object (dotnet-config.ts) holds at a key path: the project's appsettings*.json value
// (resolve/app-settings.ts says which file wins; a class library's hosts', host-projects.ts), with where it is written
// for the hover. Settings files hold secrets: only the key path the code reads is looked up.
import { appSetting, projectDir, type SettingHit } from '../resolve/app-settings';
import { settingsDirs } from '../resolve/host-projects';
import { basename, dirname } from '../resolve/files';
import type { ConfigObj } from './dotnet-config';
import type { Value } from './value';

export function settingValue(o: ConfigObj, path: string[], development = false): Value | undefined {
  const idx = o.scope.index;
  const dir = idx ? projectDir(idx.files, dirname(o.scope.file)) : undefined;
  if (!idx || dir === undefined || !path.length) return undefined;
  // A class library's settings are its hosts' (host-projects.ts): one value when every host that sets the key agrees.
  const hits = settingsDirs(idx.files, dir).map((d) => appSetting(idx.files, d, path, development)).filter((h) => h !== undefined);
  const hit = hits[0];
  if (!hit || hits.some((h) => h.value !== hit.value || !h.section !== !hit.section)) return undefined;
  if (hit.section) return { obj: { kind: 'config', scope: o.scope, path, section: true } };
  return fromHit(hit);
}

/** A value left for whoever deploys the app to fill in: `"{YOUR_GPT_MODEL}"` (u100s/NotAPidorBot appsettings.json,
 * held38 C10), `"<your-model>"`, `"${MODEL}"`, `"YOUR_API_KEY"`; one name, never a sentence (a prompt may start "Your
 * task…"). Never a model, a limit or a prompt: known at run time. */
const PLACEHOLDER = /^(\{[A-Za-z_][\w.:-]*\}|<[A-Za-z_][\w .:-]*>|\$\{[A-Za-z_][\w.:-]*\}|your[-_][\w-]*)$/i;

function fromHit(hit: SettingHit): Value {
  const base = basename(hit.file);
  if (typeof hit.value === 'string' && PLACEHOLDER.test(hit.value.trim())) return { runtime: `${hit.key} in ${base} (a placeholder, set at deployment)` };
  const what = `${hit.key} in ${base}${hit.development ? ' (Development environment only: none for production)' : ''}`;
  const source = { file: hit.file, offset: hit.start, what };
  const text = String(hit.value);
  const num = typeof hit.value === 'number' ? hit.value : /^\d+$/.test(text) ? Number(text) : undefined;
  const v: Value = { str: text, source, lit: { span: { start: hit.start, end: hit.end }, quote: hit.quote, scope: { file: hit.file } } };
  if (num !== undefined) v.num = num;
  // A developer's setting: a default written in code wins over it.
  if (hit.development) v.weak = true;
  return v;
}

// Values a JavaScript / TypeScript program takes from a JSON file of the workspace: `import config from
// "./config.json"` (with or without `with { type: "json" }`), `require("./config.json")`, and
// `JSON.parse(readFileSync(path))` with a path the code states. Members and subscripts walk the file's key path
// (`config.models.gemini.default.model`); only the keys asked for are read (json-path.ts), so secrets beside a model
// name are never decoded or kept. A key the object lacks is `unset`: `config.x ?? "d"` is then "d".
import { basename } from '../resolve/files';
import { jsonLookup, jsonWhole } from '../resolve/json-path';
import type { EvalScope, Value } from './value';

export { stringified } from './json-stringify';

/** A JSON file's object, or a member of it that is an object or array. */
export interface JsonObj {
  kind: 'json';
  /** The scope that read it (for the workspace's files). */
  scope: EvalScope;
  file: string;
  path: string[];
  /** Chosen by a key known only at run time: its text. */
  dynamic?: string;
  /** Where the key that chose this object came from, when it is a stated default (an env var can override it). */
  via?: string;
}

export const isJsonFile = (path: string) => /\.json$/i.test(path);

/** The whole JSON file at `file` (a workspace path), or undefined when it cannot be read or is not JSON. */
export function jsonFile(s: EvalScope, file: string): Value | undefined {
  const text = s.index?.text(file);
  if (text === undefined || !jsonWhole(text)) return undefined;
  return { obj: { kind: 'json', scope: s, file, path: [] } };
}

/** `JSON.parse(text)` where the text is a whole JSON file read at run time (file-reads.ts gave its text and path). */
export function parsedJson(s: EvalScope, read: Value | undefined): Value | undefined {
  const file = read?.source?.file;
  if (!file || !isJsonFile(file) || read.source?.offset !== 0 || read.str === undefined) return undefined;
  if (read.str !== s.index?.text(file)) return undefined;
  return jsonFile(s, file);
}

/** The member `name` of a JSON object: a scalar's value (its line named in the hover), a deeper object, or unset. */
export function jsonMember(o: JsonObj, name: string): Value | undefined {
  if (o.dynamic !== undefined) return { runtime: `${o.dynamic}.${name}`, missable: true };
  const text = o.scope.index?.text(o.file);
  if (text === undefined) return undefined;
  const path = [...o.path, name];
  const hit = jsonLookup(text, path, true);
  const key = path.join('.');
  if (hit === undefined) return undefined;
  if (hit === 'absent') return { runtime: key, unset: true };
  if (hit.kind === 'object') return { obj: { ...o, path } };
  // `null` is no model, limit or prompt; a boolean neither.
  if (hit.value === null || typeof hit.value === 'boolean') return { runtime: key };
  const what = `${key} in ${basename(o.file)}${o.via ? ` (${o.via})` : ''}`;
  const v: Value = { source: { file: o.file, offset: hit.start, what }, lit: { span: { start: hit.start, end: hit.end }, quote: hit.quote, scope: { file: o.file } } };
  if (typeof hit.value === 'number') v.num = hit.value;
  else v.str = hit.value;
  if (o.via) v.fallback = true;
  return v;
}

/** `config[key]`: the member the key names; a key the code states as a default (`process.env.P || "gemini"`) is
 * named in what the member's value says. A key known only at run time: undefined. */
export function jsonIndex(o: JsonObj, key: Value | undefined): Value | undefined {
  const k = key?.str ?? (key?.num !== undefined ? String(key.num) : undefined);
  // A key known only at run time (`tools[name]` with no name given): each member read of it is that too, and
  // `tools[name].model ?? d` is not d but either (absent.ts lookupOr).
  if (key?.runtime !== undefined) return { obj: { ...o, dynamic: key.runtime } };
  if (k === undefined || key?.holes?.length) return undefined;
  const stated = key?.fallback && key.source ? key.source.what : undefined;
  return jsonMember(stated && !o.via ? { ...o, via: `key ${k}: ${stated}` } : o, k);
}

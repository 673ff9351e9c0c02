// One value of a settings file a Python program loads (`json.load`, `yaml.safe_load`, `tomllib.load`, a ConfigParser),
// by its key path, whatever the format: JSON through json-path.ts (only the asked member is decoded), YAML through the
// `yaml` package already in use for price sheets and prompt files, INI and TOML through flat-config.ts.
import type { Document } from 'yaml';
import { yaml } from '../util/lazy-yaml';
import { jsonAt } from './json-path';
import { iniAt, tomlAt, type ConfigHit } from './flat-config';

export type { ConfigHit } from './flat-config';
export type ConfigFormat = 'json' | 'yaml' | 'toml' | 'ini';

/** A YAML file larger than this is not parsed (a settings file is a few KB; parsing is not linear in the worst case). */
const MAX_YAML = 256 * 1024;
/** Parsed YAML files kept (one run asks the same file once per key). */
const MAX_PARSED = 16;

const parsed = new Map<string, { text: string; doc: Document | undefined }>();

export function configAt(file: string, text: string, format: ConfigFormat, path: string[]): ConfigHit | undefined {
  if (format === 'ini') return iniAt(text, path);
  if (format === 'toml') return tomlAt(text, path);
  if (format === 'json') {
    const hit = jsonAt(text, path, true);
    if (!hit) return undefined;
    if (hit.kind === 'object') return hit;
    return hit.value === null ? { kind: 'unread' } : { ...hit, value: hit.value };
  }
  return yamlAt(file, text, path);
}

/**
 * A part of a YAML or JSON settings file as compact JSON (what Ruby's `to_json` / Python's `json.dumps(…,
 * separators=(',', ':'))` send), or undefined when the file does not parse or has no such part.
 */
export function configJson(file: string, text: string, format: ConfigFormat, path: string[]): string | undefined {
  if (text.length > MAX_YAML) return undefined;
  if (format === 'json') {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return undefined;
    }
    for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return v === undefined ? undefined : JSON.stringify(v);
  }
  if (format !== 'yaml') return undefined;
  const doc = yamlDoc(file, text);
  const node = doc && (path.length ? doc.getIn(path, true) : doc.contents);
  if (node === undefined || node === null) return undefined;
  const v: unknown = typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
  return v === undefined ? undefined : JSON.stringify(v);
}

function yamlDoc(file: string, text: string): Document | undefined {
  let entry = parsed.get(file);
  if (!entry || entry.text !== text) {
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
    let doc: Document | undefined;
    try {
      doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: false });
      if (doc.errors.length) doc = undefined;
    } catch {
      doc = undefined;
    }
    parsed.set(file, (entry = { text, doc }));
  }
  return entry.doc;
}

function yamlAt(file: string, text: string, path: string[]): ConfigHit | undefined {
  if (text.length > MAX_YAML) return undefined;
  const doc = yamlDoc(file, text);
  if (!doc) return undefined;
  const { isMap, isScalar, isSeq } = yaml();
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (node === undefined || node === null) return undefined;
  if (isMap(node) || isSeq(node)) return { kind: 'object' };
  if (!isScalar(node)) return { kind: 'unread' };
  const v = node.value;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return { kind: 'unread' };
  const [a, b] = node.range ?? [0, 0];
  const q = text[a] === '"' || text[a] === "'" ? text[a] : undefined;
  return { kind: 'scalar', value: v, start: q ? a + 1 : a, end: q ? b - 1 : b, ...(q ? { quote: q } : {}) };
}

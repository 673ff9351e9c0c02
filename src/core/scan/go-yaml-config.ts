// Go settings kept in a YAML file the program loads into a struct: `ReplyPrompt string \`mapstructure:"reply_prompt"\``
// filled by spf13/viper's `v.Unmarshal(&conf)` after `ReadInConfig` (viper decodes with mapstructure; its README,
// "Unmarshaling": "viper uses github.com/go-viper/mapstructure under the hood"), or `APIURL string \`yaml:"apiUrl"\``
// filled by `yaml.Unmarshal(data, &conf)` (gopkg.in/yaml.v3: "the field name lowercased" unless the `yaml` tag names
// the key). When the code gives the field no value of its own (go-config.ts goTypeField), the value is the key's at
// the top level of the module's YAML files, when every file that sets it agrees, named with its file; the module
// must require the loader (go.mod) and a key that names a secret is never read. Which file is loaded is decided at
// run time, so a key set to two values is left to run time.
import { basename, dirname, join } from '../resolve/files';
import { configAt } from '../resolve/config-files';
import type { ValueIndex } from '../resolve/value-index';
import { goModule } from './go-importers';
import { goPackageFiles } from '../resolve/modules';
import { isSecretKey } from './config-loads';
import { fieldAt, structDecl } from './go-tags';
import type { EvalScope, Value } from './value';

/** YAML files of a module read, and how deep below its root. */
const MAX_FILES = 60;
const MAX_DEPTH = 4;
/** Folders that hold no settings of the program (vendored copies, test data, tools' output). */
const SKIP = new Set(['vendor', 'testdata', 'node_modules']);
/** The struct tag keys a loader of the module reads, and the module path that loader is required by. */
const LOADERS: [tag: string, modules: string[]][] = [
  ['mapstructure', ['github.com/spf13/viper']],
  ['yaml', ['gopkg.in/yaml.', 'github.com/goccy/go-yaml', 'sigs.k8s.io/yaml']],
];

/** The field `field` of struct `type` (declared in `dir`) from the module's YAML files, or undefined. */
export function goYamlField(from: EvalScope, dir: string, type: string, field: string, shown: string): Value | undefined {
  const idx = from.index;
  const mod = idx && goModule(idx.files, dir);
  if (!idx || !mod) return undefined;
  const body = structDecl(from, dir, type, undefined);
  const f = body && fieldAt(body, field);
  if (!body || !f?.tag) return undefined;
  const requires = idx.files.read(join(mod.root, 'go.mod')) ?? '';
  const raw = body.s.text.slice(f.tag.start, f.tag.end);
  const tag = LOADERS.find(([t, mods]) => mods.some((m) => requires.includes(m)) && tagKey(raw, t))?.[0];
  const key = tag && tagKey(raw, tag);
  if (!tag || !key || isSecretKey(key)) return undefined;
  // `s.Config.APIUrl` with Config a `*config.OpenAIConfig`: the key under the tag of the one field of that type
  // (`OpenAIConfig OpenAIConfig \`yaml:"openai"\``, tomstirling19/bamboo internal/config) when not at the top.
  const parent = () => parentKey(idx, dir, type, tag);
  const v = yamlValue(idx, mod.root, [key], shown) ?? (parent() ? yamlValue(idx, mod.root, [parent()!, key], shown) : undefined);
  if (v) body.s.read?.push({ start: f.tag.start, end: f.tag.end });
  return v;
}

/** Package files searched for the field that holds a struct type. */
const MAX_PARENT_FILES = 40;
/** A struct field's line: its name, its (pointer) type and its tag (`OpenAIConfig *OpenAIConfig \`yaml:"openai"\``). */
const FIELD_LINE = /^[ \t]*[A-Za-z_]\w*[ \t]+\*?([A-Za-z_]\w*)[ \t]+(`[^`\n]*`)/;

/** The key the `tag` of the one field of type `type` (or `*type`) in the package at `dir` names; else undefined. */
function parentKey(idx: ValueIndex, dir: string, type: string, tag: string): string | undefined {
  return idx.memo(dir, `go.yaml-parent:${type}:${tag}`, () => {
    const keys: string[] = [];
    for (const file of goPackageFiles(idx.files, dir).slice(0, MAX_PARENT_FILES)) {
      const text = idx.files.read(file);
      if (!text?.includes(type)) continue;
      for (const line of text.split('\n')) {
        const m = line.includes(type) ? FIELD_LINE.exec(line) : null;
        if (m && m[1] === type) keys.push(tagKey(m[2], tag) ?? '');
      }
    }
    return keys.length === 1 && keys[0] && !isSecretKey(keys[0]) ? keys[0] : undefined;
  });
}

/**
 * `cfg.OpenAI.Model` whose fields are nested structs, each tagged (`OpenAI struct { Model string \`yaml:"model"\` }
 * \`yaml:"openai"\``, held40 C16 maher-naija-pro/go_cli_ai): the key path the tags name (`openai.model`) in the
 * module's YAML files, as for one field above. `tags` are the raw tags of the chain's fields, outermost first.
 */
export function goYamlChain(from: EvalScope, file: string, tags: string[], shown: string): Value | undefined {
  const idx = from.index;
  const mod = idx && goModule(idx.files, dirname(file));
  if (!idx || !mod) return undefined;
  const requires = idx.files.read(join(mod.root, 'go.mod')) ?? '';
  const tag = LOADERS.find(([t, mods]) => mods.some((m) => requires.includes(m)) && tagKey(tags[0], t))?.[0];
  const path = tag ? tags.map((raw) => tagKey(raw, tag)) : [];
  if (!tag || path.some((k) => !k || isSecretKey(k))) return undefined;
  return yamlValue(idx, mod.root, path as string[], shown);
}

/**
 * The scalar at key `path` in the module's YAML files (those `only` keeps, when given), when every file that sets it
 * agrees, named with its file.
 */
export function yamlValue(idx: ValueIndex, root: string, path: string[], shown: string, only?: (file: string) => boolean): Value | undefined {
  const key = path[path.length - 1];
  const hits: { value: string | number; file: string; start: number }[] = [];
  for (const file of idx.memo(root, 'go.yaml-files', () => yamlFiles(idx, root))) {
    if (only && !only(file)) continue;
    const text = idx.files.read(file);
    if (text === undefined || !text.includes(key)) continue;
    const hit = configAt(file, text, 'yaml', path);
    if (!hit) continue;
    if (hit.kind !== 'scalar' || typeof hit.value === 'boolean') return undefined;
    hits.push({ value: hit.value, file, start: hit.start });
  }
  if (!hits.length || hits.some((h) => h.value !== hits[0].value)) return undefined;
  const h = hits[0];
  const what = `${path.join('.')} in ${basename(h.file)}, loaded into ${shown}` +
    ' (another file or the environment can set another at run time)';
  const source = { file: h.file, offset: h.start, what };
  return typeof h.value === 'string' ? { str: h.value, source } : { num: h.value, source };
}

/** The key a struct tag names for `tag` (`mapstructure:"reply_prompt,omitempty"` → reply_prompt); none for `-`. */
function tagKey(raw: string, tag: string): string | undefined {
  const at = raw.indexOf(`${tag}:"`);
  if (at < 0 || (at > 0 && raw[at - 1] !== '`' && raw[at - 1] !== ' ')) return undefined;
  const start = at + tag.length + 2;
  const end = raw.indexOf('"', start);
  const key = end < 0 ? '' : raw.slice(start, end).split(',')[0];
  return key && key !== '-' ? key : undefined;
}

function yamlFiles(idx: ValueIndex, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const n of idx.files.list(dir) ?? []) {
      if ((n.endsWith('.yaml') || n.endsWith('.yml')) && out.length < MAX_FILES) out.push(join(dir, n));
    }
    if (depth >= MAX_DEPTH) return;
    for (const sub of idx.files.folders?.(dir) ?? []) {
      if (out.length < MAX_FILES && !sub.startsWith('.') && !SKIP.has(sub)) walk(join(dir, sub), depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

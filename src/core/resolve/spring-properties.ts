// Spring Boot configuration files: the values a Spring AI starter binds its chat options from when the code names none
// (`spring.ai.openai.chat.options.model=gpt-4o`). The module's application.properties, then application.yml/.yaml, in
// src/main/resources beside the source folder (their `.example` copies when none is there). Keys compare in Spring's
// relaxed form (lower case, `-` and `_` dropped: `max-tokens` = `maxTokens`), per
// docs.spring.io/spring-boot/reference/features/external-config.html ("Relaxed Binding"); `${ENV:default}` gives its
// default, `${ENV}` alone is known only at run time. Only the asked keys are returned; nothing else of these files is
// kept, shown or sent.
import type { WorkspaceFiles } from './files';
import { ancestors, join } from './files';
import { yaml } from '../util/lazy-yaml';
import { jvmModule, mavenDependents } from './jvm-modules';

/** Folders above a source file searched for `src/main/resources`. */
const UP = 14;
const NAMES = ['application.properties', 'application.yml', 'application.yaml'];
/** The copies a repository keeps when the real file is git-ignored (s1zyy/telegram-gpt-bot src/main/resources/
 * application.properties.example): read only when no real one is there; the hover names the file a value came from. */
const EXAMPLES = NAMES.map((n) => n + '.example');

export interface PropertyHit {
  file: string;
  /** The key as written. */
  key: string;
  /** The value, a placeholder's default taken. */
  value: string;
  /** Offsets of the value in `file`. */
  start: number;
  end: number;
  /** Set to a placeholder with no default (`${AZURE_DEPLOYMENT}`): known only at run time (value ''). */
  runtime?: true;
}

/** `max-tokens`, `maxTokens`, `max_tokens` → `maxtokens`. */
export const relaxed = (k: string) => k.toLowerCase().replace(/[-_]/g, '');

/** Every property of the module's configuration whose relaxed key `wanted` accepts, first file first; with `unset`,
 * also those set only at run time (`${ENV}`). With `profiles` (a bean's `@Profile("p")`), `application-p.properties`
 * (.yml, .yaml) beside them comes first and hides the base files' same keys: "profile-specific files always override
 * the non-specific ones" (docs.spring.io/spring-boot/reference/features/external-config.html, "Profile Specific Files"). */
export function springProperties(files: WorkspaceFiles, dir: string, wanted: (key: string) => boolean, unset = false, profiles: readonly string[] = []): PropertyHit[] {
  for (const a of ancestors(dir, UP)) {
    const hits = readResources(files, join(a, 'src', 'main', 'resources'), wanted, unset, profiles);
    if (hits) return hits;
  }
  // A library module of a multi-module build has no configuration of its own: the application module that depends on
  // it does, and its beans are made with that one's (AsihanBit/langchain4j-ai-assistant ai-core ← chat-server, held58
  // A1). Only when exactly one dependent module has configuration files: with several applications it is not known.
  const root = jvmModule(files, join(dir, '_'));
  if (!root || !(files.list(root) ?? []).includes('pom.xml')) return [];
  const apps = mavenDependents(files, root).filter((d) => configNames(files.list(join(d, 'src', 'main', 'resources'))));
  return apps.length === 1 ? readResources(files, join(apps[0], 'src', 'main', 'resources'), wanted, unset, profiles) ?? [] : [];
}

/** Does a resources folder hold an application configuration (or only its `.example` copy)? */
const configNames = (names: string[] | undefined) => !!names && names.some((n) => NAMES.includes(n) || EXAMPLES.includes(n));

/** The asked properties of one resources folder (springProperties); undefined when it holds no configuration. */
function readResources(files: WorkspaceFiles, res: string, wanted: (key: string) => boolean, unset: boolean, profiles: readonly string[]): PropertyHit[] | undefined {
  const names = files.list(res);
  if (!names) return undefined;
  const real = names.some((n) => NAMES.includes(n));
  const own = profiles.flatMap((p) => NAMES.map((n) => n.replace('application', `application-${p}`))).filter((n) => names.includes(n));
  if (!real && !own.length && !names.some((n) => EXAMPLES.includes(n))) return undefined;
  const out: PropertyHit[] = [];
  const set = new Set<string>();
  for (const n of [...own, ...(real ? NAMES : EXAMPLES)]) {
    if (!names.includes(n)) continue;
    const file = join(res, n);
    const text = files.read(file);
    if (text === undefined) continue;
    const all = n.replace(/\.example$/, '').endsWith('.properties') ? properties(text) : yamlProperties(text);
    const base = !own.includes(n);
    for (const p of all) {
      const k = relaxed(p.key);
      if (!wanted(k) || (base && set.has(k))) continue;
      if (!base) set.add(k);
      const v = placeholder(p.value);
      // The span is the default's, so an edit keeps the placeholder (`${CHAT_MODEL:gpt-4o}`).
      if (v) out.push({ file, key: p.key, value: v.value, start: p.start + v.at, end: p.start + v.at + v.value.length });
      else if (unset) out.push({ file, key: p.key, value: '', start: p.start, end: p.end, runtime: true });
    }
  }
  return out;
}

/**
 * `${key}` or `${key:fallback}`, whose fallback may be a placeholder itself (`${A:${B:d}}`, Spring's
 * PlaceholderParser resolves it in turn): the key, the fallback as written and its offset in `v`; undefined when `v`
 * is not one placeholder with balanced braces (`${A}${B}`, plain text).
 */
export function splitPlaceholder(v: string): { key: string; fallback?: string; at: number } | undefined {
  if (!v.startsWith('${') || !v.endsWith('}')) return undefined;
  let depth = 0;
  let colon = -1;
  for (let i = 2; i < v.length - 1; i++) {
    const c = v[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return undefined;
    else if (c === ':' && depth === 0 && colon < 0) colon = i;
  }
  if (depth !== 0) return undefined;
  return colon < 0 ? { key: v.slice(2, -1).trim(), at: v.length - 1 } : { key: v.slice(2, colon).trim(), fallback: v.slice(colon + 1, -1), at: colon + 1 };
}

/**
 * `${AZURE_DEPLOYMENT:chat}` → `chat` (at its offset), `${A:${B:chat}}` → `chat`; `${AZURE_DEPLOYMENT}` or
 * `${A:${B}}` → undefined (run time); a plain value as it is.
 */
function placeholder(v: string): { value: string; at: number } | undefined {
  let cur = v;
  let at = 0;
  for (let hop = 0; hop < 4; hop++) {
    const p = splitPlaceholder(cur);
    if (!p) return cur && !cur.includes('${') ? { value: cur, at } : undefined;
    const d = p.fallback?.trim();
    if (!d) return undefined;
    at += p.at + p.fallback!.indexOf(d);
    cur = d;
  }
  return undefined;
}

type Raw = { key: string; value: string; start: number; end: number };

/** `key=value`, `key: value`, `key value` lines of a .properties file (comments `#`, `!`; no continuations). Read by
 * hand, one pass a line: no regular expression to backtrack on a long line. */
function properties(text: string): Raw[] {
  const out: Raw[] = [];
  const blank = (ch: string) => ch === ' ' || ch === '\t' || ch === '\f' || ch === '\r';
  let at = 0;
  for (const line of text.split('\n')) {
    const base = at;
    at += line.length + 1;
    let i = 0;
    while (i < line.length && blank(line[i])) i++;
    if (i === line.length || line[i] === '#' || line[i] === '!') continue;
    const k0 = i;
    while (i < line.length && line[i] !== '=' && line[i] !== ':' && !blank(line[i])) i++;
    const key = line.slice(k0, i);
    while (i < line.length && blank(line[i])) i++;
    if (line[i] === '=' || line[i] === ':') i++;
    while (i < line.length && blank(line[i])) i++;
    let e = line.length;
    while (e > i && blank(line[e - 1])) e--;
    if (key) out.push({ key, value: line.slice(i, e), start: base + i, end: base + e });
  }
  return out;
}

/** The scalar leaves of a YAML file as dotted keys (`spring: ai: openai: …` → `spring.ai.openai…`). */
function yamlProperties(text: string): Raw[] {
  const { parseDocument, isMap, isScalar, isPair } = yaml();
  const out: Raw[] = [];
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return out;
  }
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (depth > 16 || !isMap(node)) return;
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = prefix + String(item.key.value);
      if (isScalar(item.value) && item.value.range && item.value.value !== null) {
        // A quoted scalar's range starts at its quote: the value's own text is one character in (yaml Scalar.type).
        const q = item.value.type === 'QUOTE_DOUBLE' || item.value.type === 'QUOTE_SINGLE' ? 1 : 0;
        const start = item.value.range[0] + q;
        out.push({ key, value: String(item.value.value), start, end: q ? start + String(item.value.value).length : item.value.range[1] });
      } else walk(item.value, key + '.', depth + 1);
    }
  };
  walk(doc.contents, '', 0);
  return out;
}

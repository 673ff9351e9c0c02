// Spring's `@Value("${key:default}")` on a field or parameter: the key's value in the module's configuration, else
// the stated default (moved out of lookup.ts, which reads a binding's value through it).
import type { Binding } from './scope';
import type { EvalScope, Value } from './value';
import { relaxed, splitPlaceholder, springProperties } from '../resolve/spring-properties';
import { basename, dirname } from '../resolve/files';
import { readPromptFile } from './file-reads';

/**
 * `@Value("${openai.model:gpt-4o}")`: the key's value in the module's application.properties / .yml when it sets the key
 * (only that key is taken), else the default after the key (a number when it is one); neither: run time. Spring resolves
 * the key first and falls back to the default only when the key is unresolvable (spring-framework spring-core
 * PlaceholderParser.java, SimplePlaceholderPart.resolve: `resolveToText(key)`, then `fallback`). A key set to `${ENV}`
 * with no default is known at run time whatever the annotation's default says; `${ENV:d}` gives d.
 */
export function springDefault(s: EvalScope, b: Binding, shown: string): Value {
  const tk = s.toks[b.value];
  // The annotation stands before the name it binds: the span runs from its `@Value(` to the name (an edit of the word
  // `Value` unmakes the binding).
  const at = s.toks[b.value - (s.toks[b.value - 2]?.v === '(' ? 4 : 3)] ?? tk;
  s.read?.push({ start: Math.min(at.start, s.toks[b.name].start), end: Math.max(tk.end, s.toks[b.name].end) });
  // `${A:${B:d}}`: A from the configuration, else B, else d (PlaceholderParser resolves a fallback in turn).
  let text = tk.v.trim();
  // `@Value("classpath:/prompts/system.st") Resource r`: the class-path resource (Spring Framework reference,
  // "Resources as Dependencies"), read as text where a prompt takes it (`defaultSystem(r)`, `system(r)`).
  const cp = /^classpath\*?:\/?([^$*?{}]+)$/.exec(text);
  if (cp) return readPromptFile(s, 'resource:' + cp[1]);
  for (let hop = 0; hop < 4; hop++) {
    const p = splitPlaceholder(text);
    if (!p) return { runtime: shown };
    const set = springProperty(s, p.key, shown);
    if (set) return set;
    if (!p.fallback) return { runtime: shown };
    if (!p.fallback.trimStart().startsWith('${')) {
      const source = { file: s.file, offset: tk.start, what: `default of property ${p.key}` };
      return /^\d+$/.test(p.fallback) ? { num: Number(p.fallback), source } : { str: p.fallback, source };
    }
    text = p.fallback.trim();
  }
  return { runtime: shown };
}

/** The key's value in the module's configuration; set to `${ENV}` with no default: run time; not set: undefined. */
function springProperty(s: EvalScope, key: string, shown: string): Value | undefined {
  const want = relaxed(key);
  const hit = s.index ? springProperties(s.index.files, dirname(s.file), (k) => k === want, true, activeProfiles(s))[0] : undefined;
  if (!hit) return undefined;
  if (hit.runtime) return { runtime: shown };
  const source = { file: hit.file, offset: hit.start, what: `${hit.key} in ${basename(hit.file)}` };
  const v: Value = { str: hit.value, source, lit: { span: { start: hit.start, end: hit.end }, scope: { file: hit.file } } };
  if (/^\d+$/.test(hit.value)) v.num = Number(hit.value);
  return v;
}

/**
 * The profiles the module's configuration makes active, `spring.profiles.active: dev` (a literal, or a `${X:d}` default):
 * their application-p files load over the base ones (docs.spring.io/spring-boot/reference/features/profiles.html, "You
 * can use a spring.profiles.active Environment property to specify which profiles are active"; external-config.html,
 * "Profile Specific Files"). Washingtonwei/hogwarts-artifacts-online (a Spring course's code, forked widely) sets
 * `ai.openai.endpoint` only in application-dev.yml. None when the property is unset or known only at run time.
 */
function activeProfiles(s: EvalScope): string[] {
  const hit = springProperties(s.index!.files, dirname(s.file), (k) => k === 'spring.profiles.active', true)[0];
  return hit && !hit.runtime ? hit.value.split(',').map((p) => p.trim()).filter((p) => p && p !== 'default') : [];
}

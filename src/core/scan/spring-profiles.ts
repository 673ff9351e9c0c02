// The ChatModel an abstract base class is given by the subclass that is a bean: `abstract class BaseChatService(open
// val chatModel: ChatModel)` with `@Profile("openai") @Service class OpenAIChatService(override val chatModel:
// OpenAiChatModel) : BaseChatService(…, chatModel)` beside an Anthropic twin under `@Profile("anthropic")`
// (RikEnde/KotlinBot, held47 H07/H08). Spring makes a @Profile component only when one of its profiles is active
// (org.springframework.context.annotation.Profile javadoc: `!p` is active when p is not; a component without @Profile
// is always made); the active ones are `spring.profiles.active` of the module's properties (a `${X:d}` placeholder
// gives d), "default" when it names none (AbstractEnvironment.getDefaultProfiles, RESERVED_DEFAULT_PROFILE_NAME).
// The one provider class the live subclasses pass at the parameter's place decides; several, or one passing a plain
// ChatModel, leave it unknown.
import type { Ctx } from './values';
import type { ValueIndex } from '../resolve/value-index';
import { isId, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import { MODEL_CLASSES } from './spring-bean-decls';
import { jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { springProperties } from '../resolve/spring-properties';
import { dirname } from '../resolve/files';

interface Subclass {
  /** The provider class passed at the parameter's place; undefined when not one such class. */
  cls?: string;
  /** The @Profile expressions, undefined without one. */
  profiles?: string[];
}

/** The provider class the abstract class around `at` is given for its constructor parameter `name` by its live
 * subclasses in the module; undefined when not exactly one. */
export function profileSubclassClass(c: Ctx, name: string, at: number): string | undefined {
  if (!c.index || !c.file || (c.syn.id !== 'kotlin' && c.syn.id !== 'java')) return undefined;
  const base = abstractClassAround(c, at);
  if (!base) return undefined;
  const place = paramPlace(c, base, name);
  if (place < 0) return undefined;
  const root = jvmModule(c.index.files, c.file);
  if (!root) return undefined;
  const index = c.index;
  const subs = index.memo(root, `spring.subclasses:${base}:${place}`, () => subclasses(index, root, base, place));
  if (!subs.length) return undefined;
  const active = activeProfiles(c);
  const live: Subclass[] = [];
  for (const s of subs) {
    if (!s.profiles) live.push(s);
    else if (!active) return undefined;
    else {
      const on = s.profiles.map((p) => profileOn(p, active));
      if (on.includes(undefined)) return undefined;
      if (on.includes(true)) live.push(s);
    }
  }
  const classes = new Set(live.map((s) => s.cls));
  return classes.size === 1 ? [...classes][0] : undefined;
}

/** `p`, `!p`; undefined for an expression (`a & b`, `a | b`) this does not read. */
function profileOn(p: string, active: Set<string>): boolean | undefined {
  const m = /^\s*(!?)\s*([\w.-]+)\s*$/.exec(p);
  if (!m) return undefined;
  return active.has(m[2]) !== (m[1] === '!');
}

/** The active profiles the module's properties state; undefined when only known at run time (`${PROFILES}`). */
function activeProfiles(c: Ctx): Set<string> | undefined {
  const hits = springProperties(c.index!.files, dirname(c.file!), (k) => k === 'spring.profiles.active', true);
  if (!hits.length) return new Set(['default']);
  if (hits.some((h) => h.runtime)) return undefined;
  // The last file's value wins (application.yml over .properties is not Spring's order, so two disagreeing: unknown).
  const values = new Set(hits.map((h) => h.value.trim()));
  if (values.size !== 1) return undefined;
  const names = [...values][0].split(',').map((s) => s.trim()).filter(Boolean);
  return names.length ? new Set(names) : new Set(['default']);
}

/** The active profiles whose application-p files load over the base files: none when only known at run time. */
export function activeProfileFiles(c: Ctx): string[] {
  if (!c.index || !c.file || (c.syn.id !== 'kotlin' && c.syn.id !== 'java')) return [];
  return [...(activeProfiles(c) ?? [])].filter((p) => p !== 'default');
}

/** The name of the `abstract class` whose body or constructor holds token `at`. */
function abstractClassAround(c: Ctx, at: number): string | undefined {
  const { toks, match } = c;
  let best: string | undefined;
  for (let k = 1; k + 1 < toks.length && k < at; k++) {
    if (toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    let b = k + 2;
    while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (!isP(toks[b], '{') || !(match[b] > at)) continue;
    let abstract = false;
    for (let m = k - 1; m >= 0 && m > k - 6 && isId(toks[m]); m--) if (toks[m].v === 'abstract') abstract = true;
    best = abstract ? toks[k + 1].v : undefined;
  }
  return best;
}

/** The place of parameter `name` in the class's constructor (Kotlin's primary `class X(…)`, Java's `X(…) {`); -1. */
function paramPlace(c: Ctx, base: string, name: string): number {
  const { toks, match } = c;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== base || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    if (toks[k - 1].v !== 'class' && !(isP(toks[match[k + 1] + 1], '{') && toks[k - 2]?.v !== 'new' && toks[k - 1]?.v !== 'new')) continue;
    const args = topLevel(toks, match, k + 1);
    const i = args.findIndex(([s, e]) => {
      for (let j = s; j < e; j++) if (toks[j].v === name && isId(toks[j]) && (isP(toks[j + 1], ':') || j + 1 === e)) return true;
      return false;
    });
    if (i >= 0) return i;
  }
  return -1;
}

/** The token ranges of the arguments (or parameters) in the group opened at `open`. */
function topLevel(toks: Token[], match: Int32Array, open: number): [number, number][] {
  const out: [number, number][] = [];
  const close = match[open];
  let s = open + 1;
  for (let j = open + 1; j <= close; j++) {
    if (j === close || isP(toks[j], ',')) {
      if (j > s) out.push([s, j]);
      s = j + 1;
    } else if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{') || isP(toks[j], '<')) && match[j] > j) j = match[j];
  }
  return out;
}

/** Subclasses read in a module at most. */
const MAX_SUBCLASSES = 12;

/** The module's classes that extend `base`: what each passes at `place` of its super constructor, and its @Profile. */
function subclasses(index: ValueIndex, root: string, base: string, place: number): Subclass[] {
  const out: Subclass[] = [];
  for (const f of jvmModuleSources(index.files, root)) {
    if (out.length >= MAX_SUBCLASSES) break;
    const t = index.text(f);
    if (!t || !t.includes(base)) continue;
    const s = index.scope(f);
    if (!s) continue;
    const { toks, match } = s;
    for (let k = 2; k + 1 < toks.length; k++) {
      if (toks[k].v !== base) continue;
      // Kotlin `class Sub(…) : Base(args)`; Java `class Sub extends Base { … super(args); … }`.
      let args = -1;
      let cls = -1;
      if (isP(toks[k - 1], ':') && isP(toks[k + 1], '(')) {
        args = k + 1;
        let j = k - 2;
        if (isP(toks[j], ')') && match[j] >= 0 && match[j] < j) j = match[j] - 1;
        if (toks[j]?.v === 'constructor') j--;
        cls = toks[j - 1]?.v === 'class' ? j - 1 : -1;
      } else if (toks[k - 1].v === 'extends' && toks[k - 3]?.v === 'class') {
        cls = k - 3;
        for (let j = k + 1; j + 1 < toks.length; j++) {
          if (toks[j].v === 'super' && isP(toks[j + 1], '(')) {
            args = j + 1;
            break;
          }
          if (toks[j].v === 'class') break;
        }
      }
      if (cls < 0 || args < 0 || !(match[args] > args)) continue;
      const a = topLevel(toks, match, args)[place];
      const arg = a && a[1] === a[0] + 1 && isId(toks[a[0]]) ? toks[a[0]].v : undefined;
      out.push({ cls: arg ? passedClass(toks, arg) : undefined, profiles: profilesBefore(toks, match, cls) });
    }
  }
  return out;
}

/** The one provider model class `name` is declared as in the file (`name: OpenAiChatModel`, `OpenAiChatModel name`). */
function passedClass(toks: Token[], name: string): string | undefined {
  const found = new Set<string>();
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k])) continue;
    if (isP(toks[k + 1], ':') && isId(toks[k + 2])) found.add(toks[k + 2].v);
    else if (isId(toks[k - 1]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ';'))) found.add(toks[k - 1].v);
  }
  const provider = [...found].filter((t) => Object.hasOwn(MODEL_CLASSES, t));
  return provider.length === 1 && found.size === 1 ? provider[0] : undefined;
}

/** The @Profile expressions on the class declared at `cls` (its annotations before `class`); ['?'] when not strings. */
function profilesBefore(toks: Token[], match: Int32Array, cls: number): string[] | undefined {
  let k = cls - 1;
  // Modifiers (`public`, `open`, `data`), then the annotations from the last back.
  while (k > 0 && isId(toks[k]) && !isP(toks[k - 1], '@')) k--;
  for (let n = 0; k > 0 && n < 12; n++) {
    const name = isP(toks[k], ')') && match[k] >= 0 && match[k] < k ? match[k] - 1 : k;
    if (!isId(toks[name]) || !isP(toks[name - 1], '@')) break;
    if (toks[name].v === 'Profile' && isP(toks[name + 1], '(') && match[name + 1] > name) {
      const out: string[] = [];
      for (let j = name + 2; j < match[name + 1]; j++) {
        if (toks[j].t === T.Str) out.push(toks[j].v);
        else if (isId(toks[j]) && toks[j].v !== 'value') return ['?'];
      }
      return out;
    }
    k = name - 2;
  }
  return undefined;
}

/** The one profile named by `@Profile("p")` on the class whose body holds token `at` (innermost): its beans exist only
 * with p active, so p's property files apply to them. Empty for none, several (`{"a", "b"}`: either may be the one
 * active), a negation or an expression. */
export function classProfile(c: Ctx, at: number): string[] {
  if (c.syn.id !== 'kotlin' && c.syn.id !== 'java') return [];
  const { toks, match } = c;
  let cls = -1;
  for (let k = 1; k + 1 < toks.length && k < at; k++) {
    if (toks[k].v !== 'class' || !isId(toks[k + 1]) || isP(toks[k - 1], '.') || isP(toks[k - 1], ':')) continue;
    let b = k + 2;
    while (b < toks.length && b < at && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (isP(toks[b], '{') && match[b] > at) cls = k;
  }
  const p = cls > 0 ? profilesBefore(toks, match, cls) : undefined;
  return p?.length === 1 && /^[\w.-]+$/.test(p[0]) ? p : [];
}

// Values read from a Spring Boot `@ConfigurationProperties` class: `properties.getModel()` where the receiver is
// declared as a class annotated `@ConfigurationProperties(prefix = "app.ai")` (or `("app.ai")`) is the property
// `app.ai.model` of the module's application.properties / .yml, else the field's initializer. From spring-boot:
// - JavaBeanBinder.java: a bean's properties are its getters `getX` / `isX` (Introspector.decapitalize), named in
//   dashed form (DataObjectPropertyName.toDashedForm); bind() calls the setter only when a value is bound
//   (`if (bound == null) return false;`), so a property the configuration leaves out keeps the field's initializer;
// - ValueObjectBinder.java (a record's components, bound through its constructor): an unbound component takes its
//   `@DefaultValue("…")`, else null — no initializer to fall back on;
// - relaxed binding (spring-boot wiki "Relaxed Binding 2.0"): keys compare with `-` and `_` removed, lower case, so
//   `max-tokens`, `maxTokens` and `max_tokens` all bind `maxTokens` (resolve/spring-properties.ts relaxed()).
// A property set to `${ENV}` with no default is known only at run time; a prefix not written as a literal, a nested
// group (`props.getAi().getModel()`) or a getter that computes are left to run time.
// A plain getter of a field bound by `@Value("${key:default}")` in another class's file reads as that field does,
// a getter Lombok generates included.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';
import { SELF } from './value';
import { classScopes } from './imported';
import { bindingValue } from './lookup';
import { tables } from './scope';
import { relaxed, springProperties } from '../resolve/spring-properties';
import { basename, dirname } from '../resolve/files';
import { jvmModule } from '../resolve/jvm-modules';
import { lombokGetter } from './lombok-getters';

/** `@ConfigurationProperties("p")`, `(prefix = "p")`, `(value = "p")`. */
const ANNOTATION = /@ConfigurationProperties\s*\(\s*(?:(?:prefix|value)\s*=\s*)?"([^"]*)"/;

/** The annotation's declaration is a class: `class` comes before the declaration's body or first bracket after the
 * annotation's own `)` (a `@Bean` method's `foo()` comes first). */
function onClass(after: string): boolean {
  const head = after.slice(after.indexOf(')') + 1).replace(/@\w+(?:\([^)]*\))?/g, ' ');
  const end = head.search(/[{(]/);
  return /\bclass\s/.test(end < 0 ? head : head.slice(0, end));
}

interface PropsClass {
  scope: EvalScope;
  prefix: string;
  record: boolean;
}

/**
 * `recv.getModel()` / `this.recv.getModel()` / a record's `recv.model()` on a `@ConfigurationProperties` class: the
 * bound value when the configuration or the class states it; undefined otherwise (the caller keeps its label).
 */
export function configProperty(s: EvalScope, names: string[], argCount: number, depth: number): Value | undefined {
  if (argCount !== 0 || (s.syn.id !== 'java' && s.syn.id !== 'kotlin') || !s.index) return undefined;
  if (names.length !== 2 && !(names.length === 3 && SELF.has(names[0]))) return undefined;
  const fn = names[names.length - 1];
  const getter = /^(?:get|is)([A-Z]\w*)$/.exec(fn);
  const recv = names[names.length - 2];
  const type = declaredType(s, recv);
  if (!type) return undefined;
  // Introspector.decapitalize: `getURL` stays `URL`.
  const named = getter && (/^[A-Z]{2}/.test(getter[1]) ? getter[1] : getter[1][0].toLowerCase() + getter[1].slice(1));
  const cls = propsClass(s, type);
  // Kotlin's `props.model` reads the property itself: no getter to find.
  if (!cls) return named ? valueField(s, type, named, fn, depth) : s.syn.id === 'kotlin' ? valueField(s, type, fn, undefined, depth) : undefined;
  // Kotlin reads a property by its name (`props.model`), a constructor's `val model: String` included.
  const prop = named || (cls.record || s.syn.id === 'kotlin' ? fn : undefined);
  if (!prop || !declaresProperty(cls, prop, getter ? fn : undefined)) return undefined;
  const bound = boundValue(s, cls.prefix, prop, `${type}.${prop}`);
  if (bound !== undefined) return bound ?? undefined;
  if (cls.record) return recordDefault(cls, prop, type);
  const v = bindingValue(cls.scope, prop, Number.MAX_SAFE_INTEGER, depth + 1, true);
  if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined)) return undefined;
  return { ...v, source: v.source ?? { file: cls.scope.file, offset: 0, what: `${type}.${prop}'s default` } };
}

/** The property `prefix.prop` in the module's configuration: its value, null when set to `${ENV}` (run time), undefined
 * when not set. */
function boundValue(s: EvalScope, prefix: string, prop: string, field: string): Value | null | undefined {
  const key = relaxed(prefix ? `${prefix}.${prop}` : prop);
  const hit = springProperties(s.index!.files, dirname(s.file), (k) => k === key, true)[0];
  if (!hit) return undefined;
  if (hit.runtime) return null;
  const source = { file: hit.file, offset: hit.start, what: `${hit.key} in ${basename(hit.file)} (bound to ${field})` };
  const v: Value = { str: hit.value, source, lit: { span: { start: hit.start, end: hit.end }, scope: { file: hit.file } } };
  if (/^\d+$/.test(hit.value)) v.num = Number(hit.value);
  return v;
}

/**
 * A field read by its bare name inside its own `@ConfigurationProperties` class (a `@Configuration` class bound to
 * `langchain4j.open-ai.chat-model` that makes its model bean from its fields, `.modelName(modelName)`): the property
 * bound to it when the configuration sets one; undefined otherwise (the field reads as it is written).
 */
export function ownProperty(s: EvalScope, name: string): Value | undefined {
  if ((s.syn.id !== 'java' && s.syn.id !== 'kotlin') || !s.index || !s.text.includes('@ConfigurationProperties')) return undefined;
  const m = ANNOTATION.exec(s.text);
  // On the class itself (not on a `@Bean` method whose result it binds).
  if (!m || !onClass(s.text.slice(m.index + m[0].length, m.index + m[0].length + 400))) return undefined;
  if (!declaresProperty({ scope: s, prefix: m[1], record: false }, name, undefined)) return undefined;
  return boundValue(s, m[1], name, name) ?? undefined;
}

/**
 * `config.getModel()` on a class of another file whose field `model` is bound by Spring's `@Value("${key:default}")`
 * and whose getter only returns it (a `@Configuration` class holding the settings), or Kotlin's `props.model` on a
 * `@Component class OpenAiProperties(@Value("${openai.api.model:gpt-3.5-turbo}") val model: String)` (getter
 * undefined: a Kotlin property is read by its name): the field's value as its own file
 * reads it (spring-value-defaults.ts springDefault: the configured key, else the stated default, else run time).
 */
function valueField(s: EvalScope, type: string, prop: string, getter: string | undefined, depth: number): Value | undefined {
  for (const other of classScopes(s, type)) {
    if (!other.text.includes('@Value')) continue;
    const t = tables(other);
    if (!t.binds.get(prop)?.some((b) => b.spring) || !declaresProperty({ scope: other, prefix: '', record: false }, prop, getter)) continue;
    // Written in the class, or generated by Lombok's `@Getter` / `@Data` (lombok-getters.ts).
    if (getter && !t.fns.get(getter)?.length && !lombokGetter(other, type, prop)) continue;
    const v = bindingValue(other, prop, Number.MAX_SAFE_INTEGER, depth + 1, true);
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) return v;
  }
  return undefined;
}

/** Declared types by name, per lexed file. */
const TYPES = new KeyMemo<object, Map<string, string | undefined>>();

/** The type `name` is declared with in the file: Java `Type name` before `;` `,` `)` `=`, Kotlin `name: Type`. */
export function declaredType(s: EvalScope, name: string): string | undefined {
  let byName = TYPES.get(s.toks);
  if (!byName) TYPES.set(s.toks, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, findType(s, name));
  return byName.get(name);
}

function findType(s: EvalScope, name: string): string | undefined {
  const { toks } = s;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const next = toks[k + 1];
    if (isP(next, ';') || isP(next, ',') || isP(next, ')') || isP(next, '=')) {
      if (isId(toks[k - 1]) && /^[A-Z]/.test(toks[k - 1].v)) return toks[k - 1].v;
    } else if (isP(next, ':') && isId(toks[k + 2]) && /^[A-Z]/.test(toks[k + 2].v) && !isP(toks[k + 3], '.')) return toks[k + 2].v;
  }
  return undefined;
}

/** The class `type` in its own file when it is annotated `@ConfigurationProperties` with a literal prefix. */
function propsClass(s: EvalScope, type: string): PropsClass | undefined {
  const idx = s.index!;
  const find = () => {
    for (const other of classScopes(s, type)) {
      if (!other.text.includes('@ConfigurationProperties')) continue;
      const { toks } = other;
      const k = toks.findIndex((t, i) => (t.v === 'class' || t.v === 'record') && toks[i + 1]?.v === type && isId(t));
      if (k < 0) continue;
      // The annotations of this declaration: after the previous declaration's end.
      const before = other.text.slice(0, toks[k].start);
      const from = Math.max(before.lastIndexOf(';'), before.lastIndexOf('}'));
      const m = ANNOTATION.exec(before.slice(from + 1));
      if (m) return { file: other.file, prefix: m[1], record: toks[k].v === 'record' };
    }
    return undefined;
  };
  // Once per module and type (dropped when a file of the module changes); the class's scope is asked afresh.
  const root = jvmModule(idx.files, s.file);
  const found = root ? idx.memo(root, `config-properties.${type}`, find) : find();
  const scope = found && idx.scope(found.file);
  return found && scope ? { scope, prefix: found.prefix, record: found.record } : undefined;
}

/** The class binds `prop`: a field or record component of that name, and no getter of its own that computes. */
function declaresProperty(cls: PropsClass, prop: string, getter: string | undefined): boolean {
  const t = tables(cls.scope);
  if (getter) {
    const own = t.fns.get(getter);
    // `public String getModel() { return model; }` / `{ return this.model; }` only.
    if (own?.some((f) => f.bodyEnd - f.body > 6)) return false;
  }
  const { toks } = cls.scope;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== prop || toks[k].t !== T.Id || isP(toks[k - 1], '.')) continue;
    // `String model;` / `String model = …` / a record's `String model,` / `String model)`.
    if (isId(toks[k - 1]) && (isP(toks[k + 1], ';') || isP(toks[k + 1], '=') || (cls.record && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')'))))) return true;
    // Kotlin `val model: String` / `var model: String = …` (in the class or its constructor).
    if ((toks[k - 1].v === 'val' || toks[k - 1].v === 'var') && isP(toks[k + 1], ':')) return true;
  }
  return false;
}

/** A record component's `@DefaultValue("…")` (spring-boot ValueObjectBinder: else null). */
function recordDefault(cls: PropsClass, prop: string, type: string): Value | undefined {
  const { toks, file } = cls.scope;
  for (let k = 4; k + 1 < toks.length; k++) {
    if (toks[k].v !== prop || !(isP(toks[k + 1], ',') || isP(toks[k + 1], ')'))) continue;
    // `@DefaultValue("600") int maxTokens`: @ DefaultValue ( "600" ) Type name.
    const j = k - 6;
    if (j >= 0 && isP(toks[j], '@') && toks[j + 1].v === 'DefaultValue' && toks[j + 3].t === T.Str && isP(toks[j + 4], ')')) {
      const d = toks[j + 3].v;
      const source = { file, offset: toks[j + 3].start, what: `@DefaultValue of ${type}.${prop}` };
      return /^\d+$/.test(d) ? { num: Number(d), source } : { str: d, source };
    }
  }
  return undefined;
}

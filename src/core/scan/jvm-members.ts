// Methods of an application class called on a field or parameter of that type (calls.ts): Java `private final
// PromptFiles promptFiles;` / a constructor parameter, Kotlin `private val promptFiles: PromptFiles`, then
// `promptFiles.load("prompts/x.st")` (Habi557/resume-analyzer-backend: an injected @Component whose method reads a
// class-path prompt file). The class is looked for in the workspace as a static one is (classScopes), the method read
// there with its parameters bound to the call's arguments. A @ConfigurationProperties class is read before this
// (config-properties.ts: the bound property wins over the field's initializer).
import type { EvalScope, Value } from './value';
import type { CallArgs } from './arg-frames';
import { isJvmLanguage } from './ai-services-spring';
import { declaredType } from './config-properties';
import { classScopes } from './imported';
import { helper } from './fn-values';
import { enumGetter } from './jvm-enums';
import { storedSettingDefault } from './stored-settings';
import { serviceMethod } from './jvm-service-methods';

/** Types whose methods are the platform's or a library's, never an application class of the workspace. */
const NOT_APP = new Set(['String', 'Object', 'List', 'Map', 'Set', 'Optional', 'Integer', 'Long', 'Double', 'Boolean', 'ChatClient', 'ChatModel', 'Resource', 'Path', 'File', 'InputStream']);

/** `name.fn(…)` with `name` a field or parameter of an application class in another file: what `fn` returns there. */
export function memberMethod(s: EvalScope, names: string[], base: Value | undefined, given: CallArgs, depth: number): Value | undefined {
  // `ChatModel.FAST.getId()`: the enum constant's value (jvm-enums.ts).
  const constant = enumGetter(s, names, given.list.length, depth);
  if (constant) return constant;
  // Android `prefs.getString(KEY, DEFAULT)`: the default (stored-settings.ts).
  const stored = storedSettingDefault(s, names, given);
  if (stored) return stored;
  // `prefs.getChatModel()` on an injected service: its single implementation's method (jvm-service-methods.ts).
  if (!given.list.length) return serviceMethod(s, names, base, 0, depth, NOT_APP);
  // A method given arguments: a getter of an object's field (`settings.getModel()`) reads what any setter may have
  // replaced since (config_properties fixture, PlainSettings), so a field's initializer is not read through one.
  if (!given.list.length || names.length !== 2 || !isJvmLanguage(s.syn.id) || !/^[a-z_]/.test(names[0]) || (base && base.runtime === undefined)) return undefined;
  const t = declaredType(s, names[0]);
  if (!t || NOT_APP.has(t)) return undefined;
  for (const sc of classScopes(s, t)) {
    const v = helper(sc, names[1], Number.MAX_SAFE_INTEGER, depth, given);
    if (v) return v;
  }
  return undefined;
}

// Settings an app stores on the device and reads with a default: Android `prefs.getString(KEY, DEFAULT_MODEL)`
// (held-out 34 C19, L4TTiCe/BotForge SharedPreferencesServiceImpl.kt:60), `getInt(KEY, 1024)`, and Java's
// `java.util.prefs.Preferences` `node.get(KEY, "gpt-4o")`. What runs is the stored value when the user set one, else
// the default (Android SharedPreferences.getString(String key, String defValue): "defValue: Value to return if this
// preference does not exist", https://developer.android.com/reference/android/content/SharedPreferences#getString;
// Java SE Preferences.get(String key, String def): "Returns the specified default if there is no value associated with
// the key", https://docs.oracle.com/en/java/javase/21/docs/api/java.prefs/java/util/prefs/Preferences.html#get). The
// default is priced as `os.getenv("X", "d")`'s is (calls.ts): the stated value, named as a default. Kotlin delegates
// over SharedPreferences state it too: `var chatModel: String by Preference(CHAT_MODEL, "gpt-3.5-turbo")`
// (magomedcoder/chatgpt-android Constants.kt, a `Preference(name, default)` ReadWriteProperty;
// kotlinlang.org/docs/delegated-properties.html), `by stringPreferences(key, defaultValue)` (skydoves/chatgpt-android
// core-preferences), Kotpref's `by stringPref(default = "…")` (chibatching/Kotpref: `stringPref(default, key)`).
import type { CallArgs } from './arg-frames';
import { isJvmLanguage } from './ai-services-spring';
import { declaredType } from './config-properties';
import { at, label, type EvalScope, type Value } from './value';
import { PREF_DELEGATE } from './kotlin-lazy';

const ANDROID_READS = new Set(['getString', 'getInt', 'getLong', 'getFloat']);
const JAVA_PREFS_READS = new Set(['get', 'getInt', 'getLong', 'getFloat', 'getDouble']);

/** `recv.getString(key, default)` on SharedPreferences (or `java.util.prefs.Preferences`): the default, named. */
export function storedSettingDefault(s: EvalScope, names: string[], given: CallArgs): Value | undefined {
  if (names.length < 2 || given.list.length !== 2 || given.list.some((a) => a.key) || !isJvmLanguage(s.syn.id)) return undefined;
  const fn = names[names.length - 1];
  // The file works with SharedPreferences (its import, a declared type, `getSharedPreferences(…)`,
  // `PreferenceManager.getDefaultSharedPreferences(…)`), or the receiver is declared as one.
  const android = ANDROID_READS.has(fn) && (s.text.includes('SharedPreferences') || declaredType(s, names[names.length - 2]) === 'SharedPreferences');
  const javaPrefs = !android && JAVA_PREFS_READS.has(fn) && s.text.includes('java.util.prefs');
  if (!android && !javaPrefs) return undefined;
  const d = given.value(1);
  // An empty default (`getString(KEY, "")`) states no value: the setting is known only at run time.
  if (!d || d.runtime !== undefined || d.holes?.length || (d.str === undefined && d.num === undefined) || d.str === '') return undefined;
  const key = given.value(0);
  const name = key?.str !== undefined && !key.holes?.length ? key.str : label(s, given.list[0].from, given.list[0].to);
  const what = `default of stored setting ${name}`;
  return { ...d, source: d.source ? { ...d.source, what: `${what} (${d.source.what})` } : { file: s.file, offset: at(s, given.list[1].from), what }, fallback: true };
}

/** The call `names(…)` (first name at token `first`, arguments `a`) after a Kotlin `by`, of a preference delegate: its
 * stated default, named as a stored setting's; undefined for any other call. */
export function preferenceDelegateDefault(s: EvalScope, names: string[], first: number, a: { key?: string }[], arg: (n: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1] ?? '';
  if (s.syn.id !== 'kotlin' || s.toks[first - 1]?.v !== 'by' || !PREF_DELEGATE.test(fn)) return undefined;
  const named = a.findIndex((x) => x.key === 'default' || x.key === 'defaultValue');
  // Kotpref's `stringPref(default, key)` takes the default first; `Preference(key, default)` second.
  const n = named >= 0 ? named : /^[a-z]\w*Pref(Var)?$/.test(fn) ? (a.length >= 1 ? 0 : -1) : a.length === 2 ? 1 : -1;
  const d = n >= 0 ? arg(n) : undefined;
  if (!d || d.runtime !== undefined || d.holes?.length || (d.str === undefined && d.num === undefined) || d.str === '') return undefined;
  const key = n === 1 && !a[0].key ? arg(0) : undefined;
  // Kotpref keys a setting by the property's name when none is given.
  let v = first - 2;
  while (v > 0 && v > first - 12 && s.toks[v].v !== 'val' && s.toks[v].v !== 'var') v--;
  const name = key?.str !== undefined && !key.holes?.length ? key.str : s.toks[v + 1]?.v ?? fn;
  return { ...d, source: { file: s.file, offset: s.toks[first].start, what: `default of stored setting ${name}` }, fallback: true };
}

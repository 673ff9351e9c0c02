// A JVM library module: its Gradle build applies the `java-library` plugin ("API and implementation separation",
// https://docs.gradle.org/current/userguide/java_library_plugin.html) and nothing that makes it a program (no
// `application` plugin or block, no Spring Boot or Ktor plugin, no Android app), and none of its sources has a `main`.
// Whether a person waits for its calls is its users' choice, not its own: no batch advice (say nothing rather than
// "batch"). Held35 C04 Guuri11/ISI lib/lib (build.gradle.kts: kotlin jvm + `java-library` + `maven-publish`), which a
// Compose app of the same repository pulls in through mavenLocal and calls from its chat screen.
import type { ValueIndex } from '../resolve/value-index';
import { buildFilesAbove, jvmModuleSources } from '../resolve/jvm-modules';

/** A build file's words that make the module a program, not a library. */
const PROGRAM = /\bapplication\b|mainClass|springframework\.boot|io\.ktor\.plugin|com\.android\.application/;
/** Sources of a module read for a `main` at most (a larger module is not judged: advice as before). */
const MAX_SOURCES = 400;

/** Is `file` (a .kt or .java source) in a Gradle `java-library` module with no program in it? */
export function jvmLibraryModule(index: ValueIndex, file: string): boolean {
  if (!file.endsWith('.kt') && !file.endsWith('.java')) return false;
  const build = buildFilesAbove(index.files, file, 1)[0];
  if (!build || build.file.endsWith('pom.xml')) return false;
  return index.memo(build.dir, 'jvm-library', () => {
    const text = index.files.read(build.file) ?? '';
    if (!/[`'"]java-library[`'"]/.test(text) || PROGRAM.test(text)) return false;
    const sources = jvmModuleSources(index.files, build.dir);
    if (!sources.length || sources.length > MAX_SOURCES) return false;
    return !sources.some((f) => hasMain(index.files.read(f) ?? ''));
  });
}

/** Kotlin's `fun main(` (top level, or in a companion with @JvmStatic) or Java's `static void main(`: a program's entry. */
function hasMain(text: string): boolean {
  for (let i = text.indexOf('main'); i >= 0; i = text.indexOf('main', i + 4)) {
    const before = text.slice(Math.max(0, i - 12), i);
    if (!/(?:\bfun|\bvoid)\s+$/.test(before)) continue;
    let k = i + 4;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (text[k] === '(') return true;
  }
  return false;
}

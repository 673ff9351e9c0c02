// JVM library modules (src/core/scan/library-modules.ts): a Gradle `java-library` module with no program in it gets no
// batch advice (its users decide whether a person waits); an application module of the same code keeps it. Form of
// held35 C04 Guuri11/ISI lib/lib/build.gradle.kts (kotlin jvm + `java-library` + `maven-publish`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { jvmLibraryModule } from '../src/core/scan/library-modules';
import { cli } from './helpers/cli';
import { tmpDir, write } from './helpers/git-repo';

const LIB = 'plugins {\n    alias(libs.plugins.kotlin.jvm)\n    `java-library`\n    `maven-publish`\n}\n';

function index(texts: Record<string, string>): ValueIndex {
  const dirs = (d: string) => Object.keys(texts).filter((p) => p.startsWith(d + '/'));
  const files: WorkspaceFiles = {
    read: (p) => texts[p],
    list: (d) => {
      const names = dirs(d).map((p) => p.slice(d.length + 1)).filter((r) => !r.includes('/'));
      return names.length ? names : undefined;
    },
    folders: (d) => [...new Set(dirs(d).map((p) => p.slice(d.length + 1)).filter((r) => r.includes('/')).map((r) => r.split('/')[0]))],
  };
  return new ValueIndex(files);
}

test('a java-library module with no main is a library; an application, a main or a Maven build is not', () => {
  const src = '/w/lib/src/main/kotlin/Client.kt';
  assert.equal(jvmLibraryModule(index({ '/w/lib/build.gradle.kts': LIB, [src]: 'class Client' }), src), true);
  assert.equal(jvmLibraryModule(index({ '/w/lib/build.gradle.kts': "plugins { id 'java-library' }\n", [src]: 'class Client' }), src), true);
  const app = 'plugins {\n    kotlin("jvm")\n    application\n}\napplication { mainClass.set("MainKt") }\n';
  assert.equal(jvmLibraryModule(index({ '/w/lib/build.gradle.kts': app, [src]: 'class Client' }), src), false, 'application plugin');
  const withMain = { '/w/lib/build.gradle.kts': LIB, [src]: 'class Client', '/w/lib/src/main/kotlin/Main.kt': 'fun main(args: Array<String>) {}' };
  assert.equal(jvmLibraryModule(index(withMain), src), false, 'a main in the module');
  assert.equal(jvmLibraryModule(index({ '/w/lib/build.gradle.kts': 'plugins { kotlin("jvm") }\n', [src]: 'class Client' }), src), false, 'no java-library plugin');
  assert.equal(jvmLibraryModule(index({ '/w/lib/pom.xml': '<packaging>jar</packaging>', [src]: 'class Client' }), src), false, 'Maven');
  assert.equal(jvmLibraryModule(index({ '/w/lib/build.gradle.kts': LIB, '/w/lib/x.py': '' }), '/w/lib/x.py'), false, 'not a JVM source');
});

test('a library module\'s request gets no batch advice; the same request in an application module does', () => {
  const client = `package demo

import io.ktor.client.*
import io.ktor.client.request.*
import io.ktor.http.*

class Client(private val http: HttpClient) {
    suspend fun ask(q: String): String {
        val res = http.post("https://api.openai.com/v1/chat/completions") {
            contentType(ContentType.Application.Json)
            setBody(mapOf("model" to "gpt-4o", "max_tokens" to 300, "messages" to listOf(mapOf("role" to "user", "content" to q))))
        }
        return res.toString()
    }
}
`;
  const root = tmpDir('prompt-cost-jvmlib-');
  write(root, {
    'lib/build.gradle.kts': LIB,
    'lib/src/main/kotlin/demo/Client.kt': client,
    'cli/build.gradle.kts': 'plugins {\n    kotlin("jvm")\n    application\n}\n',
    'cli/src/main/kotlin/demo/Client.kt': client,
  });
  const r = cli(['scan', '.', '--format', 'json'], root);
  const rows = JSON.parse(r.out).calls as { file: string; suggestions: { kind: string }[] }[];
  const batch = (f: string) => rows.find((x) => x.file === f)!.suggestions.some((s) => s.kind === 'batch');
  assert.equal(batch('lib/src/main/kotlin/demo/Client.kt'), false);
  assert.equal(batch('cli/src/main/kotlin/demo/Client.kt'), true);
});

// A Java method's parameters read from its callers in the module (java-method-callers.ts, java-arity.ts,
// java-class-types.ts, file-callers.ts): every call of the name with the method's argument count, in the class's file
// and the module's files naming the class, is on an object of the class, or the callers are not all known (run time).
// The forms of awesomeshot5051/MyGUI ChatGPTClient.java (held-out 35 C11) and flex2020/EnjoyTrip_Backend_Final
// ChatGPTController.java → ChatGPTServiceImpl.java.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const client = (head = 'public class Writer', extra = '') => `package app;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

${head} {
    private OpenAIClient client;

    public String write(String model, String text) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build()).toString();
    }
${extra}
}
`;

const caller = (lines: string, field = 'Writer') => `package app.jobs;

import app.Writer;

public class Job {
    private final ${field} writer;

    public Job(${field} writer) { this.writer = writer; }

    public void run(String t) {
${lines}
    }
}
`;

function site(code: string, others: Record<string, string> = {}, index = true) {
  const files = { '/ws/app/pom.xml': '<project/>', ...others, '/ws/app/src/main/java/app/Writer.java': code };
  return findSites(code, 'java', '/ws/app/src/main/java/app/Writer.java', undefined, index ? new ValueIndex(memFiles(files)) : undefined).sites[0];
}

const JOB = '/ws/app/src/main/java/app/jobs/Job.java';

test('a public method called on a field of its class in another file: the model that caller passes, from there', () => {
  const s = site(client(), { [JOB]: caller('        writer.write("gpt-4o-mini", t);') });
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.equal(s.model?.source?.file, JOB);
});

test('receivers made with `var x = new T(…)`, `T x = new T()`, `new T().m(…)`, or a static call: each is a caller', () => {
  for (const line of ['var w = new Writer(); w.write("gpt-4.1", t);', 'Writer w = new Writer(); w.write("gpt-4.1", t);', 'new Writer().write("gpt-4.1", t);']) {
    const s = site(client(), { [JOB]: caller(line) });
    assert.equal(s.model?.id, 'gpt-4.1', line);
  }
  const st = site(client().replace('public String write', 'public static String write'), { [JOB]: caller('Writer.write("gpt-4.1", t);') });
  assert.equal(st.model?.id, 'gpt-4.1', 'static');
});

test('an overload taking another number of arguments is not a caller; its own call of the method is', () => {
  const s = site(client('public class Writer', '    public String write(String text) { return write("gpt-4o", text); }'), { [JOB]: caller('        writer.write(t);\n        writer.write("gpt-4o-mini", t);') });
  assert.deepEqual([s.model?.id, ...(s.model?.others ?? [])].sort(), ['gpt-4o', 'gpt-4o-mini']);
});

test('a receiver not known, an overload of the same count, a deriving class, an interface another class implements, or no workspace: run time', () => {
  const iface = 'package app;\npublic interface Drafts { String write(String model, String text); }\n';
  const cases: [string, string, Record<string, string>, boolean][] = [
    ['unknown receiver', client(), { [JOB]: caller('        writer.write("gpt-4o-mini", t);\n        pick().write("gpt-4.1", t);') }, true],
    ['same count', client('public class Writer', '    public String write(String model, int n) { return null; }'), { [JOB]: caller('        writer.write("gpt-4o-mini", t);') }, true],
    ['deriving', client(), { [JOB]: caller('        writer.write("gpt-4o-mini", t);'), '/ws/app/src/main/java/app/Fancy.java': 'package app;\npublic class Fancy extends Writer {\n    void go() { write("o3", "x"); }\n}\n' }, true],
    ['shared interface', client('public class Writer implements Drafts'), { [JOB]: caller('        writer.write("gpt-4o-mini", t);', 'Drafts'), '/ws/app/src/main/java/app/Drafts.java': iface, '/ws/app/src/main/java/app/Other.java': 'package app;\npublic class Other implements Drafts {\n    public String write(String model, String text) { return text; }\n}\n' }, true],
    ['no workspace', client('public class Writer', '    public String quick(String t) { return write("gpt-4o-mini", t); }'), {}, false],
  ];
  for (const [what, code, others, index] of cases) {
    const s = site(code, others, index);
    assert.equal(s.model, undefined, what);
  }
});

test('a caller holding an interface only the class implements: its call counts (the cases above can fail)', () => {
  const iface = 'package app;\npublic interface Drafts { String write(String model, String text); }\n';
  const s = site(client('public class Writer implements Drafts'), { [JOB]: caller('        writer.write("gpt-4.1", t);', 'Drafts'), '/ws/app/src/main/java/app/Drafts.java': iface });
  assert.equal(s.model?.id, 'gpt-4.1');
});

test('a private method: its file\'s callers alone, with no workspace too', () => {
  const s = site(client('public class Writer', '    public String quick(String t) { return write("gpt-4o-mini", t); }').replace('public String write', 'private String write'), {}, false);
  assert.equal(s.model?.id, 'gpt-4o-mini');
});

test('a file importing the method statically calls it by its plain name', () => {
  const job = 'package app.jobs;\n\nimport static app.Writer.write;\n\npublic class Job {\n    void run(String t) { write("gpt-4.1", t); }\n}\n';
  const s = site(client().replace('public String write', 'public static String write'), { [JOB]: job });
  assert.equal(s.model?.id, 'gpt-4.1');
});

test('a Kotlin file of the module naming the class and calling the name: its callers are not all known', () => {
  const kt = 'package app.jobs\n\nimport app.Writer\n\nclass KtJob(private val writer: Writer) {\n    fun run(t: String) = writer.write("o3", t)\n}\n';
  const s = site(client(), { [JOB]: caller('        writer.write("gpt-4o-mini", t);'), '/ws/app/src/main/kotlin/app/jobs/KtJob.kt': kt });
  assert.equal(s.model, undefined);
  assert.equal(site(client(), { [JOB]: caller('        writer.write("gpt-4o-mini", t);') }).model?.id, 'gpt-4o-mini');
});

test('with no build file, a package its folders do not spell is searched in the file\'s own folder, not an ancestor', () => {
  // The bench's generated tree (`package com.example.gen1956;` in pkg3/mod9/f1956.java) took /tmp, three folders up,
  // as the root and read every Java file under it. The folder holds the file's neighbours; a caller elsewhere is not
  // one of its module's.
  const code = client().replace('package app;', 'package com.example.gen1;');
  const file = '/ws/gen/mod1/Writer.java';
  const near = '/ws/gen/mod1/Job.java';
  const far = '/ws/other/Job.java';
  const job = (model: string) => caller(`        writer.write("${model}", t);`).replace('package app.jobs;', 'package com.example.gen1;').replace('import app.Writer;', '');
  const sites = (files: Record<string, string>) => findSites(code, 'java', file, undefined, new ValueIndex(memFiles({ ...files, [file]: code }))).sites[0];
  assert.equal(sites({ [near]: job('gpt-4o-mini') }).model?.id, 'gpt-4o-mini');
  assert.equal(sites({ [far]: job('gpt-4.1') }).model?.id, undefined);
});

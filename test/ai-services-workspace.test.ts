// src/core/scan/ai-services-workspace.ts: a LangChain4j AI service used in a file that neither builds nor annotates it
// (a parameter of the interface's type) is a call; its model and limit are those every place in the module that builds
// the interface uses, else unknown and named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const POM = '<project><dependencies><dependency><artifactId>langchain4j-open-ai</artifactId></dependency></dependencies></project>';
const ROOT = '/ws/desk';
const SRC = `${ROOT}/src/main/java/com/acme`;

const USER = `package com.acme.shared;

import com.acme.Assistant;

public class Chat {
    public static void talk(Assistant assistant, String q) {
        System.out.println(assistant.answer(q));
    }
}
`;

const builder = (cls: string, model: string, limit?: number) => `package com.acme.${cls.toLowerCase()};

import com.acme.Assistant;

public class ${cls} {
    public static void main(String[] args) {
        ChatModel model = OpenAiChatModel.builder().modelName("${model}")${limit ? `.maxTokens(${limit})` : ''}.build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).build();
        com.acme.shared.Chat.talk(assistant, "hi");
    }
}
`;

function workspace(extra: Record<string, string>, pom = POM): Record<string, string> {
  return { [`${ROOT}/pom.xml`]: pom, [`${SRC}/Assistant.java`]: 'package com.acme;\n\npublic interface Assistant {\n    String answer(String q);\n}\n', [`${SRC}/shared/Chat.java`]: USER, ...extra };
}

const sites = (files: Record<string, string>, index = new ValueIndex(memFiles(files))) => findSites(files[`${SRC}/shared/Chat.java`], 'java', `${SRC}/shared/Chat.java`, undefined, index).sites;

test('every place that builds the interface uses one model: the parameter\'s calls use it, its limit too', () => {
  const [s, ...rest] = sites(workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini', 300), [`${SRC}/b/B.java`]: builder('B', 'gpt-4.1-mini', 300) }));
  assert.equal(rest.length, 0);
  assert.equal(s.shape, 'langchain4j.aiservice');
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.model?.file, `${SRC}/a/A.java`);
  assert.match(s.model?.source?.what ?? '', /all 2 places that build Assistant/);
  assert.equal(s.maxOutput?.value, 300);
  assert.equal(s.maxOutputUnresolved, undefined);
});

test('places that build it with different models: the model is unknown and both are named', () => {
  const [s] = sites(workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini', 300), [`${SRC}/b/B.java`]: builder('B', 'gpt-4.1', 300) }));
  assert.equal(s.model, undefined);
  assert.equal(s.modelUnresolved, 'Assistant is built with different models: gpt-4.1-mini in A.java:8, gpt-4.1 in B.java:8');
  // The same limit everywhere still holds.
  assert.equal(s.maxOutput?.value, 300);
});

test('no place sets a limit: none, so the advice to set one stands; places that differ: run time, named', () => {
  const none = sites(workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini') }))[0];
  assert.equal(none.maxOutput, undefined);
  assert.equal(none.maxOutputUnresolved, undefined);
  const differ = sites(workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini', 300), [`${SRC}/b/B.java`]: builder('B', 'gpt-4.1-mini') }))[0];
  assert.equal(differ.model?.id, 'gpt-4.1-mini');
  assert.equal(differ.maxOutputUnresolved, 'limit of Assistant set where it is built: 300 in A.java:8, none in B.java:8');
});

test('a model the builder takes as a parameter is not known there: unknown, named', () => {
  const param = builder('A', 'x').replace(/ChatModel model = [^\n]*\n/, '').replace('main(String[] args)', 'make(ChatModel model)');
  const [s] = sites(workspace({ [`${SRC}/a/A.java`]: param }));
  assert.equal(s.model, undefined);
  assert.match(s.modelUnresolved ?? '', /^Assistant is built with a model not known here: model \(model made elsewhere\) in A\.java:\d+$/);
  assert.match(s.maxOutputUnresolved ?? '', /not known here in A\.java/);
});

test('a module whose build file names no LangChain4j, or a resolver that cannot list folders: no call', () => {
  const files = workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini') }, '<project></project>');
  assert.equal(sites(files).length, 0);
  const { read, list } = memFiles(workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini') }));
  assert.equal(sites(workspace({}), new ValueIndex({ read, list })).length, 0);
});

test('a builder file that changes is read again once the index is told', () => {
  const files = workspace({ [`${SRC}/a/A.java`]: builder('A', 'gpt-4.1-mini') });
  const index = new ValueIndex(memFiles(files));
  assert.equal(sites(files, index)[0].model?.id, 'gpt-4.1-mini');
  files[`${SRC}/a/A.java`] = builder('A', 'gpt-4.1');
  assert.equal(sites(files, index)[0].model?.id, 'gpt-4.1-mini', 'memoised until told');
  index.invalidate(`${SRC}/a/A.java`);
  assert.equal(sites(files, index)[0].model?.id, 'gpt-4.1');
});

test('Kotlin: a parameter `assistant: Assistant` of a service built with Assistant::class.java elsewhere', () => {
  const kt = `package com.acme.shared\n\nimport com.acme.Assistant\n\nfun talk(assistant: Assistant, q: String) {\n    println(assistant.answer(q))\n}\n`;
  const made = `package com.acme.a\n\nval assistant = AiServices.builder(Assistant::class.java)\n    .chatModel(OpenAiChatModel.builder().modelName("gpt-4.1-mini").build())\n    .build()\n`;
  const files = { ...workspace({ [`${SRC}/a/Made.kt`]: made }), [`${SRC}/shared/Talk.kt`]: kt };
  const [s] = findSites(kt, 'kotlin', `${SRC}/shared/Talk.kt`, undefined, new ValueIndex(memFiles(files))).sites;
  assert.equal(s?.model?.id, 'gpt-4.1-mini');
});

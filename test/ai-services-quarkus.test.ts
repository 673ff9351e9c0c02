// src/core/scan/ai-services-quarkus.ts: quarkus-langchain4j `@RegisterAiService` interfaces injected into a bean are
// services, and an injected ChatModel a call; model and limit from application.properties / .yaml, else the
// extension's defaults (named, never edited in place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { limitEdit, modelEdit } from '../src/core/editor/edits';
import { memFiles } from './helpers/mem-files';

const ROOT = '/ws/app';
const SRC = `${ROOT}/src/main/java/com/acme`;
const pom = (...exts: string[]) => `<project><dependencies>${exts.map((e) => `<dependency><artifactId>quarkus-langchain4j-${e}</artifactId></dependency>`).join('')}</dependencies></project>`;

const BOT = `package com.acme;

import io.quarkiverse.langchain4j.RegisterAiService;

@RegisterAiService(tools = { Weather.class, Clock.class })
public interface Bot {
    String chat(String message);
}
`;

const RESOURCE = `package com.acme;

import jakarta.inject.Inject;

public class ChatResource {
    @Inject
    Bot bot;

    public String ask(String q) {
        return bot.chat(q);
    }
}
`;

function sites(files: Record<string, string>) {
  const all = { [`${SRC}/Bot.java`]: BOT, [`${SRC}/ChatResource.java`]: RESOURCE, ...files };
  return findSites(RESOURCE, 'java', `${SRC}/ChatResource.java`, undefined, new ValueIndex(memFiles(all))).sites;
}

test('no model property: the extension\'s default, named after its config source and never edited in place', () => {
  const [s, ...rest] = sites({ [`${ROOT}/pom.xml`]: pom('openai', 'openai-deployment') });
  assert.equal(rest.length, 0);
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.match(s.model?.source?.what ?? '', /^default of quarkus\.langchain4j\.openai\.chat-model\.model-name \(quarkiverse\/quarkus-langchain4j .*openai\/runtime\/config\/ChatModelConfig\.java\)$/);
  assert.equal(modelEdit(s, 'gpt-4.1-nano'), undefined);
  // The OpenAI extension sends no limit unless set: the model's own maximum, with the advice to set one.
  assert.equal(s.maxOutput, undefined);
  assert.equal(s.maxOutputUnresolved, undefined);
});

test('the properties (a YAML file too) win over the defaults; a %profile key is not the default profile', () => {
  const props = 'quarkus.langchain4j.openai.chat-model.model-name=gpt-4.1-mini\n%dev.quarkus.langchain4j.openai.chat-model.model-name=gpt-4.1-nano\nquarkus.langchain4j.openai.chat-model.max-completion-tokens=700\n';
  const [s] = sites({ [`${ROOT}/pom.xml`]: pom('openai'), [`${ROOT}/src/main/resources/application.properties`]: props });
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.model?.file, `${ROOT}/src/main/resources/application.properties`);
  assert.equal(s.maxOutput?.value, 700);
  const yaml = 'quarkus:\n  langchain4j:\n    anthropic:\n      chat-model:\n        model-name: claude-sonnet-4-5\n';
  const [y] = sites({ [`${ROOT}/pom.xml`]: pom('anthropic'), [`${ROOT}/src/main/resources/application.yaml`]: yaml });
  assert.equal(y.model?.id, 'claude-sonnet-4-5');
  // Anthropic's extension sends max-tokens 1024 unless set (ChatModelConfig.java @WithDefault("1024")).
  assert.equal(y.maxOutput?.value, 1024);
  assert.equal(y.maxOutput?.unwritten, true);
  assert.equal(limitEdit(y, 500), undefined);
});

test('two provider extensions and no chat-model.provider: the model is unknown, the reason named', () => {
  const [s] = sites({ [`${ROOT}/pom.xml`]: pom('openai', 'ollama') });
  assert.equal(s.model, undefined);
  assert.match(s.modelUnresolved ?? '', /several providers, none chosen/);
  assert.match(s.maxOutputUnresolved ?? '', /^quarkus\.langchain4j\.<provider>\.chat-model/);
  const [chosen] = sites({ [`${ROOT}/pom.xml`]: pom('openai', 'ollama'), [`${ROOT}/src/main/resources/application.properties`]: 'quarkus.langchain4j.chat-model.provider=ollama\n' });
  assert.equal(chosen.model?.id, 'llama3.2');
});

test('modelName = "…" reads the named model config; a module without quarkus-langchain4j has no service', () => {
  const named = BOT.replace('tools = { Weather.class, Clock.class }', 'modelName = "fast"');
  const props = 'quarkus.langchain4j.openai.chat-model.model-name=gpt-4.1\nquarkus.langchain4j.openai.fast.chat-model.model-name=gpt-4.1-nano\n';
  const [s] = sites({ [`${ROOT}/pom.xml`]: pom('openai'), [`${SRC}/Bot.java`]: named, [`${ROOT}/src/main/resources/application.properties`]: props });
  assert.equal(s.model?.id, 'gpt-4.1-nano');
  assert.equal(sites({ [`${ROOT}/pom.xml`]: '<project></project>' }).length, 0);
});

test('a JBang script: its //DEPS name the extension', () => {
  const text = '//DEPS io.quarkiverse.langchain4j:quarkus-langchain4j-ollama:1.4.2\nimport dev.langchain4j.model.chat.ChatModel;\n\npublic class jokes {\n    @Inject\n    ChatModel ai;\n\n    void run() {\n        ai.chat("tell me a joke");\n    }\n}\n';
  const [s] = findSites(text, 'java', '/ws/jokes.java', undefined, new ValueIndex(memFiles({ '/ws/jokes.java': text }))).sites;
  assert.equal(s.model?.id, 'llama3.2');
});

test('only a %prod key: the packaged application runs it; the limit advice names the property to set', () => {
  const props = '%prod.quarkus.langchain4j.openai.chat-model.model-name=gpt-4.1\n%dev.quarkus.langchain4j.openai.chat-model.model-name=gpt-4.1-nano\n';
  const [s] = sites({ [`${ROOT}/pom.xml`]: pom('openai'), [`${ROOT}/src/main/resources/application.properties`]: props });
  assert.equal(s.model?.id, 'gpt-4.1');
  assert.match(s.model?.source?.what ?? '', /^%prod\.quarkus\.langchain4j\.openai\.chat-model\.model-name in application\.properties$/);
  // No limit is set: the user sets one in the configuration, not in the call.
  assert.equal(s.limitParam, 'quarkus.langchain4j.openai.chat-model.max-tokens');
  assert.equal(limitEdit(s, 600), undefined);
});

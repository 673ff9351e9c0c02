// src/core/scan/ai-services-spring.ts: `@AiService` interfaces that langchain4j-spring-boot-starter makes into beans,
// injected into a controller; the model and limit from the provider starter's langchain4j.* properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { usesAiServiceStarter } from '../src/core/scan/ai-services-spring';
import { memFiles } from './helpers/mem-files';

const STARTERS = '<dependency><artifactId>langchain4j-spring-boot-starter</artifactId></dependency>\n<dependency><artifactId>langchain4j-open-ai-spring-boot-starter</artifactId></dependency>';
const SRC = '/ws/src/main/java/com/acme';

const SERVICE = `package com.acme;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.spring.AiService;

@AiService
public interface Concierge {

    @SystemMessage("You are the concierge of a small hotel.")
    String chat(String message);
}
`;

const CONTROLLER = `package com.acme;

@RestController
public class DeskController {

    private final Concierge concierge;
    private final Ledger ledger;

    public DeskController(Concierge concierge, Ledger ledger) {
        this.concierge = concierge;
        this.ledger = ledger;
    }

    public String ask(String message) {
        ledger.chat(message);
        return concierge.chat(message) + concierge.toString();
    }
}
`;

function workspace(extra: Record<string, string> = {}): Record<string, string> {
  return {
    '/ws/pom.xml': `<project><dependencies>${STARTERS}</dependencies></project>`,
    '/ws/src/main/resources/application.properties': 'langchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\nlangchain4j.open-ai.chat-model.max-tokens=300\n',
    [`${SRC}/Concierge.java`]: SERVICE,
    [`${SRC}/Ledger.java`]: 'package com.acme;\n\npublic interface Ledger {\n    String chat(String entry);\n}\n',
    [`${SRC}/DeskController.java`]: CONTROLLER,
    ...extra,
  };
}

const sites = (files: Record<string, string>, file = `${SRC}/DeskController.java`) => findSites(files[file], 'java', file, undefined, new ValueIndex(memFiles(files))).sites;

test('usesAiServiceStarter: the module\'s build file or a parent\'s names the starter; none, or another starter only: false', () => {
  assert.equal(usesAiServiceStarter(memFiles(workspace()), `${SRC}/DeskController.java`), true);
  const parent = { '/ws/pom.xml': `<project>${STARTERS}</project>`, '/ws/app/pom.xml': '<project><artifactId>app</artifactId></project>', '/ws/app/src/main/java/A.java': '' };
  assert.equal(usesAiServiceStarter(memFiles(parent), '/ws/app/src/main/java/A.java'), true);
  const gradle = { '/ws/build.gradle.kts': 'implementation("dev.langchain4j:langchain4j-spring-boot4-starter")', '/ws/src/A.kt': '' };
  assert.equal(usesAiServiceStarter(memFiles(gradle), '/ws/src/A.kt'), true);
  const other = { '/ws/pom.xml': '<project><artifactId>langchain4j-open-ai-spring-boot-starter</artifactId></project>', '/ws/src/A.java': '' };
  assert.equal(usesAiServiceStarter(memFiles(other), '/ws/src/A.java'), false);
  assert.equal(usesAiServiceStarter(memFiles({ '/ws/src/A.java': '' }), '/ws/src/A.java'), false);
});

test('an injected @AiService: each method called on it is a call, model and limit from langchain4j.open-ai.chat-model.*', () => {
  const found = sites(workspace());
  // ledger.chat (an ordinary interface) and concierge.toString() are no calls.
  assert.equal(found.length, 1);
  const [s] = found;
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.model?.source?.file, '/ws/src/main/resources/application.properties');
  assert.equal(s.maxOutput?.value, 300);
  assert.equal(s.maxOutputUnresolved, undefined);
  const system = s.parts.find((p) => p.resolved);
  assert.equal(system?.text, 'You are the concierge of a small hotel.');
  assert.equal(system?.source?.file, `${SRC}/Concierge.java`);
});

test('no starter in the build: the injected interface is not taken for a service', () => {
  assert.deepEqual(sites(workspace({ '/ws/pom.xml': '<project><artifactId>plain</artifactId></project>' })), []);
});

test('an interface without @AiService is no service, even in a starter module', () => {
  assert.deepEqual(sites(workspace({ [`${SRC}/Concierge.java`]: SERVICE.replace('@AiService\n', '') })), []);
});

test('no model property: the model is unknown and the limit run time (never "add a limit")', () => {
  const s = sites(workspace({ '/ws/src/main/resources/application.properties': 'langchain4j.open-ai.chat-model.api-key=${KEY}\n' }))[0];
  assert.equal(s.model, undefined);
  assert.match(s.modelUnresolved ?? '', /chat-model\.model-name/);
  assert.equal(s.maxOutput, undefined);
  assert.match(s.maxOutputUnresolved ?? '', /chat-model/);
});

test('several providers configured: the one the pom names outside its profiles; none named: unknown', () => {
  const props = 'langchain4j.ollama.chat-model.model-name=llama3.2\nlangchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\n';
  const profiled = `<project><dependencies>${STARTERS}</dependencies><profiles><profile><artifactId>langchain4j-ollama-spring-boot-starter</artifactId></profile></profiles></project>`;
  assert.equal(sites(workspace({ '/ws/pom.xml': profiled, '/ws/src/main/resources/application.properties': props }))[0].model?.id, 'gpt-4.1-mini');
  const both = `<project>${STARTERS}<artifactId>langchain4j-ollama-spring-boot-starter</artifactId></project>`;
  assert.equal(sites(workspace({ '/ws/pom.xml': both, '/ws/src/main/resources/application.properties': props }))[0].model, undefined);
});

test('@AiService(wiringMode = EXPLICIT, chatModel = "…"): the named bean\'s model, not the starter\'s properties', () => {
  const wired = SERVICE.replace('@AiService\n', '@AiService(wiringMode = AiServiceWiringMode.EXPLICIT, chatModel = "fastModel")\n');
  const s = sites(workspace({ [`${SRC}/Concierge.java`]: wired }))[0];
  // The properties name gpt-4.1-mini and 300; the service uses the bean fastModel, made in the user's own code.
  assert.equal(s.model, undefined);
  assert.match(s.modelUnresolved ?? '', /bean "fastModel"/);
  assert.equal(s.maxOutput, undefined);
  assert.match(s.maxOutputUnresolved ?? '', /bean "fastModel"/);
});

test('EXPLICIT wiring to the starter\'s own bean (openAiChatModel, openAiStreamingChatModel): its properties, unless the module declares that bean', () => {
  // held70 Nevermor7/llm4j: `@AiService(wiringMode = EXPLICIT, chatModel = "openAiChatModel", tools = {…})`, the
  // model in application.yaml langchain4j.open-ai.chat-model.model-name; a ChatModel bean of another name beside it.
  const wired = SERVICE.replace('@AiService\n', '@AiService(wiringMode = AiServiceWiringMode.EXPLICIT, chatModel = "openAiChatModel", tools = {"bookingTools"})\n');
  const own = 'package com.acme;\n\n@Configuration\npublic class ModelConfig {\n    @Bean\n    public ChatModel bookingModel() {\n        return OpenAiChatModel.builder().modelName("gpt-4o").build();\n    }\n}\n';
  const s = sites(workspace({ [`${SRC}/Concierge.java`]: wired, [`${SRC}/ModelConfig.java`]: own }))[0];
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.maxOutput?.value, 300);
  const stream = SERVICE.replace('@AiService\n', '@AiService(wiringMode = EXPLICIT, streamingChatModel = "openAiStreamingChatModel")\n').replace('String chat', 'Flux<String> chat');
  const props = 'langchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\nlangchain4j.open-ai.streaming-chat-model.model-name=gpt-4.1-nano\n';
  assert.equal(sites(workspace({ [`${SRC}/Concierge.java`]: stream, '/ws/src/main/resources/application.properties': props }))[0].model?.id, 'gpt-4.1-nano');
  // The module makes a bean of that very name itself: that bean's model, not the properties.
  const same = own.replace('bookingModel()', 'openAiChatModel()');
  const mine = sites(workspace({ [`${SRC}/Concierge.java`]: wired, [`${SRC}/ModelConfig.java`]: same }))[0];
  assert.equal(mine.model, undefined);
  assert.match(mine.modelUnresolved ?? '', /bean "openAiChatModel"/);
});

test('a wiring left in a comment under the live @AiService is not its wiring (the starter\'s model)', () => {
  // held70 dayongchan/langchain4j-springboot-demo StreamingChatAssistant.java: `@AiService` then
  // `//@AiService(wiringMode = AiServiceWiringMode.EXPLICIT, chatModel = "…")`.
  const commented = SERVICE.replace('@AiService\n', '@AiService\n//@AiService(wiringMode = AiServiceWiringMode.EXPLICIT, chatModel = "fastModel")\n/* chatModel = "slowModel" */\n');
  const s = sites(workspace({ [`${SRC}/Concierge.java`]: commented }))[0];
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.maxOutput?.value, 300);
});

test('a method returning TokenStream or Flux uses the streaming-chat-model properties', () => {
  const streaming = SERVICE.replace('String chat(String message);', 'TokenStream chat(String message);');
  const props = 'langchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\nlangchain4j.open-ai.streaming-chat-model.model-name=gpt-4.1-nano\n';
  const s = sites(workspace({ [`${SRC}/Concierge.java`]: streaming, '/ws/src/main/resources/application.properties': props }))[0];
  assert.equal(s.model?.id, 'gpt-4.1-nano');
});

test('@SystemMessage(fromResource = …): the class-path resource, from the root or relative to the package', () => {
  for (const [path, file] of [['/prompts/desk.txt', '/ws/src/main/resources/prompts/desk.txt'], ['desk.txt', '/ws/src/main/resources/com/acme/desk.txt']]) {
    const service = SERVICE.replace('@SystemMessage("You are the concierge of a small hotel.")', `@SystemMessage(fromResource = "${path}")`);
    const s = sites(workspace({ [`${SRC}/Concierge.java`]: service, [file]: 'You answer guests of the Harbour Hotel.\n' }))[0];
    const system = s.parts.find((p) => p.resolved);
    assert.equal(system?.text, 'You answer guests of the Harbour Hotel.\n', path);
    assert.equal(system?.source?.file, file, path);
  }
});

test('Kotlin: a constructor property of the service type', () => {
  const files = {
    '/ws/build.gradle.kts': 'implementation("dev.langchain4j:langchain4j-spring-boot-starter")',
    '/ws/src/main/resources/application.properties': 'langchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\n',
    '/ws/src/main/kotlin/com/acme/Concierge.kt': 'package com.acme\n\n@AiService\ninterface Concierge {\n    @SystemMessage("You are the concierge.")\n    fun chat(message: String): String\n}\n',
    '/ws/src/main/kotlin/com/acme/Desk.kt': 'package com.acme\n\nclass Desk(private val concierge: Concierge) {\n    fun ask(q: String) = concierge.chat(q)\n}\n',
  };
  const found = findSites(files['/ws/src/main/kotlin/com/acme/Desk.kt'], 'kotlin', '/ws/src/main/kotlin/com/acme/Desk.kt', undefined, new ValueIndex(memFiles(files))).sites;
  assert.equal(found.length, 1);
  assert.equal(found[0].model?.id, 'gpt-4.1-mini');
  assert.equal(found[0].parts.find((p) => p.resolved)?.text, 'You are the concierge.');
});

test('an injected ChatModel in a module with a provider starter: the bean that starter makes from its properties', () => {
  const controller = 'package com.acme;\n\nimport dev.langchain4j.model.chat.ChatModel;\nimport dev.langchain4j.model.chat.StreamingChatModel;\n\npublic class Status {\n    private final ChatModel chatModel;\n    private final StreamingChatModel streaming;\n\n    String ok() {\n        chatModel.chat("Say OK.");\n        return streaming.chat("Say OK.", handler);\n    }\n}\n';
  const props = 'langchain4j.open-ai.chat-model.model-name=gpt-4.1-mini\nlangchain4j.open-ai.streaming-chat-model.model-name=gpt-4.1-nano\n';
  const files = workspace({ [`${SRC}/Status.java`]: controller, '/ws/src/main/resources/application.properties': props });
  const [plain, streaming] = sites(files, `${SRC}/Status.java`);
  assert.equal(plain.model?.id, 'gpt-4.1-mini');
  assert.equal(streaming.model?.id, 'gpt-4.1-nano');
  // No provider starter in the build (the model is made in code somewhere): the label stays.
  const none = sites({ ...files, '/ws/pom.xml': '<project><artifactId>langchain4j-open-ai</artifactId></project>' }, `${SRC}/Status.java`);
  assert.equal(none[0].model, undefined);
  assert.match(none[0].modelUnresolved ?? '', /chatModel \(model made elsewhere\)/);
});

test('EXPLICIT wiring with tool beans (`tools = {"…"}`) is a tool loop; AUTOMATIC or no tools named: one request', () => {
  // held70 Nevermor7/llm4j Assistant.java: `@AiService(wiringMode = EXPLICIT, chatModel = "openAiChatModel", tools =
  // {"functionTools"})`; the starter builds it with AiServices (AiServiceFactory.java), whose default bound holds.
  const tooled = SERVICE.replace('@AiService\n', '@AiService(wiringMode = AiServiceWiringMode.EXPLICIT, chatModel = "openAiChatModel", tools = {"bookingTools"})\n');
  const bom = `<project><dependencyManagement><dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-bom</artifactId><version>1.0.1</version></dependency></dependencies></dependencyManagement><dependencies>${STARTERS}</dependencies></project>`;
  const s = sites(workspace({ [`${SRC}/Concierge.java`]: tooled, '/ws/pom.xml': bom }))[0];
  assert.equal(s.run?.turns, 100);
  assert.equal(s.run?.turnsSource, 'framework-default');
  assert.match(s.run?.turnsFrom ?? '', /LangChain4j 1\.0\.1 default: 100 tool round trips/);
  assert.equal(sites(workspace({ [`${SRC}/Concierge.java`]: tooled.replace('bookingTools', 'x').replace(', tools = {"x"}', ', tools = {}') }))[0].run, undefined);
  assert.equal(sites(workspace({ [`${SRC}/Concierge.java`]: tooled.replace('wiringMode = AiServiceWiringMode.EXPLICIT, ', '') }))[0].run, undefined);
  assert.equal(sites(workspace())[0].run, undefined);
});

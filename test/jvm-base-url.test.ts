// src/core/scan/jvm-base-url.ts: a relative URL sent on a Spring WebClient / RestTemplate is joined to the base URL its
// module makes the client with; with no base stated, only OpenAI's chat path with a model and messages is OpenAI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

const ROOT = '/ws/app';
const SRC = `${ROOT}/src/main/java/demo`;
const POM = '<project><artifactId>app</artifactId></project>';

const client = (uri: string) => `package demo;

import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

public class Client {
    private final WebClient webClient;

    public Client(WebClient webClient) { this.webClient = webClient; }

    record Req(String model, java.util.List<Object> messages) {}

    public Object ask(java.util.List<Object> history) {
        var request = new Req("gpt-4o-mini", history);
        return webClient.post()
                .uri(${uri})
                .body(BodyInserters.fromValue(request))
                .retrieve()
                .bodyToFlux(String.class);
    }
}
`;

const config = (base: string) => `package demo;

import org.springframework.web.reactive.function.client.WebClient;

public class Config {
    static final String BASE = "${base}";

    public WebClient webClient() {
        return WebClient.builder().baseUrl(BASE).build();
    }
}
`;

function sites(files: Record<string, string>) {
  const all: Record<string, string> = { [`${ROOT}/pom.xml`]: POM, ...files };
  return findSites(all[`${SRC}/Client.java`], 'java', `${SRC}/Client.java`, undefined, new ValueIndex(memFiles(all))).sites;
}

test('a relative URI joins the base of WebClient.builder().baseUrl(…) in another file of the module', () => {
  const [s, ...rest] = sites({ [`${SRC}/Client.java`]: client('"/chat/completions"'), [`${SRC}/Config.java`]: config('https://api.openai.com/v1') });
  assert.equal(rest.length, 0);
  assert.equal(s.shape, 'http.openai.chat.body.jvm');
  assert.equal(s.model?.id, 'gpt-4o-mini');
  assert.equal(s.host, undefined);
  assert.equal(s.urlFrom, 'base URL https://api.openai.com/v1 (Config.java)');
});

test('a base of another host: priced by that host, never as OpenAI', () => {
  const [s] = sites({ [`${SRC}/Client.java`]: client('"/chat/completions"'), [`${SRC}/Config.java`]: config('https://api.groq.com/openai/v1') });
  assert.equal(s.provider, 'groq');
});

test('a base whose path is not the API: no call (the module says where it posts)', () => {
  assert.equal(sites({ [`${SRC}/Client.java`]: client('"/v2/chat"'), [`${SRC}/Config.java`]: config('https://api.openai.com/v1') }).length, 0);
});

test('no base in the module: OpenAI\'s chat path with a model and messages is OpenAI\'s, said so', () => {
  const [s] = sites({ [`${SRC}/Client.java`]: client('"v1/chat/completions"') });
  assert.equal(s.provider, 'openai');
  assert.match(s.urlFrom ?? '', /^relative URL v1\/chat\/completions with a model and messages: OpenAI's chat path/);
  // A body with no messages is no chat request.
  const noMessages = client('"/chat/completions"').replace('new Req("gpt-4o-mini", history)', 'new Other("gpt-4o-mini")');
  assert.equal(sites({ [`${SRC}/Client.java`]: noMessages }).length, 0);
  // Another relative path (the app's own route) is no call.
  assert.equal(sites({ [`${SRC}/Client.java`]: client('"/api/chat"') }).length, 0);
});

test('two WebClients made with different bases: a model provider\'s base is taken, else the relative path is not assumed to be OpenAI\'s', () => {
  const other = (base: string, url: string) => config(base).replace('    public WebClient webClient() {', `    public WebClient other() {\n        return WebClient.builder().baseUrl("${url}").build();\n    }\n\n    public WebClient webClient() {`);
  // One of the two is OpenAI's own host (a weather or placeholder API beside it, martinkabe/SpringBootMasterClass2024).
  const [s] = sites({ [`${SRC}/Client.java`]: client('"/chat/completions"'), [`${SRC}/Config.java`]: other('https://api.openai.com/v1', 'https://example.com') });
  assert.equal(s?.provider, 'openai');
  // Neither is a provider's: the path could be either client's, so no call.
  assert.equal(sites({ [`${SRC}/Client.java`]: client('"/chat/completions"'), [`${SRC}/Config.java`]: other('https://gateway.example.org/v1', 'https://example.com') }).length, 0);
});

const KT = `${ROOT}/src/main/kotlin/demo`;
const ktClient = (path: string) => `package demo

import org.springframework.web.client.RestTemplate
import org.springframework.web.client.postForObject

data class ChatReq(val model: String, val messages: List<Any>, val max_tokens: Int = 300)

class Client(private val rest: RestTemplate, private val props: AiProps) {
    fun ask(history: List<Any>): Map<String, Any> =
        rest.postForObject<Map<String, Any>>("${path}", ChatReq(model = props.chatModel, messages = history))
}
`;
const ktProps = `package demo

import org.springframework.boot.context.properties.ConfigurationProperties

@ConfigurationProperties("ai")
data class AiProps(
    val baseUrl: String,
    val chatModel: String,
)
`;
const ktConfig = (made: string) => `package demo

class RestConfig {
    fun rest(builder: RestTemplateBuilder, props: AiProps): RestTemplate = ${made}
}
`;
const YML = 'ai:\n  base-url: https://api.openai.com\n  chat-model: gpt-4.1-mini\n';

function ktSites(made: string, path = 'v1/chat/completions') {
  const all = {
    [`${ROOT}/build.gradle.kts`]: 'plugins {}', [`${ROOT}/src/main/resources/application.yml`]: YML,
    [`${KT}/Client.kt`]: ktClient(path), [`${KT}/AiProps.kt`]: ktProps, [`${KT}/RestConfig.kt`]: ktConfig(made),
  };
  return findSites(ktClient(path), 'kotlin', `${KT}/Client.kt`, undefined, new ValueIndex(memFiles(all))).sites;
}

test('Kotlin: a reified postForObject<T>(…) to a path under RestTemplateBuilder.rootUri(props.baseUrl), model from application.yml', () => {
  // RootUriTemplateHandler prefixes only a path starting with `/`: "v1/chat/completions" is not sent to the root.
  assert.equal(ktSites('builder.rootUri(props.baseUrl).build()').length, 0);
  const [s, ...rest] = ktSites('builder.rootUri(props.baseUrl).build()', '/v1/chat/completions');
  assert.equal(rest.length, 0);
  assert.equal(s.shape, 'http.openai.chat.postForObject.jvm');
  assert.equal(s.model?.id, 'gpt-4.1-mini');
  assert.equal(s.maxOutput?.value, 300);
  assert.equal(s.urlFrom, 'base URL https://api.openai.com (RestConfig.kt)');
});

test('Kotlin: an interceptor that sends to URI(props.baseUrl + request.uri) gives the base too', () => {
  const [s] = ktSites('RestTemplate().apply { interceptors.add(ClientHttpRequestInterceptor { request, body, execution -> execution.execute(SimpleClientHttpRequestFactory().createRequest(URI(props.baseUrl + request.uri), request.method), body) }) }');
  assert.equal(s.urlFrom, 'base URL https://api.openai.com (RestConfig.kt)');
});

// Spring 6.1 RestClient (RestClient javadoc: create(String), builder().baseUrl(String)), posting to the Responses API
// in the form of a Spring tutor engine seen in the wild (`this.client = RestClient.builder().baseUrl("https://api.openai.com/v1")
// .build()` then `client.post().uri("/responses")….body(body).retrieve()`): before, only the chat path was taken as
// OpenAI's (with no base), and a Responses call had no row.
test('a relative URI joins the base of RestClient.builder().baseUrl(…) or RestClient.create(…)', () => {
  for (const made of ['RestClient.builder().baseUrl("https://api.openai.com/v1").build()', 'RestClient.create("https://api.openai.com/v1")']) {
    const engine = `package demo;

import org.springframework.web.client.RestClient;
import java.util.Map;

public class Client {
    private final RestClient client;

    public Client() { this.client = ${made}; }

    public String answer(String question) {
        Map<String, Object> body = Map.of("model", "gpt-4.1-mini", "input", "Answer from the notes. " + question);
        return client.post().uri("/responses").body(body).retrieve().body(String.class);
    }
}
`;
    const [s, ...rest] = sites({ [`${SRC}/Client.java`]: engine });
    assert.equal(rest.length, 0, made);
    assert.equal(s?.sdk, 'OpenAI HTTP', made);
    assert.equal(s?.model?.id, 'gpt-4.1-mini', made);
    assert.equal(s?.limitParam, 'max_output_tokens', made);
    assert.equal(s?.urlFrom, 'base URL https://api.openai.com/v1 (Client.java)', made);
  }
});

// The form of a Spring course's OpenAiChatClient (Washingtonwei/hogwarts-artifacts-online, many forks): the whole chat
// URL is the RestClient's base (`restClientBuilder.baseUrl(endpoint)`, `ai.openai.endpoint` in application.yml) and
// the request is posted with no `.uri(…)`: RestClient sends it to the base URL.
test('a RestClient post with no uri(…) is sent to its base URL, here the whole chat endpoint from application.yml', () => {
  const chat = `package demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.client.RestClient;
import java.util.List;
import java.util.Map;

public class Client {
    private final RestClient restClient;

    public Client(@Value("\${ai.openai.endpoint}") String endpoint, RestClient.Builder restClientBuilder) {
        this.restClient = restClientBuilder.baseUrl(endpoint).build();
    }

    public String generate(String text) {
        Map<String, Object> chatRequest = Map.of("model", "gpt-4o", "messages", List.of(Map.of("role", "user", "content", text)));
        return this.restClient.post().body(chatRequest).retrieve().body(String.class);
    }
}
`;
  const yml = 'ai:\n  openai:\n    endpoint: ${AI_OPENAI_ENDPOINT:https://api.openai.com/v1/chat/completions}\n';
  const [s, ...rest] = sites({ [`${SRC}/Client.java`]: chat, [`${ROOT}/src/main/resources/application.yml`]: yml });
  assert.equal(rest.length, 0);
  assert.equal(s?.shape, 'http.openai.chat.body.jvm');
  assert.equal(s?.model?.id, 'gpt-4o');
  assert.equal(s?.urlFrom, 'base URL https://api.openai.com/v1/chat/completions (Client.java)');
  // The key set only in the profile application.yml makes active (Spring Boot: spring.profiles.active), as the course's
  // code has it (application-dev.yml, `spring.profiles.active: dev`).
  const [p] = sites({ [`${SRC}/Client.java`]: chat, [`${ROOT}/src/main/resources/application.yml`]: 'spring:\n  profiles:\n    active: dev # by default\n', [`${ROOT}/src/main/resources/application-dev.yml`]: yml });
  assert.equal(p?.urlFrom, 'base URL https://api.openai.com/v1/chat/completions (Client.java)');
  // A base that is no endpoint (the API root) with no uri(…): no request of a known API.
  const root = sites({ [`${SRC}/Client.java`]: chat, [`${ROOT}/src/main/resources/application.yml`]: yml.replace('/chat/completions', '') });
  assert.equal(root.length, 0);
});

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

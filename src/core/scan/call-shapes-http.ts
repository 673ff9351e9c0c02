// LLM calls made over plain HTTP, without an SDK: JS `fetch` of "https://api.openai.com/v1/chat/completions" with
// `{ body: JSON.stringify({…}) }`, `requests.post(url, json=payload)`, Laravel `Http::post(url, […])`, `HTTParty.post(url,
// body: {…}.to_json)`. A row per HTTP function and provider API; the URL decides (http-calls.ts), never the function
// alone. The body's keys are the API's JSON names, the same the SDKs send, so the request readers read them as they
// read an SDK call's.
import type { CallShape, HttpApi } from './call-shape-types';

interface Api {
  key: string;
  sdk: string;
  provider: string;
  http: HttpApi;
  limitParam: string;
  limitNested?: boolean;
  textCompletion?: true;
  /** An embeddings endpoint: CallShape.embedding (no output, no limit); `prompt` its body's own text keys. */
  embedding?: true;
  prompt?: string[];
  /** An OpenAI Assistants run (CallShape.assistantRun): the model and instructions its assistant's unless the body sets them. */
  assistantRun?: 'run' | 'thread';
  source: string;
}

const APIS: Api[] = [
  {
    key: 'openai.chat', sdk: 'OpenAI HTTP', provider: 'openai', limitParam: 'max_completion_tokens',
    http: { path: /\/chat\/completions$/, words: ['completions'] },
    source: 'https://platform.openai.com/docs/api-reference/chat/create (POST /v1/chat/completions; max_completion_tokens, max_tokens deprecated)',
  },
  {
    // The legacy completions endpoint (text-davinci-003 in 2023 apps; gpt-3.5-turbo-instruct and davinci-002 still
    // take it). Its body's text is `prompt`, its limit `max_tokens`. Only `/v1/completions`: `{BASE}/completions` may
    // be any server's route.
    key: 'openai.completions', sdk: 'OpenAI HTTP', provider: 'openai', limitParam: 'max_tokens', textCompletion: true,
    http: { path: /\/v1\/completions$/, words: ['completions'] },
    source: 'https://platform.openai.com/docs/api-reference/completions/create (POST /v1/completions, Legacy; model, prompt, max_tokens)',
  },
  {
    // The engines form of the same endpoint (2020-2022 apps; the engine is the model): `POST
    // https://api.openai.com/v1/engines/{engine_id}/completions`, as OpenAI's API reference gave it then and
    // TheoKanning/openai-java's OpenAiApi declares it (`@Deprecated @POST("/v1/engines/{engine_id}/completions")`).
    key: 'openai.engines', sdk: 'OpenAI HTTP', provider: 'openai', limitParam: 'max_tokens', textCompletion: true,
    http: { path: /\/v1\/engines\/([^/{}]+)\/completions$/, words: ['completions'], modelInUrl: true },
    source: 'https://platform.openai.com/docs/api-reference/completions (legacy POST /v1/engines/{engine_id}/completions, the engine the model; prompt, max_tokens)',
  },
  {
    key: 'openai.responses', sdk: 'OpenAI HTTP', provider: 'openai', limitParam: 'max_output_tokens',
    http: { path: /\/v1\/responses$/, words: ['responses'] },
    source: 'https://platform.openai.com/docs/api-reference/responses/create (POST /v1/responses; max_output_tokens)',
  },
  {
    // OpenAI Assistants v2 runs over HTTP, as the SDKs' `threads.runs.create` / `threads.create_and_run` rows
    // (call-shapes-legacy.ts): a run bills the assistant's model over the thread's messages, `model` in the body
    // overriding it, `max_completion_tokens` its limit across the run's turns. `assistant_id` is required in both bodies:
    // a literal body without it, or no body (a GET listing a thread's runs), is none.
    key: 'openai.runs', sdk: 'OpenAI Assistants HTTP', provider: 'openai', limitParam: 'max_completion_tokens', assistantRun: 'run',
    http: { path: /\/v1\/threads\/([^/]*)\/runs$/, words: ['threads'], bodyKey: 'assistant_id', bodyKeyIfLiteral: true },
    source: 'https://platform.openai.com/docs/api-reference/runs/createRun (POST /v1/threads/{thread_id}/runs; assistant_id required, model "If not, the model associated with the assistant will be used", instructions, additional_instructions, additional_messages, tools, max_completion_tokens); openai-python src/openai/resources/beta/threads/runs/runs.py (Runs.create posts f"/threads/{thread_id}/runs")',
  },
  {
    key: 'openai.thread_runs', sdk: 'OpenAI Assistants HTTP', provider: 'openai', limitParam: 'max_completion_tokens', assistantRun: 'thread',
    http: { path: /\/v1\/threads\/runs$/, words: ['threads'], bodyKey: 'assistant_id', bodyKeyIfLiteral: true },
    source: 'https://platform.openai.com/docs/api-reference/runs/createThreadAndRun (POST /v1/threads/runs; assistant_id required, thread, model, instructions, tools, max_completion_tokens); openai-python src/openai/resources/beta/threads/threads.py (Threads.create_and_run posts "/threads/runs")',
  },
  {
    key: 'anthropic.messages', sdk: 'Anthropic HTTP', provider: 'anthropic', limitParam: 'max_tokens',
    http: { path: /\/v1\/messages$/, words: ['messages'] },
    source: 'https://docs.anthropic.com/en/api/messages (POST /v1/messages; model, max_tokens, system, messages)',
  },
  {
    // The legacy Text Completions endpoint (claude-2 era apps): `prompt` holds "\n\nHuman: …\n\nAssistant:", the limit
    // is `max_tokens_to_sample`, a key the endpoint requires. Only `/v1/complete`, Anthropic's own path. The file's
    // gate is that key: `complete` is an ordinary method name, and as a JVM request's gate it let the byte pre-filter
    // pass any Java file with `post` or `body` in it (prefilter.test.ts).
    key: 'anthropic.complete', sdk: 'Anthropic HTTP', provider: 'anthropic', limitParam: 'max_tokens_to_sample', textCompletion: true,
    http: { path: /\/v1\/complete$/, words: ['max_tokens_to_sample'] },
    source: 'https://github.com/anthropics/anthropic-sdk-python (009b035, src/anthropic/resources/completions.py: POST "/v1/complete" { max_tokens_to_sample, model, prompt }; _constants.py HUMAN_PROMPT "\\n\\nHuman:")',
  },
  {
    key: 'gemini.generate', sdk: 'Gemini HTTP', provider: 'google', limitParam: 'maxOutputTokens', limitNested: true,
    http: { path: /\/models\/([^/:]+):(?:stream)?[Gg]enerateContent$/, words: ['generateContent', 'streamGenerateContent'], modelInUrl: true },
    source: 'https://ai.google.dev/api/generate-content (POST v1beta/{model=models/*}:generateContent; contents, generationConfig.maxOutputTokens)',
  },
  {
    // The same endpoint with the resource name in one value (`format!("{}/v1beta/{}:generateContent?key={}", url, model,
    // key)` with model "models/gemini-1.5-flash-latest", held49 S03 4383/inkspect src/llm/gemini.rs): the API's
    // `{model=models/*}` path parameter is the whole name, so a value right after the version is the model.
    key: 'gemini.generate.name', sdk: 'Gemini HTTP', provider: 'google', limitParam: 'maxOutputTokens', limitNested: true,
    http: { path: /\/v1(?:beta|alpha)?\/(\{[^{}]+\}):(?:stream)?[Gg]enerateContent$/, words: ['generateContent', 'streamGenerateContent'], modelInUrl: true },
    source: 'https://ai.google.dev/api/generate-content (POST v1beta/{model=models/*}:generateContent: the model parameter is the resource name "models/{model}")',
  },
  {
    // The same endpoint with its method named at run time (`"{$endpoint}/v1beta/models/{$modelId}:{$method}?key=…"`,
    // the method from config, held47 HamzaEsadik/RecruitAi-Backend): taken as generateContent only when the body is
    // the API's own, a literal with `contents` (https://ai.google.dev/api/generate-content#request-body).
    key: 'gemini.generate.method', sdk: 'Gemini HTTP', provider: 'google', limitParam: 'maxOutputTokens', limitNested: true,
    http: { path: /\/v1(?:beta|alpha)?\/models\/([^/:]+):\{[^{}]+\}$/, words: ['v1beta', 'v1alpha'], modelInUrl: true, bodyKey: 'contents' },
    source: 'https://ai.google.dev/api/generate-content (POST v1beta/{model=models/*}:generateContent; request body contents, generationConfig.maxOutputTokens)',
  },
  {
    key: 'ollama.chat', sdk: 'Ollama HTTP', provider: 'ollama', limitParam: 'num_predict', limitNested: true,
    // Ollama listens on port 11434; a `/api/chat` elsewhere is a web app's own route.
    // The host must be known to be Ollama's (its port or its name), so the file names it: the filter's words are
    // `ollama` and `localhost` (the byte filter takes words, not the port), not `chat` / `generate` (158 of 5,000
    // bench-tree files held `fetch` and `generate` and were lexed for nothing). A file naming neither (only
    // `127.0.0.1:11434`) is not read for an Ollama call.
    http: { path: /\/api\/(?:chat|generate)$/, words: ['ollama', 'localhost'], hosts: /:11434$|ollama/ },
    source: 'https://github.com/ollama/ollama/blob/main/docs/api.md (POST /api/chat, /api/generate; options.num_predict)',
  },
  // Embeddings over HTTP (emb46): the texts are the body's `input` (a PROMPT_KEYS word), priced per input token, no
  // output and no limit (call-shapes-embeddings.ts). The path is `/v1/embeddings` (OpenAI, and the OpenAI-compatible
  // Mistral, Voyage, Jina, a local server) or Azure's deployment path; a bare `{BASE}/embeddings` may be any app's
  // route and is none.
  {
    key: 'openai.embeddings', sdk: 'OpenAI HTTP', provider: 'openai', limitParam: '', embedding: true,
    http: { path: /\/(?:v1|openai\/deployments\/[^/]+)\/embeddings$/, words: ['embeddings'] },
    source: 'https://platform.openai.com/docs/api-reference/embeddings/create (POST /v1/embeddings; model, input); https://learn.microsoft.com/azure/ai-services/openai/reference#embeddings (POST {endpoint}/openai/deployments/{deployment-id}/embeddings?api-version=…; input); https://docs.mistral.ai/api/#tag/embeddings (POST /v1/embeddings; model, input); https://docs.voyageai.com/reference/embeddings-api (POST https://api.voyageai.com/v1/embeddings; input, model); https://api.jina.ai/redoc#tag/embeddings (POST /v1/embeddings; model, input)',
  },
  {
    // Ollama's embeddings: `/api/embed` takes `input` (a text or a list), the older `/api/embeddings` `prompt`.
    key: 'ollama.embed', sdk: 'Ollama HTTP', provider: 'ollama', limitParam: '', embedding: true,
    http: { path: /\/api\/embed(?:dings)?$/, words: ['ollama', 'localhost'], hosts: /:11434$|ollama/ },
    source: 'https://github.com/ollama/ollama/blob/main/docs/api.md (POST /api/embed { model, input }; POST /api/embeddings { model, prompt }, superseded by /api/embed)',
  },
  {
    // Cohere's embed endpoint: `texts` (v1, v2), only on Cohere's host.
    key: 'cohere.embed', sdk: 'Cohere HTTP', provider: 'cohere', limitParam: '', embedding: true, prompt: ['texts'],
    http: { path: /\/v[12]\/embed$/, words: ['embed'], hosts: /(?:^|\.)cohere\.(?:ai|com)$/ },
    source: 'https://docs.cohere.com/reference/embed (POST https://api.cohere.com/v2/embed { model, texts, input_type, embedding_types }; v1/embed { texts, model })',
  },
];

/** The HTTP functions, per language: each takes the URL first. */
const FUNCTIONS: { fn: string; langs: string[]; what: string }[] = [
  { fn: 'fetch', langs: ['javascript'], what: 'fetch of the URL with { method: "POST", body: JSON.stringify({…}) }' },
  // axios.post(url, data), got.post / ky.post(url, { json }), Python requests / httpx / aiohttp `.post(url, json=…)`,
  // Laravel `Http::…->post(url, […])`, Guzzle `->post(url, ['json' => […]])`, HTTParty / Faraday `.post(url, body)`.
  { fn: 'post', langs: ['javascript', 'python', 'php', 'ruby'], what: '.post(url, body)' },
  // Python's standard library (https://docs.python.org/3/library/urllib.request.html): `Request(url, data=None,
  // headers={}, …, method=None)` with `data=json.dumps(body).encode()`, sent by `urlopen(req)`; or `urlopen(url, data)`.
  { fn: 'Request', langs: ['python'], what: 'urllib.request.Request(url, data=json.dumps(body).encode())' },
  { fn: 'urlopen', langs: ['python'], what: 'urllib.request.urlopen(url, data=json.dumps(body).encode())' },
  // Ruby Net::HTTP (http-ruby.ts): `req = Net::HTTP::Post.new(uri.path)`, `req.body = data.to_json`, `http.request(req)`.
  { fn: 'request', langs: ['ruby'], what: 'Net::HTTP#request(Net::HTTP::Post.new(uri) with req.body = json)' },
  // PHP curl: `curl_init(url)`, `curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data))`, `curl_exec($ch)` sends
  // (http-curl.ts).
  // Guzzle / Symfony HttpClient `$client->request('POST', $url, ['json' => […]])`: the method first (php-guzzle.ts).
  { fn: 'request', langs: ['php'], what: "Guzzle / Symfony HttpClient ->request('POST', url, ['json' => body])" },
  // WordPress HTTP API (https://developer.wordpress.org/reference/functions/wp_remote_post/): `wp_remote_post( string
  // $url, array $args = array() )`, the request's body `$args['body']` (WP_Http::request), here `json_encode([…])`.
  ...['wp_remote_post', 'wp_safe_remote_post'].map((fn) => ({ fn, langs: ['php'], what: `WordPress ${fn}(url, ['body' => json_encode(body)])` })),
  { fn: 'curl_exec', langs: ['php'], what: 'curl_init(url) + curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data)) + curl_exec($ch)' },
  // java.net.http `HttpRequest.newBuilder().uri(URI.create(url)).POST(BodyPublishers.ofString(json))`, OkHttp
  // `Request.Builder().url(url).post(RequestBody.create(json, type))`: the body a JSON text.
  { fn: 'POST', langs: ['java', 'kotlin'], what: 'HttpRequest.newBuilder().uri(…).POST(BodyPublishers.ofString(json))' },
  { fn: 'post', langs: ['java', 'kotlin'], what: 'OkHttp Request.Builder().url(…).post(RequestBody.create(json, type))' },
  // java.net.HttpURLConnection: `(HttpURLConnection) new URL(url).openConnection()`, the body written to
  // `conn.getOutputStream()` (http-jvm-urlconn.ts).
  { fn: 'getOutputStream', langs: ['java'], what: 'HttpURLConnection conn.getOutputStream().write(json.getBytes())' },
  // Apache HttpClient: `post.setEntity(new StringEntity(json))` of a `new HttpPost(url)` (http-jvm-apache.ts).
  { fn: 'setEntity', langs: ['java', 'kotlin'], what: 'Apache HttpClient post.setEntity(new StringEntity(json, UTF_8)) of a new HttpPost(url)' },
  // Android Volley `new JsonObjectRequest(Request.Method.POST, url, jsonBody, listener, errorListener)` (http-jvm-volley.ts).
  { fn: 'JsonObjectRequest', langs: ['java', 'kotlin'], what: 'Android Volley new JsonObjectRequest(Request.Method.POST, url, jsonObject, listener, errorListener)' },
  // Spring RestTemplate / WebClient (http-jvm.ts): the body an `HttpEntity` of a request object.
  { fn: 'exchange', langs: ['java', 'kotlin'], what: 'Spring RestTemplate.exchange(url, HttpMethod.POST, new HttpEntity<>(request, headers), T.class)' },
  { fn: 'postForEntity', langs: ['java', 'kotlin'], what: 'Spring RestTemplate.postForEntity(url, new HttpEntity<>(request, headers), T.class)' },
  { fn: 'postForObject', langs: ['java', 'kotlin'], what: 'Spring RestTemplate.postForObject(url, new HttpEntity<>(request, headers), T.class)' },
  { fn: 'bodyValue', langs: ['java', 'kotlin'], what: 'Spring WebClient.post().uri(url).bodyValue(request)' },
  // `.body(BodyInserters.fromValue(request))` (WebClient.RequestBodySpec#body(BodyInserter)); Spring 6 RestClient's
  // `.post().uri(url).body(request)` (RestClient.RequestBodySpec#body(Object)).
  { fn: 'body', langs: ['java', 'kotlin'], what: 'Spring WebClient.post().uri(url).body(BodyInserters.fromValue(request))' },
  // .NET `HttpClient.PostAsync(url, new StringContent(JsonConvert.SerializeObject(obj), …))`, `PostAsJsonAsync(url, obj)`.
  { fn: 'PostAsync', langs: ['csharp'], what: 'HttpClient.PostAsync(url, new StringContent(json, …))' },
  { fn: 'PostAsJsonAsync', langs: ['csharp'], what: 'HttpClient.PostAsJsonAsync(url, obj)' },
  // A message's URL may be an options class's property in another file (`RequestUri = new Uri(_options.CompletionsUrl)`,
  // gustaf-a/gpt-fact-checker): the file needs `HttpRequestMessage`, not the URL's words.
  { fn: 'SendAsync', langs: ['csharp'], what: 'HttpClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, …) })' },
  // RestSharp (https://restsharp.dev/docs/usage/execute): `client.ExecuteAsync(request)` of a `new RestRequest(resource,
  // Method.Post)` with `request.AddJsonBody(obj)` (http-restsharp.ts); `PostAsync(request)` shares HttpClient's row.
  ...['ExecuteAsync', 'Execute', 'ExecutePostAsync', 'ExecutePost', 'Post'].map((fn) => ({ fn, langs: ['csharp'], what: `RestSharp RestClient.${fn}(new RestRequest(url, Method.Post).AddJsonBody(obj))` })),
  // Go net/http (https://pkg.go.dev/net/http): NewRequest(method, url string, body io.Reader), NewRequestWithContext(ctx,
  // method, url, body), Post(url, contentType string, body io.Reader); the body `bytes.NewBuffer(json.Marshal(req))`.
  { fn: 'NewRequest', langs: ['go'], what: 'http.NewRequest("POST", url, bytes.NewBuffer(body)) (Go)' },
  { fn: 'NewRequestWithContext', langs: ['go'], what: 'http.NewRequestWithContext(ctx, http.MethodPost, url, body) (Go)' },
  { fn: 'Post', langs: ['go'], what: 'http.Post(url, "application/json", body) (Go)' },
  // Rust reqwest (https://docs.rs/reqwest/latest/reqwest/struct.Client.html#method.post, RequestBuilder::json / body):
  // `client.post(url).json(&body).send()` (http-rust.ts).
  { fn: 'post', langs: ['rust'], what: 'reqwest client.post(url).json(&body).send() (Rust)' },
  // Swift URLSession (http-swift.ts): `request.httpBody = try JSONSerialization.data(withJSONObject: body)` or
  // `try JSONEncoder().encode(body)` of a `URLRequest(url: …)`, sent by `URLSession.shared.data(for: request)`.
  { fn: 'data', langs: ['swift'], what: 'URLRequest.httpBody = JSONSerialization.data(withJSONObject: body), URLSession data(for:) (Swift)' },
  { fn: 'encode', langs: ['swift'], what: 'URLRequest.httpBody = JSONEncoder().encode(body), URLSession data(for:) (Swift)' },
  // Alamofire `AF.request(url, method: .post, parameters: body, encoder: JSONParameterEncoder.default)` (http-swift-alamofire.ts).
  { fn: 'request', langs: ['swift'], what: 'Alamofire AF.request(url, method: .post, parameters: body, encoder: .json) (Swift)' },
];

/** Spring RestTemplate's sends: the URL may be a constant of another class (`postForObject(OpenAIConstants.API_URL, …)`,
 * held42 ShartazFeeham/Healthcare_management), so a file that holds a RestTemplate is read without the URL's words. */
const REST_TEMPLATE = new Set(['exchange', 'postForEntity', 'postForObject']);

/** RestSharp's own send methods: a file that makes no RestRequest sends none. */
const RESTSHARP_ONLY = new Set(['ExecuteAsync', 'Execute', 'ExecutePostAsync', 'ExecutePost', 'Post']);

export const HTTP_SHAPES: CallShape[] = FUNCTIONS.flatMap(({ fn, langs, what }) => {
  const restSharp = langs.includes('csharp') && RESTSHARP_ONLY.has(fn);
  return APIS.map((a): CallShape => ({
    id: `http.${a.key}.${fn}${langs.includes('java') ? '.jvm' : langs.includes('rust') ? '.rs' : langs.includes('swift') ? '.swift' : restSharp ? '.restsharp' : fn === 'request' && langs[0] === 'php' ? '.php' : ''}`, sdk: a.sdk, provider: a.provider, anchor: [fn, '('], langs, http: a.http,
    runtimeRequest: true, limitParam: a.limitParam, ...(a.limitNested ? { limitNested: true } : {}), ...(a.textCompletion ? { textCompletion: true } : {}), ...(a.embedding ? { embedding: true } : {}), ...(a.prompt ? { keys: { prompt: new Set(a.prompt) } } : {}), ...(a.assistantRun ? { assistantRun: a.assistantRun, batchable: false as const } : {}), ...(fn === 'SendAsync' ? { needs: [...a.http.words, 'HttpRequestMessage'] } : restSharp ? { needs: ['RestRequest'] } : REST_TEMPLATE.has(fn) && langs.includes('java') ? { needs: [...a.http.words, 'RestTemplate'] } : fn === 'setEntity' ? { needs: ['HttpPost'] } : langs.includes('swift') ? { needs: fn === 'request' ? ['Alamofire'] : ['httpBody', 'upload', 'uploadTask'] } : {}),
    source: `${a.source}; sent with ${what}`,
  }));
});

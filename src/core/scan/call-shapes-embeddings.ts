// Embeddings calls: billed per input token, no output (CallSite.embedding). One row per SDK form, each naming the SDK
// file that defines it and its parameter names. Their texts are prompt parts: `input` (a PROMPT_KEYS word) or the
// SDK's own key (`inputs`, `texts`, `values`), a list of strings summed.
import type { CallShape } from './call-shape-types';

const PYJS = ['python', 'javascript'];
const JVM = ['java', 'kotlin'];
/** No output limit exists for an embeddings request: nothing is advised or inserted. */
const NO_LIMIT = '';
const keys = (...names: string[]) => ({ prompt: new Set(names) });

/** async-openai's Embeddings methods that send a built request (async-openai/src/embedding.rs). */
const RUST_EMBEDDING_SENDS = ['create', 'create_byot', 'create_base64'];

/** The model LangChain's OpenAIEmbeddings sends when none is given: `model: str = "text-embedding-ada-002"` in
 * langchain-openai 0.3.29 (langchain-ai/langchain 00a2972, libs/partners/openai/langchain_openai/embeddings/base.py) and
 * in @langchain/openai (langchain-ai/langchainjs 082e9e8, libs/langchain-openai/src/embeddings.ts `model =
 * "text-embedding-ada-002"`), and langchain_community's class (langchain-ai/langchain 0663e38,
 * libs/community/langchain_community/embeddings/openai.py), which `langchain.embeddings(.openai)` re-exports since
 * langchain 0.1. Other classes' defaults are not read (Azure's is the deployment; Google's, Cohere's are required or differ by version). */
const LC_OPENAI_DEFAULT = {
  id: 'text-embedding-ada-002', source: 'LangChain OpenAIEmbeddings model (langchain-openai 0.3.29 embeddings/base.py; @langchain/openai embeddings.ts)',
  module: /^(?:langchain_openai|@langchain\/openai|langchain_community\.embeddings|langchain\.embeddings)(?:\.|\/|$)/,
};

/** LangChain's embeddings classes (langchain-openai, -google-genai, -cohere, -mistralai, -aws, -voyageai), with their provider. */
const LANGCHAIN_EMBEDDINGS: [string, string][] = [
  ['OpenAIEmbeddings', 'openai'], ['AzureOpenAIEmbeddings', 'azure'], ['GoogleGenerativeAIEmbeddings', 'google'],
  ['CohereEmbeddings', 'cohere'], ['MistralAIEmbeddings', 'mistral'], ['BedrockEmbeddings', 'bedrock'], ['VoyageAIEmbeddings', 'voyage'],
];

/** Spring AI's embedding models, held as the interface or a provider's class (0.8: EmbeddingClient), imported from
 * Spring AI (LangChain4j's EmbeddingModel has an embed(…) too, and an in-process one: not this row). */
const SPRING_EMBEDDING_VIA = {
  from: 'receiver' as const,
  anchors: [],
  types: ['EmbeddingModel', 'EmbeddingClient', 'OpenAiEmbeddingModel', 'AzureOpenAiEmbeddingModel', 'OllamaEmbeddingModel', 'MistralAiEmbeddingModel', 'VertexAiTextEmbeddingModel'],
  typesFrom: ['org.springframework.ai.'],
  unbound: 'EmbeddingModel made elsewhere; model from spring.ai.<provider>.embedding.options.model',
};

const row = (r: Omit<CallShape, 'embedding' | 'limitParam'>): CallShape => ({ ...r, embedding: true, limitParam: NO_LIMIT });

export const EMBEDDING_SHAPES: CallShape[] = [
  // Mistral and Groq before OpenAI's row of the same anchor: the file's SDK tells them apart.
  row({
    id: 'mistral.embeddings', sdk: 'Mistral', provider: 'mistral', anchor: ['embeddings', '.', 'create', '('], langs: PYJS,
    needs: ['mistralai', 'Mistral'], keys: keys('inputs'),
    source: 'https://github.com/mistralai/client-python (src/mistralai/embeddings.py: Embeddings.create(model, inputs)); https://github.com/mistralai/client-ts (src/sdk/embeddings.ts: create({ model, inputs }))',
  }),
  row({
    id: 'mistral.embeddings.async', sdk: 'Mistral', provider: 'mistral', anchor: ['embeddings', '.', 'create_async', '('], langs: ['python'],
    needs: ['mistralai', 'Mistral'], keys: keys('inputs'),
    source: 'https://github.com/mistralai/client-python (src/mistralai/embeddings.py: Embeddings.create_async(model, inputs))',
  }),
  row({
    id: 'groq.embeddings', sdk: 'Groq', provider: 'groq', anchor: ['embeddings', '.', 'create', '('], langs: PYJS, needs: ['groq', 'Groq'],
    source: 'https://github.com/groq/groq-python (src/groq/resources/embeddings.py: create(input, model))',
  }),
  row({
    id: 'openai.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '.', 'create', '('], langs: PYJS,
    source: 'https://github.com/openai/openai-python (src/openai/resources/embeddings.py: create(input, model, dimensions, encoding_format)); https://github.com/openai/openai-node (src/resources/embeddings.ts: create({ input, model }))',
  }),
  // openai-python before 1.0: `openai.Embedding.create(model=…, input=…)` (module-level resource).
  ...['create', 'acreate'].map((m) => row({
    id: `openai.v0.Embedding.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['Embedding', '.', m, '('], langs: ['python'], needs: ['openai'],
    source: `https://github.com/openai/openai-python v0.28.1 (README "Embeddings": openai.Embedding.${m}(model=…, input=…); openai/api_resources/embedding.py)`,
  })),
  // openai-node before v4: `new OpenAIApi(configuration).createEmbedding({ model, input })`; the file names OpenAIApi.
  row({
    id: 'openai.js.v3.createEmbedding', sdk: 'OpenAI', provider: 'openai', anchor: ['.', 'createEmbedding', '('], langs: ['javascript'], needs: ['OpenAIApi'],
    source: 'https://github.com/openai/openai-node v3.3.0 (npm openai@3.3.0 api.ts: OpenAIApi.createEmbedding(CreateEmbeddingRequest { model, input }))',
  }),
  // Voyage AI: `vo = voyageai.Client()`, `vo.embed(texts, model="voyage-3", input_type="document")` (AsyncClient likewise).
  row({
    id: 'voyage.embed', sdk: 'Voyage AI', provider: 'voyage', anchor: ['.', 'embed', '('], langs: ['python'], needs: ['voyageai'],
    keys: keys('texts'), promptArgs: true, promptArgsTo: 0,
    source: 'https://github.com/voyage-ai/voyageai-python (voyageai/client.py 012d16b: Client.embed(texts: List[str], model: Optional[str] = None, input_type, truncation, output_dtype, output_dimension))',
  }),
  // Cohere: `co.embed(texts=[…], model="embed-english-v3.0", input_type=…)` (Client and ClientV2).
  row({
    id: 'cohere.embed', sdk: 'Cohere', provider: 'cohere', anchor: ['.', 'embed', '('], langs: PYJS, needs: ['cohere', 'Cohere', 'CohereClient', 'CohereClientV2'],
    keys: keys('texts', 'inputs'),
    source: 'https://github.com/cohere-ai/cohere-python (src/cohere/base_client.py: embed(texts, images, model, input_type); v2/client.py: embed(model, input_type, texts, inputs)); https://github.com/cohere-ai/cohere-typescript (Client.embed({ texts, model }))',
  }),
  // Google Gen AI: `client.models.embed_content(model=…, contents=…)`, `ai.models.embedContent({ model, contents })`,
  // Go `client.Models.EmbedContent(ctx, model, contents, config)`.
  row({
    id: 'gemini.embed', sdk: 'Google Gemini', provider: 'google', anchor: ['models', '.', 'embed_content', '('], langs: ['python'],
    source: 'https://github.com/googleapis/python-genai (google/genai/models.py: Models.embed_content(model, contents, config))',
  }),
  row({
    id: 'gemini.embed.js', sdk: 'Google Gemini', provider: 'google', anchor: ['models', '.', 'embedContent', '('], langs: ['javascript'],
    source: 'https://github.com/googleapis/js-genai (src/models.ts: Models.embedContent({ model, contents, config }))',
  }),
  row({
    id: 'gemini.embed.go', sdk: 'Google Gemini', provider: 'google', anchor: ['Models', '.', 'EmbedContent', '('], langs: ['go'],
    modelArg: 1, promptArgs: true, promptArgsTo: 2,
    source: 'https://github.com/googleapis/go-genai (models.go: Models.EmbedContent(ctx, model string, contents []*Content, config *EmbedContentConfig))',
  }),
  // google-generativeai (Python, before Gen AI): `genai.embed_content(model="models/text-embedding-004", content=…)`.
  row({
    id: 'gemini.legacy.embed', sdk: 'Google Gemini', provider: 'google', anchor: ['genai', '.', 'embed_content', '('], langs: ['python'],
    source: 'https://github.com/google-gemini/deprecated-generative-ai-python (google/generativeai/embedding.py: embed_content(model, content, task_type, …))',
  }),
  // @google/generative-ai: `genAI.getGenerativeModel({ model: "text-embedding-004" }).embedContent("…")`, batchEmbedContents.
  ...['embedContent', 'batchEmbedContents'].map((m) => row({
    id: `gemini.legacy.js.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['javascript'],
    via: { from: 'receiver', anchors: [{ anchor: ['getGenerativeModel', '('] }] },
    source: `https://github.com/google-gemini/generative-ai-js (src/models/generative-model.ts: GenerativeModel.${m}(request))`,
  })),
  // LiteLLM: `litellm.embedding(model=…, input=[…])`, `aembedding`.
  ...['embedding', 'aembedding'].map((m) => row({
    id: `litellm.${m}`, sdk: 'LiteLLM', anchor: [m, '('], langs: ['python'], needs: ['litellm'],
    source: 'https://docs.litellm.ai/docs/embedding/supported_embedding (litellm/main.py: embedding(model, input, …))',
  })),
  // Vercel AI SDK: `embed({ model: openai.embedding('text-embedding-3-small'), value })`, `embedMany({ model, values })`.
  ...['embed', 'embedMany'].map((fn) => row({
    id: `vercel.${fn}`, sdk: 'Vercel AI SDK', anchor: [fn, '('], langs: ['javascript'], module: ['ai'], keys: keys('value', 'values'),
    source: `https://ai-sdk.dev/docs/reference/ai-sdk-core/${fn === 'embed' ? 'embed' : 'embed-many'} (${fn}({ model, ${fn === 'embed' ? 'value' : 'values'} }))`,
  })),
  // LangChain: `emb = OpenAIEmbeddings(model="text-embedding-3-small")` then `emb.embed_query(q)` / `embed_documents(docs)`
  // (Python), `new OpenAIEmbeddings({ model })` then `embedQuery` / `embedDocuments` (JS). Only the calls made on the
  // object are rows: a vector store given it (`FAISS.from_documents(docs, emb)`) embeds what the run reads.
  ...[['embed_query', 'python'], ['embed_documents', 'python'], ['aembed_query', 'python'], ['aembed_documents', 'python'],
    ['embedQuery', 'javascript'], ['embedDocuments', 'javascript']].map(([m, lang]) => row({
    id: `langchain.embeddings.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: [lang],
    via: { from: 'receiver', anchors: LANGCHAIN_EMBEDDINGS.map(([cls, provider]) => ({ anchor: [cls, '('], provider, ...(cls === 'OpenAIEmbeddings' ? { libraryModel: LC_OPENAI_DEFAULT } : {}) })) },
    source: `https://python.langchain.com/api_reference/ (Embeddings.${m}; OpenAIEmbeddings(model), GoogleGenerativeAIEmbeddings(model), CohereEmbeddings(model), MistralAIEmbeddings(model)); https://js.langchain.com/docs/integrations/text_embedding/`,
  })),
  // go-openai: `client.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: […], Model: openai.SmallEmbedding3})`.
  row({
    id: 'goopenai.CreateEmbeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['.', 'CreateEmbeddings', '('], langs: ['go'], runtimeRequest: true,
    source: 'https://github.com/sashabaranov/go-openai (embeddings.go: Client.CreateEmbeddings(ctx, EmbeddingRequestConverter); EmbeddingRequest{Input, Model})',
  }),
  // openai-go: `client.Embeddings.New(ctx, openai.EmbeddingNewParams{Input: …, Model: openai.EmbeddingModelTextEmbedding3Small})`.
  row({
    id: 'openai.go.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['Embeddings', '.', 'New', '('], langs: ['go'],
    source: 'https://github.com/openai/openai-go (embedding.go: EmbeddingService.New(ctx, EmbeddingNewParams{Input, Model}))',
  }),
  // openai-java: `client.embeddings().create(EmbeddingCreateParams.builder().input(…).model(…).build())`.
  row({
    id: 'openai.java.embeddings.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['EmbeddingCreateParams', '.', 'builder', '('], langs: JVM,
    source: 'https://github.com/openai/openai-java (openai-java-core/…/models/embeddings/EmbeddingCreateParams.kt: Builder.input, model)',
  }),
  row({
    id: 'openai.java.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '(', ')', '.', 'create', '('], langs: JVM, runtimeRequest: true,
    source: 'https://github.com/openai/openai-java (openai-java-core/…/services/blocking/EmbeddingService.kt: create(EmbeddingCreateParams))',
  }),
  ...RUST_EMBEDDING_SENDS.map((m) => row({
    id: `openai.rust.embeddings.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '(', ')', '.', m, '('], langs: ['rust'], runtimeRequest: true,
    source: `https://github.com/64bit/async-openai (async-openai/src/embedding.rs: Embeddings::${m}(request))`,
  })),
  // Spring AI: `embeddingModel.embed(text)` / `embedForResponse(texts)` on the starter's EmbeddingModel (spring-embeddings.ts).
  ...['embed', 'embedForResponse'].map((m) => row({
    id: `spring-ai.embedding.${m}`, sdk: 'Spring AI', anchor: [m, '('], langs: JVM, needs: SPRING_EMBEDDING_VIA.types,
    via: SPRING_EMBEDDING_VIA, springConfig: true, promptArgs: true, promptArgsTo: 0,
    source: `https://github.com/spring-projects/spring-ai (spring-ai-model/src/main/java/org/springframework/ai/embedding/EmbeddingModel.java: ${m}(…))`,
  })),
  // .NET: `EmbeddingClient client = new("text-embedding-3-small", key); client.GenerateEmbedding("…")`.
  ...['GenerateEmbedding', 'GenerateEmbeddingAsync', 'GenerateEmbeddings', 'GenerateEmbeddingsAsync'].map((fn) => row({
    id: `openai.dotnet.${fn}`, sdk: 'OpenAI', provider: 'openai', anchor: [fn, '('], langs: ['csharp'], promptArgs: true, promptArgsTo: 0, modelOptional: true,
    companions: [
      { anchor: ['EmbeddingClient', '('], take: 'model', modelArg: 0 },
      { anchor: ['EmbeddingClient', '*', '=', 'new', '('], take: 'model', modelArg: 0 },
      { anchor: ['GetEmbeddingClient', '('], take: 'model', modelArg: 0 },
    ],
    source: `https://github.com/openai/openai-dotnet (src/Custom/Embeddings/EmbeddingClient.cs: EmbeddingClient(string model, …), ${fn}(string input | IEnumerable<string> inputs, EmbeddingGenerationOptions options); OpenAIClient.GetEmbeddingClient(string model))`,
  })),
  // async-openai: `CreateEmbeddingRequestArgs::default().model(…).input(…).build()?` sent by `client.embeddings().create(request)`.
  row({
    id: 'openai.rust.embeddings.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CreateEmbeddingRequestArgs', '::', 'default', '('], langs: ['rust'],
    sentBy: RUST_EMBEDDING_SENDS,
    source: 'https://github.com/64bit/async-openai (async-openai/src/types/embeddings/embedding.rs: CreateEmbeddingRequest { model, input }; src/embedding.rs Embeddings::create)',
  }),
  // ruby-openai: `client.embeddings(parameters: { model: …, input: … })`.
  row({
    id: 'openai.ruby.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '('], langs: ['ruby'], sendsWith: 'parameters',
    source: 'https://github.com/alexrudall/ruby-openai (README "Embeddings"; lib/openai/client.rb: def embeddings(parameters: {}))',
  }),
  // openai-ruby (official): `client.embeddings.create(model: …, input: …)`.
  row({
    id: 'openai.ruby.sdk.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '.', 'create', '('], langs: ['ruby'],
    source: 'https://github.com/openai/openai-ruby (lib/openai/resources/embeddings.rb: create(input:, model:, …))',
  }),
  // openai-php: `$client->embeddings()->create(['model' => …, 'input' => …])`.
  row({
    id: 'openai.php.embeddings', sdk: 'OpenAI', provider: 'openai', anchor: ['embeddings', '(', ')', '->', 'create', '('], langs: ['php'],
    source: 'https://github.com/openai-php/client (README "Embeddings Resource"; src/Resources/Embeddings.php: create(array $parameters))',
  }),
];

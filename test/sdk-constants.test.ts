import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SDK_MODEL_CONSTANTS, sdkEnumConstant } from '../src/core/scan/sdk-model-ids';
import { GO_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-go';
import { GO_OPENAI_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-go-openai';
import { GO_GPT3_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-go-gpt3';
import { JVM_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-jvm';
import { SWIFT_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-swift';
import { LANGCHAIN4J_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-langchain4j';
import { DOTNET_COMMUNITY_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-dotnet';
import { OKGO_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-okgo';
import { ANTHROPIC_DOTNET_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-anthropic-dotnet';
import { ANTHROPIC_PHP_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-anthropic-php';
import { RIG_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-rig';
import { LANGCHAIN_RUST_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-langchain-rust';
import { GEMINI_DOTNET_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-gemini-dotnet';
import { BETALGO_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-betalgo';
import { SPRING_AI_MODEL_CONSTANTS, SPRING_AI_OPENAI_CHAT_NAMES } from '../src/core/scan/sdk-model-ids-spring-ai';
import { SPRING_AI_PROVIDER_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-spring-ai-providers';
import { EMBEDDING_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-embeddings';
import { KOOG_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-koog';
import { CHATGPT_RS_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-chatgpt-rs';
import { PLEXPT_MODEL_CONSTANTS } from '../src/core/scan/sdk-model-ids-plexpt';
import { EMBEDDING_SHAPES } from '../src/core/scan/call-shapes-embeddings';

test('openai-go ChatModel constants resolve to their ids', () => {
  assert.equal(SDK_MODEL_CONSTANTS.ChatModelGPT4o, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.ChatModelGPT4oMini, 'gpt-4o-mini');
  assert.equal(SDK_MODEL_CONSTANTS.ChatModelGPT4_1Nano, 'gpt-4.1-nano');
  assert.equal(SDK_MODEL_CONSTANTS.ChatModelO3Mini, 'o3-mini');
});

test('go-openai (sashabaranov) constants resolve to their ids, the older value of a renamed one not kept', () => {
  assert.equal(SDK_MODEL_CONSTANTS.GPT4o, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.GPT3Dot5Turbo, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4Dot1Mini, 'gpt-4.1-mini');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4oLatest, 'chatgpt-4o-latest');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4TurboPreview, 'gpt-4-turbo-preview');
  assert.equal(SDK_MODEL_CONSTANTS.O3, 'o3');
});

test('PullRequestInc/go-gpt3 engine constants resolve to the engines they name; its DefaultEngine is not taken', () => {
  assert.equal(SDK_MODEL_CONSTANTS.TextDavinci003Engine, 'text-davinci-003');
  assert.equal(SDK_MODEL_CONSTANTS.TextCurie001Engine, 'text-curie-001');
  assert.equal(SDK_MODEL_CONSTANTS.DavinciEngine, 'davinci');
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'DefaultEngine'), false);
});

test('openai-java ChatModel constants resolve by bare name', () => {
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4O_MINI, 'gpt-4o-mini');
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4O, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.GPT_3_5_TURBO, 'gpt-3.5-turbo');
});

test('Anthropic constants, current and from older SDK releases', () => {
  assert.equal(SDK_MODEL_CONSTANTS.ModelClaudeSonnet4_5, 'claude-sonnet-4-5');
  assert.equal(SDK_MODEL_CONSTANTS.ModelClaude3_5SonnetLatest, 'claude-3-5-sonnet-latest');
  assert.equal(SDK_MODEL_CONSTANTS.CLAUDE_SONNET_4_5, 'claude-sonnet-4-5');
});

test('MacPaw Swift model constants keep their lowercase names', () => {
  assert.equal(SDK_MODEL_CONSTANTS.gpt4_o, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.gpt4_o_mini, 'gpt-4o-mini');
});

test('every value is a plausible model id and every key an identifier', () => {
  const entries = Object.entries(SDK_MODEL_CONSTANTS);
  assert.ok(entries.length > 300, `only ${entries.length} constants`);
  for (const [key, id] of entries) {
    // Spring AI's provider enums are keyed by their class (`DeepSeekApi.ChatModel.DEEPSEEK_CHAT`, `OllamaModel.LLAMA3`).
    assert.match(key, /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/, key);
    // Vertex AI names a Claude version with `@` (claude-sonnet-4-5@20250929, anthropic-sdk-php Model.php VERTEX_ cases);
    // OpenRouter names the vendor before a `/` (anthropic/claude-sonnet-4, Koog OpenRouterModels.kt).
    assert.match(id, /^[a-z0-9][a-z0-9.:@-]*(\/[a-z0-9][a-z0-9.:@-]*)?$/, `${key} → ${id}`);
  }
});

test('a name that is not an SDK constant is absent', () => {
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'ChatModelGPT9'), false);
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'toString'), false);
});

test('no two SDKs give one bare name two ids: merging their tables loses no constant', () => {
  const tables = [GO_MODEL_CONSTANTS, GO_OPENAI_MODEL_CONSTANTS, GO_GPT3_MODEL_CONSTANTS, JVM_MODEL_CONSTANTS, SWIFT_MODEL_CONSTANTS, LANGCHAIN4J_MODEL_CONSTANTS,
    DOTNET_COMMUNITY_MODEL_CONSTANTS, OKGO_MODEL_CONSTANTS, ANTHROPIC_DOTNET_MODEL_CONSTANTS, ANTHROPIC_PHP_MODEL_CONSTANTS, RIG_MODEL_CONSTANTS,
    LANGCHAIN_RUST_MODEL_CONSTANTS, GEMINI_DOTNET_MODEL_CONSTANTS, BETALGO_MODEL_CONSTANTS, SPRING_AI_MODEL_CONSTANTS,
    SPRING_AI_PROVIDER_MODEL_CONSTANTS, EMBEDDING_MODEL_CONSTANTS, KOOG_MODEL_CONSTANTS, CHATGPT_RS_MODEL_CONSTANTS, PLEXPT_MODEL_CONSTANTS];
  const seen = new Map<string, string>();
  for (const t of tables) {
    for (const [k, v] of Object.entries(t)) {
      // LangChain4j's OpenAiChatModelName shares names with openai-java's ChatModel (GPT_4O_MINI): the same id.
      if (seen.has(k)) assert.equal(v, seen.get(k), k);
      seen.set(k, v);
    }
  }
  assert.equal(Object.keys(SDK_MODEL_CONSTANTS).length, seen.size);
  // 937 + SwiftOpenAI's 32 Model cases not already MacPaw's (gpt4, gpt5: the same ids) + rig's 14 Cohere, 25 Bedrock and
  // 5 Vertex AI names + PlexPt/chatgpt-java's 24 qualified `ChatCompletion.Model.*` names + Koog's 5 `AnthropicModels.*`
  // and 4 `GoogleModels.*` names (koog 0.2.1) + Koog's later constants (0.3.0 … 1.0.0): 10 AnthropicModels, 5
  // GoogleModels, 5 OpenAIModels, 4 DeepSeekModels, 6 MistralAIModels.Chat, 31 OpenRouterModels.
  assert.equal(seen.size, 1107);
});

test('Koog constants of later releases give the ids their clients send (JetBrains/koog at each release\'s CHANGELOG commit)', () => {
  // AnthropicLLMClient sends DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP's id (AnthropicModels.kt at 050087d5, 1.0.0).
  assert.equal(SDK_MODEL_CONSTANTS['AnthropicModels.Sonnet_4_5'], 'claude-sonnet-4-5-20250929');
  assert.equal(SDK_MODEL_CONSTANTS['AnthropicModels.Opus_4_6'], 'claude-opus-4-6');
  assert.equal(SDK_MODEL_CONSTANTS['GoogleModels.Gemini2_5Flash'], 'gemini-2.5-flash');
  assert.equal(SDK_MODEL_CONSTANTS['OpenAIModels.Chat.GPT5_4Mini'], 'gpt-5.4-mini');
  assert.equal(SDK_MODEL_CONSTANTS['OpenRouterModels.Gemini2_5Flash'], 'google/gemini-2.5-flash');
  assert.equal(SDK_MODEL_CONSTANTS['DeepSeekModels.DeepSeekChat'], 'deepseek-chat');
  assert.equal(SDK_MODEL_CONSTANTS['MistralAIModels.Chat.MistralLarge21'], 'mistral-large-latest');
});

test('C# Anthropic clients\' model constants resolve: Anthropic.SDK, Claudia, the official SDK\'s enum', () => {
  assert.equal(SDK_MODEL_CONSTANTS.Claude45Sonnet, 'claude-sonnet-4-5-20250929');
  assert.equal(SDK_MODEL_CONSTANTS.Claude35Sonnet, 'claude-3-5-sonnet-20241022');
  assert.equal(SDK_MODEL_CONSTANTS.Claude3_5Sonnet, 'claude-3-5-sonnet-20240620');
  assert.equal(SDK_MODEL_CONSTANTS.ClaudeOpus4_6, 'claude-opus-4-6');
  assert.equal(SDK_MODEL_CONSTANTS.Claude_3_Haiku_20240307, 'claude-3-haiku-20240307');
});

test('anthropic-sdk-php\'s Bedrock and Vertex enum cases resolve; its plain ones are anthropic-sdk-java\'s names', () => {
  assert.equal(SDK_MODEL_CONSTANTS.VERTEX_CLAUDE_SONNET_4_5_20250929, 'claude-sonnet-4-5@20250929');
  assert.equal(SDK_MODEL_CONSTANTS.BEDROCK_CLAUDE_HAIKU_4_5_20251001, 'anthropic.claude-haiku-4-5-20251001-v1:0');
  assert.equal(SDK_MODEL_CONSTANTS.CLAUDE_HAIKU_4_5, 'claude-haiku-4-5');
});

test('anthropic-sdk-go Managed Agents model constants resolve (betaagent.go BetaManagedAgentsModel)', () => {
  assert.equal(SDK_MODEL_CONSTANTS.BetaManagedAgentsModelClaudeSonnet4_6, 'claude-sonnet-4-6');
  assert.equal(SDK_MODEL_CONSTANTS.BetaManagedAgentsModelClaudeHaiku4_5_20251001, 'claude-haiku-4-5-20251001');
});

test('LangChain4j model-name enums resolve, spelt as LangChain4j spells them', () => {
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4_O_MINI, 'gpt-4o-mini');
  assert.equal(SDK_MODEL_CONSTANTS.CLAUDE_HAIKU_4_5_20251001, 'claude-haiku-4-5-20251001');
  assert.equal(SDK_MODEL_CONSTANTS.MISTRAL_SMALL_LATEST, 'mistral-small-latest');
});

test('OpenAI-DotNet (RageAgainstThePixel) Model constants resolve, the newest value of a changed one kept', () => {
  assert.equal(SDK_MODEL_CONSTANTS.GPT3_5_Turbo, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4_1_Mini, 'gpt-4.1-mini');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4_Turbo, 'gpt-4-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4oRealtimeMini, 'gpt-4o-mini-realtime-preview');
});

test('OpenAI-API-dotnet (OkGoDoIt) Model constants resolve, retired InstructGPT ones to their own ids', () => {
  assert.equal(SDK_MODEL_CONSTANTS.DavinciText, 'text-davinci-003');
  assert.equal(SDK_MODEL_CONSTANTS.ChatGPTTurbo, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.ChatGPTTurboInstruct, 'gpt-3.5-turbo-instruct');
  assert.equal(SDK_MODEL_CONSTANTS.GPT4_32k_Context, 'gpt-4-32k');
});

test('Betalgo.OpenAI Models constants resolve (OpenAI.SDK/ObjectModels/Models.cs); its bare engine names are not taken', () => {
  assert.equal(SDK_MODEL_CONSTANTS.Gpt_4o, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.Gpt_4o_mini, 'gpt-4o-mini');
  assert.equal(SDK_MODEL_CONSTANTS.ChatGpt3_5Turbo, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.Gpt_3_5_Turbo, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.Gpt_4_1_nano, 'gpt-4.1-nano');
  assert.equal(SDK_MODEL_CONSTANTS.O3_mini, 'o3-mini');
  // OpenAI-DotNet's Ada is text-ada-001; Betalgo's Models.Ada ("ada") is not merged over it.
  assert.equal(SDK_MODEL_CONSTANTS.Ada, 'text-ada-001');
});

test('Spring AI OpenAiApi.ChatModel names resolve, the ones LangChain4j shares with the same ids', () => {
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4_O, 'gpt-4o');
  assert.equal(SDK_MODEL_CONSTANTS.GPT_3_5_TURBO, 'gpt-3.5-turbo');
  assert.equal(SDK_MODEL_CONSTANTS.CHATGPT_4_O_LATEST, 'chatgpt-4o-latest');
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4_O_SEARCH_PREVIEW, 'gpt-4o-search-preview');
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4O_MINI_REALTIME_PREVIEW, 'gpt-4o-mini-realtime-preview');
});

test('Spring AI providers\' enums resolve by their qualified names (DeepSeekApi, MistralAiApi, OllamaModel, …)', () => {
  assert.equal(SDK_MODEL_CONSTANTS['DeepSeekApi.ChatModel.DEEPSEEK_REASONER'], 'deepseek-reasoner');
  assert.equal(SDK_MODEL_CONSTANTS.DEEPSEEK_CHAT, 'deepseek-chat');
  assert.equal(SDK_MODEL_CONSTANTS['MistralAiApi.ChatModel.SMALL'], 'mistral-small-latest');
  assert.equal(SDK_MODEL_CONSTANTS['OllamaModel.LLAMA3_2'], 'llama3.2');
  assert.equal(SDK_MODEL_CONSTANTS['AnthropicApi.ChatModel.CLAUDE_SONNET_4'], 'claude-sonnet-4-0');
  // Vertex AI's and Google GenAI's enums send different ids for one name.
  assert.equal(SDK_MODEL_CONSTANTS['VertexAiGeminiChatModel.ChatModel.GEMINI_2_5_PRO'], 'gemini-2.5-pro-preview-05-06');
  assert.equal(SDK_MODEL_CONSTANTS['GoogleGenAiChatModel.ChatModel.GEMINI_2_5_PRO'], 'gemini-2.5-pro');
  // A short name of these enums is never read bare: `Size.SMALL` is no Mistral model.
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'SMALL'), false);
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'LLAMA3_2'), false);
});

test('sdkEnumConstant reads a chain by its longest known key, and the enum accessors for its string', () => {
  assert.deepEqual(sdkEnumConstant(['DeepSeekApi', 'ChatModel', 'DEEPSEEK_CHAT', 'getValue']), { id: 'deepseek-chat', key: 'DeepSeekApi.ChatModel.DEEPSEEK_CHAT', read: 1 });
  assert.deepEqual(sdkEnumConstant(['OllamaModel', 'QWEN3_4B', 'id']), { id: 'qwen3:4b', key: 'OllamaModel.QWEN3_4B', read: 1 });
  assert.deepEqual(sdkEnumConstant(['AnthropicApi', 'ChatModel', 'CLAUDE_3_HAIKU', 'getName']), { id: 'claude-3-haiku-20240307', key: 'AnthropicApi.ChatModel.CLAUDE_3_HAIKU', read: 1 });
  assert.deepEqual(sdkEnumConstant(['OpenAiApi', 'ChatModel', 'GPT_4_O', 'value']), { id: 'gpt-4o', key: 'GPT_4_O', read: 1 });
  assert.deepEqual(sdkEnumConstant(['ChatModel', 'GPT_4O_MINI']), { id: 'gpt-4o-mini', key: 'GPT_4O_MINI', read: 0 });
  assert.equal(sdkEnumConstant(['Size', 'SMALL']), undefined);
  assert.equal(sdkEnumConstant(['config', 'model', 'getName']), undefined);
  assert.equal(sdkEnumConstant(['x', 'toString']), undefined);
});

test('embedding model constants of openai-go, go-openai and openai-java resolve to their ids', () => {
  assert.equal(SDK_MODEL_CONSTANTS.EmbeddingModelTextEmbedding3Small, 'text-embedding-3-small');
  assert.equal(SDK_MODEL_CONSTANTS.AdaEmbeddingV2, 'text-embedding-ada-002');
  assert.equal(SDK_MODEL_CONSTANTS.LargeEmbedding3, 'text-embedding-3-large');
  assert.equal(SDK_MODEL_CONSTANTS.TEXT_EMBEDDING_3_SMALL, 'text-embedding-3-small');
});

test('Spring AI OpenAiApi.ChatModel names all resolve, spelt as Spring spells them', () => {
  assert.equal(SPRING_AI_OPENAI_CHAT_NAMES.size, 44);
  for (const n of SPRING_AI_OPENAI_CHAT_NAMES) assert.ok(Object.hasOwn(SDK_MODEL_CONSTANTS, n), n);
  assert.equal(SDK_MODEL_CONSTANTS.GPT_4_O_MINI, 'gpt-4o-mini');
  assert.ok(SPRING_AI_OPENAI_CHAT_NAMES.has('GPT_4_O_MINI'));
  assert.ok(!SPRING_AI_OPENAI_CHAT_NAMES.has('GPT_4O_MINI'));
});

test('LangChain OpenAIEmbeddings default model: text-embedding-ada-002, only for the class LangChain\'s modules export', () => {
  for (const id of ['langchain.embeddings.embed_query', 'langchain.embeddings.embedQuery']) {
    const anchors = EMBEDDING_SHAPES.find((s) => s.id === id)!.via!.anchors;
    const lib = anchors.find((a) => a.anchor[0] === 'OpenAIEmbeddings')!.libraryModel!;
    assert.equal(lib.id, 'text-embedding-ada-002');
    for (const m of ['langchain_openai', 'langchain_openai.embeddings', 'langchain_community.embeddings', 'langchain.embeddings.openai', '@langchain/openai']) assert.ok(lib.module.test(m), m);
    for (const m of ['app.embeddings', 'langchain_openaix', 'embeddings', '']) assert.ok(!lib.module.test(m), m);
    // The other classes' defaults are not read: Azure's is its deployment.
    assert.equal(anchors.find((a) => a.anchor[0] === 'AzureOpenAIEmbeddings')!.libraryModel, undefined);
  }
});

test("rig's Cohere and Bedrock constants resolve; a plain name such as COMMAND_R only with its module", () => {
  // 0xPlaygrounds/rig b75850e crates/rig-core/src/providers/cohere/mod.rs, crates/rig-bedrock/src/completion.rs.
  assert.equal(SDK_MODEL_CONSTANTS.COMMAND_A_03_2025, 'command-a-03-2025');
  assert.equal(SDK_MODEL_CONSTANTS.AMAZON_NOVA_LITE, 'amazon.nova-lite-v1:0');
  assert.equal(SDK_MODEL_CONSTANTS['cohere.COMMAND_R'], 'command-r');
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'COMMAND_R'), false);
  assert.equal(Object.hasOwn(SDK_MODEL_CONSTANTS, 'DEEPSEEK_R1'), false);
});

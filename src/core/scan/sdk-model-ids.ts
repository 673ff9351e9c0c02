// SDK model constants → the model id each one sends, so `openai.ChatModelGPT4o`, `anthropic.ModelClaudeSonnet4_5`,
// `ChatModel.GPT_4O_MINI` or Swift's `.gpt4_o` resolve to an id. Key: the constant's bare name as written after
// the last `.`. No two SDKs below share a bare name, so no key needs qualifying.
//
// Data only, extracted once from the SDK repositories: every constant found in any release tag and the default
// branch head, so code pinned to an older SDK release still resolves. Where a name changed value across releases
// (MacPaw: `ada`, `babbage`, `curie`, `moderation`), the newest value is kept.
//
// The constants of each SDK, with the files and tags they were read from:
//   sdk-constants-go.ts     openai-go, anthropic-sdk-go
//   sdk-model-ids-go-openai.ts  sashabaranov/go-openai (community Go client)
//   sdk-model-ids-go-gpt3.ts  PullRequestInc/go-gpt3 (community Go client, completions engines)
//   sdk-constants-jvm.ts    openai-java, anthropic-sdk-java
//   sdk-constants-swift.ts  MacPaw/OpenAI
//   sdk-model-ids-dotnet.ts  RageAgainstThePixel/OpenAI-DotNet (community C# client)
//   sdk-model-ids-okgo.ts  OkGoDoIt/OpenAI-API-dotnet (community C# client, namespace OpenAI_API)
//   sdk-model-ids-anthropic-dotnet.ts  C# Anthropic clients: tghamm/Anthropic.SDK, Cysharp/Claudia, anthropic-sdk-csharp
//   sdk-model-ids-anthropic-php.ts  anthropic-sdk-php (its Bedrock and Vertex enum cases; the others are shared)
//   sdk-model-ids-langchain-rust.ts  langchain-rust's OpenAIModel and ClaudeModel enums
//   sdk-model-ids-chatgpt-rs.ts  chatgpt_rs (Rust): its ChatGPTEngine variants
//   sdk-model-ids-rig.ts   rig (Rust): its openai, anthropic and gemini providers' constants no table above holds
//   sdk-model-ids-gemini-dotnet.ts  phanxuanquang/Gemini.NET's ModelVersion enum (community C# client)
//   sdk-model-ids-betalgo.ts  betalgo/openai's Models class (community C# client, Betalgo.OpenAI)
//   sdk-model-ids-spring-ai.ts  Spring AI's OpenAiApi.ChatModel enum names no table above holds
//   sdk-model-ids-spring-ai-providers.ts  Spring AI's DeepSeek, Anthropic, Mistral, Ollama, … enums (qualified keys)
//   sdk-model-ids-langchain4j.ts  LangChain4j's OpenAi/Anthropic/MistralAi ChatModelName enums (a name shared with
//                           openai-java, such as GPT_4O_MINI, sends the same id)
//   sdk-model-ids-koog.ts  Koog's OpenAIModels (qualified keys: OpenAIModels.Chat.GPT4o)
//   sdk-model-ids-plexpt.ts  PlexPt/chatgpt-java's ChatCompletion.Model (qualified keys)
//   sdk-model-ids-embeddings.ts  embedding model constants of openai-go, go-openai and openai-java
import { GO_MODEL_CONSTANTS } from './sdk-model-ids-go';
import { GO_OPENAI_MODEL_CONSTANTS } from './sdk-model-ids-go-openai';
import { GO_GPT3_MODEL_CONSTANTS } from './sdk-model-ids-go-gpt3';
import { JVM_MODEL_CONSTANTS } from './sdk-model-ids-jvm';
import { SWIFT_MODEL_CONSTANTS } from './sdk-model-ids-swift';
import { LANGCHAIN4J_MODEL_CONSTANTS } from './sdk-model-ids-langchain4j';
import { DOTNET_COMMUNITY_MODEL_CONSTANTS } from './sdk-model-ids-dotnet';
import { OKGO_MODEL_CONSTANTS } from './sdk-model-ids-okgo';
import { ANTHROPIC_DOTNET_MODEL_CONSTANTS } from './sdk-model-ids-anthropic-dotnet';
import { ANTHROPIC_PHP_MODEL_CONSTANTS } from './sdk-model-ids-anthropic-php';
import { RIG_MODEL_CONSTANTS } from './sdk-model-ids-rig';
import { CHATGPT_RS_MODEL_CONSTANTS } from './sdk-model-ids-chatgpt-rs';
import { LANGCHAIN_RUST_MODEL_CONSTANTS } from './sdk-model-ids-langchain-rust';
import { GEMINI_DOTNET_MODEL_CONSTANTS } from './sdk-model-ids-gemini-dotnet';
import { BETALGO_MODEL_CONSTANTS } from './sdk-model-ids-betalgo';
import { SPRING_AI_MODEL_CONSTANTS } from './sdk-model-ids-spring-ai';
import { SPRING_AI_PROVIDER_MODEL_CONSTANTS } from './sdk-model-ids-spring-ai-providers';
import { EMBEDDING_MODEL_CONSTANTS } from './sdk-model-ids-embeddings';
import { KOOG_MODEL_CONSTANTS } from './sdk-model-ids-koog';
import { PLEXPT_MODEL_CONSTANTS } from './sdk-model-ids-plexpt';

// Object.assign, not a spread: the same keys in the same order, but the spread added the 488 names one by one as
// fast properties (a new hidden class each) and took 3 ms of every engine load (measured; Object.assign 0.4 ms).
export const SDK_MODEL_CONSTANTS: Readonly<Record<string, string>> = Object.assign(
  {}, GO_MODEL_CONSTANTS, GO_OPENAI_MODEL_CONSTANTS, GO_GPT3_MODEL_CONSTANTS, JVM_MODEL_CONSTANTS, SWIFT_MODEL_CONSTANTS, LANGCHAIN4J_MODEL_CONSTANTS,
  DOTNET_COMMUNITY_MODEL_CONSTANTS, OKGO_MODEL_CONSTANTS, ANTHROPIC_DOTNET_MODEL_CONSTANTS, ANTHROPIC_PHP_MODEL_CONSTANTS, RIG_MODEL_CONSTANTS,
  LANGCHAIN_RUST_MODEL_CONSTANTS, GEMINI_DOTNET_MODEL_CONSTANTS, BETALGO_MODEL_CONSTANTS, SPRING_AI_MODEL_CONSTANTS,
  SPRING_AI_PROVIDER_MODEL_CONSTANTS, KOOG_MODEL_CONSTANTS, CHATGPT_RS_MODEL_CONSTANTS, PLEXPT_MODEL_CONSTANTS,
  EMBEDDING_MODEL_CONSTANTS,
);

/**
 * An SDK constant named by a dotted chain, read as such or for its string: `OpenAiApi.ChatModel.GPT_4_O`, `.getValue()`
 * / `.value` (Spring AI's enums), `.getName()` (their ChatModelDescription: the id) or `.id()` (OllamaModel.java).
 * The key tried first is the chain's last three names, then two, then the bare name; `key` is the one that matched.
 */
export function sdkEnumConstant(names: readonly string[]): { id: string; key: string; read: 0 | 1 } | undefined {
  const read = names.length > 2 && ENUM_READS.has(names[names.length - 1]) ? 1 : 0;
  const n = names.length - read;
  for (let k = Math.min(3, n); k >= 1; k--) {
    const key = names.slice(n - k, n).join('.');
    if (Object.hasOwn(SDK_MODEL_CONSTANTS, key)) return { id: SDK_MODEL_CONSTANTS[key], key, read };
  }
  return undefined;
}
/** The id of a chain known by its enum-qualified key only (`MistralAiApi.ChatModel.SMALL`), not by a bare name. */
export function qualifiedEnumId(names: readonly string[]): string | undefined {
  const e = sdkEnumConstant(names);
  return e?.key.includes('.') ? e.id : undefined;
}
const ENUM_READS = new Set(['getValue', 'value', 'getName', 'id']);

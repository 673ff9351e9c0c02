// The model (and limit) a Spring AI starter sends when the application's properties name none: the default its chat
// options are made with, which changed between releases. Read from spring-projects/spring-ai at each tag:
// - OpenAI: auto-configurations/models/spring-ai-autoconfigure-model-openai/…/OpenAiChatProperties.java
//   DEFAULT_CHAT_MODEL "gpt-3.5-turbo" (v0.8.1, v1.0.0-M1), "gpt-4o" (v1.0.0-M2 … M5), "gpt-4o-mini" (v1.0.0-M6 … v1.1.8);
//   from v2.0.0-M1 "gpt-5-mini" (OpenAiChatProperties, then models/spring-ai-openai OpenAiChatOptions.DEFAULT_CHAT_MODEL =
//   ChatModel.GPT_5_MINI at v2.0.0 / v2.0.1). No limit is sent unless set.
// - Anthropic: AnthropicChatProperties options `.model(AnthropicChatModel.DEFAULT_MODEL_NAME)
//   .maxTokens(AnthropicChatModel.DEFAULT_MAX_TOKENS)` (500): CLAUDE_3_7_SONNET "claude-3-7-sonnet-latest" at v1.0.0 …
//   v1.0.3, v1.1.0 … v1.1.2 and v2.0.0-M1 … M2, CLAUDE_HAIKU_4_5 "claude-haiku-4-5" at v1.0.4 … v1.0.9 and v1.1.3 …
//   v1.1.8; from v2.0.0-M3 on AnthropicChatOptions DEFAULT_MODEL claude-haiku-4-5, DEFAULT_MAX_TOKENS 4096 (the starter's
//   AnthropicChatProperties takes them: `.model(DEFAULT_CHAT_MODEL)` at M3 … M5, a field default from M6). The
//   milestones before v1.0.0 send 500 too (AnthropicChatModel.DEFAULT_MAX_TOKENS at v1.0.0-M1 … M8 and RC1), the model
//   CLAUDE_3_OPUS "claude-3-opus-20240229" (M1), CLAUDE_3_5_SONNET "claude-3-5-sonnet-20240620" (M2, M3),
//   "claude-3-5-sonnet-20241022" (M4), "claude-3-5-sonnet-latest" (M5, M6), CLAUDE_3_7_SONNET "claude-3-7-sonnet-latest"
//   (M7, M8); v0.8.1 has no Anthropic starter.
// - Ollama: OllamaChatProperties options `.model(OllamaModel.MISTRAL.id())` "mistral" (v1.0.0-M4 … v1.1.8), v2.0.x
//   OllamaChatOptions `model != null ? model : OllamaModel.MISTRAL.id()`; num_predict unset.
// The release is the one the build states (`<spring-ai.version>`, the spring-ai-bom's or a starter's version, Gradle's
// `springAiVersion`); a build that states none leaves the model to the properties (no default is guessed).
import { firstVersionIn } from './build-version';

/** A release as numbers, a milestone / release candidate below its release: 1.0.0-M6 → [1, 0, 0, -94]. */
function rank(v: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:[-.](M|RC)(\d+))?/i.exec(v.trim());
  if (!m) return undefined;
  const pre = m[4] ? (m[4].toUpperCase() === 'M' ? -100 : -50) + Number(m[5]) : 0;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0), pre];
}

function below(a: number[], b: string): boolean {
  const r = rank(b)!;
  for (let k = 0; k < 4; k++) if (a[k] !== r[k]) return a[k] < r[k];
  return false;
}

export interface StarterDefault {
  model: string;
  limit?: number;
  /** The property the value is the default of, and the class it is read from. */
  what: string;
}

/** The starter's default for a provider (`openai`, `anthropic`, `ollama`: the artifact's name part) at a release. */
export function starterDefault(provider: string, version: string): StarterDefault | undefined {
  const v = rank(version);
  if (!v) return undefined;
  const at = `Spring AI ${version}`;
  if (provider === 'openai') {
    const model = below(v, '1.0.0-M2') ? 'gpt-3.5-turbo' : below(v, '1.0.0-M6') ? 'gpt-4o' : below(v, '2.0.0-M1') ? 'gpt-4o-mini' : 'gpt-5-mini';
    return { model, what: `default of spring.ai.openai.chat.options.model (${at}, OpenAiChatProperties.DEFAULT_CHAT_MODEL)` };
  }
  if (provider === 'anthropic') {
    if (below(v, '1.0.0-M1')) return undefined;
    if (below(v, '1.0.0-RC1')) {
      const model = below(v, '1.0.0-M2') ? 'claude-3-opus-20240229' : below(v, '1.0.0-M4') ? 'claude-3-5-sonnet-20240620' : below(v, '1.0.0-M5') ? 'claude-3-5-sonnet-20241022' : below(v, '1.0.0-M7') ? 'claude-3-5-sonnet-latest' : 'claude-3-7-sonnet-latest';
      return { model, limit: 500, what: `default of spring.ai.anthropic.chat.options.model / max-tokens (${at}, AnthropicChatModel.DEFAULT_MODEL_NAME / DEFAULT_MAX_TOKENS)` };
    }
    if (!below(v, '2.0.0-M3')) {
      const key = below(v, '2.0.0-M6') ? 'spring.ai.anthropic.chat.options.model' : 'spring.ai.anthropic.chat.model';
      return { model: 'claude-haiku-4-5', limit: 4096, what: `default of ${key} / max-tokens (${at}, AnthropicChatOptions.DEFAULT_MODEL / DEFAULT_MAX_TOKENS)` };
    }
    const haiku = below(v, '1.1.0') ? !below(v, '1.0.4') : below(v, '2.0.0-M1') && !below(v, '1.1.3');
    return { model: haiku ? 'claude-haiku-4-5' : 'claude-3-7-sonnet-latest', limit: 500, what: `default of spring.ai.anthropic.chat.options.model / max-tokens (${at}, AnthropicChatModel.DEFAULT_MODEL_NAME / DEFAULT_MAX_TOKENS)` };
  }
  if (provider === 'ollama') {
    if (below(v, '1.0.0-M4')) return undefined;
    return { model: 'mistral', what: `default of spring.ai.ollama.chat.options.model (${at}, OllamaModel.MISTRAL)` };
  }
  return undefined;
}

/** Does the release bind `spring.ai.<p>.chat.model` / `.max-tokens` (no `.options.`)? From v2.0.0-M6 on
 * (OpenAiChatProperties / AnthropicChatProperties gain setModel, setMaxTokens; v2.0.0-M5 has none). */
export function topLevelBinds(version: string): boolean {
  const v = rank(version);
  return !!v && !below(v, '2.0.0-M6');
}

/** A release's forms in build files (literal expressions: each checked for backtracking by the hostile-data test). */
const VERSION_FORMS = [
  /<spring-ai\.version>\s*(\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)\s*<\/spring-ai\.version>/,
  // The BOM's or a starter's own <version> (any spring-ai artifact: the BOM gives them one release).
  /<artifactId>spring-ai-[a-z-]+<\/artifactId>\s*<version>\s*(\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)\s*<\/version>/,
  /org\.springframework\.ai:spring-ai-[a-z-]+:(\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)/,
  // Gradle: `springAiVersion = "1.0.0"`, `extra["springAiVersion"] = "1.0.0"`, `set("springAiVersion", "1.0.0")`.
  /springAiVersion["']?\]?\s*(?:=|,)\s*["'](\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)["']/,
  // A version catalog (libs.versions.toml): `spring-ai = "1.0.0"`.
  /\bspring-?ai\s*=\s*["'](\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)["']/,
  // gradle.properties: `springAiVersion=1.0.0`.
  /^[ \t]*springAiVersion[ \t]*=[ \t]*(\d+\.\d+(?:\.\d+)?(?:-(?:M|RC)\d+)?)/m,
];

/** The Spring AI release a build file states: a Maven property, the BOM's or a starter's version, a Gradle variable. */
export function springAiVersion(buildTexts: string[]): string | undefined {
  return firstVersionIn(buildTexts, VERSION_FORMS);
}

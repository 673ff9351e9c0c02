// The provider a Spring AI ChatModel is injected as, when the properties configure several (spring.ai.openai and
// spring.ai.ollama side by side): a parameter or field declared as the provider's class (`OpenAiChatModel chatModel`),
// or declared `ChatModel` with the qualifier of a starter's bean (`@Qualifier("ollamaChatModel") ChatModel chatModel`).
// A ChatClient made on it in the file (`this.chatClient = ChatClient.builder(chatModel)…build()` in the constructor,
// `ChatClient.create(chatModel)`) has that model's provider.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { MODEL_CLASSES } from './spring-bean-decls';
import { declaredTypes } from './chains';
import { assignmentBefore } from './definitions';
import { qualifierOf } from './jvm-beans';
import { thisAssignments } from './constructions';
import { identsNamed } from './run-index';
import { profileSubclassClass } from './spring-profiles';

/** The starters' ChatModel bean names: their auto-configuration methods (spring-ai v1.0.0 auto-configurations/models/
 * spring-ai-autoconfigure-model-<p>/…/<P>ChatAutoConfiguration.java, `public OllamaChatModel ollamaChatModel(…)`;
 * Vertex AI's is `vertexAiGeminiChat`; GoogleGenAiChatAutoConfiguration `googleGenAiChatModel` at the head). */
const STARTER_BEANS: Record<string, string> = {
  openAiChatModel: 'OpenAiChatModel', anthropicChatModel: 'AnthropicChatModel', ollamaChatModel: 'OllamaChatModel',
  mistralAiChatModel: 'MistralAiChatModel', azureOpenAiChatModel: 'AzureOpenAiChatModel', vertexAiGeminiChat: 'VertexAiGeminiChatModel',
  googleGenAiChatModel: 'GoogleGenAiChatModel', deepSeekChatModel: 'DeepSeekChatModel',
};
const CHAT_MODEL = new Set(['ChatModel']);

/** The provider model class `name` is injected as, seen from token `at`; undefined when not exactly one. */
export function injectedModelClass(c: Ctx, name: string, at: number): string | undefined {
  c.readNames?.add(name);
  declarationsRead(c, name);
  const types = declaredTypes(c, name);
  const hit = [...new Set(types.filter((t) => Object.hasOwn(MODEL_CLASSES, t)))];
  if (hit.length === 1) return hit[0];
  if (hit.length || !types.includes('ChatModel')) return undefined;
  const q = qualifier(c, name, at);
  if (q !== undefined) return Object.hasOwn(STARTER_BEANS, q) ? STARTER_BEANS[q] : undefined;
  // An abstract class's parameter: what its live (@Profile) subclasses pass.
  return profileSubclassClass(c, name, at);
}

/** The qualifier of `name`'s declaration, or of the constructor parameter a field is set from (`this.ollamaChatModel =
 * OllamaChatModel;` with `@Qualifier("ollamaChatModel") ChatModel OllamaChatModel`, spring-ai-alibaba-examples
 * more-platform-and-model-example MorePlatformController). */
function qualifier(c: Ctx, name: string, at: number): string | undefined {
  const q = qualifierOf(c, name, at, CHAT_MODEL);
  if (q !== undefined) return q;
  const once = thisAssignments(c, name);
  if (once.at.length !== 1) return undefined;
  const v = once.value[0];
  const { toks } = c;
  if (!isId(toks[v]) || !isP(toks[v + 1], ';') || toks[v].v === name) return undefined;
  c.read?.push({ start: toks[once.at[0]].start, end: toks[v].end });
  return qualifierOf(c, toks[v].v, v, CHAT_MODEL);
}

/** The qualifier `name` is injected by when it names no starter's ChatModel bean (spring-ai-alibaba's
 * `@Qualifier("dashscopeChatModel") ChatModel m`): a bean another starter or the application makes. */
export function foreignQualifier(c: Ctx, name: string, at: number): string | undefined {
  if (!declaredTypes(c, name).includes('ChatModel')) return undefined;
  const q = qualifier(c, name, at);
  return q !== undefined && !Object.hasOwn(STARTER_BEANS, q) ? q : undefined;
}

/** `name`, a ChatClient, made in the file on an injected model (`ChatClient.builder(m)` / `ChatClient.create(m)`): m's class. */
export function clientModelClass(c: Ctx, name: string, at: number): string | undefined {
  const m = clientModelArg(c, name, at);
  return m ? injectedModelClass(c, m.name, m.at) : undefined;
}

/** The model name a ChatClient `name` is made on in the file (`ChatClient.builder(m)`), and where. */
export function clientModelArg(c: Ctx, name: string, at: number): { name: string; at: number } | undefined {
  const { toks } = c;
  // A field set in the constructor (`this.chatClient = …`) is in another block than the use: its one assignment.
  let def = assignmentBefore(c, name, at);
  if (def < 0) {
    const once = thisAssignments(c, name);
    if (once.at.length !== 1) return undefined;
    def = once.value[0];
    c.read?.push({ start: toks[once.at[0]].start, end: toks[Math.min(def + 5, toks.length - 1)].end });
  }
  if (def < 0 || toks[def]?.v !== 'ChatClient' || !isP(toks[def + 1], '.') || !/^(builder|create)$/.test(toks[def + 2]?.v ?? '')) return undefined;
  if (!isP(toks[def + 3], '(') || !isId(toks[def + 4]) || !isP(toks[def + 5], ')')) return undefined;
  return { name: toks[def + 4].v, at: def };
}

/** The name the fluent chain ending at `first` starts from (`chatClient` of `this.chatClient.prompt()….call(`), or -1. */
export function chainReceiver(c: Ctx, first: number): number {
  const { toks, match } = c;
  let k = first;
  while (isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && match[k - 2] > 0 && isId(toks[match[k - 2] - 1])) k = match[k - 2] - 1;
  return isP(toks[k - 1], '.') && isId(toks[k - 2]) ? k - 2 : -1;
}

/** The declarations of `name` (`OpenAiChatModel chatModel`, Kotlin `chatModel: OpenAiChatModel`) are read: an edit of
 * the type changes the provider, so the keystroke path must not answer it from the kept analysis. */
function declarationsRead(c: Ctx, name: string): void {
  const { toks } = c;
  let n = 0;
  for (const k of identsNamed(c, name)) {
    if (n >= MAX_DECLARATIONS) break;
    const java = k >= 1 && isId(toks[k - 1]) && !isP(toks[k - 2], '.') && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ';') || isP(toks[k + 1], '='));
    const kotlin = isP(toks[k + 1], ':') && isId(toks[k + 2]);
    if (!java && !kotlin) continue;
    c.read?.push({ start: toks[java ? k - 1 : k].start, end: toks[java ? k : k + 2].end });
    n++;
  }
}
/** Declarations of one name recorded at most. */
const MAX_DECLARATIONS = 8;

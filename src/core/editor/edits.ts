// Text edits for quick fixes, as offsets: switch the model in place, add or change the output limit.
import type { CallSite, Span } from '../types';
import { SDK_MODEL_CONSTANTS } from '../scan/sdk-model-ids';
import { isDotnetModelName } from '../scan/sdk-model-ids-dotnet';
import { GO_OPENAI_MODEL_CONSTANTS } from '../scan/sdk-model-ids-go-openai';
import { GO_GPT3_CONSTANT_NAMES } from '../scan/sdk-model-ids-go-gpt3';
import { okgoConstantFor } from '../scan/sdk-model-ids-okgo';
import { SPRING_AI_OPENAI_CHAT_NAMES } from '../scan/sdk-model-ids-spring-ai';
import { LANGCHAIN4J_MODEL_CONSTANTS } from '../scan/sdk-model-ids-langchain4j';

export interface TextEdit {
  span: Span;
  text: string;
  /** The file to edit when not the call's own (a constant defined in another module). */
  file?: string;
}

/** Reverse table, model id → constant names, built on first use. */
let byModel: Map<string, string[]> | undefined;

function constantsFor(id: string): string[] {
  if (!byModel) {
    byModel = new Map();
    for (const [name, model] of Object.entries(SDK_MODEL_CONSTANTS)) {
      const list = byModel.get(model);
      if (list) list.push(name);
      else byModel.set(model, [name]);
    }
  }
  return byModel.get(id) ?? [];
}

/**
 * Replaces the model where it is written: a literal keeps its quotes, a constant's definition is edited, an SDK
 * constant becomes the SDK's constant for the new model (same naming family) or else a string literal.
 */
export function modelEdit(site: CallSite, newModelId: string): TextEdit | undefined {
  const m = site.model;
  // An assumed model is not in the code; of several values (a helper's returns) no single place is the model.
  if (!m || m.assumed || m.unwritten || m.composed || m.others?.length) return undefined;
  // An SDK constant held in a name (`static final ChatModel MODEL = ChatModel.GPT_4O`, then `.model(MODEL)`): the span
  // is the name where it is used, and a model id written there is no code. Its definition is not edited either.
  if (m.kind === 'constant' && m.source?.what.startsWith('SDK constant ')) return undefined;
  if (m.kind === 'sdk-constant') {
    // OpenAI-API-dotnet's Model has its own names (OpenAI-DotNet's `GPT4oMini` is none of its): only those.
    if (site.sdk === 'OpenAI-API-dotnet') {
      const own = okgoConstantFor(newModelId);
      return own ? { span: m.span, text: own } : undefined;
    }
    const style = styleOf(m.written ?? '', site.languageId);
    // go-gpt3 spells its chat models as go-openai does but declares only a few (sdk-model-ids-go-gpt3.ts).
    // A constant read by its enum's name (`DeepSeekApi.ChatModel.DEEPSEEK_CHAT`) becomes another of that enum only.
    const written = m.written ?? '';
    const enumOf = written.slice(0, written.lastIndexOf('.') + 1);
    // Spring AI's and LangChain4j's enums spell ids their own way (`GPT_4_O_MINI`, openai-java's `GPT_4O_MINI`): a name of
    // the enum the code writes, or no edit. (A name read with its enum's, `MistralAiApi.ChatModel.LARGE`, stays in it above.)
    const family = enumOf ? undefined : ENUM_FAMILIES[site.sdk];
    if (family && !family.has(written.slice(written.lastIndexOf('.') + 1))) return undefined;
    const own = (n: string) => (!site.shape.startsWith('gogpt3.') || GO_GPT3_CONSTANT_NAMES.has(n)) && (enumOf ? n.startsWith(enumOf) : !n.includes('.')) && (!family || family.has(n));
    const name = constantsFor(newModelId).find((n) => styleOf(n, site.languageId) === style && own(n));
    if (name) return { span: m.span, text: name.slice(name.lastIndexOf('.') + 1) };
    return undefined;
  }
  // Keep a provider prefix the code already writes (`anthropic/claude-…`, `googleai/gemini-…`).
  const slash = m.id.lastIndexOf('/');
  const prefix = slash > 0 && !newModelId.includes('/') ? m.id.slice(0, slash + 1) : '';
  const edit: TextEdit = { span: m.span, text: prefix + newModelId };
  if (m.file !== undefined) edit.file = m.file;
  return edit;
}

/** The names of the model enums of JVM frameworks, by the call's SDK: Spring AI's OpenAiApi.ChatModel, LangChain4j's
 * OpenAiChatModelName / AnthropicChatModelName / MistralAiChatModelName (its whole table). */
const ENUM_FAMILIES: Record<string, ReadonlySet<string>> = {
  'Spring AI': SPRING_AI_OPENAI_CHAT_NAMES,
  LangChain4j: new Set(Object.keys(LANGCHAIN4J_MODEL_CONSTANTS)),
};

/** Constants of one SDK share a naming style: `GPT_4O_MINI` (Java) vs `ChatModelGPT4oMini` (Go). */
function styleOf(name: string, languageId?: string): string {
  const bare = name.slice(name.lastIndexOf('.') + 1);
  // go-openai's names (`GPT4o`, `GPT5`, `O3Mini`) are a family of their own: `GPT5` is no name for Java code and
  // `GPT_5` none for Go. Its `O1` / `O3` are spelt as openai-java's, so the language tells them apart.
  // C#'s are OpenAI-DotNet's (`Model.GPT4o`, `Model.GPT4_1_Mini`), some spelt as go-openai's.
  if (languageId === 'csharp' && isDotnetModelName(bare)) return 'openai-dotnet';
  if (Object.hasOwn(GO_OPENAI_MODEL_CONSTANTS, bare) || (languageId === 'go' && /^O\d+$/.test(bare))) return 'go-openai';
  if (/^[A-Z0-9_]+$/.test(bare)) return 'UPPER';
  const m = /^[A-Z][a-z]+[A-Z][a-z]+/.exec(bare);
  return m ? m[0] : bare.slice(0, 4);
}

/** Changes an existing limit's value, or adds the limit with the SDK's own parameter name (or `param`, the advice's). */
export function limitEdit(site: CallSite, limit: number, param?: string): TextEdit | undefined {
  const n = String(Math.round(limit));
  // A framework's default is in no file: changing it is adding a setting, which no edit here does.
  if (site.maxOutput?.unwritten) return undefined;
  if (site.maxOutput) return site.maxOutput.file !== undefined ? { span: site.maxOutput.span, text: n, file: site.maxOutput.file } : { span: site.maxOutput.span, text: n };
  // SwiftOpenAI's max_completion_tokens is a property set after init (`maCompletionTokens`, advisor.ts), no argument.
  if (!site.limitInsertion || param === 'maCompletionTokens') return undefined;
  const at = site.limitInsertion.offset;
  const template = param ? site.limitInsertion.template.replace(site.limitParam, param) : site.limitInsertion.template;
  return { span: { start: at, end: at }, text: template.split('{n}').join(n) };
}

/** Applies edits to a text (for tests and the CLI's dry runs). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

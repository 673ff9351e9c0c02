// LangChain's OpenAI *LLM* class (not ChatOpenAI): `from langchain.llms import OpenAI` / `from langchain_openai import
// OpenAI`, `llm = OpenAI(model_name=…, max_tokens=…)`, then `llm.invoke("…")` / `llm.predict("…")`. It sends one prompt
// text to the legacy completions endpoint (`self.client = openai.OpenAI(…).completions`, `client.create(prompt=…)`):
// a text completion, billed its prompt and never moved to a chat-only model. Its name is the openai SDK's client's
// too, so it is this class only where the file imports it from LangChain. Seen in 2krypto2quit/activeloop main.py,
// harkirat-singh2/GenAI Models/LLM/1_LLMMODEL.py and BFRS-2/exception-handler tools/llm_utils.py. JS has the same class
// (`import { OpenAI } from "@langchain/openai"; new OpenAI({ temperature: 0.9 }).invoke("…")`, seen in
// amit8889/langchain src/llm/llm_model.ts and watsumi/learning-langchain ch1/js/e-prompt-model.js), also only where imported from LangChain.
import { importsOf } from './imported';
import type { LimitRef, Span } from '../types';
import type { Ctx, ModelValue } from './values';

const LC_NEW = 'https://github.com/langchain-ai/langchain (0339ba1, libs/partners/openai/langchain_openai/llms/base.py:73 BaseOpenAI.model_name = Field(default="gpt-3.5-turbo-instruct", alias="model"); :77 max_tokens: int = 256)';
const LC_OLD = 'https://github.com/hwchase17/langchain (95313ab, langchain/llms/openai.py:27 OpenAI.model_name = "text-davinci-003"; :31 max_tokens: int = 256)';

const LCJS_NEW = 'https://github.com/langchain-ai/langchainjs (62fc484, libs/providers/langchain-openai/src/llms.ts:110 model = "gpt-3.5-turbo-instruct"; :96 maxTokens?: number, sent as max_tokens only when set since 90b06fa "remove class defaults", 2025-01-24)';
const LCJS_OLD = 'https://github.com/langchain-ai/langchainjs (0fb7567^, langchain/src/llms/openai.ts:99 modelName = "text-davinci-003"; :85 maxTokens = 256)';

/** The modules the class is imported from, each with the model and limit its class sends when the code names none. */
const MODULES: { from: RegExp; model: string; limit?: number; source: string; lang: string }[] = [
  // langchain_openai, langchain_community.llms (and its .openai), which define it today.
  { from: /^langchain_(openai|community\.llms)(\.openai)?$/, model: 'gpt-3.5-turbo-instruct', limit: 256, source: LC_NEW, lang: 'python' },
  // The old langchain package's own class (`from langchain.llms import OpenAI`, `from langchain import OpenAI`):
  // text-davinci-003, retired by OpenAI on 2024-01-04 (the sheet's retirement warning names it).
  { from: /^langchain(\.llms(\.openai)?)?$/, model: 'text-davinci-003', limit: 256, source: LC_OLD, lang: 'python' },
  // @langchain/openai today sends no max_tokens unless the code sets one: the endpoint's own default, as for a bare
  // completions call (no limit stated).
  { from: /^@langchain\/openai$/, model: 'gpt-3.5-turbo-instruct', source: LCJS_NEW, lang: 'javascript' },
  // langchain 0.0.x's own class (`import { OpenAI } from "langchain/llms/openai"`), before @langchain/openai.
  { from: /^langchain\/llms(\/openai)?$/, model: 'text-davinci-003', limit: 256, source: LCJS_OLD, lang: 'javascript' },
];

export interface LlmDefaults {
  model: string;
  /** Undefined where the class sends no limit of its own. */
  limit?: number;
  source: string;
}

/** What the file's `OpenAI` is: LangChain's LLM class with its defaults, else undefined (the openai SDK's client). */
export function langchainLlm(c: Ctx): LlmDefaults | undefined {
  if (c.syn.id !== 'python' && c.syn.id !== 'javascript') return undefined;
  const b = importsOf(c).names.get('OpenAI');
  const m = b && b.name === 'OpenAI' ? MODULES.find((x) => x.lang === c.syn.id && x.from.test(b.from)) : undefined;
  if (!m || !b) return undefined;
  c.read?.push(b.span);
  return { model: m.model, limit: m.limit, source: m.source };
}

/** The defaults as values placed at the construction (`at`): written in no file, named by their source. */
export function llmDefaultValues(d: LlmDefaults, at: Span, js = false): { model: ModelValue; limit?: LimitRef } {
  const what = (k: string) => `default of LangChain OpenAI ${k} (${d.source})`;
  const [modelKey, limitKey] = js ? ['model', 'maxTokens'] : ['model_name', 'max_tokens'];
  return {
    model: { ref: { id: d.model, span: at, kind: 'constant', unwritten: true, source: { offset: at.start, what: what(modelKey) } } },
    ...(d.limit === undefined ? {} : { limit: { value: d.limit, span: at, key: limitKey, unwritten: true, source: { offset: at.start, what: what(limitKey) } } }),
  };
}

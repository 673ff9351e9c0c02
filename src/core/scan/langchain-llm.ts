// LangChain's OpenAI *LLM* class (not ChatOpenAI): `from langchain.llms import OpenAI` / `from langchain_openai import
// OpenAI`, `llm = OpenAI(model_name=…, max_tokens=…)`, then `llm.invoke("…")` / `llm.predict("…")`. It sends one prompt
// text to the legacy completions endpoint (`self.client = openai.OpenAI(…).completions`, `client.create(prompt=…)`):
// a text completion, billed its prompt and never moved to a chat-only model. Its name is the openai SDK's client's
// too, so it is this class only where the file imports it from LangChain. Seen in 2krypto2quit/activeloop main.py,
// harkirat-singh2/GenAI Models/LLM/1_LLMMODEL.py and BFRS-2/exception-handler tools/llm_utils.py.
import { importsOf } from './imported';
import type { LimitRef, Span } from '../types';
import type { Ctx, ModelValue } from './values';

const LC_NEW = 'https://github.com/langchain-ai/langchain (0339ba1, libs/partners/openai/langchain_openai/llms/base.py:73 BaseOpenAI.model_name = Field(default="gpt-3.5-turbo-instruct", alias="model"); :77 max_tokens: int = 256)';
const LC_OLD = 'https://github.com/hwchase17/langchain (95313ab, langchain/llms/openai.py:27 OpenAI.model_name = "text-davinci-003"; :31 max_tokens: int = 256)';

/** The modules the class is imported from, each with the model and limit its class sends when the code names none. */
const MODULES: { from: RegExp; model: string; source: string }[] = [
  // langchain_openai, langchain_community.llms (and its .openai), which define it today.
  { from: /^langchain_(openai|community\.llms)(\.openai)?$/, model: 'gpt-3.5-turbo-instruct', source: LC_NEW },
  // The old langchain package's own class (`from langchain.llms import OpenAI`, `from langchain import OpenAI`):
  // text-davinci-003, retired by OpenAI on 2024-01-04 (the sheet's retirement warning names it).
  { from: /^langchain(\.llms(\.openai)?)?$/, model: 'text-davinci-003', source: LC_OLD },
];

export interface LlmDefaults {
  model: string;
  limit: number;
  source: string;
}

/** What the file's `OpenAI` is: LangChain's LLM class with its defaults, else undefined (the openai SDK's client). */
export function langchainLlm(c: Ctx): LlmDefaults | undefined {
  if (c.syn.id !== 'python') return undefined;
  const b = importsOf(c).names.get('OpenAI');
  const m = b && b.name === 'OpenAI' ? MODULES.find((x) => x.from.test(b.from)) : undefined;
  if (!m || !b) return undefined;
  c.read?.push(b.span);
  return { model: m.model, limit: 256, source: m.source };
}

/** The defaults as values placed at the construction (`at`): written in no file, named by their source. */
export function llmDefaultValues(d: LlmDefaults, at: Span): { model: ModelValue; limit: LimitRef } {
  const what = (k: string) => `default of LangChain OpenAI ${k} (${d.source})`;
  return {
    model: { ref: { id: d.model, span: at, kind: 'constant', unwritten: true, source: { offset: at.start, what: what('model_name') } } },
    limit: { value: d.limit, span: at, key: 'max_tokens', unwritten: true, source: { offset: at.start, what: what('max_tokens') } },
  };
}

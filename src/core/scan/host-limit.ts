// The output limit's name for a call whose OpenAI SDK client is pointed at another host by a base URL (base-url.ts):
// the name comes from the host, not from the SDK's call shape. DeepSeek documents `max_tokens` only, so "Set
// max_completion_tokens" there names a field it does not take. Each SDK form below says which API it sends to and
// its field for each name on the wire; a host whose name is not known (xAI, a local server) gets no name at all.
import type { CallSite } from '../types';
import { AZURE_OPENAI } from '../price/hosts';
import type { CallTarget } from './base-url';

type Api = 'chat' | 'responses';

/** The SDK's field for each wire name; `true`: any name is written as is (a hash or array body, v0's `**params`). */
type Fields = Record<string, string> | true;

const SAME = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

/** SDK call forms by shape id: the API each sends to and the fields it has for the output limit. */
const FORMS: { ids: RegExp; api: Api; fields: Fields }[] = [
  // openai-python create(max_completion_tokens, max_tokens, …) (src/openai/types/chat/completion_create_params.py);
  // openai-node ChatCompletionCreateParamsBase max_completion_tokens, max_tokens (src/resources/chat/completions/
  // completions.ts). A keyword the Python SDK does not declare is a TypeError: only these two.
  { ids: /^openai\.chat(?:\.|$)/, api: 'chat', fields: SAME('max_completion_tokens', 'max_tokens') },
  // openai-python v0.28.1 openai/api_resources/chat_completion.py: create(**params), sent as given.
  { ids: /^openai\.v0\.ChatCompletion\./, api: 'chat', fields: true },
  // openai-go chatcompletion.go ChatCompletionNewParams: MaxCompletionTokens, MaxTokens `json:"max_tokens"`.
  // go-openai chat.go ChatCompletionRequest: MaxCompletionTokens, MaxTokens `json:"max_tokens"`.
  { ids: /^(?:openai\.go\.chat|goopenai\.CreateChatCompletion)/, api: 'chat', fields: { max_completion_tokens: 'MaxCompletionTokens', max_tokens: 'MaxTokens' } },
  // openai-java ChatCompletionCreateParams.kt Builder: maxCompletionTokens, maxTokens (@Deprecated).
  { ids: /^openai\.java\.(?:builder$|chat\.)/, api: 'chat', fields: { max_completion_tokens: 'maxCompletionTokens', max_tokens: 'maxTokens' } },
  // openai-dotnet OpenAI/src/Custom/Chat/ChatCompletionOptions.cs: MaxOutputTokenCount is max_completion_tokens; max_tokens
  // is internal (`_deprecatedMaxTokens`).
  { ids: /^openai\.dotnet\.CompleteChat/, api: 'chat', fields: { max_completion_tokens: 'MaxOutputTokenCount' } },
  // async-openai async-openai/src/types/chat/chat_.rs CreateChatCompletionRequest: max_completion_tokens, max_tokens.
  { ids: /^openai\.rust(?:$|\.chat\.)/, api: 'chat', fields: SAME('max_completion_tokens', 'max_tokens') },
  // ruby-openai chat(parameters: {…}) and openai-php create([…]) send the hash / array they are given.
  { ids: /^openai\.(?:ruby|php(?:\.stream)?)$/, api: 'chat', fields: true },
  // MacPaw/OpenAI Sources/OpenAI/Public/Models/ChatQuery.swift: the initialiser takes maxCompletionTokens; maxTokens is
  // a property it does not take.
  { ids: /^openai\.swift$/, api: 'chat', fields: { max_completion_tokens: 'maxCompletionTokens' } },
  // The Responses API: max_output_tokens in every SDK (the rows' sources in call-shapes.ts / call-shapes-forms.ts).
  { ids: /^openai\.responses(?:\.|$)/, api: 'responses', fields: SAME('max_output_tokens') },
  { ids: /^(?:openai\.go\.responses|goopenai\.CreateResponse)/, api: 'responses', fields: { max_output_tokens: 'MaxOutputTokens' } },
  { ids: /^openai\.(?:java\.responses\.builder|jvm\.responses\.)/, api: 'responses', fields: { max_output_tokens: 'maxOutputTokens' } },
  { ids: /^openai\.dotnet\.CreateResponse/, api: 'responses', fields: { max_output_tokens: 'MaxOutputTokenCount' } },
  { ids: /^openai\.rust\.responses\./, api: 'responses', fields: SAME('max_output_tokens') },
  { ids: /^openai\.ruby\.responses$/, api: 'responses', fields: true },
  // A plain HTTP request's body is the JSON sent (call-shapes-http.ts): any name is written as is.
  { ids: /^http\.openai\.chat\./, api: 'chat', fields: true },
  { ids: /^http\.openai\.responses\./, api: 'responses', fields: true },
];

/**
 * Names the call's output limit after the host its client goes to: `site.limitParam` becomes the host's name in the
 * SDK's spelling, or, when the host's name is not known or the SDK has no field for it, `site.limitUnnamed` says so
 * (and no limit is inserted). The OpenAI host, the SDK's Azure client, and forms not in FORMS (legacy completions,
 * Assistants runs, agent frameworks' own settings) keep the SDK's name.
 */
export function hostLimit(site: CallSite, target: CallTarget): void {
  const host = target.host;
  if (!host && !target.unlisted) return;
  if (host && (host.provider === 'openai' || host === AZURE_OPENAI)) return;
  const form = FORMS.find((f) => f.ids.test(site.shape));
  if (!form) return;
  const name = host ? host.name : target.server ? `${target.server.name} at ${target.unlisted}` : `the server at ${target.unlisted}`;
  const wire = (host ?? target.server)?.limit?.[form.api];
  if (!wire) {
    site.limitUnnamed = { host: name };
    return;
  }
  const field = form.fields === true ? wire : form.fields[wire];
  if (field) site.limitParam = field;
  else site.limitUnnamed = { host: name, param: wire };
}

// The rows of Hugging Face's JavaScript client, @huggingface/inference: data only, as the other call-shape tables.
import type { CallShape } from './call-shape-types';

const HF_JS = { paths: ['@huggingface/inference'], word: 'huggingface' };
const HF_SOURCE = 'https://github.com/huggingface/huggingface.js (packages/inference/src/InferenceClient.ts: InferenceClient, HfInference its deprecated name; tasks/nlp/';
const HF_TASKS = 'packages/tasks/src/tasks/';
const NO_MODEL = "the Hub's default model for the task, or the endpointUrl's (@huggingface/inference lib/makeRequestOptions.ts loadDefaultModel)";

/**
 * `hf.textGeneration({ model, inputs, parameters: { max_new_tokens } })` and `hf.chatCompletion({ model, messages,
 * max_tokens })` on an InferenceClient (or HfInference), or the same functions imported alone with an accessToken. The
 * call goes to Hugging Face's Inference Providers, billed on Hugging Face's terms: priced only from a user's sheet
 * (price/table.ts OWN_TERMS), as the Go client's rows (call-shapes-go.ts).
 */
export const HF_JS_SHAPES: CallShape[] = [
  ...['textGeneration', 'textGenerationStream'].map((m): CallShape => ({
    id: `huggingface.js.${m}`, sdk: 'Hugging Face', provider: 'huggingface', anchor: [m, '('], langs: ['javascript'], imports: HF_JS, moduleOrMethod: ['@huggingface/inference'],
    runtimeRequest: true, defaultModel: NO_MODEL, limitParam: 'parameters: { max_new_tokens }', limitNested: true,
    keys: { prompt: new Set(['inputs']) },
    source: `${HF_SOURCE}${m}.ts: ${m}(args: BaseArgs & TextGenerationInput); ${HF_TASKS}text-generation/inference.ts TextGenerationInput{inputs, parameters{max_new_tokens}})`,
  })),
  ...['chatCompletion', 'chatCompletionStream'].map((m): CallShape => ({
    id: `huggingface.js.${m}`, sdk: 'Hugging Face', provider: 'huggingface', anchor: [m, '('], langs: ['javascript'], imports: HF_JS, moduleOrMethod: ['@huggingface/inference'],
    runtimeRequest: true, defaultModel: NO_MODEL, limitParam: 'max_tokens',
    source: `${HF_SOURCE}${m}.ts: ${m}(args: BaseArgs & ChatCompletionInput); ${HF_TASKS}chat-completion/inference.ts ChatCompletionInput{model, messages, max_tokens})`,
  })),
];

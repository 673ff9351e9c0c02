// Batch jobs: the call that sends one is a row per request the file builds for it (batch-requests.ts), each billed at
// the batch rate (cost/rate-choice.ts) and never told to use the batch API it already uses.
import type { CallShape } from './call-shape-types';

export const BATCH_SHAPES: CallShape[] = [
  // `client.messages.batches.create(requests=[{"custom_id": …, "params": {model, max_tokens, messages}}])`, also
  // `client.beta.messages.batches.create(…)`; Python's `Request(custom_id=…, params=MessageCreateParamsNonStreaming(…))`.
  // "reducing costs by 50%": https://platform.claude.com/docs/en/build-with-claude/batch-processing.
  {
    id: 'anthropic.batches', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'batches', '.', 'create', '('],
    langs: ['python', 'javascript'], needs: ['anthropic', 'Anthropic', 'AsyncAnthropic'], batchJob: 'anthropic', limitParam: 'max_tokens',
    source: 'https://github.com/anthropics/anthropic-sdk-python (src/anthropic/resources/messages/batches.py: create(requests); types/messages/batch_create_params.py Request(custom_id, params: MessageCreateParamsNonStreaming)); https://github.com/anthropics/anthropic-sdk-typescript (src/resources/messages/batches.ts)',
  },
  // `client.batches.create(input_file_id=…, endpoint="/v1/chat/completions", completion_window="24h")`: the file's JSONL
  // lines `{"custom_id": …, "method": "POST", "url": "/v1/chat/completions", "body": {…}}` are its requests.
  // "50% cost discount compared to synchronous APIs": https://platform.openai.com/docs/guides/batch.
  {
    id: 'openai.batches', sdk: 'OpenAI', provider: 'openai', anchor: ['batches', '.', 'create', '('], langs: ['python', 'javascript'],
    notAfter: ['messages'], needs: ['openai', 'OpenAI', 'AsyncOpenAI', 'AzureOpenAI'], batchJob: 'openai', limitParam: 'max_completion_tokens',
    source: 'https://github.com/openai/openai-python (src/openai/resources/batches.py: create(completion_window, endpoint, input_file_id)); https://platform.openai.com/docs/guides/batch (the input file: custom_id, method, url, body)',
  },
];

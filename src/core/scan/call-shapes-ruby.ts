// OpenAI's official Ruby SDK (the `openai` gem from 0.1, openai/openai-ruby): keyword arguments straight in the call,
// `client.chat.completions.create(messages: […], model: "gpt-4.1")`. The gem's older community namesake (ruby-openai,
// `client.chat(parameters: {…})`) is call-shapes.ts's `openai.ruby`; both answer `responses.create(`, read by
// call-shapes-forms.ts's row. A Rails association (`chat.completions.create(content: …)`) names no `model:`, which the
// API requires: the call must name it, in a file that names OpenAI.
import type { CallShape } from './call-shape-types';

const OPENAI_RUBY = 'https://github.com/openai/openai-ruby';

export const RUBY_SHAPES: CallShape[] = [
  ...['create', 'stream', 'stream_raw'].map((m): CallShape => ({
    id: `openai.ruby.sdk.chat.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['chat', '.', 'completions', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'model', limitParam: 'max_completion_tokens',
    source: `${OPENAI_RUBY} (edfb30b, README; lib/openai/resources/chat/completions.rb @overload ${m === 'stream' ? 'create' : m}(messages:, model:, …, max_completion_tokens: nil, max_tokens: nil, …), def ${m}(params))`,
  })),
  ...['stream', 'stream_raw'].map((m): CallShape => ({
    id: `openai.ruby.sdk.responses.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['responses', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'model', limitParam: 'max_output_tokens',
    source: `${OPENAI_RUBY} (edfb30b, README: openai.responses.stream(input:, model:); lib/openai/resources/responses.rb @overload ${m}(…, input: nil, instructions: nil, max_output_tokens: nil, …, model: nil, …))`,
  })),
  ...['create', 'create_streaming'].map((m): CallShape => ({
    id: `openai.ruby.sdk.completions.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['completions', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'prompt', notAfter: ['chat'], textCompletion: true, limitParam: 'max_tokens',
    source: `${OPENAI_RUBY} (edfb30b, lib/openai/resources/completions.rb @overload ${m}(model:, prompt:, …, max_tokens: nil, …))`,
  })),
];

// OpenAI's official Ruby SDK (the `openai` gem from 0.1, openai/openai-ruby): keyword arguments straight in the call,
// `client.chat.completions.create(messages: […], model: "gpt-4.1")`. The gem's older community namesake (ruby-openai,
// `client.chat(parameters: {…})`) is call-shapes.ts's `openai.ruby`; its `responses.create(parameters: {…})` is
// call-shapes-forms.ts's row, this gem's `responses.create(model: …, input: …)` this file's. A Rails association
// (`chat.completions.create(content: …)`, `@post.responses.create(attrs)`) names no `model:`, which the API requires:
// the call must name it, in a file that names OpenAI.
import type { CallShape } from './call-shape-types';
import { LANGCHAINRB_CLASSES, LANGCHAINRB_SOURCE, langchainrbAnchors } from './langchainrb';
import { ASSISTANT_HOLDER, ASSISTANT_METHODS, VECTORSEARCH_HOLDER } from './langchainrb-holders';

const OPENAI_RUBY = 'https://github.com/openai/openai-ruby';

export const RUBY_SHAPES: CallShape[] = [
  ...['create', 'stream', 'stream_raw'].map((m): CallShape => ({
    id: `openai.ruby.sdk.chat.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['chat', '.', 'completions', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'model', limitParam: 'max_completion_tokens',
    source: `${OPENAI_RUBY} (edfb30b, README; lib/openai/resources/chat/completions.rb @overload ${m === 'stream' ? 'create' : m}(messages:, model:, …, max_completion_tokens: nil, max_tokens: nil, …), def ${m}(params))`,
  })),
  ...['create', 'stream', 'stream_raw'].map((m): CallShape => ({
    id: `openai.ruby.sdk.responses.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['responses', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'model', limitParam: 'max_output_tokens',
    // `stream(response_id:, starting_after:)` resumes a response's stream: `if response_id` → retrieve_streaming_internal.
    ...(m === 'stream' ? { retrievesWith: 'response_id' } : {}),
    source: `${OPENAI_RUBY} (edfb30b, README: openai.responses.stream(input:, model:); lib/openai/resources/responses.rb @overload ${m}(…, input: nil, instructions: nil, max_output_tokens: nil, …, model: nil, …); def stream(params): response_id → retrieve_streaming_internal)`,
  })),
  ...['create', 'create_streaming'].map((m): CallShape => ({
    id: `openai.ruby.sdk.completions.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['completions', '.', m, '('], langs: ['ruby'],
    needs: ['OpenAI'], withKey: 'prompt', notAfter: ['chat'], textCompletion: true, limitParam: 'max_tokens',
    source: `${OPENAI_RUBY} (edfb30b, lib/openai/resources/completions.rb @overload ${m}(model:, prompt:, …, max_tokens: nil, …))`,
  })),
  // RubyLLM: `RubyLLM.chat(model: …)` set up by its links and sent by `ask` / `say`, or by `complete` after
  // `add_message` (ruby-llm.ts). The limit goes in the provider's payload through with_params (lib/ruby_llm/chat.rb
  // 1.6.4; docs/_core_features/chat.md).
  // 2.0's `ask_later` (main after 1.16.0) only stages a message; a row when a `RubyLLM.batch` sends it (ruby-llm-batch.ts).
  ...['ask', 'say', 'complete', 'ask_later'].map((m): CallShape => ({
    id: `ruby_llm.${m}`, sdk: 'RubyLLM', anchor: ['.', m, '('], langs: ['ruby'], needs: ['RubyLLM'], rubyLlm: true,
    limitParam: '.with_params(max_tokens: {n})',
    source: 'https://github.com/crmne/ruby_llm (1.6.4, lib/ruby_llm.rb def chat(...) = Chat.new(...); lib/ruby_llm/chat.rb ask(message = nil, with: nil), alias say ask, complete(&), add_message(message_or_attributes), with_instructions, with_model, with_params; lib/ruby_llm/configuration.rb @default_model)',
  })),
  // langchainrb: `llm.chat(messages: […])` / `llm.complete(prompt: …)` on `Langchain::LLM::<Class>.new(…)`, whose
  // default_options (`chat_model:`; `chat_completion_model_name:` before 0.19.0) set the model (langchainrb.ts).
  // `complete` only on OpenAI, which sends it as a chat: Anthropic's and Ollama's use their completion model.
  ...[['chat', Object.keys(LANGCHAINRB_CLASSES)], ['complete', ['OpenAI']]].map(([m, classes]): CallShape => ({
    id: `langchainrb.${m}`, sdk: 'langchainrb', anchor: [m as string, '('], langs: ['ruby'], needs: ['Langchain'],
    via: { from: 'receiver', anchors: langchainrbAnchors(classes as string[]) }, limitParam: 'max_tokens',
    keys: { model: new Set(['chatmodel', 'chatcompletionmodelname']) }, source: LANGCHAINRB_SOURCE,
  })),
  // langchainrb `store.ask(question: …)` on `Langchain::Vectorsearch::<Store>.new(…, llm: …)`: one chat of that LLM with
  // the RAG prompt around the question and the documents found (langchainrb-ask.ts).
  {
    id: 'langchainrb.vectorsearch.ask', sdk: 'langchainrb', anchor: ['ask', '('], langs: ['ruby'], needs: ['Vectorsearch'],
    via: { from: 'receiver', anchors: langchainrbAnchors(Object.keys(LANGCHAINRB_CLASSES)), chains: true, holder: VECTORSEARCH_HOLDER },
    limitParam: 'max_tokens', keys: { model: new Set(['chatmodel', 'chatcompletionmodelname']), prompt: new Set(['question']) },
    source: `${LANGCHAINRB_SOURCE}; lib/langchain/vectorsearch/qdrant.rb ask(question:, k: 4, &block): llm.chat(messages: [{role: "user", content: generate_rag_prompt(question:, context:)}]); vectorsearch/prompts/rag.yaml`,
  },
  // langchainrb `assistant.add_message_and_run(content: …)` / `run(…)` / the `!` forms on `Langchain::Assistant.new(llm:,
  // instructions:, tools:)`: a chat of that LLM, a tool loop when it runs the tools itself (langchainrb-assistant.ts).
  ...ASSISTANT_METHODS.map((m): CallShape => ({
    id: `langchainrb.assistant.${m}`, sdk: 'langchainrb', anchor: [m, '('], langs: ['ruby'], needs: ['Assistant'],
    via: { from: 'receiver', anchors: langchainrbAnchors(Object.keys(LANGCHAINRB_CLASSES)), chains: true, holder: ASSISTANT_HOLDER },
    limitParam: 'max_tokens', keys: { model: new Set(['chatmodel', 'chatcompletionmodelname']) },
    ...(m.startsWith('run') ? { turnInput: 'the messages added to the assistant before the run (add_message; run time)' } : {}),
    source: `${LANGCHAINRB_SOURCE}; lib/langchain/assistant.rb ${m}(…): chat_with_llm = @llm.chat(**@llm_adapter.build_chat_params(instructions:, messages:, tools:, …)); run: \`@state = handle_state until run_finished?(auto_tool_execution)\``,
  })),
];

// The test fixtures spliced into the bench corpus, by name: the fixture set as of a8dd747 (2026-11-30), when the
// speed goals were last measured. A benchmark's input must not change when a test fixture is added: adding eleven
// fixtures in one day moved exactVsTokenizer from 1.21 to 1.33 with the same engine code (the corpus held 16% fewer
// prompt tokens). A fixture named here that is gone is an error, not a silent change of input.
import type { BenchLang } from './filler';

export const BENCH_FIXTURES: Record<BenchLang | 'negative', string[]> = {
  python: [
    'anthropic_cache_blocks.py', 'anthropic_forms.py', 'anthropic_messages.py', 'anthropic_thinking.py',
    'azure_openai.py', 'bedrock_converse.py', 'cohere_chat.py', 'genai_chats.py', 'google_genai.py',
    'langchain_chains.py', 'langchain_lcel.py', 'langchain_models.py', 'langgraph_nodes.py', 'litellm_calls.py',
    'llamaindex_llm.py', 'mistral_chat.py', 'ollama_chat.py', 'openai_agents.py', 'openai_chat.py',
    'openai_flex_tier.py', 'openai_forms.py', 'openai_responses.py', 'openai_v0.py', 'pydantic_ai_agent.py',
    'spread_params.py', 'string_forms.py', 'unresolved_inputs.py', 'values_through_variables.py'
  ],
  typescript: [
    'anthropic_forms.ts', 'anthropic_messages.ts', 'bedrock_converse.ts', 'google_genai.ts', 'langchain_js.ts',
    'langchain_lcel.ts', 'mistral.ts', 'ollama.ts', 'openai_agents.ts', 'openai_chat.ts', 'openai_forms.ts',
    'openai_responses.ts', 'values_through_variables.ts', 'vercel_ai_v4.ts', 'vercel_ai_v5.ts'
  ],
  go: [
    'anthropic_messages.go', 'goopenai_chat.go', 'goopenai_negative.go', 'negative_lookalikes.go',
    'openai_chat_basic.go', 'openai_const_block.go', 'openai_legacy_field.go', 'openai_params_variable.go',
    'openai_raw_strings.go', 'openai_service_tier.go', 'openai_streaming.go', 'streaming_forms.go'
  ],
  java: [
    'ContractReviewer.java', 'NegativeBuilders.java', 'PostmortemWriter.java', 'ResponsesDemo.java',
    'TicketTriage.java', 'Translator.java'
  ],
  ruby: ['heredoc_digest.rb', 'merged_params.rb', 'openai_chat.rb', 'responses.rb', 'summarizer.rb'],
  rust: ['negative_config.rs', 'responses.rs', 'sql_assistant.rs', 'summarize.rs'],
  csharp: [
    'ConversationHistory.cs', 'DraftAndCheck.cs', 'Greeter.cs', 'NegativeSettings.cs', 'OrderEmailParser.cs',
    'PolicyBot.cs', 'ReportWriter.cs', 'ResponsesDemo.cs'
  ],
  negative: [
    'commented_and_docs.py', 'config_and_lookalikes.py', 'django_models.py', 'langchain_setup.py',
    'thread_messages.rb', 'twilio_notifier.rb', 'twilio_sms.py', 'ui_labels.ts'
  ],
};

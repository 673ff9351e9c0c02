// The LangChain method and class names runnables.ts reads a chain by (sources in its header).

/** A runnable's methods that return the same model with other settings (its calls still go to that model). */
export const DERIVATIVES = new Set([
  'with_structured_output', 'bind_tools', 'bind', 'with_config', 'with_retry', 'with_fallbacks', 'with_listeners',
  'with_types', 'assign', 'withStructuredOutput', 'bindTools', 'withConfig', 'withRetry', 'withFallbacks', 'withListeners',
]);
/** Derivatives that send tool definitions with every call of the model they return (lc-bound-tools.ts). */
export const BINDS_TOOLS = new Set(['bind_tools', 'bindTools']);
/** Prompt-template factories whose arguments are the template (or its messages). */
export const TEMPLATE_FACTORIES = new Set(['from_template', 'fromTemplate']);
export const MESSAGES_FACTORIES = new Set(['from_messages', 'fromMessages']);
export const PROMPT_CLASSES = new Set(['ChatPromptTemplate', 'PromptTemplate']);

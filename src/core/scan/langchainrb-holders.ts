// The langchainrb objects made around an LLM whose calls are rows of that LLM (data only: call-shapes-ruby.ts reads
// it while the shape table is built). A store's `ask` (langchainrb-ask.ts), an Assistant's runs (langchainrb-assistant.ts).
import type { Holder } from './call-shape-types';

/** The holder a `store.ask(` row follows: the store's `llm:` keyword holds the LLM. */
export const VECTORSEARCH_HOLDER: Holder = { anchor: ['Langchain', '::', 'Vectorsearch', '::', '*', '.', 'new', '('], arg: -1, links: [], key: 'llm' };

/** The holder an Assistant's rows follow: its `llm:` keyword holds the LLM. */
export const ASSISTANT_HOLDER: Holder = { anchor: ['Langchain', '::', 'Assistant', '.', 'new', '('], arg: -1, links: [], key: 'llm' };

/** The Assistant's methods that send: `run` and its forms (lib/langchain/assistant.rb). */
export const ASSISTANT_METHODS = ['run', 'run!', 'add_message_and_run', 'add_message_and_run!'];

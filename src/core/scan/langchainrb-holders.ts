// The langchainrb objects made around an LLM whose calls are rows of that LLM (data only: call-shapes-ruby.ts reads
// it while the shape table is built). A store's `ask` (langchainrb-ask.ts).
import type { Holder } from './call-shape-types';

/** The holder a `store.ask(` row follows: the store's `llm:` keyword holds the LLM. */
export const VECTORSEARCH_HOLDER: Holder = { anchor: ['Langchain', '::', 'Vectorsearch', '::', '*', '.', 'new', '('], arg: -1, links: [], key: 'llm' };

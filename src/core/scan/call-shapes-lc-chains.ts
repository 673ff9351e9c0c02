// LangChain's legacy Chain sends: `chain = LLMChain(llm=llm, prompt=prompt)`, then `chain.run("socks")` /
// `await chain.arun(…)` (Python) or `await chain.call({ product })` / `chain.run(…)` (JS). The receiver is read like
// a runnable's (runnables.ts follows LLMChain to its template and model), so a `.run(` on anything else is no call.
// Seen in izeye/hello-langchain, f-inc/dynamic packages/python/example/chain.py and the 2023 tutorials that filled
// LangChain apps. Names: github.com/langchain-ai/langchain (4065df4) libs/langchain/langchain/chains/base.py
// (Chain.run, Chain.arun, Chain.__call__); github.com/langchain-ai/langchainjs (62fc484)
// libs/langchain-classic/src/chains/base.ts:204 run, :257 call.
import type { CallShape, Via } from './call-shape-types';
import { LANGCHAIN_VIA } from './call-shapes-langchain';

const PY = 'https://github.com/langchain-ai/langchain (4065df4, libs/langchain/langchain/chains/base.py: Chain.run, Chain.arun)';
const JS = 'https://github.com/langchain-ai/langchainjs (62fc484, libs/langchain-classic/src/chains/base.ts:204 run, :257 call)';

/** After every other row of the same method (an agent's `Runner.run(`, a pydantic-ai `agent.run(`). */
export const LANGCHAIN_CHAIN_SHAPES: CallShape[] = [
  ...['run', 'arun'].map((m): CallShape => ({
    id: `langchain.chain.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: ['python'], via: LANGCHAIN_VIA, limitParam: 'max_tokens', source: PY,
  })),
  ...['run', 'call'].map((m): CallShape => ({
    id: `langchain.chain.js.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: ['javascript'], via: LANGCHAIN_VIA, limitParam: 'maxTokens', source: JS,
  })),
];

const EVAL = 'https://github.com/langchain-ai/langchain (libs/langchain/langchain/evaluation/qa/eval_chain.py: QAEvalChain.from_llm(llm, prompt=PROMPT), QAEvalChain.evaluate(examples, predictions, …) returns self.apply(inputs))';

/** A QA evaluation chain's `evaluate(examples, predictions)`: one call of its model per example (Chain.apply). */
export const LANGCHAIN_EVAL_SHAPES: CallShape[] = [
  { id: 'langchain.chain.evaluate', sdk: 'LangChain', anchor: ['evaluate', '('], langs: ['python'], needs: ['QAEvalChain', 'ContextQAEvalChain', 'CotQAEvalChain'], via: LANGCHAIN_VIA, limitParam: 'max_tokens', source: EVAL },
];

const CALL_SOURCE = 'https://github.com/langchain-ai/langchain (libs/core/langchain_core/language_models/llms.py BaseLLM.__call__, chat_models.py BaseChatModel.__call__; libs/langchain/langchain/chains/base.py Chain.__call__)';
const CALL_VIA: Via = { ...LANGCHAIN_VIA, called: true };

/** A LangChain model or chain called as a function (`llm("…")`): any name before the bracket, taken by the scan loop
 * only where lc-callables.ts lcCalled says the file binds it to one. */
export const LANGCHAIN_CALL_SHAPES: CallShape[] = [
  { id: 'langchain.__call__', sdk: 'LangChain', anchor: ['*', '('], langs: ['python'], via: CALL_VIA, limitParam: 'max_tokens', source: CALL_SOURCE },
];

const LANGSERVE = 'https://github.com/langchain-ai/langserve (005aa3a, langserve/server.py: add_routes(app, runnable, *, path=…) adds /invoke, /batch, /stream for the runnable)';

/**
 * A LangServe route: `add_routes(app, chain, path="/joke")` serves the chain over HTTP, so each request to it runs the
 * chain's model once. The route is where the call is made from; its input is each request's, known at run time. The
 * runnable is read as an `invoke` receiver's is: no model found there, no row (`add_routes` of a web framework's own).
 */
export const LANGSERVE_SHAPES: CallShape[] = [
  { id: 'langserve.add_routes', sdk: 'LangChain', anchor: ['add_routes', '('], langs: ['python'], needs: ['langserve'], via: { ...LANGCHAIN_VIA, from: 1, served: 'the request to the LangServe route (at run time)' }, limitParam: 'max_tokens', source: LANGSERVE },
];

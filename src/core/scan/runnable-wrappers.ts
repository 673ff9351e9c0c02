// Runnables made around another by a LangChain constructor, read as the steps runnables.ts follows to the model a
// send of the result runs (a same-file function of the name is the application's own and is read as one instead):
// - `RunnableWithMessageHistory(runnable, get_session_history, *, input_messages_key=…, …)`: github.com/langchain-ai/
//   langchain libs/core/langchain_core/runnables/history.py at 0193d18b (`__init__(self, runnable,
//   get_session_history, *, …)`; bound `history_chain | runnable`): the wrapped runnable, once per send, the session's
//   past messages put in front of the input (the code does not hold them: the chain's prompt is what is counted).
// - `create_stuff_documents_chain(llm, prompt, *, output_parser=None, …)`: libs/langchain/langchain/chains/
//   combine_documents/stuff.py at 68abb29c returns `RunnablePassthrough.assign(context=format_docs) | prompt | llm |
//   output_parser`: the prompt, then the model, the documents joined into the prompt's {context} at run time.
// - `create_retrieval_chain(retriever, combine_docs_chain)`: libs/langchain/langchain/chains/retrieval.py at 25ef4afb,
//   `RunnablePassthrough.assign(context=retrieval_docs).assign(answer=combine_docs_chain)`: the combine chain, once.
// - `create_tool_calling_agent(llm, tools, prompt)` / `create_openai_tools_agent(llm, tools, prompt)`: the prompt, then
//   the model given the tools; `AgentExecutor(agent=…)` (a pydantic model: keywords only) runs that agent, a step at a
//   time (lc-agent-executor.ts, with the sources); legacy `initialize_agent(tools, llm, agent=…)` runs the model
//   through an AgentExecutor too, its agent type's prompt in front (lc-initialize-agent.ts).
// - JS `new RunnableWithMessageHistory({ runnable, getMessageHistory, … })`: github.com/langchain-ai/langchainjs
//   libs/langchain-core/src/runnables/history.ts at 62fc484b (@langchain/core 1.2.5; `fields.runnable.withListeners(…)`
//   after the history is loaded): the runnable given, as in Python.
import { isId, isP } from '../lex/brackets';
import { functionDef } from './definitions';
import { keywordValue } from './runnable-tokens';
import { valueEnd } from './value-end';
import type { Ctx } from './values';
import { lcInitializeAgent } from './lc-initialize-agent';

/** Constructor → the parameters (name, position) whose values are the steps run, in order. */
const WRAPPERS = new Map<string, [string, number][]>([
  ['RunnableWithMessageHistory', [['runnable', 0]]],
  ['create_stuff_documents_chain', [['prompt', 1], ['llm', 0]]],
  ['create_retrieval_chain', [['combine_docs_chain', 1]]],
  ['create_tool_calling_agent', [['prompt', 2], ['llm', 0]]],
  ['create_openai_tools_agent', [['prompt', 2], ['llm', 0]]],
  ['AgentExecutor', [['agent', -1]]],
  ['initialize_agent', [['llm', 1]]],
]);

/** The steps [from, to) the constructor call `Name(…)` opened at `open` runs, or undefined when it is none of these. */
export function wrappedSteps(c: Ctx, open: number): [number, number][] | undefined {
  const { toks, match } = c;
  const name = toks[open - 1]?.v ?? '';
  if (c.syn.id === 'javascript' && name === 'RunnableWithMessageHistory') return jsWrapped(c, open);
  const params = c.syn.id === 'python' ? WRAPPERS.get(name) : undefined;
  if (!params || isP(toks[open - 2], '.') || match[open] <= open + 1) return undefined;
  if (name === 'initialize_agent' && !lcInitializeAgent(c)) return undefined;
  // An own function of the name defined below the call: left to the full analysis (editor/prefix.ts).
  c.forward?.add(name);
  if (functionDef(c, name) >= 0) return undefined;
  // The positional arguments, up to the first keyword one.
  const positional: [number, number][] = [];
  for (let a = open + 1; a < match[open]; ) {
    if (isId(toks[a]) && isP(toks[a + 1], '=') && !isP(toks[a + 2], '=')) break;
    const e = valueEnd(c, a, match[open]);
    if (e <= a) break;
    positional.push([a, e]);
    a = e + 1;
  }
  const steps: [number, number][] = [];
  for (const [param, pos] of params) {
    const named = keywordValue(c, open, param);
    const step = named >= 0 ? ([named, valueEnd(c, named, match[open])] as [number, number]) : positional[pos];
    if (step && step[1] > step[0]) steps.push(step);
  }
  return steps.length ? steps : undefined;
}

/** `new RunnableWithMessageHistory({ runnable: chain, … })` (or the shorthand `{ runnable }`): the runnable's range. */
function jsWrapped(c: Ctx, open: number): [number, number][] | undefined {
  const { toks, match } = c;
  const brace = open + 1;
  if (toks[open - 2]?.v !== 'new' || !isP(toks[brace], '{') || match[brace] < 0) return undefined;
  const close = match[brace];
  for (let k = brace + 1; k < close; k = valueEnd(c, k, close) + 1) {
    if (toks[k].v !== 'runnable') continue;
    if (isP(toks[k + 1], ':')) return [[k + 2, valueEnd(c, k + 2, close)]];
    if (isP(toks[k + 1], ',') || k + 1 === close) return [[k, k + 1]];
  }
  return undefined;
}

// LangChain's legacy chains as runnables.ts reads them: `ConversationChain(llm=llm, memory=…)` is an LLMChain whose
// prompt, when none is given, is the library's conversation template; and a chain kept in a dict per session
// (`chains[sid] = ConversationChain(…)`, later `conversation = chains[sid]`) is the one value the file stores there.
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './body-ends';
import { keywordValue } from './runnable-tokens';
import type { Made } from './runnable-made';
import type { Ctx } from './values';

/** The chain classes read as `LLMChain(llm=…, prompt=…)` (ConversationChain subclasses LLMChain). */
export const LLM_CHAINS = new Set(['LLMChain', 'ConversationChain']);

/**
 * LangChain's QA evaluation chains, made `QAEvalChain.from_llm(llm, prompt=PROMPT)`: LLMChains of the model given,
 * whose `evaluate(examples, predictions, …)` applies the chain to one input per example (github.com/langchain-ai/
 * langchain libs/langchain/langchain/evaluation/qa/eval_chain.py: from_llm returns `cls(llm=llm, prompt=prompt)`,
 * evaluate returns `self.apply(inputs)`).
 */
export const EVAL_CHAINS = new Set(['QAEvalChain', 'ContextQAEvalChain', 'CotQAEvalChain']);

/** The model argument of `QAEvalChain.from_llm(llm, …)` at bracket `open` (first, or `llm=`): its token range. */
export function evalChainModel(c: Ctx, open: number): [number, number] | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (close < 0) return undefined;
  const kw = keywordValue(c, open, 'llm');
  const a = kw >= 0 ? kw : isId(toks[open + 1]) && isP(toks[open + 2], '=') ? -1 : open + 1;
  if (a < 0 || a >= close) return undefined;
  let e = a;
  while (e < close && !isP(toks[e], ',')) e = isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') ? match[e] + 1 : e + 1;
  return e > a ? [a, e] : undefined;
}

/** The eval chain made at `open` of the model found: its grading prompt, filled per example, is known at run time
 * here (the library's PROMPT, or the `prompt=` given), named as such. */
export function evalChain(c: Ctx, open: number, found: { made?: Made }): { made?: Made } {
  if (!found.made) return found;
  const span = { start: c.toks[open - 1].start, end: c.toks[open - 1].end };
  const given = keywordValue(c, open, 'prompt');
  const label = given >= 0 ? `${c.toks[given].v} with each example (${c.toks[open - 3].v}.evaluate)` : `${c.toks[open - 3].v}'s grading prompt with each example (langchain evaluation/qa/eval_prompt.py)`;
  return { made: { ...found.made, prompt: { parts: [{ text: '', span, resolved: false, label }], messages: 1 } } };
}

/**
 * ConversationChain's default prompt (github.com/langchain-ai/langchain libs/langchain/langchain/chains/conversation/
 * prompt.py DEFAULT_TEMPLATE, base.py `prompt: BasePromptTemplate = PROMPT`, input_key "input"), its slots taken out:
 * `{history}` is the memory's earlier turns, `{input}` the call's input.
 */
const CONVERSATION = [
  'The following is a friendly conversation between a human and an AI. The AI is talkative and provides lots of specific details from its context. If the AI does not know the answer to a question, it truthfully says it does not know.\n\nCurrent conversation:\n',
  '\nHuman: ',
  '\nAI:',
];

/** The chain made at `open` (`cls(`) with the model found: a ConversationChain given no prompt sends the library's. */
export function chainDefaults(c: Ctx, cls: string, open: number, found: { made?: Made }): { made?: Made } {
  if (cls !== 'ConversationChain' || !found.made || found.made.prompt || keywordValue(c, open, 'prompt') >= 0) return found;
  const span = { start: c.toks[open - 1].start, end: c.toks[open - 1].end };
  const parts = CONVERSATION.map((text) => ({ text, span, resolved: true }));
  return { made: { ...found.made, prompt: { parts, messages: 1, slots: ['history', 'input'] } } };
}

/**
 * `name[key]` read where the file stores into `name[…] = value` once: that value's token range, else an empty one.
 * One store only: several could hold different chains.
 */
export function storedIn(c: Ctx, name: string, before: number): [number, number] {
  const { toks, match } = c;
  let at = -1;
  for (let k = 0; k + 1 < before; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '[') || isP(toks[k - 1], '.') || !(match[k + 1] > k)) continue;
    const eq = match[k + 1] + 1;
    if (!isP(toks[eq], '=') || isP(toks[eq + 1], '=')) continue;
    if (at >= 0) return [0, 0];
    at = eq + 1;
  }
  if (at < 0 || !isId(toks[at])) return [0, 0];
  c.read?.push({ start: toks[at - 1].start, end: toks[at].end });
  return [at, exprEnd(c, at)];
}

/**
 * LangChain's retrieval QA chains, `RetrievalQA.from_chain_type(llm=…, chain_type="stuff", retriever=…)`: each query
 * sends the model one request, the "stuff" QA prompt filled with the documents the retriever finds and the question
 * (github.com/langchain-ai/langchain libs/langchain/langchain/chains/retrieval_qa/base.py: from_chain_type(llm,
 * chain_type="stuff", chain_type_kwargs) → load_qa_chain(llm, chain_type=…), question_answering/__init__.py
 * _load_stuff_chain: one LLMChain call over the stuffed documents). Other chain types (map_reduce, refine, map_rerank)
 * call the model once per document or more: not read here.
 */
export const RETRIEVAL_CHAINS = new Set(['RetrievalQA', 'RetrievalQAWithSourcesChain']);

/** The model argument of `RetrievalQA.from_chain_type(llm, …)` at `open`, when the chain is a "stuff" one. */
export function retrievalChainModel(c: Ctx, open: number): [number, number] | undefined {
  const type = keywordValue(c, open, 'chain_type');
  if (type >= 0 && c.toks[type].v !== 'stuff') return undefined;
  return evalChainModel(c, open);
}

/** The retrieval chain made at `open` of the model found: its QA prompt, with the retrieved documents, is named. */
export function retrievalChain(c: Ctx, open: number, found: { made?: Made }): { made?: Made } {
  if (!found.made) return found;
  const span = { start: c.toks[open - 1].start, end: c.toks[open - 1].end };
  const label = `${c.toks[open - 3].v}'s "stuff" QA prompt with the documents the retriever finds (run time)`;
  return { made: { ...found.made, prompt: { parts: [{ text: '', span, resolved: false, label }], messages: 1 } } };
}

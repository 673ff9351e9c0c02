// LangChain models and chains called as functions, the form of 2023 quickstarts and apps: `llm = OpenAI(temperature=0.9)`
// then `llm("…")`, `chat([HumanMessage(…)])`, `chain = LLMChain(llm=llm, prompt=prompt)` then `chain("…")` or
// `chain({…})` (aneasystone/weekly-practice notes/week043…/demo/chains/llmchain.py, the LLMChain tutorials).
// BaseLLM.__call__, BaseChatModel.__call__ (langchain_core language_models/llms.py, chat_models.py; deprecated in 0.1.7
// for invoke) and Chain.__call__ (libs/langchain/langchain/chains/base.py). Python only: a name the file assigns such a
// construction, called with no receiver; the call is read like `name.invoke(…)` (bound.ts, Via.called). Its row:
// call-shapes-lc-chains.ts LANGCHAIN_CALL_SHAPES.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { LANGCHAIN_VIA } from './call-shapes-langchain';
import { isKeywordArgument } from './runnable-tokens';
import { RETRIEVAL_CHAINS } from './lc-legacy-chains';
import type { Ctx } from './values';

/** What makes a callable object: the LangChain model classes and the legacy LLMChain. */
const MAKERS = new Set([...LANGCHAIN_VIA.anchors.map((a) => a.anchor[0]), 'LLMChain']);
const NAMES = new KeyMemo<object, Set<string>>();
/** Annotations of a parameter holding one: the model classes and their bases (langchain_core language_models). */
const PARAM_TYPES = new Set([...MAKERS, 'BaseChatModel', 'BaseLLM', 'BaseLanguageModel', 'BaseChatOpenAI']);

/** Names the file assigns a LangChain model or LLMChain (`llm = OpenAI(…)`, not a keyword argument) or annotates a
 * parameter with a model class, per lexed file. */
function callables(c: Ctx): Set<string> {
  let names = NAMES.get(c.toks);
  if (names) return names;
  names = new Set();
  const { toks } = c;
  if (c.text.includes('langchain')) {
    for (let k = 0; k + 3 < toks.length; k++) {
      // `qa = RetrievalQA.from_chain_type(llm=…)` then `qa("…")` (lc-legacy-chains.ts).
      const qa = RETRIEVAL_CHAINS.has(toks[k + 2].v) && isP(toks[k + 3], '.') && toks[k + 4]?.v === 'from_chain_type';
      if (!isP(toks[k + 1], '=') || !isId(toks[k]) || !(qa || MAKERS.has(toks[k + 2].v)) || !(qa || isP(toks[k + 3], '(')) || isP(toks[k - 1], '.')) continue;
      if (!isKeywordArgument(c, k)) names.add(toks[k].v);
    }
    // A parameter annotated with a model class, `def generate_response(llm: ChatOpenAI, topic)` then `llm(messages)`
    // (TheQuantPy/quantpy-twitter-bot quantpy_feed/call_openai.py): the object its callers pass.
    for (let k = 1; k + 3 < toks.length; k++) {
      if (!isId(toks[k]) || !isP(toks[k + 1], ':') || !PARAM_TYPES.has(toks[k + 2].v)) continue;
      if ((isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) && (isP(toks[k + 3], ',') || isP(toks[k + 3], ')') || isP(toks[k + 3], '='))) names.add(toks[k].v);
    }
  }
  NAMES.set(c.toks, names);
  return names;
}

/** Is the name at toks[at], just before a `(`, a LangChain model or chain of the file called as a function? */
export function lcCalled(c: Ctx, at: number): boolean {
  if (c.syn.id !== 'python' || !isId(c.toks[at])) return false;
  const names = callables(c);
  if (!names.size) return false;
  // An edit that calls one of them is a new call (the keystroke path keeps the names significant).
  for (const n of names) c.readNames?.add(n);
  const before = c.toks[at - 1];
  return names.has(c.toks[at].v) && !(before && (isP(before, '.') || before.v === 'def' || before.v === 'class'));
}

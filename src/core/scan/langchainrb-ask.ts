// langchainrb's vector stores answer a question with one chat of the LLM they are made with:
// `store = Langchain::Vectorsearch::Qdrant.new(url:, index_name:, llm: Langchain::LLM::OpenAI.new(…))`, then
// `store.ask(question: "…")`. Each store's `ask(question:, k: 4, &block)` (lib/langchain/vectorsearch/{chroma,
// elasticsearch,milvus,pgvector,pinecone,qdrant,weaviate}.rb, the same from 0.12.0 to 0.19.5 and a944fb5 main) finds
// the k documents nearest the question (one embedding of it), joins them with "\n---\n", fills base.rb's
// generate_rag_prompt (prompts/rag.yaml, unchanged since 0.9.0: "Context:\n{context}\n---\nQuestion: {question}\n---\n
// Answer:") and sends `llm.chat(messages: [{role: "user", content: prompt}])`: no model, no max_tokens of its own, so the
// LLM's default_options (and the class's DEFAULTS) decide both. Hnswlib has no ask (base.rb raises NotImplementedError).
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Via } from './call-shape-types';
import { anchorStart } from './links';
import { madeOf, type Made } from './runnable-made';
import { valueEnd } from './value-end';
import type { Ctx } from './values';
import { LANGCHAINRB_CLASSES } from './langchainrb';
import { assistantMade, keyword } from './langchainrb-assistant';

/** The stores whose `ask` sends a chat (patterns-ai-core/langchainrb a944fb5 lib/langchain/vectorsearch/*.rb `def ask`). */
const ASKING_STORES = new Set(['Chroma', 'Elasticsearch', 'Milvus', 'Pgvector', 'Pinecone', 'Qdrant', 'Weaviate']);

/** prompts/rag.yaml's template without its two slots (langchainrb 0.9.0 … 0.19.5). */
const RAG_TEXT = 'Context:\n\n---\nQuestion: \n---\nAnswer:';

/**
 * The LLM an object a langchainrb holder makes at toks[def] is made with (a store's or an Assistant's `llm:` keyword: a
 * construction written there, or a name `lookup` follows to one), with what the holder adds to each request. Undefined
 * when `def` is no such object.
 */
export function heldLlm(c: Ctx, via: Via, def: number, lookup: (name: string) => Made | undefined): Made | undefined {
  const h = via.holder;
  if (!h?.key) return undefined;
  const { toks, match } = c;
  const open = def + h.anchor.length - 1;
  if (anchorStart(toks, open, h.anchor) !== def || match[open] < 0) return undefined;
  const store = toks[def + 2].v === 'Vectorsearch';
  if (store && !ASKING_STORES.has(toks[def + 4].v)) return undefined;
  const close = match[open];
  // The object's class and its arguments decide the row: the keystroke path must see an edit of them.
  c.read?.push({ start: toks[def].start, end: toks[close].end });
  const v = keyword(c, open, h.key);
  if (!v) return undefined;
  let made: Made | undefined;
  if (isId(toks[v[0]]) && v[1] === v[0] + 1) made = lookup(toks[v[0]].v);
  else for (let j = v[0]; j < v[1] && !made; j++) if (isP(toks[j], '(') && match[j] > j) made = madeAtOpen(via, c, j);
  // An LLM this file does not make (`llm: LLMService.create_llm`): the object is still langchainrb's, its model unknown.
  made ??= { at: def, open, limitParam: 'max_tokens', elsewhere: c.text.slice(toks[v[0]].start, toks[v[1] - 1].end) };
  return store ? storeMade(c, made, def) : assistantMade(c, made, def, open);
}

function storeMade(c: Ctx, made: Made, def: number): Made {
  const { toks } = c;
  const span = { start: toks[def].start, end: toks[def + 6].end };
  const source = { offset: toks[def].start, what: 'langchainrb Vectorsearch#ask\'s RAG prompt (lib/langchain/vectorsearch/prompts/rag.yaml)' };
  const parts: PromptPart[] = [
    { text: RAG_TEXT, span, resolved: true, source },
    { text: '', span, resolved: false, label: `the documents ${toks[def + 4].v}#ask finds for the question (k: 4 unless given; run time)` },
  ];
  const g = made.gem ? LANGCHAINRB_CLASSES[made.gem] : undefined;
  // ask passes no max_tokens, and the OpenAI and GoogleGemini classes send none from default_options (langchainrb.ts).
  const limitParam = g && !g.ownLimitKeys.length ? 'llm.chat(messages: […], max_tokens: {n}) in place of ask, which passes no limit' : made.limitParam;
  return { ...made, limitParam, prompt: { parts, messages: 1 } };
}

function madeAtOpen(via: Via, c: Ctx, open: number): Made | undefined {
  for (const a of via.anchors) {
    const at = anchorStart(c.toks, open, a.anchor);
    if (at >= 0) return madeOf(a, at, open);
  }
  return undefined;
}

// LangChain4j RAG steps that send a chat of their own, with the model they are made with: each is a call per user
// message that goes through the RetrievalAugmentor, besides the AI service's own. The text each sends is its
// DEFAULT_PROMPT_TEMPLATE filled at run time (langchain4j-core at the tag 1.17.0, the release langchain4j-examples'
// rag-examples pins, and unchanged from 1.0.0 to 1.19.0):
// - rag/query/transformer/CompressingQueryTransformer.java: `new CompressingQueryTransformer(chatModel[, promptTemplate])`;
//   transform(query) sends `chatModel.chat(prompt.text())` with the conversation ({{chatMemory}}) and the query, only
//   when the query's chat memory is not empty.
// - rag/query/router/LanguageModelQueryRouter.java: `new LanguageModelQueryRouter(chatModel, retrieverToDescription[,
//   promptTemplate, fallbackStrategy])`; route(query) sends the numbered retriever descriptions ({{options}}) and the query.
import type { CallShape, Via } from './call-shape-types';
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { L4J_VIA } from './call-shapes-frameworks';

const L4J = 'https://github.com/langchain4j/langchain4j';
export const L4J_COMPRESS = 'langchain4j.rag.CompressingQueryTransformer';
export const L4J_ROUTER = 'langchain4j.rag.LanguageModelQueryRouter';

/** The chat model given as the constructor's first argument, made in the file or held as a ChatModel. */
const MODEL_ARG: Via = { from: 0, anchors: L4J_VIA.anchors, types: L4J_VIA.types, typesFrom: L4J_VIA.typesFrom, unbound: 'model made elsewhere' };

const STEPS: [string, string, string][] = [
  [L4J_COMPRESS, 'CompressingQueryTransformer', 'rag/query/transformer/CompressingQueryTransformer.java at 1.17.0: DEFAULT_PROMPT_TEMPLATE, transform → chatModel.chat(prompt.text())'],
  [L4J_ROUTER, 'LanguageModelQueryRouter', 'rag/query/router/LanguageModelQueryRouter.java at 1.17.0: DEFAULT_PROMPT_TEMPLATE, route → chatModel.chat(prompt.text())'],
];

// Java writes `new X(…)`, Kotlin `X(…)` (its row's id ends in `.kotlin`).
const FORMS: { lang: string; anchor: (cls: string) => string[]; suffix: string }[] = [
  { lang: 'java', anchor: (cls) => ['new', cls, '('], suffix: '' },
  { lang: 'kotlin', anchor: (cls) => [cls, '('], suffix: '.kotlin' },
];

export const L4J_RAG_SHAPES: CallShape[] = STEPS.flatMap(([id, cls, file]) => FORMS.map((f): CallShape => ({
  id: id + f.suffix, sdk: 'LangChain4j', anchor: f.anchor(cls), langs: [f.lang], via: MODEL_ARG, needs: [cls], batchable: false,
  limitParam: 'maxTokens', limitNested: true, source: `${L4J} (langchain4j-core/src/main/java/dev/langchain4j/${file})`,
})));

// The templates' text as PromptTemplate.from holds it (Java text blocks; `\` at a line's end joins the lines).
const COMPRESS_TEXT = [
  'Read and understand the conversation between the User and the AI. Then, analyze the new query from the User. '
    + 'Identify all relevant details, terms, and context from both the conversation and the new query. '
    + 'Reformulate this query into a clear, concise, and self-contained format suitable for information retrieval.\n\nConversation:\n',
  '\n\nUser query: ',
  '\n\nIt is very important that you provide only reformulated query and nothing else! Do not prepend a query with anything!',
];
const ROUTER_TEXT = [
  'Based on the user query, determine the most suitable data source(s) to retrieve relevant information from the following options:\n',
  '\nIt is very important that your answer consists of either a single number or multiple numbers separated by commas and nothing else!\nUser query: ',
];

/** The prompt a RAG step sends: its default template's text around the run-time values, or the template the code gives. */
export function l4jRagPrompt(c: Ctx, site: CallSite, first: number, i: number): void {
  const compress = site.shape.startsWith(L4J_COMPRESS);
  if (!compress && !site.shape.startsWith(L4J_ROUTER)) return;
  const { toks, match } = c;
  const end = match[i] < 0 ? toks.length : match[i];
  let args = 0;
  for (let k = i + 1, depth = 0; k < end; k++) {
    if (toks[k].v === '(' || toks[k].v === '[' || toks[k].v === '{') depth++;
    else if (toks[k].v === ')' || toks[k].v === ']' || toks[k].v === '}') depth--;
    else if (depth === 0 && toks[k].v === ',') args++;
  }
  const at = { start: toks[first].start, end: toks[i].end };
  // The limit is the chat model's: a cap on it also cuts the answers of the AI service built with that model.
  site.limitShared = 'no number is proposed: the cap is the chat model\'s, and it also cuts the answers of whatever else is built with that model (the AI service); a model of its own for this step could be capped';
  const own = compress ? args >= 1 : args >= 2;
  if (own) {
    site.parts = [{ text: '', span: at, resolved: false, label: 'the PromptTemplate given to the constructor, filled at run time' }];
    return;
  }
  const fixed = (text: string) => ({ text, span: at, resolved: true, label: 'DEFAULT_PROMPT_TEMPLATE' });
  const hole = (label: string) => ({ text: '', span: at, resolved: false, label });
  site.parts = compress
    ? [fixed(COMPRESS_TEXT[0]), hole('{{chatMemory}}: the conversation so far'), fixed(COMPRESS_TEXT[1]), hole('{{query}}: the user query'), fixed(COMPRESS_TEXT[2])]
    : [fixed(ROUTER_TEXT[0]), hole('{{options}}: the retrievers\' descriptions, numbered'), fixed(ROUTER_TEXT[1]), hole('{{query}}: the user query')];
}

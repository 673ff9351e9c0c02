// Spring AI options given where a chat model or client is made in the file, away from the call (read by bound.ts):
// - a model made with a constructor and an options variable: `var chatModel = new OpenAiChatModel(api, options)`, 0.8's
//   `new OpenAiChatClient(api, options)`, with `options = OpenAiChatOptions.builder()….build()` (or 0.8's `new
//   OpenAiChatOptions.Builder()…`): those options are the model's defaults (spring-ai v0.8.1 OpenAiChatClient(OpenAiApi,
//   OpenAiChatOptions); v1.0.0 OpenAiChatModel(OpenAiApi, OpenAiChatOptions) → defaultOptions).
// - a ChatClient made on such a model: `ChatClient.builder(chatModel)` / `ChatClient.create(chatModel)`. A request's
//   options are merged over the client's default options and those over the model's (spring-ai v1.0.0
//   spring-ai-model chat/model/ChatModel and OpenAiChatModel.buildRequestPrompt: `ModelOptionsUtils.merge(runtime,
//   this.defaultOptions)`), so what the client's options leave unset, the model's options give.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { builderEnd, followBuiltRequest, followOptions } from './chains';
import { fromOtherFile, methodModel } from './spring-model-methods';

/** The chat model classes of spring-ai (1.0: `…ChatModel`, 0.8: `…ChatClient`) whose options this reads. */
const MODEL_CLASS = /^(OpenAi|AzureOpenAi|Anthropic|Ollama|MistralAi|VertexAiGemini|GoogleGenAi|DeepSeek)Chat(Model|Client)$/;

/** Fills what `f` lacks from the options of the construction at toks[at] (`(` at `open`, ending at `close`). */
export function springMadeOptions(c: Ctx, f: Found, at: number, open: number, close: number, before: number): void {
  const { toks } = c;
  if (f.model && f.limit) return;
  const g: Found = { parts: [], messages: 0 };
  if (MODEL_CLASS.test(toks[open - 1]?.v ?? '')) {
    followBuiltRequest(c, g, 'Options', open + 1, close, before);
    // 0.8's `new OpenAiChatClient(api).withDefaultOptions(OpenAiChatOptions.builder()….build())` (spring-ai v0.8.1
    // OpenAiChatClient.withDefaultOptions(OpenAiChatOptions): the options every call starts from).
    const w = close + 3;
    const link = isP(toks[close + 1], '.') && toks[close + 2]?.v === 'withDefaultOptions' && isP(toks[w], '(') && c.match[w] > w;
    if (link) followBuiltRequest(c, g, 'Options', w + 1, c.match[w], before);
    // What follows the construction decides whether it has such a link: the keystroke path must see an edit of it.
    const last = link ? c.match[w] : Math.min(w, toks.length - 1);
    c.read?.push({ start: toks[close].start, end: toks[last].end });
  }
  else if (toks[at].v === 'ChatClient' && /^(builder|create)$/.test(toks[at + 2]?.v ?? '') && isId(toks[open + 1]) && isP(toks[open + 2], ')')) madeModel(c, g, assignmentBefore(c, toks[open + 1].v, at), at);
  else if (toks[at].v === 'ChatClient' && /^(builder|create)$/.test(toks[at + 2]?.v ?? '') && isP(toks[open + 5], ')') && open + 6 === close) {
    // `ChatClient.builder(provider.fast())`: the model another bean's method returns, read in its file.
    const m = methodModel(c, open + 1);
    if (m) {
      madeModel(m.ctx, g, m.def, m.def);
      fromOtherFile(g, m.ctx, `returned by ${toks[open + 1].v}.${toks[open + 3].v}()`);
      return fill(f, g);
    }
  }
  // The options' builder is read away from the call: the keystroke path must see an edit of it (incremental.ts).
  if (g.request) c.read?.push({ start: toks[g.request.start].start, end: toks[Math.max(g.request.start, g.request.end - 1)].end });
  fill(f, g);
}

function fill(f: Found, g: Found): void {
  f.model ??= g.model;
  if (!f.limit && !f.limitUnresolved) {
    f.limit = g.limit;
    f.limitUnresolved = g.limitUnresolved;
  }
}

/** The options of the chat model made at toks[def] (a name's value before toks[before]): a constructor's arguments or a
 * builder's links. */
function madeModel(c: Ctx, g: Found, def: number, before: number): void {
  const { toks, match } = c;
  const cls = toks[def]?.v === 'new' ? def + 1 : def;
  if (def < 0 || !MODEL_CLASS.test(toks[cls]?.v ?? '')) return;
  if (isP(toks[cls + 1], '(') && match[cls + 1] > cls + 1) {
    walkKeys(c, g, cls + 2, match[cls + 1]);
    if (!g.model && !g.limit) followBuiltRequest(c, g, 'Options', cls + 2, match[cls + 1], before);
  } else if (isP(toks[cls + 1], '.') && toks[cls + 2]?.v === 'builder' && isP(toks[cls + 3], '(')) {
    const end = builderEnd(c, cls + 3);
    walkKeys(c, g, cls, end);
    followOptions(c, g, cls + 3, end, before);
  }
}

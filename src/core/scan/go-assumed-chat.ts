// A Go POST whose URL the code does not state: a resty request to a relative `"/chat/completions"` on a client whose
// base URL is set from config (`client.SetBaseURL(cfg.APIBase)`, Damianxiao/memoro internal/services/llm/client.go),
// or `http.NewRequest("POST", cfg.APIUrl, body)` with the URL a config value nobody wrote in the module
// (tomstirling19/bamboo, its URL nested in config.yaml). Such a send is a call only when the body it posts is a
// literal of the chat shape, a `model` and `messages` (OpenAI's chat request, the one most servers copy:
// https://platform.openai.com/docs/api-reference/chat/create); its row is then OpenAI-compatible chat, or Anthropic's
// Messages when the file sets the `anthropic-version` header Anthropic requires (https://docs.anthropic.com/en/api/
// versioning). read-call.ts drops it when the body read has no model or no prompt (`chatBody`). A POST to a config URL
// with any other body (a webhook, a database API) is no row.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallShape } from './call-shape-types';
import type { Url } from './http-urls';
import type { Ctx } from './values';

/** Why the send is taken as a chat call, for the hover; undefined when it is not. */
export function assumedChat(c: Ctx, shape: CallShape, u: Url | null | undefined, body: [number, number] | undefined, chain?: boolean): string | undefined {
  if (!body || !chatShaped(c, body[0], body[1])) return undefined;
  // Rust: the request's own chain says whether it sets the header (a file may post to both APIs).
  const anthropic = chain ?? c.text.includes('anthropic-version');
  if (!shape.id.startsWith(anthropic ? 'http.anthropic.messages.' : 'http.openai.chat.')) return undefined;
  const api = anthropic ? `Anthropic's Messages API (the ${chain === undefined ? 'file' : 'request'} sets anthropic-version)` : 'OpenAI-compatible chat (the body has a model and messages)';
  // `Post("/chat/completions")` on a client whose base URL the code sets at run time.
  if (u && !u.holes.length && /^\/?(?:v1\/)?chat\/completions$/.test(u.url)) return `relative URL ${u.url}, its base set at run time: ${api}`;
  if (u && !u.holes.length && /^\/?(?:v1\/)?messages$/.test(u.url) && anthropic) return `relative URL ${u.url}, its base set at run time: ${api}`;
  // The whole URL known only at run time (a config value, a parameter).
  if (!u || (u.holes.length === 1 && u.url === `{${u.holes[0]}}`)) return `URL ${u ? u.holes[0] : 'from config'}, known at run time: ${api}`;
  return undefined;
}

/** Whether toks[from, to) is a composite or map literal (Swift: a dictionary or an initialiser's arguments) with
 * top-level keys model and messages (any case). */
function chatShaped(c: Ctx, from: number, to: number): boolean {
  const { toks, match } = c;
  // Swift: a dictionary literal `["model": …, "messages": […]]` or an Encodable's initialiser `Body(model:messages:)`.
  const swift = c.syn.id === 'swift' && (isP(toks[to - 1], ']') || isP(toks[to - 1], ')'));
  const open = isP(toks[to - 1], '}') || swift ? match[to - 1] : -1;
  if (open < from) return false;
  let [model, messages] = [false, false];
  for (let k = open + 1; k < to - 1; k++) {
    if (match[k] > k) {
      k = match[k];
      continue;
    }
    if (!isP(toks[k + 1], ':') || !(k === open + 1 || isP(toks[k - 1], ','))) continue;
    const key = isId(toks[k]) || toks[k].t === T.Str ? toks[k].v.toLowerCase() : '';
    if (key === 'model') model = true;
    else if (key === 'messages') messages = true;
  }
  return model && messages;
}

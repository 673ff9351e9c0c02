// Rust reqwest requests to a provider's API (http-calls.ts decides by the URL): `client.post(url)` then, along the
// builder's chain, `.header(…)` / `.bearer_auth(…)` links and the body, `.json(&body)` or `.body(serde_json::to_string(
// &body)?)`, before `.send()` (https://docs.rs/reqwest/latest/reqwest/struct.RequestBuilder.html: json, body, send).
// The body is followed to the request: a serde struct literal (`ChatRequest { model: "gpt-4o-mini".to_string(),
// max_tokens: 300, … }`, its fields the JSON keys) or `serde_json::json!({ "model": …, … })`, which the key walk reads; a
// name bound to neither (a parameter) is left to the request reader (requests.ts).
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import type { Ctx } from './values';
import { AZURE_DEPLOYMENT, endpoint, targetOf, urlModel, urlOf, type HttpRequest, type Url } from './http-calls';
import { evaluate } from './evaluate';
import { rustCtorReader } from './rust-ctor-body';
import { rustMethodReader } from './rust-method-body';
import { rustFixedRequest, rustSentByCallers } from './rust-fixed-sends';
import { rustUrlJoin } from './rust-url-join';
import { assumedChat } from './go-assumed-chat';
import { T } from '../lex/lexer';

type Arg = { key?: string; from: number; to: number };

/** Links of a request builder's chain read past on the way to its body. */
const MAX_LINKS = 16;
/** Links followed from the body argument back to the request. */
const MAX_STEPS = 6;
/** Calls that hand on their argument as the body's JSON: the macro, the encoders. */
const PASS = /^(?:(?:serde_json::)?json!|serde_json::to_string|serde_json::to_vec|serde_json::to_string_pretty|to_string|to_vec)$/;

/** reqwest's `client.post(url)….json(&body)…send()`: its URL, and its body when the chain sets one. */
export function rustRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[]): HttpRequest | undefined {
  const { toks, match } = c;
  // A call of the app's own sender with its own URL (rust-fixed-sends.ts): the body its caller passes.
  const wrap = c.httpWrap;
  if (wrap) {
    const body = (f: number, t: number) => rustBody(c, f, t, first);
    return wrap.rustFixed ? withReader(c, rustFixedRequest(c, shape, wrap, first, body)) : undefined;
  }
  const url = a.filter((x) => !x.key)[0];
  if (!url || url.from >= url.to || a.length !== 1) return undefined;
  // Forward along the chain: `.header(…)`, `.json(&body)`, up to `.send()`.
  let body: [number, number] | undefined;
  let sent = false;
  let k = match[open] + 1;
  for (let n = 0; isP(toks[k], '.') && isId(toks[k + 1]) && n < MAX_LINKS; n++) {
    const name = toks[k + 1].v;
    if (name === 'await') {
      k += 2;
      continue;
    }
    if (!isP(toks[k + 2], '(') || match[k + 2] < 0) break;
    if ((name === 'json' || name === 'body' || name === 'send_json') && match[k + 2] > k + 3) body = [k + 3, match[k + 2]];
    // ureq (docs.rs/ureq 2.x Request::send_json, 3.x RequestBuilder::send_json): `ureq::post(url).set(…).send_json(…)`.
    if (name === 'send' || name === 'send_json') {
      sent = true;
      break;
    }
    k = match[k + 2] + 1;
    if (isP(toks[k], '?')) k++;
  }
  // A builder sent elsewhere (`let req = client.post(url).json(&b);` … `req.send()`) is read where it is made.
  if (!sent && !body) return undefined;
  // The chain past the call's extent is read for it (its body, its send): an edit there changes the call
  // (editor/incremental.ts).
  c.read?.push({ start: toks[match[open]].start, end: toks[Math.min(k + 1, toks.length - 1)].end });
  const [at, bare] = urlArg(c, url.from, url.to);
  // `Url::parse(&base)?.join("chat/completions")?` (rust-url-join.ts).
  const anthropic = chainSays(c, match[open], k, 'anthropic-version');
  const u = rustUrlJoin(c, at, bare, first) ?? vendorUrl(c, at, bare, anthropic) ?? urlOf(c, open, at, bare, first);
  const m = u && endpoint(u, shape.http!);
  const [from, to] = body ? rustBody(c, body[0], body[1], first) : [open + 1, open + 1];
  // A URL the code leaves to run time (`fn review(diff: &str, endpoint: &str, model: &str)` posting to `endpoint`,
  // held45 RobertKozak/mr-comment) with a `json!` body of the chat shape: OpenAI-compatible chat, or Anthropic's
  // Messages when the chain sets the anthropic-version header (go-assumed-chat.ts).
  const named = !u && bare === at + 1 && isId(toks[at]) ? { url: `{${toks[at].v}}`, holes: [toks[at].v] } : u;
  const assumed = !m && body ? assumedChat(c, shape, named, [from, to], anthropic) : undefined;
  // The send of such a sender whose calls in its file are found: each call is the row.
  if (!(u && m) && !assumed || rustSentByCallers(c, first)) return undefined;
  const out: HttpRequest = { from, to, target: u && m ? targetOf(u.url) : {} };
  if (assumed) Object.assign(out, { chatBody: true, urlFrom: assumed });
  if (!u || !m) return out;
  // `super::Request::new(model, &self.system_prompt, …)`: its arguments read as the fields they set (rust-ctor-body.ts).
  // `.json(&rp.to_chat())`: the entries the params struct's method returns (rust-method-body.ts).
  const made = body ? rustCtorReader(c, from, to) ?? rustMethodReader(c, from, to, first) : undefined;
  if (made) out.read = made;
  if (shape.http!.modelInUrl) out.model = urlModel(c, m[1], u, url.from, url.to);
  // Azure OpenAI's `{endpoint}/openai/deployments/{deployment}/chat/completions` names the model the request runs on
  // when the body names none (http-calls.ts; `format!("{}/openai/deployments/{}/…", cli.endpoint, cli.model)`, held44 M4).
  const az = shape.http!.modelInUrl ? null : AZURE_DEPLOYMENT.exec(u.url);
  if (az) out.model = urlModel(c, az[1], u, url.from, url.to);
  return out;
}

/**
 * A URL name of several values (`let (url, model) = match provider { P::OpenAi => ("https://api.openai.com/…", …),
 * P::Claude => ("https://api.anthropic.com/v1/messages", …) }`, held45 RobertKozak/mr-comment src/main.rs): the one
 * of the vendor the request is for. Anthropic's API takes only requests with an `anthropic-version` header
 * (https://docs.anthropic.com/en/api/versioning: "When making API requests, you must send an anthropic-version request
 * header"), so a chain that sets it posts to the Anthropic URL, and one that does not, to the other. Undefined when the
 * name has one value, or no single URL is left.
 */
function vendorUrl(c: Ctx, at: number, to: number, anthropic: boolean): Url | undefined {
  if (to !== at + 1 || !isId(c.toks[at])) return undefined;
  const v = evaluate(c, at, to);
  if (!v?.others?.length || v.str === undefined || v.holes?.length) return undefined;
  const all = [v.str, ...v.others].filter((x): x is string => typeof x === 'string' && /^https?:\/\/[^\s{}]+$/.test(x));
  const left = all.filter((x) => /^https:\/\/api\.anthropic\.com\//.test(x) === anthropic);
  return left.length === 1 && all.length === v.others.length + 1 ? { url: left[0], holes: [] } : undefined;
}

/** Whether a link of the chain toks(from, to) is given the text `word` (`.header("anthropic-version", …)`). */
function chainSays(c: Ctx, from: number, to: number, word: string): boolean {
  for (let k = from + 1; k < to; k++) if (c.toks[k].t === T.Str && c.toks[k].v === word) return true;
  return false;
}

/** A body made by a constructor (`Request::new(model, …)`) read as the fields it sets (rust-ctor-body.ts). */
function withReader(c: Ctx, out: HttpRequest | undefined): HttpRequest | undefined {
  const made = out && (rustCtorReader(c, out.from, out.to) ?? rustMethodReader(c, out.from, out.to, out.from));
  if (made) out!.read = made;
  return out;
}

/** The request a body expression is made of: through `&`, `?`, `.unwrap()`, `.to_string()`, the encoders and the names that carry it. */
function rustBody(c: Ctx, from: number, to: number, before: number): [number, number] {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let n = 0; n < MAX_STEPS; n++) {
    if (isP(toks[a], '&')) a++;
    if (isP(toks[e - 1], '?')) e--;
    if (e - a > 4 && isP(toks[e - 1], ')') && isP(toks[match[e - 1] - 2], '.') && /^(?:unwrap|expect|clone|to_owned|to_string)$/.test(toks[match[e - 1] - 1]?.v)) {
      e = match[e - 1] - 2;
      continue;
    }
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, before);
      if (def < 0) return [a, e];
      [a, e] = [def, exprEnd(c, def)];
      if (isP(toks[e - 1], ';')) e--;
      continue;
    }
    // `json!({…})`, `serde_json::to_string(&x)`: the argument.
    let k = a;
    while (isId(toks[k]) && isP(toks[k + 1], '::') && isId(toks[k + 2])) k += 2;
    const bang = isP(toks[k + 1], '!') ? 1 : 0;
    const open = k + 1 + bang;
    if (!isId(toks[k]) || !isP(toks[open], '(') || match[open] !== e - 1) return [a, e];
    if (!PASS.test(c.text.slice(toks[a].start, toks[open - 1].end).replace(/\s+/g, ''))) return [a, e];
    [a, e] = [open + 1, e - 1];
  }
  return [a, e];
}

/** `post(&url)` / `post(url.as_str())` (Guuri11/ISI isi-backend-rust conf.rs: `let url = format!("{}/chat/completions",
 * self.base_url)`, then `self.client.post(&url)`): the range of the URL the name holds. */
export function urlArg(c: Ctx, from: number, to: number): [number, number] {
  const { toks } = c;
  const at = isP(toks[from], '&') && from + 1 < to ? from + 1 : from;
  return at + 4 === to && isId(toks[at]) && isP(toks[at + 1], '.') && toks[at + 2].v === 'as_str' && isP(toks[at + 3], '(') ? [at, at + 1] : [at, to];
}

// Ruby's standard library Net::HTTP as an HTTP call (call-shapes-http.ts). Its URL is a URI object: `URI("…")`,
// `URI.parse("…")` (https://docs.ruby-lang.org/en/master/URI.html#method-c-parse), often kept in a name and given on as
// `uri.path` / `uri.request_uri`; the text the URI parses is the URL read here. Two forms send a body:
// - `req = Net::HTTP::Post.new(uri.path, headers)`, `req.body = data.to_json`, then `http.request(req)` on a
//   `Net::HTTP.new(uri.host, uri.port)` or inside `Net::HTTP.start(…) { |http| … }`
//   (https://docs.ruby-lang.org/en/master/Net/HTTP.html: "Net::HTTP#request(req, body = nil)", "Net::HTTPGenericRequest#body=");
// - `Net::HTTP.post(uri, data.to_json, headers)` (the class method, Ruby 2.4+), read by http-calls.ts as `.post(url, body)`.
// The row is the `request` call; its URL and body are the ones set on its request object before it, in the same method.
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import { args } from './calls';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { rubyEnd } from './body-ends';
import { evaluate } from './evaluate';
import { hasIdent } from './run-index';
import { endpoint, targetOf, unwrap, urlModel, urlOf, type HttpRequest } from './http-calls';

/** Methods of a URI object that keep the URL's path (`uri.path`, `uri.request_uri`), or all of it (`uri.to_s`). */
const URI_PARTS = new Set(['path', 'request_uri', 'to_s']);
/** Tokens searched from the request object's `new` to the call for its `req.body =`. */
const MAX_BODY_SEARCH = 2000;

/**
 * The tokens of the text a Ruby URI is parsed from, for the URL at toks[from, to): `URI("…")`, `URI.parse("…")`, a
 * name bound to one, each with `.path` / `.request_uri` after it; else the range as given.
 */
export function rubyUri(c: Ctx, from: number, to: number, first: number): [number, number] {
  const { toks } = c;
  let e = to;
  if (e - from === 3 && isP(toks[from + 1], '.') && URI_PARTS.has(toks[from + 2].v)) e = from + 1;
  if (e === from + 1 && isId(toks[from])) {
    const def = assignmentBefore(c, toks[from].v, first);
    if (def >= 0) {
      const inner = parsed(c, def);
      if (inner) return inner;
    }
    return [from, to];
  }
  return parsed(c, from) ?? [from, to];
}

/** `URI("…")` / `URI.parse("…")` at toks[i]: the argument's tokens. */
function parsed(c: Ctx, i: number): [number, number] | undefined {
  const { toks, match } = c;
  if (toks[i]?.v !== 'URI') return undefined;
  const open = isP(toks[i + 1], '(') ? i + 1 : isP(toks[i + 1], '.') && toks[i + 2]?.v === 'parse' && isP(toks[i + 3], '(') ? i + 3 : -1;
  if (open < 0 || !(match[open] > open + 1)) return undefined;
  const a = args(c, open, match[open]);
  return a[0] && !a[0].key ? [a[0].from, a[0].to] : undefined;
}

/** The request `http.request(REQ)` at the anchor's bracket `open` sends, when REQ is a `Net::HTTP::Post` to the row's API. */
export function netHttpRequest(c: Ctx, shape: CallShape, first: number, open: number): HttpRequest | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (!(close > open + 1)) return undefined;
  const a = args(c, open, close);
  if (!a[0] || a[0].to !== a[0].from + 1 || !isId(toks[a[0].from])) return undefined;
  const req = toks[a[0].from].v;
  const at = assignmentBefore(c, req, first);
  // `Net::HTTP::Post.new(`: a POST made here; a Get or any other request object sends no body.
  const newOpen = at + 7;
  if (at < 0 || toks[at].v !== 'Net' || toks[at + 2]?.v !== 'HTTP' || toks[at + 4]?.v !== 'Post' || toks[at + 6]?.v !== 'new' || !isP(toks[newOpen], '(') || !(match[newOpen] > newOpen + 1)) return undefined;
  const made = args(c, newOpen, match[newOpen]);
  if (!made[0] || made[0].key) return undefined;
  const u = urlOf(c, open, made[0].from, made[0].to, first);
  const m = u && endpoint(u, shape.http!);
  if (!u || !m) return undefined;
  // `req.body = X` between the request's making and its sending; the last one wins.
  let body: [number, number] | undefined;
  for (let k = match[newOpen] + 1; k < first && k < match[newOpen] + MAX_BODY_SEARCH; k++) {
    if (toks[k].v !== req || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'body' || !isP(toks[k + 3], '=')) continue;
    const end = exprEnd(c, k + 4);
    if (end > k + 4) body = [k + 4, end];
  }
  // No body set: nothing is generated (a form post, a GET-like ping).
  if (!body) return undefined;
  let [from, to] = unwrap(c, body[0], body[1]);
  // `req.body = data.to_json` with `data = { … }` above: the hash itself (read from the call, the name would find
  // `req.body =` as its nearest assignment).
  const def = to === from + 1 && isId(toks[from]) ? assignmentBefore(c, toks[from].v, body[0]) : -1;
  if (def >= 0 && isP(toks[def], '{') && match[def] > def) [from, to] = [def, match[def] + 1];
  const out: HttpRequest = { from, to, target: targetOf(u.url) };
  if (shape.http!.modelInUrl) out.model = urlModel(c, m[1], u, made[0].from, made[0].to);
  return out;
}

/** The words httpartyBase reads outside the call (reader-words.ts). */
export const HTTPARTY_WORDS = ['base_uri', 'HTTParty'];

/** Tokens looked back from a send for its class's `base_uri`. */
const MAX_BASE_BACK = 20_000;

/**
 * HTTParty's `base_uri 'https://…/v1beta/models'` (a class macro of `include HTTParty`, https://github.com/jnunemaker/
 * httparty lib/httparty.rb `base_uri(uri = nil)`): the base a relative path sent by the class (`self.class.post(
 * '/gemini-2.0-flash:generateContent', options)`) is joined to (held42 pekoemood/vegetest app/services/gemini.rb).
 * The nearest `base_uri` before the send, in a file that includes HTTParty; its text is a read span.
 */
export function httpartyBase(c: Ctx, first: number): string | undefined {
  const { toks } = c;
  for (let k = first - 1; k > 0 && k > first - MAX_BASE_BACK; k--) {
    if (toks[k].v !== 'base_uri' || !isId(toks[k]) || isP(toks[k - 1], '.')) continue;
    const at = isP(toks[k + 1], '(') ? k + 2 : k + 1;
    const v = evaluate(c, at, at + 1);
    if (v?.str === undefined || v.holes?.length || !/^https?:\/\//.test(v.str)) return undefined;
    if (!hasIdent(c, 'HTTParty')) return undefined;
    c.read?.push({ start: toks[k].start, end: toks[at].end });
    return v.str;
  }
  return undefined;
}

/** Tokens looked through after a send for its block's `req.body =`. */
const MAX_BLOCK = 600;

/**
 * Faraday's block form, `Faraday.post(url) do |req| req.headers[…] = …; req.body = {…}.to_json end` (also `conn.post(
 * path) { |req| … }`): the request body the block sets on the request it yields (https://lostisland.github.io/faraday/
 * #/getting-started/quick-start "req.body = …" in a block; hackclub/flavortown app/jobs/support_vibecheck_job.rb, audit43).
 * The expression after `req.body =`, or undefined; the block's text is a read span.
 */
export function rubyBlockBody(c: Ctx, close: number): [number, number] | undefined {
  const { toks, match } = c;
  const braces = isP(toks[close + 1], '{');
  if (!(braces || toks[close + 1]?.v === 'do') || !isP(toks[close + 2], '|') || !isId(toks[close + 3]) || !isP(toks[close + 4], '|')) return undefined;
  const req = toks[close + 3].v;
  // The whole block, to its `}` or `end`: one the text does not close (a file cut inside it) is not read, so the call
  // is the same whatever follows (editor/prefix.ts keeps only calls whose reading ends before the cut).
  const stop = braces ? match[close + 1] : rubyEnd(c.text, toks, close + 2);
  if (!(stop > close + 4) || stop >= toks.length || stop > close + MAX_BLOCK) return undefined;
  // The block is read for the call, found or not: an edit there (typing its `req.body =`) changes the call.
  c.read?.push({ start: toks[close + 1].start, end: toks[stop].end });
  for (let k = close + 5; k < stop; k++) {
    if (toks[k].v !== req || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'body' || !isP(toks[k + 3], '=')) continue;
    const end = Math.min(exprEnd(c, k + 4), stop);
    return end > k + 4 ? [k + 4, end] : undefined;
  }
  return undefined;
}

/**
 * Does the class read `name` through `attr_reader :name` (or `attr_accessor`): `conn.post(…)` then sends on `@conn`
 * (https://docs.ruby-lang.org/en/master/Module.html#method-i-attr_reader; held73 G1 apmiller108/tmp
 * lib/generative_text/anthropic/client.rb: `@conn = Faraday.new(url: HOST)`, `private; attr_reader :conn`).
 */
function attrReader(text: string, name: string): boolean {
  for (const word of ['attr_reader', 'attr_accessor']) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
      const eol = text.indexOf('\n', i);
      const names = text.slice(i + word.length, eol < 0 ? text.length : eol).split(/[\s,()]+/);
      if (names.includes(':' + name)) return true;
    }
  }
  return false;
}

/** Tokens of the file searched for `Faraday.new(` at most. */
const MAX_FARADAY_SEARCH = 40_000;

/**
 * Faraday `conn.post("/v1/chat/completions", body)` relative to its connection's base, `Faraday.new(url:
 * "https://api.openai.com") do |f| … end` (https://lostisland.github.io/faraday/#/getting-started/quick-start
 * "Faraday.new(url: …)", also `Faraday.new("…")`): the connection a local or instance variable is assigned (`@conn =`,
 * `@conn ||=`), or the one a method of the name makes (`def conn; Faraday.new(url: …); end`, mel-langhoff/
 * coolio_toolios app/services/open_ai_service.rb, audit43). The base URL's text, a read span; undefined when unknown.
 */
export function faradayBase(c: Ctx, first: number): string | undefined {
  const { toks, match } = c;
  if (!isP(toks[first - 1], '.') || !isId(toks[first - 2]) || isP(toks[first - 3], '.')) return undefined;
  const name = toks[first - 2].v;
  if (!hasIdent(c, 'Faraday')) return undefined;
  let def = '';
  for (let k = 0; k < toks.length && k < MAX_FARADAY_SEARCH; k++) {
    if (toks[k].v === 'def' && isId(toks[k + 1])) def = toks[k + 1].v;
    if (toks[k].v !== 'Faraday' || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'new' || !isP(toks[k + 3], '(') || !(match[k + 3] > k + 4)) continue;
    // `@conn = Faraday.new(…)` / `@conn ||= …` / `conn = …`, or the method `def conn` that makes it.
    const at = isP(toks[k - 1], '=') ? (isP(toks[k - 2], '||') ? k - 3 : k - 2) : -1;
    if (!(at >= 0 && (toks[at].v === name || (toks[at].v === '@' + name && attrReader(c.text, name)))) && def !== name) continue;
    const a = args(c, k + 3, match[k + 3]);
    const u = a.find((x) => x.key === 'url') ?? a.find((x) => !x.key);
    const v = u && evaluate(c, u.from, u.to);
    if (v?.str === undefined || v.holes?.length || !/^https?:\/\//.test(v.str)) return undefined;
    c.read?.push({ start: toks[k].start, end: toks[match[k + 3]].end });
    return v.str;
  }
  return undefined;
}

/**
 * HTTParty's options kept in the object and merged per request, `self.class.post(path, @options.merge(body: body))`:
 * Hash#merge returns the receiver's pairs with the argument's over them (Ruby core Hash#merge), so the request's body
 * is the `body:` given to merge (HTTParty README: `post(url, body: {…}.to_json, headers: {…})`; held in
 * sichuanlambda/feedback-loop app/services/gpt_service.rb). The value's range, else undefined.
 */
export function rubyMergedBody(c: Ctx, from: number, to: number): [number, number] | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'ruby' || !isP(toks[to - 1], ')')) return undefined;
  const open = match[to - 1];
  if (!(open > from + 1) || toks[open - 1].v !== 'merge' || !isP(toks[open - 2], '.')) return undefined;
  // `merge(body: x)` or `merge({ body: x })`.
  const inner = isP(toks[open + 1], '{') && match[open + 1] === to - 2 ? open + 1 : open;
  const body = args(c, inner, match[inner]).find((x) => x.key === 'body');
  return body ? [body.from, body.to] : undefined;
}

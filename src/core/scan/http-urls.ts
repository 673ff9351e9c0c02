// The URL of a plain HTTP call (http-calls.ts), as the evaluator reads it: a literal, a constant, a template with its
// holes in place, a .NET path relative to the client's BaseAddress. Moved out of http-calls.ts.
import { KeyMemo } from '../util/key-memo';
import { laravelBase, laravelJoin } from './php-laravel-base';
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { evaluate } from './evaluate';
import { member } from './members';
import type { Value } from './value';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { baseAddress, joinUrl, RUNTIME_BASE } from './dotnet-base-address';
import { urlJoin } from './py-urljoin';
import { faradayBase, httpartyBase, rubyUri } from './http-ruby';
import { URL_ESCAPES } from './calls';
import { guzzleBase } from './php-guzzle';

/** A hole that escapes one name: `Uri.EscapeDataString(model)`. */
const ESCAPED = /^([\w.]+)\(\s*([\w.]+)\s*\)$/;

export interface Url {
  url: string;
  /** Labels of the parts known only at run time, each written `{expr}` in `url`. */
  holes: string[];
  /** The holes filled with a known text, by that text (`${model}` with `model = "gemini-1.5-pro"`). */
  filled?: Map<string, Value>;
  /** Where a URL of a configuration file was read (`URL gpt.url in application.properties.example`), for the hover. */
  from?: string;
}
/** The URL each call's bracket evaluates to (null: not a text), once for all the rows that try the call. */
const urls = new KeyMemo<Ctx, Map<number, Url | null>>();

/** The URL cached for the call whose bracket is at `open`, once urlOf has read it. */
export function urlCached(c: Ctx, open: number): Url | null | undefined {
  return urls.get(c)?.get(open);
}

export function urlOf(c: Ctx, open: number, from: number, to: number, first: number): Url | null {
  let m = urls.get(c);
  if (!m) urls.set(c, (m = new Map()));
  let u = m.get(open);
  if (u !== undefined) return u;
  const { toks } = c;
  // Ruby `URI.parse("…")`, `URI(…)`, a name bound to one, `uri.path`: the text the URI is parsed from (http-ruby.ts).
  if (c.syn.id === 'ruby') [from, to] = rubyUri(c, from, to, first);
  // A template, written in the call or bound to the name (`let REQUEST_URL = \`${API_URL}/${model}:generateContent\``):
  // its holes in their places, so that the path and the model in it are read.
  let def = to === from + 1 && isId(toks[from]) ? assignmentBefore(c, toks[from].v, first) : -1;
  // Python `url = (\n f"https://…/models/{eval_model}:generateContent…"\n)`, wrapped to fit the line (khoj-ai/khoj
  // tests/evals/eval.py): the one string inside.
  if (def >= 0 && isP(toks[def], '(') && c.match[def] === def + 2) def++;
  const lit = to === from + 1 && toks[from].t === T.Str ? from : def >= 0 && toks[def].t === T.Str && !isP(toks[def + 1], '+') && !isP(toks[def + 1], '.') ? def : -1;
  if (lit >= 0 && toks[lit].holes?.length) u = template(c, lit);
  else {
    let v = urlJoin(c, from, to) ?? evaluate(c, from, to);
    // Ruby `attr_reader :api_url` then `post(api_url, …)`: the instance variable's value.
    if (v?.str === undefined && c.syn.id === 'ruby' && to === from + 1 && isId(toks[from]) && def < 0) v = member(c, undefined, [`@${toks[from].v}`], from, 1);
    // `BASE + "/chat/completions"` with BASE known only at run time: the base is a hole before the path.
    u = v?.str !== undefined ? { url: v.holes?.length && v.str.startsWith('/') ? `{${v.holes[0]}}${v.str}` : v.str, holes: v.holes ?? [] } : null;
    if (u && v?.source && /^\S+ in application\.\w+(\.example)?$/.test(v.source.what)) u.from = `${v.source.what}${v.source.what.endsWith('.example') ? ' (an example copy: the real file is not in the workspace)' : ''}`;
    // A helper's template (`${BASE}/models/${encodeURIComponent(model)}:generateContent`) comes back without its holes
    // in place: a model path left empty is the run-time model's.
    if (u?.holes.length && u.url.includes('/models/:')) {
      u.holes = u.holes.map((h) => h.replace(/\s+/g, ''));
      u.url = u.url.replace('/models/:', `/models/{${u.holes.length === 1 ? u.holes[0] : 'model'}}:`);
    }
    // `format!("{}/v1beta/{}:generateContent?key={}", url, model, key)` with the model's resource name in one value
    // ("models/gemini-1.5-flash-latest", held49 S03): the value left empty after the version is the model.
    if (u?.holes.length && /\/v1(?:beta|alpha)?\/:(?:stream)?[Gg]enerateContent/.test(u.url)) {
      u.url = u.url.replace(/(\/v1(?:beta|alpha)?\/):/, `$1{${u.holes.find((h) => /model/i.test(h)) ?? 'model'}}:`);
    }
    // `endpoint + "/openai/deployments/" + deployment + "/chat/completions…"`: the Azure deployment left empty is the
    // run-time one (http-calls.ts reads it as the model), named by the hole that says so, else the one hole after a base.
    if (u?.holes.length && u.url.includes('/deployments//')) {
      const rest = u.url.startsWith(`{${u.holes[0]}}`) ? u.holes.slice(1) : u.holes;
      const name = u.holes.find((h) => /deploy|model|engine/i.test(h)) ?? (rest.length === 1 ? rest[0] : 'deployment');
      u.url = u.url.replace('/deployments//', `/deployments/{${name}}/`);
    }
  }
  // Ruby HTTParty `self.class.post('/gemini-2.0-flash:generateContent', …)`: relative to the class's `base_uri`; a
  // Faraday connection's `conn.post('/v1/chat/completions', …)` to its `Faraday.new(url: …)`.
  const rubyBase = u && c.syn.id === 'ruby' && u.url.startsWith('/') ? httpartyBase(c, first) ?? faradayBase(c, first) : undefined;
  if (u && rubyBase) u = { ...u, url: (rubyBase.endsWith('/') ? rubyBase.slice(0, -1) : rubyBase) + u.url };
  // PHP Guzzle `$this->client->post('chat/completions', …)`: relative to the client's `base_uri` (php-guzzle.ts).
  const guzzle = u && c.syn.id === 'php' && !/^(?:https?:\/\/|\{)/i.test(u.url) ? guzzleBase(c, first) : undefined;
  if (u && guzzle) u = { ...u, url: joinUrl(guzzle, u.url) };
  // Laravel `Http::…->baseUrl('https://…/v1')->post('/chat/completions', …)` (php-laravel-base.ts).
  const laravel = u && !guzzle && c.syn.id === 'php' && !/^(?:https?:\/\/|\{)/i.test(u.url) ? laravelBase(c, first) : undefined;
  if (u && laravel) u = { ...u, url: laravelJoin(laravel, u.url) };
  // .NET `_http.PostAsync("chat/completions", …)`: relative to the client's BaseAddress (dotnet-base-address.ts).
  const base = u && c.syn.id === 'csharp' && !/^(?:https?:\/\/|\{)/i.test(u.url) ? baseAddress(c, first) : undefined;
  if (u && base === RUNTIME_BASE) {
    u = { url: `${base}/${u.url.replace(/^\/+/, '')}`, holes: [...u.holes, 'BaseAddress'] };
  } else if (u && base) u = { ...u, url: joinUrl(base, u.url) };
  m.set(open, u);
  return u;
}

/** A template's text with each hole in its place: a name's known text (the default after `??` / `||` / `or`), else `{expr}`. */
function template(c: Ctx, i: number): Url {
  const tk = c.toks[i];
  const holes: string[] = [];
  const filled = new Map<string, Value>();
  let url = '';
  let pos = 0;
  for (const h of tk.holes ?? []) {
    if (h.at < pos) continue;
    url += tk.v.slice(pos, h.at);
    pos = h.at;
    let text: string | undefined;
    for (let part of h.expr.split(/\?\?|\|\||\bor\b/).map((p) => p.trim()).reverse()) {
      // `{Uri.EscapeDataString(model)}`: the escaped name (a model id is left as it is, calls.ts URL_ESCAPES).
      const esc = ESCAPED.exec(part);
      if (esc && URL_ESCAPES.has(esc[1])) part = esc[2];
      // PHP `"…/models/{$this->model}:generateContent"`: the member `$this.model`.
      if (c.syn.id === 'php') part = part.replace(/->/g, '.');
      if (!part.split('.').every((n) => NAME.test(n))) continue;
      // A base known only at run time with its default stated (`app.config.get("AI_API_BASE", "https://…/v1")`,
      // dict-get.ts): the default names the host the code expects.
      const got = member(c, undefined, part.split('.'), i, 1);
      const v = got?.runtime !== undefined && got.stated ? got.stated : got;
      // An empty base or path segment (`os.environ.get("AOAI_ENDPOINT", "")`, a deployment's `""`,
      // jferreira-best/best-obras-apis) names no host or deployment: the hole stays, the value set at run time.
      if (v?.str === '' && (url === '' || url.endsWith('/'))) continue;
      if (v?.str !== undefined && !v.holes?.length && v.runtime === undefined && !(esc && !/^[\w.~-]*$/.test(v.str))) {
        text = v.str;
        filled.set(text, v);
        break;
      }
    }
    if (text === undefined) holes.push(h.expr);
    url += text ?? `{${h.expr}}`;
  }
  url += tk.v.slice(pos);
  return filled.size ? { url, holes, filled } : { url, holes };
}

/** A name of a member chain (`API_URL`, `self.base_url`, `process.env.BASE`). */
const NAME = /^[A-Za-z_$@][\w$]*$/;

// Alamofire's request with a JSON body (https://github.com/Alamofire/Alamofire/blob/master/Documentation/Usage.md
// "JSON Encoding"): `AF.request(url, method: .post, parameters: body, encoder: JSONParameterEncoder.default, headers:
// headers)`, or `.json` (https://alamofire.github.io/Alamofire/Protocols/ParameterEncoder.html: `static var json:
// JSONParameterEncoder`); the Dictionary form `parameters: dict, encoding: JSONEncoding.default`. The default encoder
// is URL-encoded form (`URLEncodedFormParameterEncoder.default`), a body no provider's JSON API takes: a call only with
// a JSON encoder and `method: .post`. The body is read as http-swift.ts reads an httpBody's.
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import { assumedChat } from './go-assumed-chat';
import { endpoint, targetOf, urlModel, urlOf, type HttpRequest } from './http-calls';
import { bodyValue, swiftUrl } from './swift-request-parts';
import type { Ctx } from './values';

type Arg = { key?: string; from: number; to: number };

/** `AF.request(…)` / `Alamofire.request(…)` / `session.request(…)` at the bracket `open`, when it posts JSON to the row's API. */
export function alamofireRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[]): HttpRequest | undefined {
  const { toks } = c;
  if (!isP(toks[open - 2], '.') || !isId(toks[open - 3])) return undefined;
  const url = a[0] && !a[0].key ? a[0] : undefined;
  const method = a.find((x) => x.key === 'method');
  const params = a.find((x) => x.key === 'parameters');
  const enc = a.find((x) => x.key === 'encoder' || x.key === 'encoding');
  const text = (x: Arg) => c.text.slice(toks[x.from].start, toks[x.to - 1].end).replace(/\s+/g, '');
  if (!url || !method || !params || !enc || !/^(?:\.post|HTTPMethod\.post|\.POST)$/.test(text(method))) return undefined;
  if (!/^(?:\.json|JSONParameterEncoder\.(?:default|prettyPrinted|sortedKeys)|JSONParameterEncoder\(\)|JSONEncoding\.(?:default|prettyPrinted)|JSONEncoding\(\)|\.json\(.*\))$/.test(text(enc))) return undefined;
  const u = swiftUrl(c, open, url.from, url.to, first) ?? urlOf(c, open, url.from, url.to, first);
  const m = u && endpoint(u, shape.http!);
  const [from, to] = bodyValue(c, params.from, params.to, first);
  const named = !u && url.to === url.from + 1 && isId(toks[url.from]) ? { url: `{${toks[url.from].v}}`, holes: [toks[url.from].v] } : u;
  const assumed = !m ? assumedChat(c, shape, named, [from, to], false) : undefined;
  if (!(u && m) && !assumed) return undefined;
  const out: HttpRequest = { from, to, target: u && m ? targetOf(u.url) : {} };
  if (assumed) Object.assign(out, { chatBody: true, urlFrom: assumed });
  if (u && m && shape.http!.modelInUrl) out.model = urlModel(c, m[1], u, url.from, url.to);
  return out;
}

// The base of a Guzzle client a relative URL is sent on: `$this->client = new Client(['base_uri' =>
// 'https://api.openai.com/v1/', 'headers' => […]])` in the constructor, then `$this->client->post('chat/completions',
// ['json' => […]])` (held45 Anwar076/Email-ai app/Services/OpenAIService.php). Guzzle resolves a request's URI against
// `base_uri` by RFC 3986 §5.2 (https://docs.guzzlephp.org/en/stable/quickstart.html "Creating a Client": base_uri
// 'http://foo.com/foo/' + 'bar' = 'http://foo.com/foo/bar', + '/bar' = 'http://foo.com/bar'), as joinUrl does.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { evaluate } from './evaluate';
import { keyAt, type Ctx } from './values';

/** Tokens of the file searched for a `'base_uri' =>` key at most; tokens looked back from it for its `new X([`. */
const MAX_SEARCH = 40_000;
const MAX_BACK = 40;

/**
 * The receiver of the send at toks[first] (`post`): `$this->NAME->post(` (a property: every client the file assigns it
 * must share one base) or `$name->post(` (a local: the nearest client assigned it before the send). The client is a
 * `new X([…, 'base_uri' => B, …])` assigned the property or local (also `$this->http = $http ?? new Client([…])`). B's
 * text when it is an absolute URL, with the construction a read span; undefined otherwise.
 */
export function guzzleBase(c: Ctx, first: number): string | undefined {
  const { toks } = c;
  if (!isP(toks[first - 1], '->') || !isId(toks[first - 2])) return undefined;
  const prop = isP(toks[first - 3], '->') && toks[first - 4]?.v === '$this';
  if (!prop && (!toks[first - 2].v.startsWith('$') || isP(toks[first - 3], '->') || isP(toks[first - 3], '::'))) return undefined;
  if (!c.text.includes('base_uri')) return undefined;
  const name = toks[first - 2].v;
  let base: string | undefined;
  let span: [number, number] | undefined;
  for (let k = 1; k < toks.length && k < MAX_SEARCH; k++) {
    if (toks[k].t !== T.Str || toks[k].v !== 'base_uri' || keyAt(c, k) !== k + 1 || !isP(toks[k + 1], '=>')) continue;
    if (!prop && k > first) break;
    const made = construction(c, k);
    if (!made || made.prop !== prop || made.name !== name) continue;
    let e = k + 2;
    while (e < made.close && !isP(toks[e], ',') && !isP(toks[e], ']')) e = c.match[e] > e ? c.match[e] + 1 : e + 1;
    const v = evaluate(c, k + 2, e);
    const b = v?.str !== undefined && !v.holes?.length && /^https?:\/\//i.test(v.str) ? v.str : undefined;
    // A property given two bases (or one not known) has none; a local takes its nearest.
    if (prop && span && b !== base) return undefined;
    base = b;
    span = [made.start, made.close];
  }
  if (base === undefined || !span) return undefined;
  c.read?.push({ start: toks[span[0]].start, end: toks[span[1]].end });
  return base;
}

/** The `new X([` whose array holds the key at toks[key], and the property or local it is assigned to. */
function construction(c: Ctx, key: number): { prop: boolean; name: string; start: number; close: number } | undefined {
  const { toks, match } = c;
  let o = key - 1;
  while (o > 0 && key - o < MAX_BACK && !(isP(toks[o], '[') && match[o] > key)) o--;
  if (!isP(toks[o], '[') || !isP(toks[o - 1], '(')) return undefined;
  // `new Client(`, `new \GuzzleHttp\Client(`, `new GuzzleClient(`.
  let n = o - 2;
  while (n > 0 && o - n < 8 && (isId(toks[n]) || isP(toks[n], '\\')) && toks[n].v !== 'new') n--;
  if (toks[n]?.v !== 'new') return undefined;
  let at = n - 1;
  // `$this->http = $http ?? new Client([…])`: an injected client, else this one.
  if (isP(toks[at], '??') && isId(toks[at - 1])) at -= 2;
  if (!isP(toks[at], '=') || !isId(toks[at - 1])) return undefined;
  const prop = isP(toks[at - 2], '->') && toks[at - 3]?.v === '$this';
  if (!prop && (!toks[at - 1].v.startsWith('$') || isP(toks[at - 2], '->'))) return undefined;
  return { prop, name: toks[at - 1].v, start: prop ? at - 3 : at - 1, close: match[o - 1] };
}

type Arg = { key?: string; from: number; to: number };

/**
 * The arguments of a send at the bracket toks[open], past the method of PHP's `$client->request('POST', $url,
 * $options)`: Guzzle's ClientInterface::request(string $method, $uri, array $options = []) (guzzle/guzzle
 * src/ClientInterface.php; its options `json` and `body`, src/RequestOptions.php) and Symfony's
 * HttpClientInterface::request(string $method, string $url, array $options = []) (symfony/http-client-contracts). A
 * method other than POST, or one not known before run time, sends no request here: none then. Other sends: `a` itself.
 */
export function afterMethod(c: Ctx, open: number, a: Arg[]): Arg[] {
  if (c.syn.id === 'php' && wpRequestsPost(c, open)) return a.filter((x, i) => i !== 1 || x.key);
  if (c.syn.id !== 'php' || c.toks[open - 1]?.v !== 'request') return a;
  if (!isP(c.toks[open - 2], '->')) return []; // Laravel's request('key') helper
  const m = a[0] && !a[0].key ? evaluate(c, a[0].from, a[0].to) : undefined;
  return m?.str !== undefined && !m.holes?.length && m.str.toUpperCase() === 'POST' ? a.slice(1) : [];
}

/**
 * The WordPress Requests library's static send, `Requests::post($url, $headers = [], $data = [], $options = [])`
 * (WordPress/Requests src/Requests.php, also the `WpOrg\Requests\Requests` and older `Requests` class names): its body is
 * the third argument, after the headers (held64 nenuadrian/project-omega src/models/ai.php:25 read `$headers` as the body).
 */
function wpRequestsPost(c: Ctx, open: number): boolean {
  const { toks } = c;
  return toks[open - 1]?.v === 'post' && isP(toks[open - 2], '::') && toks[open - 3]?.v === 'Requests';
}

/** The opening bracket of an object or array literal at toks[i]: `{`, `[`, or PHP's long form `array(…)`'s `(`
 * (a WordPress `wp_remote_post($url, array('body' => …))`); -1 when none. */
export function literalOpen(c: Ctx, i: number): number {
  const { toks } = c;
  if (isP(toks[i], '{') || isP(toks[i], '[')) return i;
  return c.syn.id === 'php' && toks[i]?.v === 'array' && isP(toks[i + 1], '(') ? i + 1 : -1;
}

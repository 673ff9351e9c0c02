// Laravel's HTTP client with a base URL set on the chain: `Http::withToken($key)->baseUrl('https://api.openai.com/v1')
// ->post('/chat/completions', […])`. PendingRequest::send joins them as `ltrim(rtrim($this->baseUrl, '/').'/'.
// ltrim($url, '/'), '/')` for a URL that is not absolute (laravel/framework src/Illuminate/Http/Client/PendingRequest.php
// send()): the base's path is kept, unlike Guzzle's base_uri (php-guzzle.ts).
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import type { Ctx } from './values';

/** Links looked back along the chain from the send. */
const MAX_LINKS = 12;

/** The absolute URL the send at toks[first] (`post`) is joined to, when its chain starts at `Http::` and sets
 * `->baseUrl('…')` with a literal; undefined otherwise. */
export function laravelBase(c: Ctx, first: number): string | undefined {
  const { toks, match } = c;
  let base: string | undefined;
  let k = first - 1;
  for (let n = 0; n < MAX_LINKS && isP(toks[k], '->') && isP(toks[k - 1], ')') && match[k - 1] > 1; n++) {
    const open = match[k - 1];
    const name = open - 1;
    if (!isId(toks[name])) return undefined;
    if (toks[name].v === 'baseUrl' && base === undefined) {
      const v = evaluate(c, open + 1, k - 1);
      if (v?.str === undefined || v.holes?.length || !/^https?:\/\//i.test(v.str)) return undefined;
      base = v.str;
    }
    // The chain's head: `Http::withToken(…)`.
    if (isP(toks[name - 1], '::')) {
      if (toks[name - 2]?.v !== 'Http' || base === undefined) return undefined;
      c.read?.push({ start: toks[name - 2].start, end: toks[first].end });
      return base;
    }
    k = name - 1;
  }
  return undefined;
}

/** Laravel's join: `rtrim($base, '/') . '/' . ltrim($url, '/')`. */
export function laravelJoin(base: string, url: string): string {
  let e = base.length;
  while (e > 0 && base[e - 1] === '/') e--;
  let s = 0;
  while (s < url.length && url[s] === '/') s++;
  return `${base.slice(0, e)}/${url.slice(s)}`;
}

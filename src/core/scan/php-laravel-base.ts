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
    // The chain's head: the class's own method returning the PendingRequest, `$this->request()->post(…)`.
    if (isP(toks[name - 1], '->') && toks[name - 2]?.v === '$this' && match[open] === open + 1 && base === undefined) {
      const b = helperBase(c, toks[name].v);
      if (b) c.read?.push({ start: toks[name - 2].start, end: toks[first].end });
      return b;
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

/**
 * The base URL a method of the file sets on the PendingRequest it returns: `private function request(): PendingRequest
 * { $request = Http::baseUrl(config('services.openai.base_url', 'https://api.openai.com'))->timeout(…)->asJson(); …
 * return $request; }` (held54 destiny718025/laravel-ai-pr-review HttpOpenAIReviewProvider.php). Only a body with one
 * `Http::` chain, setting one literal `baseUrl`, and a `return`.
 */
function helperBase(c: Ctx, method: string): string | undefined {
  const { toks, match } = c;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== method || toks[k - 1].v !== 'function' || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    let open = match[k + 1] + 1;
    while (open < toks.length && open < k + 16 && !isP(toks[open], '{') && !isP(toks[open], ';')) open++;
    if (!isP(toks[open], '{') || !(match[open] > open)) return undefined;
    let heads = 0;
    let base: string | undefined;
    let returns = false;
    for (let j = open + 1; j < match[open]; j++) {
      if (toks[j].v === 'Http' && isP(toks[j + 1], '::')) heads++;
      else if (toks[j].v === 'return') returns = true;
      else if (toks[j].v === 'baseUrl' && (isP(toks[j - 1], '->') || isP(toks[j - 1], '::')) && isP(toks[j + 1], '(') && match[j + 1] > j + 1) {
        if (base !== undefined) return undefined;
        const v = evaluate(c, j + 2, match[j + 1]);
        if (v?.str === undefined || v.holes?.length || !/^https?:\/\//i.test(v.str)) return undefined;
        base = v.str;
      }
    }
    return heads === 1 && returns ? base : undefined;
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

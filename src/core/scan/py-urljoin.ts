// Python's urljoin of a base and a relative path, as a URL a call is sent to (http-calls.ts urlOf).
import { isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import type { Value } from './value';
import type { Ctx } from './values';

/**
 * Python `urllib.parse.urljoin(base, "messages")` (https://docs.python.org/3/library/urllib.parse.html#urllib.parse.urljoin):
 * the path replaces the base's last segment, so a base ending in `/` is followed by it. A base known only at run time
 * with its default stated (`settings.get("base_url", DEFAULT_BASE_URL)`) is read as that default.
 */
export function urlJoin(c: Ctx, from: number, to: number): Value | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'python' || !isP(toks[to - 1], ')')) return undefined;
  const open = match[to - 1];
  if (open < from + 1 || toks[open - 1].v !== 'urljoin') return undefined;
  const [base, rel] = args(c, open, to - 1).map((x) => (x.key ? undefined : evaluate(c, x.from, x.to)));
  const text = (v: Value | undefined) => (v?.runtime !== undefined && v.stated ? v.stated : v)?.str;
  const b = text(base);
  const r = text(rel);
  if (b === undefined || r === undefined || /^[a-z][\w+.-]*:/i.test(r)) return undefined;
  const host = b.indexOf('/', b.indexOf('//') + 2);
  return { str: r.startsWith('/') ? (host < 0 ? b : b.slice(0, host)) + r : b.slice(0, b.lastIndexOf('/') + 1) + r };
}

// A reqwest URL made with the url crate: `Url::parse(&base)?.join("chat/completions")?`, written in `client.post(…)`
// or bound to a name first (`let full = Url::parse(&url)?.join("chat/completions")?;`), the base often an environment
// variable (held43 M2, sdanialraza/clanker src/openai.rs: OPENAI_API_URL). Url::join resolves the path against the
// base as a browser resolves a relative link (https://docs.rs/url/latest/url/struct.Url.html#method.join): with the
// base `https://api.openai.com/v1/` it gives `…/v1/chat/completions`; a base known only at run time is a hole before
// the path, as `format!("{}/chat/completions", base)` is.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { assignmentBefore } from './definitions';
import { evaluate } from './evaluate';
import { exprEnd } from './scope';
import { label, type Value } from './value';
import type { Url } from './http-urls';
import type { Ctx } from './values';

/** The URL `Url::parse(base)?.join("path")?` at toks[from, to) (or a name bound to it before toks[first]) gives. */
export function rustUrlJoin(c: Ctx, from: number, to: number, first: number): Url | undefined {
  const { toks, match } = c;
  let [a, e] = [from, to];
  if (e === a + 1 && isId(toks[a])) {
    const def = assignmentBefore(c, toks[a].v, first);
    if (def < 0) return undefined;
    [a, e] = [def, exprEnd(c, def)];
    if (isP(toks[e - 1], ';')) e--;
    // The whole bound expression is read (its path, its base): an edit there changes the URL (editor/incremental.ts).
    if (e > a) c.read?.push({ start: toks[a].start, end: toks[e - 1].end });
  }
  if (isP(toks[e - 1], '?')) e--;
  // `self.base_url.join("chat/completions")?`, `config.base_url.join(…)`: a `Url` kept in a field or a local.
  const held = heldJoin(c, a, e);
  if (held) return held;
  // `Url` `::` `parse` `(` … `)` `?`? `.` `join` `(` "path" `)`
  if (toks[a]?.v !== 'Url' || !isP(toks[a + 1], '::') || toks[a + 2]?.v !== 'parse' || !isP(toks[a + 3], '(') || !(match[a + 3] > a + 3)) return undefined;
  const close = match[a + 3];
  // `)?.join(`: the lexer reads `?.` as one token (JavaScript's optional chaining), `)? .join(` as two.
  let k = close + 1;
  if (isP(toks[k], '?')) k++;
  const path = joinPath(c, k, e);
  if (path === undefined) return undefined;
  const b = isP(toks[a + 4], '&') ? a + 5 : a + 4;
  return fromBase(b < close ? evaluate(c, b, close) : undefined, label(c, b, close), path);
}

/** `.join("path")` at toks[k, e) (a literal path without holes): the path, else undefined. */
function joinPath(c: Ctx, k: number, e: number): string | undefined {
  const { toks, match } = c;
  if (!(isP(toks[k], '.') || isP(toks[k], '?.')) || toks[k + 1]?.v !== 'join' || !isP(toks[k + 2], '(') || match[k + 2] !== k + 4 || toks[k + 3]?.t !== T.Str || k + 5 !== e) return undefined;
  return toks[k + 3].holes?.length ? undefined : toks[k + 3].v;
}

/** `a.b.join("path")` with a a name (`self`, a local): the base's value joined, or a hole named by the base. */
function heldJoin(c: Ctx, a: number, e: number): Url | undefined {
  const { toks } = c;
  let k = a;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2]) && toks[k + 2].v !== 'join') k += 2;
  if (!isId(toks[k]) || toks[k].v === 'Url') return undefined;
  const path = joinPath(c, k + 1, e);
  if (path === undefined) return undefined;
  return fromBase(evaluate(c, a, k + 1), label(c, a, k + 1), path);
}

/** The URL of a base value joined with `path`: the base's text, or a hole before the path when it is run time. */
function fromBase(base: Value | undefined, text: string, path: string): Url {
  if (base?.str !== undefined && !base.holes?.length && base.runtime === undefined) return { url: joined(base.str, path), holes: [] };
  const hole = base?.runtime || text;
  return { url: `{${hole}}/${path.replace(/^\/+/, '')}`, holes: [hole] };
}

/** Url::join of a relative path: an absolute path replaces the base's path, else the base's last segment. */
function joined(base: string, path: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(base);
  if (!m) return base + path;
  if (path.startsWith('/')) return m[1] + path;
  const dir = m[2].slice(0, m[2].lastIndexOf('/') + 1) || '/';
  return m[1] + dir + path;
}

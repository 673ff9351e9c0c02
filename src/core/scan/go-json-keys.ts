// The JSON key of a Go struct field written as a key of a composite literal: `models.Request{ModelRequest: "…"}`
// where the package declares `ModelRequest string \`json:"model"\``. encoding/json writes a field under the name its
// `json` tag gives, else under the field's own name (https://pkg.go.dev/encoding/json#Marshal: "The encoding of each
// struct field can be customized by the format string stored under the "json" key in the struct field's tag … The
// format string gives the name of the field, possibly followed by a comma-separated list of options. The name may be
// empty in order to specify options without overriding the default field name"; "As a special case, if the field tag
// is "-", the field is always omitted"). Seen in ahmadhabibi14/go-tele-bot (held75 GT1): the model was not read.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { structDecl, typeRef, type Body } from './go-tags';
import { normKey } from './call-keys';
import type { Ctx } from './values';

/** Tokens looked back from a key for its literal's `{`. */
const MAX_BACK = 400;
/** Tokens looked back from an element literal for the outer literal's `{`. */
const MAX_OUTER = 64;
/** `json:"name,opts"` in a struct tag (https://pkg.go.dev/reflect#StructTag): a fixed pattern, linear. */
const JSON_TAG = /(?:^|[\s`])json:"([^",\\]*)[",]/;

/** What the field's tag says the key at toks[k] is sent as: its normalised name, '-' when never sent, undefined when
 * the tag names no other key (no tag, no struct of the workspace, or the name it already has). */
export function goJsonKey(c: Ctx, k: number): string | undefined {
  const { toks } = c;
  if (c.syn.id !== 'go' || !isId(toks[k]) || !isP(toks[k + 1], ':') || !(isP(toks[k - 1], '{') || isP(toks[k - 1], ','))) return undefined;
  const open = literalOpen(c, k);
  const body = open >= 0 ? literalStruct(c, open) : undefined;
  const tag = body && fieldTag(body, toks[k].v);
  if (!tag) return undefined;
  const m = JSON_TAG.exec(body.s.text.slice(tag.start, tag.end));
  if (!m || !m[1]) return undefined;
  if (m[1] === '-') return '-';
  const name = normKey(m[1]);
  if (name === normKey(toks[k].v)) return undefined;
  if (body.s === c) c.read?.push({ start: tag.start, end: tag.end });
  return name;
}

/** The `{` of the composite literal whose key stands at toks[k]. */
function literalOpen(c: Ctx, k: number): number {
  const { toks, match } = c;
  for (let j = k - 1; j >= 0 && j > k - MAX_BACK; j--) {
    const t = toks[j];
    if (isP(t, '{')) return match[j] > k ? j : -1;
    if (isP(t, '(') || isP(t, '[')) return -1;
    if ((isP(t, ')') || isP(t, ']') || isP(t, '}')) && match[j] >= 0 && match[j] < j) j = match[j];
  }
  return -1;
}

/** The struct declaration of the literal opened at `open`: `T{`, `pkg.T{`, `&T{`, or an element of `[]T{ {…} }`. */
function literalStruct(c: Ctx, open: number): Body | undefined {
  const { toks, match } = c;
  let at = open - 1;
  if (isP(toks[at], '{') || isP(toks[at], ',')) {
    let o = at;
    for (let n = 0; o >= 0 && !(isP(toks[o], '{') && match[o] > open); n++) {
      if (n > MAX_OUTER) return undefined;
      o = isP(toks[o], '}') && match[o] >= 0 ? match[o] - 1 : o - 1;
    }
    at = o - 1;
  }
  if (!isId(toks[at])) return undefined;
  const start = isP(toks[at - 1], '.') && isId(toks[at - 2]) ? at - 2 : at;
  const ref = typeRef(c, start);
  return ref ? structDecl(c, ref.dir, ref.name, undefined) : undefined;
}

/** The tag written on the line of the struct's field `name` (first on its line), if any. */
function fieldTag(body: Body, name: string): Token | undefined {
  const { s, open } = body;
  const { toks, match, text } = s;
  const close = match[open];
  const lineStart = (m: number) => m === open + 1 || text.lastIndexOf('\n', toks[m].start) >= toks[m - 1].end;
  for (let m = open + 1; m < close; m++) {
    if (match[m] > m) {
      m = match[m];
      continue;
    }
    if (toks[m].t !== T.Id || toks[m].v !== name || !lineStart(m)) continue;
    for (let e = m + 1; e < close && !lineStart(e); e++) {
      if (match[e] > e) e = match[e];
      else if (toks[e].t === T.Str) return toks[e];
    }
    return undefined;
  }
  return undefined;
}

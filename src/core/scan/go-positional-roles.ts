// A Go message written as a positional composite literal, `Message{"system", text}` or `[]Message{{"user", q}}`
// (fix40 noticed the role counted as prompt text): a literal takes the struct's fields in their declared order
// (https://go.dev/ref/spec#Composite_literals: "the elements must be listed in the order in which the fields are
// declared"), so the element at the place of a `role` field (its name, or its `json:"role"` tag) is the message's
// role, no prompt text. For a struct not declared in the module (an SDK's), a role word written first is the role.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { structDecl, typeRef } from './go-tags';
import type { Ctx } from './values';

/** Role names of Chat Completions messages (part-terms.ts ROLE_WORDS). */
const ROLE_WORDS = new Set(['system', 'user', 'assistant', 'developer', 'tool', 'function']);
/** Tokens looked back from a literal for its `{`. */
const MAX_BACK = 64;
/** Fields of a struct read for their order. */
const MAX_FIELDS = 32;

/** Whether the string at toks[k] is the role of a positional Go composite literal. */
export function goPositionalRole(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  if (c.syn.id !== 'go' || toks[k].t !== T.Str) return false;
  let place = 0;
  let open = -1;
  for (let j = k - 1; j >= 0 && j > k - MAX_BACK; j--) {
    const t = toks[j];
    if ((isP(t, ')') || isP(t, ']') || isP(t, '}')) && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(t, ',')) place++;
    else if (isP(t, ':')) return false;
    else if (isP(t, '{')) {
      open = j;
      break;
    } else if (isP(t, '(') || isP(t, '[')) return false;
  }
  if (open < 0 || match[open] < k || keyed(c, open)) return false;
  const fields = fieldsOf(c, open);
  if (fields) return fields[place] === 'role';
  return place === 0 && ROLE_WORDS.has(toks[k].v) && isP(toks[k + 1], ',');
}

/** Whether the literal at `open` has a key at its top level (`{Role: "user", …}`): not positional. */
function keyed(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let j = open + 1; j < match[open]; j++) {
    if (match[j] > j) j = match[j];
    else if (isP(toks[j], ':')) return true;
  }
  return false;
}

/** The lowercased role-or-name of each field of the literal's struct, in order; undefined when not found. */
function fieldsOf(c: Ctx, open: number): string[] | undefined {
  const { toks, match } = c;
  // `[]Message{{…}}`: an element's type is the outer literal's element type.
  let at = open - 1;
  if (isP(toks[at], '{') || isP(toks[at], ',')) {
    let o = at;
    for (let n = 0; o >= 0 && !(isP(toks[o], '{') && match[o] > open); n++) {
      if (n > MAX_BACK) return undefined;
      o = isP(toks[o], '}') && match[o] >= 0 ? match[o] - 1 : o - 1;
    }
    at = o - 1;
  }
  if (!isId(toks[at])) return undefined;
  const start = isP(toks[at - 1], '.') && isId(toks[at - 2]) ? at - 2 : at;
  const ref = typeRef(c, start);
  const body = ref && structDecl(c, ref.dir, ref.name, undefined);
  if (!body) return undefined;
  const s = body.s;
  const out: string[] = [];
  const close = s.match[body.open];
  const lineStart = (m: number) => s.text.lastIndexOf('\n', s.toks[m].start) >= s.toks[m - 1].end;
  for (let m = body.open + 1; m < close && out.length < MAX_FIELDS; m++) {
    if (s.match[m] > m) {
      m = s.match[m];
      continue;
    }
    if (!isId(s.toks[m]) || !lineStart(m)) continue;
    const names = [s.toks[m].v];
    while (isP(s.toks[m + 1], ',') && isId(s.toks[m + 2])) names.push(s.toks[(m += 2)].v);
    // The tag on the field's line: `json:"role"` names its key.
    let e = m + 1;
    while (e < close && !lineStart(e)) e++;
    const tag = s.toks.slice(m + 1, e).find((t) => t.t === T.Str && /json:"role[",]/.test(s.text.slice(t.start, t.end)));
    for (const n of names) out.push(tag || /^role$/i.test(n) ? 'role' : n.toLowerCase());
  }
  if (s === c) c.read?.push({ start: toks[body.open].start, end: toks[close].end });
  return out.length ? out : undefined;
}

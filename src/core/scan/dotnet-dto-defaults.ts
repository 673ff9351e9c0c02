// A .NET request body made with an object initializer, `new OpenAIRequest() { Model = … }`, whose class
// gives a key the initializer leaves out its own value: `public int MaxTokens { get; set; } = 6000;` (held-out
// iacademy-v2 Service/Integrations/OpenAI/DTO/OpenAIRequest.cs). An auto-property initializer is the value the
// property has when nothing sets it (https://learn.microsoft.com/dotnet/csharp/programming-guide/classes-and-structs/
// auto-implemented-properties), so the serialised request sends it. The class is looked up in this file or where
// the workspace declares it (imported.ts classScopes), as kotlinDefaults (jvm-ctor-body.ts) reads a data class.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { normKey } from './call-keys';
import { readKey, type Found } from './keys';
import { classScopes } from './imported';
import { tables } from './scope';
import { placed } from './jvm-param-requests';
import { pushParts } from './push-parts';
import { basename } from '../resolve/files';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import type { Span } from '../types';

/** Tokens of a class body read for its properties. */
const MAX_BODY = 20_000;

/** Where each file's classes open their body, by name, found once per file (a scan reads many requests of a class). */
const bodies = new KeyMemo<object, Map<string, number>>();

/** The `{` of `class cls`'s body in s, or -1. */
function classBody(s: EvalScope, cls: string): number {
  let m = bodies.get(s.toks);
  if (!m) bodies.set(s.toks, (m = new Map()));
  let open = m.get(cls);
  if (open !== undefined) return open;
  const { toks, match } = s;
  const k = toks.findIndex((t, i) => t.v === cls && toks[i - 1]?.v === 'class');
  open = k < 0 ? -1 : k + 1;
  while (open > 0 && open < toks.length && open < k + 64 && !isP(toks[open], '{')) open++;
  if (open > 0 && (!isP(toks[open], '{') || !(match[open] > open))) open = -1;
  m.set(cls, open);
  return open;
}

/** The model and limit that class `cls`'s property initializers give the keys `given` leaves out. */
export function dtoDefaults(c: Ctx, f: Found, cls: string, given: Set<string>, here: Span): void {
  if (f.model && f.limit) return;
  const scopes: EvalScope[] = tables(c).classes.has(cls) ? [c] : [...classScopes(c, cls)].slice(0, 2);
  for (const s of scopes) {
    const { toks, match } = s;
    const open = classBody(s, cls);
    if (open < 0) continue;
    const oc: Ctx = s === c ? c : { ...s };
    const got: Found = { parts: [], messages: 0 };
    const end = Math.min(match[open], open + MAX_BODY);
    for (let j = open + 1; j < end; j++) {
      // `Name { get; set; } = value;`
      if (!isId(toks[j]) || !isP(toks[j + 1], '{') || !(match[j + 1] > j + 1)) continue;
      const close = match[j + 1];
      if (toks[j + 2]?.v !== 'get' || !isP(toks[close + 1], '=')) continue;
      let semi = close + 2;
      while (semi < end && !isP(toks[semi], ';')) semi = match[semi] > semi ? match[semi] + 1 : semi + 1;
      const name = normKey(toks[j].v);
      if (!given.has(name) && semi > close + 2) readKey(oc, got, close + 1, close + 2, semi, name);
      j = semi;
    }
    const out = s === c ? got : placed(got, s.file, c.file, here, cls, `default of ${cls} (${basename(s.file)})`);
    f.model ??= out.model;
    f.limit ??= out.limit;
    pushParts(f.parts, out.parts);
    return;
  }
}

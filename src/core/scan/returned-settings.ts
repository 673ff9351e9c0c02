// Settings a C# / Java helper makes in a local, sets member by member and returns (TelegramGroupsAdmin
// SemanticKernelChatService.cs CreateExecutionSettings: `var settings = new OpenAIPromptExecutionSettings(); if
// (options?.MaxTokens.HasValue == true) settings.MaxTokens = options.MaxTokens.Value; return settings;`): the limit its
// body sets after the `new`, read as limits-set-later.ts reads one set on a request before its call. A limit set in an
// `if` only is run time (the caller's or a stored config's value), never "add a limit".
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Found } from './keys';
import { assignmentBefore } from './definitions';
import { requestAt } from './request-defs';
import { limitSetLater } from './limits-set-later';

/** Languages whose helpers are read so: a method declared `Type Name(…)` that returns a local it filled. */
const LANGS = new Set(['csharp', 'java']);

/** `return`s of a helper looked at. */
const MAX_RETURNS = 4;

/** Adds to `found` (the keys of the helper's body, toks[from, to)) the limit set on the local it returns. */
export function returnedSettingsLimit(c: Ctx, found: Found, from: number, to: number): void {
  if (!LANGS.has(c.syn.id) || found.limit || found.limitUnresolved) return;
  const { toks } = c;
  for (let k = from, seen = 0; k + 2 < to && seen < MAX_RETURNS; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'return') continue;
    seen++;
    const name = toks[k + 1];
    if (!isId(name) || !isP(toks[k + 2], ';')) continue;
    const def = assignmentBefore(c, name.v, k);
    if (def <= from || toks[def]?.v !== 'new') continue;
    const req = requestAt(c, def);
    if (!req) continue;
    const set: Found = { parts: [], messages: 0 };
    limitSetLater(c, set, name.v, req, k);
    if (set.limit) [found.limit, found.limitUnresolved] = [set.limit, set.limitUnresolved];
    else if (set.limitUnresolved) found.limitUnresolved = set.limitUnresolved;
    if (found.limit || found.limitUnresolved) return;
  }
}

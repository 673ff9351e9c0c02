// A call in a Kotlin or Java prompt whose value is not read and whose arguments give no text: `generateContent(
// PromptWelcome().mount())`, `TextPart("Reply as JSON: " + Gson().toJson(NewsDTO("", "")))` (AlbertoJunior/Gemini-
// Android NewsViewModel.kt:141, GenerativeModelConfig.kt:55). Before, the call counted nothing and named nothing;
// now the whole call chain is named as returned at run time. A collection or object made empty, or a builder given
// a trailing lambda (`content(role = "user") { … }`), is no text of its own and stays as it was.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { MESSAGE_WRAPPERS, normKey } from './call-keys';
import { pushParts } from './push-parts';
import { roleConstant } from './part-terms';

/** Made empty, filled later or by other means: `listOf()`, `mutableListOf()`, `List.of()`, `buildList`. */
const CONTAINERS = /^(?:(?:mutable|array|hash|linkedMap|empty)(?:List|Map|Set)Of|(?:list|map|set)Of|emptyList|emptyMap|asList|of|buildList|toList|toMutableList)$/;
/** A builder's calls: what its setters are given is read as the chain's parts. */
const BUILDER = /^(?:builder|newBuilder|build)$/;
/** Calls of a chain walked back (`X(…).a().b()`). */
const MAX_CHAIN = 16;

/**
 * The call `names` (a chain's last) at toks[k], its arguments closed at `close` and read into `out` from index `given` (-1: the call's
 * receiver is named already): its chain from the first call (`Gson().toJson(x)`) named as returned at run time when
 * no argument gave a part and nothing follows it (a receiver of a later call leaves that call to say it).
 */
export function jvmCallValue(c: Ctx, k: number, names: string[], close: number, out: PromptPart[], given: number): void {
  if (c.syn.id !== 'kotlin' && c.syn.id !== 'java') return;
  const { toks, match } = c;
  const next = toks[close + 1];
  const name = names[names.length - 1];
  // An enum constant's or a role's text (`ChatMessageRole.SYSTEM.value()`, `Role.USER.name`): no prompt of its own.
  if (names.length > 2 && /^[A-Z]/.test(names[0]) && (names.slice(1, -1).some((n) => /^[A-Z][A-Z0-9_]*$/.test(n)) || roleConstant(c, names.slice(0, -1)))) return;
  if (given < 0 || out.length > given || BUILDER.test(name) || isP(next, '.') || isP(next, '?.') || isP(next, '{') || MESSAGE_WRAPPERS.has(normKey(name)) || CONTAINERS.test(name)) return;
  let start = k;
  for (let n = 0; n < MAX_CHAIN && isP(toks[start - 1], '.') && isP(toks[start - 2], ')'); n++) {
    const open = match[start - 2];
    if (open < 1 || !isId(toks[open - 1])) break;
    // A builder's setters (`Message.builder().content("…").build()`) gave their text where they were read.
    if (BUILDER.test(toks[open - 1].v) || hasText(c, open, start - 2)) return;
    start = open - 1;
  }
  // An object made with no text (`JSONObject()`, `new Gson()`) is no text either.
  if (start === k && /^[A-Z]/.test(name)) return;
  if (toks[start - 1]?.v === 'new') start--;
  const span = { start: toks[start].start, end: toks[close].end };
  pushParts(out, [{ text: '', span, resolved: false, label: `${c.text.slice(span.start, span.end)} (returned at run time)` }]);
}

/** A text of its own written inside toks(open, close): an earlier call of the chain read it as a part already. */
function hasText(c: Ctx, open: number, close: number): boolean {
  for (let j = open + 1; j < close; j++) if (c.toks[j].t === T.Str && c.toks[j].v !== '') return true;
  return false;
}

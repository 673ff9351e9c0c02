// A Go model client made in the arms of a switch or if chain: `var client llms.Model`, then `case "openai": client, err =
// openai.New()`, `case "anthropic": client, err = anthropic.New()`, …, then `llms.GenerateFromSinglePrompt(ctx, client,
// …)` (edhuardotierrez/gommit internal/llm/llm.go, held46 L20). The model is each provider's default, known at run
// time; the limit is none when no arm sets one and an arm's client sends none by default: langchaingo's openai and
// ollama clients omit the field when CallOptions.MaxTokens is 0 (tmc/langchaingo 8fea3de6
// llms/openai/internal/openaiclient/chat.go `max_completion_tokens,omitempty`; llms/ollama/ollamallm.go NumPredict =
// opts.MaxTokens, ollamaclient/types.go `num_predict,omitempty`), where anthropic and googleai put 2048
// (anthropicclient/messages.go, googleai/option.go DefaultMaxTokens). The worst case is the path that sends none.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Via } from './call-shape-types';
import { tables } from './scope';
import { occurrences } from './run-index';
import { anchorStart } from './links';
import { walkKeys, type Found } from './keys';

/** Providers whose langchaingo client sends no output limit when none is set. */
const SENDS_NONE = new Set(['openai', 'ollama']);
/** Assignments of the name read at most. */
const MAX_ARMS = 12;

/**
 * True when every assignment of `name` in the function around toks[at] is a construction of the row (`pkg.New(…)`),
 * none sets a limit, and one is a client that sends none: the call's limit is none, not run time.
 */
export function armsSendNoLimit(c: Ctx, via: Via, name: string, at: number): boolean {
  if (c.syn.id !== 'go') return false;
  const { toks, match } = c;
  let fn: { body: number; bodyEnd: number } | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= at && at < f.bodyEnd && (!fn || f.body > fn.body)) fn = f;
  if (!fn) return false;
  let arms = 0;
  let none = false;
  for (const k of occurrences(c, name)) {
    if (k < fn.body || k >= at || isP(toks[k - 1], '.')) continue;
    // `name, err = X` / `name = X` / `name, err := X`; any other use reads it.
    let eq = k + 1;
    if (isP(toks[eq], ',') && isId(toks[eq + 1])) eq += 2;
    if (!isP(toks[eq], '=') && !isP(toks[eq], ':=')) continue;
    if (++arms > MAX_ARMS) return false;
    // `pkg.New(…)` right after the `=`.
    const open = eq + 4;
    if (!isP(toks[open], '(') || !(match[open] > open)) return false;
    const a = via.anchors.find((x) => anchorStart(toks, open, x.anchor) === eq + 1);
    if (!a) return false;
    const set: Found = { parts: [], messages: 0 };
    walkKeys(c, set, open + 1, match[open]);
    if (set.limit || set.limitUnresolved) return false;
    if (a.provider && SENDS_NONE.has(a.provider)) none = true;
  }
  return arms > 1 && none;
}

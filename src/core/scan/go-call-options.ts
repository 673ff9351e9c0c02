// Go functional options kept in a slice and passed on variadically: langchaingo's `var callOptions []llms.CallOption`,
// appended to (`callOptions = append(callOptions, llms.WithModel(m))`, `llms.WithTemperature(t)`), then
// `llms.GenerateFromSinglePrompt(ctx, client, prompt, callOptions...)` (edhuardotierrez/gommit internal/llm/llm.go,
// held46 L20). An option is a function that sets one field of CallOptions (tmc/langchaingo 8fea3de6 llms/options.go:
// `type CallOption func(*CallOptions)`, WithMaxTokens sets MaxTokens); the slice holds only what the code puts in it.
// So its limit is read in the literal and the appends before the call: none when no WithMaxTokens is ever put in (the
// request has no limit, as with no options), the value when one is put in on every path (the slice's own block), and
// run time when it is put in only in an if arm or a loop (another path sends none: never "add a limit" to it). The
// slice is no prompt: its options are not named as prompt parts. A slice that is a parameter, or that is given
// anything but option calls (`append(opts, extra...)`, a variable), is left to run time.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { args } from './calls';
import { occurrences, lastBefore } from './run-index';

/** Tokens between the slice's declaration and the call read at most. */
const MAX_SPAN = 8000;

export interface OptionSlice {
  /** The declaration's first token (`var` or the name of `name :=`). */
  decl: number;
  /** The ranges of the options put in: the literal's elements and each append's items, with whether every path does. */
  items: { from: number; to: number; always: boolean }[];
  /** Something else is put in or assigned: what it holds is known only at run time. */
  unknown: boolean;
}

/**
 * The option slice passed as `name...` at toks[k] (Go), declared before it (in the function) with an element type
 * named `…Option` (`[]llms.CallOption`); undefined otherwise.
 */
export function goOptionSlice(c: Ctx, k: number): OptionSlice | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'go' || !isId(toks[k]) || !isP(toks[k + 1], '...') || isP(toks[k - 1], '.')) return undefined;
  const name = toks[k].v;
  const at = occurrences(c, name);
  // The declaration: the first `var name []T` / `name := []T{…}` / `name := make([]T, …)` found going back.
  let decl = -1;
  let typeAt = -1;
  for (let n = lastBefore(at, k), tried = 0; n >= 0 && tried < 64; n--, tried++) {
    const j = at[n];
    if (k - j > MAX_SPAN) break;
    if (toks[j - 1]?.v === 'var' && isP(toks[j + 1], '[') && isP(toks[j + 2], ']')) [decl, typeAt] = [j - 1, j + 3];
    else if (isP(toks[j + 1], ':=') && isP(toks[j + 2], '[') && isP(toks[j + 3], ']')) [decl, typeAt] = [j, j + 4];
    else if (isP(toks[j + 1], ':=') && toks[j + 2]?.v === 'make' && isP(toks[j + 3], '(') && isP(toks[j + 4], '[') && isP(toks[j + 5], ']')) [decl, typeAt] = [j, j + 6];
    if (decl >= 0) break;
  }
  if (decl < 0) return undefined;
  // The declaration and what the body puts in decide the call: an edit there is an edit of the call (editor/live-regions.ts).
  c.read?.push({ start: toks[decl].start, end: toks[k].end });
  // `llms.CallOption`, `CallOption`, `openai.Option`: a type path ending in Option.
  let t = typeAt;
  while (isId(toks[t]) && isP(toks[t + 1], '.')) t += 2;
  if (!isId(toks[t]) || !/Option$/.test(toks[t].v)) return undefined;
  const out: OptionSlice = { decl, items: [], unknown: false };
  // The literal `[]T{a, b}` (declared with `:=` or `var name = `).
  const open = isP(toks[t + 1], '{') && match[t + 1] > t + 1 ? t + 1 : -1;
  if (open >= 0) for (const a of args(c, open, match[open])) out.items.push({ from: a.from, to: a.to, always: true });
  // What the body does with the name between the declaration and the call; the depth of braces says whether every
  // path runs it (the declaration's own block) or only an if arm, a case or a loop.
  let depth = 0;
  const start = open >= 0 ? match[open] + 1 : t + 1;
  for (let j = start; j < k; j++) {
    const tk = toks[j];
    if (isP(tk, '{')) depth++;
    else if (isP(tk, '}')) depth--;
    if (depth < 0) return undefined;
    if (!isId(tk) || tk.v !== name || isP(toks[j - 1], '.')) continue;
    // `name = append(name, x, y)`: x and y are put in.
    if (isP(toks[j + 1], '=') && toks[j + 2]?.v === 'append' && isP(toks[j + 3], '(') && toks[j + 4]?.v === name && isP(toks[j + 5], ',')) {
      const close = match[j + 3];
      if (!(close > j + 3)) return undefined;
      for (const a of args(c, j + 3, close).slice(1)) {
        if (isP(toks[a.to - 1], '...')) out.unknown = true;
        else out.items.push({ from: a.from, to: a.to, always: depth === 0 });
      }
      j = close;
    } else if (isP(toks[j + 1], '=') || isP(toks[j + 1], ':=') || isP(toks[j + 1], '[')) out.unknown = true;
  }
  // Only option calls (`llms.WithX(…)`, `WithX(…)`) say what they set.
  for (const it of out.items) {
    let h = it.from;
    while (isId(toks[h]) && isP(toks[h + 1], '.')) h += 2;
    if (!isId(toks[h]) || !/^With[A-Z]/.test(toks[h].v) || !isP(toks[h + 1], '(') || match[h + 1] !== it.to - 1) out.unknown = true;
  }
  return out;
}

/**
 * The output limit the option slices passed variadically in toks[from, to) put in `f`. True when a slice was read (its
 * options are then no prompt parts).
 */
export function optionSliceLimit(c: Ctx, f: Found, from: number, to: number): boolean {
  const { toks } = c;
  let read = false;
  for (let k = from; k < to; k++) {
    const s = goOptionSlice(c, k);
    if (!s) continue;
    read = true;
    if (f.limit) continue;
    const always: Found = { parts: [], messages: 0 };
    const some: Found = { parts: [], messages: 0 };
    for (const it of s.items) walkKeys(c, it.always ? always : some, it.from, it.to);
    if (always.limit && (!some.limit || some.limit.value === always.limit.value)) f.limit = always.limit;
    // Put in on every path and again in an arm: the last one put in is sent, chosen at run time; the largest is the worst case.
    else if (always.limit && some.limit) f.limit = some.limit.value > always.limit.value ? { ...some.limit, others: [always.limit.value] } : { ...always.limit, others: [some.limit.value] };
    // Only in an arm: another path sends none.
    else if (some.limit) f.limitUnresolved ??= `${toks[k].v} (${some.limit.key} on some paths only)`;
    else if (s.unknown) f.limitUnresolved ??= `${toks[k].v} (options added at run time)`;
  }
  return read;
}

// A Rust builder kept in a variable and set by statements: `let mut b = CreateChatCompletionRequestArgs::default();
// b.model(…).max_completion_tokens(…).messages(…); let request = b.build()?;`. async-openai derives its request
// builders with `#[builder(pattern = "mutable")]` (github.com/64bit/async-openai async-openai/src/types/chat/chat_.rs,
// CreateChatCompletionRequestArgs), whose setters are `fn bar(&mut self, bar: Bar) -> &mut Self` (docs.rs
// derive_builder_core options.rs BuilderPattern::Mutable): a chain can stand as a statement. Seen in DavidRyan/podgpt
// src/services/chat.rs.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { readKey, type Found } from './keys';
import { assignmentBefore } from './definitions';

/** Tokens searched between the builder's definition and its build. */
const MAX_SPAN = 4000;

/**
 * The request of `name.build()` at `def` when `name` was assigned `Type::default()` alone: the keys its setter
 * statements set in between, at the block level of its definition (a setter inside an `if` may not run: not read).
 */
export function builderStatements(c: Ctx, def: number): { found: Found; start: number; end: number } | undefined {
  const { toks, match } = c;
  // `b.build(?;` while typing: no closing bracket, no end to the request (its end was -1, and reading the lines
  // after it threw).
  if (c.syn.id !== 'rust' || !isId(toks[def]) || !isP(toks[def + 1], '.') || toks[def + 2]?.v !== 'build' || !isP(toks[def + 3], '(') || match[def + 3] < 0) return undefined;
  const name = toks[def].v;
  const made = assignmentBefore(c, name, def);
  // `Type::default()` then `;`.
  if (made < 0 || !isId(toks[made]) || !isP(toks[made + 1], '::') || toks[made + 2]?.v !== 'default' || !isP(toks[made + 3], '(') || match[made + 3] !== made + 4 || !isP(toks[made + 5], ';')) return undefined;
  if (def - made > MAX_SPAN) return undefined;
  const found: Found = { parts: [], messages: 0 };
  // Every token between the builder and its build is read: an edit there can add or remove a setter (editor/incremental.ts).
  c.read?.push({ start: toks[made].start, end: toks[def].end });
  for (let k = made + 6; k < def; k++) {
    if (isP(toks[k], '{') && match[k] > k) {
      k = match[k];
      continue;
    }
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || !(isP(toks[k - 1], ';') || isP(toks[k - 1], '}'))) continue;
    // `b.model(…).max_completion_tokens(…);`: each `.name(args)` a key, as along a builder chain (read-call.ts).
    let j = k + 1;
    while (isP(toks[j], '.') && isId(toks[j + 1]) && isP(toks[j + 2], '(') && match[j + 2] > j + 2) {
      readKey(c, found, j + 1, j + 3, match[j + 2]);
      j = match[j + 2] + 1;
    }
    k = j - 1;
  }
  return { found, start: made, end: match[def + 3] };
}

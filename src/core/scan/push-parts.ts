// Appending prompt parts to a call's list: the unresolved ones capped, counted without a walk per append. Moved out
// of ./parts.
import { KeyMemo } from '../util/key-memo';
import type { PromptPart } from '../types';

/** Most unresolved parts listed for one call; past it one summary part stands for the rest. */
export const MAX_UNRESOLVED = 1000;

/**
 * Appends parts without spreading (a literal with 500k holes would overflow the stack) and caps the unresolved
 * ones: the report lists labels once each anyway.
 */
const unresolvedCount = new KeyMemo<PromptPart[], number>();

export function pushParts(out: PromptPart[], parts: PromptPart[]): void {
  // Nothing to add (most expressions leave nothing unresolved): the count kept stands.
  if (!parts.length && unresolvedCount.has(out)) return;
  let unresolved = unresolvedCount.get(out) ?? out.reduce((n, p) => n + (p.resolved ? 0 : 1), 0);
  for (const p of parts) {
    if (!p.resolved) {
      if (unresolved === MAX_UNRESOLVED) out.push({ text: '', span: p.span, resolved: false, label: 'more run-time parts (not listed)' });
      if (unresolved++ >= MAX_UNRESOLVED) continue;
    }
    out.push(p);
  }
  unresolvedCount.set(out, unresolved);
}

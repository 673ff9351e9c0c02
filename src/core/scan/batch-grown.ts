// A loop header that compares a list's size, `while (items.length < total)` (Go `for len(items) < total {`), counts
// items, not passes. When each pass adds a batch to the list (`items = [...items, ...batch]`,
// `items.push(...batch)`, `items = items.concat(batch)`, Go `items = append(items, batch...)`), the passes are fewer
// than the bound and known only at run time: the bound is no count of calls (adarshuk01/quiz-ai
// questionsController.js: 20 questions a call, `while (questions.length < totalRequired)` read as 50 calls).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** The list whose size is compared by the `<` / `<=` at toks[lt]: `items.length`, `items.size()`, Go `len(items)`. */
export function sizeOperand(c: Ctx, lt: number): string | undefined {
  const { toks, match } = c;
  const a = toks[lt - 1];
  if (!a) return undefined;
  if (isId(a) && a.v === 'length' && isP(toks[lt - 2], '.') && isId(toks[lt - 3])) return toks[lt - 3].v;
  if (isP(a, ')') && c.syn.id === 'go') {
    const open = match[lt - 1];
    if (open === lt - 3 && toks[open - 1]?.v === 'len' && isId(toks[open + 1])) return toks[open + 1].v;
  }
  if (isP(a, ')') && match[lt - 1] === lt - 2 && toks[lt - 3]?.v === 'size' && isP(toks[lt - 4], '.') && isId(toks[lt - 5])) return toks[lt - 5].v;
  return undefined;
}

/** Whether the tokens from..to add more than one item to `name` at a time. */
export function grownByBatch(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks, match } = c;
  for (let j = from; j < to; j++) {
    if (!isId(toks[j]) || toks[j].v !== name || isP(toks[j - 1], '.')) continue;
    // `name.push(...batch)`
    if (isP(toks[j + 1], '.') && toks[j + 2]?.v === 'push' && isP(toks[j + 3], '(') && isP(toks[j + 4], '...')) return true;
    if (!isP(toks[j + 1], '=')) continue;
    const v = j + 2;
    // `name = name.concat(batch)`
    if (toks[v]?.v === name && isP(toks[v + 1], '.') && toks[v + 2]?.v === 'concat') return true;
    // `name = [...name, ...batch]`: a spread of another list.
    if (isP(toks[v], '[') && match[v] > v) {
      for (let k = v + 1; k < match[v]; k++) if (isP(toks[k], '...') && toks[k + 1]?.v !== name) return true;
    }
    // Go `name = append(name, batch...)`
    if (c.syn.id === 'go' && toks[v]?.v === 'append' && isP(toks[v + 1], '(') && match[v + 1] > v + 1 && isP(toks[match[v + 1] - 1], '...')) return true;
  }
  return false;
}

// The if / else arms a text addition sits in: `if ($session->jd) { $prompt .= "JD: …"; } else { $prompt .= "No JD: …"; }`
// (held49 P01, DoKhacDe/interview-ai OpenAIService.php buildSystemPrompt). One arm of a chain runs, so its additions are
// alternatives, not a sum: the arm with the most text is the worst case (go-string-adds.ts). Brace rows only (PHP,
// JavaScript, Go); an `if` alone may run, and its additions count as before.
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import type { EvalScope } from './value';

/** Tokens walked back from an addition, and from an arm to its chain's first `if`, at most. */
const MAX_BACK = 2000;
/** Arms of one chain followed back at most. */
const MAX_ARMS = 64;

/** One step of an addition's place: the chain (its first `if` token) and the arm (its `{`) it is in. */
export interface ArmStep {
  chain: number;
  arm: number;
}

/** The if / else arms around token `j`, outermost first, those opened after token `from` only; [] when in none. */
export function armPath(s: EvalScope, j: number, from: number): ArmStep[] {
  const { toks, match } = s;
  const path: ArmStep[] = [];
  for (let k = j - 1, n = 0; k >= from && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    if (isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) {
      if (match[k] < 0 || match[k] > k) return [];
      k = match[k];
      continue;
    }
    if (!isP(tk, '{')) continue;
    const chain = chainStart(s, k);
    if (chain >= from) path.unshift({ chain, arm: k });
  }
  return path;
}

/** The token that heads the arm opening at toks[k] (`if`, `elseif`, `else`), or -1 when the block is no if arm. */
function armHead(s: EvalScope, k: number): number {
  const { toks, match } = s;
  const before = toks[k - 1];
  if (isId(before) && before.v === 'else') return k - 1;
  if (s.syn.id === 'go') {
    // `if err := f(); err != nil {`, `} else if x != "" {`: back to the first token of the line.
    for (let i = k - 1, n = 0; i > 0 && n < 64; i--, n++) {
      const tk = toks[i];
      if (isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) {
        if (match[i] < 0 || match[i] > i) return -1;
        i = match[i];
        continue;
      }
      if (isP(tk, '{')) return -1;
      if (isId(tk) && tk.v === 'if') return i;
      if (newlineBetween(s.text, toks[i - 1].end, tk.start)) return -1;
    }
    return -1;
  }
  if (!isP(before, ')') || match[k - 1] < 0 || match[k - 1] > k) return -1;
  const h = match[k - 1] - 1;
  return isId(toks[h]) && (toks[h].v === 'if' || toks[h].v === 'elseif') ? h : -1;
}

/** The first `if` of the chain whose arm opens at toks[k]; -1 when the block is no if arm. */
function chainStart(s: EvalScope, k: number): number {
  const { toks, match } = s;
  let h = armHead(s, k);
  for (let n = 0; h >= 0 && n < MAX_ARMS; n++) {
    // `} else {`, `} else if (…) {`, PHP `} elseif (…) {`: the arm before it.
    const elseAt = toks[h].v === 'else' ? h : toks[h].v === 'elseif' ? h : isId(toks[h - 1]) && toks[h - 1].v === 'else' ? h - 1 : -1;
    if (elseAt < 0) return h;
    const close = elseAt - 1;
    if (!isP(toks[close], '}') || match[close] < 0 || match[close] > close) return -1;
    h = armHead(s, match[close]);
  }
  return -1;
}

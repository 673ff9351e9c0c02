// A limit set in a branch that tests the request's own model: `req := openai.ChatCompletionRequest{Model: s.model, …}`
// then `if s.model != "o3-mini" && s.model != "o3-mini-2025-01-31" { req.MaxTokens = s.maxTokens }`
// (salihigde/go-openai-api-sample services/openai-service.go). With the model known, the test is decided: the branch
// runs for it (the limit is set on its path) or not (the line sets nothing for this call). Tests read as branch-tests.ts
// reads Python's, with `&&`, `||` and `!`; brace languages only (the `if` before the block's `{`).
import { isId, isP } from '../lex/brackets';
import { test } from './branch-tests';
import type { Ctx } from './values';
import type { Found } from './keys';

/** Tokens walked back from the line to the `{` of its block, and from the `{` to its `if`. */
const MAX_BLOCK = 4000;
const MAX_HEAD = 64;

/**
 * What the `if` directly around token `k` says for the request's model (`found.model`, written as `found.modelExpr`):
 * `{ runs, head }` with `runs` true when every value the model can take passes the test, false when none does; the
 * `if` token's index as `head`. Undefined when the block is no plain `if`, its test is not of the model, or it cannot
 * tell.
 */
export function modelBranch(c: Ctx, k: number, found: Found): { runs: boolean; head: number } | undefined {
  const mv = found.model;
  const key = found.modelExpr?.replace(/\s+/g, '');
  if (!mv || !('ref' in mv) || !key) return undefined;
  const h = ifHead(c, k);
  if (!h) return undefined;
  const { head, a, e } = h;
  const ids = [mv.ref.id, ...(mv.ref.others ?? [])];
  const rs = ids.map((id) => test(c, a, e, key, id));
  if (rs.every((r) => r === true)) return { runs: true, head };
  if (rs.every((r) => r === false)) return { runs: false, head };
  return undefined;
}

/** The plain `if` directly around token `k` (brace languages): its token and its test's token range [a, e). */
function ifHead(c: Ctx, k: number): { head: number; a: number; e: number } | undefined {
  if (c.syn.id === 'python' || c.syn.id === 'ruby') return undefined;
  const open = blockOf(c, k);
  if (open < 0) return undefined;
  const { toks, match } = c;
  let head = -1;
  for (let j = open - 1; j >= 0 && j > open - MAX_HEAD; j--) {
    if (match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(toks[j], ';') || isP(toks[j], '{') || isP(toks[j], '}')) return undefined;
    else if (isId(toks[j]) && toks[j].v === 'if') {
      head = j;
      break;
    }
  }
  if (head < 0) return undefined;
  // `if (cond) {` (C-like) or `if cond {` (Go).
  const [a, e] = isP(toks[head + 1], '(') && match[head + 1] === open - 1 ? [head + 2, open - 1] : [head + 1, open];
  // The test is read: an edit of it concerns the call (the keystroke path keeps the span live).
  c.read?.push({ start: toks[head].start, end: toks[open].end });
  return { head, a, e };
}

/**
 * A limit set only when it is given: `if (this.config.maxCompletionTokens > 0) { body.max_completion_tokens =
 * this.config.maxCompletionTokens; }` (held57 H1, Plong-Wasin/vscode-ai-branch-namer aiService.ts). The test is the
 * assigned expression itself, alone or `> 0` / `!= null` / `!== undefined`; with its value known and positive the
 * branch runs. Undefined otherwise.
 */
export function valueGuard(c: Ctx, k: number, from: number, to: number, value: number): { runs: boolean; head: number } | undefined {
  const h = ifHead(c, k);
  if (!h || !(value > 0)) return undefined;
  const txt = (x: number, y: number) => c.toks.slice(x, y).map((t) => t.v).join('');
  const v = txt(from, to);
  const t = txt(h.a, h.e);
  return [v, `${v}>0`, `${v}!=null`, `${v}!==null`, `${v}!==undefined`, `${v}!=undefined`, `${v}!=nil`].includes(t) ? { runs: true, head: h.head } : undefined;
}

/** The `{` of the innermost block holding token `at`, or -1. */
function blockOf(c: Ctx, at: number): number {
  const { toks, match } = c;
  for (let k = at - 1; k >= 0 && k > at - MAX_BLOCK; k--) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '{') && match[k] > at) return k;
  }
  return -1;
}

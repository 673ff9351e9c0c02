// The output-limit key of a request: its value read into Found (keys.ts readKey, and the setters of Prism, RubyLLM
// and Laravel AI agents), a second value in another branch, and a limit chosen by the model (`LIMITS[model]`).
import { isId, isP } from '../lex/brackets';
import { readNumber, type Ctx } from './values';
import { label } from './value';
import type { Found } from './keys';

/** An output-limit value `toks[vStart, vEnd)` set under the key at `keyIdx` (a keyword, or a setter such as Prism's
 * `->withMaxTokens(n)`): read into `f` as readKey does for a limit key. */
export function readLimitKey(c: Ctx, f: Found, keyIdx: number, vStart: number, vEnd: number): number {
  // `max_tokens: undefined` / `null`, Python `None`, Go `nil`: no limit is sent.
  if (vEnd === vStart + 1 && isId(c.toks[vStart]) && NO_VALUE.has(c.toks[vStart].v)) return vEnd;
  if (!f.limit) {
    const n = readNumber(c, vStart, vEnd);
    if (n && n.value === 0 && !n.others?.length && goOmitted(c, keyIdx, vStart, vEnd)) {
      // A 0 that is only the default of a setting (`getEnvInt("OPENAI_MAX_TOKENS", 0)`, `envDefault:"0"`): the code
      // has a limit the user sets at run time, so it is that, not "no limit" with advice to add one.
      if (n.source && /\bdefault\b/.test(n.source.what)) f.limitUnresolved ??= label(c, vStart, vEnd);
      return vEnd;
    }
    if (n) f.limit = { ...n, key: c.toks[keyIdx].v };
    // Set, but from something only known at run time (`max_tokens=limit` of a parameter with no default), or
    // chosen at run time among several values (`LIMITS[model]`: the largest is the worst case).
    if (vEnd > vStart && (!n || (n.others?.length && !n.byCaller) || n.bounded)) {
      f.limitUnresolved ??= label(c, vStart, vEnd);
      f.limitAt = [keyIdx, vStart, vEnd];
    }
  } else if (f.limit && !f.limit.others?.length && vEnd > vStart && inBranch(c, keyIdx)) {
    // The limit key again (`...(reasoning ? { max_completion_tokens: n } : { max_tokens: cfg })`): another value it
    // can take. A known one joins the values (the largest is the worst case); one known only at run time makes it so.
    const n = readNumber(c, vStart, vEnd);
    if (n && !n.others?.length && n.value !== f.limit.value) {
      const keys = f.limit.key === c.toks[keyIdx].v ? f.limit.key : `${f.limit.key} / ${c.toks[keyIdx].v}`;
      const [hi, lo] = n.value > f.limit.value ? [{ ...n, key: c.toks[keyIdx].v }, f.limit.value] : [f.limit, n.value];
      f.limit = { ...hi, others: [lo] };
      f.limitUnresolved ??= keys;
    } else if (!n) {
      f.limit = undefined;
      f.limitUnresolved = label(c, vStart, vEnd);
    }
  }
  return vEnd;
}

/**
 * go-openai's limit fields are `int` with `omitempty` (github.com/sashabaranov/go-openai chat.go: MaxTokens
 * `json:"max_tokens,omitempty"`, MaxCompletionTokens `json:"max_completion_tokens,omitempty"`): a 0, written or held by
 * a constant (`MaxTokens: MaxTokens` with `MaxTokens = 0`, held53 aldarisbm/openai) or by a field whose stated value
 * is 0 (`MaxTokens: s.MaxTokens` from a struct tag's `default:"0"`, held59 narumiruna/go-chatgpt-telegram-bot), is not
 * sent, so no limit is. When that 0 is a setting's default, the setting is the limit, known at run time.
 */
function goOmitted(c: Ctx, keyIdx: number, vStart: number, vEnd: number): boolean {
  const key = c.toks[keyIdx].v;
  return c.syn.id === 'go' && (key === 'MaxTokens' || key === 'MaxCompletionTokens') && vEnd > vStart && c.text.includes('github.com/sashabaranov/go-openai');
}

/** Words that are no value: a limit key given one sends no limit (JSON.stringify drops `undefined`; `null` and
 * Python's `None` are sent as JSON null, which the APIs read as unset). */
const NO_VALUE = new Set(['undefined', 'null', 'None', 'nil']);

/** Tokens searched back for the object around a key. */
const MAX_BRANCH_SEARCH = 400;

/**
 * Is the key in an object that is one branch of a conditional (`c ? { … } : { … }`, Python `{ … } if c else { … }`),
 * not a nested object of its own (`extra_body={"reasoning": {"max_tokens": n}}`, `metadata: { max_tokens: … }`)?
 */
function inBranch(c: Ctx, keyIdx: number): boolean {
  const { toks, match } = c;
  for (let k = keyIdx - 1; k >= 0 && k > keyIdx - MAX_BRANCH_SEARCH; k--) {
    const tk = toks[k];
    if ((isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) && match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    if (!isP(tk, '{') && !isP(tk, '(')) continue;
    // The object (or `dict(`) around the key: what comes before it says whether it is a branch.
    const p = toks[k - 1];
    const after = toks[match[k] + 1];
    return isP(p, '?') || (isP(p, ':') && (isP(toks[k - 2], '}') || isP(toks[k - 2], ')'))) || (isId(p) && p.v === 'else') || (!!after && isId(after) && after.v === 'if');
  }
  return false;
}

/** `max_tokens=LIMITS[model]` once the call's model is known (read, or assumed by a comment): that model's entry. */
export function limitForModel(c: Ctx, f: Found, model: string): void {
  if (!f.limitAt || !f.modelExpr) return;
  const [key, from, to] = f.limitAt;
  c.given = new Map([[f.modelExpr, { str: model }]]);
  let n: ReturnType<typeof readNumber>;
  try {
    n = readNumber(c, from, to);
  } finally {
    c.given = undefined;
  }
  if (!n || n.others?.length || n.bounded) return;
  f.limit = { ...n, key: c.toks[key].v };
  f.limitUnresolved = undefined;
}

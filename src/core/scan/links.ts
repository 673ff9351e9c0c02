// Values reached through names: request objects built in a variable, positional messages, and constructions
// elsewhere in the file that carry what a call lacks (the .NET ChatClient's model, ChatCompletionOptions' limit).
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { readModel, valueEnd, type Ctx } from './values';
import { collectParts, pushParts } from './parts';
import { MESSAGE_WRAPPERS, normKey, type Companion } from './call-shapes';
import { argIndex, walkKeys, type Found } from './keys';
import { countBefore } from '../util/binary-search';

/**
 * Request objects built in a variable first (`params := openai.ChatCompletionNewParams{…}`, `kwargs = dict(…)`,
 * `const req = {…}`) and passed whole (`New(ctx, params)`, `create(**kwargs)`, `create(req)`): the keys are read
 * from the nearest assignment before the call.
 */
export function followArgs(c: Ctx, f: Found, from: number, to: number, callStart: number): void {
  const { toks, match } = c;
  let k = from;
  let followed = 0;
  while (k < to && followed < MAX_FOLLOWED) {
    let a = k;
    while (a < to && toks[a].t === T.Punct && (toks[a].v === '**' || toks[a].v === '...' || toks[a].v === '&' || toks[a].v === '*')) a++;
    const e = valueEnd(c, a, to);
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, callStart);
      c.walkedDefs ??= new Set();
      if (def >= 0 && !c.walkedDefs.has(def)) {
        followed++;
        c.walkedDefs.add(def);
        // The value's first bracket within a short type prefix: `pkg.Type{`, `dict(`, `{`, `new T(`.
        for (let j = def, n = 0; j < toks.length && n < 8; j++, n++) {
          if (isOpen(toks[j]) && match[j] > j) {
            const inner: Found = { parts: [], messages: 0 };
            walkKeys(c, inner, j + 1, match[j]);
            if (inner.model) {
              f.model = inner.model;
              f.modelKeyIdx = inner.modelKeyIdx;
              f.modelEnd = inner.modelEnd;
              f.limit ??= inner.limit;
              f.thinking ??= inner.thinking;
              pushParts(f.parts, inner.parts);
              f.messages += inner.messages;
              mergeCounts(f, inner);
              return;
            }
            break;
          }
          if (!(isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::'))) break;
        }
      }
    }
    k = e + 1;
  }
}

/** Index of the first value token of the nearest `name =` / `name :=` before `before`, or -1. */
function assignmentBefore(c: Ctx, name: string, before: number): number {
  c.assigns ??= indexAssignments(c.toks);
  const list = c.assigns.get(name);
  if (!list) return -1;
  const n = upperBound(list, before - 1);
  return n === 0 ? -1 : list[n - 1] + 2;
}

function indexAssignments(toks: Token[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const tk = toks[i];
    const op = toks[i + 1];
    if (tk.t !== T.Id || op.t !== T.Punct || (op.v !== '=' && op.v !== ':=')) continue;
    if (isP(toks[i - 1], '.')) continue;
    const list = out.get(tk.v);
    if (list) list.push(i);
    else out.set(tk.v, [i]);
  }
  return out;
}

/** Positional message arguments; a bare variable is a label unless it is a string constant, options are skipped. */
export function promptArgs(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  let k = from;
  while (k < to) {
    const e = valueEnd(c, k, to);
    const bare = e === k + 1 && isId(toks[k]);
    if (!(bare && (f.limitVar === toks[k].v || /^(options|opts|settings|config|cancellationToken|ct|token)$/i.test(toks[k].v)))) {
      for (let j = k; j < e; j++) {
        if (isId(toks[j]) && MESSAGE_WRAPPERS.has(normKey(toks[j].v)) && isP(toks[j + 1], '(')) f.messages++;
      }
      if (bare || toks[k].t === T.Str) f.messages++;
      collectParts(c, k, e, f.parts);
    }
    k = e + 1;
  }
}

/** Fills a missing model or limit from the nearest construction before the call that is bound to it. */
export function companions(c: Ctx, list: Companion[], f: Found, first: number, open: number, end: number): void {
  const { toks, match } = c;
  const recv = isP(toks[first - 1], '.') && isId(toks[first - 2]) ? toks[first - 2].v : undefined;
  const argNames = new Set<string>();
  for (let k = open + 1; k < end; k++) if (isId(toks[k])) argNames.add(toks[k].v);
  for (const comp of list) {
    if (comp.take === 'model' ? f.model : f.limit) continue;
    let chosen = -1;
    let fallback = -1;
    const positions = companionPositions(c, comp.anchor);
    // Nearest first, and only a bounded number of candidates: a file of many calls stays linear.
    for (let p = upperBound(positions, first - 1) - 1, seen = 0; p >= 0 && seen < MAX_CANDIDATES; p--, seen++) {
      const k = positions[p];
      const name = boundName(toks, k, comp.anchor.length);
      const wanted = comp.take === 'model' ? recv : undefined;
      if (comp.take === 'limit' ? name !== undefined && argNames.has(name) : wanted !== undefined && name === wanted) {
        chosen = k;
        break;
      }
      if (fallback < 0 && comp.take === 'model') fallback = k;
    }
    const at = chosen >= 0 ? chosen : fallback;
    if (at < 0) continue;
    if (comp.take === 'model') {
      const o = at + comp.anchor.length - 1;
      const close = match[o] < 0 ? Math.min(toks.length, o + 50) : match[o];
      const inner: Found = { parts: [], messages: 0 };
      walkKeys(c, inner, o + 1, close);
      f.model = inner.model ?? readModel(c, argIndex(c, o + 1, close, comp.modelArg ?? 0), close);
    } else {
      // `new ChatCompletionOptions { MaxOutputTokenCount = 300 }` or `… = new() { … }`: the next brace groups.
      for (let k = at + comp.anchor.length, seen = 0; k < toks.length && seen < 3 && k < at + 12; k++) {
        if (!isOpen(toks[k]) || match[k] < 0) continue;
        seen++;
        const inner: Found = { parts: [], messages: 0 };
        walkKeys(c, inner, k + 1, match[k]);
        if (inner.limit) {
          f.limit = inner.limit;
          f.limitVar = boundName(toks, at, comp.anchor.length);
          break;
        }
        k = match[k];
      }
    }
  }
}

const MAX_CANDIDATES = 32;
/** Most request variables followed per call. */
const MAX_FOLLOWED = 8;

/** Start indexes of every occurrence of a companion anchor, found in one pass and kept per scan. */
function companionPositions(c: Ctx, anchor: string[]): number[] {
  c.companionIndex ??= new Map();
  const key = anchor.join(' ');
  let list = c.companionIndex.get(key);
  if (!list) {
    list = [];
    for (let k = 0; k + anchor.length <= c.toks.length; k++) if (anchorStart(c.toks, k + anchor.length - 1, anchor) === k) list.push(k);
    c.companionIndex.set(key, list);
  }
  return list;
}

/** Number of entries of a sorted list that are ≤ x. */
function upperBound(list: number[], x: number): number {
  return countBefore(list.length, (i) => list[i] <= x);
}

/** The variable a construction is assigned to: `x = new T(…)`, `var x = new T`, `T x = new(…)`, `T x = y.Get…(`. */
export function boundName(toks: Token[], at: number, anchorLen: number): string | undefined {
  let k = at - 1;
  if (isId(toks[k]) && toks[k].v === 'new') k--;
  while (isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (isId(toks[k]) && isP(toks[k - 1], '.')) k--;
  if (isP(toks[k], '=') && isId(toks[k - 1])) return toks[k - 1].v;
  const after = toks[at + anchorLen - 1];
  if (isId(after) && isP(toks[at + anchorLen], '=')) return after.v;
  // `ChatClient client = new(…)` where the anchor is the type name: look just after it.
  const t1 = toks[at + 1];
  if (isId(t1) && isP(toks[at + 2], '=')) return t1.v;
  return undefined;
}


/** Index of the anchor's first token when toks[..openIdx] ends with the anchor (`*` matches any identifier). */
export function anchorStart(toks: Token[], openIdx: number, anchor: string[]): number {
  let k = openIdx;
  for (let a = anchor.length - 1; a >= 0; a--, k--) {
    const tk = toks[k];
    if (!tk) return -1;
    const want = anchor[a];
    if (want === '*' ? tk.t !== T.Id : tk.v !== want || tk.t === T.Str) return -1;
  }
  // `x.chat(` must not match inside a longer identifier chain such as `openai.chat.completions`.
  return k + 1;
}


/** Carries the message roles, system prompt and billed extras a followed value found over to the call. */
export function mergeCounts(f: Found, inner: Found): void {
  if (inner.assistant) f.assistant = (f.assistant ?? 0) + inner.assistant;
  if (inner.system) f.system = (f.system ?? 0) + inner.system;
  for (const x of inner.extras ?? []) if (!(f.extras ??= []).includes(x)) f.extras.push(x);
}

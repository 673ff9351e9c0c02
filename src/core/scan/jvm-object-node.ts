// The messages of a Jackson ObjectNode request body (jvm-map-body.ts reads its `put("model", …)`): an ArrayNode made by
// `body.putArray("messages")` (or `mapper.createArrayNode()` then `body.set("messages", arr)`), its elements added as
// `arr.addObject()` (bound to a name filled by `put`, or `.put("role", …).put("content", …)` chained), or
// `arr.add(node)` of a node made by `mapper.createObjectNode()` (chained, or filled by `put`). Each element's `put`s are
// read as a message's keys: `content` is the prompt part, `role` is passed over. jackson-databind ArrayNode#addObject /
// #add, ObjectNode#putArray / #set / #put. Seen in Dplo1514/rag4j OpenAiClient.java and in many Spring services that
// post to chat/completions with RestTemplate or java.net.http.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { assignmentBefore } from './definitions';
import { putRanges } from './jvm-map-body';
import type { Ctx } from './values';

/** Elements of one messages array read at most. */
const MAX_ELEMENTS = 32;

/** The `put` argument ranges of each message of `body`'s messages array (between toks[from] and toks[before]), and the
 * token of the `putArray` / `set` that made it; undefined when there is none or an element is not readable. */
export function nodeMessages(c: Ctx, body: string, from: number, before: number): { at: number; messages: [number, number][][] } | undefined {
  const { toks, match } = c;
  for (let k = from; k < before; k++) {
    if (toks[k].v !== body || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.') || !isP(toks[k + 3], '(') || !(match[k + 3] > k)) continue;
    const fn = toks[k + 2]?.v;
    const close = match[k + 3];
    if (toks[k + 4]?.t !== T.Str || toks[k + 4].v !== 'messages') continue;
    if (fn === 'putArray') {
      // `body.putArray("messages").add(m)…`, or `ArrayNode arr = body.putArray("messages");` then `arr.addObject()`.
      const named = isP(toks[k - 1], '=') && isId(toks[k - 2]) ? toks[k - 2].v : undefined;
      const messages = named ? elements(c, named, close, before) : chained(c, close + 1, before);
      return messages ? { at: k, messages } : undefined;
    }
    if (fn === 'set' && isP(toks[k + 5], ',') && isId(toks[k + 6]) && close === k + 7) {
      const arr = toks[k + 6].v;
      const def = assignmentBefore(c, arr, k);
      if (def < 0) return undefined;
      const messages = elements(c, arr, def, k);
      return messages ? { at: k, messages } : undefined;
    }
  }
  return undefined;
}

/** `arr.addObject()` / `arr.add(x)` statements on the array named `arr` in toks[from, before). */
function elements(c: Ctx, arr: string, from: number, before: number): [number, number][][] | undefined {
  const { toks, match } = c;
  const out: [number, number][][] = [];
  for (let k = from; k < before && out.length < MAX_ELEMENTS; k++) {
    if (toks[k].v !== arr || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.') || !isP(toks[k + 3], '(') || !(match[k + 3] > k)) continue;
    const fn = toks[k + 2].v;
    if (fn !== 'add' && fn !== 'addObject') continue;
    const one = element(c, k, before);
    if (!one) return undefined;
    out.push(one);
    k = match[k + 3];
  }
  return out.length ? out : undefined;
}

/** `….putArray("messages").add(m)` / `.addObject().put(…)` chained on the array itself. */
function chained(c: Ctx, k: number, before: number): [number, number][][] | undefined {
  const { toks } = c;
  if (!isP(toks[k], '.') || !(toks[k + 1]?.v === 'add' || toks[k + 1]?.v === 'addObject')) return undefined;
  const one = element(c, k - 1, before, true);
  return one ? [one] : undefined;
}

/** One element added at toks[k] (`arr` `.` `add|addObject` `(`): its `put` ranges. `onChain`: toks[k] ends the array's expression. */
function element(c: Ctx, k: number, before: number, onChain = false): [number, number][] | undefined {
  const { toks, match } = c;
  const dot = k + 1;
  const open = dot + 2;
  const close = match[open];
  if (!(close > open)) return undefined;
  if (toks[dot + 1].v === 'addObject') {
    // `ObjectNode m = arr.addObject();` then `m.put(…)`, or `arr.addObject().put(…).put(…)`.
    const start = onChain ? -1 : k;
    const named = start > 1 && isP(toks[start - 1], '=') && isId(toks[start - 2]) ? toks[start - 2].v : undefined;
    return named && !isP(toks[close + 1], '.') ? plain(putRanges(c, named, close, before)) : chainPuts(c, close + 1);
  }
  // `arr.add(x)`: x a name filled by `put`, or `mapper.createObjectNode().put(…)…`.
  if (close === open + 2 && isId(toks[open + 1])) {
    const name = toks[open + 1].v;
    const def = assignmentBefore(c, name, open + 1);
    if (def < 0 || !isCreate(c, def)) return undefined;
    return [...chainPuts(c, def + 5), ...plain(putRanges(c, name, def, before))];
  }
  return isCreate(c, open + 1) ? chainPuts(c, open + 6) : undefined;
}

/** A message's put ranges, read whole (a key of a message set in a branch is counted as before). */
const plain = (ranges: [number, number, unknown?][]): [number, number][] => ranges.map(([a, b]) => [a, b]);

/** toks[i] starts `mapper.createObjectNode()`. */
function isCreate(c: Ctx, i: number): boolean {
  const { toks } = c;
  return isId(toks[i]) && isP(toks[i + 1], '.') && toks[i + 2]?.v === 'createObjectNode' && isP(toks[i + 3], '(') && isP(toks[i + 4], ')');
}

/** The argument ranges of `.put(…)` calls chained from toks[k]. */
function chainPuts(c: Ctx, k: number): [number, number][] {
  const { toks, match } = c;
  const out: [number, number][] = [];
  while (out.length < 16 && isP(toks[k], '.') && toks[k + 1]?.v === 'put' && isP(toks[k + 2], '(') && match[k + 2] > k + 2) {
    out.push([k + 3, match[k + 2]]);
    k = match[k + 2] + 1;
  }
  return out;
}

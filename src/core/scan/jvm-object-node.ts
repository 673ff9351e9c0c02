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
import { tables } from './scope';
import { fnSpan } from './function-forms';
import { args } from './calls';
import { evaluate } from './evaluate';
import { withArgs } from './arg-frames';
import { returned } from './jvm-param-requests';

/** One message's `put` argument ranges; `under` runs their reading under a helper's arguments (helperElement). */
export type Message = [number, number][] & { under?: (read: () => void) => void };

/** Elements of one messages array read at most. */
const MAX_ELEMENTS = 32;

/** The `put` argument ranges of each message of `body`'s messages array (between toks[from] and toks[before]), and the
 * token of the `putArray` / `set` that made it; undefined when there is none or an element is not readable. */
export function nodeMessages(c: Ctx, body: string, from: number, before: number): { at: number; messages: Message[] } | undefined {
  const { toks, match } = c;
  for (let k = from; k < before; k++) {
    if (toks[k].v !== body || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.') || !isP(toks[k + 3], '(') || !(match[k + 3] > k)) continue;
    const fn = toks[k + 2]?.v;
    const close = match[k + 3];
    // The Responses API's `input` array of messages (https://platform.openai.com/docs/api-reference/responses/create).
    if (toks[k + 4]?.t !== T.Str || (toks[k + 4].v !== 'messages' && toks[k + 4].v !== 'input')) continue;
    if (fn === 'putArray') {
      // `body.putArray("messages").add(m)…`, or `ArrayNode arr = body.putArray("messages");` then `arr.addObject()`.
      const named = isP(toks[k - 1], '=') && isId(toks[k - 2]) ? toks[k - 2].v : undefined;
      const messages = named ? elements(c, named, close, before) : chained(c, close + 1, before);
      return messages ? { at: k, messages } : undefined;
    }
    // Jackson `body.set("messages", arr)`, Gson `json.add("messages", arr)` (JsonObject#add(String, JsonElement)),
    // org.json `body.put("messages", arr)` of a `new JSONArray()` filled by `arr.put(message)` (JSONArray#put(Object)).
    if ((fn === 'set' || fn === 'add' || fn === 'put') && isP(toks[k + 5], ',') && isId(toks[k + 6]) && close === k + 7) {
      const arr = toks[k + 6].v;
      const def = assignmentBefore(c, arr, k);
      const orgJson = def >= 0 && jsonArrayAt(c, def);
      if (def < 0 || (fn === 'put' && !orgJson)) return undefined;
      const messages = elements(c, arr, def, k, orgJson);
      return messages ? { at: k, messages } : undefined;
    }
  }
  return undefined;
}

/** `arr.addObject()` / `arr.add(x)` statements on the array named `arr` in toks[from, before). */
function elements(c: Ctx, arr: string, from: number, before: number, orgJson = false): Message[] | undefined {
  const { toks, match } = c;
  const out: Message[] = [];
  for (let k = from; k < before && out.length < MAX_ELEMENTS; k++) {
    if (toks[k].v !== arr || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.') || !isP(toks[k + 3], '(') || !(match[k + 3] > k)) continue;
    const fn = toks[k + 2].v;
    if (fn !== 'add' && fn !== 'addObject' && !(orgJson && fn === 'put')) continue;
    const one = element(c, k, before);
    if (!one) return undefined;
    out.push(one);
    k = match[k + 3];
  }
  return out.length ? out : undefined;
}

/** `….putArray("messages").add(m)` / `.addObject().put(…)` chained on the array itself. */
function chained(c: Ctx, k: number, before: number): Message[] | undefined {
  const { toks } = c;
  if (!isP(toks[k], '.') || !(toks[k + 1]?.v === 'add' || toks[k + 1]?.v === 'addObject')) return undefined;
  const one = element(c, k - 1, before, true);
  return one ? [one] : undefined;
}

/** One element added at toks[k] (`arr` `.` `add|addObject` `(`): its `put` ranges. `onChain`: toks[k] ends the array's expression. */
function element(c: Ctx, k: number, before: number, onChain = false): Message | undefined {
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
    // A name with no assignment here (`for (JsonObject past : history) arr.add(past)`, a parameter): a message known
    // at run time, read as that name.
    if (def < 0 && !tables(c).fns.has(name)) return [[open + 1, close]];
    if (def < 0 || !isCreate(c, def)) return undefined;
    return [...chainPuts(c, createEnd(c, def)), ...plain(putRanges(c, name, def, before))];
  }
  return isCreate(c, open + 1) ? chainPuts(c, createEnd(c, open + 1)) : helperElement(c, open + 1, close);
}

/**
 * `arr.add(messageNode("system", systemPrompt))`: a method of this class that returns a node it makes with
 * `createObjectNode()` and fills by `put`, its `content` maybe an array of parts (`putArray("content")` then
 * `content.add(createObjectNode().put("type", "input_text").put("text", text))`, the Responses API's input_text
 * parts, https://platform.openai.com/docs/api-reference/responses/create). The message's ranges are read under the
 * call's arguments (arg-frames.ts). held43 M1, hitosh308/recipemaker OpenAiClient.java messageNode(role, text).
 */
function helperElement(c: Ctx, m: number, close: number): Message | undefined {
  const { toks, match } = c;
  if (!isId(toks[m]) || !isP(toks[m + 1], '(') || match[m + 1] !== close - 1) return undefined;
  // A method declared below, or whose body a prefix cut goes through: the call is left to the full file (prefix.ts).
  c.forward?.add(toks[m].v);
  const fns = tables(c).fns.get(toks[m].v);
  const fn = fns?.length === 1 ? fns[0] : undefined;
  if (fn) c.read?.push(fnSpan(toks, fn));
  const ret = fn && returned(c, fn);
  if (!fn || ret === undefined || !isId(toks[ret]) || !isP(toks[ret + 1], ';')) return undefined;
  const name = toks[ret].v;
  const def = assignmentBefore(c, name, ret);
  if (def < fn.body || !isCreate(c, def)) return undefined;
  const own: [number, number][] = [...chainPuts(c, createEnd(c, def)), ...plain(putRanges(c, name, def, ret))];
  // `ArrayNode content = message.putArray("content");` then `content.add(…)`: each part's puts.
  for (let k = def; k < ret; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'putArray' || toks[k + 4]?.v !== 'content' || !isP(toks[k - 1], '=') || !isId(toks[k - 2])) continue;
    for (const part of elements(c, toks[k - 2].v, k, ret) ?? []) own.push(...part);
    break;
  }
  if (!own.length) return undefined;
  const list = args(c, m + 1, close - 1);
  const given = { list, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1) };
  const span = fnSpan(toks, fn);
  return Object.assign(own, {
    under: (read: () => void) => {
      c.read?.push(span);
      withArgs(c, fn, given, () => void read());
    },
  });
}

/** A message's put ranges, read whole (a key of a message set in a branch is counted as before). */
const plain = (ranges: [number, number, unknown?][]): [number, number][] => ranges.map(([a, b]) => [a, b]);

/** toks[i] starts `mapper.createObjectNode()`, or Gson's `new JsonObject()` (filled by `addProperty`). */
function isCreate(c: Ctx, i: number): boolean {
  return createEnd(c, i) > i;
}

/** The token after `mapper.createObjectNode()` / `new JsonObject()` / org.json's `new JSONObject()` at toks[i], or -1. */
function createEnd(c: Ctx, i: number): number {
  const { toks } = c;
  if (toks[i]?.v === 'new' && (toks[i + 1]?.v === 'JsonObject' || toks[i + 1]?.v === 'JSONObject') && isP(toks[i + 2], '(') && isP(toks[i + 3], ')')) return i + 4;
  return isId(toks[i]) && isP(toks[i + 1], '.') && toks[i + 2]?.v === 'createObjectNode' && isP(toks[i + 3], '(') && isP(toks[i + 4], ')') ? i + 5 : -1;
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

/** toks[i] starts org.json's `new JSONArray()` (or `new org.json.JSONArray()`). */
function jsonArrayAt(c: Ctx, i: number): boolean {
  const { toks } = c;
  let n = i + 1;
  if (toks[i]?.v !== 'new') return false;
  while (isId(toks[n]) && isP(toks[n + 1], '.')) n += 2;
  return toks[n]?.v === 'JSONArray' && isP(toks[n + 1], '(') && isP(toks[n + 2], ')');
}

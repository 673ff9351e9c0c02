// Kotlin request bodies made as a JSON object and filled in one expression, for the OkHttp sender of http-jvm.ts
// (`Request.Builder().url(u).post(body.toString().toRequestBody(type))`): Gson's `JsonObject().apply { addProperty(
// "model", m); add("messages", msgs) }` (Gson JsonObject#addProperty(String, String|Number|Boolean|Character),
// #add(String, JsonElement), https://www.javadoc.io/doc/com.google.code.gson/gson/latest/com.google.gson/com/google/gson/JsonObject.html),
// org.json's `JSONObject().put("model", m).put(…)` or `JSONObject().apply { put(…) }` (JSONObject#put(String, Object)
// returns the object, https://developer.android.com/reference/org/json/JSONObject), and kotlinx.serialization's
// `buildJsonObject { put("model", m); putJsonArray("messages") { … } }` (JsonElementBuilders.kt: JsonObjectBuilder.put
// extensions for String/Number/Boolean). Their key, value arguments are read as a map's (jvm-map-body.ts). Seen in
// onlynotes-swent/onlynotes utils/OpenAI.kt (Gson apply) and held36 probes kt-f … kt-h.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** Objects made empty and filled by the calls below (Gson, org.json). */
export const KT_JSON_OBJECTS = new Set(['JsonObject', 'JSONObject']);
/** Calls that set one key of such an object (first argument the key, second the value). */
export const JSON_SETS = new Set(['put', 'addProperty', 'add']);
/** The words read outside the call (editor/incremental.ts). */
export const KT_JSON_WORDS = [...KT_JSON_OBJECTS, ...JSON_SETS, 'apply', 'also', 'buildJsonObject', 'putJsonArray', 'putJsonObject'];

/** kotlinx.serialization builders that set a key to an array or object made in their block: not read, named as run time. */
const NESTED_SETS = new Set(['putJsonArray', 'putJsonObject']);

/** Key calls read from one body at most. */
const MAX_SETS = 32;

/** One arm of an `if` in a body's block (`if (long) { put("max_tokens", 2000) } else { … }`): the chain's `if`, this
 * arm's place, how many arms it has and whether the last is an `else` (then one arm runs on every path). */
export interface Branch {
  chain: number;
  arm: number;
  arms: number;
  complete: boolean;
}

/** The argument range of one key call; `branch` when it is made in an arm of an `if` (sent on some paths only). */
export type KeyRange = [number, number, Branch?];

/** Arms read at most in one `if … else if … else` chain of a body's block. */
const MAX_ARMS = 8;

/** toks[i], or the class name a package qualifies there (`org.json.JSONObject`, `com.google.gson.JsonArray`): package
 * names are lower case (https://kotlinlang.org/docs/coding-conventions.html#naming-rules). */
export function ktClassAt(c: Ctx, i: number): number {
  const { toks } = c;
  let k = i;
  for (let n = 0; n < 6 && isId(toks[k]) && /^[a-z]/.test(toks[k].v) && isP(toks[k + 1], '.') && isId(toks[k + 2]); n++) k += 2;
  return k;
}

/** Whether toks[i] is `JsonObject()` / `JSONObject()` made empty (Kotlin, no `new`; Java's `new` form is jvm-map-body's),
 * its package written or not (`org.json.JSONObject()`). */
export function ktEmptyObjectAt(c: Ctx, i: number): boolean {
  const { toks, match } = c;
  const k = ktClassAt(c, i);
  return c.syn.id === 'kotlin' && isId(toks[k]) && KT_JSON_OBJECTS.has(toks[k].v) && !isP(toks[i - 1], '.') && isP(toks[k + 1], '(') && match[k + 1] === k + 2;
}

/**
 * The argument ranges of the key calls of a Kotlin JSON object expression at toks[i]: `JsonObject().apply { … }`,
 * `JSONObject().put(…).put(…)`, `buildJsonObject { … }`; undefined when toks[i] starts none. Only the block's own
 * statements are read (a nested `JsonObject().apply` of a message sets that message's keys).
 */
export function ktFilledRanges(c: Ctx, i: number): KeyRange[] | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'kotlin' || !isId(toks[i]) || isP(toks[i - 1], '.')) return undefined;
  let k: number;
  if (toks[i].v === 'buildJsonObject' && isP(toks[i + 1], '{') && match[i + 1] > i) return ktBlockSets(c, i + 1);
  if (ktEmptyObjectAt(c, i)) k = ktClassAt(c, i) + 3;
  else return undefined;
  const out: KeyRange[] = [];
  // The chain after the object: `.apply { … }` / `.also { it.put(…) }` blocks and `.put(…)` links.
  for (let n = 0; n < MAX_SETS && isP(toks[k], '.') && isId(toks[k + 1]); n++) {
    const fn = toks[k + 1].v;
    if ((fn === 'apply' || fn === 'also') && isP(toks[k + 2], '{') && match[k + 2] > k) {
      out.push(...ktBlockSets(c, k + 2, fn === 'also' ? 'it' : undefined));
      k = match[k + 2] + 1;
    } else if (JSON_SETS.has(fn) && isP(toks[k + 2], '(') && match[k + 2] > k + 3) {
      out.push([k + 3, match[k + 2]]);
      k = match[k + 2] + 1;
    } else break;
  }
  return out.length ? out : undefined;
}

/** The key calls written as statements of the block opened at toks[open]: `put(…)` (or `it.put(…)` in `also`); those in
 * the arms of an `if` statement (braced or not) carry their branch. */
export function ktBlockSets(c: Ctx, open: number, receiver?: string): KeyRange[] {
  const { toks, match } = c;
  const out: KeyRange[] = [];
  for (let k = open + 1; k < match[open] && out.length < MAX_SETS; k++) {
    const set = setAt(c, k, receiver);
    if (set) {
      out.push(set);
      k = set[1];
      continue;
    }
    const arms = isId(toks[k]) && toks[k].v === 'if' && !isP(toks[k - 1], '.') ? ifArms(c, k, match[open], receiver) : undefined;
    if (arms) {
      out.push(...arms.sets);
      k = arms.end - 1;
      continue;
    }
    // A nested block or call is another object's (a message made in the body's block).
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  return out;
}

/** The set call written at toks[k] (`put(…)`, `it.put(…)` with a receiver): its argument range, else undefined. */
function setAt(c: Ctx, k: number, receiver?: string): KeyRange | undefined {
  const { toks, match } = c;
  let fn = k;
  if (receiver && toks[k].v === receiver && isP(toks[k + 1], '.')) fn = k + 2;
  else if (receiver || isP(toks[k - 1], '.')) return undefined;
  return isId(toks[fn]) && JSON_SETS.has(toks[fn].v) && isP(toks[fn + 1], '(') && match[fn + 1] > fn + 2 ? [fn + 2, match[fn + 1]] : undefined;
}

/**
 * The sets in the arms of the `if` statement at toks[head] (`if (c) { put(…) } else if (d) put(…) else { … }`), each
 * with its branch, and the token after the chain; undefined when an arm is neither a block nor one set call (the
 * chain is then skipped as before: a nested block is another object's).
 */
function ifArms(c: Ctx, head: number, close: number, receiver?: string): { sets: KeyRange[]; end: number } | undefined {
  const { toks, match } = c;
  const arms: KeyRange[][] = [];
  let complete = false;
  let k = head;
  for (let n = 0; n < MAX_ARMS; n++) {
    let from = k;
    if (toks[k]?.v === 'if') {
      if (!isP(toks[k + 1], '(') || !(match[k + 1] > k) || match[k + 1] >= close) return undefined;
      from = match[k + 1] + 1;
    } else complete = true;
    let end: number;
    if (isP(toks[from], '{') && match[from] > from && match[from] < close) {
      arms.push(ktBlockSets(c, from, receiver));
      end = match[from] + 1;
    } else {
      const set = setAt(c, from, receiver);
      if (!set) return undefined;
      arms.push([set]);
      end = set[1] + 1;
    }
    k = end;
    if (complete || toks[k]?.v !== 'else' || k >= close) break;
    k++;
  }
  const sets: KeyRange[] = [];
  arms.forEach((a, arm) => {
    for (const r of a) sets.push(r[2] ? r : [r[0], r[1], { chain: head, arm, arms: arms.length, complete }]);
  });
  return { sets, end: k };
}

/** The `putJsonArray("messages") { … }` statements of a `buildJsonObject { … }` at toks[i]: their span and a label, for
 * a part known only at run time (the messages are not read from the builder). */
export function ktUnreadSets(c: Ctx, i: number): { start: number; end: number; label: string; key: number; open: number }[] {
  const { toks, match } = c;
  if (c.syn.id !== 'kotlin' || toks[i]?.v !== 'buildJsonObject' || !isP(toks[i + 1], '{') || !(match[i + 1] > i)) return [];
  const out: { start: number; end: number; label: string; key: number; open: number }[] = [];
  for (let k = i + 2; k < match[i + 1] && out.length < 8; k++) {
    if (NESTED_SETS.has(toks[k].v) && !isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && match[k + 1] > k) {
      const end = isP(toks[match[k + 1] + 1], '{') && match[match[k + 1] + 1] > k ? match[match[k + 1] + 1] : match[k + 1];
      const head = c.text.slice(toks[k].start, toks[match[k + 1]].end);
      out.push({ start: toks[k].start, end: toks[end].end, label: `${head} (built at run time)`, key: k + 2, open: end !== match[k + 1] ? match[k + 1] + 1 : -1 });
      k = end;
    } else if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  return out;
}

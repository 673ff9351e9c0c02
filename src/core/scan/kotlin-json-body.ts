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

/** Whether toks[i] is `JsonObject()` / `JSONObject()` made empty (Kotlin, no `new`; Java's `new` form is jvm-map-body's). */
export function ktEmptyObjectAt(c: Ctx, i: number): boolean {
  const { toks, match } = c;
  return c.syn.id === 'kotlin' && isId(toks[i]) && KT_JSON_OBJECTS.has(toks[i].v) && !isP(toks[i - 1], '.') && isP(toks[i + 1], '(') && match[i + 1] === i + 2;
}

/**
 * The argument ranges of the key calls of a Kotlin JSON object expression at toks[i]: `JsonObject().apply { … }`,
 * `JSONObject().put(…).put(…)`, `buildJsonObject { … }`; undefined when toks[i] starts none. Only the block's own
 * statements are read (a nested `JsonObject().apply` of a message sets that message's keys).
 */
export function ktFilledRanges(c: Ctx, i: number): [number, number][] | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'kotlin' || !isId(toks[i]) || isP(toks[i - 1], '.')) return undefined;
  let k: number;
  if (toks[i].v === 'buildJsonObject' && isP(toks[i + 1], '{') && match[i + 1] > i) return ktBlockSets(c, i + 1);
  if (ktEmptyObjectAt(c, i)) k = i + 3;
  else return undefined;
  const out: [number, number][] = [];
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

/** The key calls written as statements of the block opened at toks[open]: `put(…)` (or `it.put(…)` in `also`). */
export function ktBlockSets(c: Ctx, open: number, receiver?: string): [number, number][] {
  const { toks, match } = c;
  const out: [number, number][] = [];
  for (let k = open + 1; k < match[open] && out.length < MAX_SETS; k++) {
    let fn = k;
    if (receiver && toks[k].v === receiver && isP(toks[k + 1], '.')) fn = k + 2;
    else if (receiver || isP(toks[k - 1], '.')) fn = -1;
    if (fn >= 0 && isId(toks[fn]) && JSON_SETS.has(toks[fn].v) && isP(toks[fn + 1], '(') && match[fn + 1] > fn + 2) {
      out.push([fn + 2, match[fn + 1]]);
      k = match[fn + 1];
      continue;
    }
    // A nested block or call is another object's (a message made in the body's block).
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  return out;
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

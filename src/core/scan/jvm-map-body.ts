// A JSON body a Java app builds as a Map (http-jvm.ts): `Map.of("model", "gpt-4o", "messages", List.of(Map.of("role",
// "user", "content", q)))`, `Map.ofEntries(Map.entry("model", m), …)`, or `new HashMap<>()` filled by
// `body.put("model", "gpt-4o")` before the call. Jackson writes a Map's keys as the JSON object's keys
// (https://github.com/FasterXML/jackson-databind: MapSerializer), so they are the API's names. The key walk reads keys
// written `key: value`; the map is read through a view of the file's tokens where the comma after each key is that
// separator (same tokens, same indexes, so spans and names resolve as in the file).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { T } from '../lex/lexer';
import { args } from './calls';
import { evaluate } from './evaluate';
import type { Ctx } from './values';
import { JSON_SETS, KT_JSON_WORDS, type KeyRange } from './kotlin-json-body';
import { putBranch } from './jvm-put-branches';

/** The view of a file's tokens with map keys separated as object keys, one per file. */
const views = new KeyMemo<Ctx, Ctx>();

/** Map factories taking key, value pairs (java.util.Map.of, Guava ImmutableMap.of) and Map.entry(key, value). */
const PAIRS = /^(?:Map\.of|Map\.entry|ImmutableMap\.of|entry)$/;

/** Kotlin's map builders taking `key to value` pairs (kotlin.collections mapOf, mutableMapOf, hashMapOf, linkedMapOf;
 * `to` makes a Pair, https://kotlinlang.org/api/core/kotlin-stdlib/kotlin.collections/map-of.html). A Retrofit
 * `@Body payload: Map<String, Any>` is sent so (TimPieters/Meal-App Server/OpenAIRepository.kt). */
const KT_MAPS = new Set(['mapOf', 'mutableMapOf', 'hashMapOf', 'linkedMapOf']);

/** Statements that put a key into a map: `body.put("model", m)`, `node.put(…)` of Jackson's ObjectNode. */
const PUT = new Set(['put', 'putIfAbsent']);

/** The file seen with each map key's comma as a key separator. */
export function mapView(c: Ctx): Ctx {
  let v = views.get(c);
  if (v) return v;
  const { toks, match } = c;
  const out: Token[] = toks.slice();
  for (let k = 0; k < toks.length; k++) {
    if (!isP(toks[k], '(') || match[k] < 0 || !isId(toks[k - 1])) continue;
    const fn = toks[k - 1].v;
    const qualified = isP(toks[k - 2], '.') && isId(toks[k - 3]) ? `${toks[k - 3].v}.${fn}` : fn;
    const pairs = PAIRS.test(qualified);
    if (c.syn.id === 'kotlin' && KT_MAPS.has(fn) && !isP(toks[k - 2], '.')) {
      // Kotlin's `mapOf("model" to m)`: the infix `to` after a string key is the separator.
      for (const a of args(c, k, match[k])) if (toks[a.from].t === T.Str && toks[a.from + 1]?.v === 'to' && isId(toks[a.from + 1])) out[a.from + 1] = { ...toks[a.from + 1], t: T.Punct, v: ':' };
      continue;
    }
    // Gson's `addProperty` / `add` too; Kotlin's `apply { put(…) }` sets keys with no receiver (kotlin-json-body.ts).
    const sets = PUT.has(fn) || JSON_SETS.has(fn) || fn === 'set';
    if (!pairs && !(sets && (isP(toks[k - 2], '.') || c.syn.id === 'kotlin'))) continue;
    const a = args(c, k, match[k]);
    for (let n = 0; n + 1 < a.length; n += 2) {
      const key = a[n];
      if (key.key || key.to !== key.from + 1 || !isP(toks[key.to], ',')) continue;
      if (toks[key.from].t !== T.Str) {
        // A constant naming the key, `request.put(MODEL, m)` with `static final String MODEL = "model"` imported
        // statically from a constants class (pmrochko/telegram-gpt-chat-service ChatGptServiceImpl.java:83): its text.
        const name = constantKey(c, key.from);
        if (name === undefined) continue;
        out[key.from] = { ...toks[key.from], t: T.Str, v: name };
      }
      out[key.to] = { ...toks[key.to], v: ':' };
      if (!pairs) break;
    }
  }
  v = { ...c, toks: out };
  views.set(c, v);
  return v;
}

/** The text of a constant written as a map key (an upper-case name bound once to a plain string), else undefined. */
function constantKey(c: Ctx, at: number): string | undefined {
  const tk = c.toks[at];
  if (!isId(tk) || !CONSTANT.test(tk.v) || isP(c.toks[at - 1], '.')) return undefined;
  const v = evaluate(c, at, at + 1, 1);
  return v?.str !== undefined && !v.holes?.length && v.runtime === undefined && !v.late?.length && !v.others?.length && /^\w+$/.test(v.str) ? v.str : undefined;
}

/** A Java constant's name: upper case letters, digits and `_`. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** The `name.put(…)` argument ranges between where the map is made (toks[from]) and the call (toks[before]); one in an
 * arm of an `if` written there carries its branch (jvm-put-branches.ts). */
export function putRanges(c: Ctx, name: string, from: number, before: number): KeyRange[] {
  const { toks, match } = c;
  const out: KeyRange[] = [];
  const hutool = hutoolObjectAt(c, from);
  for (let k = from; k < before && out.length < 32; k++) {
    if (toks[k].v === name && isP(toks[k + 1], '.') && (PUT.has(toks[k + 2]?.v) || JSON_SETS.has(toks[k + 2]?.v) || (hutool && toks[k + 2]?.v === 'set')) && isP(toks[k + 3], '(') && !isP(toks[k - 1], '.') && match[k + 3] > k) {
      const branch = putBranch(c, k, from);
      out.push(branch ? [k + 4, match[k + 3], branch] : [k + 4, match[k + 3]]);
      // Read away from the call: an edit of an arm's value (`300` -> `3x00` in an `else`) changes the limit's others.
      c.read?.push({ start: toks[k].start, end: toks[match[k + 3]].end });
      k = match[k + 3];
    }
  }
  return out;
}

const EMPTY_MAPS = new Set(['HashMap', 'LinkedHashMap', 'TreeMap', 'ConcurrentHashMap', 'JSONObject', 'JsonObject']);

/** Jackson ObjectNode methods that set a field the key walk does not read: `putArray("messages")` (then `.add(m)`),
 * `putObject("k")`, `set("k", node)`, `putPOJO("k", pojo)` (jackson-databind ObjectNode). */
const UNREAD = new Set(['putArray', 'putObject', 'set', 'putPOJO', 'replace']);

/** The `name.putArray("messages")`-like calls between where the map is made (toks[from]) and the call (toks[before]):
 * their span and a label, for a part known only at run time (the messages an ObjectNode body is given so). */
export function unreadPuts(c: Ctx, name: string, from: number, before: number): { start: number; end: number; label: string }[] {
  const { toks, match } = c;
  const out: { start: number; end: number; label: string }[] = [];
  const hutool = hutoolObjectAt(c, from);
  for (let k = from; k < before && out.length < 8; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || !UNREAD.has(toks[k + 2]?.v) || (hutool && toks[k + 2].v === 'set') || !isP(toks[k + 3], '(') || isP(toks[k - 1], '.') || !(match[k + 3] > k)) continue;
    const close = match[k + 3];
    out.push({ start: toks[k].start, end: toks[close].end, label: `${c.text.slice(toks[k].start, toks[close].end)} (built at run time)` });
    k = close;
  }
  return out;
}

/** Hutool's `new JSONObject()` (cn.hutool.json, imported so): its `set(key, value)` puts a field as `put` does
 * (dromara/hutool hutool-json JSONObject#set(String, Object)); Jackson's ObjectNode#set takes a node, read apart. */
function hutoolObjectAt(c: Ctx, i: number): boolean {
  return c.toks[i]?.v === 'new' && c.toks[i + 1]?.v === 'JSONObject' && c.text.includes('cn.hutool.json');
}

/** Whether toks[i] starts a map made empty (`new HashMap<>()`, `new LinkedHashMap<String, Object>()`, org.json's
 * `new JSONObject()`, Jackson's `mapper.createObjectNode()`, filled by `put` as a map). */
export function emptyMapAt(c: Ctx, i: number): boolean {
  const { toks } = c;
  if (objectNodeAt(c, i)) return true;
  if (toks[i]?.v !== 'new' || !EMPTY_MAPS.has(toks[i + 1]?.v ?? '')) return false;
  let k = i + 2;
  for (let depth = 0, left = 24; left > 0 && k < toks.length; k++, left--) {
    if (toks[k].v === '<') depth++;
    else if (toks[k].v === '>') depth--;
    else if (toks[k].v === '>>') depth -= 2;
    if (depth <= 0) break;
  }
  if (toks[i + 2]?.v === '<') k++;
  else k = i + 2;
  return isP(toks[k], '(') && c.match[k] === k + 1;
}

/** Whether toks[i] starts a map factory call (`Map.of(`, `Map.ofEntries(`, `ImmutableMap.of(`, Kotlin's `mapOf(`). */
export function mapFactoryAt(c: Ctx, i: number): boolean {
  const { toks } = c;
  if (c.syn.id === 'kotlin' && isId(toks[i]) && KT_MAPS.has(toks[i].v) && isP(toks[i + 1], '(') && !isP(toks[i - 1], '.')) return true;
  return isId(toks[i]) && /^(?:Map|ImmutableMap)$/.test(toks[i].v) && isP(toks[i + 1], '.') && /^(?:of|ofEntries)$/.test(toks[i + 2]?.v ?? '') && isP(toks[i + 3], '(');
}

/**
 * Jackson's empty ObjectNode: `objectMapper.createObjectNode()` (ObjectMapper#createObjectNode), `JsonNodeFactory.instance
 * .objectNode()`; its `put(name, value)` sets a field (jackson-databind ObjectNode#put), written as the JSON object's key.
 * Seen in Dplo1514/rag4j OpenAiClient.java (`requestBody.put("model", props.getModel())`, `put("max_tokens", 100)`).
 */
function objectNodeAt(c: Ctx, i: number): boolean {
  const { toks, match } = c;
  if (!isId(toks[i]) || !isP(toks[i + 1], '.')) return false;
  let k = i + 2;
  if (toks[i].v === 'JsonNodeFactory' && toks[k]?.v === 'instance' && isP(toks[k + 1], '.')) k += 2;
  const fn = toks[k]?.v;
  return (fn === 'createObjectNode' || (fn === 'objectNode' && k === i + 4)) && isP(toks[k + 1], '(') && match[k + 1] === k + 2;
}

/** The words the map reading depends on, read outside the call (editor/incremental.ts): `new JSONObject()` typed as
 * `new JqNObject()` above the call is no request body; likewise Kotlin's `mapOf(`, Jackson's `createObjectNode()`. */
export const MAP_WORDS = [...EMPTY_MAPS, 'Map', 'ImmutableMap', 'of', 'ofEntries', 'entry', ...PUT, ...KT_MAPS, ...UNREAD, 'createObjectNode', 'objectNode', 'addObject', ...KT_JSON_WORDS];

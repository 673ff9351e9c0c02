// The messages of a Kotlin JSON request body (kotlin-json-body.ts reads its keys): the array set under a prompt key,
// made with Gson's `JsonArray().apply { add(obj) }` (JsonArray#add(JsonElement)), org.json's `JSONArray().put(obj)` /
// `.apply { put(obj) }` (JSONArray#put(Object) returns the array), or kotlinx.serialization's `buildJsonArray { … }` /
// `putJsonArray("messages") { addJsonObject { put(…) }; add(buildJsonObject { … }) }` (JsonElementBuilders.kt), given
// by name (`add("messages", messagesArray)` with `val messagesArray = JsonArray().apply { add(messageObject) }`, then
// `messagesArray.add(x)` statements) or written in place. Each element, a JSON object written in place or a name bound
// to one, is read as a message (its `role` and `content` keys); an element added in a loop or a branch, or one not
// read, is named as known at run time. Seen in held36 onlynotes-swent/onlynotes utils/OpenAI.kt:66-78 (named Gson
// array and message) and kotlinx `putJsonArray("messages") { addJsonObject { … } }` bodies in the code index.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { assignmentBefore } from './definitions';
import { exprEnd } from './body-ends';
import { PROMPT_KEYS, normKey } from './call-keys';
import { collectParts } from './parts';
import { readKey, type Found } from './keys';
import { putRanges } from './jvm-map-body';
import { ktBlockSets, ktClassAt, ktEmptyObjectAt, ktFilledRanges, ktUnreadSets, type KeyRange } from './kotlin-json-body';
import type { Ctx } from './values';

/** Arrays made empty and filled by `add` / `put`. */
const KT_ARRAYS = new Set(['JsonArray', 'JSONArray']);
/** The words read outside the call (editor/reader-words.ts). */
export const KT_ARRAY_WORDS = [...KT_ARRAYS, 'buildJsonArray', 'addJsonObject', 'add', 'put', 'apply', 'also', 'it'];

/** Elements read from one array at most; arrays read within one another at most (messages, then content parts). */
const MAX_ELEMENTS = 32;
const MAX_DEPTH = 2;

/** An element: the key ranges of an object, a range read as text, or a label for one known at run time. */
type Unread = { label: string; start: number; end: number };
type Element = { sets: KeyRange[]; unread: Unread[] } | { text: [number, number] } | Unread;

/**
 * Reads the `"key", value` range toks[from, to) of a set (`add("messages", arr)`) when the key is a prompt key and the
 * value a Kotlin JSON array: its elements into `f`; false (read it as any key) otherwise. `view` is the file seen
 * with each key's comma as a separator (jvm-map-body.ts mapView); `before` is the call's first token.
 */
export function ktReadArraySet(view: Ctx, c: Ctx, f: Found, [from, to]: KeyRange, before: number, depth = 0): boolean {
  const { toks } = c;
  if (c.syn.id !== 'kotlin' || depth > MAX_DEPTH || toks[from]?.t !== T.Str || !isP(view.toks[from + 1], ':') || !PROMPT_KEYS.has(normKey(toks[from].v))) return false;
  const elements = arrayValue(c, from + 2, to, before);
  if (!elements) return false;
  readElements(view, c, f, elements, before, depth, toks[from].v);
  return true;
}

/** Reads kotlinx's `putJsonArray("messages") { … }` (the key's string at toks[key], its block opened at toks[open]). */
export function ktReadBuilderArray(view: Ctx, c: Ctx, f: Found, key: number, open: number, before: number): boolean {
  const { toks } = c;
  if (toks[key]?.t !== T.Str || !PROMPT_KEYS.has(normKey(toks[key].v))) return false;
  readElements(view, c, f, blockElements(c, open, before), before, 0, toks[key].v);
  return true;
}

const unreadPart = (u: Unread) => ({ text: '', span: { start: u.start, end: u.end }, resolved: false, label: u.label });

function readElements(view: Ctx, c: Ctx, f: Found, elements: Element[], before: number, depth: number, key: string): void {
  const messages = normKey(key) === 'messages' || normKey(key) === 'contents';
  for (const el of elements) {
    if ('label' in el) f.parts.push(unreadPart(el));
    else if ('text' in el) collectParts(view, el.text[0], el.text[1], f.parts);
    else {
      const had = f.messages;
      // Each key as a message's content is read in place (its role counted, an image part named, `role` / `type`
      // values passed over: keys.ts readKey, parts.ts collectParts).
      for (const r of el.sets) if (!ktReadArraySet(view, c, f, r, before, depth + 1)) readKey(view, f, r[0], r[0], r[1], 'content');
      for (const u of el.unread) f.parts.push(unreadPart(u));
      // A message with no role key (a Gemini `contents` entry) is one message still.
      if (messages && f.messages === had) f.messages++;
    }
  }
}

/** The elements of the array value toks[a, e): written in place, or a name bound to one before toks[before]. */
function arrayValue(c: Ctx, a: number, e: number, before: number): Element[] | undefined {
  const { toks } = c;
  if (e === a + 1 && isId(toks[a])) {
    const def = assignmentBefore(c, toks[a].v, before);
    if (def < 0) return undefined;
    const made = arrayAt(c, def, before);
    return made && [...made, ...statements(c, toks[a].v, def, before)];
  }
  return arrayAt(c, a, before, e);
}

/** The elements of the array expression at toks[i] (ending at toks[end] when given); undefined when it is none. */
function arrayAt(c: Ctx, i: number, before: number, end?: number): Element[] | undefined {
  const { toks, match } = c;
  if (!isId(toks[i]) || isP(toks[i - 1], '.')) return undefined;
  if (toks[i].v === 'buildJsonArray' && isP(toks[i + 1], '{') && match[i + 1] > i) return end === undefined || end === match[i + 1] + 1 ? blockElements(c, i + 1, before) : undefined;
  // `org.json.JSONArray()`: its package written.
  const cls = ktClassAt(c, i);
  if (!KT_ARRAYS.has(toks[cls].v) || !isP(toks[cls + 1], '(') || match[cls + 1] !== cls + 2) return undefined;
  const out: Element[] = [];
  let k = cls + 3;
  // `.apply { add(x) }` / `.also { it.add(x) }` blocks and `.put(x)` links.
  for (let n = 0; n < MAX_ELEMENTS && isP(toks[k], '.') && isId(toks[k + 1]); n++) {
    const fn = toks[k + 1].v;
    if ((fn === 'apply' || fn === 'also') && isP(toks[k + 2], '{') && match[k + 2] > k) {
      out.push(...blockElements(c, k + 2, before, fn === 'also' ? 'it' : undefined));
      k = match[k + 2] + 1;
    } else if ((fn === 'put' || fn === 'add') && isP(toks[k + 2], '(') && match[k + 2] > k + 3) {
      out.push(element(c, k + 3, match[k + 2], before));
      k = match[k + 2] + 1;
    } else break;
  }
  return end === undefined || end === k ? out : undefined;
}

/** The elements a block adds (`add(x)` / `put(x)`, `it.add(x)` in `also`, kotlinx `addJsonObject { … }`); any other
 * statement (a loop, a branch, a call) is named as run time by its first line. */
function blockElements(c: Ctx, open: number, before: number, receiver?: string): Element[] {
  const { toks, match } = c;
  const out: Element[] = [];
  for (let k = open + 1; k < match[open] && out.length < MAX_ELEMENTS; k++) {
    const fn = receiver && toks[k].v === receiver && isP(toks[k + 1], '.') ? k + 2 : receiver || isP(toks[k - 1], '.') ? -1 : k;
    if (fn >= 0 && isId(toks[fn]) && toks[fn].v === 'addJsonObject' && isP(toks[fn + 1], '{') && match[fn + 1] > fn) {
      out.push({ sets: ktBlockSets(c, fn + 1), unread: [] });
      k = match[fn + 1];
      continue;
    }
    if (fn >= 0 && isId(toks[fn]) && (toks[fn].v === 'add' || toks[fn].v === 'put') && isP(toks[fn + 1], '(') && match[fn + 1] > fn + 2) {
      out.push(element(c, fn + 2, match[fn + 1], before));
      k = match[fn + 1];
      continue;
    }
    if (startsStatement(c, k, open)) out.push(lineAt(c, k));
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  return out;
}

/** `name.add(x)` / `name.put(x)` statements between the array's making (toks[from]) and toks[before]: read when at the
 * making's own level, named as run time inside a loop or a branch. */
function statements(c: Ctx, name: string, from: number, before: number): Element[] {
  const { toks, match } = c;
  const out: Element[] = [];
  for (let k = from; k < before && out.length < MAX_ELEMENTS; k++) {
    if (toks[k].v !== name || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.') || !(toks[k + 2]?.v === 'add' || toks[k + 2]?.v === 'put') || !isP(toks[k + 3], '(') || !(match[k + 3] > k + 4)) continue;
    out.push(nested(c, from, k) ? lineAt(c, k) : element(c, k + 4, match[k + 3], before));
    k = match[k + 3];
  }
  return out;
}

/** One element, the argument toks[a, e). */
function element(c: Ctx, a: number, e: number, before: number): Element {
  const { toks } = c;
  if (e === a + 1 && toks[a].t === T.Str) return { text: [a, e] };
  if (e === a + 1 && isId(toks[a])) {
    const def = assignmentBefore(c, toks[a].v, a);
    const sets = def >= 0 ? objectSets(c, def) : undefined;
    if (sets) return { sets: [...sets, ...putRanges(c, toks[a].v, def, before)], unread: unreadOf(c, def) };
  } else {
    const sets = objectSets(c, a);
    if (sets && exprEnd(c, a) >= e) return { sets, unread: unreadOf(c, a) };
  }
  return { label: `${c.text.slice(toks[a].start, toks[e - 1].end).split('\n')[0]} (built at run time)`, start: toks[a].start, end: toks[e - 1].end };
}

/** The key ranges of the object made at toks[i], or undefined when it is none. */
function objectSets(c: Ctx, i: number): KeyRange[] | undefined {
  return ktFilledRanges(c, i) ?? (ktEmptyObjectAt(c, i) ? [] : undefined);
}

const unreadOf = (c: Ctx, i: number): Unread[] => ktUnreadSets(c, i);

/** Whether toks[k] is inside a block opened after toks[from] (a loop's, a branch's, a lambda's). */
function nested(c: Ctx, from: number, k: number): boolean {
  const { toks, match } = c;
  for (let j = from; j < k; j++) {
    if ((isP(toks[j], '{') || isP(toks[j], '(') || isP(toks[j], '[')) && match[j] > j) {
      if (match[j] > k) return true;
      j = match[j];
    }
  }
  return false;
}

/** Whether toks[k] starts a statement of the block opened at toks[open]: first in it, or after `;` or a line end. */
function startsStatement(c: Ctx, k: number, open: number): boolean {
  const { toks, text } = c;
  if (!isId(toks[k])) return false;
  if (k === open + 1 || isP(toks[k - 1], ';')) return true;
  const p = toks[k - 1];
  return (p.t === T.Id || isP(p, '}') || isP(p, ')') || p.t === T.Str || p.t === T.Num) && text.slice(p.end, toks[k].start).includes('\n');
}

/** A statement not read, named by its first line (short), known at run time. */
function lineAt(c: Ctx, k: number): Unread {
  const start = c.toks[k].start;
  const line = c.text.slice(start, start + 80).split('\n')[0].trimEnd();
  // `history.forEach { m -> add(…) }` is named `history.forEach { … }`.
  const brace = line.indexOf('{');
  const head = brace > 0 ? `${line.slice(0, brace).trimEnd()} { … }` : line.length > 60 ? `${line.slice(0, 57)}…` : line;
  return { label: `${head} (built at run time)`, start, end: start + line.length };
}

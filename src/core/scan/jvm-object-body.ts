// The reader of a JVM request body made as a Map (`Map.of(…)`, a `new HashMap<>()` filled by `put`, jvm-map-body.ts) or
// with a constructor (jvm-ctor-body.ts), for the plain HTTP senders of http-jvm.ts.
import { isId } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';
import { emptyMapAt, mapFactoryAt, mapView, putRanges, unreadPuts } from './jvm-map-body';
import { constructionAt, readConstruction } from './jvm-ctor-body';
import { walkKeys, type Found } from './keys';
import { nodeMessages } from './jvm-object-node';
import { ktHelperReader } from './kotlin-helper-body';
import { javaHelperReader } from './jvm-helper-body';
import { ktEmptyObjectAt, ktFilledRanges, ktUnreadSets, type KeyRange } from './kotlin-json-body';
import { readBranchedSets } from './kotlin-json-branches';
import { collectParts } from './parts';
import { ktReadArraySet, ktReadBuilderArray } from './kotlin-json-array';

/** The reader of a body made as a Map or with a constructor, bound to a name or written in the call; else none. */
export function objectReader(c: Ctx, [a, e]: [number, number], before: number): ((f: Found) => void) | undefined {
  const ranges = mapRanges(c, [a, e], before);
  if (ranges?.length) {
    const view = mapView(c);
    // Kotlin's `"model" to m`: the keystroke path keeps the infix word live (an edit of it unmakes the key).
    if (c.syn.id === 'kotlin') c.readNames?.add('to');
    // A field set otherwise (an ObjectNode's `putArray("messages").add(m)`): named as known at run time.
    const def = e === a + 1 && isId(c.toks[a]) ? assignmentBefore(c, c.toks[a].v, before) : -1;
    // Its messages array's elements, read as messages (jvm-object-node.ts).
    const read = def >= 0 ? nodeMessages(c, c.toks[a].v, def, before) : undefined;
    const unread: { start: number; end: number; label: string; key?: number; open?: number }[] = def >= 0 ? [...unreadPuts(c, c.toks[a].v, def, before).filter((u) => !read || u.start !== c.toks[read.at].start), ...ktUnreadSets(c, def)] : [];
    return (f) => {
      // A messages array (Kotlin's `add("messages", arr)`, `putJsonArray("messages") { … }`): element by element.
      // Keys set in an `if`'s arms: sent on some paths only (kotlin-json-branches.ts).
      // Gson's `json.add("messages", arr)` is a `put` range too: its elements are read below instead.
      readBranchedSets(f, read ? ranges.filter((r) => r[0] !== read.at + 4) : ranges, (into, r) => {
        if (!ktReadArraySet(view, c, into, r, before)) walkKeys(view, into, r[0], r[1]);
      });
      for (const message of read?.messages ?? []) {
        f.messages++;
        const parts = () => {
          for (const [from, to] of message) collectParts(view, from, to, f.parts);
        };
        if (message.under) message.under(parts);
        else parts();
      }
      for (const u of unread) if (!(u.open !== undefined && u.key !== undefined && u.open >= 0 && ktReadBuilderArray(view, c, f, u.key, u.open, before))) f.parts.push({ text: '', span: { start: u.start, end: u.end }, resolved: false, label: u.label });
    };
  }
  const def = e === a + 1 && isId(c.toks[a]) ? assignmentBefore(c, c.toks[a].v, before) : a;
  const made = def >= 0 ? constructionAt(c, def) : undefined;
  // Kotlin's `val payload = createPayload(input)`: the construction the helper returns (kotlin-helper-body.ts).
  const helper = !made && def >= 0 && def !== a ? ktHelperReader(c, def) : undefined;
  if (helper) return (f) => void helper(f);
  // Java `ofString(buildRequest(system, user))`: the body the class's own method builds (jvm-helper-body.ts).
  const built = !made && def >= 0 && (def !== a || c.match[def + 1] === e - 1 || c.match[def + 3] === e - 1) ? javaHelperReader(c, def, objectReader) : undefined;
  if (built) return built;
  if (!made || (def === a && c.match[made.open] !== e - 1)) return undefined;
  return (f) => {
    if (readConstruction(c, f, made.cls, made.open)) f.request = { start: def, end: c.match[made.open] + 1 };
  };
}

/** The ranges a Map body's keys are written in (jvm-map-body.ts): the factory's arguments, or the `put`s before the call. */
function mapRanges(c: Ctx, [a, e]: [number, number], before: number): KeyRange[] | undefined {
  if (mapFactoryAt(c, a)) return [[a, e]];
  if (e !== a + 1 || !isId(c.toks[a])) return undefined;
  const def = assignmentBefore(c, c.toks[a].v, before);
  if (def < 0) return undefined;
  if (mapFactoryAt(c, def)) return [[def, valueEnd(c, def, c.toks.length)]];
  // Kotlin's `JsonObject().apply { addProperty(…) }`, `JSONObject().put(…)`, `buildJsonObject { put(…) }`; then any
  // `body.put(…)` statements after it.
  const filled = ktFilledRanges(c, def);
  // Read away from the call, up to its last set: an edit of an arm's value (`300` -> `3x00`) changes the limit's others.
  if (filled) c.read?.push({ start: c.toks[def].start, end: c.toks[Math.max(...filled.map((r) => r[1]))].end });
  if (filled) return [...filled, ...putRanges(c, c.toks[a].v, def, before)];
  return emptyMapAt(c, def) || ktEmptyObjectAt(c, def) ? putRanges(c, c.toks[a].v, def, before) : undefined;
}

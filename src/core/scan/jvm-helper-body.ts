// A Java request body made by a method of the same class: `ofString(buildRequest(systemPrompt, userPrompt))`, or
// `String requestBody = buildRequest(…);` posted as `ofString(requestBody)`, the method building a Jackson ObjectNode
// (or a Map) filled by `put` and returning `payload.toString()`, `mapper.writeValueAsString(payload)` or `payload`.
// The body is read in the method as jvm-object-body.ts reads one built where it is sent, the method's parameters bound
// to the call's arguments (arg-frames.ts), so a prompt passed down from a caller is that caller's. Seen in held43 M1
// hitosh308/recipemaker OpenAiClient.java (`buildRequest(systemPrompt, userPrompt)` posted with java.net.http).
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { exprEnd } from './body-ends';
import { evaluate } from './evaluate';
import { tables } from './scope';
import { fnSpan } from './function-forms';
import { withArgs } from './arg-frames';
import { returned } from './jvm-param-requests';
import { assignmentBefore } from './definitions';
import type { Found } from './keys';
import type { Ctx } from './values';

/** The encodings a returned body passes through: `payload.toString()`, `mapper.writeValueAsString(payload)`. */
const ENCODERS = new Set(['writeValueAsString', 'toJson']);

/**
 * The reader of the body the same-class method called at toks[def] builds (`helper(args)` or `this.helper(args)` is the
 * whole value there), read by `inner` at the name the method returns; undefined when toks[def] is no such call.
 */
export function javaHelperReader(c: Ctx, def: number, inner: (oc: Ctx, at: [number, number], before: number) => ((f: Found) => void) | undefined): ((f: Found) => void) | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'java') return undefined;
  const m = toks[def]?.v === 'this' && isP(toks[def + 1], '.') ? def + 2 : def;
  if (!isId(toks[m]) || !/^[a-z_]/.test(toks[m].v) || (m === def && isP(toks[def - 1], '.')) || !isP(toks[m + 1], '(')) return undefined;
  const end = exprEnd(c, def);
  if (match[m + 1] !== end - 1) return undefined;
  // A method declared below the call: a prefix cut before it must not keep the call (editor/prefix.ts).
  c.forward?.add(toks[m].v);
  const fns = tables(c).fns.get(toks[m].v);
  const fn = fns?.length === 1 ? fns[0] : undefined;
  // The method's extent is read even when it yields nothing: a prefix cut through its body must not keep the call.
  if (fn) c.read?.push(fnSpan(toks, fn));
  const ret = fn && returned(c, fn);
  const name = ret !== undefined ? returnedName(c, ret) : -1;
  if (!fn || name < 0) return undefined;
  // A context of its own (its request memo holds no other caller's arguments).
  const oc: Ctx = { ...c, requests: undefined };
  const read = inner(oc, [name, name + 1], ret!);
  if (!read) return undefined;
  const list = args(c, m + 1, match[m + 1]);
  const given = { list, value: (n: number) => evaluate(c, list[n].from, list[n].to, 1) };
  return (f) => {
    withArgs(oc, fn, given, () => void read(f));
    // Where the request is built: the call of the method (the row's requestLine when it is on another line).
    f.request = { start: def, end };
    // The keystroke path keeps the call and the method live: an edit of either changes the body.
    c.read?.push({ start: toks[def].start, end: toks[end - 1].end });
    c.read?.push(fnSpan(toks, fn));
  };
}

/** The name a `return` at toks[r] hands back: `payload;`, `payload.toString();`, `mapper.writeValueAsString(payload);`,
 * `json;` bound to `mapper.writeValueAsString(payload)`. */
function returnedName(c: Ctx, r: number): number {
  const { toks, match } = c;
  if (!isId(toks[r])) return -1;
  if (isP(toks[r + 1], ';')) {
    // `String json = objectMapper.writeValueAsString(requestBody); log…; return json;` (akhenaton05/telegram-gpt-bot
    // AnthropicClient.java:90): the name encoded.
    const d = assignmentBefore(c, toks[r].v, r);
    if (d >= 0 && isId(toks[d]) && isP(toks[d + 1], '.') && ENCODERS.has(toks[d + 2]?.v ?? '') && isP(toks[d + 3], '(') && match[d + 3] === d + 5 && isId(toks[d + 4])) return d + 4;
    return r;
  }
  if (isP(toks[r + 1], '.') && toks[r + 2]?.v === 'toString' && isP(toks[r + 3], '(') && isP(toks[r + 4], ')') && isP(toks[r + 5], ';')) return r;
  if (isP(toks[r + 1], '.') && ENCODERS.has(toks[r + 2]?.v ?? '') && isP(toks[r + 3], '(') && match[r + 3] === r + 5 && isId(toks[r + 4]) && isP(toks[r + 6], ';')) return r + 4;
  return entityOf(c, r);
}

/** `return new HttpEntity<>(request.toString(), headers);` (pmrochko/telegram-gpt-chat-service ChatGptServiceImpl.java:91):
 * the name the entity carries, as `payload` or `payload.toString()`. */
function entityOf(c: Ctx, r: number): number {
  const { toks, match } = c;
  if (toks[r]?.v !== 'new' || toks[r + 1]?.v !== 'HttpEntity') return -1;
  let o = r + 2;
  while (o < r + 12 && (isP(toks[o], '<') || isP(toks[o], '>') || isP(toks[o], '>>') || isP(toks[o], ',') || isP(toks[o], '.') || isId(toks[o]))) o++;
  if (!isP(toks[o], '(') || !(match[o] > o) || !isP(toks[match[o] + 1], ';')) return -1;
  const a = args(c, o, match[o]).filter((x) => !x.key)[0];
  if (!a || !isId(toks[a.from])) return -1;
  const n = a.to - a.from;
  return n === 1 || (n === 5 && isP(toks[a.from + 1], '.') && toks[a.from + 2].v === 'toString' && isP(toks[a.from + 3], '(') && isP(toks[a.from + 4], ')')) ? a.from : -1;
}

// A PHP request array built in pieces before openai-php/client's `->chat()->create($params)`: elements set one by one
// (`$params['model'] = 'gpt-4o'; $params['max_tokens'] = 500;`, PHP creates the array on the first such assignment)
// and arrays joined with `array_merge($defaults, ['messages' => $messages])`, whose later string keys replace the
// earlier ones (php.net array_merge: "If the input arrays have the same string keys, then the later value for that
// key will overwrite the previous one"). A piece known only at run time (a parameter, a property) may hold any key:
// what comes before it is not trusted, and the limit stays run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { exprEnd, tables } from './scope';
import { walkKeys, readKey, type Found } from './keys';
import { pushParts } from './parts';
import { mergeCounts } from './links';
import { assignmentBefore } from './definitions';
import type { Request } from './request-defs';

/** Tokens searched back from a use for the variable's element assignments. */
const MAX_BACK = 4000;
/** Nested `array_merge` / variables followed at most. */
const MAX_DEPTH = 4;

interface Piece {
  found?: Found;
  /** Known only at run time (may hold any key). */
  runtime?: boolean;
}

/**
 * `def`, the value token assignmentBefore found for `name`, unless it is an empty array default of a parameter
 * (`private function send(string $path, array $payload = [])`, xgerhard/XGPT `$post = []`): -1 then, a placeholder
 * its callers fill, so the request is read where they pass it (jvm-param-requests.ts), as a parameter without one is.
 */
export function phpPlaceholder(c: Ctx, name: string, def: number): number {
  if (c.syn.id !== 'php' || def < 0 || !isP(c.toks[def], '[') || c.match[def] !== def + 1) return def;
  return (tables(c).binds.get(name) ?? []).some((b) => b.kind === 'param' && b.value === def) ? -1 : def;
}

/**
 * The request a PHP argument toks[a, e) builds in pieces (`array_merge(…)`, or a variable set element by element):
 * undefined when it is neither (the ordinary request reading applies).
 */
export function phpRequest(c: Ctx, a: number, e: number, callStart: number): Request | undefined {
  if (c.syn.id !== 'php') return undefined;
  const { toks } = c;
  const merged = toks[a].v === 'array_merge' && isP(toks[a + 1], '(') && c.match[a + 1] === e - 1;
  const bare = e === a + 1 && isId(toks[a]) && toks[a].v.startsWith('$');
  // Messages the pieces' lists hold are counted on the context (parts.ts): only for a request taken here, and once
  // (the test below reads the element sets too: a `$messages[] = …` list was counted twice, two messages' framing).
  const counted = c.listMessages;
  const built = merged || (bare && (elementSets(c, toks[a].v, callStart) || mergedDef(c, toks[a].v, callStart)));
  c.listMessages = counted;
  if (!built) return undefined;
  const p = piece(c, a, e, callStart, 0, true);
  // Nothing but what run time brings: left to the ordinary reading, which names it.
  if (!p.found || (p.runtime && !p.found.model)) {
    c.listMessages = counted;
    return undefined;
  }
  // A piece known only at run time may hold the limit: never "add a limit".
  if (p.runtime && !p.found.limit) p.found.limitUnresolved ??= `${c.text.slice(toks[a].start, toks[e - 1].end).replace(/\s+/g, ' ').slice(0, 60)} (built at run time)`;
  return { found: p.found, start: a, end: e - 1 };
}

function mergedDef(c: Ctx, name: string, before: number): boolean {
  const def = assignmentBefore(c, name, before);
  return def >= 0 && c.toks[def].v === 'array_merge' && isP(c.toks[def + 1], '(');
}

/** The value toks[a, e) gives as a piece of a request; `inCall` when written in the call's own arguments, whose
 * prompt the call reads itself (only the model and limit are taken from it here). */
function piece(c: Ctx, a: number, e: number, before: number, depth: number, inCall = false): Piece {
  const { toks, match } = c;
  if (depth > MAX_DEPTH) return { runtime: true };
  // `[ 'model' => …, … ]`, `array(…)`.
  const open = isP(toks[a], '[') ? a : toks[a].v === 'array' && isP(toks[a + 1], '(') ? a + 1 : -1;
  if (open >= 0 && match[open] === e - 1) {
    const found: Found = { parts: [], messages: 0 };
    walkKeys(c, found, open + 1, e - 1);
    if (!inCall) return { found };
    const { model, modelKeyIdx, modelEnd, limit, limitUnresolved } = found;
    return { found: { parts: [], messages: 0, model, modelKeyIdx, modelEnd, limit, limitUnresolved } };
  }
  if (toks[a].v === 'array_merge' && isP(toks[a + 1], '(') && match[a + 1] === e - 1) {
    const pieces: Piece[] = [];
    for (let k = a + 2; k < e - 1; ) {
      const end = valueEnd(c, k, e - 1);
      if (end <= k) break;
      pieces.push(piece(c, k, end, before, depth + 1, inCall));
      k = end + 1;
    }
    return join(pieces);
  }
  if (e === a + 1 && isId(toks[a]) && toks[a].v.startsWith('$')) {
    const name = toks[a].v;
    const def = assignmentBefore(c, name, before);
    // A parameter's default (`$options = []`) is what callers may replace: known only at run time.
    if (def >= 0 && inParams(c, def)) return { runtime: true };
    const base: Piece = def < 0 ? {} : piece(c, def, exprEnd(c, def), def, depth + 1);
    const sets = elementSets(c, name, before, def);
    if (def < 0 && !sets) return { runtime: true };
    return sets ? join([base, sets]) : base;
  }
  return { runtime: true };
}

/** Is token `at` inside a function's parameter list (`function f($a, $options = [])`)? */
function inParams(c: Ctx, at: number): boolean {
  const { toks, match } = c;
  for (let k = at - 1; k >= 0 && k > at - 200; k--) {
    if (isP(toks[k], '{') || isP(toks[k], ';')) return false;
    if (isP(toks[k], '(') && match[k] > at) return toks[k - 1]?.v === 'function' || toks[k - 2]?.v === 'function';
  }
  return false;
}

/** `$name['key'] = value;` statements before the use (after its definition `def`, else from the enclosing function). */
function elementSets(c: Ctx, name: string, before: number, def = -1): Piece | undefined {
  const { toks } = c;
  let from = def;
  if (from < 0) for (from = before - 1; from > 0 && from > before - MAX_BACK && toks[from].v !== 'function'; from--);
  const found: Found = { parts: [], messages: 0 };
  let any = false;
  let runtime = false;
  for (let k = Math.max(0, from); k < before; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '[') || (k > 0 && (isP(toks[k - 1], '->') || isP(toks[k - 1], '::')))) continue;
    const close = c.match[k + 1];
    // `$settings['messages'][] = $question;` between two calls (held-out 38 C06, steinhaug/KISTA-AI): one more message.
    const pushed = close > 0 && isP(toks[close + 1], '[') && isP(toks[close + 2], ']') && isP(toks[close + 3], '=');
    if (pushed && close === k + 3 && toks[k + 2].t === T.Str) {
      any = true;
      // One message more, whichever count holds the list's (its literal's roles, or a list variable's items).
      const [roles, listed] = [found.messages, c.listMessages ?? 0];
      readKey(c, found, k + 2, close + 4, exprEnd(c, close + 4));
      [found.messages, c.listMessages] = [roles + 1, listed ? listed + 1 : listed];
      continue;
    }
    if (close < 0 || !isP(toks[close + 1], '=')) continue;
    // `$p[$key] = …`: any key, known only at run time.
    if (close !== k + 3 || toks[k + 2].t !== T.Str) {
      runtime = true;
      continue;
    }
    any = true;
    readKey(c, found, k + 2, close + 2, exprEnd(c, close + 2));
  }
  return any ? { found, runtime } : runtime ? { runtime: true } : undefined;
}

/** Pieces joined in order: a later model or limit replaces an earlier one; one known only at run time hides what
 * comes before it (its keys may replace them), and leaves the limit run time when none is set after it. */
function join(pieces: Piece[]): Piece {
  const found: Found = { parts: [], messages: 0 };
  let runtime = false;
  for (const p of pieces) {
    if (p.runtime) {
      runtime = true;
      found.model = undefined;
      found.limit = undefined;
    }
    const f = p.found;
    if (!f) continue;
    if (f.model) [found.model, found.modelKeyIdx, found.modelEnd] = [f.model, f.modelKeyIdx, f.modelEnd];
    if (f.limit) [found.limit, found.limitUnresolved] = [f.limit, undefined];
    else if (f.limitUnresolved) [found.limit, found.limitUnresolved] = [undefined, f.limitUnresolved];
    pushParts(found.parts, f.parts);
    found.messages += f.messages;
    mergeCounts(found, f);
  }
  return { found, runtime };
}

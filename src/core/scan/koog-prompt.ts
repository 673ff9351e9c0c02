// Koog's prompt DSL, read where an executor sends it (call-shapes-koog.ts): `executor.execute(p, model)` with
// `val p = prompt("id", params = LLMParams(maxTokens = 500)) { system(SYSTEM); user("…$x") }`, or the prompt
// returned by the class's own function (`prompt = buildPrompt(snapshot)`, `fun buildPrompt(…): Prompt = prompt(…) {…}`).
// Koog: prompt-model dsl/PromptBuilder.kt system(String) / user(String) / assistant(String); dsl/Prompt.kt prompt(id,
// params) { … }; params/LLMParams.kt maxTokens (https://github.com/JetBrains/koog).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { keyAt, type Ctx } from './values';
import { valueEnd } from './value-end';
import { readKey, walkKeys, type Found } from './keys';
import { LATER } from './links';

/** The DSL's message builders, read as the message wrappers they are (keys.ts MESSAGE_WRAPPERS). */
const BUILDERS: Record<string, string> = { system: 'systemmessage', user: 'usermessage', assistant: 'assistantmessage' };
/** Tokens searched for the function that returns the prompt. */
const MAX_SEARCH = 200_000;

/**
 * Reads the prompt the call at [from, to) sends, when it is one written with the DSL in this file: its messages and its
 * params, then the call's other arguments. False when it is not (the caller walks the arguments as any call's).
 */
export function koogPrompt(c: Ctx, f: Found, sdk: string, from: number, to: number, first: number): boolean {
  if (sdk !== 'Koog') return false;
  const { toks } = c;
  // The prompt: the argument named `prompt`, else the first.
  let at = from;
  for (let k = from; k < to; k = valueEnd(c, k, to) + 1) {
    const sep = keyAt(c, k);
    if (sep > 0 && toks[k].v === 'prompt') { at = sep + 1; break; }
  }
  const argEnd = valueEnd(c, at, to);
  const dsl = dslAt(c, at, argEnd, first);
  if (dsl < 0) return false;
  readDsl(c, f, dsl);
  const start = at > from && isP(toks[at - 1], '=') ? at - 2 : at;
  if (start > from) walkKeys(c, f, from, start);
  if (argEnd + 1 < to) walkKeys(c, f, argEnd + 1, to);
  return true;
}

/** Index of `prompt` in `prompt(…) {` that the argument [at, end) is, holds, or returns; -1 if none. */
function dslAt(c: Ctx, at: number, end: number, first: number): number {
  const { toks, match } = c;
  if (isDsl(c, at)) return at;
  if (!isId(toks[at])) return -1;
  // A local: `val p = prompt(…) { … }`.
  if (at + 1 === end) {
    const v = assignmentBefore(c, toks[at].v, first);
    return v >= 0 && isDsl(c, v) ? v : -1;
  }
  // The class's own function: `fun name(…): Prompt = prompt(…) {…}` or `{ return prompt(…) {…} }`.
  if (!isP(toks[at + 1], '(') || match[at + 1] !== end - 1) return -1;
  const name = toks[at].v;
  // Defined after a prefix's cut, maybe, or cut in its body: editor/prefix.ts leaves the call to the full analysis.
  c.readNames?.add(name);
  c.forward?.add(name).add(LATER + name);
  for (let k = 1; k + 2 < toks.length && k < MAX_SEARCH; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'fun' || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    let b = match[k + 1] + 1;
    for (let n = 0; n < 16 && b < toks.length && !isP(toks[b], '=') && !isP(toks[b], '{'); n++) b++;
    const dsl = isP(toks[b], '=') ? (isDsl(c, b + 1) ? b + 1 : -1) : !isP(toks[b], '{') || !(match[b] > b) ? -1 : returned(c, b);
    // Read away from the call: a prefix cut inside the body leaves the call to the full analysis (editor/prefix.ts).
    const last = dsl >= 0 ? match[match[dsl + 1] + 1] : isP(toks[b], '{') ? match[b] : -1;
    c.read?.push({ start: toks[k].start, end: last > 0 ? toks[last].end : c.text.length });
    return dsl;
  }
  return -1;
}

/** The `prompt(…) {…}` a block body returns, or -1. */
function returned(c: Ctx, open: number): number {
  for (let j = open + 1; j < c.match[open]; j++) if (c.toks[j].v === 'return' && isDsl(c, j + 1)) return j + 1;
  return -1;
}

/** `prompt(…) {` at i. */
function isDsl(c: Ctx, i: number): boolean {
  const { toks, match } = c;
  return toks[i]?.v === 'prompt' && isId(toks[i]) && isP(toks[i + 1], '(') && match[i + 1] > i && isP(toks[match[i + 1] + 1], '{');
}

/** The params given to `prompt(…)` and the messages its block builds. */
function readDsl(c: Ctx, f: Found, at: number): void {
  const { toks, match } = c;
  const close = match[at + 1];
  // `prompt("id", params = LLMParams(maxTokens = 500))`: the id is no prompt text.
  for (let k = at + 2; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep > 0 && toks[k].v === 'params') walkKeys(c, f, sep + 1, valueEnd(c, sep + 1, close));
  }
  const open = close + 1, end = match[open];
  for (let k = open + 1; k < end; k++) {
    const role = BUILDERS[toks[k].v];
    if (!role || !isId(toks[k]) || isP(toks[k - 1], '.') || !(match[k + 1] > k)) continue;
    // `user { content { markdown { +"…" } }; attachments { … } }`: text and files built by nested builders, not read.
    if (isP(toks[k + 1], '{')) f.parts.push({ text: '', span: { start: toks[k].start, end: toks[match[k + 1]].end }, resolved: false, label: `${toks[k].v} { … } (built by the prompt DSL)` });
    if (isP(toks[k + 1], '{')) k = match[k + 1];
    else if (isP(toks[k + 1], '(')) k = readKey(c, f, k, k + 2, match[k + 1], role);
  }
}

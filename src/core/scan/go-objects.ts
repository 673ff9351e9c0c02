// Go SDK objects configured after they are made, and the guards Go rows need. The Google AI Go SDK before Gen AI
// (github.com/google/generative-ai-go genai/client.go, content.go; Vertex AI's Go SDK has the same API) makes the model
// object with `client.GenerativeModel(name)` and sets its limit and system instruction on it afterwards:
// `model.SetMaxOutputTokens(n)`, `model.MaxOutputTokens = &n`, `model.GenerationConfig = genai.GenerationConfig{…}`,
// `model.SystemInstruction = genai.NewUserContent(genai.Text("…"))`. A chat session is made of it by
// `cs := model.StartChat()`.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { argIndex, readNumber, valueEnd, type Ctx } from './values';
import { collectParts, pushParts } from './parts';
import { requestAt } from './request-defs';
import { walkKeys, type Found } from './keys';
import { containerValue } from './nested-limit';
import { exprEnd } from './body-ends';
import { assignmentBefore } from './definitions';

/**
 * Does the file hold one of the SDK's import paths? Memoised per scan: asked at each anchor a Go file matches. The
 * file's import declarations are then live for the editor (an edit there can add or remove the SDK).
 */
export function importsSdk(c: Ctx, paths: string[]): boolean {
  if (!c.imported) {
    c.imported = new Map<string, boolean>();
    importSpans(c);
  }
  const memo = c.imported;
  const key = paths[0];
  let v = memo.get(key);
  if (v === undefined) {
    v = false;
    for (const p of paths) {
      // JavaScript quotes a module either way (`from '@huggingface/inference'`); Go only with `"`.
      let at = c.text.indexOf(`"${p}`);
      if (at < 0 && c.syn.id === 'javascript') at = c.text.indexOf(`'${p}`);
      if (at < 0) continue;
      // The path itself is read: with the import keyword mistyped no import block is recorded, and an edit of the path
      // must still take the full analysis (incremental.test's random edits on go/oci_genai.go).
      c.read?.push({ start: at, end: at + p.length + 1 });
      v = true;
      break;
    }
    memo.set(key, v);
  }
  return v;
}

/** Records `import "…"` and `import ( … )` as read (ScanState.read). */
function importSpans(c: Ctx): void {
  const { toks, match } = c;
  if (!c.read) return;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'import') continue;
    const end = isP(toks[k + 1], '(') && match[k + 1] > k ? match[k + 1] : k + 1;
    c.read.push({ start: toks[k].start, end: toks[end].end });
    k = end;
  }
}

/** A request whose body is the model's own JSON (Bedrock InvokeModel): its limit and prompt are known at run time. */
export function opaqueBody(f: Found, label: string, at: { start: number; end: number }): void {
  if (!f.limit) f.limitUnresolved ??= label;
  if (!f.parts.length) f.parts.push({ text: '', span: { start: at.start, end: at.end }, resolved: false, label });
}

/**
 * `cs := model.StartChat()`: the name the object is made from (`model`), when `name` is assigned a call of one of
 * `methods` on a plain name before `before`.
 */
export function madeFromName(c: Ctx, name: string, methods: string[], before: number): string | undefined {
  const { toks } = c;
  const def = assignmentBefore(c, name, before);
  if (def < 0 || !isId(toks[def]) || !isP(toks[def + 1], '.') || !isId(toks[def + 2]) || !isP(toks[def + 3], '(')) return undefined;
  return methods.includes(toks[def + 2].v) ? toks[def].v : undefined;
}

/** Setter methods and fields of the legacy model object that give its output limit (genai/content.go). */
const LIMIT_SETTERS = new Set(['SetMaxOutputTokens']);
const LIMIT_FIELDS = new Set(['MaxOutputTokens']);

/**
 * Reads the settings made on the object named `name` between its construction (ending at token `from`) and the call
 * (token `to`): its output limit and its system instruction. An object handed to a helper there (`configure(model)`)
 * may be given its limit by it: then the limit is run time, never "none".
 */
export function readSetters(c: Ctx, f: Found, name: string, from: number, to: number): void {
  const { toks } = c;
  let setHere = false;
  let handed = -1;
  // Every statement between is read (a setter's name, a helper the object is handed to): kept live as the
  // evaluator's reads are, or renaming `SetMaxOutputTokens` would keep the limit it set.
  if (to > from) c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  for (let k = from; k < to; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if ((isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ')') || isP(toks[k + 1], ','))) handed = k;
    if (!isP(toks[k + 1], '.')) continue;
    // `model.X` or `model.GenerationConfig.X`.
    let m = k + 2;
    if (toks[m]?.v === 'GenerationConfig' && isP(toks[m + 1], '.')) m += 2;
    const member = toks[m];
    if (!isId(member) || m + 2 >= to) continue;
    if (LIMIT_SETTERS.has(member.v) && isP(toks[m + 1], '(')) {
      setHere = true;
      const close = c.match[m + 1];
      limitFrom(c, f, m + 2, close < 0 ? to : close, member.v);
    } else if (isP(toks[m + 1], '=') && !isP(toks[m + 2], '=')) {
      // The statement's end: Go has no `;` before the next line's statement.
      const e = Math.min(exprEnd(c, m + 2), to);
      if (LIMIT_FIELDS.has(member.v)) {
        setHere = true;
        limitFrom(c, f, m + 2, e, member.v);
      } else if (member.v === 'GenerationConfig') {
        // `model.GenerationConfig = genai.GenerationConfig{…}` or a config kept in a variable.
        const inner: Found = { parts: [], messages: 0 };
        walkKeys(c, inner, m + 2, e);
        if (!inner.limit && !inner.limitUnresolved) containerValue(c, inner, m + 2, e, to);
        if (inner.limit || inner.limitUnresolved) setHere = true;
        if (inner.limit) [f.limit, f.limitUnresolved] = [inner.limit, undefined];
        else if (inner.limitUnresolved) [f.limit, f.limitUnresolved] = [undefined, inner.limitUnresolved];
      } else if (member.v === 'SystemInstruction') {
        collectParts(c, m + 2, e, f.parts);
        f.system = (f.system ?? 0) + 1;
      }
    }
  }
  if (!setHere && handed >= 0 && !f.limit && !f.limitUnresolved) {
    const fn = isP(toks[handed - 1], '(') ? toks[handed - 2] : undefined;
    f.limitUnresolved = `${name} (configured by ${fn && isId(fn) ? fn.v : 'a helper'})`;
  }
}

/** `SetMaxOutputTokens(int32(n))`, `MaxOutputTokens = &n`, `genai.Ptr[int32](n)`: a number, else run time. */
function limitFrom(c: Ctx, f: Found, start: number, end: number, key: string): void {
  const { toks } = c;
  if (start >= end) return;
  let k = start;
  // `&n`: the address of the value (`genai.Ptr[int32](n)` is read by readNumber).
  if (isP(toks[k], '&')) k++;
  const n = readNumber(c, k, end);
  if (n) {
    f.limit = { ...n, key };
    delete f.limitUnresolved;
  } else {
    delete f.limit;
    f.limitUnresolved = c.text.slice(toks[start].start, toks[Math.max(start, end - 1)].end);
  }
}

/**
 * The config object passed as the `n`-th positional argument (Google Gen AI `GenerateContent(ctx, model, contents,
 * config)`, `Chats.Create(ctx, model, config, history)`): a variable is followed to its definition (nested-limit.ts);
 * `nil` sets nothing.
 */
export function configArg(c: Ctx, f: Found, from: number, to: number, n: number, before: number): void {
  const a = configAt(c, from, to, n);
  if (a >= 0 && !f.limit && !f.limitUnresolved) containerValue(c, f, a, valueEnd(c, a, to), before);
}

/** A config variable's system instruction, placed before the call's own parts (an inline config was read with the
 * call's keys). */
export function configSystem(c: Ctx, f: Found, from: number, to: number, n: number, before: number): void {
  const a = configAt(c, from, to, n);
  if (a < 0 || !isId(c.toks[a]) || valueEnd(c, a, to) !== a + 1) return;
  const req = requestAt(c, assignmentBefore(c, c.toks[a].v, before));
  if (!req?.found.parts.length) return;
  const own = f.parts.splice(0);
  pushParts(f.parts, req.found.parts);
  pushParts(f.parts, own);
  if (req.found.system) f.system = (f.system ?? 0) + req.found.system;
}

/** The config argument's first token after `&`, or -1 when absent or `nil` / `null` (Java's and C#'s). */
function configAt(c: Ctx, from: number, to: number, n: number): number {
  let a = argIndex(c, from, to, n);
  if (a >= to) return -1;
  if (isP(c.toks[a], '&')) a++;
  return a >= to || c.toks[a]?.v === 'nil' || c.toks[a]?.v === 'null' ? -1 : a;
}

/**
 * `c.model.GenerateContent(…)` on an object a struct keeps in a field: the local the one composite literal of the file
 * that sets the field puts there, and that literal's key (`m := client.GenerativeModel(name); m.SetMaxOutputTokens(n);
 * return &writer{model: m}` in a constructor; phrazzld/thinktank internal/gemini/gemini_client.go newGeminiClient).
 * Two literals setting it, or one setting it to anything but a plain name: undefined.
 */
export function fieldHolder(c: Ctx, first: number): { name: string; at: number } | undefined {
  const { toks, match } = c;
  const f = first - 2;
  if (c.syn.id !== 'go' || !isId(toks[f]) || !isP(toks[f - 1], '.') || !isId(toks[f - 2]) || isP(toks[f - 3], '.')) return undefined;
  let found: { name: string; at: number } | undefined;
  for (let k = 1; k + 3 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== toks[f].v || !isP(toks[k + 1], ':') || !(isP(toks[k - 1], '{') || isP(toks[k - 1], ','))) continue;
    // In a literal `T{…}` / `&T{…}` (not a map of type keys or a switch case).
    let open = k - 1;
    while (open > 0 && !(isP(toks[open], '{') && match[open] > k)) open = match[open] >= 0 && match[open] < open ? match[open] - 1 : open - 1;
    if (!isId(toks[open - 1]) || toks[open - 1].v === 'struct' || toks[open - 1].v === 'interface') continue;
    if (found || !isId(toks[k + 2]) || !(isP(toks[k + 3], ',') || isP(toks[k + 3], '}'))) return undefined;
    found = { name: toks[k + 2].v, at: k };
  }
  return found;
}

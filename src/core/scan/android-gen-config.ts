// The output limit of an Android Gemini model made in Java or Kotlin with a generation config given by position or
// by name, read where the model is made (bound.ts):
// - Google AI client SDK `new GenerativeModel(modelName, apiKey, generationConfig, …)` (generative-ai-android b5d2e56
//   GenerativeModel.kt constructor(modelName: String, apiKey: String, generationConfig: GenerationConfig? = null, …));
//   its GenerationConfig.Builder keeps the limit in a field Java sets, `builder.maxOutputTokens = 400` (type/
//   GenerationConfig.kt `class Builder { @JvmField var maxOutputTokens: Int? = null … fun build() }`);
// - Firebase AI Logic `FirebaseAI.getInstance(backend).generativeModel(modelName, generationConfig, …)`, whose
//   Builder sets it with `setMaxOutputTokens(n)` (firebase-ai type/GenerationConfig.kt `public fun setMaxOutputTokens(
//   maxOutputTokens: Int?): Builder`).
// A config built where the scan can see it gives its limit, or none; one it cannot read (a helper's result, a
// parameter) leaves the limit to run time: never "add a limit" to a model whose config may hold one.
import { isId, isP } from '../lex/brackets';
import { argIndex, readNumber, valueEnd, type Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { builderEnd } from './chains';
import { builderAt } from './options-builders';
import { label } from './value';
import { kotlinObjectValue } from './kotlin-objects';

/** The limit the config argument of the model made at `open` (its `(`) sets, into `f` when `f` has none. */
export function geminiConfigLimit(c: Ctx, f: Found, open: number, close: number, before: number): void {
  const { toks } = c;
  const cls = toks[open - 1]?.v;
  if ((cls !== 'GenerativeModel' && cls !== 'generativeModel') || f.limit || f.limitUnresolved || close <= open + 1) return;
  // Kotlin's named arguments (`generationConfig = config`), else the positional one (Java's, or Kotlin's in order).
  let a = -1;
  let named = false;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '=')) continue;
    named = true;
    if (toks[k].v === 'generationConfig') a = k + 2;
  }
  if (a < 0 && !named) a = argIndex(c, open + 1, close, cls === 'GenerativeModel' ? 2 : 1);
  if (a < 0 || a >= close) return;
  configLimit(c, f, a, valueEnd(c, a, close), before, 0);
}

function configLimit(c: Ctx, f: Found, a: number, e: number, before: number, depth: number): void {
  const { toks, match } = c;
  if (toks[a]?.v === 'null' || e <= a) return;
  // `new GenerationConfig.Builder().setMaxOutputTokens(n)….build()`, in place.
  const b = builderAt(toks, a, 'GenerationConfig');
  if (b >= 0) return void setters(c, f, b + 3, builderEnd(c, b + 3));
  // Kotlin `generationConfig { maxOutputTokens = n }`: the key walk reads its block.
  if (toks[a].v === 'generationConfig' && isP(toks[a + 1], '{')) {
    const g: Found = { parts: [], messages: 0 };
    walkKeys(c, g, a, e);
    f.limit ??= g.limit;
    return;
  }
  const names = depth === 0 && c.syn.id === 'kotlin' ? dottedNames(c, a, e) : undefined;
  const v = names && kotlinObjectValue(c, names);
  if (v) return objectConfigLimit(c, f, v, names!.join('.'));
  if (depth === 0 && isId(toks[a]) && e === a + 1) {
    const def = assignmentBefore(c, toks[a].v, before);
    // `GenerationConfig config = configBuilder.build()` after `configBuilder = new GenerationConfig.Builder()` and the
    // fields set on it in between.
    if (def >= 0 && isId(toks[def]) && isP(toks[def + 1], '.') && toks[def + 2]?.v === 'build' && isP(toks[def + 3], '(') && match[def + 3] === def + 4) {
      const made = assignmentBefore(c, toks[def].v, def);
      if (made >= 0 && builderAt(toks, made, 'GenerationConfig') >= 0) return void fields(c, f, toks[def].v, made, def);
    } else if (def >= 0) return configLimit(c, f, def, valueEnd(c, def, toks.length), before, depth + 1);
  }
  f.limitUnresolved ??= `${label(c, a, e)} (generation config built at run time)`;
}

/** `Obj.name` / `Obj.Inner.name` spanning [a, e): the names, else undefined. */
function dottedNames(c: Ctx, a: number, e: number): string[] | undefined {
  const { toks } = c;
  if (e - a < 3 || (e - a) % 2 === 0) return undefined;
  const names: string[] = [];
  for (let k = a; k < e; k += 2) {
    if (!isId(toks[k]) || (k + 1 < e && !isP(toks[k + 1], '.'))) return undefined;
    names.push(toks[k].v);
  }
  return names;
}

/**
 * Kotlin `generationConfig = GenerativeModelConfig.Config.WELCOME`, an object's `val WELCOME = generationConfig { … }`
 * (AlbertoJunior/Gemini-Android ai/GenerativeModelConfig.kt): the config read where the object declares it.
 */
function objectConfigLimit(c: Ctx, f: Found, v: { ctx: Ctx; at: number; end: number }, name: string): void {
  const g: Found = { parts: [], messages: 0 };
  configLimit(v.ctx, g, v.at, v.end, v.end, 1);
  const file = v.ctx === c ? undefined : v.ctx.file;
  if (g.limit) f.limit ??= { ...g.limit, ...(file ? { file } : {}), source: g.limit.source ? { ...g.limit.source, ...(file && !g.limit.source.file ? { file } : {}) } : { ...(file ? { file } : {}), offset: g.limit.span.start, what: `maxOutputTokens of ${name}` } };
  else if (g.limitUnresolved) f.limitUnresolved ??= g.limitUnresolved;
}

/** `.setMaxOutputTokens(n)` along a builder chain from its `(` at `open` to `end`. */
function setters(c: Ctx, f: Found, open: number, end: number): void {
  const { toks, match } = c;
  for (let k = open; k < end; k++) {
    if (isP(toks[k], '.') && toks[k + 1]?.v === 'setMaxOutputTokens' && isP(toks[k + 2], '(') && match[k + 2] > k + 3) {
      const n = readNumber(c, k + 3, match[k + 2]);
      if (n) f.limit = { ...n, key: 'maxOutputTokens' };
      else f.limitUnresolved ??= label(c, k + 3, match[k + 2]);
      return;
    }
  }
}

/** `b.maxOutputTokens = n;` or `b.setMaxOutputTokens(n);` between the builder's making (`from`) and its build (`to`). */
function fields(c: Ctx, f: Found, name: string, from: number, to: number): void {
  const { toks } = c;
  // What is set on the builder before the build decides the limit: the keystroke path keeps it live.
  c.read?.push({ start: toks[from].start, end: toks[to].end });
  for (let k = from; k < to; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.')) continue;
    if (toks[k + 2]?.v === 'maxOutputTokens' && isP(toks[k + 3], '=')) {
      const n = readNumber(c, k + 4, valueEnd(c, k + 4, to));
      if (n) f.limit = { ...n, key: 'maxOutputTokens' };
      else f.limitUnresolved = label(c, k + 4, valueEnd(c, k + 4, to));
    } else if (toks[k + 2]?.v === 'setMaxOutputTokens' && isP(toks[k + 3], '(') && c.match[k + 3] > k + 3) setters(c, f, k + 1, c.match[k + 3] + 1);
  }
}

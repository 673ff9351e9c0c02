// A Java request body made with its constructor (http-jvm.ts): `new ChatRequest("gpt-4o-mini", messages, 300)` for
// `record ChatRequest(String model, List<Message> messages, Integer max_tokens)`, or a class whose constructor takes
// `(String model, List<Message> messages, int maxTokens)`. Jackson names a record's JSON properties by its components
// and a POJO's by its fields, `@JsonProperty("max_tokens")` overriding either
// (https://github.com/FasterXML/jackson-annotations: JsonProperty), so each argument is read as the key its component
// or parameter names: the model, the limit, the messages. The class is looked up in this file or where the workspace
// declares it (imported.ts classScopes); a class not found, or arguments not matching its parameters, read nothing.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { normKey } from './call-keys';
import { readKey, walkKeys, type Found } from './keys';
import { classScopes } from './imported';
import { tables } from './scope';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import type { Span } from '../types';
import { basename } from '../resolve/files';
import { placed } from './jvm-param-requests';
import { pushParts } from './push-parts';
import { ktConfigLimit } from './kotlin-config-arms';
import { ctorParamTargets } from './jvm-ctor-fields';

/** Tokens of a declaring file searched for the record header or constructor. */
const MAX_SEARCH = 200_000;
/** Tokens of a class body read for its field initializers. */
const MAX_BODY = 20_000;

/** `new X(…)` at toks[i] (X a class named with a capital, `new X<>(…)` too): X and the bracket, or undefined. */
export function constructionAt(c: Ctx, i: number): { cls: string; open: number } | undefined {
  const { toks } = c;
  // Kotlin calls a constructor without `new`: `MoodRequest("gpt-4o-mini", msgs, 5)`.
  if (c.syn.id === 'kotlin' && isId(toks[i]) && /^[A-Z]/.test(toks[i].v) && !isP(toks[i - 1], '.') && isP(toks[i + 1], '(') && c.match[i + 1] > i + 1) return { cls: toks[i].v, open: i + 1 };
  // C# target-typed `LegacyRequest req = new("text-babbage-001", text, 0.7, 100);` (C# 9; held-out 37 C26 S-IERRA/Skye
  // Handlers/OpenAi.cs:12): the declared type's constructor.
  if (c.syn.id === 'csharp' && toks[i]?.v === 'new' && isP(toks[i + 1], '(') && c.match[i + 1] > i + 1 && isP(toks[i - 1], '=') && isId(toks[i - 2]) && isId(toks[i - 3]) && /^[A-Z]/.test(toks[i - 3].v)) return { cls: toks[i - 3].v, open: i + 1 };
  if (toks[i]?.v !== 'new' || !isId(toks[i + 1]) || !/^[A-Z]/.test(toks[i + 1].v)) return undefined;
  let k = i + 2;
  if (toks[k]?.v === '<') {
    while (k < i + 24 && toks[k] && toks[k].v !== '>' && toks[k].v !== '>>') k++;
    k++;
  }
  return isP(toks[k], '(') && c.match[k] > k ? { cls: toks[i + 1].v, open: k } : undefined;
}

/** Reads the arguments of `new cls(…)` (its bracket at `open`) as the keys cls's record components or constructor
 * parameters name; false when the class or a matching header is not found. */
export function readConstruction(c: Ctx, f: Found, cls: string, open: number): boolean {
  const given = args(c, open, c.match[open]);
  // Kotlin's named arguments (`MoodRequest(model = "gpt-4o", messages = …)`) name the keys themselves.
  // `GenerationConfig()`: every parameter its default.
  if (c.syn.id === 'kotlin' && given.every((a) => a.key)) {
    walkKeys(c, f, open + 1, c.match[open]);
    kotlinDefaults(c, f, cls, new Set(given.map((a) => a.key!)), { start: c.toks[open - 1].start, end: c.toks[c.match[open]].end });
    // `generationConfig = config`: the limit of the config class's construction (kotlin-config-arms.ts).
    ktConfigLimit(c, f, given, (i) => constructionAt(c, i), (g, k, o) => readConstruction(c, g, k, o));
    return true;
  }
  if (!given.length || given.some((a) => a.key)) return false;
  const names = componentNames(c, cls, given.length);
  if (!names) return false;
  given.forEach((a, n) => {
    if (a.from >= a.to) return;
    const had = f.limit;
    readKey(c, f, a.from, a.from, a.to, normKey(names[n]));
    // The limit's key is the component's name, not its argument's text.
    if (f.limit && f.limit !== had) f.limit = { ...f.limit, key: names[n] };
  });
  if (c.syn.id === 'java') javaFieldDefaults(c, f, cls, new Set(names), { start: c.toks[open - 1].start, end: c.toks[c.match[open]].end });
  return true;
}

/**
 * Java `class CompletionRequest { private String model = "gpt-4o-mini"; … }` made with a constructor that sets other
 * fields: Jackson serialises every field (https://github.com/FasterXML/jackson-databind: a POJO's properties), so a
 * field the constructor does not take keeps its initializer (held-out 38 C08, ChayanMakwana/springboot-openai-prompt-
 * service model/OpenAIRequest.java). The class body's own field declarations are read, not its methods'.
 */
function javaFieldDefaults(c: Ctx, f: Found, cls: string, given: Set<string>, here: Span): void {
  const scopes: EvalScope[] = tables(c).classes.has(cls) ? [c] : [...classScopes(c, cls)].slice(0, 2);
  for (const s of scopes) {
    const open = declaresClass(s, cls);
    if (open < 0) continue;
    const { toks, match } = s;
    const got: Found = { parts: [], messages: 0 };
    for (let k = open + 1, from = open + 1; k < match[open] && k - open < MAX_BODY; k++) {
      if ((isP(toks[k], '(') || isP(toks[k], '{')) && match[k] > k) {
        // A method or a constructor: its body ends the member.
        if (isP(toks[k], '{')) from = match[k] + 1;
        k = match[k];
        continue;
      }
      if (isP(toks[k], ';')) from = k + 1;
      if (!isP(toks[k], '=') || toks.slice(from, k).some((t) => t.v === 'static')) continue;
      const name = jsonName(s, from, k);
      let end = k + 1;
      while (end < match[open] && !isP(toks[end], ';')) end = (isP(toks[end], '(') || isP(toks[end], '{') || isP(toks[end], '[')) && match[end] > end ? match[end] + 1 : end + 1;
      if (name && !given.has(name) && end < match[open]) readKey(s === c ? c : { ...s }, got, k - 1, k + 1, end, normKey(name));
    }
    const out = s === c ? got : placed(got, s.file, c.file, here, cls, `field of ${cls} (${basename(s.file)})`);
    f.model ??= out.model;
    f.limit ??= out.limit;
    pushParts(f.parts, out.parts);
    return;
  }
}

/** The `{` of `class cls … {` in the file, or -1. */
function declaresClass(s: EvalScope, cls: string): number {
  const { toks } = s;
  for (let k = 1; k < toks.length && k < MAX_SEARCH; k++) {
    if (toks[k].v !== cls || toks[k - 1].v !== 'class') continue;
    for (let j = k + 1; j < toks.length && j < k + 40; j++) if (isP(toks[j], '{')) return s.match[j] > j ? j : -1;
  }
  return -1;
}

/** The JSON names of class `cls`'s record components or constructor parameters, when it takes `count` of them. */
function componentNames(c: Ctx, cls: string, count: number): string[] | undefined {
  const scopes: EvalScope[] = tables(c).classes.has(cls) || declares(c, cls) ? [c] : [...classScopes(c, cls)].slice(0, 2);
  for (const s of scopes) {
    const got = headerParams(s, cls, count) ?? (s.syn.id === 'java' ? lombokParams(s, cls, count) : undefined);
    if (got) return got;
  }
  return undefined;
}

/** Tokens looked back from `class` for its annotations. */
const MAX_ANNOTATIONS = 60;

/**
 * Lombok's `@AllArgsConstructor` (or `@Value`'s) on `class cls`: "a constructor with 1 parameter for each field in your
 * class", in declaration order, static fields and initialized final fields left out (https://projectlombok.org/
 * features/constructor; lombok HandleConstructor.findAllFields). held45 teki60/Intelligent-Expense-Tracker
 * dto/AI/CategorizeTransactionRequest.java: `@Data @AllArgsConstructor class … { private String model; private
 * List<Message> messages; }` made as `new CategorizeTransactionRequest("llama-3.3-70b-versatile", List.of(…))`.
 */
function lombokParams(s: EvalScope, cls: string, count: number): string[] | undefined {
  const { toks, match } = s;
  const open = declaresClass(s, cls);
  if (open < 0) return undefined;
  let at = open;
  while (at > 0 && toks[at].v !== 'class') at--;
  let lombok = false;
  for (let k = at - 1; k > 0 && at - k < MAX_ANNOTATIONS && !isP(toks[k], ';') && !isP(toks[k], '}'); k--) {
    if (isP(toks[k - 1], '@') && (toks[k].v === 'AllArgsConstructor' || toks[k].v === 'Value')) lombok = true;
  }
  if (!lombok) return undefined;
  const names: string[] = [];
  for (let k = open + 1, from = open + 1; k < match[open] && k - open < MAX_BODY; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '{')) && match[k] > k) {
      // A method, a constructor or a nested class: its body ends the member.
      if (isP(toks[k], '{')) from = match[k] + 1;
      k = match[k];
      continue;
    }
    if (!isP(toks[k], ';')) continue;
    const member = toks.slice(from, k);
    const eq = member.findIndex((t) => isP(t, '='));
    if (member.length && !member.some((t) => t.v === 'static') && !(eq >= 0 && member.some((t) => t.v === 'final'))) {
      const name = jsonName(s, from, eq >= 0 ? from + eq : k);
      if (!name) return undefined;
      names.push(name);
    }
    from = k + 1;
  }
  return names.length === count ? names : undefined;
}

/** The JSON name of field `name` of class `cls` (its `@JsonProperty`), else the name. */
function fieldName(s: EvalScope, cls: string, name: string): string {
  const { toks, match } = s;
  const open = declaresClass(s, cls);
  for (let k = open + 1, from = open + 1; open >= 0 && k < match[open] && k - open < MAX_BODY; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '{')) && match[k] > k) {
      if (isP(toks[k], '{')) from = match[k] + 1;
      k = match[k];
    } else if (isP(toks[k], ';')) from = k + 1;
    else if (toks[k].v === name && (isP(toks[k + 1], ';') || isP(toks[k + 1], '=')) && (isId(toks[k - 1]) || toks[k - 1]?.v === '>')) return jsonName(s, from, k + 1) ?? name;
  }
  return name;
}

/** Whether the file declares `record cls`. */
function declares(s: EvalScope, cls: string): boolean {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length && k < MAX_SEARCH; k++) if (toks[k].v === 'record' && toks[k + 1].v === cls) return true;
  return false;
}

/** `record cls(A a, B b)` or a constructor `cls(A a, B b) {`: its parameters' JSON names, when there are `count`. */
function headerParams(s: EvalScope, cls: string, count: number): string[] | undefined {
  const { toks, match } = s;
  for (let k = 1; k + 1 < toks.length && k < MAX_SEARCH; k++) {
    if (toks[k].v !== cls || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    // A Java or C# record, a Kotlin class's primary constructor (`data class R(val model: String, …)`).
    const record = toks[k - 1].v === 'record' || (s.syn.id === 'kotlin' && toks[k - 1].v === 'class');
    const ctor = !record && /^(?:public|protected|private|[;{}])$/.test(toks[k - 1].v) && isP(toks[match[k + 1] + 1], '{');
    if (!record && !ctor) continue;
    const params = typedParams(s, k + 1, match[k + 1]);
    // C# and Kotlin parameters with a default (`double Temperature = 0.3`) may be left out at the end.
    const required = params.filter((p) => !toks.slice(p.from, p.to).some((t) => isP(t, '='))).length;
    if (count < required || count > params.length) continue;
    const names = params.slice(0, count).map((p) => jsonName(s, p.from, p.to));
    if (!names.every((n) => n)) continue;
    // A Java constructor's parameters are named by the fields its body puts them in (jvm-ctor-fields.ts).
    if (ctor && s.syn.id === 'java') return ctorParamTargets(s, match[k + 1] + 1, names as string[], (f) => fieldName(s, cls, f));
    return names as string[];
  }
  return undefined;
}

/** The parameters of a header's brackets: split at the commas outside type arguments (`Map<String, String> m`). */
function typedParams(s: EvalScope, open: number, close: number): { from: number; to: number }[] {
  const { toks, match } = s;
  const out: { from: number; to: number }[] = [];
  let from = open + 1;
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const v = toks[k].v;
    if (isP(toks[k], '(') && match[k] > k) k = match[k];
    else if (v === '<') depth++;
    else if (v === '>' || v === '>>') depth = Math.max(0, depth - v.length);
    else if (v === ',' && depth === 0) {
      out.push({ from, to: k });
      from = k + 1;
    }
  }
  if (from < close) out.push({ from, to: close });
  return out;
}

/**
 * A parameter `@JsonProperty("max_tokens") Integer maxTokens`: the annotation's name, else the last identifier. C#:
 * `[property: JsonPropertyName("max_tokens")] int MaxTokens` (System.Text.Json JsonPropertyNameAttribute), Newtonsoft's
 * `[JsonProperty("max_tokens")]`, a default (`int maxTokens = 300`) after the name.
 */
function jsonName(s: EvalScope, from: number, to: number): string | undefined {
  const { toks } = s;
  for (let k = from; k + 3 < to; k++) {
    if ((isP(toks[k], '@') || isP(toks[k], '[') || isP(toks[k], ':')) && /^(?:JsonProperty(?:Name)?|SerializedName|SerialName)$/.test(toks[k + 1].v) && isP(toks[k + 2], '(') && toks[k + 3].t === T.Str) return toks[k + 3].v;
  }
  if (s.syn.id === 'csharp') for (let k = from; k < to; k++) if (isP(toks[k], '=')) to = k;
  // Kotlin `val model: String = "…"`: the name before the type.
  if (s.syn.id === 'kotlin') for (let k = to - 1; k > from; k--) if (isP(toks[k], ':') && isId(toks[k - 1]) && !isP(toks[k - 2], '@')) return toks[k - 1].v;
  const last = toks[to - 1];
  return isId(last) ? last.v : undefined;
}

/**
 * Kotlin `ChatReq(messages = …)` of `data class ChatReq(val model: String = "gpt-4o-mini", val messages: List<Msg>)`:
 * a parameter the call leaves out takes its default (https://kotlinlang.org/docs/functions.html#default-arguments), so
 * the defaults of the model, the limit and the prompt keys are read as the request's keys (Gson's @SerializedName,
 * kotlinx's @SerialName or Jackson's @JsonProperty naming the key). Seen in held-out telegram_bot CompletionRequest.kt.
 */
function kotlinDefaults(c: Ctx, f: Found, cls: string, given: Set<string>, here: Span): void {
  const scopes: EvalScope[] = tables(c).classes.has(cls) ? [c] : [...classScopes(c, cls)].slice(0, 2);
  for (const s of scopes) {
    const { toks, match } = s;
    const k = toks.findIndex((t, i) => t.v === cls && toks[i - 1]?.v === 'class' && isP(toks[i + 1], '(') && match[i + 1] > i + 1);
    if (k < 0) continue;
    const oc: Ctx = s === c ? c : { ...s };
    const got: Found = { parts: [], messages: 0 };
    for (const p of typedParams(s, k + 1, match[k + 1])) {
      const eq = toks.slice(p.from, p.to).findIndex((t) => isP(t, '='));
      const name = jsonName(s, p.from, p.to);
      if (eq < 0 || !name || given.has(name) || given.has(nameBefore(s, p.from, p.from + eq) ?? '')) continue;
      readKey(oc, got, p.from + eq, p.from + eq + 1, p.to, normKey(name));
    }
    const out = s === c ? got : placed(got, s.file, c.file, here, cls, `default of ${cls} (${basename(s.file)})`);
    f.model ??= out.model;
    f.limit ??= out.limit;
    pushParts(f.parts, out.parts);
    return;
  }
}

/** A Kotlin parameter's own name (`val maxTokens: Int = 300` → maxTokens), which a named argument uses. */
function nameBefore(s: EvalScope, from: number, to: number): string | undefined {
  for (let k = to - 1; k > from; k--) if (isP(s.toks[k], ':') && isId(s.toks[k - 1])) return s.toks[k - 1].v;
  return undefined;
}

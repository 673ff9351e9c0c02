// The output limit one level deeper: on the SDKs whose limit lives in a config object (shapes with `limitNested`),
// the request's config key may hold a variable, a helper's result or a spread instead of a literal object. Then the
// limit is read from the variable's definition or the helper's body where the scan can see it, and otherwise it is
// known only at run time: never "add a limit" to a call whose config may hold one (mem0ai/mem0 llms/aws_bedrock.py
// `"inferenceConfig": self._build_inference_config()`, llms/gemini.py `config=types.GenerateContentConfig(**cfg)`,
// llms/ollama.py `params["options"] = options`).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { keyAt, readNumber, valueEnd, type Ctx } from './values';
import { exprEnd, tables } from './scope';
import { LIMIT_KEYS, normKey } from './call-keys';
import { label } from './value';
import { walkKeys, type Found } from './keys';
import { paramConfig } from './param-config';
import { assignmentBefore } from './definitions';
import { changedBefore, helperCall, requestAt, requestIn } from './request-defs';
import { methodDef } from './method-defs';
import { evaluate } from './evaluate';
import { tableMember } from './members';
import { isKeywordArgument } from './runnable-tokens';
import { importsOf } from './imported';
import { kwargsLimit } from './py-kwargs-requests';

/**
 * Request keys whose value is the object that holds the limit, normalised as by normKey:
 * - `config` (google-genai Python `generate_content(config=types.GenerateContentConfig(max_output_tokens=…))`,
 *   https://github.com/googleapis/python-genai README; JS `config: { maxOutputTokens }`, googleapis/js-genai README);
 * - `generation_config` / `generationConfig` (google-generativeai `generate_content(generation_config=…)`, Vertex AI
 *   `GenerativeModel.generate_content`, REST `generationConfig.maxOutputTokens`,
 *   https://ai.google.dev/api/generate-content#generationconfig);
 * - `inferenceConfig` (Bedrock Converse `inferenceConfig.maxTokens`,
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html);
 * - `options` (Ollama `chat(model, messages, options={"num_predict": …})`, https://github.com/ollama/ollama-python
 *   README and https://github.com/ollama/ollama/blob/main/docs/api.md "options").
 */
export const LIMIT_CONTAINERS = new Set(['config', 'generationconfig', 'inferenceconfig', 'options']);

/** Longest key looked up: a longer string (a prompt) is not normalised. */
const MAX_KEY = 24;
/** Tokens of a request searched for its config keys. */
const MAX_SEARCH = 4000;

/**
 * Reads the config keys of toks[from, to) whose value the key walk could not see into. Sets `f.limit` when a followed
 * definition names it, else `f.limitUnresolved` with the value as written.
 */
export function nestedLimit(c: Ctx, f: Found, from: number, to: number, before: number): void {
  const { toks } = c;
  for (let k = from; k < to && k < from + MAX_SEARCH && !f.limit && !f.limitUnresolved; k++) {
    const tk = toks[k];
    if ((tk.t !== T.Id && tk.t !== T.Str) || tk.v.length > MAX_KEY) continue;
    const sep = keyAt(c, k);
    // Shorthand property `{ model, messages, options }`: the variable of that name.
    const shorthand = sep < 0 && tk.t === T.Id && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'));
    if ((sep < 0 && !shorthand) || !LIMIT_CONTAINERS.has(normKey(tk.v))) continue;
    if (shorthand) containerValue(c, f, k, k + 1, before);
    else containerValue(c, f, sep + 1, valueEnd(c, sep + 1, to), before);
  }
}

/**
 * The value toks[a, e) of a config key (or of `params["options"] = …`, requests.ts). A literal object or a
 * constructor with named arguments only was read by the key walk: nothing to add (no limit there is no limit).
 */
export function containerValue(c: Ctx, f: Found, a: number, e: number, before: number): void {
  if (f.limit || e <= a) return;
  const { toks, match } = c;
  // Go `&types.InferenceConfiguration{Temperature: …}`: a pointer to the literal after its type.
  let j = c.syn.id === 'go' && isP(toks[a], '&') ? a + 1 : a;
  while (j < e && (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::'))) j++;
  // Go `map[string]any{…}`, `map[string]interface{}{…}`: the literal after its type.
  if (c.syn.id === 'go' && toks[a]?.v === 'map') j = goTypeEnd(c, a, e);
  let inner: Found | undefined;
  if (j === e && e === a + 1) {
    // A variable: its definition in this file and what is set in it before the call.
    if (variableLimit(c, f, toks[a].v, before, 0) || importedLimit(c, f, a)) return;
    // The function's own `**options` parameter: the keys its callers pass (py-kwargs-requests.ts).
    if (kwargsLimit(c, f, a)) return;
    // A parameter whose callers pass configs that can be read (param-config.ts): their limit, or none.
    const passed: Found = { parts: [], messages: 0 };
    if (paramConfig(c, passed, a, walkKeys)) return void takeLimit(f, passed);
  } else if (j < e && isOpen(toks[j]) && match[j] === e - 1) {
    if (namedOnly(c, j + 1, e - 1)) return;
    // `{}` or an empty constructor (`types.GenerateContentConfig()`): nothing set, no limit.
    if (j + 1 === e - 1 && (j === a || (isId(toks[j - 1]) && /^[A-Z]/.test(toks[j - 1].v)))) return;
    // A same-file helper (`self._build_inference_config()`): the keys of its body.
    const helper = helperCall(c, a, e);
    inner = helper !== undefined && helper >= 0 ? requestIn(c, helper)?.found : undefined;
    if (takeLimit(f, inner)) return;
  } else if (j === e && e > a + 1 && memberTableLimit(c, f, a, e)) return;
  f.limitUnresolved ??= inner?.limitUnresolved ?? `${label(c, a, e)} (built at run time)`;
}

/**
 * A config dict reached through a member (`generation_config=config.GENERATION_CONFIG` after `from model import
 * config`, sid6i7/perplexed model/model.py; `settings.GEN_CONFIG`): the limit key of the literal the name is bound
 * to, in whichever file. A literal with no limit key and no spread sets none. False when it is no literal.
 */
function memberTableLimit(c: Ctx, f: Found, a: number, e: number, elsewhere = false): boolean {
  const v = evaluate(c, a, e);
  if (v?.obj?.kind !== 'table' || v.runtime !== undefined || v.obj.frames?.length) return false;
  if (elsewhere && v.obj.scope.file === c.file) return false;
  const { scope, open } = v.obj;
  const { toks, match } = scope;
  if (!isP(toks[open], '{') || !(match[open] > open)) return false;
  for (let k = open + 1; k < match[open]; k++) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === '**' || tk.v === '...')) return false;
    if (isOpen(tk) && match[k] > k) {
      k = match[k];
      continue;
    }
    if ((tk.t !== T.Id && tk.t !== T.Str) || !isP(toks[k + 1], ':') || !LIMIT_KEYS.has(normKey(tk.v))) continue;
    const n = tableMember(scope, open, tk.v, 0);
    if (n?.num === undefined || !Number.isFinite(n.num) || n.num < 0 || n.absent || n.others?.length) {
      f.limitUnresolved ??= label(c, a, e);
      return true;
    }
    f.limit = { value: n.num, span: { start: c.toks[a].start, end: c.toks[e - 1].end }, key: tk.v };
    if (n.lit) {
      f.limit.span = n.lit.span;
      if (n.lit.scope.file !== c.file) f.limit.file = n.lit.scope.file;
    }
    if (n.source) f.limit.source = n.source;
    return true;
  }
  return true;
}

/** After a Go type written before a literal's `{`: names, `*`, `[…]`, `interface{}`. */
function goTypeEnd(c: Ctx, a: number, e: number): number {
  const { toks, match } = c;
  let j = a;
  while (j < e) {
    if (isId(toks[j]) && toks[j].v === 'interface' && isP(toks[j + 1], '{') && match[j + 1] === j + 2) j += 3;
    else if (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '*')) j++;
    else if (isP(toks[j], '[') && match[j] > j) j = match[j] + 1;
    else break;
  }
  return j;
}

/** Copies a limit found in a config object; true when there was one. */
function takeLimit(f: Found, inner: Found | undefined): boolean {
  if (inner?.limit) [f.limit, f.limitUnresolved] = [inner.limit, inner.limitUnresolved];
  else if (inner?.limitUnresolved) f.limitUnresolved ??= inner.limitUnresolved;
  else return false;
  return true;
}

/** Variables followed through `Config(**other)`. */
const MAX_DEPTH = 2;

/**
 * A config object held in a variable: the keys of its definition, a variable spread into it alone
 * (`types.GenerateContentConfig(**config_params)`), and the keys set in it before the call (`cfg["max_output_tokens"]
 * = n`, `cfg.temperature = t`). True when the answer is known: a limit, a run-time limit, or no limit at all.
 */
function variableLimit(c: Ctx, f: Found, name: string, before: number, depth: number): boolean {
  const { toks, match } = c;
  // Passed over: a keyword argument of an earlier call (`GenerativeModel(generation_config=generation_config)`).
  const def = assignmentBefore(c, name, before, (at) => isKeywordArgument(c, at));
  // Another name's value (`generation_config: dict = gen_cfg`): that name's, unless this one is changed after.
  if (def >= 0 && isId(toks[def]) && exprEnd(c, def) === def + 1) {
    if (depth >= MAX_DEPTH || changedBefore(c, name, def, before)) return false;
    return variableLimit(c, f, toks[def].v, def, depth + 1) || importedLimit(c, f, def);
  }
  const req = requestAt(c, def);
  if (!req) return false;
  if (takeLimit(f, req.found)) return true;
  const open = req.end >= 0 && isOpen(toks[match[req.end]]) ? match[req.end] : -1;
  const spread = open >= 0 && toks[open + 1]?.t === T.Punct && (toks[open + 1].v === '**' || toks[open + 1].v === '...') && isId(toks[open + 2]) && open + 3 === req.end;
  if (spread && depth < MAX_DEPTH) {
    if (!variableLimit(c, f, toks[open + 2].v, req.start, depth + 1)) return false;
    if (f.limit || f.limitUnresolved) return true;
  } else if (spreadIn(c, req.start, req.end)) return false;
  return setsAfter(c, f, name, req.end, before);
}

/**
 * A config dict another module defines, bound here by an import (`from settings import gen_cfg`, `from settings import
 * *`: the module's top-level name, imported.ts; booo2233/gemini-telegram-bot-style `generation_config=gen_cfg`): its
 * limit key as memberTableLimit reads it. Only a name this file never assigns nor changes (`gen_cfg[k] = v`,
 * `gen_cfg.update(…)` anywhere in the file: run time).
 */
function importedLimit(c: Ctx, f: Found, at: number): boolean {
  const { toks } = c;
  const name = toks[at].v;
  // Bound by an import of one name, or by none in this file (no parameter, no local) while a star import may hold it.
  const imps = importsOf(c);
  const bound = imps.names.get(name);
  if (bound ? bound.name === '*' : !imps.star.length || tables(c).binds.has(name)) return false;
  if (assignmentBefore(c, name, toks.length, (k) => isKeywordArgument(c, k)) >= 0 || changedBefore(c, name, -1, toks.length)) return false;
  return memberTableLimit(c, f, at, at + 1, true);
}

/**
 * The keys set in a config variable between its definition and the call: a limit key read as written, any other key
 * ignored. False when it is changed some other way (`cfg.update(…)`, `cfg[key] = …`): what it holds is run time.
 */
function setsAfter(c: Ctx, f: Found, name: string, from: number, to: number): boolean {
  const { toks } = c;
  for (let k = from + 1; k < to && k < from + MAX_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    let key = -1;
    if (isP(toks[k + 1], '.') && isId(toks[k + 2]) && isP(toks[k + 3], '=')) key = k + 2;
    else if (isP(toks[k + 1], '[') && toks[k + 2]?.t === T.Str && isP(toks[k + 3], ']') && isP(toks[k + 4], '=')) key = k + 2;
    else if (isP(toks[k + 1], '.') || isP(toks[k + 1], '[')) return false;
    if (key < 0 || !LIMIT_KEYS.has(normKey(toks[key].v))) continue;
    const v = isP(toks[key + 1], '=') ? key + 2 : key + 3;
    const end = Math.min(exprEnd(c, v), to);
    const n = end > v ? readNumber(c, v, end) : undefined;
    if (n && !n.others?.length) f.limit = { ...n, key: toks[key].v };
    else if (end > v) f.limitUnresolved ??= label(c, v, end);
    if (f.limit) return true;
  }
  return true;
}

/** Whether toks[from, to) is not empty and holds only named arguments (`GenerateContentConfig(temperature=0)`). */
function namedOnly(c: Ctx, from: number, to: number): boolean {
  const { toks } = c;
  if (from >= to) return false;
  for (let k = from; k < to; ) {
    const sep = keyAt(c, k);
    if (sep < 0) return false;
    k = valueEnd(c, sep + 1, to);
    if (isP(toks[k], ',')) k++;
  }
  return true;
}

/** Whether a spread (`**kw`, `...opts`) occurs in toks[from, to]. */
function spreadIn(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k <= to && k < c.toks.length; k++) if (c.toks[k].t === T.Punct && (c.toks[k].v === '**' || c.toks[k].v === '...')) return true;
  return false;
}

/** Languages whose methods are declared `Type Name(…)`, with no keyword (method-defs.ts). */
const TYPED_METHODS = new Set(['csharp', 'java']);

/**
 * Settings made by one of the class's own methods and passed as an argument (Semantic Kernel
 * `GetStreamingChatMessageContentsAsync(history, this.CreateChatRequestSettings(), kernel)`, microsoft/chat-copilot
 * ChatPlugin.cs), or kept in a local first and not changed after (`var settings = CreateExecutionSettings(options);`,
 * TelegramGroupsAdmin SemanticKernelChatService.cs): the limit its body sets, as written there (returned-settings.ts).
 * Reads the whole arguments `M(…)` / `this.M(…)` / a local of toks[from, to) whose method is declared in this file.
 */
export function helperArgLimit(c: Ctx, f: Found, from: number, to: number): void {
  if (!TYPED_METHODS.has(c.syn.id)) return;
  const { toks, match } = c;
  for (let k = from; k < to && !f.limit && !f.limitUnresolved; k++) {
    if (!isP(toks[k - 1], ',') && !isP(toks[k - 1], '(')) continue;
    // A local the helper's result is kept in (`var settings = CreateExecutionSettings(options);`): that helper.
    const local = isId(toks[k]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')')) ? assignmentBefore(c, toks[k].v, from) : -1;
    const a = local >= 0 ? local : k;
    const n = isId(toks[a]) && toks[a].v === 'this' && isP(toks[a + 1], '.') ? a + 2 : a;
    if (!isId(toks[n]) || !isP(toks[n + 1], '(') || !(match[n + 1] > n)) continue;
    const close = match[n + 1];
    if (local >= 0 ? !isP(toks[close + 1], ';') || changedBefore(c, toks[k].v, local, from) : !isP(toks[close + 1], ',') && !isP(toks[close + 1], ')')) continue;
    // A method declared below the call: a prefix of the file that cuts it off leaves the call to the full analysis.
    c.forward?.add(toks[n].v);
    const def = methodDef(c, toks[n].v);
    if (def < 0) continue;
    // Its body, read whole: a prefix of the file that cuts through it leaves the call to the full analysis.
    const body = match[def + 1] + 1;
    c.read?.push({ start: toks[def].start, end: isP(toks[body], '{') && match[body] > body ? toks[match[body]].end : c.text.length });
    takeLimit(f, requestIn(c, def)?.found);
  }
}

/** A nested config's limit (nestedLimit), else one a helper's settings set (helperArgLimit), in toks[from, to). */
export function nestedLimits(c: Ctx, f: Found, from: number, to: number, before: number): void {
  nestedLimit(c, f, from, to, before);
  if (!f.limit && !f.limitUnresolved) helperArgLimit(c, f, from, to);
}

// A request key that names a config object written before the call (`config: config`, `generationConfig: gen`):
// the object's keys are the request's too. @google/genai `generateContent({ model, contents, config })` takes the
// system instruction and `maxOutputTokens` in `config` (googleapis/js-genai README, "generateContent" and
// GenerateContentConfig); @google/generative-ai `generationConfig` (google-gemini/generative-ai-js README);
// Ollama `options` (ollama/ollama-js README, `options: Partial<Options>` with `num_predict`).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import type { Ctx } from './values';
import { isParam, made, paramConfig } from './param-config';
import { isKeywordArgument } from './runnable-tokens';
import type { Found } from './keys';
import { lookup } from './lookup';
import { placed } from './jvm-param-requests';
import { pushParts } from './push-parts';

/** Keys (normalised) whose value is a config object of the request. */
const CONFIG_KEYS = new Set(['config', 'generationconfig', 'options']);
/** Names followed inside one another (`config: { …, thinking: t }` naming yet another object). */
const MAX_DEPTH = 3;
let depth = 0;

/**
 * When the value toks[vStart, vEnd) of config key `key` is a name bound before it to an object literal, walks that
 * literal's keys into f and returns vEnd; else undefined (the caller walks the value itself).
 */
export function namedConfig(c: Ctx, f: Found, key: string, vStart: number, vEnd: number, walk: (c: Ctx, f: Found, from: number, to: number) => void): number | undefined {
  const { toks, match } = c;
  if (!(CONFIG_KEYS.has(key) || c.shapeKeys?.config?.has(key)) || vEnd !== vStart + 1 || !isId(toks[vStart]) || depth >= MAX_DEPTH) return undefined;
  // `config=config`: the keyword argument is no assignment of the name.
  const v = assignmentBefore(c, toks[vStart].v, vStart, (at) => isKeywordArgument(c, at));
  // An object another module exports (`import { SETTINGS } from "./settings"`, or Nuxt's auto-imported server/utils).
  if (v < 0 && otherFileConfig(c, f, vStart, walk)) return vEnd;
  // `config=config` a parameter: the configs its callers pass (param-config.ts).
  if (v < 0 || isParam(c, v)) return paramConfig(c, f, vStart, walk) ? vEnd : undefined;
  const open = isP(toks[v], '{') ? v : made(c, v);
  if (open < 0 || match[open] <= open) return undefined;
  // An edit anywhere in the object changes the call (the keystroke path keeps it live).
  c.read?.push({ start: toks[v].start, end: toks[match[open]].end });
  depth++;
  try {
    walk(c, f, open + 1, match[open]);
  } finally {
    depth--;
  }
  return vEnd;
}


/** The name at `at` bound in another module to an object literal: its keys walked there, placed in this call's file
 * (TutorFx/marketing-thing: `startChat({ generationConfig: GOOGLE_GENERATION_SETTINGS })`, the object in
 * server/utils/Google.ts with `maxOutputTokens: 8000`). */
function otherFileConfig(c: Ctx, f: Found, at: number, walk: (c: Ctx, f: Found, from: number, to: number) => void): boolean {
  if (c.syn.id !== 'javascript' || !c.index) return false;
  const name = c.toks[at].v;
  const o = lookup(c, name, c.toks[at].start, 1)?.obj;
  if (o?.kind !== 'table' || o.frames || o.struct || o.copy || o.scope.file === c.file || !isP(o.scope.toks[o.open], '{')) return false;
  const oc: Ctx = { ...o.scope };
  const inner: Found = { parts: [], messages: 0 };
  depth++;
  try {
    walk(oc, inner, o.open + 1, oc.match[o.open]);
  } finally {
    depth--;
  }
  const got = placed(inner, o.scope.file, c.file, { start: c.toks[at].start, end: c.toks[at].end }, name, `in ${name}`);
  pushParts(f.parts, got.parts);
  f.messages += got.messages;
  if (got.limit && !f.limit) f.limit = got.limit;
  else if (!got.limit && got.limitUnresolved) f.limitUnresolved ??= got.limitUnresolved;
  if (got.model && !f.model) f.model = got.model;
  return true;
}

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
  if (!CONFIG_KEYS.has(key) || vEnd !== vStart + 1 || !isId(toks[vStart]) || depth >= MAX_DEPTH) return undefined;
  // `config=config`: the keyword argument is no assignment of the name.
  const v = assignmentBefore(c, toks[vStart].v, vStart, (at) => isKeywordArgument(c, at));
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


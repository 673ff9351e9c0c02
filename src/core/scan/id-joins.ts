// A text joined with a value of several model ids (`anthropic/${modelName}`, `'anthropic/' + modelName` over a table
// indexed at run time): each id the join can make, never one no path makes. thr3a/misc-ai magi helpers.ts returns
// google(m), openai(m) or OpenRouter's `anthropic/${m}` over one table of Gemini, GPT and Claude ids: read as one
// text, the prefix took the table's first id (`anthropic/gemini-3.1-pro-preview`).
import type { Value } from './value';

/** The ids a gateway's vendor prefix routes to, by the prefix's last segment (OpenRouter's model ids,
 * https://openrouter.ai/models: `anthropic/claude-…`, `google/gemini-…`, `openai/gpt-…`). */
const VENDOR_IDS: Record<string, RegExp> = {
  anthropic: /^claude/i,
  openai: /^(gpt|o\d|chatgpt|text-|davinci|codex)/i,
  google: /^(gemini|gemma)/i,
  'meta-llama': /^llama/i,
  mistralai: /^(mistral|mixtral|codestral|magistral|devstral|ministral|pixtral|open-mistral)/i,
  deepseek: /^deepseek/i,
  'x-ai': /^grok/i,
  qwen: /^(qwen|qwq)/i,
  cohere: /^command/i,
};

/** A text that can be a model id: ASCII letters, digits and `.-_:/@`, short. Prose is not (a Japanese instruction has
 * no spaces: thr3a/misc-ai null-cart `${tasteInstruction}`). */
export const isIdText = (t: string) => /^[\w.:/@-]{1,120}$/.test(t);

/** The several ids `v` can be (its text and its other texts), or undefined when it is one, or not ids (prose). */
export function severalIds(v: Value): string[] | undefined {
  if (v.str === undefined || !isIdText(v.str) || !v.others?.some((o) => typeof o === 'string')) return undefined;
  const ids = [v.str, ...v.others.filter((o): o is string => typeof o === 'string' && isIdText(o))];
  return [...new Set(ids)];
}

/** Of `ids`, those `prefix` (a vendor's `anthropic/`) can route: all when it names no known vendor; undefined when
 * none (the join is then known only at run time). */
export function joinable(prefix: string, ids: string[]): string[] | undefined {
  // The segment before the prefix's last `/` (`openrouter/google/` → google), by slicing: no regex over user text.
  const vendor = prefix.endsWith('/') ? prefix.slice(prefix.lastIndexOf('/', prefix.length - 2) + 1, -1).toLowerCase() : undefined;
  const re = vendor !== undefined ? VENDOR_IDS[vendor] : undefined;
  const kept = re ? ids.filter((id) => re.test(id)) : ids;
  return kept.length ? kept : undefined;
}

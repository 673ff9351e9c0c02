// A model's line and generation, read from its id. Neither genai-prices nor LiteLLM carries release dates, so the
// generation comes from each provider's own naming, as its models page documents it:
// - Anthropic (https://platform.claude.com/docs/en/about-claude/models/overview): `claude-3-5-haiku` (Claude 3.5,
//   version before the family) up to 3.7; `claude-haiku-4-5` (Claude 4.5, family first) from Claude 4 on.
// - OpenAI (https://platform.openai.com/docs/models): `gpt-3.5`, `gpt-4`, `gpt-4o` (after GPT-4 Turbo, before
//   GPT-4.1), `gpt-4.1`, `gpt-5`, `gpt-5.4`; the o-series (`o1`, `o3`, `o4-mini`) is its own line.
// - Google (https://ai.google.dev/gemini-api/docs/models): `gemini-2.5-flash`, `gemini-3.1-pro-preview`; Gemma.
// - xAI (https://docs.x.ai/docs/models): `grok-3`, `grok-4`, `grok-4-1-fast`, `grok-4.20`.
// - DeepSeek (https://api-docs.deepseek.com): `deepseek-v3.2`, `deepseek-v4-flash`; `deepseek-chat` and
//   `deepseek-reasoner` name no version, so their generation is unknown.
// - Mistral (https://docs.mistral.ai/getting-started/models): versions end in YYMM (`mistral-small-2506`).
// - Open-weight families (Llama, Qwen, Gemma, …): the version after the family name (`llama-3.3-70b`).
// An id none of these read has an unknown generation; the advisor never routes from or to it.

export interface Generation {
  /** The model line generations are compared within (`claude`, `gpt`, `o`, `gemini`, …). */
  line: string;
  /** The product family inside the line (`haiku`, `sonnet`, `flash`, `mini`), when the name has one. */
  family?: string;
  /** Comparable number: higher is newer within the line. */
  gen: number;
  /** How the number was read: a version (`4.5`) or a YYMM date (`2506`); only like compares with like. */
  scale: 'version' | 'date';
  /** The generation as written, for the advice text (`4.5`, `4o`, `2506`). */
  label: string;
}

function strip(id: string): string {
  let s = id.toLowerCase();
  s = s.replace(/^[a-z0-9_-]+\//, '');
  s = s.replace(/^(?:global|us|eu|apac|jp|au|ca|in)\./, '');
  s = s.replace(/^(?:anthropic|meta|mistral|amazon|cohere|deepseek|openai|qwen|google|xai)\./, '');
  return s;
}

const num = (major: string, minor?: string) => Number(major) + (minor ? Number(`0.${minor}`) : 0);

export function generationOf(id: string): Generation | undefined {
  // Asked for every model of the sheets on each call's advice and warnings: read once per id (the result is only read).
  if (GENERATIONS.has(id)) return GENERATIONS.get(id);
  if (GENERATIONS.size >= MAX_GENERATIONS) GENERATIONS.clear();
  const g = readGeneration(id);
  GENERATIONS.set(id, g);
  return g;
}

const GENERATIONS = new Map<string, Generation | undefined>();
/** Ids remembered: the shipped sheets hold about 1,500 models; a user's own sheets or model names add a few. */
const MAX_GENERATIONS = 8192;

function readGeneration(id: string): Generation | undefined {
  const s = strip(id);
  let m = /^claude-(\d)(?:[-.](\d))?-(haiku|sonnet|opus|fable|mythos|instant)/.exec(s);
  if (m) return { line: 'claude', family: m[3], gen: num(m[1], m[2]), scale: 'version', label: m[2] ? `${m[1]}.${m[2]}` : m[1] };
  m = /^claude-(haiku|sonnet|opus|fable|mythos|instant)-(\d)(?:[-.](\d)(?!\d))?/.exec(s);
  if (m) return { line: 'claude', family: m[1], gen: num(m[2], m[3]), scale: 'version', label: m[3] ? `${m[2]}.${m[3]}` : m[2] };
  m = /^(?:chatgpt-|gpt-)(\d)(?:\.(\d+))?(o)?(?:-(mini|nano|pro|turbo|chat))?/.exec(s);
  if (m) {
    // gpt-4o came after GPT-4 Turbo and before GPT-4.1 (OpenAI models page): 4.05 keeps that order.
    const gen = num(m[1], m[2]) + (m[3] ? 0.05 : 0);
    return { line: 'gpt', family: m[4], gen, scale: 'version', label: `${m[1]}${m[2] ? `.${m[2]}` : ''}${m[3] ?? ''}` };
  }
  m = /^o(\d)(?:-(mini|pro))?(?:-|$)/.exec(s);
  if (m) return { line: 'o', family: m[2], gen: Number(m[1]), scale: 'version', label: `o${m[1]}` };
  m = /^(gemini|gemma)-(\d)(?:\.(\d))?(?:-(pro|flash-lite|flash|ultra|nano))?/.exec(s);
  if (m) return { line: m[1], family: m[4], gen: num(m[2], m[3]), scale: 'version', label: m[3] ? `${m[2]}.${m[3]}` : m[2] };
  // The family-first ids of Gemini 1.x (`gemini-pro-1.5`, `gemini-flash-1.5-8b`, as genai-prices and OpenRouter
  // name them); `gemini-pro` alone is Gemini 1.0 Pro (https://ai.google.dev/gemini-api/docs/models/gemini: the
  // `gemini-pro` alias of gemini-1.0-pro).
  m = /^gemini-(pro|flash)(?:-(\d)\.(\d)(?:-|$)|(?:-vision)?$)/.exec(s);
  if (m) return { line: 'gemini', family: m[1], gen: m[2] ? num(m[2], m[3]) : 1, scale: 'version', label: m[2] ? `${m[2]}.${m[3]}` : '1.0' };
  m = /^grok-(\d)(?:[.-](\d{1,2})(?!\d))?/.exec(s);
  if (m) return { line: 'grok', gen: num(m[1], m[2]), scale: 'version', label: m[2] ? `${m[1]}.${m[2]}` : m[1] };
  m = /^deepseek-v(\d)(?:\.(\d))?/.exec(s);
  if (m) return { line: 'deepseek', gen: num(m[1], m[2]), scale: 'version', label: m[2] ? `V${m[1]}.${m[2]}` : `V${m[1]}` };
  m = /^(mistral|ministral|magistral|codestral|devstral|pixtral)(?:-(small|medium|large|tiny))?[-\w]*-(\d{2})(\d{2})$/.exec(s);
  if (m && Number(m[4]) >= 1 && Number(m[4]) <= 12) return { line: m[1], family: m[2], gen: Number(`${m[3]}${m[4]}`), scale: 'date', label: `${m[3]}${m[4]}` };
  m = /^(llama|qwen|phi|command|nova|kimi|glm)-?(\d+)(?:\.(\d+))?/.exec(s);
  if (m) return { line: m[1], gen: num(m[2], m[3]), scale: 'version', label: m[3] ? `${m[2]}.${m[3]}` : m[2] };
  return undefined;
}

/**
 * Is `target` the same or a newer generation than `current`? Only within one line and one scale; anything
 * unknown is `undefined` (the advisor treats it as no).
 */
export function sameOrNewer(current: string, target: string): boolean | undefined {
  const a = generationOf(current);
  const b = generationOf(target);
  if (!a || !b || a.line !== b.line || a.scale !== b.scale) return undefined;
  return b.gen >= a.gen;
}

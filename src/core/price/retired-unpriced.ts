// Models their providers shut down that no price sheet holds: genai-prices has no row for them, or the sync leaves
// them out (legacy completions models: src/core/price/genai-import.ts). Real code still names them (`text-davinci-003`
// in apps written in 2023); without this list the lens would say "unknown model, add it to a price sheet", which sends
// the user to price a call that fails. With it the call reads as what it is: retired, requests to it fail, and the
// replacement the provider names (followed to a current model by the deprecation warning, cost/warnings.ts).
import type { ModelPrice } from './price-types';

const OPENAI_PAGE = 'OpenAI deprecations page (https://developers.openai.com/api/docs/deprecations; copy in openai/openai-cookbook examples/data/oai_docs/deprecations.txt@d2bb606)';
const CLAUDE = 'Anthropic model deprecations page (https://docs.anthropic.com/en/docs/about-claude/model-deprecations)';

interface Row {
  ids: RegExp;
  provider: string;
  retires: string;
  successor?: string;
  source: string;
}

const ROWS: Row[] = [
  { ids: /^text-(ada|babbage|curie)-001$|^text-davinci-00[123]$/, provider: 'openai', retires: '2024-01-04', successor: 'gpt-3.5-turbo-instruct', source: `${OPENAI_PAGE}, 2023-07-06 "GPT and embeddings", InstructGPT models: text-ada-001, text-babbage-001, text-curie-001, text-davinci-001/002/003 shut down 2024-01-04, recommended replacement gpt-3.5-turbo-instruct` },
  { ids: /^(ada|babbage)$/, provider: 'openai', retires: '2024-01-04', successor: 'babbage-002', source: `${OPENAI_PAGE}, 2023-07-06 "GPT and embeddings", Base GPT models: ada, babbage shut down 2024-01-04, recommended replacement babbage-002` },
  { ids: /^(curie|davinci)$/, provider: 'openai', retires: '2024-01-04', successor: 'davinci-002', source: `${OPENAI_PAGE}, 2023-07-06 "GPT and embeddings", Base GPT models: curie, davinci shut down 2024-01-04, recommended replacement davinci-002` },
  { ids: /^(text|code)-davinci-edit-001$/, provider: 'openai', retires: '2024-01-04', successor: 'gpt-4o', source: `${OPENAI_PAGE}, 2023-07-06 "GPT and embeddings", Edit models & endpoint: text-davinci-edit-001, code-davinci-edit-001 shut down 2024-01-04, recommended replacement gpt-4o` },
  { ids: /^code-(davinci|cushman)-00[12]$/, provider: 'openai', retires: '2023-03-23', successor: 'gpt-4o', source: `${OPENAI_PAGE}, 2023-03-20 "Codex models": code-davinci-002/001, code-cushman-002/001 shut down 2023-03-23, recommended replacement gpt-4o` },
  { ids: /^claude-(instant-)?v?1(\.\d+)?(-100k)?$/, provider: 'anthropic', retires: '2024-11-06', source: `${CLAUDE}: claude-1.x and claude-instant-1.x retired 2024-11-06` },
];

const MADE = new Map<string, ModelPrice>();

/**
 * A retired model no sheet prices, as a price row that carries only its retirement (prices 0 are never shown: the
 * call stays unpriced). Case-insensitive; a `provider/` prefix is ignored. Undefined for any other id.
 */
export function retiredUnpriced(id: string): ModelPrice | undefined {
  const bare = id.toLowerCase().replace(/^[a-z0-9-]+\//, '');
  const row = ROWS.find((r) => r.ids.test(bare));
  if (!row) return undefined;
  let m = MADE.get(bare);
  if (!m) {
    m = { id: bare, provider: row.provider, input: 0, output: 0, sheet: -1, deprecated: { retires: row.retires, source: row.source, ...(row.successor ? { successor: row.successor } : {}) } };
    MADE.set(bare, m);
  }
  return m;
}

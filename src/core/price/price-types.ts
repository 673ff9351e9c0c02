// Plain data of the price stage: a model's prices as a sheet gives them, and the table of all sheets. Re-exported by
// ../types.ts, where the rest of the pipeline's plain data is.
import type { CallFeature } from '../types';

export interface ModelPrice {
  id: string;
  provider: string;
  /** USD per 1M tokens. */
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
  /** Fraction off with the provider's batch API, e.g. 0.5. */
  batchDiscount?: number;
  /** Prices that apply when the prompt is above `above` input tokens. */
  tiers?: { above: number; input: number; output: number; cachedInput?: number }[];
  maxOutput?: number;
  context?: number;
  /** Tokenizer family: `o200k_base`, `cl100k_base`, or an estimate family like `claude`. */
  tokenizer?: string;
  /** Multiplier on the o200k count for models without a public tokenizer. */
  tokenFactor?: number;
  tier?: 'frontier' | 'balanced' | 'fast';
  aliases?: string[];
  reasoning?: boolean;
  /** An embedding model: billed per input token, no output; priced only at embedding calls (CallSite.embedding).
   * A realtime (speech-to-speech) model: its text tokens priced as input/output, its audio tokens (audioInput,
   * audioOutput) named, never counted: their number is the session's audio, known at run time. */
  kind?: 'embedding' | 'realtime';
  /** USD per 1M audio tokens in and out (a realtime model's). */
  audioInput?: number;
  audioOutput?: number;
  /**
   * Rates that apply at some times only (a time-of-day window, a date range, weekdays), in the data's order:
   * the last one whose condition holds wins, else the base input/output (genai-prices' rule).
   */
  rates?: PriceRate[];
  /** Prices with a service tier set in the request (OpenAI `service_tier`: flex, priority). */
  serviceTiers?: Record<string, { input: number; output: number; cachedInput?: number }>;
  /** Deprecation or retirement, each part from the data it names. */
  deprecated?: { retires?: string; successor?: string; source: string };
  /** What the model supports, from the data (LiteLLM supports_*); absent: unknown. */
  supports?: CallFeature[];
  /** A longer context than `context` available by opting in (a beta header, another model id). */
  contextOptIn?: { context: number; how: string };
  /** Self-hosted: price per GPU hour and throughput, from which input/output per 1M are derived. */
  selfHosted?: { gpuHourUsd: number; inputTokensPerSecond: number; outputTokensPerSecond: number };
  /** Index of the sheet it came from in PriceTable.sheets. */
  sheet: number;
}

/** A rate in force at some times only. All times are UTC. */
export interface PriceRate {
  input: number;
  output: number;
  cachedInput?: number;
  /** From this date (YYYY-MM-DD, inclusive). */
  from?: string;
  /** Until this date (YYYY-MM-DD, exclusive). */
  until?: string;
  /** Daily window `HH:MM-HH:MM` in UTC; may wrap midnight. */
  hours?: string;
  /** Weekday rule: `weekdays` (Mon–Fri) or `weekends`, by the UTC day. */
  days?: 'weekdays' | 'weekends';
  /** Where the rate and its window come from. */
  note?: string;
}

export interface PriceSheetInfo {
  provider: string;
  asOf: string;
  source: string;
  /** The provider's region these prices are for, where it prices regions apart (Alibaba Cloud Model Studio). */
  region?: string;
  /** File path or `settings` / `shipped:<name>`. */
  origin: string;
}

export interface PriceTable {
  sheets: PriceSheetInfo[];
  models: ModelPrice[];
}

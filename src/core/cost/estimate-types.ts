// Plain data of the estimate stage: what the analysis says of each call (its estimate, suggestions, warnings, the
// per-run figures of a loop or agent) and the options it takes. Re-exported by ../types.ts, where the rest of the
// pipeline's plain data is.
import type { CallSite, RunSite } from '../types';

export interface Suggestion {
  kind: 'route' | 'limit-output' | 'batch' | 'cache' | 'off-peak';
  /** A few words on why this is safe to take (`same family, one tier down; supports tools`). */
  why?: string;
  model?: string;
  /** For limit-output: the limit proposed. */
  limit?: number;
  /** For limit-output: the parameter to write when it is not the call's own (`max_completion_tokens` for an OpenAI
   * reasoning model on an SDK that sends `max_tokens` as written). */
  param?: string;
  saveUsd: number;
  savePct: number;
  text: string;
}

export type MaxOutputSource = 'code' | 'runtime' | 'model-default' | 'none';

export interface Estimate {
  modelKnown: boolean;
  /** Canonical id from the price table, when known. */
  priceId?: string;
  /** The provider of the sheet row priced (an id can be in several sheets: a host's, a region's). */
  priceProvider?: string;
  inputTokens: number;
  tokenCount: 'exact' | 'estimate';
  /** Tokens of the prompt text alone, before message overhead and factor (tool definitions included). */
  promptTokens: number;
  /** Of inputTokens, the tool definitions and the provider's tool-use system prompt. */
  toolTokens?: number;
  maxOutputTokens?: number;
  maxOutputSource: MaxOutputSource;
  inputUsd: number;
  outputUsdMax: number;
  outputUsdExpected: number;
  totalUsdMax: number;
  perMonthUsdMax: number;
  perMonthUsdExpected: number;
  /** Tier, reasoning and context notes for the hover. */
  notes: string[];
  /** The rate the worst case uses and every other rate with when it applies, for the hover. */
  rates?: string[];
  /** Answers the call asks for (`n`, `best_of`, `candidateCount`), when more than one: output dollars are × this. */
  choices?: number;
  /** The service tier whose price applied (`flex`, `priority`), when the code sets one the data prices. */
  serviceTier?: string;
  /** Priced at the batch rate: the call is a request of a batch job (CallSite.batchJob) and its sheet has the discount. */
  batchPrice?: true;
  /** A prompt part whose text the callers of its function pass, not all the same: the longest is counted. */
  byCaller?: ByCaller;
}

/** Part `part`'s callers (its source's `callers`), each caller's text's tokens in their order; with `also`, the other
 * parts the same callers pass (a wrapper's system and user prompts), each caller's count their sum. */
export interface ByCaller {
  part: number;
  tokens: number[];
  also?: number[];
  /** Each caller's own output limit, when the callers pass different ones (the row prices the largest). */
  limits?: (number | undefined)[];
  /** Each caller's own model, when the callers pass different ones (the row prices the dearest). */
  models?: (string | undefined)[];
}

/** Something the provider will refuse or change: a retired model, a prompt over the context window. */
export interface CallWarning {
  kind: 'deprecated' | 'context-window' | 'service-tier' | 'closed-host' | 'other-vendor' | 'own-server' | 'wrong-endpoint' | 'audio-unpriced' | 'refused' | 'thinking-budget';
  severity: 'error' | 'warning' | 'info';
  text: string;
  /** A deprecated model already past its retirement date: the date (requests to it fail). */
  retired?: string;
  /** A deprecated model: the current model that replaces it (named by the provider, or the newest of its line). */
  replacement?: string;
  /** Said of another model the call can take (`site.model.others`), not of the one priced: its id. */
  model?: string;
}

export interface AnalyzedCall {
  site: CallSite;
  /** In a notebook: the 1-based cell (markdown cells count), and `line` is inside it. */
  cell?: number;
  /** 1-based line of the anchor. */
  line: number;
  /** 1-based line where the request is built, when it is built on another line than the call (in a notebook: a line of
   * `requestCell`, or of `cell` when that is absent). */
  requestLine?: number;
  /** In a notebook: the cell holding `requestLine`, when it is not the call's own cell. */
  requestCell?: number;
  estimate: Estimate;
  suggestions: Suggestion[];
  warnings?: CallWarning[];
  /** Per-run figures for a call in a loop or agent (cost/run.ts). */
  run?: RunEstimate;
}

export interface RunTurn {
  turn: number;
  inputTokens: number;
  usdMax: number;
  cachedUsdMax: number;
}

/** One run of a call in a loop or agent: turn k re-sends turn 1's input plus k-1 answers and tool results. */
export interface RunEstimate {
  turns: number;
  turnsSource: RunSite['turnsSource'];
  turnsFrom: string;
  growsHistory: boolean;
  /** The loop keeps only the conversation's last N messages: its growth stops at N answers or tool results. */
  keepsMessages?: number;
  /** Tool-definition tokens on every call, with the provider's tool-use overhead. */
  toolTokens: number;
  /** Tokens assumed per tool result appended to the history (`promptCost.toolResultTokens`). */
  toolResultTokens: number;
  inputTokensFirstTurn: number;
  inputTokensLastTurn: number;
  totalUsdMax: number;
  totalUsdExpected: number;
  /** Worst case with the repeated prefix read from the provider's prompt cache. */
  cachedTotalUsdMax: number;
  /** automatic: the provider caches by itself; cache_control: the code marks it; needs-cache-control: it would with a breakpoint; none. */
  caching: 'automatic' | 'cache_control' | 'needs-cache-control' | 'none';
  perTurn: RunTurn[];
  /** The growing conversation fills the model's context window (`window` tokens with the answer) from this turn on:
   * no later turn is priced above it. */
  contextFull?: { fromTurn: number; window: number };
  /** No output bound is known (no limit in the code, or one set at run time, and no maximum output for the model): the
   * worst case counts input only, and is no bound. */
  outputUnbounded?: true;
}

export interface AnalyzeOptions {
  /** Typical output length used for the expected cost. */
  expectedOutputTokens: number;
  callsPerMonth: number;
  /** Models offered for comparison and routing (empty: the whole table's ladder). */
  compareModels: string[];
  /** Use an approximate count when the exact tokenizer is not loaded yet. */
  allowApproximate: boolean;
  /**
   * The current time (ISO 8601), passed in by the front end: the core never reads the clock. It picks the
   * rates in force and decides what is retired. Unset: the price sheet's as_of date, all hours of it.
   */
  now?: string;
  /** Turns assumed for a loop or agent whose code states no bound. */
  agentTurns: number;
  /** Tokens assumed for each tool result a loop appends to the conversation. */
  toolResultTokens: number;
  /** Model to price a call with when the code leaves it to run time (setting promptCost.assumeModel). */
  assumeModel?: string;
  /** Whether the whole file answers requests (scan/interactive-files.ts), when the text analysed is a part of it (a
   * first screen, editor/prefix.ts). */
  servesRequests?: boolean;
}

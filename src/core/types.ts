// Plain data that flows through the pipeline. Nothing here holds a function or an editor type.

/** Offsets into the source text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of prompt text found in a call: a literal, a resolved constant, or something we could not read. */
export interface PromptPart {
  /** Decoded text; empty when unresolved. */
  text: string;
  span: Span;
  resolved: boolean;
  /** What could not be resolved, for the report: an identifier, `${expr}`, `{{var}}`. */
  label?: string;
  /** Came from a named constant (a candidate for a cacheable static prefix). */
  fromConstant?: string;
  /** Where the text was defined when not in the call itself (a constant, another file, a prompt file). */
  source?: ValueSource;
  /** A further text part of the same message's content list (`content: [{type: "text", text: …}, …]`): OpenAI
   * bills the parts' text joined (tokenize/chat-format.ts joinsParts). */
  joinsPrevious?: boolean;
}

/** Where a value the call uses was written: the hover links to it, the switch-model fix edits it there. */
export interface ValueSource {
  /** Workspace path of the defining file; absent for the analysed file itself. */
  file?: string;
  /** Offset of the definition in that file. */
  offset: number;
  /** 1-based line in that file (filled by analyze for the analysed file). */
  line?: number;
  /** In a notebook: the cell (1-based) that holds the definition; `line` and `offset` are then that cell's. */
  cell?: number;
  /** What it is, for the hover: `constant SYSTEM`, `default of parameter max_tokens`, `default of env MODEL`. */
  what: string;
}

export type ValueKind = 'literal' | 'constant' | 'sdk-constant' | 'wrapper' | 'front-matter' | 'assumed';

export interface ModelRef {
  /** The model id as written after resolution (`gpt-4o`, `anthropic/claude-…`, a deployment name). */
  id: string;
  /** Where the value is in the text, for an in-place edit (the literal or constant token). */
  span: Span;
  kind: ValueKind;
  /** Provider implied by a wrapper or prefix (`openai("…")`, `googleai/…`). */
  provider?: string;
  /** For an edit: the literal's quote character, when the value is a string literal. */
  quote?: string;
  /** For an SDK constant: the name as written (`GPT_4O`, `ChatModelGPT4o`), to keep its naming style. */
  written?: string;
  /** Where the value was defined, when not written in the call. */
  source?: ValueSource;
  /** The file `span` is in, when the value is written in another file than the call's. */
  file?: string;
  /** Other values the expression can take (a helper with several returns): `id` is the dearest of them. */
  others?: string[];
  /** Where each of `others` is defined, when read from its own binding (an if / else arm): the From of the one priced. */
  otherSources?: Record<string, ValueSource>;
  /** Given by the user, not read from the code: a `prompt-cost: model=…` comment or the assumeModel setting. */
  assumed?: 'comment' | 'setting';
  /** A framework's default, written in no file of the workspace (`source` names it): no in-place edit. */
  unwritten?: boolean;
}

export interface LimitRef {
  value: number;
  span: Span;
  /** The key as written in the code (`max_tokens`, `MaxOutputTokenCount`, `maxOutputTokens`). */
  key: string;
  /** Where the number was defined, when not written in the call. */
  source?: ValueSource;
  /** The file `span` is in, when not the call's. */
  file?: string;
  /** Other values the limit can take, chosen at run time (`LIMITS[model]`): `value` is the largest, the worst case. */
  others?: number[];
  /** A framework's default, written in no file of the workspace (`source` names it): no in-place edit. */
  unwritten?: boolean;
}

/** Where and how an output limit can be added to a call, in the call's own syntax. */
export interface LimitInsertion {
  offset: number;
  /** Text with `{n}` standing for the number, e.g. `, max_completion_tokens={n}`. */
  template: string;
}

export interface CallSite {
  /** Call-shape id from the table (`openai.chat`, `anthropic.messages`, `prompty`, …). */
  shape: string;
  /** SDK family shown to users (`OpenAI`, `Anthropic`, `Vercel AI SDK`, …). */
  sdk: string;
  /** Provider the SDK talks to by default, used to disambiguate a model id. */
  provider?: string;
  /** The host an OpenAI-compatible client is pointed at by its base URL (scan/base-url.ts), when the table knows it. */
  host?: { name: string; closed?: { on: string; source: string } };
  languageId: string;
  /** The whole call; the lens goes on the line of `anchor.start`. */
  span: Span;
  /** The sending method's name and bracket (`create(`, `New(`, `CreateResponse(`); the lens goes on its line. */
  anchor: Span;
  /** Where the request is built when that is away from the call (a params variable, a builder, a construction). */
  request?: Span;
  model?: ModelRef;
  /** Model expression we could not resolve (a parameter, an env lookup). */
  modelUnresolved?: string;
  maxOutput?: LimitRef;
  /** An output limit the code sets from an expression only known at run time (`max_tokens=cfg.limit`). */
  maxOutputUnresolved?: string;
  /** The SDK's exact name for the output limit (for advice and quick fixes). */
  limitParam: string;
  limitInsertion?: LimitInsertion;
  /** Anthropic extended thinking budget, when set in code. */
  thinkingBudget?: number;
  /** `service_tier` (`ServiceTier`, `serviceTier`) as written in code, lower case: `flex`, `priority`, `auto`, … */
  serviceTier?: string;
  /** What the call uses, read from its keys: a routing target must support each. */
  uses?: CallFeature[];
  parts: PromptPart[];
  /** Number of chat messages the prompt parts form (for per-message token overhead), a system prompt given
   * beside the messages (`system=`, `instructions=`) included. */
  messages: number;
  /** How many of them are assistant messages (OpenAI's harmony format bills 2 more for each). */
  assistantMessages?: number;
  /** How many of them are a system prompt given beside the messages (`system=`, `instructions=`): Claude bills a
   * turn's markers per user message only. */
  systemMessages?: number;
  /** Keys of values billed as input that are not counted: tool definitions, a response schema (as written). */
  uncountedInput?: string[];
  /** Made more than once per run: inside a loop, or run by an agent framework (scan/runs.ts). */
  run?: RunSite;
  /** Tool (function) definitions sent with the call: billed as input on every call. */
  tools?: ToolDefs;
  /** A response schema written as a literal (`response_format`, `output_format`): billed as input where the provider bills it. */
  schema?: ToolDefs;
  /** The code marks a prompt-cache breakpoint (`cache_control`). */
  cacheControl?: boolean;
  /** false: the provider's batch API cannot send this call (an OpenAI Assistants run), so no batch advice. */
  batchable?: false;
}

/** How often a call is made per run, as the code states it. */
export interface RunSite {
  kind: 'loop' | 'agent';
  /** Turns stated by the code or the framework's default; absent: the `promptCost.agentTurns` setting applies. */
  turns?: number;
  turnsSource: 'code' | 'framework-default' | 'setting';
  /** What set the turns, for the hover: `range(8)`, `max_turns=5`, `OpenAI Agents SDK default`, `while True`. */
  turnsFrom: string;
  /** The loop appends to the conversation it sends, so each turn re-sends all earlier ones. */
  growsHistory: boolean;
  /** The output limit the code sets holds for the whole run, not each turn (OpenAI Assistants max_completion_tokens). */
  limitPerRun?: true;
  /** Where the run lens goes: the loop's header, or the agent call itself. */
  anchor: Span;
  /** The text the run was read from (the loop, header to the end of its body; or the call): edits there re-read it. */
  extent: Span;
}

/** Tool definitions as written: their text in compact JSON form (what the SDK serialises) and how many there are. */
export interface ToolDefs {
  text: string;
  definitions: number;
  span: Span;
}

/** Features a call can use that not every model supports. */
export type CallFeature = 'tools' | 'structured-output' | 'images' | 'reasoning-effort' | 'streaming';

export interface Problem {
  file: string;
  /** In a notebook: the 1-based cell (markdown cells count), and `line` is inside it. */
  cell?: number;
  /** 1-based. */
  line?: number;
  message: string;
}

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
  /** File path or `settings` / `shipped:<name>`. */
  origin: string;
}

export interface PriceTable {
  sheets: PriceSheetInfo[];
  models: ModelPrice[];
}

export interface Suggestion {
  kind: 'route' | 'limit-output' | 'batch' | 'cache' | 'off-peak';
  /** A few words on why this is safe to take (`same family, one tier down; supports tools`). */
  why?: string;
  model?: string;
  /** For limit-output: the limit proposed. */
  limit?: number;
  saveUsd: number;
  savePct: number;
  text: string;
}

export type MaxOutputSource = 'code' | 'runtime' | 'model-default' | 'none';

export interface Estimate {
  modelKnown: boolean;
  /** Canonical id from the price table, when known. */
  priceId?: string;
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
  /** The service tier whose price applied (`flex`, `priority`), when the code sets one the data prices. */
  serviceTier?: string;
}

/** Something the provider will refuse or change: a retired model, a prompt over the context window. */
export interface CallWarning {
  kind: 'deprecated' | 'context-window' | 'service-tier' | 'closed-host';
  severity: 'error' | 'warning' | 'info';
  text: string;
  /** A deprecated model already past its retirement date: the date (requests to it fail). */
  retired?: string;
  /** A deprecated model: the current model that replaces it (named by the provider, or the newest of its line). */
  replacement?: string;
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
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

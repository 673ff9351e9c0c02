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
  /** A text chosen from several (a helper's returns): how many. The hover says which one counts: the longest for a
   * prompt, the dearest (priced) for a model. */
  of?: number;
  /** Of those, the ones known only at run time (`case B`). */
  late?: string[];
  /** A text its function's callers pass, not all the same: each caller's place and static text (the longest is the
   * one counted; the hover counts each). */
  callers?: CallerText[];
  /** The default the code writes for a value it reads at run time (`x || 4096`, `x ?? "m"`, `getenv("M", "m")`, a CLI
   * option's default): what is sent when that value is not set. */
  fallback?: true;
}

/** Where a caller passes a text (its argument), and the text's static part; for an output limit the callers pass,
 * not all the same, the number it passes (`text` empty). */
export interface CallerText {
  /** Workspace path; absent for the analysed file itself. */
  file?: string;
  offset: number;
  line?: number;
  cell?: number;
  text: string;
  num?: number;
  /** Offset of the call's name (in `file`): the texts, limit and model one call passes are told apart by it. */
  call?: number;
  /** The caller passes one of several values (its own callers', a branch's): `text` is the longest, not its model. */
  several?: true;
  /** The caller's text is known only at run time (its `text` is empty). */
  runtime?: true;
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
  /** A gateway the request goes through under a name not read here (RubyLLM `provider: :openrouter` with a vendor's
   * id, which RubyLLM maps by its alias table): priced by the vendor's row, but no vendor batch API takes it. */
  gateway?: string;
  /** For an edit: the literal's quote character, when the value is a string literal. */
  quote?: string;
  /** For an SDK constant: the name as written (`GPT_4O`, `ChatModelGPT4o`), to keep its naming style; a key qualified by its enum (`DeepSeekApi.ChatModel.DEEPSEEK_CHAT`) whole. */
  written?: string;
  /** What the code writes before `id` (`models/` of Gemini's `models/gemini-2.5-flash`): shown without, an edit keeps it. */
  prefix?: string;
  /** Where the value was defined, when not written in the call. */
  source?: ValueSource;
  /** The file `span` is in, when the value is written in another file than the call's. */
  file?: string;
  /** Other values the expression can take (a helper with several returns): `id` is the dearest of them. */
  others?: string[];
  /** Where each of `others` is defined, when read from its own binding (an if / else arm): the From of the one priced. */
  otherSources?: Record<string, ValueSource>;
  /** Of `others`, those another vendor's construction makes (a factory's arm: `ChatAnthropic(…)` beside `ChatOpenAI(…)`):
   * its provider and limit keyword, so it is priced from its own vendor's sheet (analyze.ts dearest). */
  otherArms?: Record<string, { provider: string; limitParam?: string }>;
  /** Given by the user, not read from the code: a `prompt-cost: model=…` comment or the assumeModel setting. */
  assumed?: 'comment' | 'setting';
  /** A framework's default, written in no file of the workspace (`source` names it): no in-place edit. */
  unwritten?: boolean;
  /** Put together from parts (`f"models/{MODEL_ID}"`): no one place holds it, so no in-place edit. */
  composed?: boolean;
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
  /** `others` are what different callers of a wrapper pass, each stated in code (`call_llm(p, max_tokens=2000)`,
   * `call_llm(p, max_tokens=1000)`): the limit is from code, `value` the largest. */
  byCaller?: true;
  /** The limit sent is computed at run time (`budget - len(prompt)`, `min(n, 4000)`) and `value` is its upper bound. */
  bounded?: true;
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
  /** Where a relative request URL's host comes from (a client's base URL, or OpenAI's path assumed), for the hover. */
  urlFrom?: string;
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
  /**
   * The call goes to a host (its base URL) whose name for the output limit is not known (`param` absent), or that the
   * SDK has no field for (`param`, the host's name on the wire): advice names no SDK field and no limit is inserted.
   */
  limitUnnamed?: { host: string; param?: string };
  /** The host of a base URL the code states that the host table does not have (`localhost`, scan/base-url.ts): not the vendor's own API. */
  unlistedHost?: string;
  /** That host is the user's own server (price/hosts.ts localServer): its name; no per-token price. */
  localServer?: string;
  /** The client's base URL is set from a value the code does not state (an environment variable): its vendor is not known. */
  baseUrlUnstated?: boolean;
  limitInsertion?: LimitInsertion;
  /** What a framework sends when the code sets no limit (scan/crewai-limit.ts): the worst case, `label` for the lens. */
  sdkDefaultLimit?: { value: number; label: string; what: string };
  /** The pinned SDK release has no field for an output limit (Koog before 0.4.0): what it sends, no cap advised. */
  limitAbsent?: string;
  /** The Koog release the build pins (scan/koog-release.ts): route advice names only models it has a constant for. */
  koogRelease?: string;
  /** The limit is set on a model that other calls share (a LangChain4j RAG step's chat model): why no number is proposed. */
  limitShared?: string;
  /** Each step's reply is the framework's JSON action (browser-use AgentOutput): a cap below it breaks the step. */
  stepJson?: string;
  /** The reply is JSON held to a schema with lists (scan/json-list-reply.ts): as long as they grow, so no cap number. */
  jsonLists?: string;
  /** Anthropic extended thinking budget, when set in code. */
  thinkingBudget?: number;
  /** `thinking: { type: 'enabled' }` with no budget key (scan/ai-sdk-thinking.ts gives the AI SDK's default). */
  thinkingUnbudgeted?: true;
  /** The thinking budget is set from a value only known at run time (`budgetTokens: budget`): its expression. */
  thinkingBudgetUnresolved?: string;
  /** The thinking budget is the SDK's default, not written in the code (scan/ai-sdk-thinking.ts): what sets it. */
  thinkingBudgetDefault?: string;
  /** Claude's adaptive thinking asked for (`thinking: {type: "adaptive"}`): it spends output tokens inside the limit. */
  adaptiveThinking?: boolean;
  /** The request forces a tool call (`tool_choice` required / a named function, Anthropic any / tool): the reply is
   * the tool's arguments, as long as the input makes them. */
  forcedTool?: boolean;
  /** `service_tier` (`ServiceTier`, `serviceTier`) as written in code, lower case: `flex`, `priority`, `auto`, … */
  serviceTier?: string;
  /** The request asks for several answers (`n`, `best_of`, `candidateCount`; scan/choices.ts): each bills its own output,
   * the input once. Absent when it asks for one. `n` absent: the count is known only at run time (`runtime`). `span`,
   * of the count, only when it is in this file (the editor's keystroke path moves it, editor/incremental.ts). */
  choices?: { n?: number; key: string; span?: Span; runtime?: string };
  /** What the call uses, read from its keys: a routing target must support each. */
  uses?: CallFeature[];
  parts: PromptPart[];
  /** The parts per model when a switch on the call's model builds its prompt (scan/model-arms.ts): the priced model's
   * are counted (analyze.ts), never another model's arm. */
  partsByModel?: Record<string, PromptPart[]>;
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
  /** In a loop that makes the call again only when it fails (scan/retry.ts): the loop's header and the statement that
   * ends it after a success (`while answer is None` / `answer = …`). Priced as one call. */
  retry?: { loop: string; exit: string };
  /** Tool (function) definitions sent with the call: billed as input on every call. */
  tools?: ToolDefs;
  /** A response schema written as a literal (`response_format`, `output_format`): billed as input where the provider bills it. */
  schema?: ToolDefs;
  /** The code marks a prompt-cache breakpoint (`cache_control`). */
  cacheControl?: boolean;
  /** false: the provider's batch API cannot send this call (an OpenAI Assistants run), or its answer is waited for
   * (the first request of a tool loop's conversation, scan/loop-starts.ts), or whether it is waited for is a library's
   * users' choice (scan/library-modules.ts), so no batch advice. */
  batchable?: false;
  /** A legacy text-completions call (OpenAI /v1/completions, Anthropic /v1/complete): billed its prompt as written, with
   * no chat format around it (tokenize/chat-format.ts textCompletionFormat); moves only to a model that serves it. */
  textCompletion?: true;
  /** The client library refuses the request before sending it (scan/dspy-reasoning.ts): why, said as an error. */
  refused?: string;
  /** An embeddings call (OpenAI /v1/embeddings, Gemini embedContent, Cohere embed, …): billed per input token, its
   * texts counted as they are (no chat format), no output, no output limit, and no switch of model (another embedding
   * model means other vectors: the corpus is embedded again). */
  embedding?: true;
  /** A person waits for the answer (scan/interactive.ts): no batch, and no off-peak hour either. */
  interactive?: true;
  /** A request of a batch job (scan/batch-requests.ts), its API's name: billed at the batch rate, never told to batch. */
  batchJob?: string;
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
  /** The loop cuts the conversation to its last N messages (scan/history-trim.ts): it grows no further. */
  keepsMessages?: number;
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

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

// The price and estimate stages' plain data, in files of their own; one import of this file serves for all.
export type { ModelPrice, PriceRate, PriceSheetInfo, PriceTable } from './price/price-types';
export type { AnalyzedCall, AnalyzeOptions, CallWarning, Estimate, MaxOutputSource, RunEstimate, RunTurn, Suggestion } from './cost/estimate-types';

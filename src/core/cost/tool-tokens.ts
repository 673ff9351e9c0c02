// What tool (function) definitions and a structured-output schema add to a request's input, per provider family:
// one fitted model for the single-call estimate, the agent-run estimate (which starts from it) and
// `prompt-cost calibrate` (tokenize/request-count.ts).
//
// Fitted on the residual of recorded calls after the text rule (tokenize/chat-format.ts): VCR cassettes of
// pydantic/pydantic-ai@4fda3898, crewAIInc/crewAI@f4731f50 and Mirascope/mirascope@41d43357 (fitting set), checked
// on eleven other repositories' cassettes (held-out: posit-dev/chatlas@ea453113, tidyverse/ellmer@57e3d72d,
// crmne/ruby_llm@fb5a49bf, Arize-ai/openinference@1fe497f1, traceloop/openllmetry@93429cfb, …). Function tools
// only (server tools such as web search are hidden input). The model, before the family's text factor:
//   perJsonToken × o200k tokens of the definitions' JSON ([{name, description, parameters}, …])
//   + perDefinition × definitions + once.
// The JSON is counted with o200k_base whatever the model's own vocabulary: that is what the fit was made on.
// Gemini instead: the definitions' texts as Google's offline counter collects them (./tool-texts), in Gemma 3 tokens,
//   perText × those tokens + perDefinition × definitions + perProperty × properties + once.
import { countTokens } from '../tokenize/token-count';
import { declarationTexts, readToolText } from './tool-texts';
import { openaiFunctions, openaiSchemaTokens, openaiToolTokens, type OpenAIToolContext } from './openai-tools';

export type ToolFamily = 'openai' | 'claude' | 'claude-3.7-4.1' | 'gemini' | 'gemini-2.0' | 'other';

/** Tool definitions as the caller has them: their JSON(-like) text, the parsed value when there is one. */
export interface ToolInput {
  text: string;
  value?: unknown;
  definitions: number;
}

export interface DefinitionCost {
  /** Per token of the definitions' JSON (o200k_base), or for Gemini of their texts (Gemma 3). */
  perJsonToken: number;
  perDefinition: number;
  /** Gemini: per property of the parameter schemas. */
  perProperty?: number;
  once: number;
  /** Tokens as billed, not times the factor (a documented system prompt), and with a forced tool. */
  billed?: number;
  billedForced?: number;
}

interface FamilyCost {
  tools: DefinitionCost;
  /** A structured-output JSON schema; absent where it is not billed (Gemini's responseSchema). */
  schema?: DefinitionCost;
  /** The fit, in words, for notes. */
  note: string;
}

const COSTS: Record<ToolFamily, FamilyCost> = {
  // OpenAI renders functions as a TypeScript namespace, fewer tokens than their JSON. Chat completions, 265 fitting
  // calls (Responses: 0.946, -17.3, 11; schema 0.959, -0.8; 97 calls). Held-out mean error 18.5 tokens / 17.5%
  // (chat, 54 calls) and 6.7 / 5.9% (Responses, 139 calls); not counted before: 68 and 49 tokens.
  openai: {
    tools: { perJsonToken: 0.948, perDefinition: -19.2, once: 10.6 },
    schema: { perJsonToken: 0.922, perDefinition: 0, once: 4.7 },
    // Used only where the definitions do not read as functions (./openai-tools renders those as the API does).
    note: 'as OpenAI writes them into its system message (a TypeScript namespace), + 9',
  },
  // 124 fitting calls; held-out (63): 65 tokens / 14.6% off on average, 463 when not counted. The once term holds
  // Anthropic's tool-use system prompt, documented as 346 tokens (tool_choice auto/none) or 313 (any/tool) for
  // Claude 4 models and Sonnet 3.7 (https://docs.claude.com/en/docs/agents-and-tools/tool-use/overview#pricing;
  // 530 for Claude 3 Opus, 159 Claude 3 Sonnet, 264 Claude 3 and 3.5 Haiku), and the tools block around the
  // definitions. A structured-output schema bills ~1.8 × its JSON + ~78.
  claude: {
    tools: { perJsonToken: 0.948, perDefinition: 28.1, once: 411.8 },
    schema: { perJsonToken: 1.81, perDefinition: 0, once: 77.6 },
    note: 'about 410 tokens of tool-use system prompt, + 28 per tool, + 0.95 × their JSON tokens',
  },
  // Sonnet 3.7, Sonnet 4, Opus 4 and 4.1 bill the tool-use system prompt Anthropic documents (346 tokens, 313 with
  // tool_choice any/tool; docs above), far under the fit above (472 × the factor): anthropics/anthropic-sdk-go@b43f0d7
  // toolrunner/testdata/cassettes, Sonnet 3.7, one tool, 376-414 billed, 549-587 counted with it. The rest as above
  // but per tool, fitted on that set's fit half (tool_runner_basic 402, tool_runner_concurrent 414,
  // tool_runner_next_streaming 394 input_tokens: −16.9, −18.1, −15.9 after the prompt and the JSON term; / 1.138).
  // Checked: the 7 other tool_runner calls (2.2% → 0.4% off) and the fitting set's Sonnet 4 calls
  // (test/fixtures/calibration/billed-tools.json).
  'claude-3.7-4.1': {
    tools: { perJsonToken: 0.948, perDefinition: -14.9, once: 0, billed: 346, billedForced: 313 },
    schema: { perJsonToken: 1.81, perDefinition: 0, once: 77.6 },
    note: "Anthropic's tool-use system prompt (346 tokens, 313 with a forced tool), + 0.95 × their JSON tokens − 15 per tool",
  },
  // Gemini 2.5 and later, 42 fitting calls (pydantic-ai's calls that force a function through toolConfig left out:
  // they bill up to 600 more, hidden input): 1.02 × Gemma 3 tokens of the texts + 37.9 per function + 13.2 per
  // property − 24.6. Held-out (41): 15.9 tokens off on average, median 7 (JSON as o200k text: 14.2, median 8; the
  // JSON fit used before: 20.0). A responseSchema is not billed: its fitted cost is ~0 (-0.006 per JSON token,
  // +0.4) on 121 calls.
  gemini: {
    tools: { perJsonToken: 1.02, perDefinition: 37.9, perProperty: 13.2, once: -24.6 },
    note: 'their names, descriptions and property names in Gemma 3 tokens, + 38 per function and 13 per property',
  },
  // Gemini 1.x/2.0 bill exactly the texts + 1 per function + 1 per property (5 fitting calls without toolConfig, all
  // exact); held-out (13): 4.0 tokens off on average, median 0 (JSON as text: 29.2).
  'gemini-2.0': {
    tools: { perJsonToken: 1, perDefinition: 1, perProperty: 1, once: 0 },
    note: 'their names, descriptions and property names in Gemma 3 tokens, + 1 per function and per property',
  },
  // Not measured: the JSON text as it is.
  other: { tools: { perJsonToken: 1, perDefinition: 0, once: 0 }, schema: { perJsonToken: 1, perDefinition: 0, once: 0 }, note: 'counted as their JSON text (not measured for this provider)' },
};

/** Input tokens that tool definitions add, times the text factor. `allowApproximate` as for countTokens. OpenAI
 * function tools with `openai` (the request around them) are counted as the API renders them (./openai-tools); the
 * fit below stays for what does not read as function definitions. `request.choice` also picks Claude's forced-tool
 * prompt. */
export function toolDefinitionTokens(family: ToolFamily, tools: ToolInput, factor: number, allowApproximate = false, request?: OpenAIToolContext): number {
  if (!tools.definitions && !tools.text) return 0;
  if (family === 'openai' && request) {
    const fns = openaiFunctions(tools.value ?? readToolText(tools.text));
    if (fns) return openaiToolTokens(fns, request, allowApproximate);
  }
  const c = COSTS[family].tools;
  let tokens: number;
  let properties = 0;
  if (family === 'gemini' || family === 'gemini-2.0') {
    const d = declarationTexts(tools.value ?? readToolText(tools.text));
    tokens = d.texts.reduce((n, t) => n + countTokens(t, 'gemma3', allowApproximate).tokens, 0);
    properties = d.properties;
  } else tokens = countTokens(tools.text, 'o200k_base', allowApproximate).tokens;
  const billed = (request?.choice === 'forced' ? c.billedForced : undefined) ?? c.billed ?? 0;
  return Math.max(0, Math.round(factor * (c.perJsonToken * tokens + c.perDefinition * tools.definitions + (c.perProperty ?? 0) * properties + c.once) + billed));
}

/** Input tokens a structured-output schema of `jsonTokens` o200k tokens adds, times the factor; 0 where not billed. */
export function schemaTokens(family: ToolFamily, jsonTokens: number, factor: number): number {
  const c = COSTS[family].schema;
  if (!c) return 0;
  return Math.max(0, Math.round(factor * (c.perJsonToken * jsonTokens + c.once)));
}

/** A response format's input tokens: OpenAI's as the API renders it (./openai-tools; `json_object` bills nothing:
 * langchaingo TestClient_WithResponseFormat 21 prompt_tokens, the messages alone), else the fit on its JSON's o200k
 * tokens. `value`: `{name, description, schema}` or a bare schema; `jsonObject`: a JSON mode without a schema. */
export function responseFormatTokens(family: ToolFamily, schema: { text: string; value?: unknown; jsonObject?: boolean }, factor: number, allowApproximate = false, openai?: OpenAIToolContext): number {
  if (family === 'openai' && openai) {
    if (schema.jsonObject) return 0;
    const v = schema.value ?? readToolText(schema.text);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      let o = v as Record<string, unknown>;
      if (o.type === 'json_object') return 0;
      if (o.json_schema !== null && typeof o.json_schema === 'object') o = o.json_schema as Record<string, unknown>;
      return openaiSchemaTokens(o.schema !== undefined && o.schema !== null ? o : { schema: o }, openai, allowApproximate);
    }
  }
  return schemaTokens(family, countTokens(schema.text, 'o200k_base', allowApproximate).tokens, factor);
}

/** Whether the family bills a structured-output schema as input. */
export function schemaBilled(family: ToolFamily): boolean {
  return COSTS[family].schema !== undefined;
}

/** How tool definitions are counted for the family, in words. */
export function toolsNote(family: ToolFamily): string {
  return COSTS[family].note;
}

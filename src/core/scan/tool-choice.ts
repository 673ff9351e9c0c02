// A request that forces a tool call: its reply is the tool's arguments, a document the input decides (a whole recipe
// list extracted), so cost/advisor.ts gives no "lower the limit" advice there, as for a response schema. The values:
// - OpenAI `tool_choice`: "none" | "auto" | "required" | {type: "function", function: {name}} | {type:
//   "allowed_tools", allowed_tools: {mode: "auto" | "required"}} (openai-python e43b4224 types/chat/
//   chat_completion_tool_choice_option_param.py, chat_completion_allowed_tools_param.py); openai-go
//   ChatCompletionToolChoiceOptionParamOfChatCompletionNamedToolChoice (v1.12.0 chatcompletion.go), openai-java
//   ChatCompletionToolChoiceOption.ofNamedToolChoice / Auto.REQUIRED.
// - Anthropic `tool_choice`: {type: "auto" | "any" | "tool" | "none"} (anthropic-sdk-python 009b0353
//   types/tool_choice_param.py); anthropic-sdk-go b43f0d7 message.go ToolChoiceUnionParam{OfAuto, OfAny, OfTool,
//   OfNone}, ToolChoiceParamOfTool(name).
// - Vercel AI SDK `toolChoice`: 'auto' | 'none' | 'required' | {type: 'tool', toolName} (ai-sdk.dev, Tool Calling).
// - Gemini `tool_config` function_calling_config mode AUTO | ANY | NONE | VALIDATED; ANY: "constrained to always
//   predicting function calls" (python-genai 66807187 types.py FunctionCallingConfigMode).
import { T } from '../lex/lexer';
import type { Ctx } from './values';

/** Tokens of a tool_choice value looked at (a literal one is short). */
const MAX_TOKENS = 200;
/** Values that leave the model free to answer in text. */
const FREE = new Set(['auto', 'none']);
const FORCING = new Set(['required', 'any', 'tool', 'function']);
const FORCING_ID = /NamedToolChoice|FunctionToolChoice|ParamOfTool$|^OfTool$|^OfAny$|^REQUIRED$|^ANY$/;

/** Does the `tool_choice` / `tool_config` value toks[from, to) force a tool call? A name known only at run time: no. */
export function forcesTool(c: Ctx, from: number, to: number): boolean {
  let forcing = false;
  for (let k = from; k < to && k < from + MAX_TOKENS; k++) {
    const tk = c.toks[k];
    if (tk.t === T.Str && tk.v.length <= 8) {
      const v = tk.v.toLowerCase();
      // "auto" anywhere (`{type: "allowed_tools", mode: "auto", tools: [{type: "function", …}]}`) leaves it free.
      if (FREE.has(v)) return false;
      if (FORCING.has(v)) forcing = true;
    } else if (tk.t === T.Id && FORCING_ID.test(tk.v)) forcing = true;
  }
  return forcing;
}

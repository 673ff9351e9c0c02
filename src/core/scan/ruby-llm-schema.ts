// RubyLLM's `chat.with_schema(schema)`: the schema goes with every request as the provider's structured-output
// field (lib/ruby_llm/chat.rb with_schema; providers/openai/chat.rb render_payload: `response_format: { type:
// 'json_schema', json_schema: { name:, schema:, strict: } }`, crmne/ruby_llm at fb5a49bf), billed as input like a
// response_format written in the call (cost/tool-tokens.ts responseFormatTokens). A Hash written in place or held by
// a name (`with_schema({ type: 'object', properties: { answer: { type: 'string' } } })`, spec/ruby_llm/
// chat_loop_spec.rb:331) is counted; a RubyLLM::Schema class (its DSL) is not read here and stays uncounted.
import type { ToolDefs } from '../types';
import type { Ctx } from './values';
import { toolsValue } from './tools';

/** The schema the `with_schema` argument at tokens [a[0], a[1]) sends, or undefined when it is not a literal read here. */
export function rubyLlmSchema(c: Ctx, a: [number, number] | undefined): ToolDefs | undefined {
  if (!a || a[1] <= a[0]) return undefined;
  const defs = toolsValue(c, a[0], a[1], a[0], []);
  return defs && defs.text.trim().startsWith('{') ? { ...defs, definitions: 1 } : undefined;
}

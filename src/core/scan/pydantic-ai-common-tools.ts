// Pydantic AI's ready-made tools (pydantic_ai.common_tools), given to an agent as `tools=[duckduckgo_search_tool()]`:
// the definition each sends with every request of the run. pydantic/pydantic-ai
// pydantic_ai_slim/pydantic_ai/common_tools/duckduckgo.py at fca0616c: `Tool(DuckDuckGoSearchTool(…).__call__,
// name='duckduckgo_search', description='Searches DuckDuckGo for the given query and returns the results.')`, its
// parameters those of `async def __call__(self, query: str)` with the docstring's `query: The query to search for.`
// (built as a function tool's are, _function_schema.py; the JSON schema form as py-agent-own-tools.ts writes it).
import type { Ctx } from './values';

const COMMON_TOOLS: Record<string, { module: RegExp; def: object }> = {
  duckduckgo_search_tool: {
    module: /\bfrom\s+pydantic_ai\.common_tools\.duckduckgo\s+import\s+(\([^)]*)?[^\n]*\bduckduckgo_search_tool\b/,
    def: {
      name: 'duckduckgo_search',
      description: 'Searches DuckDuckGo for the given query and returns the results.',
      parameters: { properties: { query: { description: 'The query to search for.', type: 'string' } }, required: ['query'], type: 'object', additionalProperties: false },
    },
  },
};

/** The definition (JSON text) of the common tool the factory `fn` the file imports makes, else undefined. */
export function commonToolDef(c: Ctx, fn: string): string | undefined {
  const t = Object.prototype.hasOwnProperty.call(COMMON_TOOLS, fn) ? COMMON_TOOLS[fn] : undefined;
  const m = t?.module.exec(c.text);
  if (!t || !m) return undefined;
  // The import itself is read: an edit of it must take the full analysis (as langchain-agents.ts factoryImported).
  c.read?.push({ start: m.index, end: m.index + m[0].length });
  return JSON.stringify(t.def);
}

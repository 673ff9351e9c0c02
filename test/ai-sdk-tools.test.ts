// Vercel AI SDK tools (src/core/scan/ai-sdk-tools.ts, zod-schema.ts): each tool is sent as a function definition,
// the key as its name, its description, its zod schema as the JSON schema zod-to-json-schema makes (vercel/ai
// packages/provider-utils/src/to-json-schema/zod3-to-json-schema/parsers/*.ts). The expected JSON is written here by
// hand from those parsers, not taken from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, findSites } from '../src/core/analyze';
import { scan } from '../src/core/scan/scanner';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { countTokens } from '../src/core/tokenize/token-count';
import { renderFunctions } from '../src/core/cost/openai-tools';
import { FIXTURES } from './util';

const FILE = path.join(FIXTURES, 'typescript', 'ai_sdk_tools', 'agent.ts');
const obj = (properties: object, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}), additionalProperties: false });

test('AI SDK tools are read as the definitions the SDK sends: inline, plain, same-file, imported', () => {
  const sites = findSites(fs.readFileSync(FILE, 'utf8'), 'typescript', FILE, undefined, diskIndex()).sites;
  assert.equal(sites.length, 3);
  const [notes, analyst, helper] = sites.map((s) => JSON.parse(s.tools?.text ?? 'null'));
  assert.deepEqual(notes, [
    { name: 'saveNote', description: 'Save a note the user gives you.', parameters: obj({ content: { type: 'string', description: 'the note to save' } }, ['content']) },
    { name: 'today', description: 'Get the day of the week', parameters: obj({}) },
  ]);
  assert.deepEqual(analyst, [
    { name: 'RunQuery', description: 'Run a read-only SQL query and return the rows.', parameters: obj({ sql: { type: 'string', minLength: 1 } }, ['sql']) },
    { name: 'Report', description: 'Finish with the query and a summary.', parameters: obj({ sql: { type: 'string' }, summary: { type: 'string', minLength: 1 } }, ['sql', 'summary']) },
    {
      name: 'search',
      description: 'Search the docs.',
      parameters: obj(
        {
          query: { type: 'string', description: 'what to look for' },
          kind: { type: 'string', enum: ['guide', 'api'] },
          limit: { type: 'integer', maximum: 20, default: 5 },
          tags: { type: 'array', items: { type: 'string' } },
          range: obj({ from: { type: 'string' }, to: { type: ['string', 'null'] } }, ['from', 'to']),
        },
        ['query'],
      ),
    },
  ]);
  assert.equal(sites[1].tools?.definitions, 3);
  assert.deepEqual(helper, [{ name: 'weather', description: 'Weather for a city.', parameters: obj({ city: { type: 'string' } }, ['city']) }]);
  // What is known only at run time is named, never dropped silently.
  assert.ok(sites[1].parts.some((p) => !p.resolved && p.label === 'tools.shell (shellTools.shell)'));
  assert.ok(sites[2].parts.some((p) => !p.resolved && p.label === '...extra'));
});

test('AI SDK tools bill as input at the tool cost of the provider (held4 dream-site form)', () => {
  const src = `import { streamText, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
export async function POST(messages: any[]) {
  return streamText({
    model: openai("gpt-4o"),
    messages,
    tools: {
      getInformation: tool({
        description: \`get information from your knowledge base to answer questions.\`,
        parameters: z.object({ question: z.string().describe("the users question") }),
        execute: async ({ question }) => question,
      }),
    },
  });
}
`;
  const table = buildTable(loadShipped().sheets);
  const [c] = analyze(src, 'typescript', 'route.ts', table).calls;
  const fns = [{ name: 'getInformation', description: 'get information from your knowledge base to answer questions.', parameters: obj({ question: { type: 'string', description: 'the users question' } }, ['question']) }];
  // cost/openai-tools.ts: the functions as OpenAI renders them into its system message, + 9.
  assert.equal(c.estimate.toolTokens, countTokens(renderFunctions(fns)).tokens + 9);
  assert.ok(c.estimate.inputTokens > c.estimate.toolTokens!);
});

test('a zod form not read is counted as far as known and named', () => {
  const src = `import { generateText, tool } from "ai";
import { z } from "zod";
export const f = (p: string) => generateText({ model: "openai/gpt-4o", prompt: p, tools: {
  setRole: tool({ description: "Set the role.", inputSchema: z.object({ role: z.nativeEnum(Role), note: z.string() }) }),
} });
`;
  const [s] = scan(src, 'typescript');
  assert.deepEqual(JSON.parse(s.tools!.text), [{ name: 'setRole', description: 'Set the role.', parameters: obj({ role: {}, note: { type: 'string' } }, ['role', 'note']) }]);
  assert.ok(s.parts.some((p) => !p.resolved && p.label === 'z.nativeEnum(Role)'));
});

test("the SDK's schema wrappers: zodSchema(z…) is read as the zod schema, jsonSchema({…}) as written", () => {
  const src = `import { generateText, jsonSchema, tool, zodSchema } from "ai";
import { z } from "zod";
export const f = (p: string) => generateText({ model: "openai/gpt-4o", prompt: p, tools: {
  now: tool({ description: "The time.", inputSchema: zodSchema(z.object({ tz: z.string().optional() })) }),
  echo: tool({ description: "Echo.", inputSchema: jsonSchema({ type: "object", properties: { text: { type: "string" } }, required: ["text"] }) }),
} });
`;
  const [s] = scan(src, 'typescript');
  assert.deepEqual(JSON.parse(s.tools!.text), [
    { name: 'now', description: 'The time.', parameters: obj({ tz: { type: 'string' } }) },
    { name: 'echo', description: 'Echo.', parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } },
  ]);
  assert.equal(s.parts.filter((p) => !p.resolved).map((p) => p.label).join(), 'p');
});

test('a plain object as the schema, no wrapper (bramses/chatgpt-md tool scripts), is read as the JSON schema it spells', () => {
  const src = `import { generateText, tool } from "ai";
const lookup = tool({ description: "Look up a word.", parameters: { type: "object", properties: { word: { type: "string" } }, required: ["word"] } });
export const f = (m: any) => generateText({ model: m, prompt: "Hi", tools: {
  ping: { description: "Answer a ping", parameters: { type: "object", properties: { note: { type: "string", description: "a note" } }, additionalProperties: false } },
  lookup,
  both: { description: "Either form.", inputSchema: { anyOf: [{ type: "string" }, { type: "number" }] } },
} });
`;
  const [s] = scan(src, 'typescript');
  assert.deepEqual(JSON.parse(s.tools!.text), [
    { name: 'ping', description: 'Answer a ping', parameters: { type: 'object', properties: { note: { type: 'string', description: 'a note' } }, additionalProperties: false } },
    { name: 'lookup', description: 'Look up a word.', parameters: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] } },
    { name: 'both', description: 'Either form.', parameters: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
  ]);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label), []);
});

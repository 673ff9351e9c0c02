// go-openai tool definitions (src/core/scan/go-tools.ts): the Go literals are read as the JSON the SDK sends. The
// expected JSON is written here by hand from go-openai's types (chat.go Tool{Type "type", Function "function"},
// FunctionDefinition{Name "name", Description "description,omitempty", Parameters "parameters"}; jsonschema/json.go
// Definition{Type, Description, Enum, Properties, Required} and its DataType constants) and encoding/json's rule
// that map keys are written sorted; not taken from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, findSites } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { countTokens } from '../src/core/tokenize/token-count';
import { renderFunctions } from '../src/core/cost/openai-tools';
import { FIXTURES } from './util';

const FILE = path.join(FIXTURES, 'go', 'goopenai_tools', 'bot.go');
// A Tool is marshalled as a map (chat.go Tool.MarshalJSON), so its keys come sorted: function, then type.
const fn = (name: string, rest: object = {}) => ({ function: { name, ...rest }, type: 'function' });

test('go-openai tools are read as the JSON the SDK sends: package var, inline map schema, set later, returned by a function in another file', () => {
  const sites = findSites(fs.readFileSync(FILE, 'utf8'), 'go', FILE, undefined, diskIndex()).sites;
  assert.equal(sites.length, 4);
  const [triage, reply, ask, weather] = sites.map((s) => JSON.parse(s.tools?.text ?? 'null'));
  assert.deepEqual(triage, [
    fn('lookup_order', {
      description: 'Find an order by its number',
      parameters: {
        type: 'object',
        properties: {
          order_id: { type: 'string', description: 'Order number, e.g. A-1042' },
          status: { type: 'string', enum: ['open', 'shipped'] },
        },
        required: ['order_id'],
      },
    }),
    fn('escalate', { parameters: { properties: { reason: { type: 'string' } }, type: 'object' } }),
  ]);
  assert.equal(sites[0].tools?.definitions, 2);
  // `req.Tools = nil` after it does not hide the tools the `if` before sends (the worst case counts them).
  assert.deepEqual(reply, [fn('web_search', { description: 'Search the web and return the top results', parameters: { properties: { query: { type: 'string' } }, required: ['query'], type: 'object' } })]);
  // A description known only at run time: the rest of the tool is counted, the unknown part named.
  assert.deepEqual(ask, [fn('help')]);
  assert.ok(sites[2].parts.some((p) => !p.resolved && p.label === 'tools: help'));
  // Locals of the function: `t := openai.Tool{…, Function: &f}`, `f := openai.FunctionDefinition{…, Parameters: params}`.
  assert.deepEqual(weather, [fn('forecast', { parameters: { type: 'object', properties: { city: { type: 'string' } } } })]);
});

test('a go-openai Responses API tool writes its Parameters beside its type (chat.go Tool.MarshalJSON)', () => {
  const src = `package p

import openai "github.com/sashabaranov/go-openai"

func Search(c *openai.Client) {
	c.CreateResponse(ctx, openai.CreateResponseRequest{
		Model: "gpt-4o",
		Input: "Hello",
		Tools: []openai.Tool{{Type: openai.ToolTypeWebSearch, Parameters: map[string]any{"search_context_size": "low"}}},
	})
}
`;
  const [s] = findSites(src, 'go', 'search.go').sites;
  assert.equal(s?.tools?.text, '[{"search_context_size":"low","type":"web_search"}]');
});

test('go-openai tools bill as input at the OpenAI tool cost', () => {
  const table = buildTable(loadShipped().sheets);
  const c = analyze(fs.readFileSync(FILE, 'utf8'), 'go', FILE, table, {}, undefined, undefined, diskIndex()).calls[1];
  const fns = [{ name: 'web_search', description: 'Search the web and return the top results', parameters: { properties: { query: { type: 'string' } }, required: ['query'], type: 'object' } }];
  // cost/openai-tools.ts: the functions as OpenAI renders them into its system message, + 9.
  assert.equal(c.estimate.toolTokens, countTokens(renderFunctions(fns)).tokens + 9);
  assert.ok(c.estimate.inputTokens > c.estimate.toolTokens!);
});

test('a file cut off while the tools are typed does not throw (fuzz: mutated fixtures)', () => {
  const src = fs.readFileSync(FILE, 'utf8');
  const cuts = [...src.matchAll(/Tools(:| =)/g)].flatMap((m) => [m.index! + m[0].length, m.index! + m[0].length + 2]);
  assert.ok(cuts.length >= 4);
  for (const at of cuts) assert.doesNotThrow(() => findSites(src.slice(0, at), 'go', FILE, undefined, diskIndex()), `cut at ${at}`);
});

test('go-openai Functions written as a typed slice literal are counted: `[]T{…}` is not the empty list `[]`', () => {
  // The legacy `functions` field (chat.go ChatCompletionRequest.Functions []FunctionDefinition `json:"functions,omitempty"`).
  const src = `package p

import (
	openai "github.com/sashabaranov/go-openai"
	"github.com/sashabaranov/go-openai/jsonschema"
)

func Weather(c *openai.Client) {
	c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    openai.GPT4oMini,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Is it raining in Oslo?"}},
		Functions: []openai.FunctionDefinition{{
			Name:       "rain_report",
			Parameters: jsonschema.Definition{Type: jsonschema.Object, Properties: map[string]jsonschema.Definition{"city": {Type: jsonschema.String}}},
		}},
	})
}
`;
  const c = analyze(src, 'go', '/w/p/fn.go', buildTable(loadShipped().sheets), {}).calls[0];
  const fns = [{ name: 'rain_report', parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
  assert.equal(c.estimate.toolTokens, countTokens(renderFunctions(fns)).tokens + 9);
});

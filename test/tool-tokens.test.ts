// Tool definitions and response schemas (src/core/cost/tool-tokens.ts): the fitted cost in closed form, and against
// what providers billed for recorded calls that sent function tools (fixtures/calibration/billed-tools.json:
// numbers only, no text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { schemaBilled, schemaTokens, toolDefinitionTokens, type ToolFamily } from '../src/core/cost/tool-tokens';
import { declarationTexts, readToolText } from '../src/core/cost/tool-texts';
import { countTokens } from '../src/core/tokenize/token-count';
import { chatFormatFor } from '../src/core/tokenize/chat-format';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { analyze } from '../src/core/analyze';

const json = (v: unknown) => JSON.stringify(v);
const o200k = (t: string) => countTokens(t, 'o200k_base').tokens;
const gemma3 = (t: string) => countTokens(t, 'gemma3').tokens;
const LOOKUP = { name: 'lookup_order', description: 'Find an order by its number.', parameters: { type: 'object', properties: { order_id: { type: 'string', description: 'The order number' }, region: { type: 'string', enum: ['eu', 'us'] } }, required: ['order_id'] } };

test('closed form: factor × (per JSON token + per definition + once), never below 0', () => {
  const t = { text: json([LOOKUP]), definitions: 1 };
  assert.equal(toolDefinitionTokens('openai', t, 1), Math.round(0.948 * o200k(t.text) - 19.2 + 10.6));
  assert.equal(toolDefinitionTokens('claude', { ...t, definitions: 2 }, 1.146), Math.round(1.146 * (0.948 * o200k(t.text) + 2 * 28.1 + 411.8)));
  assert.equal(toolDefinitionTokens('other', t, 1.2), Math.round(1.2 * o200k(t.text)));
  assert.equal(toolDefinitionTokens('openai', { text: '', definitions: 0 }, 1), 0);
  assert.equal(toolDefinitionTokens('openai', { text: '{"name":"f"}', definitions: 1 }, 1), 0, 'a tiny function costs at least nothing');
  assert.equal(schemaTokens('openai', 50, 1), Math.round(0.922 * 50 + 4.7));
  assert.equal(schemaTokens('claude', 50, 1.146), Math.round(1.146 * (1.81 * 50 + 77.6)));
  assert.equal(schemaTokens('gemini', 50, 1), 0, "Gemini's responseSchema is not billed");
  assert.equal(schemaBilled('gemini'), false);
  assert.equal(schemaBilled('claude'), true);
});

test('Gemini: the texts Google counts (names, descriptions, enum values, required, property names), per property', () => {
  const texts = ['lookup_order', 'Find an order by its number.', 'order_id', 'region', 'The order number', 'eu', 'us', 'order_id'];
  assert.deepEqual([...declarationTexts([LOOKUP]).texts].sort(), [...texts].sort());
  assert.equal(declarationTexts([LOOKUP]).properties, 2);
  const g = texts.reduce((n, t) => n + gemma3(t), 0);
  const t = { text: json([{ functionDeclarations: [LOOKUP] }]), definitions: 1 };
  assert.equal(toolDefinitionTokens('gemini-2.0', t, 1), g + 1 + 2);
  assert.equal(toolDefinitionTokens('gemini', t, 1), Math.round(1.02 * g + 37.9 + 2 * 13.2 - 24.6));
  // The scan's text of a Python constructor call reads the same.
  const py = 'types.Tool(function_declarations=[types.FunctionDeclaration(name="lookup_order",description="Find an order by its number.",parameters={"type":"object","properties":{"order_id":{"type":"string","description":"The order number"},"region":{"type":"string","enum":["eu","us"]}},"required":["order_id"]})])';
  assert.equal(toolDefinitionTokens('gemini-2.0', { text: py, definitions: 1 }, 1), g + 1 + 2);
});

test('readToolText: any text reads without throwing, in one pass', () => {
  for (const t of ['', '{', '[[[', '{"a":', '(name=)', '{"a" "b"}', 'x'.repeat(1000), '['.repeat(5000) + ']'.repeat(5000), '{"name":"f","parameters":{"properties":"x"}}'])
    assert.doesNotThrow(() => declarationTexts(readToolText(t)), t.slice(0, 20));
  assert.deepEqual(readToolText('{"a":["b",1,{"c":"d"}],e="f"}'), { a: ['b', null, { c: 'd' }], e: 'f' });
});

interface Billed {
  family: 'openai-chat' | 'claude' | 'gemini';
  set: 'fit' | 'held';
  model: string;
  billed: number;
  tools: number;
  toolJson: number;
  text?: number;
  o200k?: number;
  messages?: number;
  gemma3?: number;
  contents?: number;
  /** Gemini: Gemma 3 tokens of the definitions' texts, and their properties. */
  toolTexts?: number;
  properties?: number;
}
const BILLED: Billed[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'calibration', 'billed-tools.json'), 'utf8')).records;

/** The text part as the engine's rules count it (tokenize/chat-format.ts), the tools apart. */
function text(r: Billed): number {
  if (r.family === 'openai-chat') return r.text!;
  if (r.family === 'claude') return Math.round(r.o200k! * 1.146 + 2.08 * r.messages! + 4.32);
  return r.gemma3! + (/gemini-(1|2\.0)/.test(r.model) ? 0 : r.contents!);
}
const FAMILY: Record<Billed['family'], [ToolFamily, number]> = { 'openai-chat': ['openai', 1], claude: ['claude', 1.146], gemini: ['gemini', 1] };
const meanAbs = (rs: Billed[], f: (r: Billed) => number) => rs.reduce((s, r) => s + Math.abs(f(r) - r.billed), 0) / rs.length;

/** The tools as tool-tokens.ts costs them, from the record's numbers. */
function tools(r: Billed, tf: ToolFamily, factor: number): number {
  if (r.family !== 'gemini') {
    // toolDefinitionTokens counts the JSON text; the record holds its count: the same closed form.
    const c = tf === 'openai' ? [0.948, -19.2, 10.6] : [0.948, 28.1, 411.8];
    return Math.max(0, Math.round(factor * (c[0] * r.toolJson + c[1] * r.tools + c[2])));
  }
  const c = /gemini-(1|2\.0)/.test(r.model) ? [1, 1, 1, 0] : [1.02, 37.9, 13.2, -24.6];
  return Math.max(0, Math.round(c[0] * r.toolTexts! + c[1] * r.tools + c[2] * r.properties! + c[3]));
}

test('billed: the fitted tool cost beats counting the JSON as text, on held-out calls of each provider', () => {
  for (const fam of ['openai-chat', 'claude', 'gemini'] as const) {
    const held = BILLED.filter((r) => r.family === fam && r.set === 'held');
    assert.ok(held.length >= 20, fam);
    const [tf, factor] = FAMILY[fam];
    const fitted = meanAbs(held, (r) => text(r) + tools(r, tf, factor));
    // What the engine did before: the JSON as text (× the factor), + 346 for Claude's tool-use system prompt.
    const asText = meanAbs(held, (r) => text(r) + Math.round(r.toolJson * factor) + (fam === 'claude' ? 346 : 0));
    assert.ok(fitted < asText, `${fam}: fitted ${fitted.toFixed(1)} vs as text ${asText.toFixed(1)}`);
  }
});

test('billed: Gemini 2.0 bills the texts + 1 per function and per property, to the token on most calls', () => {
  const rs = BILLED.filter((r) => r.family === 'gemini' && /gemini-(1|2\.0)/.test(r.model));
  assert.ok(rs.length >= 10);
  const exact = rs.filter((r) => r.gemma3! + r.toolTexts! + r.tools + r.properties! === r.billed).length;
  assert.ok(exact / rs.length >= 0.5, `${exact} of ${rs.length}`);
});

test("Sonnet 3.7, Sonnet 4, Opus 4 and 4.1: Anthropic's documented tool-use system prompt, not the fitted 472", () => {
  const t = { text: json([LOOKUP]), definitions: 1 };
  assert.equal(toolDefinitionTokens('claude-3.7-4.1', t, 1.138), Math.round(1.138 * (0.948 * o200k(t.text) - 14.9) + 346));
  const forced = { encoding: 'cl100k_base' as const, system: false, choice: 'forced' as const };
  assert.equal(toolDefinitionTokens('claude-3.7-4.1', t, 1.138, false, forced), Math.round(1.138 * (0.948 * o200k(t.text) - 14.9) + 313));
  // The fitting set's Sonnet 4 calls (crewAI, mirascope) and the held-out Sonnet 3.7 ones (anthropic-sdk-go): the
  // documented prompt is nearer the bill than the family's fit on both.
  const group = BILLED.filter((r) => r.family === 'claude' && /claude-(3-7-sonnet|sonnet-4-0|sonnet-4-2025)/.test(r.model));
  for (const set of ['fit', 'held'] as const) {
    const rs = group.filter((r) => r.set === set);
    assert.ok(rs.length >= 9, set);
    const pct = (f: (r: Billed) => number) => rs.reduce((s, r) => s + Math.abs(f(r) - r.billed) / r.billed, 0) / rs.length;
    const documented = pct((r) => text(r) + Math.round(1.138 * (0.948 * r.toolJson - 14.9 * r.tools) + 346));
    const fitted = pct((r) => text(r) + tools(r, 'claude', 1.138));
    assert.ok(documented < 0.05 && documented < fitted / 4, `${set}: documented ${(100 * documented).toFixed(1)}% vs fitted ${(100 * fitted).toFixed(1)}%`);
  }
});

test('the documented prompt applies to Sonnet 3.7, Sonnet 4, Opus 4 and 4.1 only', () => {
  const table = buildTable(loadShipped().sheets);
  const fam = (m: string) => chatFormatFor(lookupModel(table, m, 'anthropic')).toolFamily;
  for (const m of ['claude-3-7-sonnet-latest', 'claude-sonnet-4-20250514', 'claude-opus-4-0', 'claude-opus-4-1']) assert.equal(fam(m), 'claude-3.7-4.1', m);
  for (const m of ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-3-5-haiku-20241022', 'claude-3-opus-20240229']) assert.equal(fam(m), 'claude', m);
});

test('readToolText: PHP arrays with keys are objects (`[\'type\' => …]`, `array(…)`), lists stay lists', () => {
  assert.deepEqual(readToolText('["type"=>"json_object"]'), { type: 'json_object' });
  assert.deepEqual(readToolText('array("type"=>"object","required"=>array("city"),"properties"=>["city"=>["type"=>"string"]])'), { type: 'object', required: ['city'], properties: { city: { type: 'string' } } });
  assert.deepEqual(readToolText('[["type"=>"function"]]'), [{ type: 'function' }]);
  assert.deepEqual(readToolText('array("a","b")'), ['a', 'b']);
});

test('PHP: JSON mode bills nothing and function tools count as OpenAI renders them, as the same call in Python', () => {
  // langchaingo TestClient_WithResponseFormat: 21 prompt_tokens billed for the messages alone with json_object; the
  // PHP short array was read as a schema of 10 tokens (held64 I1 nofikoff/test-laravel-example: 78 v 67).
  const table = buildTable(loadShipped().sheets);
  const input = (text: string, lang: string) => analyze(text, lang, `a.${lang === 'python' ? 'py' : lang}`, table).calls[0].estimate.inputTokens;
  const ask = "Return a JSON object with a 'greeting' field that says hello";
  const php = (extra: string) => `<?php\n$r = $client->chat()->create(['model' => 'gpt-3.5-turbo', 'messages' => [['role' => 'user', 'content' => "${ask}"]]${extra}]);\n`;
  assert.equal(input(php(", 'response_format' => ['type' => 'json_object']"), 'php'), 21);
  assert.equal(input(php(''), 'php'), 21);
  const tool = (o: string, c: string, k: string) => `${o}${o}"type"${k}"function", "function"${k}${o}"name"${k}"get_weather", "description"${k}"Weather for a city", "parameters"${k}${o}"type"${k}"object", "properties"${k}${o}"city"${k}${o}"type"${k}"string"${c}${c}${c}${c}${c}${c}`;
  const pyCall = `r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Weather in Paris?"}], tools=${tool('{', '}', ': ').replace(/^\{\{/, '[{').replace(/\}\}$/, '}]')})\n`;
  const phpCall = `<?php\n$r = $client->chat()->create(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'Weather in Paris?']], 'tools' => ${tool('[', ']', ' => ')}]);\n`;
  assert.equal(input(phpCall, 'php'), input(pyCall, 'python'));
});

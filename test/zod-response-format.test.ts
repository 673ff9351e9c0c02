// A structured-output schema given as a zod object (scan/zod-response-format.ts): openai-node's zodResponseFormat /
// zodTextFormat and the AI SDK's generateObject `schema` are billed as input at the schema's fitted cost, like a schema
// written as a literal; what cannot be read is named, never guessed. Forms of JomarHAN/AI-Structured-Output (held33
// C13-C15), float16-cloud/workshop-i3 and a1740942002/bun-ai-sdk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { testTable } from './helpers/table';

const table = testTable();
const head = 'import OpenAI from "openai";\nimport { z } from "zod";\nimport { zodResponseFormat } from "openai/helpers/zod";\nconst client = new OpenAI();\n';
const Recipe = 'const Recipe = z.object({ name: z.string().describe("Name of the dish"), steps: z.array(z.string()).describe("Steps, in order"), serves: z.number().int() });\n';
const chat = (rf: string) => `${head}${Recipe}export const go = () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "A recipe for soup." }]${rf} });\n`;

function one(src: string, file = 'a.ts') {
  const calls = analyze(src, 'typescript', file, table).calls;
  assert.equal(calls.length, 1, `one call in ${src}`);
  return calls[0];
}

test('zodResponseFormat(Recipe, …) is the strict JSON schema openai-node sends, counted as input', () => {
  const a = one(chat(', response_format: zodResponseFormat(Recipe, "recipe")'));
  const b = one(chat(''));
  assert.deepEqual(JSON.parse(a.site.schema!.text), {
    type: 'object',
    properties: { name: { type: 'string', description: 'Name of the dish' }, steps: { type: 'array', items: { type: 'string' }, description: 'Steps, in order' }, serves: { type: 'integer' } },
    required: ['name', 'steps', 'serves'],
    additionalProperties: false,
    $schema: 'http://json-schema.org/draft-07/schema#',
  });
  const added = a.estimate.inputTokens - b.estimate.inputTokens;
  assert.ok(added >= 40 && added <= 80, `schema tokens: ${added}`);
  assert.ok(a.estimate.notes.some((n) => /response schema counted as input/.test(n)), a.estimate.notes.join('\n'));
  assert.ok(!a.estimate.notes.some((n) => /response_format/.test(n)), a.estimate.notes.join('\n'));
});

test('strict mode makes an optional key required, as openai-node does; the AI SDK keeps it optional', () => {
  const src = `${head}const S = z.object({ a: z.string(), b: z.string().nullable().optional() });\n`;
  const strict = one(`${src}client.chat.completions.create({ model: "gpt-4o", messages: [], response_format: zodResponseFormat(S, "s") });\n`);
  assert.deepEqual(JSON.parse(strict.site.schema!.text).required, ['a', 'b']);
  const sdk = one(`import { generateObject } from "ai";\nimport { openai } from "@ai-sdk/openai";\nimport { z } from "zod";\nconst S = z.object({ a: z.string(), b: z.string().nullable().optional() });\ngenerateObject({ model: openai("gpt-4o"), schema: S, prompt: "x" });\n`);
  assert.deepEqual(JSON.parse(sdk.site.schema!.text).required, ['a']);
});

test('an unknown zod part is named on the call, the rest counted; a schema from a parameter stays uncounted', () => {
  const part = one(`${head}const S = z.object({ a: z.string(), b: makeField() });\nclient.chat.completions.create({ model: "gpt-4o", messages: [], response_format: zodResponseFormat(S, "s") });\n`);
  assert.ok(part.site.schema, 'the readable part is counted');
  assert.ok(part.site.parts.some((p) => !p.resolved && p.label === 'makeField()'), JSON.stringify(part.site.parts));
  const param = one(`${head}export const go = (schema: z.ZodTypeAny) => client.chat.completions.create({ model: "gpt-4o", messages: [], response_format: zodResponseFormat(schema, "s") });\n`);
  assert.equal(param.site.schema, undefined);
  assert.ok(param.estimate.notes.some((n) => /response_format/.test(n)), param.estimate.notes.join('\n'));
});

test('zodTextFormat inside `text: { format }` of the Responses API, and generateObject with output "array"', () => {
  const r = one(`${head.replace('zodResponseFormat', 'zodTextFormat')}client.responses.parse({ model: "gpt-4.1-mini", input: "Tag it", text: { format: zodTextFormat(z.object({ tag: z.string() }), "tag") } });\n`);
  assert.deepEqual(JSON.parse(r.site.schema!.text).properties, { tag: { type: 'string' } });
  const arr = one('import { generateObject } from "ai";\nimport { openai } from "@ai-sdk/openai";\nimport { z } from "zod";\ngenerateObject({ model: openai("gpt-4o"), output: "array", schema: z.object({ n: z.number() }), prompt: "x" });\n');
  const s = JSON.parse(arr.site.schema!.text);
  assert.deepEqual(s.properties.elements.items, { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false });
  assert.deepEqual(s.required, ['elements']);
});

test('broken zod helper calls neither throw nor count', () => {
  for (const rf of [', response_format: zodResponseFormat(', ', response_format: zodResponseFormat()', ', response_format: zodResponseFormat(Recipe', ', text: { format: zodTextFormat( }']) {
    const src = chat(rf);
    const calls = analyze(src, 'typescript', 'b.ts', table).calls;
    for (const c of calls) if (rf.endsWith('()')) assert.equal(c.site.schema, undefined, rf);
  }
});

test('Python: a pydantic class given to parse(response_format=…) is its strict JSON schema, counted as input', () => {
  const src = 'from openai import OpenAI\nfrom pydantic import BaseModel, Field\n\nclient = OpenAI()\n\nclass Dish(BaseModel):\n    name: str = Field(description="Name of the dish")\n    tags: list[str] = []\n\n';
  const a = analyze(`${src}client.beta.chat.completions.parse(model="gpt-4o", messages=[{"role": "user", "content": "A dish."}], response_format=Dish)\n`, 'python', 'a.py', table).calls[0];
  const b = analyze(`${src}client.beta.chat.completions.parse(model="gpt-4o", messages=[{"role": "user", "content": "A dish."}])\n`, 'python', 'b.py', table).calls[0];
  assert.deepEqual(JSON.parse(a.site.schema!.text), {
    properties: { name: { description: 'Name of the dish', title: 'Name', type: 'string' }, tags: { items: { type: 'string' }, title: 'Tags', type: 'array' } },
    required: ['name', 'tags'],
    title: 'Dish',
    type: 'object',
    additionalProperties: false,
  });
  const added = a.estimate.inputTokens - b.estimate.inputTokens;
  assert.ok(added >= 30 && added <= 70, `schema tokens: ${added}`);
  assert.ok(!a.estimate.notes.some((n) => /response_format/.test(n)), a.estimate.notes.join('\n'));
  // create() does not take a class (openai-python raises): not read there.
  const c = analyze(`${src}client.chat.completions.create(model="gpt-4o", messages=[], response_format=Dish)\n`, 'python', 'c.py', table).calls[0];
  assert.equal(c.site.schema, undefined);
});

test('Python: a field type it does not know is named; an unfinished class body neither throws nor hangs', () => {
  const src = 'from openai import OpenAI\nfrom pydantic import BaseModel\nclient = OpenAI()\nclass R(BaseModel):\n    when: Timestamp\n    n: int\nclient.chat.completions.parse(model="gpt-4o", messages=[], response_format=R)\n';
  const a = analyze(src, 'python', 'a.py', table).calls[0];
  assert.ok(a.site.parts.some((p) => !p.resolved && p.label === 'Timestamp'), JSON.stringify(a.site.parts));
  assert.deepEqual(JSON.parse(a.site.schema!.text).required, ['when', 'n']);
  for (const cut of ['class R(BaseModel):\n    when: list[', 'class R(BaseModel', 'class R(BaseModel):\n    x: int = Field(']) {
    analyze(`from openai import OpenAI\nclient = OpenAI()\n${cut}\nclient.chat.completions.parse(model="gpt-4o", messages=[], response_format=R)\n`, 'python', 'x.py', table);
  }
});

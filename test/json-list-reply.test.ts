// A JSON reply held to a schema with lists grows with them: a cap sized for an answer cuts it into JSON that does not
// parse (held-out smpB F1, thisisformuchfun/Foundry src/app/api/quotes/route.ts:55, a Responses API `text.format`
// json_schema quote with bom/labor/milestones lists, was told "Set max_output_tokens to 600"). The advice names the
// limit and proposes no number; a schema without lists keeps the number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = { now: '2026-12-06T10:00:00Z' };
const limitOf = (src: string, lang: string, file: string) => analyze(src, lang, file, table(), AT).calls.map((c) => c.suggestions.find((s) => s.kind === 'limit-output'));

const TS = (props: string) => `import OpenAI from 'openai'
const openai = new OpenAI()

export async function quote(rfq: string) {
  const json_schema = {
    name: "Quote",
    schema: { type: "object", properties: { ${props} }, required: ["summary"] },
    strict: true,
  }
  const resp = await openai.responses.create({
    model: "gpt-4.1",
    instructions: "You write quotes for hardware projects. Return the quote as JSON.",
    input: \`Requirements:\\n\${rfq}\`,
    text: { format: { type: "json_schema", json_schema } },
  })
  return resp.output_text
}
`;

test('Responses API text.format json_schema with lists: the limit is named, no number', () => {
  const [s] = limitOf(TS('summary: { type: "string" }, parts: { type: "array", items: { type: "string" } }'), 'typescript', 'quote.ts');
  assert.ok(s, 'limit advice');
  assert.equal(s!.limit, undefined);
  assert.equal(s!.saveUsd, 0);
  assert.match(s!.text, /^Set max_output_tokens to cap the worst case — the reply is JSON whose schema has lists \(parts\)/);
  assert.match(s!.text, /no number is proposed/);
});

test('Responses API text.format json_schema without lists, or with lists and a prompt all static, keeps the number', () => {
  const [s] = limitOf(TS('summary: { type: "string" }, price: { type: "number" }'), 'typescript', 'quote.ts');
  assert.equal(s?.limit, 600);
  const fixed = TS('summary: { type: "string" }, parts: { type: "array", items: { type: "string" } }').replace('`Requirements:\\n${rfq}`', '"Quote a bench power supply."');
  assert.ok(fixed.includes('"Quote a bench power supply."'));
  const [f] = limitOf(fixed, 'typescript', 'quote.ts');
  assert.equal(f?.limit, 600);
});

test('zodTextFormat with a z.array field, and Python response_format json_schema with an array: no number', () => {
  const zod = `import OpenAI from "openai";
import { zodTextFormat } from "openai/helpers/zod";
import { z } from "zod";
const client = new OpenAI();
const Steps = z.object({ steps: z.array(z.string()), answer: z.string() });
export async function solve(q: string) {
  return client.responses.parse({ model: "gpt-4.1-mini", instructions: "Solve the problem step by step.", input: [{ role: "user", content: q }], text: { format: zodTextFormat(Steps, "steps") } });
}
`;
  const [z] = limitOf(zod, 'typescript', 'solve.ts');
  assert.equal(z?.limit, undefined);
  assert.match(z!.text, /schema has lists \(steps\)/);
  const py = `from openai import OpenAI
client = OpenAI()

def tags(text):
    return client.chat.completions.create(
        model="gpt-4.1-mini",
        messages=[{"role": "system", "content": "List the tags of the text."}, {"role": "user", "content": text}],
        response_format={"type": "json_schema", "json_schema": {"name": "tags", "schema": {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}}},
    )
`;
  const [p] = limitOf(py, 'python', 'tags.py');
  assert.equal(p?.limit, undefined);
  assert.match(p!.text, /^Set max_completion_tokens to cap the worst case — the reply is JSON whose schema has lists \(tags\)/);
});

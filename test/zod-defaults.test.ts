// A body parsed by a zod schema (src/core/scan/zod-defaults.ts): a field's `.default(v)` is what parse returns when the
// client leaves the field out (zod docs, Defining schemas → Defaults, zod.dev/api), priced as the stated default and
// named; a field without one, a default Zod 3 and 4 apply differently, and a schema not built by zod stay run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const src = (schema: string, read = 'const body = Req.parse(await request.json());') => `import { z } from "zod";
import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
const Req = ${schema};
export async function handle(request: Request) {
  ${read}
  return client.messages.create({ model: body.model, max_tokens: body.max_tokens, system: body.system, messages: [{ role: "user", content: "Hi" }] });
}
`;
const fields = 'z.object({ model: z.string().optional().default("claude-haiku-4-5"), max_tokens: z.number().int().default(640), system: z.string().optional() })';

test('a zod field default is the value of the parsed field, named as the schema field; a field without one is run time', () => {
  const [s] = scan(src(fields), 'typescript');
  assert.equal(s.model?.id, 'claude-haiku-4-5');
  assert.equal(s.model?.source?.what, 'default of zod field Req.model');
  assert.equal(s.maxOutput?.value, 640);
  assert.equal(s.maxOutput?.source?.what, 'default of zod field Req.max_tokens');
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label), ['body.system']);
  // A builder not imported from zod is no zod schema.
  const [c] = scan(src(fields).replace('from "zod"', 'from "./zodlike"'), 'typescript');
  assert.equal(c.model?.id ?? null, null);
});

test('safeParse(…).data and a .strict() schema read the same defaults; defaults zod versions apply differently and defaults made by a function do not count', () => {
  const [s] = scan(src(fields + '.strict()', 'const body = Req.safeParse(await request.json()).data;'), 'typescript');
  assert.equal(s.model?.id, 'claude-haiku-4-5');
  assert.equal(s.maxOutput?.value, 640);
  // `.default(v).optional()`: Zod 4 gives v, Zod 3 nothing; a transform before `.default`: Zod 3 parses v through it.
  const [a] = scan(src('z.object({ model: z.string().default("claude-haiku-4-5").optional(), max_tokens: z.string().transform(Number).default(640) })'), 'typescript');
  assert.equal(a.model?.id ?? null, null);
  assert.equal(a.maxOutput?.value ?? null, null);
  const [b] = scan(src('z.object({ model: z.string().default(() => "claude-haiku-4-5"), max_tokens: z.number().default(640).transform((n) => n * 2) })'), 'typescript');
  assert.equal(b.model?.id ?? null, null);
  assert.equal(b.maxOutput?.value ?? null, null);
});

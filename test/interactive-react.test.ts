// Batch advice withheld where a person waits, across modules (issue #11, session 33's blind sample):
// - JennyT3/INFINITO: lib/ai-services.ts posts to OpenAI's chat completions; components/ai-photo-capture.tsx
//   (`"use client"`) imports analyzeClothing from it and awaits it in a click handler.
// - a Next.js app router `route.ts` answers requests, whatever else it exports.
// The forms below are written for these tests, in the shapes seen there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reactComponent, nextRoute } from '../src/core/scan/interactive-files';
import { advice } from './helpers/app-advice';

const SERVICES =
  'export async function describeWithOpenAI(image: string): Promise<any> {\n' +
  '  const res = await fetch("https://api.openai.com/v1/chat/completions", {\n' +
  '    method: "POST",\n    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },\n' +
  '    body: JSON.stringify({ model: "gpt-4o", max_tokens: 500, messages: [{ role: "user", content: [{ type: "text", text: "Describe this garment." }, { type: "image_url", image_url: { url: image } }] }] }),\n' +
  '  });\n  return res.json();\n}\n\n' +
  'export async function describe(image: string) {\n  const [a] = await Promise.all([describeWithOpenAI(image)]);\n  return a;\n}\n';
const CAPTURE =
  '"use client"\n\nimport { useState } from "react"\nimport { describe } from "../lib/ai-services"\n\n' +
  'export default function Capture() {\n  const [photo] = useState<string | null>(null)\n' +
  '  const onAnalyze = async () => {\n    const result = await describe(photo!)\n    console.log(result)\n  }\n  return null\n}\n';
const PKG = '{"dependencies":{"next":"14.2.0","react":"18"}}';

test('Next.js: a helper module a "use client" component imports and awaits gets no batch advice', () => {
  const base = { 'package.json': PKG, 'lib/ai-services.ts': SERVICES };
  assert.ok(advice(base, 'lib/ai-services.ts', 'typescript')[0].includes('batch'), 'no importer: batch kept');
  assert.ok(!advice({ ...base, 'components/capture.tsx': CAPTURE }, 'lib/ai-services.ts', 'typescript')[0].includes('batch'));
  // A .js component: the directive, or an import of react, marks it.
  const js = CAPTURE.replace('photo!', 'photo').replace('useState<string | null>', 'useState');
  assert.ok(!advice({ ...base, 'components/capture.js': js }, 'lib/ai-services.ts', 'typescript')[0].includes('batch'));
  assert.ok(!advice({ ...base, 'components/capture.js': js.replace('"use client"\n\n', '') }, 'lib/ai-services.ts', 'typescript')[0].includes('batch'));
  // A seed script importing the helper is offline work: the advice stays.
  const seed = 'import { describe } from "../lib/ai-services"\nfor (const img of ["a", "b"]) await describe(img)\n';
  assert.ok(advice({ ...base, 'scripts/seed.ts': seed }, 'lib/ai-services.ts', 'typescript')[0].includes('batch'));
  assert.ok(advice({ ...base, 'tools/seed.ts': seed }, 'lib/ai-services.ts', 'typescript')[0].includes('batch'));
});

test('reactComponent and nextRoute read the file forms they name', () => {
  assert.ok(reactComponent('', 'components/a.tsx'));
  assert.ok(reactComponent('// comment\n/* block */\n\'use server\'\nexport async function act() {}\n', 'app/actions.ts'));
  assert.ok(!reactComponent('const s = "use client"\n', 'lib/a.ts'));
  assert.ok(!reactComponent('import fs from "fs"\n', 'lib/a.ts'));
  assert.ok(!reactComponent('/* never closed ' + ' '.repeat(20000), 'lib/a.ts'));
  assert.ok(nextRoute('app/api/analyze/route.ts'));
  assert.ok(nextRoute('web/src/pages/api/chat.ts'));
  assert.ok(!nextRoute('lib/route.ts'));
  assert.ok(!nextRoute('app/api/analyze/helpers.ts'));
});

test('Next.js: an app router route.ts answers requests, even a function it exports beside its handlers', () => {
  const files = { 'package.json': PKG, 'app/api/analyze/route.ts': SERVICES };
  assert.ok(!advice(files, 'app/api/analyze/route.ts', 'typescript')[0].includes('batch'));
});

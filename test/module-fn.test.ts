// module-fn.ts: a row's function is the module's (the AI SDK's `generateText` from 'ai'), not an app's own of that name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const REQUEST = '({ model: "writer", prompt: "Hi" })';
const models = (src: string) => scan(src, 'typescript').map((s) => s.model?.id ?? null);

test('a bare call of the function imported from the module is the SDK', () => {
  assert.deepEqual(models(`import { generateText } from "ai";\nawait generateText${REQUEST};\n`), ['writer']);
  assert.deepEqual(models(`const { streamText } = require("ai");\nstreamText${REQUEST};\n`), ['writer']);
});

test('a snippet that imports nothing of that name keeps the call', () => {
  assert.deepEqual(models(`await generateText${REQUEST};\n`), ['writer']);
});

test('a bare call of a function of that name imported from another module is the app\'s', () => {
  assert.deepEqual(models(`import { generateText } from "./llm";\nawait generateText${REQUEST};\n`), []);
  assert.deepEqual(models(`import { generateObject } from "@/lib/generate";\nawait generateObject${REQUEST};\n`), []);
});

test('a method of another object is not the SDK; one of the module imported whole is', () => {
  assert.deepEqual(models(`import { generateObject } from "ai";\nawait generator.generateObject${REQUEST};\n`), []);
  assert.deepEqual(models(`import { generateObject } from "ai";\nreturn this.generateObject${REQUEST};\n`), []);
  assert.deepEqual(models(`import * as ai from "ai";\nawait ai.generateText${REQUEST};\n`), ['writer']);
  assert.deepEqual(models(`const ai = require("ai");\nawait ai.streamObject${REQUEST};\n`), ['writer']);
  assert.deepEqual(models(`import * as ai from "./ai";\nawait ai.generateText${REQUEST};\n`), []);
  // The module reached through another object is not the import.
  assert.deepEqual(models(`import * as ai from "ai";\nawait this.ai.generateText${REQUEST};\n`), []);
});

test('the function\'s own definition, whose parameter type holds request keys, is no call', () => {
  const cls = 'class G {\n  async generateObject(opts: { model: string; prompt: string }) { return opts; }\n}\n';
  assert.deepEqual(models(cls), []);
  const ret = 'class G {\n  generateText(opts: { model: string }): Promise<string> { return x; }\n}\n';
  assert.deepEqual(models(ret), []);
  assert.deepEqual(models('export function streamText(p: { model: string }) {}\n'), []);
  // A call in a ternary or an object is still a call.
  assert.deepEqual(models(`import { generateText } from "ai";\nconst r = c ? generateText${REQUEST} : null;\n`), ['writer']);
});

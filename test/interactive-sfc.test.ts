// Batch advice withheld where a person waits (issue #11): a helper module a Vue or Svelte single-file component imports
// from its `<script>`. Seen in saofeng-cyber/vuetify-project: src/api/openai.ts wraps OpenAI's chat completions and
// src/views/gpt/components/GptFooter.vue (`<script setup lang="ts">`, `import { MyOpenAi } from '@/api/openai'`) awaits it
// when the send button is pressed. The forms below are written for these tests, in the shapes seen there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentImports } from '../src/core/scan/sfc-imports';
import { advice } from './helpers/app-advice';

const HELPER =
  'import OpenAI from "openai"\n\nconst client = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_KEY, dangerouslyAllowBrowser: true })\n\n' +
  'export async function askTutor(question: string) {\n' +
  '  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 400, messages: [{ role: "user", content: question }] })\n' +
  '  return r.choices[0].message.content\n}\n';
const VUE =
  '<template>\n  <textarea v-model="q" />\n  <button @click="send">Ask</button>\n  <p>{{ answer }}</p>\n</template>\n\n' +
  '<script setup lang="ts">\nimport { ref } from "vue"\nimport { askTutor } from "@/services/tutor"\n\n' +
  'const q = ref("")\nconst answer = ref("")\nasync function send() {\n  answer.value = (await askTutor(q.value)) ?? ""\n}\n</script>\n';
const SVELTE =
  '<script lang="ts">\n  import { askTutor } from "../services/tutor";\n  let q = "";\n  let answer = "";\n' +
  '  async function send() { answer = (await askTutor(q)) ?? ""; }\n</script>\n\n<input bind:value={q} />\n<button on:click={send}>Ask</button>\n<p>{answer}</p>\n';
const PKG = '{"dependencies":{"vue":"3.4.0","openai":"4.50.0"}}';
const TSCONFIG = '{"compilerOptions":{"baseUrl":".","paths":{"@/*":["src/*"]}}}';

test('Vue: a helper a component imports in <script setup> (through a tsconfig alias) gets no batch advice', () => {
  const base = { 'package.json': PKG, 'tsconfig.json': TSCONFIG, 'src/services/tutor.ts': HELPER };
  assert.ok(advice(base, 'src/services/tutor.ts', 'typescript')[0].includes('batch'), 'no importer: batch kept');
  assert.ok(!advice({ ...base, 'src/components/Ask.vue': VUE }, 'src/services/tutor.ts', 'typescript')[0].includes('batch'));
  // A component that imports another module of that name elsewhere is no importer of this one.
  const other = VUE.replace('@/services/tutor', '@/legacy/tutor');
  assert.ok(advice({ ...base, 'src/components/Ask.vue': other, 'src/legacy/tutor.ts': 'export const askTutor = (q: string) => q\n' }, 'src/services/tutor.ts', 'typescript')[0].includes('batch'));
  // The import named in the template text only (no <script>) is no import.
  const noScript = '<template>\n  <p>import { askTutor } from "@/services/tutor"</p>\n</template>\n';
  assert.ok(advice({ ...base, 'src/components/Ask.vue': noScript }, 'src/services/tutor.ts', 'typescript')[0].includes('batch'));
});

test('Svelte: a helper a component imports gets no batch advice; a store between them is followed', () => {
  const base = { 'package.json': PKG, 'src/services/tutor.ts': HELPER };
  assert.ok(!advice({ ...base, 'src/routes/Ask.svelte': SVELTE }, 'src/services/tutor.ts', 'typescript')[0].includes('batch'));
  const store = 'import { askTutor } from "../services/tutor"\nexport async function ask(q: string) { return askTutor(q) }\n';
  const viaStore = SVELTE.replace('import { askTutor } from "../services/tutor";', 'import { ask as askTutor } from "../stores/chat";');
  assert.ok(!advice({ ...base, 'src/stores/chat.ts': store, 'src/routes/Ask.svelte': viaStore }, 'src/services/tutor.ts', 'typescript')[0].includes('batch'));
});

test('componentImports reads the script blocks only, bounded', () => {
  assert.deepEqual(componentImports('<script>\nimport a from "./a"\nimport "./side.css"\nconst b = await import("./b")\n</script>\n<p>import c from "./c"</p>'), ['./a', './side.css', './b']);
  assert.deepEqual(componentImports('<script context="module">import { x } from \'./x.js\'</script><script setup>import * as y from "./y"</script>'), ['./x.js', './y']);
  assert.deepEqual(componentImports('<script>import a from "./a"'), []);
  assert.deepEqual(componentImports('<script>' + 'import '.repeat(100000)), []);
  // Many `import` words in a closed script, none a real import: read quickly (no timing asserted, the run just ends).
  assert.deepEqual(componentImports('<script>' + 'import a '.repeat(50000) + '</script>'), []);
});

test('a call in a component\'s own script gets no batch advice: Vue, Svelte, and an Astro page as it renders', () => {
  // naota7118/vue_chat src/App.vue awaits chat.completions.create in <script setup> on the send button (lex/components.ts).
  const call = 'const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 400, messages: [{ role: "user", content: q }] })';
  const vue = `<template>\n  <button @click="send">Ask</button>\n</template>\n<script setup lang="ts">\nimport OpenAI from "openai"\nconst client = new OpenAI({ dangerouslyAllowBrowser: true })\nasync function send(q: string) {\n  ${call}\n}\n</script>\n`;
  const svelte = `<script>\n  import OpenAI from "openai";\n  const client = new OpenAI({ dangerouslyAllowBrowser: true });\n  async function send(q) {\n    ${call}\n  }\n</script>\n<button on:click={send}>Ask</button>\n`;
  const astro = `---\nimport OpenAI from "openai"\nconst client = new OpenAI()\nconst q = Astro.url.searchParams.get("q")\n${call}\n---\n<p>{r.choices[0].message.content}</p>\n`;
  for (const [file, text, lang] of [['src/Ask.vue', vue, 'vue'], ['src/Ask.svelte', svelte, 'svelte'], ['src/pages/ask.astro', astro, 'astro']]) {
    const kinds = advice({ 'package.json': PKG, [file]: text }, file, lang);
    assert.equal(kinds.length, 1, file);
    assert.ok(!kinds[0].includes('batch'), file);
  }
  // The same script as a plain module, which nothing imports, keeps its batch advice.
  const plain = 'import OpenAI from "openai"\nconst client = new OpenAI()\nexport async function send(q: string) {\n  ' + call + '\n}\n';
  assert.ok(advice({ 'package.json': PKG, 'src/send.ts': plain }, 'src/send.ts', 'typescript')[0].includes('batch'));
});

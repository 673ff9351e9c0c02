// lex/components.ts: a Vue / Svelte / Astro component read as its script alone, every offset and line its own. The
// components below are written for these tests, in the forms of the Vue and Svelte docs and of the apps named in
// test/fixtures/{vue,svelte} (naota7118/vue_chat, 7General/ChatV, niklas-xgh-dev/svelte-5-mvp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentScript, editInTag, markupBound, scriptView } from '../src/core/lex/components';

/** The view keeps length and line breaks, so offsets map 1:1. */
function assertInPlace(text: string, view: string) {
  assert.equal(view.length, text.length);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') assert.equal(view[i], text[i], `line break at ${i}`);
}
/** The non-blank parts of a view, trimmed. */
const kept = (view: string) => view.split(/\s{2,}|\n/).map((s) => s.trim()).filter(Boolean);

test('Vue: both script blocks are kept in place; template, style and the tags themselves are blanked', () => {
  const text = '<template>\n  <p>{{ x }}</p>\n</template>\n<script lang="ts">\nexport const A = 1\n</script>\n<script setup lang="ts">\nconst b = A\n</script>\n<style>p { color: red }</style>\n';
  const view = scriptView(text, 'vue');
  assertInPlace(text, view);
  assert.deepEqual(kept(view), ['export const A = 1', 'const b = A']);
  assert.equal(view.indexOf('const b'), text.indexOf('const b'));
});

test('Svelte: <script context="module"> and the instance <script> are kept; markup with braces is not', () => {
  const text = '<script context="module">\n  export const M = "m";\n</script>\n<script>\n  let n = M;\n</script>\n<p on:click={() => go()}>{n}</p>\n';
  assert.deepEqual(kept(scriptView(text, 'svelte')), ['export const M = "m";', 'let n = M;']);
});

test('blocks that are not JS or TS are markup: a template script, a src script, JSON, another lang, a commented block', () => {
  const text =
    '<script type="text/x-template">\n  a()\n</script>\n<script src="./x.js"></script>\n<script type="application/ld+json">{"b": 1}</script>\n' +
    '<script lang="coffee">\n  c()\n</script>\n<!-- <script>\n  d()\n</script> -->\n<script type="module">\n  e()\n</script>\n';
  assert.deepEqual(kept(scriptView(text, 'vue')), ['e()']);
});

test('a quoted attribute may hold `>` (Vue generic="T extends A<B>")', () => {
  const text = '<script setup lang="ts" generic="T extends Record<string, number>">\nconst t = 1\n</script>\n';
  assert.deepEqual(kept(scriptView(text, 'vue')), ['const t = 1']);
});

test('an unclosed block runs to the end (a half-typed file); a file without scripts is all blank', () => {
  assert.deepEqual(kept(scriptView('<template></template>\n<script>\nconst x = f(', 'vue')), ['const x = f(']);
  const none = scriptView('<template>\n  <p>hi</p>\n</template>\n', 'vue');
  assert.equal(none.trim(), '');
  assertInPlace('<template>\n  <p>hi</p>\n</template>\n', none);
});

test('Astro: the `---` fenced script at the top is kept, and <script> blocks below; the page markup is not', () => {
  const text = '---\nconst a = await f();\n---\n<html>{a}</html>\n<script>\n  g();\n</script>\n';
  const view = scriptView(text, 'astro');
  assertInPlace(text, view);
  assert.deepEqual(kept(view), ['const a = await f();', 'g();']);
  // In a .vue file a leading `---` is markup.
  assert.deepEqual(kept(componentScript(text)), ['g();']);
});

test('other languages are read as they are', () => {
  const text = '<script>\nx()\n</script>\n';
  assert.equal(scriptView(text, 'typescript'), text);
  assert.equal(scriptView(text, 'html'), text);
});

test('hostile text: many unclosed tags, quotes and comments give a view of the same length', () => {
  const texts = ['<script '.repeat(20000), 'v-model:a.b= "'.repeat(20000), 'bind:value = {'.repeat(20000), '<script lang="'.repeat(5000), '<!--'.repeat(20000), '<script>' + '</script'.repeat(10000), '---\n'.repeat(10000)];
  for (const t of texts) for (const lang of ['vue', 'svelte', 'astro']) assertInPlace(t, scriptView(t, lang));
});

test('editInTag: inside a markup tag of a component, not in its script or in other languages', () => {
  const text = '<script lang="ts">\nconst a = 1\n</script>\n<p>hi</p>\n';
  assert.ok(editInTag(text, 'vue', text.indexOf('ts"')));
  assert.ok(editInTag(text, 'svelte', text.indexOf('cript>')));
  assert.ok(!editInTag(text, 'vue', text.indexOf('a = 1')));
  assert.ok(!editInTag(text, 'vue', text.indexOf('hi')));
  assert.ok(!editInTag(text, 'typescript', text.indexOf('ts"')));
});

test('markupBound: the names a component binds two-way (v-model with an argument and modifiers, bind:value, bind:group)', () => {
  const vue = '<template><select v-model="chosen"/><Field v-model:title.trim="heading"/><p :title="shown">{{ other }}</p></template>\n<script setup>\nconst chosen = ref("a");\n</script>\n';
  assert.deepEqual([...(markupBound(scriptView(vue, 'vue')) ?? [])].sort(), ['chosen', 'heading']);
  const svelte = '<script>\n  let picked = $state("a");\n</script>\n<select bind:value={picked}></select><input type="radio" bind:group={tone} /><p title={shown}></p>\n';
  assert.deepEqual([...(markupBound(scriptView(svelte, 'svelte')) ?? [])].sort(), ['picked', 'tone']);
  // A view the editor never made: read again from the file's text, when it gives the same view.
  const view = componentScript('<script>\nlet m = "x";\n</script><input bind:value={m}>');
  assert.deepEqual([...(markupBound(view, () => '<script>\nlet m = "x";\n</script><input bind:value={m}>', 'svelte') ?? [])], ['m']);
  assert.equal(markupBound('a plain module view nobody made', () => undefined), undefined);
});

// The modules a Vue or Svelte single-file component imports: its `<script>` / `<script setup>` / `<script lang="ts">`
// blocks' `import … from "…"`, `import "…"` and `import("…")` (https://vuejs.org/api/sfc-spec.html, https://svelte.dev/docs/svelte/svelte-files).
// The component runs in the browser on a person's clicks: a helper it imports answers someone who waits (interactive-files.ts).
// Seen in saofeng-cyber/vuetify-project src/views/gpt/components/GptFooter.vue (`import { MyOpenAi } from '@/api/openai'`,
// then `await myOpenAi.myChatCompletion(messages.value)` on the send button).

/** A component file's name. */
export const COMPONENT = /\.(?:vue|svelte)$/;
/** Longest component read for its imports. */
const MAX_TEXT = 512 * 1024;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi;
/** An import; its binding list bounded, so a text of many `import` words is read in linear time. */
const IMPORT = /\bimport\s*(?:[\w*${}\s,]{1,1000}?\s*from\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** The module specifiers the component's script blocks import. */
export function componentImports(text: string): string[] {
  if (text.length > MAX_TEXT || !text.includes('import')) return [];
  const out: string[] = [];
  for (const block of text.matchAll(SCRIPT)) for (const m of block[1].matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  return out;
}

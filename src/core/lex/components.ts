// Single-file components: a Vue (.vue), Svelte (.svelte) or Astro (.astro) file is markup around TS/JS. The scanner
// reads its script as TS/JS with everything else blanked (spaces, line breaks kept), so every offset and line of the
// view is the file's own. Script is: each `<script>` block whose `lang` / `type` names JS or TS (Vue's `<script>` and
// `<script setup>`, https://vuejs.org/api/sfc-spec.html; Svelte's `<script>` and `<script context="module">` /
// `<script module>`, https://svelte.dev/docs/svelte/svelte-files), and an Astro component's `---` fenced script at the
// top (https://docs.astro.build/en/basics/astro-components/#the-component-script). HTML comments are markup.

/** Language ids of component files (VS Code's, as the Vue, Svelte and Astro extensions contribute them). */
export const COMPONENT_LANGUAGES = new Set(['vue', 'svelte', 'astro']);

/** `<!--`, or a `<script …>` opening tag (attributes bounded and ending at a `<`; quoted values may hold `<` and `>`:
 * Vue's `generic="T extends A<B>"`). */
const OPEN = /<!--|<script(?=[\s>/])((?:[^<>"']|"[^"]{0,1000}"|'[^']{0,1000}'){0,2000})>/gi;
const CLOSE = /<\/script\s*>/gi;
/** `lang` / `type` values that are JS or TS; no attribute is JS too. */
const SCRIPT_LANGS = /^(?:ts|js|tsx|jsx|typescript|javascript|module|(?:text|application)\/(?:javascript|typescript|ecmascript|babel))$/i;
const ATTR = /(?:^|\s)(lang|type|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The text a scan reads: `text` itself, or for a component its script with the rest blanked. */
export function scriptView(text: string, languageId: string): string {
  if (!COMPONENT_LANGUAGES.has(languageId)) return text;
  const view = componentScript(text, languageId === 'astro');
  if (BOUND.size >= MAX_BOUND) BOUND.delete(BOUND.keys().next().value as string);
  BOUND.set(view, twoWayBound(text));
  return view;
}

/** Names the markup binds two-way, by the script view they were read with (the view no longer holds the markup). */
const BOUND = new Map<string, ReadonlySet<string>>();
const MAX_BOUND = 64;
/** `v-model="model"`, `v-model:title.trim="model"` (https://vuejs.org/guide/components/v-model.html); `bind:value={model}`,
 * `bind:group={model}` (https://svelte.dev/docs/svelte/bind). A member (`v-model="form.model"`) binds its object. */
const TWO_WAY = /\bv-model(?:[:.][\w.-]{0,100})?\s*=\s*["']\s*([\w$]+)|\bbind:[\w-]{1,40}\s*=\s*\{\s*([\w$]+)/g;

function twoWayBound(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TWO_WAY)) out.add(m[1] ?? m[2]);
  return out;
}

/** The names a component's markup binds two-way, given the script view of it scriptView made; undefined when unknown. */
export function markupBound(view: string, raw?: () => string | undefined, languageId = 'vue'): ReadonlySet<string> | undefined {
  const known = BOUND.get(view);
  if (known) return known;
  const text = raw?.();
  return text !== undefined && scriptView(text, languageId) === view ? BOUND.get(view) : undefined;
}

/** A component's script blocks in place, everything else blanked. An unclosed block runs to the end (a half-typed file). */
export function componentScript(text: string, astro = false): string {
  const keep: number[] = [];
  let from = 0;
  if (astro) {
    const fence = /^\uFEFF?\s*---[ \t]*\r?\n/.exec(text);
    if (fence) {
      const end = /^---[ \t]*$/m;
      const rest = text.slice(fence[0].length);
      const m = end.exec(rest);
      const stop = m ? fence[0].length + m.index : text.length;
      keep.push(fence[0].length, stop);
      from = stop;
    }
  }
  OPEN.lastIndex = from;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    if (m[0] === '<!--') {
      const end = text.indexOf('-->', m.index + 4);
      if (end < 0) break;
      OPEN.lastIndex = end + 3;
      continue;
    }
    const body = m.index + m[0].length;
    CLOSE.lastIndex = body;
    const close = CLOSE.exec(text);
    const stop = close ? close.index : text.length;
    if (isScript(m[1])) keep.push(body, stop);
    if (!close) break;
    OPEN.lastIndex = close.index + close[0].length;
  }
  if (!keep.length) return blank(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < keep.length; i += 2) {
    out += blank(text.slice(at, keep[i])) + text.slice(keep[i], keep[i + 1]);
    at = keep[i + 1];
  }
  return out + blank(text.slice(at));
}

/** A block of JS or TS: no `src`, and its `lang` and `type`, when given, name JS or TS (`type="text/x-template"` is markup). */
function isScript(attrs: string): boolean {
  ATTR.lastIndex = 0;
  for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
    const name = a[1].toLowerCase();
    const value = a[2] ?? a[3] ?? a[4] ?? '';
    if (name === 'src') return false;
    if (!SCRIPT_LANGS.test(value.trim())) return false;
  }
  return true;
}

/** Spaces for every character but line breaks (`\n`, `\r\n`), so offsets and lines stay the file's. */
function blank(s: string): string {
  let out = '';
  let at = 0;
  for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', at)) {
    const cr = nl > at && s.charCodeAt(nl - 1) === 13;
    out += ' '.repeat(nl - at - (cr ? 1 : 0)) + (cr ? '\r\n' : '\n');
    at = nl + 1;
  }
  return out + ' '.repeat(s.length - at);
}

/**
 * Does an edit at [lo, hi) fall inside a markup tag (after a `<` with no `>` since)? There a word typed can make or
 * unmake a script block (`<scrip>` → `<script>`, `lang="coffee"` → `lang="ts"`): the editor analyses anew.
 */
export function editInTag(text: string, languageId: string, lo: number): boolean {
  if (!COMPONENT_LANGUAGES.has(languageId)) return false;
  return text.lastIndexOf('<', lo - 1) > text.lastIndexOf('>', lo - 1);
}

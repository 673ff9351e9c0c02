// Front-end state as a value source. Vue's `const model = ref("gpt-4o-mini")` (or `shallowRef`) read as `model.value`
// (https://vuejs.org/api/reactivity-core.html#ref) and Svelte 5's `let model = $state("gpt-4o")` (or `$state.raw`,
// https://svelte.dev/docs/svelte/$state) start as their argument; a Svelte 4 component's `let model = "gpt-4o"` is its
// state as it is written. State the markup binds two-way (`<select v-model="model">`,
// https://vuejs.org/guide/components/v-model.html; `bind:value={model}`, https://svelte.dev/docs/svelte/bind) or the
// script sets again (`model.value = m`, Svelte's `model = m`) is chosen at run time: run time, its initial value named.
// Props with a default are priced at it, as "default of prop model": Vue's `defineProps({ model: { default: "…" } })`
// and `withDefaults(defineProps<…>(), { model: "…" })` read as `props.model`
// (https://vuejs.org/guide/components/props.html#prop-validation), Svelte 4's `export let model = "…"`
// (https://svelte.dev/docs/svelte/legacy-export-let). Seen in doantronghieu/FrontEnd-LLM composables/useChatGpt.js
// (`model: model.value` of a `ref('gpt-3.5-turbo')`) and parsehex/ai-chat ChatModelSelector.vue (withDefaults).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { markupBound } from '../lex/components';
import { languageIdForFile } from '../lex/languages';
import { tables } from './scope';
import { at, type EvalScope, type Value } from './value';

/** Words these readers look for outside a call (the keystroke path keeps an edit of one significant). */
export const STATE_WORDS = ['ref', 'shallowRef', '$state', '$props', 'raw', 'value', 'defineProps', 'withDefaults', 'default', 'export', 'let'];

/** Tokens walked back from a state call to its declared name (`const model: Ref<string> = ref(`). */
const MAX_DECL = 12;
/** Tokens of a script read for the name being set again, at most. */
const MAX_SCAN = 200_000;

/** `const model = ref(x)` / `shallowRef(x)` / `let model = $state(x)` / `$state.raw(x)`, the binding of `name` whose value
 * starts at token `v`: the state starts as x, or is run time with x named (undefined: not a state call). */
export function stateBinding(s: EvalScope, name: string, v: number, evalAt: (from: number, to: number) => Value | undefined): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks, match } = s;
  const tk = toks[v];
  if (!isId(tk)) return undefined;
  const vue = tk.v === 'ref' || tk.v === 'shallowRef';
  let k = v + 1;
  if (!vue && tk.v !== '$state') return undefined;
  if (!vue && isP(toks[k], '.') && toks[k + 1]?.v === 'raw') k += 2;
  if (isP(toks[k], '<')) k = typeArgsEnd(s, k);
  if (k < 0 || !isP(toks[k], '(') || !(match[k] > k + 1)) return undefined;
  for (let j = k + 1; j < match[k]; j++) {
    if (isP(toks[j], ',')) return undefined;
    if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
  }
  const x = evalAt(k + 1, match[k]);
  if (!x || x.runtime !== undefined) return x;
  const why = changedBy(s, name, vue);
  return why ? { runtime: `${name}${vue ? '.value' : ''} (${why}; initially ${shown(x)})` } : x;
}

/** `model.value` of a `ref(…)` (undefined: not a Vue ref's value). */
export function refValue(s: EvalScope, names: string[], read: (names: string[]) => Value | undefined): Value | undefined {
  if (s.syn.id !== 'javascript' || names.length !== 2 || names[1] !== 'value' || !madeBy(s, names[0], ['ref', 'shallowRef'])) return undefined;
  return read(names.slice(0, 1));
}

/** `props.model` of `const props = defineProps({ model: { type: String, default: "…" } })` or `withDefaults(defineProps<…>(),
 * { model: "…" })`: the default, named; undefined when the prop has none or `props` is not made so. */
export function propDefault(s: EvalScope, names: string[], evalAt: (from: number, to: number) => Value | undefined): Value | undefined {
  if (s.syn.id !== 'javascript' || names.length !== 2) return undefined;
  const v = madeBy(s, names[0], ['defineProps', 'withDefaults']);
  if (v === undefined) return undefined;
  const { toks, match } = s;
  // The object that holds the defaults: withDefaults' second argument, defineProps' first.
  let open = v + 1;
  if (isP(toks[open], '<')) return undefined;
  if (toks[v].v === 'withDefaults') {
    const inner = open + 1;
    const call = isP(toks[inner + 1], '<') ? typeArgsEnd(s, inner + 1) : inner + 1;
    const end = call > 0 && isP(toks[call], '(') ? match[call] : -1;
    if (end < 0 || !isP(toks[end + 1], ',')) return undefined;
    open = end + 2;
  } else open = v + 2;
  if (!isP(toks[open], '{') || !(match[open] > open)) return undefined;
  const entry = keyValue(s, open, names[1]);
  if (!entry) return undefined;
  let [from, to] = entry;
  // `model: { type: String, default: "…" }` (defineProps' object form); withDefaults gives the default itself.
  if (toks[v].v === 'defineProps') {
    if (!isP(toks[from], '{')) return undefined;
    const d = keyValue(s, from, 'default');
    if (!d) return undefined;
    [from, to] = d;
  }
  const d = evalAt(from, to);
  if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
  return { ...d, source: { file: s.file, offset: at(s, from), what: `default of prop ${names[1]}` }, fallback: true };
}

/**
 * A Svelte component's `let` / `export let` read by name (`b` is the token of the name, `v` its value): Svelte 4 state the
 * markup binds is run time, its initial value named; a prop (`export let model = "…"`) its default, named. Undefined:
 * not such a binding.
 */
export function svelteLet(s: EvalScope, b: number, v: Value): Value | undefined {
  if (s.syn.id !== 'javascript' || !/\.svelte$/.test(s.file) || (v.str === undefined && v.num === undefined)) return undefined;
  const { toks } = s;
  if (!(isId(toks[b - 1]) && toks[b - 1].v === 'let')) return undefined;
  const name = toks[b].v;
  if (!topLevel(s, b)) return undefined;
  const prop = toks[b - 2]?.v === 'export';
  const why = bound(s).has(name) ? 'bound in the markup' : prop ? undefined : changedBy(s, name, false);
  if (why) return { runtime: `${name} (${why}; initially ${shown(v)})` };
  return prop ? { ...v, source: { file: s.file, offset: toks[b].start, what: `default of prop ${name}` }, fallback: true } : undefined;
}

/** A prop destructured with a default (`let { model = "…" } = $props()`, https://svelte.dev/docs/svelte/$props; Vue 3.5
 * `const { model = "…" } = defineProps<…>()`, https://vuejs.org/guide/components/props.html#reactive-props-destructure):
 * the default, named; undefined when `b` is not such a name. */
export function destructuredProp(s: EvalScope, b: number, v: Value): Value | undefined {
  const { toks, match } = s;
  if (s.syn.id !== 'javascript' || !isP(toks[b + 1], '=') || (v.str === undefined && v.num === undefined)) return undefined;
  for (let k = b - 1; k >= 0 && k >= b - MAX_PATTERN; k--) {
    if (isP(toks[k], '}') || isP(toks[k], ')') || isP(toks[k], ']')) k = match[k] >= 0 && match[k] < k ? match[k] : k;
    else if (isP(toks[k], '{')) {
      const close = match[k];
      if (!(close > b) || !isP(toks[close + 1], '=') || !['$props', 'defineProps'].includes(toks[close + 2]?.v ?? '')) return undefined;
      if (bound(s).has(toks[b].v)) return { runtime: `${toks[b].v} (bound in the markup; initially ${shown(v)})` };
      return { ...v, source: { file: s.file, offset: toks[b].start, what: `default of prop ${toks[b].v}` }, fallback: true };
    }
  }
  return undefined;
}
/** Tokens walked back from a destructured prop to its pattern's `{`. */
const MAX_PATTERN = 400;

/** Token `b` is in no bracket: a component's top-level declaration (its state), not a function's local. */
function topLevel(s: EvalScope, b: number): boolean {
  const { toks, match } = s;
  for (let k = 0; k < b; k++) {
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) {
      if (match[k] > b) return false;
      k = match[k];
    }
  }
  return true;
}

/** Why the state `name` changes at run time: the markup binds it, or the script sets it again; else undefined. */
function changedBy(s: EvalScope, name: string, vue: boolean): string | undefined {
  if (bound(s).has(name)) return vue ? 'v-model in the template' : 'bound in the markup';
  if (!vue && !/\.svelte(?:\.[cm]?[jt]s)?$/.test(s.file)) return undefined;
  const { toks } = s;
  for (let k = 0; k < toks.length && k < MAX_SCAN; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    // Vue: `model.value = m`; Svelte: `model = m` (not a declaration).
    const set = vue ? isP(toks[k + 1], '.') && toks[k + 2]?.v === 'value' && assigns(toks[k + 3]?.v) : assigns(toks[k + 1]?.v) && !DECLARES.has(toks[k - 1]?.v ?? '');
    if (set) return 'set again in the script';
  }
  return undefined;
}

const DECLARES = new Set(['let', 'const', 'var']);
const ASSIGNS = new Set(['=', '+=', '??=', '||=', '++', '--']);
function assigns(op: string | undefined): boolean {
  return op !== undefined && ASSIGNS.has(op);
}

/** `name` is state the component's markup binds two-way (`let text = ''` with `bind:value={text}`): not a constant. */
export function markupState(s: EvalScope, names: string[]): boolean {
  return names.length === 1 && s.syn.id === 'javascript' && bound(s).has(names[0]);
}

/** The names the file's markup binds two-way (none for a plain module). */
function bound(s: EvalScope): ReadonlySet<string> {
  const lang = languageIdForFile(s.file);
  if (lang !== 'vue' && lang !== 'svelte') return NONE;
  return markupBound(s.text, () => s.index?.text(s.file), lang) ?? NONE;
}
const NONE: ReadonlySet<string> = new Set();

/** The token of the call that makes the one binding of `name` when it is one of `fns` (`const props = defineProps(`). */
function madeBy(s: EvalScope, name: string, fns: string[]): number | undefined {
  const list = tables(s).binds.get(name);
  if (!list || list.length !== 1 || list[0].kind !== 'assign' || list[0].value < 0 || list[0].key !== undefined) return undefined;
  const v = list[0].value;
  const tk = s.toks[v];
  return isId(tk) && fns.includes(tk.v) && (isP(s.toks[v + 1], '(') || isP(s.toks[v + 1], '<')) ? v : undefined;
}

/** `const NAME = f(` / `let NAME: T = f(`: NAME, for the call whose first token is `fnAt`. */
function declaredName(s: EvalScope, fnAt: number): string | undefined {
  const { toks } = s;
  if (!isP(toks[fnAt - 1], '=')) return undefined;
  for (let k = fnAt - 2; k >= 0 && k >= fnAt - MAX_DECL; k--) {
    if (isId(toks[k]) && DECLARES.has(toks[k].v)) return isId(toks[k + 1]) ? toks[k + 1].v : undefined;
  }
  return undefined;
}

/** The value range of `key:` in the object literal opening at `open`. */
function keyValue(s: EvalScope, open: number, key: string): [number, number] | undefined {
  const { toks, match } = s;
  const close = match[open];
  for (let k = open + 1; k < close; k++) {
    const tk = toks[k];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if ((isId(tk) || toks[k].t === T.Str) && toks[k].v === key && isP(toks[k + 1], ':') && (isP(toks[k - 1], '{') || isP(toks[k - 1], ','))) {
      let e = k + 2;
      while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
      return e > k + 2 ? [k + 2, e] : undefined;
    }
  }
  return undefined;
}

/** The token after the type arguments opened at `lt` (`ref<string>(`, `defineProps<{ model?: string }>(`), or -1. */
function typeArgsEnd(s: EvalScope, lt: number): number {
  const { toks, match } = s;
  let depth = 0;
  for (let k = lt; k < toks.length && k < lt + 2000; k++) {
    if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    else if (isP(toks[k], '<')) depth++;
    else if (isP(toks[k], '>') || isP(toks[k], '>>')) {
      depth -= toks[k].v.length;
      if (depth <= 0) return k + 1;
    } else if (isP(toks[k], ';')) return -1;
  }
  return -1;
}

function shown(v: Value): string {
  return v.str !== undefined ? JSON.stringify(v.str) : String(v.num ?? '?');
}

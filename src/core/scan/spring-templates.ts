// Spring AI prompt templates written in code: `new SystemPromptTemplate(text).createMessage(vars)`,
// `new PromptTemplate(text).create(vars)` / `.render(vars)`, `new PromptTemplate(text, vars)`. The text is a
// StringTemplate whose `{name}` attributes the variables fill (spring-ai-model chat/prompt/PromptTemplate.java
// render(Map) → StTemplateRenderer, DEFAULT_START_DELIMITER_TOKEN '{' / DEFAULT_END_DELIMITER_TOKEN '}'). A variable the
// code states fills its attribute; an array or list is written element after element with no separator (StringTemplate 4
// doc/expr-options.md: "<names> spits them out right next to each other" unless a `separator` option is given); any other
// attribute is a hole named by the expression given for it, or its own name (earnik/recipe-generator: a `private
// static final String[] INSTRUCTIONS` put into `{instructions}`, 10 rules not counted, held41 M2).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import { label, type Value } from './value';
import { listText } from './text-join';
import { args } from './calls';

/** Attributes filled at most per template. */
const MAX_VARS = 32;
/** Statements looked at for `vars.put(…)` between the map's making and the template's use. */
const MAX_PUT_SCAN = 4000;

/** What the variables say of each attribute: its text, or the label of a value known only at run time. */
export type StVars = Map<string, { str?: string; holes?: string[]; label?: string }>;

/** A Spring AI template class (SystemPromptTemplate is Spring AI's alone; a PromptTemplate only in a file that imports
 * Spring AI: LangChain4j's is `{{name}}`, prompt-templates-jvm.ts). */
export function springTemplateClass(c: Ctx, name: string): boolean {
  return name === 'SystemPromptTemplate' || name === 'AssistantPromptTemplate' || (name === 'PromptTemplate' && c.text.includes('org.springframework.ai'));
}

/** The variables of the argument toks[from, to) of `createMessage(…)` / `create(…)` / `render(…)` (or a template's
 * second constructor argument): a `Map.of("k", v, …)`, Kotlin `mapOf("k" to v)`, or a local map filled by
 * `name.put("k", v)` before `before`. Undefined: none stated. */
export function stVars(c: Ctx, from: number, to: number, before: number, depth: number): StVars | undefined {
  const { toks, match } = c;
  if (to <= from) return undefined;
  const out: StVars = new Map();
  c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  const put = (k: number, vf: number, vt: number) => {
    if (toks[k].t !== T.Str || out.size >= MAX_VARS) return;
    out.set(toks[k].v, varValue(c, vf, vt, depth));
  };
  // `Map.of("k", v, …)` / `mapOf("k" to v, …)` / `hashMapOf(…)`.
  const mapCall = isId(toks[from]) && toks[from].v === 'Map' && isP(toks[from + 1], '.') && toks[from + 2]?.v === 'of' ? from + 3 : -1;
  const kotlinMap = isId(toks[from]) && /^(mapOf|mutableMapOf|hashMapOf)$/.test(toks[from].v) ? from + 1 : -1;
  const at = mapCall > 0 ? mapCall : kotlinMap;
  if (at > 0 && isP(toks[at], '(') && match[at] > at && match[at] < to) {
    const items = args(c, at, match[at]);
    if (mapCall > 0) for (let n = 0; n + 1 < items.length; n += 2) put(items[n].from, items[n + 1].from, items[n + 1].to);
    else for (const x of items) if (toks[x.from + 1]?.v === 'to') put(x.from, x.from + 2, x.to);
    return out;
  }
  // A local map: `vars.put("k", v);` statements before the use (read as written, whatever branch they sit in).
  if (!isId(toks[from]) || to !== from + 1) return undefined;
  const name = toks[from].v;
  const start = Math.max(0, before - MAX_PUT_SCAN);
  for (let k = start; k < before; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || toks[k + 2]?.v !== 'put' || !isP(toks[k + 3], '(') || isP(toks[k - 1], '.')) continue;
    const items = args(c, k + 3, match[k + 3]);
    if (items.length === 2) put(items[0].from, items[1].from, items[1].to);
  }
  // The puts lie before the call: an edit of one must not reuse the last analysis (editor/incremental.ts).
  c.read?.push({ start: toks[start].start, end: toks[before].end });
  return out.size ? out : undefined;
}

/** A variable's value: a text, a number, an array or list of texts (joined with nothing), or a run-time label. */
function varValue(c: Ctx, from: number, to: number, depth: number): { str?: string; holes?: string[]; label?: string } {
  if (from >= to) return { label: '?' };
  const v: Value | undefined = evaluate(c, from, to, depth + 1);
  if (v?.str !== undefined && v.runtime === undefined) return { str: v.str, ...(v.holes?.length ? { holes: v.holes } : {}) };
  if (v?.num !== undefined) return { str: String(v.num) };
  if (v?.obj?.kind === 'table') {
    const t = listText(v.obj.scope, v.obj.open, '', depth + 1);
    if (t?.str !== undefined) return { str: t.str, ...(t.holes?.length ? { holes: t.holes } : {}) };
  }
  return { label: label(c, from, to) };
}

/**
 * The template's parts with its `{name}` attributes filled from `vars` or left as holes. Only texts read from the
 * template's argument are rendered; a `\{` escape and braces around anything but a name (JSON examples) stay text.
 */
export function renderSt(parts: PromptPart[], vars: StVars | undefined): PromptPart[] {
  const out: PromptPart[] = [];
  for (const p of parts) {
    if (!p.resolved) {
      out.push(p);
      continue;
    }
    const holes: string[] = [];
    const text = p.text.replace(/(\\?)\{[ \t]*([A-Za-z_][\w.]{0,59})[ \t]*\}/g, (all, esc: string, name: string) => {
      if (esc) return all;
      const v = vars?.get(name);
      if (v?.str !== undefined) {
        holes.push(...(v.holes ?? []));
        return v.str;
      }
      const h = v?.label ?? name;
      if (!holes.includes(h)) holes.push(h);
      return '';
    });
    out.push(text === p.text ? p : { ...p, text });
    for (const h of holes) out.push({ text: '', span: p.span, resolved: false, label: h });
  }
  return out;
}

/**
 * The variables a ChatClient message spec gives its text (`u -> u.text("…{name}…").param("name", v)`, `.params(map)`,
 * in toks(open, close)): DefaultChatClientUtils.toChatClientRequest renders the user / system text as a PromptTemplate
 * with them only when some are given (spring-ai-client-chat DefaultChatClientUtils.java: `if (!CollectionUtils
 * .isEmpty(inputRequest.getUserParams()))`). Undefined when the spec gives none: the text goes as written.
 */
export function specVars(c: Ctx, open: number, close: number, depth: number): StVars | undefined {
  const { toks, match } = c;
  let out: StVars | undefined;
  for (let k = open + 1; k < close; k++) {
    const fn = toks[k].v;
    if (!(fn === 'param' || fn === 'params') || !isId(toks[k]) || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    out ??= new Map();
    const items = args(c, k + 1, match[k + 1]);
    if (fn === 'param' && items.length === 2 && toks[items[0].from].t === T.Str && items[0].to === items[0].from + 1) {
      if (out.size < MAX_VARS) out.set(toks[items[0].from].v, varValue(c, items[1].from, items[1].to, depth));
    } else if (fn === 'params' && items.length === 1) {
      for (const [name, v] of stVars(c, items[0].from, items[0].to, k, depth) ?? []) if (out.size < MAX_VARS) out.set(name, v);
    }
    k = match[k + 1];
  }
  return out;
}

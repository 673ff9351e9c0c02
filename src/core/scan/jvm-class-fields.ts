// The fields of a Java class as the tool-schema generators read them (jvm-class-schema.ts): the non-static fields
// declared in its body (a record's components), the annotations on each or on its getter that decide whether it is
// required and its description, an enum's constants. Sources as in jvm-class-schema.ts.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import type { ToolFlavor } from './spring-tool-defs';

/** Annotations whose text is a field's description: LangChain4j's `@Description`; Spring AI's `@ToolParam`, swagger's
 * `@Schema` and Jackson's `@JsonPropertyDescription` (its Swagger2Module and JacksonSchemaModule). */
const DESCRIBED = new Set(['Description', 'ToolParam', 'Schema', 'JsonPropertyDescription']);
const MODIFIERS = new Set(['private', 'protected', 'public', 'final', 'volatile', 'transient', 'static']);

export interface Field {
  name: string;
  type: [number, number];
  transient: boolean;
  ann: Annotations;
}

/** What a field's (or its getter's) annotations say: the arguments' text, spaces removed, of those that decide. */
export interface Annotations {
  ignored?: boolean;
  nullable?: boolean;
  toolParam?: string;
  jsonProperty?: string;
  schema?: string;
  description?: string;
  descriptionBy?: string;
}

/** Is the field required? Spring AI (AbstractSpringAiSchemaModule checkRequired, in this order): `@ToolParam(required)`
 * (default true), `@JsonProperty(required)` (default false), `@Schema` unless NOT_REQUIRED, `@Nullable`, else required.
 * LangChain4j (JsonSchemaElementUtils isRequired): `@JsonProperty(required)` (default false), else required. */
export function isRequired(a: Annotations, flavor: ToolFlavor): boolean {
  if (flavor === 'spring-ai' && a.toolParam !== undefined) return !a.toolParam.includes('required=false');
  if (a.jsonProperty !== undefined) return a.jsonProperty.includes('required=true');
  if (flavor === 'langchain4j') return true;
  if (a.schema !== undefined) return !a.schema.includes('NOT_REQUIRED');
  return !a.nullable;
}

/** The non-static fields declared directly in the class body (open, close): `[@A…] [modifiers] Type name [= …];`. */
export function fields(s: EvalScope, [open, close]: [number, number]): Field[] {
  const { toks, match } = s;
  const out: Field[] = [];
  const getters = new Map<string, Annotations>();
  let k = open + 1;
  while (k < close) {
    // One member: up to its `;` or its body's `}`; the annotations' parentheses first.
    let j = k;
    while (j < close && isP(toks[j], '@') && isId(toks[j + 1])) j = isP(toks[j + 2], '(') && match[j + 2] > j ? match[j + 2] + 1 : j + 2;
    let e = j;
    while (e < close && !isP(toks[e], ';') && !isP(toks[e], '=') && !isP(toks[e], '(') && !isP(toks[e], '{')) e++;
    const stop = toks[e];
    if (isP(stop, ';') || isP(stop, '=')) {
      const f = fieldAt(s, k, e);
      if (f) out.push(f);
    } else if (isP(stop, '(') && j > k && /^(?:get|is)[A-Z]/.test(toks[e - 1]?.v ?? '')) {
      // A getter's annotations count for its field (victools getAnnotationConsideringFieldAndGetter).
      const prop = toks[e - 1].v.replace(/^(?:get|is)/, '');
      getters.set(prop[0].toLowerCase() + prop.slice(1), annotationsAt(s, k, e).ann);
    }
    // To the member's end: a field's `;` (past its initializer), a method's or nested type's body.
    let m = e;
    while (m < close && !isP(toks[m], ';')) {
      if ((isP(toks[m], '(') || isP(toks[m], '{') || isP(toks[m], '[')) && match[m] > m) {
        const wasBody = isP(toks[m], '{') && !isP(stop, '=');
        m = match[m];
        if (wasBody) break;
      }
      m++;
    }
    k = Math.max(m + 1, k + 1);
  }
  for (const f of out) {
    const g = getters.get(f.name);
    if (g) f.ann = { ...g, ...f.ann };
  }
  return out;
}

/** The annotations at toks[k, end) and the token after them. */
function annotationsAt(s: EvalScope, k: number, end: number): { ann: Annotations; next: number } {
  const { toks, match } = s;
  const ann: Annotations = {};
  let j = k;
  while (j < end && isP(toks[j], '@') && isId(toks[j + 1])) {
    const name = toks[j + 1].v;
    const args = isP(toks[j + 2], '(') && match[j + 2] > j ? [j + 3, match[j + 2]] : undefined;
    const flat = args ? s.text.slice(toks[args[0]].start, toks[args[1]].start).replace(/\s/g, '') : '';
    if (name === 'JsonIgnore') ann.ignored = true;
    if (name === 'Nullable') ann.nullable = true;
    if (name === 'ToolParam') ann.toolParam = flat;
    if (name === 'JsonProperty') ann.jsonProperty = flat;
    if (name === 'Schema') ann.schema = flat;
    const described = args ? description(s, args[0], args[1]) : undefined;
    if (described !== undefined && DESCRIBED.has(name)) [ann.description, ann.descriptionBy] = [described, name];
    j = args ? args[1] + 1 : j + 2;
  }
  return { ann, next: j };
}

/** The field declared at toks[k, end): annotations, modifiers, the type, its name last; undefined when static or not one. */
function fieldAt(s: EvalScope, k: number, end: number): Field | undefined {
  const { toks } = s;
  const { ann, next } = annotationsAt(s, k, end);
  let [j, stat, transient] = [next, false, false];
  while (MODIFIERS.has(toks[j]?.v)) {
    if (toks[j].v === 'static') stat = true;
    if (toks[j].v === 'transient') transient = true;
    j++;
  }
  if (stat || end - 1 <= j || !isId(toks[end - 1]) || ['class', 'interface', 'enum', 'record', 'return'].includes(toks[j].v)) return undefined;
  return { name: toks[end - 1].v, type: [j, end - 1], transient, ann };
}

/** The text of `("…")` or `(description = "…" + "…", …)` in toks[from, to). */
function description(s: EvalScope, from: number, to: number): string | undefined {
  const { toks } = s;
  let k = from;
  if (!(toks[k]?.t === T.Str)) {
    while (k < to && !(toks[k].v === 'description' && isP(toks[k + 1], '='))) k++;
    if (k >= to) return undefined;
    k += 2;
  }
  let text: string | undefined;
  for (; k < to && toks[k].t === T.Str; k += isP(toks[k + 1], '+') ? 2 : 1) text = (text ?? '') + toks[k].v;
  return text;
}

/** `record cls(int id, @ToolParam(…) String name)`: its components as fields, undefined when s declares no such record. */
export function recordComponents(s: EvalScope, cls: string): Field[] | undefined {
  const { toks, match } = s;
  const at = toks.findIndex((t, i) => t.v === 'record' && toks[i + 1]?.v === cls && isP(toks[i + 2], '('));
  if (at < 0 || !(match[at + 2] > at)) return undefined;
  const out: Field[] = [];
  const close = match[at + 2];
  for (let k = at + 3; k < close; ) {
    // One component, up to a `,` outside parentheses and generics (`Map<String, Integer> m`).
    let [e, angle] = [k, 0];
    for (; e < close && !(isP(toks[e], ',') && angle === 0); e++) {
      if (isP(toks[e], '(') && match[e] > e) e = match[e];
      else if (isP(toks[e], '<')) angle++;
      else if (isP(toks[e], '>')) angle--;
    }
    const got = fieldAt(s, k, e);
    if (got) out.push(got);
    k = e + 1;
  }
  return out;
}

/** The constant names of `enum cls { A, B; … }` in scope s, or undefined when s declares no such enum. */
export function enumValues(s: EvalScope, cls: string): string[] | undefined {
  const { toks, match } = s;
  const at = toks.findIndex((t, i) => t.v === 'enum' && toks[i + 1]?.v === cls);
  if (at < 0) return undefined;
  let open = at + 2;
  while (open < toks.length && !isP(toks[open], '{')) open++;
  if (!(match[open] > open)) return undefined;
  const out: string[] = [];
  for (let k = open + 1; k < match[open] && !isP(toks[k], ';'); k++) {
    if (isP(toks[k], '(') && match[k] > k) k = match[k];
    else if (isId(toks[k]) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ','))) out.push(toks[k].v);
  }
  return out;
}

// LangChain's `llm.with_structured_output(Verdict)` then `.invoke(…)`: the pydantic class is sent with every call, so
// it is input, as instructor's response_model is (py-instructor.ts). What is sent depends on the class and `method=`
// (langchain-openai 0.3.27 langchain_openai/chat_models/base.py, as installed in MincaAI/collecte_info_prev's venv):
// - ChatOpenAI (:2701) and AzureChatOpenAI (azure.py:757) default to method="json_schema": the class itself becomes
//   `response_format` (:3169 _convert_to_openai_response_format) and openai-python sends its strict JSON schema, the
//   schema `client.chat.completions.parse(response_format=Cls)` sends (py-pydantic-schema.ts). A model named gpt-3*,
//   gpt-4-* or gpt-4 is moved to function calling (:1848-1866).
// - method="function_calling", and the other chat classes' default (BaseChatModel): one forced tool,
//   langchain_core/utils/function_calling.py _convert_json_schema_to_openai_function (:118-129): `$ref`s inlined,
//   `$defs` dropped, name = the class title, description = its docstring, "title" keys removed except a property
//   named title (:64 _rm_titles; lists are not entered).
// - method="json_mode": only `{"type": "json_object"}` is sent; nothing is counted.
// Seen in watsumi/learning-langchain ch1/py/h-structured.py and ch8/py/a-structured-output.py.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import { itemEnd, type Json } from './zod-schema';
import { pydanticClassSchema, pydanticStrictSchema } from './py-pydantic-schema';

/** The `with_structured_output(` call a runnable went through: its file, `(` and `)` token indexes. */
export interface StructuredAt {
  ctx: Ctx;
  open: number;
  close: number;
}

type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** What the call sends for the schema: a response schema or a forced tool; undefined when none is read. */
export function structuredOutput(s: StructuredAt, provider: string | undefined, model: string | undefined, unread: string[]): { schema?: ToolDefs; tools?: ToolDefs } | undefined {
  const { ctx: c, open, close } = s;
  const { toks } = c;
  if (c.syn.id !== 'python') return undefined;
  // `with_structured_output(Cls)` or `with_structured_output(schema=Cls)` (BaseChatModel.with_structured_output(self,
  // schema, *, include_raw=False, **kwargs): haseebpvt/agentic-shopping-list-backend recommender/graph/nodes.py).
  const at = toks[open + 1]?.v === 'schema' && isP(toks[open + 2], '=') ? open + 3 : open + 1;
  if (!isId(toks[at]) || itemEnd(c, at, close) !== at + 1) return undefined;
  let method: string | undefined;
  for (let k = itemEnd(c, open + 1, close) + 1; k < close; k = itemEnd(c, k, close) + 1) {
    if (toks[k].v === 'method' && isP(toks[k + 1], '=')) method = toks[k + 2]?.t === T.Str ? toks[k + 2].v : '?';
  }
  if (method === 'json_mode' || method === '?') return undefined;
  const name = toks[at].v;
  const span = { start: toks[at].start, end: toks[at].end };
  const older = !!model && /^(gpt-3|gpt-4-|gpt-4$)/.test(model);
  if ((provider === 'openai' || provider === 'azure') && !older && (method ?? 'json_schema') === 'json_schema') {
    const schema = pydanticStrictSchema(c, name, unread);
    return schema === undefined ? undefined : { schema: { text: JSON.stringify(schema), definitions: 1, span } };
  }
  const cls = pydanticClassSchema(c, name, unread);
  if (!cls) return undefined;
  const params = { ...(inlineRefs(cls, isObj(cls.$defs) ? cls.$defs : {}, 0) as Obj) };
  const { title, description } = params;
  for (const k of ['title', 'description', '$defs']) delete params[k];
  const fn = { name: typeof title === 'string' ? title : name, description: typeof description === 'string' ? description : '', parameters: rmTitles(params, '') };
  return { tools: { text: JSON.stringify([{ type: 'function', function: fn }]), definitions: 1, span } };
}

/** langchain_core dereference_refs: each `{"$ref": "#/$defs/X"}` replaced by X's schema (bounded depth). */
function inlineRefs(v: Json, defs: Obj, depth: number): Json {
  if (Array.isArray(v)) return v.map((x) => inlineRefs(x, defs, depth));
  if (!isObj(v) || depth > 16) return v;
  const ref = v.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const def = defs[ref.slice(8)];
    if (isObj(def)) {
      const others = { ...v };
      delete others.$ref;
      return inlineRefs({ ...def, ...others }, defs, depth + 1);
    }
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$defs' ? x : inlineRefs(x, defs, depth)]));
}

/** langchain_core _rm_titles: "title" keys dropped, except a property named title; lists are left as they are. */
function rmTitles(o: Obj, prev: string): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'title' && !(isObj(v) && prev === 'properties')) continue;
    out[k] = isObj(v) ? rmTitles(v, k) : v;
  }
  return out;
}

/** Puts what `with_structured_output` sends on the site, with the schema's parts known only at run time named. */
export function structuredOn(site: CallSite, s: StructuredAt, provider: string | undefined): void {
  const unread: string[] = [];
  const sent = structuredOutput(s, provider, site.model?.id, unread);
  if (!sent) return;
  if (sent.schema) site.schema = sent.schema;
  if (sent.tools) site.tools = sent.tools;
  const span = (sent.schema ?? sent.tools)!.span;
  for (const label of unread) site.parts.push({ text: '', span, resolved: false, label });
}

// LangChain (Python) prompt templates read as text values, outside a chain: `PromptTemplate(template="…",
// input_variables=[…])` or `PromptTemplate.from_template("…")`, kept in a name (often another module's, as
// 100-hours-a-week/21-iceT-ai src/core/prompt_templates.py), then `prompt = TEMPLATE.invoke({…})` or
// `TEMPLATE.format(…)` passed to a model. The text counts; its `{name}` variables are filled at run time, so they are
// holes; `{{` / `}}` are literal braces (langchain_core/prompts/prompt.py PromptTemplate, template_format "f-string";
// string.py; base.py BasePromptTemplate.invoke / format_prompt → a PromptValue of that text, to_string()).
import type { EvalScope, Value } from './value';
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { pyTextTemplate } from './py-text-templates';
import { jinjaTemplate } from './py-jinja-env';
import { chatTemplate } from './py-chat-templates';
import { readPromptFile } from './file-reads';
import { importsOf } from './imported';

type Arg = { key?: string; from: number; to: number };

/** Methods of a template (or of the PromptValue it makes) whose result carries the template's text: a chat template's
 * format_messages gives its messages, format_prompt a PromptValue whose to_messages / to_string are the same text. */
const KEEPS_TEXT = new Set(['invoke', 'ainvoke', 'format_prompt', 'aformat_prompt', 'to_string', 'partial', 'format_messages', 'aformat_messages', 'to_messages', 'format', 'aformat']);
/** Variables listed at most as holes. */
const MAX_HOLES = 32;

export function pyTemplateCall(s: EvalScope, base: Value | undefined, names: string[], a: Arg[], arg: (n: number) => Value | undefined, ev: (from: number, to: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  const own = pyTextTemplate(s, base, names, a, arg); // `string.Template(t).safe_substitute(…)`, `jinja2.Template(t).render(…)`
  if (own) return own;
  const file = jinjaTemplate(s, names, a, arg, 0); // `env.get_template("x.md")` (py-jinja-env.ts)
  if (file) return file;
  // `TEMPLATE.invoke({…})`: a known template's text (its variables stay holes). A plain text has no such method.
  if (base?.template && base.str !== undefined && KEEPS_TEXT.has(fn)) return filled(base, a, arg);
  const chat = chatTemplate(s, names, a, ev); // `ChatPromptTemplate.from_messages([…])` (py-chat-templates.ts)
  if (chat) return chat;
  // `ChatPromptTemplate.from_template(text)` is one human message of a PromptTemplate of that text (prompts/chat.py:
  // `PromptTemplate.from_template(template)` wrapped in HumanMessagePromptTemplate).
  // `PromptTemplate.from_file("prompts/x.tpl")`: the file's text made a template as from_template does (prompts/prompt.py
  // from_file: `with open(str(template_file), "r", encoding=encoding) as f: template = f.read()`, then
  // `cls.from_template(template=template, **kwargs)`, f-string by default), whatever the file's extension.
  // Only LangChain's class: another framework's PromptTemplate.from_file (OmAgent's, with a role) reads its own way.
  const fromFile = names.length === 2 && fn === 'from_file' && names[0] === 'PromptTemplate' && /^langchain/.test(importsOf(s).names.get('PromptTemplate')?.from ?? '');
  const made = names.length === 2 && fn === 'from_template' ? names[0] === 'PromptTemplate' || names[0] === 'ChatPromptTemplate' : fromFile || (names.length === 1 && names[0] === 'PromptTemplate');
  if (!made || (fromFile && a.some((x) => x.key === 'template_format'))) return undefined;
  const n = a.findIndex((x) => (names.length === 1 ? x.key === 'template' : !x.key || x.key === (fromFile ? 'template_file' : 'template')));
  const path = fromFile && n >= 0 ? arg(n) : undefined;
  if (fromFile && (path?.str === undefined || path.runtime !== undefined || path.holes?.length)) return undefined;
  const text = path ? readPromptFile(s, path.str!, true) : n >= 0 ? arg(n) : undefined;
  if (text?.str === undefined || text.runtime !== undefined) return undefined;
  return fString(text);
}

/**
 * `tpl.format_messages(question="How do I sort a list?")`: a variable given a text stated in code is that text, not a
 * hole (its place in the template is not kept, so it is counted after the template's own text).
 */
function filled(base: Value, a: Arg[], arg: (n: number) => Value | undefined): Value {
  if (!base.holes?.length || !a.some((x) => x.key && base.holes!.includes(x.key))) return base;
  let str = base.str!;
  const holes = base.holes.slice();
  a.forEach((x, n) => {
    const at = x.key ? holes.indexOf(x.key) : -1;
    if (at < 0) return;
    const v = arg(n);
    // An empty text is a field's placeholder default (`bug_report: str = ''` on the state passed), not what is sent.
    if (!v?.str || v.runtime !== undefined || v.holes?.length) return;
    str += '\n' + v.str;
    holes.splice(at, 1);
  });
  const out: Value = { ...base, str, holes };
  if (!holes.length) delete out.holes;
  return out;
}

/** LangChain.js methods whose result carries a template's text (@langchain/core prompts: BasePromptTemplate.invoke /
 * format / formatPromptValue, PromptValue toString). */
const JS_KEEPS_TEXT = new Set(['invoke', 'format', 'formatPromptValue', 'toString']);

/**
 * LangChain.js `PromptTemplate.fromTemplate("…")` (f-string by default: @langchain/core prompts/prompt.js fromTemplate,
 * `const { templateFormat = "f-string", ...rest } = options ?? {}`) kept in a module constant, then
 * `await TEMPLATE.invoke({ changes })` passed to a model (held46: Wajih-Wanis/mm-commit-gen extension.js). Its text
 * counts, its variables are holes; a template given another format is not read.
 */
export function jsTemplateCall(s: EvalScope, base: Value | undefined, names: string[], a: Arg[], arg: (n: number) => Value | undefined, ev: (from: number, to: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  if (base?.template && base.str !== undefined && JS_KEEPS_TEXT.has(fn) && a.length <= 1) return base;
  // `new PromptTemplate({ template: "…", inputVariables: […] })`: the same template, f-string unless `templateFormat`
  // says otherwise (@langchain/core prompts/prompt.ts: `templateFormat: TemplateFormat = "f-string"`, the input's fields
  // assigned over it; held55 P1, susharan1997/NextJs-AI-Journal-App utils/ai.ts).
  if (names.length === 1 && names[0] === 'PromptTemplate' && a.length === 1 && !a[0].key) {
    const keys = objectKeys(s, a[0].from, a[0].to);
    const tpl = keys?.get('template');
    const format = keys?.get('templateFormat');
    if (!tpl || (format && ev(format[0], format[1])?.str !== 'f-string')) return undefined;
    const text = ev(tpl[0], tpl[1]);
    return text?.str === undefined || text.runtime !== undefined ? undefined : fString(text);
  }
  if (names.length !== 2 || fn !== 'fromTemplate' || names[0] !== 'PromptTemplate' || a.length !== 1 || a[0].key) return undefined;
  const text = arg(0);
  if (text?.str === undefined || text.runtime !== undefined) return undefined;
  return fString(text);
}

/** A template's text with its `{name}` variables made holes and `{{` / `}}` literal braces. */
function fString(text: Value): Value {
  const holes = [...(text.holes ?? [])];
  const str = text.str!.replace(/\{\{|\}\}|\{([A-Za-z_][\w.]*)\}/g, (m, name: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    if (name && !holes.includes(name) && holes.length < MAX_HOLES) holes.push(name);
    return '';
  });
  return { str, template: true, ...(holes.length ? { holes } : {}), ...(text.source ? { source: text.source } : {}) };
}

/** The value ranges of the top-level `key: value` entries of the object literal that is tokens [from, to). */
function objectKeys(s: EvalScope, from: number, to: number): Map<string, [number, number]> | undefined {
  const { toks, match } = s;
  if (!isP(toks[from], '{') || match[from] !== to - 1) return undefined;
  const out = new Map<string, [number, number]>();
  for (let k = from + 1; k < to - 1; ) {
    const key = toks[k];
    let e = k + 2;
    while (e < to - 1 && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    if ((key.t === T.Id || key.t === T.Str) && isP(toks[k + 1], ':')) out.set(key.v, [k + 2, e]);
    k = e + 1;
  }
  return out;
}

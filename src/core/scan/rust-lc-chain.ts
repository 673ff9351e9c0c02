// langchain-rust chains (call-shapes-rust.ts): `LLMChainBuilder::new().prompt(HumanMessagePromptTemplate::new(
// template_jinja2!("… {{input}}", "input"))).llm(llm).build()` with `let llm = OpenAI::default().with_model(M)`.
// The model and limit are the LLM's: `with_model(M)` (OpenAIModel / ClaudeModel variants, sdk-model-ids-langchain-rust.ts,
// or a string), `with_options(CallOptions::default().with_max_tokens(n))`. A template macro's variables are filled by
// `chain.invoke(prompt_args!{…})` at run time: its text counts without them and each is named. Source:
// https://github.com/Abraxas-365/langchain-rust (cfc709a) src/chain/llm_chain.rs, src/llm/openai/mod.rs (OpenAI::default,
// with_model, with_options), src/llm/claude/client.rs, src/language_models/options.rs (CallOptions::with_max_tokens),
// src/prompt/mod.rs (template_fstring!, template_jinja2!).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart } from '../types';
import { builderEnd } from './chains';
import { readModel, readNumber, type Ctx } from './values';

/** The LLM types of langchain-rust → the provider, and what each sends when no `with_model` is given. */
const LLMS: Readonly<Record<string, { provider: string; unset: string; dflt?: string }>> = {
  OpenAI: { provider: 'openai', unset: "langchain-rust OpenAI's default model (gpt-3.5-turbo before 4.6.0, gpt-4o-mini since)" },
  Claude: { provider: 'anthropic', unset: "langchain-rust Claude's default model", dflt: 'claude-3-opus-20240229' },
  Ollama: { provider: 'ollama', unset: "langchain-rust Ollama's default model" },
  Deepseek: { provider: 'deepseek', unset: "langchain-rust Deepseek's default model", dflt: 'deepseek-chat' },
  Qwen: { provider: 'alibaba', unset: "langchain-rust Qwen's default model", dflt: 'qwen-turbo' },
};

/** Tokens looked back for the LLM's `let` binding, and read of its value. */
const MAX_BACK = 3000;
const MAX_VALUE = 200;

/** toks[k] is `.name(`: the index of its `(`, else -1. */
const link = (c: Ctx, k: number, name: string) => (isP(c.toks[k], '.') && c.toks[k + 1]?.v === name && isP(c.toks[k + 2], '(') ? k + 2 : -1);

/** The `.name(…)` link of the chain in toks[from, to): its `(`, or -1. */
function findLink(c: Ctx, from: number, to: number, name: string): number {
  for (let k = from; k < to; k++) if (link(c, k, name) >= 0) return k + 2;
  return -1;
}

/** The range of the expression passed to `.llm(X)` / `.prompt(X)` (or rig's `AgentBuilder::new(X)`, rust-rig-model.ts):
 * X's `let X = …;` value when X is a name (or `X.clone()`), else the argument itself; undefined for a name not bound. */
export function boundRange(c: Ctx, open: number, first: number): [number, number] | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (close < 0) return undefined;
  const cloned = open + 6 === close && link(c, open + 2, 'clone') >= 0 && isP(toks[open + 5], ')');
  if (!(isId(toks[open + 1]) && (open + 2 === close || cloned))) return [open + 1, close];
  const name = toks[open + 1].v;
  for (let k = first - 1; k >= Math.max(0, first - MAX_BACK); k--) {
    if (toks[k].v !== name || !isP(toks[k + 1], '=') || toks[k - 1]?.v !== 'let') continue;
    let end = k + 2;
    while (end < toks.length && end < k + MAX_VALUE && !isP(toks[end], ';')) end++;
    c.read?.push({ start: toks[k].start, end: toks[Math.min(end, toks.length - 1)].end });
    return [k + 2, end];
  }
  return undefined;
}

/** Fills the chain's model, provider and limit from its LLM, and its template's variables as run-time parts. */
export function lcRustChain(c: Ctx, site: CallSite, first: number, open: number): void {
  const { toks, match } = c;
  const end = builderEnd(c, open);
  const llm = findLink(c, open, end, 'llm');
  const range = llm >= 0 ? boundRange(c, llm, first) : undefined;
  if (range) {
    const [from, to] = range;
    let kind: (typeof LLMS)[string] | undefined;
    for (let k = from; k < to && !kind; k++) if (LLMS[toks[k].v] && isP(toks[k + 1], '::')) kind = LLMS[toks[k].v];
    const withModel = findLink(c, from, to, 'with_model');
    // `DeepseekModel::DeepseekChat.to_string()`, `.into()`: the variant's id.
    const mEnd = withModel >= 0 ? match[withModel] : -1;
    const conv = mEnd > withModel + 4 && isP(toks[mEnd - 1], ')') && isP(toks[mEnd - 2], '(') && ['to_string', 'into'].includes(toks[mEnd - 3].v) && isP(toks[mEnd - 4], '.');
    const model = mEnd > withModel + 1 ? readModel(c, withModel + 1, conv ? mEnd - 4 : mEnd) : undefined;
    delete site.modelUnresolved;
    if (model && 'ref' in model) site.model = model.ref;
    else if (!model && kind?.dflt) {
      const at = toks[from].start;
      site.model = { id: kind.dflt, span: { start: at, end: at }, kind: 'constant', unwritten: true, source: { offset: at, what: kind.unset } };
    } else site.modelUnresolved = model?.unresolved ?? kind?.unset ?? 'the LLM passed with .llm(…)';
    if (kind) site.provider = kind.provider;
    const max = findLink(c, from, to, 'with_max_tokens');
    const n = max >= 0 && match[max] > max + 1 ? readNumber(c, max + 1, match[max]) : undefined;
    if (n) site.maxOutput = { ...n, key: 'max_tokens' };
    // Claude's request always carries max_tokens: `self.options.max_tokens.unwrap_or(1024)` (src/llm/claude/client.rs).
    else if (kind === LLMS.Claude) {
      const at = toks[from].start;
      site.maxOutput = { value: 1024, span: { start: at, end: at }, key: 'max_tokens', unwritten: true, source: { offset: at, what: "langchain-rust Claude's max_tokens when its CallOptions set none" } };
    }
  }
  const prompt = findLink(c, open, end, 'prompt');
  const template = prompt >= 0 ? boundRange(c, prompt, first) : undefined;
  if (template) templateParts(c, site, template[0] - 1, template[1], [prompt, match[prompt]]);
}

/** Message constructors whose one argument is the message's text (src/schemas/messages.rs). */
const MESSAGES = new Set(['new_system_message', 'new_human_message', 'new_ai_message']);

/** The prompt in toks(open, close): each `template_jinja2!("…{{v}}…", "v")` / `template_fstring!("…{v}…", "v")` its text
 * without its variables, each variable a run-time part; each `Message::new_system_message("…")` its text. The parts
 * read before for the `.prompt(…)` argument (`prompt`, the macro's name) are replaced when any is found. */
function templateParts(c: Ctx, site: CallSite, open: number, close: number, arg: [number, number]): void {
  const { toks, match } = c;
  const parts: PromptPart[] = [];
  for (let k = open + 1; k < close; k++) {
    if (MESSAGES.has(toks[k].v) && isP(toks[k + 1], '(') && toks[k + 2]?.t === T.Str && match[k + 1] === k + 3) {
      parts.push({ text: toks[k + 2].v, span: { start: toks[k + 2].start, end: toks[k + 2].end }, resolved: true });
      continue;
    }
    const jinja = toks[k].v === 'template_jinja2';
    if (!(jinja || toks[k].v === 'template_fstring') || !isP(toks[k + 1], '!') || !isP(toks[k + 2], '(')) continue;
    const mclose = match[k + 2];
    const text = toks[k + 3];
    if (mclose < 0 || text?.t !== T.Str) continue;
    const vars: string[] = [];
    for (let a = k + 4; a < mclose; a++) if (toks[a].t === T.Str) vars.push(toks[a].v);
    const body = jinja ? withoutJinja(text.v, vars) : vars.reduce((b, v) => b.split(`{${v}}`).join(''), text.v);
    const at = { start: text.start, end: text.end };
    if (body) parts.push({ text: body, span: at, resolved: true });
    for (const v of vars) parts.push({ text: '', span: at, resolved: false, label: `${jinja ? `{{${v}}}` : `{${v}}`} (prompt_args! at invoke)` });
    k = mclose;
  }
  if (!parts.length) return;
  const inside = (p: PromptPart, from: number, to: number) => p.span.start >= toks[from].start && p.span.end <= toks[to].end;
  const kept = site.parts.filter((p) => !inside(p, open, close) && !inside(p, arg[0], arg[1]));
  site.parts = [...parts, ...kept];
}

/** A Jinja2 template's text without its `{{ v }}` holes for the variables named (spaces inside allowed). */
function withoutJinja(text: string, vars: string[]): string {
  let out = '';
  let k = 0;
  for (let open = text.indexOf('{{'); open >= 0; open = text.indexOf('{{', k)) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    const named = vars.includes(text.slice(open + 2, close).trim());
    out += text.slice(k, named ? open : close + 2);
    k = close + 2;
  }
  return out + text.slice(k);
}

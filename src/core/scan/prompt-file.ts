// Prompt files: `.prompty` (https://github.com/microsoft/prompty, front matter `model.configuration` and
// `model.parameters`) and Dotprompt `.prompt` (https://github.com/google/dotprompt, front matter `model` and
// `config.maxOutputTokens`). Front matter is YAML; the body is the prompt, with `{{…}}` placeholders unresolved.
import type { Node as YamlNode } from 'yaml';
import { yaml } from '../util/lazy-yaml';
import type { CallSite, PromptPart, Problem, Span } from '../types';
import { pushParts } from './parts';

/** Front matter larger than this is not parsed (a prompt file's header is a few lines). */
const MAX_FRONT_MATTER = 256 * 1024;

export function scanPromptFile(text: string, languageId: string, file: string): { sites: CallSite[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const fm = frontMatter(text);
  if (!fm) return { sites: [], problems };
  if (fm.end - fm.start > MAX_FRONT_MATTER) {
    problems.push({ file, line: 1, message: 'front matter larger than 256 KB: not read' });
    return { sites: [], problems };
  }
  const { isScalar, LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text.slice(fm.start, fm.end), { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line + 1; // front matter starts on line 2
    problems.push({ file, line, message: `front matter: ${e.message.split('\n')[0]}` });
    return { sites: [], problems };
  }
  const prompty = languageId === 'prompty';
  const get = (...path: string[]): YamlNode | undefined => {
    const n = doc.getIn(path, true) as YamlNode | undefined;
    return n && isScalar(n) && n.value !== null && n.value !== undefined ? n : undefined;
  };
  // Prompty v1 keeps the model under `configuration` and the limit under `parameters`; v2 uses `model.id` and
  // `model.options.maxOutputTokens` (microsoft/prompty, docs and runtime schema).
  const modelNode = prompty
    ? get('model', 'configuration', 'model') ?? get('model', 'configuration', 'azure_deployment') ?? get('model', 'configuration', 'name') ??
      get('model', 'id') ?? get('model')
    : get('model');
  const limitNode = prompty
    ? get('model', 'parameters', 'max_tokens') ?? get('model', 'parameters', 'max_completion_tokens') ??
      get('model', 'options', 'maxOutputTokens') ?? get('model', 'options', 'max_tokens')
    : get('config', 'maxOutputTokens');
  if (!modelNode || !isScalar(modelNode)) return { sites: [], problems };
  const spanIn = (n: YamlNode): Span => {
    const [a, b] = n.range ?? [0, 0];
    return { start: fm.start + a, end: fm.start + b };
  };
  const mSpan = spanIn(modelNode);
  const raw = text.slice(mSpan.start, mSpan.end);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  const modelId = String(modelNode.value);
  const site: CallSite = {
    shape: prompty ? 'prompty' : 'dotprompt',
    sdk: prompty ? 'Prompty' : 'Dotprompt',
    languageId,
    span: { start: 0, end: text.length },
    anchor: { start: 0, end: Math.min(text.length, 3) },
    model: { id: modelId, span: q ? { start: mSpan.start + 1, end: mSpan.end - 1 } : mSpan, kind: 'front-matter', quote: q },
    limitParam: prompty ? 'max_tokens' : 'maxOutputTokens',
    parts: bodyParts(text, fm.bodyStart),
    messages: 1,
  };
  if (prompty) {
    const cfgType = get('model', 'configuration', 'type') ?? get('model', 'provider');
    site.provider = cfgType && isScalar(cfgType) && String(cfgType.value).includes('azure') ? 'azure' : 'openai';
  }
  const lim = limitNode && isScalar(limitNode) ? Number(limitNode.value) : NaN;
  if (limitNode && Number.isFinite(lim)) site.maxOutput = { value: lim, span: spanIn(limitNode), key: text.slice(Math.max(0, spanIn(limitNode).start - 80), spanIn(limitNode).start).match(/(\w+)\s*:\s*$/)?.[1] ?? site.limitParam };
  else if (limitNode) problems.push({ file, line: lines.linePos((limitNode.range ?? [0])[0]).line + 1, message: 'output limit is not a number' });
  // Roles in the body count as messages: `system:` / `user:` lines (Prompty), `{{role "…"}}` (Dotprompt).
  site.messages = Math.max(1, countRoles(text.slice(fm.bodyStart)));
  return { sites: [site], problems };
}

function frontMatter(text: string): { start: number; end: number; bodyStart: number } | undefined {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  if (!text.startsWith('---', i)) return undefined;
  const first = text.indexOf('\n', i);
  if (first < 0) return undefined;
  // The closing fence: a line that is exactly `---`.
  let at = first + 1;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (line === '---') return { start: first + 1, end: at, bodyStart: nl < 0 ? text.length : nl + 1 };
    if (nl < 0) return undefined;
    at = nl + 1;
  }
  return undefined;
}

/** The body without `{{…}}` / `{%…%}`: one resolved part, and an unresolved part per simple variable. */
function bodyParts(text: string, from: number): PromptPart[] {
  const parts: PromptPart[] = [];
  let out = '';
  let i = from;
  let chunk = from;
  const holes: PromptPart[] = [];
  while (i < text.length) {
    const open = text.startsWith('{{', i) ? '}}' : text.startsWith('{%', i) ? '%}' : '';
    if (!open) {
      i++;
      continue;
    }
    const close = text.indexOf(open, i + 2);
    if (close < 0) break;
    out += text.slice(chunk, i);
    const expr = trimDelimiters(text.slice(i + 2, close));
    if (open === '}}' && isVariable(expr)) holes.push({ text: '', span: { start: i, end: close + 2 }, resolved: false, label: expr });
    i = close + 2;
    chunk = i;
  }
  out += text.slice(chunk);
  const body = out.trim();
  if (body) parts.push({ text: body, span: { start: from, end: text.length }, resolved: true });
  pushParts(parts, holes);
  return parts;
}

/** Strips Handlebars/Jinja whitespace controls and triple braces (`{{~ x -}}`, `{{{x}}}`) without a regex. */
function trimDelimiters(expr: string): string {
  let a = 0;
  let b = expr.length;
  while (a < b && (expr[a] === '-' || expr[a] === '~' || expr[a] === '{')) a++;
  while (b > a && (expr[b - 1] === '-' || expr[b - 1] === '~' || expr[b - 1] === '}')) b--;
  return expr.slice(a, b).trim();
}

/** `name`, `user.name`, `this` — not helpers (`role "system"`, `#if x`, `/if`, `else`, `json x`). */
function isVariable(expr: string): boolean {
  if (!expr || expr === 'else' || expr === 'this') return false;
  if (/^[#/>!^@]/.test(expr)) return false;
  return /^[A-Za-z_][\w.]*$/.test(expr);
}

function countRoles(body: string): number {
  let n = 0;
  for (const line of body.split('\n')) {
    const t = line.trim();
    if (/^(system|user|assistant|developer)\s*:\s*$/i.test(t)) n++;
  }
  const roleHelpers = body.split('{{role').length - 1;
  return n + roleHelpers;
}


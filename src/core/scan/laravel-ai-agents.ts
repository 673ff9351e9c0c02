// Laravel AI agent classes (github.com/laravel/ai docs ai-sdk.md Agent Configuration): a class using the Promptable
// trait, its #[Model] / #[Provider] / #[MaxTokens] / #[UseCheapestModel] / #[UseSmartestModel] attributes
// (src/Attributes) and model() / provider() / maxTokens() / instructions() methods (src/Promptable.php,
// src/Gateway/TextGenerationOptions.php), read from the call's file or the class's own (PSR-4 by its use line).
import { isId, isP } from '../lex/brackets';
import { readModel, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { readLimitKey, type Found } from './keys';
import { classCandidates } from '../resolve/classes';
import type { LimitRef, ModelRef, PromptPart } from '../types';
import { PROVIDERS, providerAt } from './php-chains';

/** What an agent class says: read from its attributes and methods. */
export interface AgentClass {
  name: string;
  file: string;
  model?: ModelRef;
  provider?: string;
  limit?: LimitRef;
  pick?: 'cheapest' | 'smartest';
  instructions: PromptPart[];
  system: boolean;
  tools: boolean;
  schema: boolean;
}

/** Class heads read for attributes: lines above `class X`. */
const MAX_ATTR_LINES = 12;

/** The agent class `name` (this file, else its file by namespace): undefined when it uses no Promptable trait. */
export function agentClass(c: Ctx, name: string, fqn?: string): AgentClass | undefined {
  const own = classIn(c, name, false);
  if (own) return own;
  const idx = c.index;
  if (!idx || !c.file) return undefined;
  // A class named in full at the call (`new \App\Ai\Agents\X`) is looked up as if imported.
  for (const file of classCandidates(idx.files, c.file, fqn ? `use ${fqn};\n` : c.text, name, 'php')) {
    if (file === c.file) continue;
    const s = idx.scope(file);
    if (!s) continue;
    const a = classIn({ file: s.file, index: idx, text: s.text, toks: s.toks, match: s.match, syn: s.syn, consts: s.consts }, name, true);
    if (a) return a;
  }
  return undefined;
}

/** Reads class `name` of the scope `s` (another file than the call's when `other`) when it uses Promptable. */
function classIn(s: Ctx, name: string, other: boolean): AgentClass | undefined {
  const { toks, match } = s;
  let at = -1;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v === 'class' && isId(toks[k]) && toks[k + 1].v === name && !isP(toks[k - 1], '::')) {
      at = k;
      break;
    }
  }
  if (at < 0) return undefined;
  let body = at + 2;
  while (body < toks.length && !isP(toks[body], '{')) body++;
  const end = match[body];
  if (end < 0) return undefined;
  let promptable = false;
  const methods = new Map<string, number>();
  // The class's own level: `use Promptable, RemembersConversations;` and method names; method bodies are skipped.
  for (let k = body + 1; k < end; k++) {
    if (isP(toks[k], '{') && match[k] > k) {
      k = match[k];
      continue;
    }
    if (toks[k].v === 'use' && isId(toks[k])) for (let j = k + 1; j < end && !isP(toks[j], ';') && j < k + 12; j++) if (toks[j].v === 'Promptable') promptable = true;
    if (toks[k].v === 'function' && isId(toks[k + 1]) && isP(toks[k + 2], '(')) methods.set(toks[k + 1].v, k + 1);
  }
  if (!promptable) return undefined;
  const file = s.file;
  const out: AgentClass = { name, file, instructions: [], system: false, tools: methods.has('tools'), schema: methods.has('schema') };
  const place = (offset: number, what: string) => ({ ...(other ? { file } : {}), offset, what });
  attributes(s, toks[at].start, out, other);
  /** The first `return` value of method `m`. */
  const ret = (m: string): [number, number] | undefined => {
    const fn = methods.get(m);
    if (fn === undefined || match[fn + 1] < 0) return undefined;
    let b = match[fn + 1] + 1;
    while (b < end && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
    const bEnd = match[b];
    if (!isP(toks[b], '{') || bEnd < 0) return undefined;
    for (let k = b + 1; k < bEnd; k++) if (toks[k].v === 'return' && isId(toks[k])) return [k + 1, valueEnd(s, k + 1, bEnd)];
    return undefined;
  };
  const mr = ret('model');
  if (mr) {
    const v = readModel(s, mr[0], mr[1]);
    if (v && 'ref' in v) out.model = { ...v.ref, ...(other ? { file } : {}), source: v.ref.source ?? place(v.ref.span.start, `${name}::model()`) };
  }
  const pr = ret('provider');
  if (pr) out.provider = providerAt(s, pr[0], pr[1]) || out.provider;
  const lr = ret('maxTokens');
  if (lr) {
    const f: Found = { parts: [], messages: 0 };
    readLimitKey(s, f, methods.get('maxTokens')!, lr[0], lr[1]);
    if (f.limit) out.limit = { ...f.limit, key: 'maxTokens()', ...(other ? { file } : {}), source: f.limit.source ?? place(f.limit.span.start, `${name}::maxTokens()`) };
  }
  const ir = ret('instructions');
  if (ir) {
    out.system = true;
    collectParts(s, ir[0], ir[1], out.instructions);
    for (const p of out.instructions) p.source ??= place(p.span.start, `${name}::instructions()`);
  }
  return out;
}

/** `#[Model('…')]`, `#[Provider(Lab::Anthropic)]`, `#[MaxTokens(4096)]`, `#[UseCheapestModel]`, `#[UseSmartestModel]`
 * on the lines above `class` (PHP reads `#[` … `]` as an attribute; the lexer, as a `#` comment, so they are read
 * from the text). */
function attributes(s: Ctx, classAt: number, out: AgentClass, other: boolean): void {
  const file = s.file;
  const text = s.text;
  let lineEnd = text.lastIndexOf('\n', classAt);
  for (let n = 0; n < MAX_ATTR_LINES && lineEnd > 0; n++) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    lineEnd = lineStart - 1;
    const t = line.trim();
    if (!t) continue;
    if (!t.startsWith('#[')) break;
    s.read?.push({ start: lineStart, end: lineStart + line.length });
    for (const m of attributeList(line)) {
      const arg = m.arg.trim();
      const span = { start: lineStart + m.argAt, end: lineStart + m.argAt + m.arg.length };
      const src = { ...(other ? { file } : {}), offset: lineStart + m.at, what: `#[${m.name}] of ${out.name}` };
      if (m.name === 'Model') {
        const q = /^(['"])([^'"]+)\1$/.exec(arg);
        if (q) out.model = { id: q[2], span: { start: span.start + 1, end: span.end - 1 }, kind: 'literal', quote: q[1], source: src, ...(other ? { file } : {}) };
      } else if (m.name === 'Provider') {
        const q = /^\[?\s*(?:(['"])(\w+)\1|(?:Lab|Provider)::(\w+))/.exec(arg);
        const p = q ? (q[2] ?? q[3]).toLowerCase() : '';
        if (p) out.provider = PROVIDERS[p] ?? p;
      } else if (m.name === 'MaxTokens') {
        const q = /^(?:value:\s*)?([\d_]+)$/.exec(arg);
        if (q) out.limit = { value: Number(q[1].replace(/_/g, '')), span, key: 'MaxTokens', source: src, ...(other ? { file } : {}) };
      } else if (m.name === 'UseCheapestModel') out.pick = 'cheapest';
      else if (m.name === 'UseSmartestModel') out.pick = 'smartest';
    }
  }
}

/** The attributes of one `#[A('x'), B(1), C]` line: each name (its last `\\` segment), where it is, and its argument
 * text up to the closing bracket (no nesting: the attributes read here take a literal or an enum case). Walked once. */
function attributeList(line: string): { name: string; at: number; arg: string; argAt: number }[] {
  const out: { name: string; at: number; arg: string; argAt: number }[] = [];
  const word = (ch: number) => (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 92;
  let i = line.indexOf('#[') + 2;
  while (i < line.length && out.length < 16) {
    while (i < line.length && !word(line.charCodeAt(i))) i++;
    const at = i;
    while (i < line.length && word(line.charCodeAt(i))) i++;
    if (i === at) break;
    const name = line.slice(at, i).slice(line.slice(at, i).lastIndexOf('\\') + 1);
    let arg = '';
    let argAt = i;
    if (line[i] === '(') {
      const close = line.indexOf(')', i);
      if (close < 0) break;
      argAt = i + 1;
      arg = line.slice(i + 1, close);
      i = close + 1;
    }
    out.push({ name, at, arg, argAt });
  }
  return out;
}


// Finds LLM call sites in source text: lex once, collect constants, match anchors from the call-shape table,
// take each call's extent by bracket balance (or along a builder chain), then read its keyed values.
import { lex, T, type Token } from './lexer';
import { syntaxFor } from './languages';
import type { CallSite, LimitInsertion, PromptPart, Span } from './types';
import { collectConstants } from './constants';
import { isId, isOpen, isP, matchBrackets } from './tokens';
import { collectParts, keyAt, readModel, readNumber, valueEnd, type Ctx, type ModelValue } from './values';
import {
  LIMIT_KEYS, MESSAGE_WRAPPERS, MODEL_KEYS, PROMPT_KEYS, SHAPES, THINKING_KEYS, limitParamFor, normKey,
  type CallShape, type Companion,
} from './shapes';

/** Shapes indexed by the identifier just before the anchor's opening bracket. */
const BY_LAST = new Map<string, CallShape[]>();
for (const s of SHAPES) {
  const last = s.anchor[s.anchor.length - 2];
  const list = BY_LAST.get(last);
  if (list) list.push(s);
  else BY_LAST.set(last, [s]);
}

/** Words without which a file cannot hold a call we know: files without any are not lexed at all. */
const TRIGGERS = [...new Set(SHAPES.map((s) => s.anchor[s.anchor.length - 2]))];

export function mayHaveCalls(text: string): boolean {
  for (const w of TRIGGERS) if (text.includes(w)) return true;
  return false;
}

export function scan(text: string, languageId: string): CallSite[] {
  if (!mayHaveCalls(text)) return [];
  const syn = syntaxFor(languageId);
  const toks = lex(text, syn);
  const match = matchBrackets(toks);
  const c: Ctx = { text, toks, match, syn, consts: collectConstants(toks, syn, match) };
  const sites: CallSite[] = [];
  let idents: Set<string> | undefined;
  for (let i = 1; i < toks.length; i++) {
    const tk = toks[i];
    if (!isOpen(tk) || toks[i - 1].t !== T.Id) continue;
    const shapes = BY_LAST.get(toks[i - 1].v);
    if (!shapes) continue;
    for (const shape of shapes) {
      if (shape.langs && !shape.langs.includes(syn.id)) continue;
      const first = anchorStart(toks, i, shape.anchor);
      if (first < 0) continue;
      if (shape.needs) {
        idents ??= new Set(toks.filter((t) => t.t === T.Id).map((t) => t.v));
        if (!shape.needs.some((w) => idents!.has(w))) continue;
      }
      const site = readCall(c, shape, first, i, languageId);
      if (site) sites.push(site);
      break;
    }
  }
  return sites;
}

/** Index of the anchor's first token when toks[..openIdx] ends with the anchor (`*` matches any identifier). */
function anchorStart(toks: Token[], openIdx: number, anchor: string[]): number {
  let k = openIdx;
  for (let a = anchor.length - 1; a >= 0; a--, k--) {
    const tk = toks[k];
    if (!tk) return -1;
    const want = anchor[a];
    if (want === '*' ? tk.t !== T.Id : tk.v !== want || tk.t === T.Str) return -1;
  }
  // `x.chat(` must not match inside a longer identifier chain such as `openai.chat.completions`.
  return k + 1;
}

interface Found {
  model?: ModelValue;
  modelKeyIdx?: number;
  modelEnd?: number;
  limit?: { value: number; span: Span; key: string };
  thinking?: number;
  /** The variable the limit came from (a .NET options object), not a message. */
  limitVar?: string;
  parts: PromptPart[];
  messages: number;
}

function readCall(c: Ctx, shape: CallShape, first: number, open: number, languageId: string): CallSite | undefined {
  const { toks, match } = c;
  const f: Found = { parts: [], messages: 0 };
  let end: number;
  if (shape.kind === 'builder') {
    end = builderEnd(c, open);
    // Each `.name(args)` along the chain is a key with its value inside the parentheses.
    let k = match[open] >= 0 ? match[open] + 1 : open + 1;
    while (k < end) {
      if (isP(toks[k], '.') && isId(toks[k + 1]) && isP(toks[k + 2], '(')) {
        const close = match[k + 2] < 0 ? end : match[k + 2];
        readKey(c, f, k + 1, k + 3, close);
        k = close + 1;
      } else k++;
    }
  } else {
    const close = match[open];
    end = close < 0 ? Math.min(toks.length, open + 2000) : close;
    walkKeys(c, f, open + 1, end);
    if (f.model === undefined && shape.modelArg !== undefined) f.model = readModel(c, argIndex(c, open + 1, end, shape.modelArg), end);
    if (f.model === undefined) followArgs(c, f, open + 1, end, first);
  }
  if (shape.companions) companions(c, shape.companions, f, first, open, end);
  if (shape.promptArgs && !f.parts.length) promptArgs(c, f, open + 1, end);
  if (!f.model && shape.modelOptional) {
    const recv = isP(toks[first - 1], '.') && isId(toks[first - 2]) ? toks[first - 2].v : '';
    f.model = { unresolved: recv ? `${recv} (model set where the client is made)` : 'client' };
  }
  if (!f.model) return undefined;
  const endTok = toks[Math.min(end, toks.length - 1)];
  const site: CallSite = {
    shape: shape.id,
    sdk: shape.sdk,
    languageId,
    span: { start: toks[first].start, end: endTok.end },
    anchor: { start: toks[first].start, end: toks[open].end },
    limitParam: limitParamFor(shape, c.syn.id),
    parts: f.parts,
    messages: Math.max(1, f.messages),
  };
  if (shape.provider) site.provider = shape.provider;
  if ('ref' in f.model) site.model = f.model.ref;
  else site.modelUnresolved = f.model.unresolved;
  if (f.limit) site.maxOutput = f.limit;
  if (f.thinking !== undefined) site.thinkingBudget = f.thinking;
  const ins = !shape.limitNested && f.modelKeyIdx !== undefined ? insertion(c, shape, f, site.limitParam) : undefined;
  if (ins) site.limitInsertion = ins;
  return site;
}

/** Walks toks[from, to) for keys at any depth; prompt-bearing values are collected whole. */
function walkKeys(c: Ctx, f: Found, from: number, to: number): void {
  const { toks, match } = c;
  let k = from;
  while (k < to) {
    const tk = toks[k];
    const sep = keyAt(c, k);
    if (sep > 0) {
      k = readKey(c, f, k, sep + 1, valueEnd(c, sep + 1, to));
      continue;
    }
    // Builder-style `.key(value)` and message wrappers `UserMessage("…")`.
    if (isId(tk) && isP(toks[k + 1], '(')) {
      const key = normKey(tk.v);
      const close = match[k + 1] < 0 ? to : Math.min(match[k + 1], to);
      if (MESSAGE_WRAPPERS.has(key) || (isP(toks[k - 1], '.') && (PROMPT_KEYS.has(key) || MODEL_KEYS.has(key) || LIMIT_KEYS.has(key)))) {
        k = readKey(c, f, k, k + 2, close);
        continue;
      }
    }
    // Shorthand property `{ model, messages }`.
    if (isId(tk) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) {
      const key = normKey(tk.v);
      if (MODEL_KEYS.has(key) || PROMPT_KEYS.has(key) || LIMIT_KEYS.has(key)) {
        readKey(c, f, k, k, k + 1);
        k++;
        continue;
      }
    }
    if (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) {
      k++;
      continue;
    }
    k++;
  }
}

/** Reads one key's value (toks[vStart, vEnd)); returns where to continue. */
function readKey(c: Ctx, f: Found, keyIdx: number, vStart: number, vEnd: number): number {
  const key = normKey(c.toks[keyIdx].v);
  if (key === 'role') f.messages++;
  if (MODEL_KEYS.has(key)) {
    if (f.model === undefined) {
      f.model = readModel(c, vStart, vEnd);
      if (f.model) {
        f.modelKeyIdx = keyIdx;
        f.modelEnd = vEnd;
      }
    }
    return vEnd;
  }
  if (LIMIT_KEYS.has(key)) {
    if (!f.limit) {
      const n = readNumber(c, vStart, vEnd);
      if (n) f.limit = { ...n, key: c.toks[keyIdx].v };
    }
    return vEnd;
  }
  if (THINKING_KEYS.has(key)) {
    const n = readNumber(c, vStart, vEnd);
    if (n && f.thinking === undefined) f.thinking = n.value;
    return vEnd;
  }
  if (PROMPT_KEYS.has(key) || MESSAGE_WRAPPERS.has(key)) {
    if (MESSAGE_WRAPPERS.has(key)) f.messages++;
    const before = f.parts.length;
    collectParts(c, vStart, vEnd, f.parts);
    // Roles inside a messages list count messages; wrappers inside it too.
    for (let k = vStart; k < vEnd; k++) {
      const tk = c.toks[k];
      if ((tk.t === T.Id || tk.t === T.Str) && normKey(tk.v) === 'role' && keyAt(c, k) > 0) f.messages++;
      else if (tk.t === T.Id && MESSAGE_WRAPPERS.has(normKey(tk.v)) && isP(c.toks[k + 1], '(')) f.messages++;
    }
    void before;
    return Math.max(vEnd, vStart + 1);
  }
  // Any other key: its value may hold nested keys (`config=…(max_output_tokens=…)`, `inferenceConfig: {…}`).
  return vStart;
}

/**
 * Request objects built in a variable first (`params := openai.ChatCompletionNewParams{…}`, `kwargs = dict(…)`,
 * `const req = {…}`) and passed whole (`New(ctx, params)`, `create(**kwargs)`, `create(req)`): the keys are read
 * from the nearest assignment before the call.
 */
function followArgs(c: Ctx, f: Found, from: number, to: number, callStart: number): void {
  const { toks, match } = c;
  let k = from;
  while (k < to) {
    let a = k;
    while (a < to && toks[a].t === T.Punct && (toks[a].v === '**' || toks[a].v === '...' || toks[a].v === '&' || toks[a].v === '*')) a++;
    const e = valueEnd(c, a, to);
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, callStart);
      if (def >= 0) {
        // The value's first bracket within a short type prefix: `pkg.Type{`, `dict(`, `{`, `new T(`.
        for (let j = def, n = 0; j < toks.length && n < 8; j++, n++) {
          if (isOpen(toks[j]) && match[j] > j) {
            const inner: Found = { parts: [], messages: 0 };
            walkKeys(c, inner, j + 1, match[j]);
            if (inner.model) {
              f.model = inner.model;
              f.modelKeyIdx = inner.modelKeyIdx;
              f.modelEnd = inner.modelEnd;
              f.limit ??= inner.limit;
              f.thinking ??= inner.thinking;
              f.parts.push(...inner.parts);
              f.messages += inner.messages;
              return;
            }
            break;
          }
          if (!(isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::'))) break;
        }
      }
    }
    k = e + 1;
  }
}

/** Index of the first value token of the nearest `name =` / `name :=` before `before`, or -1. */
function assignmentBefore(c: Ctx, name: string, before: number): number {
  c.assigns ??= indexAssignments(c.toks);
  const list = c.assigns.get(name);
  if (!list) return -1;
  let best = -1;
  for (const i of list) if (i < before) best = i;
  return best < 0 ? -1 : best + 2;
}

function indexAssignments(toks: Token[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const tk = toks[i];
    const op = toks[i + 1];
    if (tk.t !== T.Id || op.t !== T.Punct || (op.v !== '=' && op.v !== ':=')) continue;
    if (isP(toks[i - 1], '.')) continue;
    const list = out.get(tk.v);
    if (list) list.push(i);
    else out.set(tk.v, [i]);
  }
  return out;
}

/** Positional message arguments; a bare variable is a label unless it is a string constant, options are skipped. */
function promptArgs(c: Ctx, f: Found, from: number, to: number): void {
  const { toks } = c;
  let k = from;
  while (k < to) {
    const e = valueEnd(c, k, to);
    const bare = e === k + 1 && isId(toks[k]);
    if (!(bare && (f.limitVar === toks[k].v || /^(options|opts|settings|config|cancellationToken|ct|token)$/i.test(toks[k].v)))) {
      for (let j = k; j < e; j++) {
        if (isId(toks[j]) && MESSAGE_WRAPPERS.has(normKey(toks[j].v)) && isP(toks[j + 1], '(')) f.messages++;
      }
      if (bare || toks[k].t === T.Str) f.messages++;
      collectParts(c, k, e, f.parts);
    }
    k = e + 1;
  }
}

/** The `n`-th top-level argument's first token inside a call. */
function argIndex(c: Ctx, from: number, to: number, n: number): number {
  let k = from;
  for (let a = 0; a < n && k < to; a++) {
    k = valueEnd(c, k, to);
    if (isP(c.toks[k], ',')) k++;
  }
  // A named argument `model: "…"` at that position.
  const sep = keyAt(c, k);
  return sep > 0 ? sep + 1 : k;
}

/** Builder chain: `.m(…)` calls from the anchor up to and including `.build()`, or until the chain breaks. */
function builderEnd(c: Ctx, open: number): number {
  const { toks, match } = c;
  let k = match[open];
  if (k < 0) return Math.min(toks.length - 1, open + 1);
  for (;;) {
    let j = k + 1;
    while (isP(toks[j], '?') || isP(toks[j], '!')) j++;
    if (isP(toks[j], '.') && isId(toks[j + 1]) && isP(toks[j + 2], '(') && match[j + 2] > 0) {
      k = match[j + 2];
      if (toks[j + 1].v === 'build') return k;
    } else return k;
  }
}

/** Fills a missing model or limit from the nearest construction before the call that is bound to it. */
function companions(c: Ctx, list: Companion[], f: Found, first: number, open: number, end: number): void {
  const { toks, match } = c;
  const recv = isP(toks[first - 1], '.') && isId(toks[first - 2]) ? toks[first - 2].v : undefined;
  const argNames = new Set<string>();
  for (let k = open + 1; k < end; k++) if (isId(toks[k])) argNames.add(toks[k].v);
  for (const comp of list) {
    if (comp.take === 'model' ? f.model : f.limit) continue;
    let chosen = -1;
    let fallback = -1;
    for (let k = first - 1; k >= 0; k--) {
      if (anchorStart(toks, k + comp.anchor.length - 1, comp.anchor) !== k) continue;
      const name = boundName(toks, k, comp.anchor.length);
      const wanted = comp.take === 'model' ? recv : undefined;
      if (comp.take === 'limit' ? name !== undefined && argNames.has(name) : wanted !== undefined && name === wanted) {
        chosen = k;
        break;
      }
      if (fallback < 0 && comp.take === 'model') fallback = k;
    }
    const at = chosen >= 0 ? chosen : fallback;
    if (at < 0) continue;
    if (comp.take === 'model') {
      const o = at + comp.anchor.length - 1;
      const close = match[o] < 0 ? Math.min(toks.length, o + 50) : match[o];
      const inner: Found = { parts: [], messages: 0 };
      walkKeys(c, inner, o + 1, close);
      f.model = inner.model ?? readModel(c, argIndex(c, o + 1, close, comp.modelArg ?? 0), close);
    } else {
      // `new ChatCompletionOptions { MaxOutputTokenCount = 300 }` or `… = new() { … }`: the next brace groups.
      for (let k = at + comp.anchor.length, seen = 0; k < toks.length && seen < 3 && k < at + 12; k++) {
        if (!isOpen(toks[k]) || match[k] < 0) continue;
        seen++;
        const inner: Found = { parts: [], messages: 0 };
        walkKeys(c, inner, k + 1, match[k]);
        if (inner.limit) {
          f.limit = inner.limit;
          f.limitVar = boundName(toks, at, comp.anchor.length);
          break;
        }
        k = match[k];
      }
    }
  }
}

/** The variable a construction is assigned to: `x = new T(…)`, `var x = new T`, `T x = new(…)`, `T x = y.Get…(`. */
function boundName(toks: Token[], at: number, anchorLen: number): string | undefined {
  let k = at - 1;
  if (isId(toks[k]) && toks[k].v === 'new') k--;
  while (isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (isId(toks[k]) && isP(toks[k - 1], '.')) k--;
  if (isP(toks[k], '=') && isId(toks[k - 1])) return toks[k - 1].v;
  const after = toks[at + anchorLen - 1];
  if (isId(after) && isP(toks[at + anchorLen], '=')) return after.v;
  // `ChatClient client = new(…)` where the anchor is the type name: look just after it.
  const t1 = toks[at + 1];
  if (isId(t1) && isP(toks[at + 2], '=')) return t1.v;
  return undefined;
}

/** Where an output limit goes, in the syntax the model key was written in. */
function insertion(c: Ctx, shape: CallShape, f: Found, param: string): LimitInsertion | undefined {
  const { toks } = c;
  const keyIdx = f.modelKeyIdx!;
  const key = toks[keyIdx];
  const valueLast = toks[f.modelEnd! - 1];
  const go = c.syn.id === 'go' && shape.provider === 'openai';
  const num = go ? 'openai.Int({n})' : '{n}';
  const prev = toks[keyIdx - 1];
  if (isP(prev, '.') && isP(toks[keyIdx + 1], '(')) {
    const close = toks[f.modelEnd!];
    return { offset: (close ?? valueLast).end, template: `.${param}(${num})` };
  }
  const sep = toks[keyIdx + 1];
  if (!valueLast) return undefined;
  if (key.t === T.Str) {
    const q = c.text[key.start];
    return { offset: valueLast.end, template: `, ${q}${param}${q}${sep.v === '=>' ? ' => ' : ': '}${num}` };
  }
  if (f.modelEnd === keyIdx + 1 && keyIdx + 1 === f.modelEnd) return { offset: key.end, template: `, ${param}: ${num}` };
  if (isP(sep, '=')) return { offset: valueLast.end, template: c.syn.id === 'csharp' ? `, ${param} = ${num}` : `, ${param}=${num}` };
  if (isP(sep, ':')) {
    const ruby = c.syn.id === 'ruby';
    return { offset: valueLast.end, template: `, ${param}: ${ruby ? '{n}' : num}` };
  }
  return undefined;
}

export { valueEnd };

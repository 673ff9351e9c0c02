// The agent loop in another module: the course-style TS agent keeps its model call in llm.ts (`export const runLLM =
// async ({ model = 'gpt-4o-mini', messages, tools }) => openai.chat.completions.create({…})`) and its loop in agent.ts
// (`while (true) { const history = await getMessages(); const response = await runLLM({ messages: history, tools });
// await addMessages([response]); … }`: Hendrixer/agent-from-scratch and its forks). The helper's call is made once per
// turn of that loop, as for a loop one function up in its own file (caller-loops.ts).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { braceLoop, type Loop } from './loops';
import { identsNamed } from './run-index';
import { importers, isPlainCall, jsExported } from './js-callers';
import { importsOf } from './imported';
import { basename } from '../resolve/files';

/** Modules importing the helper looked at, and their calls of it: bounds on any input. */
const MAX_MODULES = 8;
const MAX_CALLS = 8;
/** Loop body tokens searched for a store's writer. */
const MAX_BODY = 20000;

export interface ModuleLoop {
  /** The module holding the loop, read as a scan's context. */
  scope: Ctx;
  loop: Loop;
  /** The module's call of the helper: `[name token, closing bracket]`. */
  call: [number, number];
  /** What it passes as the conversation the helper sends. */
  names: Set<string>;
  /** Where the loop is, for the hover: `agent.ts:26`. */
  where: string;
}

/**
 * The first loop, in the modules of the package that import the exported helper `name` (its parameters `params`), around a bare call of it; `names` are the helper's parameters its call sends as the conversation.
 */
export function moduleLoop(c: Ctx, nameAt: number, name: string, params: JsParams, names: Set<string>): ModuleLoop | undefined {
  if (!c.index || !jsExported(c.toks, nameAt, name)) return undefined;
  let modules = 0;
  for (const { scope, local, via } of importers(c, name)) {
    if (via !== undefined || modules++ >= MAX_MODULES) continue;
    const s = scope as Ctx;
    let calls = 0;
    for (const k of identsNamed(s, local)) {
      if (!isP(s.toks[k + 1], '(') || s.match[k + 1] < 0 || !isPlainCall(s, k)) continue;
      if (calls++ >= MAX_CALLS) break;
      const loop = braceLoop(s, k);
      if (!loop) continue;
      const line = 1 + (s.text.slice(0, s.toks[loop.header].start).match(/\n/g)?.length ?? 0);
      return { scope: s, loop, call: [k, s.match[k + 1]], names: passedJs(s, k + 1, params, names), where: `${basename(s.file)}:${line}` };
    }
  }
  return undefined;
}

/** A JS/TS function's parameters: plain names in order, and the keys of a destructured first object (`({ messages, tools })`). */
export interface JsParams {
  /** Plain names in order; '' for a destructured object. */
  plain: string[];
  keys: Set<string>;
}

export function jsParams(c: Ctx, open: number): JsParams {
  const { toks, match } = c;
  const plain: string[] = [];
  const keys = new Set<string>();
  let start = true;
  for (let k = open + 1; k < match[open]; k++) {
    const tk = toks[k];
    if (start && isP(tk, '{') && plain.length === 0 && match[k] > k) {
      // `{ model = 'gpt-4o-mini', messages, tools }`: each element's first name (a rename `a: b` keeps the key).
      let el = true;
      for (let j = k + 1; j < match[k]; j++) {
        if (isP(toks[j], ',')) el = true;
        else if (el && isId(toks[j])) {
          keys.add(toks[j].v);
          el = false;
        } else if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else el = false;
      }
      plain.push('');
      k = match[k];
      start = false;
      continue;
    }
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{') || isP(tk, '<')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (isP(tk, ',')) {
      start = true;
      continue;
    }
    if (start && isId(tk)) plain.push(tk.v);
    start = false;
  }
  return { plain, keys };
}

/** The plain names the call at bracket `open` passes for the helper's parameters in `names`: by position, or by key of
 * an object literal given for a destructured first parameter (`runLLM({ messages: history, tools })`). */
export function passedJs(s: Ctx, open: number, params: JsParams, names: Set<string>): Set<string> {
  const { toks, match } = s;
  const out = new Set<string>();
  const close = match[open];
  let pos = 0;
  for (let k = open + 1; k < close; ) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    const param = params.plain[pos++];
    if (param === '' && pos === 1 && isP(toks[k], '{') && match[k] === e - 1) objectNames(s, k, params.keys, names, out);
    else if (param !== undefined && names.has(param)) lastName(s, k, e, out);
    k = e + 1;
  }
  return out;
}

function objectNames(s: Ctx, brace: number, keys: Set<string>, names: Set<string>, out: Set<string>): void {
  const { toks, match } = s;
  for (let k = brace + 1; k < match[brace]; ) {
    let e = k;
    while (e < match[brace] && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    const key = isId(toks[k]) ? toks[k].v : undefined;
    if (key !== undefined && keys.has(key) && names.has(key)) {
      if (e === k + 1) out.add(key);
      else if (isP(toks[k + 1], ':')) lastName(s, k + 2, e, out);
    }
    k = e + 1;
  }
}

/** `history`, `this.messages`: the last name of a plain chain [k, e). */
function lastName(s: Ctx, k: number, e: number, out: Set<string>): void {
  const { toks } = s;
  if (e > k && isId(toks[e - 1]) && (e - 1 === k || isP(toks[e - 2], '.'))) out.add(toks[e - 1].v);
}

/**
 * A conversation kept in a store: the loop reads one of `names` afresh each turn from a function another module
 * exports (`const history = await getMessages()`) and calls another function of that module in the same body
 * (`await addMessages([response])`, `saveToolResponse(…)`), so what it sends grows turn by turn.
 */
export function storeGrows(s: Ctx, loop: Loop, names: Set<string>): boolean {
  const { toks } = s;
  if (s.syn.id !== 'javascript') return false;
  const from = importsOf(s).names;
  for (const n of names) {
    for (const k of identsNamed(s, n)) {
      if (k < loop.bodyFrom || k >= loop.bodyTo || isP(toks[k - 1], '.') || !isP(toks[k + 1], '=')) continue;
      let f = k + 2;
      if (toks[f]?.v === 'await') f++;
      const getter = isId(toks[f]) && isP(toks[f + 1], '(') ? from.get(toks[f].v) : undefined;
      if (!getter) continue;
      for (let j = loop.bodyFrom; j < loop.bodyTo && j < loop.bodyFrom + MAX_BODY; j++) {
        if (j === f || !isId(toks[j]) || !isP(toks[j + 1], '(') || isP(toks[j - 1], '.')) continue;
        const b = from.get(toks[j].v);
        if (b && b.from === getter.from && toks[j].v !== toks[f].v) return true;
      }
    }
  }
  return false;
}

// Tools given to a Vercel AI SDK call: `tools: { addResource: tool({ description, parameters: z.object(…) }), … }`
// (v4 `parameters`, v5 `inputSchema`), plain objects, names bound to `tool({…})` here or in an imported module, a
// `tools` object held in a name. The SDK sends each as a function definition: the key as its name, its description,
// and its zod schema as JSON schema (vercel/ai packages/ai/src/prompt/prepare-tools.ts: `name`, `description`,
// `inputSchema: asSchema(tool.inputSchema).jsonSchema`; ai@4.3.9 packages/openai/src/openai-prepare-tools.ts:
// `{ name, description, parameters }`), billed as input like any tools list (cost/tool-tokens.ts). The definitions
// are kept as the JSON the tool cost was fitted on, `[{name, description, parameters}]`; what is not read is named.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import type { EvalScope } from './value';
import { boundValue, exprEnd, itemEnd, label, zodSchema, type Json, type Unread } from './zod-schema';

/** Definitions read at most (a generated tools object can be large; the count stays linear). */
const MAX_TOOLS = 128;
/** The schema of a tool with none (packages/provider-utils/src/schema.ts asSchema(undefined)). */
const EMPTY = { type: 'object', properties: {}, additionalProperties: false };

/**
 * The tool definitions of the AI SDK call whose argument list is toks(open, end), or undefined when it has no
 * `tools` it can read. What it cannot read (a tool from a run-time value, a schema part) becomes an unresolved
 * prompt part of the call, so the report names it.
 */
export function aiSdkTools(c: Ctx, site: CallSite, open: number, end: number): ToolDefs | undefined {
  const { toks, match } = c;
  const obj = open + 1;
  if (!isP(toks[obj], '{') || match[obj] < 0 || match[obj] > end) return undefined;
  for (let k = obj + 1; k < match[obj]; k = itemEnd(c, k, match[obj]) + 1) {
    if (!isId(toks[k]) || toks[k].v !== 'tools' || !(isP(toks[k + 1], ':') || itemEnd(c, k, match[obj]) === k + 1)) continue;
    const unread: Unread = { labels: [] };
    const reach = { from: toks[k].start };
    let at: [EvalScope, number] | undefined;
    if (isP(toks[k + 1], ':') && isP(toks[k + 2], '{')) at = [c, k + 2];
    else {
      // `tools: myTools` / `{ tools }`: an object held by a name.
      const name = isP(toks[k + 1], ':') ? k + 2 : k;
      if (isId(toks[name])) at = boundValue(c, toks[name].v, toks[k].start, 0);
      if (at?.[0] === c) reach.from = Math.min(reach.from, toks[Math.max(0, at[1] - 2)].start);
    }
    const defs: Json[] = [];
    if (at && isP(at[0].toks[at[1]], '{')) readToolsObject(at[0], at[1], defs, unread, c, reach);
    else unread.labels.push('tools');
    for (const l of new Set(unread.labels)) site.parts.push({ text: '', span: { start: toks[k].start, end: toks[k].end }, resolved: false, label: l });
    if (!defs.length) return undefined;
    const last = toks[itemEnd(c, k, match[obj]) - 1];
    return { text: JSON.stringify(defs), definitions: defs.length, span: { start: reach.from, end: Math.max(last.end, toks[k].end) } };
  }
  return undefined;
}

/** Each entry of the tools object whose `{` is s.toks[open]: `key: tool({…})`, `key: {…}`, `key: Name`, `Name`. */
function readToolsObject(s: EvalScope, open: number, defs: Json[], unread: Unread, c: Ctx, reach: { from: number }): void {
  const { toks, match } = s;
  const close = match[open];
  for (let k = open + 1; k < close && defs.length < MAX_TOOLS; ) {
    const e = itemEnd(s, k, close);
    if (k >= e) {
      k = e + 1;
      continue;
    }
    const keyed = (isId(toks[k]) || toks[k].t === T.Str) && isP(toks[k + 1], ':');
    if (isP(toks[k], '...')) unread.labels.push(label(s, k, e));
    else if (keyed || (isId(toks[k]) && e === k + 1)) {
      const name = toks[k].v;
      const def = toolDefinition(s, keyed ? k + 2 : k, e, unread, c, reach);
      if (def) defs.push({ name, ...def });
      else unread.labels.push(`tools.${name} (${label(s, keyed ? k + 2 : k, e)})`);
    }
    k = e + 1;
  }
}

/** The description and parameter schema of the tool written at toks[i, end), or undefined when it is not read. */
function toolDefinition(s: EvalScope, i: number, end: number, unread: Unread, c: Ctx, reach: { from: number }, depth = 0): { description?: string; parameters: Json } | undefined {
  const { toks, match } = s;
  let open = -1;
  if (isP(toks[i], '{')) open = i;
  else if (isId(toks[i]) && toks[i].v === 'tool' && isP(toks[i + 1], '(') && isP(toks[i + 2], '{')) open = i + 2;
  else if (isId(toks[i]) && i + 1 === end && depth < 4) {
    const at = boundValue(s, toks[i].v, toks[i].start, depth);
    if (!at) return undefined;
    if (at[0] === c) reach.from = Math.min(reach.from, toks[Math.max(0, at[1] - 2)].start);
    const [o, v] = at;
    return toolDefinition(o, v, exprEnd(o, v), unread, c, reach, depth + 1);
  }
  if (open < 0 || match[open] < 0) return undefined;
  const close = match[open];
  let description: string | undefined;
  let parameters: Json = EMPTY;
  for (let k = open + 1; k < close; k = itemEnd(s, k, close) + 1) {
    if (!isId(toks[k]) || !isP(toks[k + 1], ':')) continue;
    const e = itemEnd(s, k + 2, close);
    if (toks[k].v === 'description') {
      const v = evaluate(s, k + 2, e);
      if (v?.str !== undefined) description = v.str;
      else unread.labels.push(label(s, k + 2, e));
    } else if (toks[k].v === 'parameters' || toks[k].v === 'inputSchema') parameters = zodSchema(s, k + 2, e, unread).schema;
  }
  return description !== undefined ? { description, parameters } : { parameters };
}

/**
 * The tools of the agent construction toks[made] a call runs: `new ToolLoopAgent({ model, tools })` run by
 * `agent.generate({ prompt })` (tool-loop-agent.ts: generate calls generateText with the settings' tools).
 */
export function aiSdkMadeTools(c: Ctx, site: CallSite, made: [number, number] | undefined): ToolDefs | undefined {
  if (!made) return undefined;
  for (let k = made[0]; k < made[1]; k++) if (isP(c.toks[k], '(')) return aiSdkTools(c, site, k, made[1] + 1);
  return undefined;
}

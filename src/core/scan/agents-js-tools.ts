// The function tools of an openai-agents-js `new Agent({ …, tools: [getWeather] })` with `const getWeather = tool({ name,
// description, parameters: z.object({…}), execute })`, sent with every turn of its run and billed as input. Read in
// openai/openai-agents-js at 6d0c61a5 (@openai/agents-core 0.17.0):
//   packages/agents-core/src/tool.ts tool(): name = toFunctionToolName(options.name ?? options.execute.name) (utils/
//     tools.ts: whitespace, then every non-alphanumeric character, to `_`); strict = options.strict ?? true;
//   utils/tools.ts getSchemaAndParserFromInputType: a zod object goes through openai-node's zodResponsesFunction
//     (openai/helpers/zod), the helper that zodResponseFormat rows already price (zod-response-format.ts: JSON Schema 7,
//     `$schema` draft-07, openaiStrictMode: every key required); a plain JSON schema object is sent as written;
//   agents-openai/src/openaiResponsesModel.ts: `{ type: 'function', name, description, parameters, strict }`.
// The definitions are kept as `[{name, description, parameters}]`, the form the tool cost was fitted on
// (cost/tool-tokens.ts). What is not read (a hosted tool `webSearchTool()`, a tool a factory makes) is named on the
// call. Seen in openai/openai-agents-js examples/handoffs/index.ts (`randomNumberTool`), whose run counted
// no tool.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { evaluate } from './evaluate';
import { boundValue, exprEnd, itemEnd, label, zodSchema, type Json, type Unread } from './zod-schema';
import { strictRoot } from './zod-response-format';
import { handoffDefs } from './agents-js-handoffs';

/** Tools read per agent at most. */
const MAX_TOOLS = 64;
/** The schema of an agent given as a tool with no parameters of its own, as the strict helper sends it. */
const AGENT_INPUT = strictRoot({ type: 'object', properties: { input: { type: 'string' } }, required: ['input'], additionalProperties: false });

/** The tools of the agent made at toks[made[0], made[1]], or undefined when it gives none that is read. */
export function agentsJsTools(c: Ctx, site: CallSite, made: [number, number], unread: string[]): ToolDefs | undefined {
  if (c.syn.id !== 'javascript' || site.sdk !== 'OpenAI Agents') return undefined;
  const { toks, match } = c;
  let obj = made[0];
  while (obj < made[1] && !isP(toks[obj], '{')) obj++;
  if (!isP(toks[obj], '{') || !(match[obj] > obj)) return undefined;
  const close = match[obj];
  const zu: Unread = { labels: [] };
  const reach = { from: Number.MAX_SAFE_INTEGER, to: -1 };
  let defs: Json[] = [];
  for (let k = obj + 1; k < close; k = itemEnd(c, k, close) + 1) {
    if (toks[k].v !== 'tools' || !isId(toks[k])) continue;
    const e = itemEnd(c, k, close);
    // `tools: [a, b]`, `tools: TOOLS`, or the shorthand `{ tools }`: a list, here or imported.
    const name = isP(toks[k + 1], ':') ? (e === k + 3 && isId(toks[k + 2]) ? k + 2 : -1) : e === k + 1 ? k : -1;
    const at: [EvalScope, number] | undefined = name >= 0 ? boundValue(c, toks[name].v, toks[k].start, 0) : isP(toks[k + 2], '[') ? [c, k + 2] : undefined;
    if (!at || !isP(at[0].toks[at[1]], '[') || !(at[0].match[at[1]] > at[1])) return undefined;
    const from = { from: toks[k].start };
    if (at[0] === c) from.from = Math.min(from.from, toks[Math.max(0, at[1] - 2)].start);
    defs = listed(at[0], at[1], zu, c, from);
    // None read: the call's tools are left to the generic reader (runs.ts), with nothing named here.
    if (!defs.length) return undefined;
    reach.from = from.from;
    reach.to = toks[Math.max(k, e - 1)].end;
    break;
  }
  // The handoffs, sent after the tools (agents-js-handoffs.ts).
  defs.push(...handoffDefs(c, obj, close, zu, reach));
  if (!defs.length) return undefined;
  for (const l of zu.labels) if (!unread.includes(l)) unread.push(l);
  return { text: JSON.stringify(defs), definitions: defs.length, span: { start: reach.from, end: reach.to } };
}

/** Each element of the list whose `[` is s.toks[open]: `tool({…})`, `agent.asTool({…})`, or a name bound to one. */
function listed(s: EvalScope, open: number, unread: Unread, c: Ctx, reach: { from: number }): Json[] {
  const { toks, match } = s;
  const close = match[open];
  const defs: Json[] = [];
  for (let k = open + 1; k < close && defs.length < MAX_TOOLS; ) {
    const e = itemEnd(s, k, close);
    if (k < e) {
      const def = definition(s, k, e, unread, c, reach);
      if (def) defs.push(def);
      else unread.labels.push(`tools: ${label(s, k, e)}`);
    }
    k = e + 1;
  }
  return defs;
}

/** The definition of the tool written at toks[i, end): `tool({…})`, `agent.asTool({…})`, or a name bound to one (depth:
 * names followed). */
function definition(s: EvalScope, i: number, end: number, unread: Unread, c: Ctx, reach: { from: number }, depth = 0): Json | undefined {
  const { toks, match } = s;
  if (isId(toks[i]) && i + 1 === end && depth < 4) {
    const at = boundValue(s, toks[i].v, toks[i].start, depth);
    if (!at) return undefined;
    if (at[0] === c) reach.from = Math.min(reach.from, toks[Math.max(0, at[1] - 2)].start);
    return definition(at[0], at[1], exprEnd(at[0], at[1]), unread, c, reach, depth + 1);
  }
  // `agent.asTool({ toolName, toolDescription })` (agent.ts asTool): `tool({ name: toolName, description: toolDescription
  // ?? '', parameters: parameters ?? AgentAsToolInputSchema })`, that schema `z.object({ input: z.string() })`
  // (agentToolInput.ts). With no toolName the agent's own name is used: not read here (named).
  const asTool = isId(toks[i]) && isP(toks[i + 1], '.') && toks[i + 2]?.v === 'asTool' ? 3 : 0;
  const callee = asTool ? i + 2 : i;
  if ((!asTool && toks[i]?.v !== 'tool') || !isP(toks[callee + 1], '(') || !isP(toks[callee + 2], '{') || !(match[callee + 2] > callee + 2) || match[callee + 1] + 1 !== end) return undefined;
  const [o, close] = [callee + 2, match[callee + 2]];
  let name: string | undefined;
  let description = '';
  let parameters: Json | undefined = asTool ? AGENT_INPUT : undefined;
  for (let k = o + 1; k < close; k = itemEnd(s, k, close) + 1) {
    if (!isId(toks[k]) || !isP(toks[k + 1], ':')) continue;
    const e = itemEnd(s, k + 2, close);
    if (toks[k].v === (asTool ? 'toolName' : 'name')) name = evaluate(s, k + 2, e)?.str;
    else if (toks[k].v === (asTool ? 'toolDescription' : 'description')) {
      const v = evaluate(s, k + 2, e);
      if (v?.str !== undefined) description = v.str;
      else unread.labels.push(label(s, k + 2, e));
    } else if (toks[k].v === 'parameters') {
      const read = zodSchema(s, k + 2, e, unread).schema;
      // A JSON schema written out is sent as written; a zod object as the strict JSON Schema 7 the helper makes.
      parameters = isP(toks[k + 2], '{') ? read : Object.keys(read).length ? strictRoot(read) : undefined;
    } else if (toks[k].v === 'strict' && toks[k + 2]?.v === 'false' && toks[k + 2].t === T.Id) unread.labels.push('strict: false');
  }
  // The name of the `execute` function (or of the agent) when none is given: not read (named).
  if (name === undefined || parameters === undefined) return undefined;
  return { name: toolName(name), description, parameters };
}

/** toFunctionToolName (utils/tools.ts): every whitespace or non-alphanumeric character becomes `_`. */
export function toolName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    out += (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ? ch : '_';
  }
  return out;
}

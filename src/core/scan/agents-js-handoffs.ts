// The handoffs of an openai-agents-js `new Agent({ …, handoffs: [billingAgent, handoff(refundAgent, {…})] })`: each is
// sent with every turn of the agent as a function tool the model may call, billed as input. Read in
// openai/openai-agents-js at 6d0c61a5 (@openai/agents-core 0.17.0):
//   packages/agents-core/src/handoff.ts: a Handoff's toolName = `transfer_to_${toFunctionToolName(agent.name)}`,
//     toolDescription = `Handoff to the ${agent.name} agent to handle the request. ${agent.handoffDescription ?? ''}`,
//     inputJsonSchema = { type: 'object', properties: {}, required: [], additionalProperties: false }, strict;
//     handoff(agent, { toolNameOverride, toolDescriptionOverride, inputType }) replaces them (inputType through
//     getSchemaAndParserFromInputType with strict: true, the helper tool() uses);
//   agents-openai/src/openaiResponsesModel.ts getHandoffTool: `{ type: 'function', name: toolName, description:
//     toolDescription, parameters: inputJsonSchema, strict }`, after the agent's own tools.
// An agent given by a name the file does not make, or a handoff made some other way, is named on the call. Seen in
// openai/openai-agents-js examples/handoffs/index.ts:78 (`secondAgent` hands off to `spanishAgent`), whose run counted
// no tool for it.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { evaluate } from './evaluate';
import { boundValue, exprEnd, itemEnd, label, zodSchema, type Json, type Unread } from './zod-schema';
import { strictRoot } from './zod-response-format';
import { toolName } from './agents-js-tools';

/** Handoffs read per agent at most. */
const MAX_HANDOFFS = 32;
/** A handoff with no input: the schema Handoff.inputJsonSchema starts with. */
const NO_INPUT: Json = { type: 'object', properties: {}, required: [], additionalProperties: false };

/** The tool definitions of the handoffs listed in the agent config object toks[obj, close] of `c`, or [] when none. */
export function handoffDefs(c: Ctx, obj: number, close: number, unread: Unread, reach: { from: number; to: number }): Json[] {
  const { toks } = c;
  for (let k = obj + 1; k < close; k = itemEnd(c, k, close) + 1) {
    if (toks[k].v !== 'handoffs' || !isId(toks[k])) continue;
    const e = itemEnd(c, k, close);
    const name = isP(toks[k + 1], ':') ? (e === k + 3 && isId(toks[k + 2]) ? k + 2 : -1) : e === k + 1 ? k : -1;
    const at: [EvalScope, number] | undefined = name >= 0 ? boundValue(c, toks[name].v, toks[k].start, 0) : isP(toks[k + 2], '[') ? [c, k + 2] : undefined;
    reach.from = Math.min(reach.from, toks[k].start);
    reach.to = Math.max(reach.to, toks[Math.max(k, e - 1)].end);
    if (!at || !isP(at[0].toks[at[1]], '[') || !(at[0].match[at[1]] > at[1])) {
      unread.labels.push(`handoffs: ${label(c, k, e)}`);
      return [];
    }
    return listed(at[0], at[1], unread);
  }
  return [];
}

/** Each handoff of the list whose `[` is s.toks[open]. */
function listed(s: EvalScope, open: number, unread: Unread): Json[] {
  const { toks, match } = s;
  const defs: Json[] = [];
  for (let k = open + 1; k < match[open] && defs.length < MAX_HANDOFFS; ) {
    const e = itemEnd(s, k, match[open]);
    if (k < e) {
      const def = one(s, k, e, unread);
      if (def) defs.push(def);
      else unread.labels.push(`handoffs: ${label(s, k, e)}`);
    }
    k = e + 1;
  }
  return defs;
}

/** One handoff toks[i, end): an agent's name, or `handoff(agent, { toolNameOverride, toolDescriptionOverride, inputType })`. */
function one(s: EvalScope, i: number, end: number, unread: Unread, depth = 0): Json | undefined {
  const { toks, match } = s;
  if (isId(toks[i]) && i + 1 === end) {
    // `const spanishHandoff = handoff(spanishAgent, {…})` listed by name (examples/handoffs/is-enabled.ts).
    const held = depth < 2 ? boundValue(s, toks[i].v, toks[i].start, 0) : undefined;
    if (held && held[0].toks[held[1]]?.v === 'handoff') return one(held[0], held[1], exprEnd(held[0], held[1]), unread, depth + 1);
    const agent = agentMade(s, i);
    return agent && { name: `transfer_to_${toolName(agent.name)}`, description: describe(agent), parameters: NO_INPUT };
  }
  if (toks[i].v !== 'handoff' || !isP(toks[i + 1], '(') || match[i + 1] + 1 !== end) return undefined;
  const close = match[i + 1];
  const first = itemEnd(s, i + 2, close);
  if (first !== i + 3 || !isId(toks[i + 2])) return undefined;
  const agent = agentMade(s, i + 2);
  if (!agent) return undefined;
  let name = `transfer_to_${toolName(agent.name)}`;
  let description = describe(agent);
  let parameters = NO_INPUT;
  const o = first + 1;
  if (isP(toks[first], ',') && isP(toks[o], '{') && match[o] > o) {
    for (let k = o + 1; k < match[o]; k = itemEnd(s, k, match[o]) + 1) {
      if (!isId(toks[k]) || !isP(toks[k + 1], ':')) continue;
      const e = itemEnd(s, k + 2, match[o]);
      const v = () => evaluate(s, k + 2, e)?.str;
      if (toks[k].v === 'toolNameOverride') name = v() ?? name;
      else if (toks[k].v === 'toolDescriptionOverride') description = v() ?? description;
      else if (toks[k].v === 'inputType') {
        const read = zodSchema(s, k + 2, e, unread).schema;
        if (Object.keys(read).length) parameters = strictRoot(read);
        else unread.labels.push(`handoff inputType: ${label(s, k + 2, e)}`);
      }
    }
  }
  return { name, description, parameters };
}

/** The name and handoffDescription of the agent the name at s.toks[i] is bound to (`new Agent({…})`, `Agent.create({…})`). */
function agentMade(s: EvalScope, i: number): { name: string; handoffDescription?: string } | undefined {
  const at = boundValue(s, s.toks[i].v, s.toks[i].start, 0);
  if (!at) return undefined;
  const [m, v] = at;
  const { toks, match } = m;
  const obj = agentObject(m, v);
  if (obj < 0 || match[obj - 1] + 1 !== exprEnd(m, v)) return undefined;
  let name: string | undefined;
  let handoffDescription: string | undefined;
  for (let k = obj + 1; k < match[obj]; k = itemEnd(m, k, match[obj]) + 1) {
    if (!isId(toks[k]) || !isP(toks[k + 1], ':')) continue;
    const e = itemEnd(m, k + 2, match[obj]);
    if (toks[k].v === 'name') name = evaluate(m, k + 2, e)?.str;
    else if (toks[k].v === 'handoffDescription') handoffDescription = evaluate(m, k + 2, e)?.str ?? '';
  }
  return name === undefined ? undefined : { name, handoffDescription };
}

const describe = (a: { name: string; handoffDescription?: string }) => `Handoff to the ${a.name} agent to handle the request. ${a.handoffDescription ?? ''}`;

/** Past TypeScript type arguments at s.toks[k] (`new Agent<AppContext>({…})`): the token after them, else k. */
function typeArgsEnd(s: EvalScope, k: number): number {
  const { toks } = s;
  if (!isP(toks[k], '<')) return k;
  for (let j = k + 1, depth = 1; j < toks.length && j < k + MAX_TYPE_TOKENS; j++) {
    if (isP(toks[j], '<')) depth++;
    else if (isP(toks[j], '>') && --depth === 0) return j + 1;
    else if (isP(toks[j], '>>')) {
      depth -= 2;
      if (depth <= 0) return depth === 0 ? j + 1 : -1;
    } else if (isP(toks[j], '(') || isP(toks[j], ';')) return -1;
  }
  return -1;
}

/** Tokens of a type argument list read at most. */
const MAX_TYPE_TOKENS = 64;

/** The `{` of `new Agent({…})` / `new Agent<C>({…})` / `Agent.create({…})` starting at m.toks[v], or -1. */
function agentObject(m: EvalScope, v: number): number {
  const { toks, match } = m;
  const open = toks[v]?.v === 'new' && toks[v + 1]?.v === 'Agent' ? typeArgsEnd(m, v + 2) : toks[v]?.v === 'Agent' && isP(toks[v + 1], '.') && toks[v + 2]?.v === 'create' ? typeArgsEnd(m, v + 3) : -1;
  return open >= 0 && isP(toks[open], '(') && isP(toks[open + 1], '{') && match[open + 1] > open + 1 ? open + 1 : -1;
}

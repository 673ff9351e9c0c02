// What a Pydantic AI agent's decorated functions add to every request of its run (pydantic/pydantic-ai at 4fda3898,
// v2.33.0 + 11):
//   `@agent.system_prompt` (also `(dynamic=True)`): the function's return is one SystemPromptPart more, after the
//     Agent's own system_prompt= (_system_prompt.py resolve_system_prompts); OpenAI chat sends each such part as a
//     system message of its own (models/openai.py _map_user_message).
//   `@agent.instructions`: the return joins the Agent's instructions= with "\n\n" (messages.py InstructionPart.join),
//     one system message in all.
//   `@agent.tool` / `@agent.tool_plain`: a function tool, sent as `{name, description, parameters}` with every request
//     (py-decorated-tools.ts builds it as _function_schema.py does).
// Seen in pydantic-ai examples/pydantic_ai_examples/bank_support.py (`@support_agent.instructions` and
// `@support_agent.tool`), Addisu87/exploring-pydanticai backend/examples/system_prompts.py and
// eriksf/pydantic-ai-agents-tutorial 8_lets_make_dynamic_prompt.py: none of these texts and tools were counted.
// A returned text is read as any prompt value (f-string holes named); a function with no single `return` is named as
// known at run time.
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart } from '../types';
import { keyAt, type Ctx } from './values';
import { occurrences } from './run-index';
import { exprEnd, tables } from './scope';
import { fnSpan } from './function-forms';
import { returned } from './jvm-param-requests';
import { collectParts } from './parts';
import { decoratedTool } from './py-decorated-tools';
import { USES } from './fstring-holes';
import { agentOwnTools } from './py-agent-own-tools';

/** The decorators read here, for the keystroke path's vocabulary (editor/reader-words.ts). */
export const PYDANTIC_DECORATOR_WORDS = ['system_prompt', 'instructions', 'tool', 'tool_plain'];

/** Decorated functions read per agent at most (the file's are few; the count stays linear). */
const MAX_DECORATED = 64;

/** Adds the prompts and tools of the decorated functions of the agent made at `made` to its run's site. */
export function agentDecorated(c: Ctx, site: CallSite, made: [number, number]): void {
  if (c.syn.id !== 'python' || !site.shape.startsWith('pydantic-ai.')) return;
  const { toks, match } = c;
  // The construction's own `tools=[…]` and `output_type=` (py-agent-own-tools.ts), then what the decorators add.
  agentOwnTools(c, site, made);
  const at = assignedName(c, made[0]);
  if (at < 0) return;
  const name = toks[at].v;
  // A decorator written after a prefix's cut may add to the run: a use of the name there leaves it to the full analysis.
  c.forward?.add(USES + name);
  const tools: string[] = [];
  const unread: string[] = [];
  let [from, to] = [Infinity, -1];
  let instructed = hasKey(c, made, 'instructions');
  let read = 0;
  for (const k of occurrences(c, name)) {
    if (k <= made[1]) continue;
    // Bound again (`agent = Agent(…)` below): another agent's decorators follow.
    if (isP(toks[k + 1], '=') && !isP(toks[k - 1], '.') && lineStart(c, k)) break;
    if (!isP(toks[k - 1], '@') || !isP(toks[k + 1], '.') || !isId(toks[k + 2]) || read >= MAX_DECORATED) continue;
    const kind = toks[k + 2].v;
    if (!PYDANTIC_DECORATOR_WORDS.includes(kind)) continue;
    let d = k + 3;
    if (isP(toks[d], '(') && match[d] > d) d = match[d] + 1;
    if (toks[d]?.v === 'async') d++;
    if (toks[d]?.v !== 'def' || !isId(toks[d + 1]) || !isP(toks[d + 2], '(')) continue;
    const fn = tables(c).fns.get(toks[d + 1].v)?.find((f) => f.name === d + 1);
    if (!fn) continue;
    read++;
    const span = fnSpan(toks, fn);
    c.read?.push({ start: toks[k - 1].start, end: span.end });
    [from, to] = [Math.min(from, toks[k - 1].start), Math.max(to, span.end)];
    if (kind === 'tool' || kind === 'tool_plain') {
      const def = decoratedTool(c, toks[d + 1].v, d + 2, unread);
      if (def) tools.push(def.text);
      continue;
    }
    const parts: PromptPart[] = [];
    const r = returned(c, fn);
    if (r !== undefined && r < fn.bodyEnd) collectParts(c, r, Math.min(exprEnd(c, r), fn.bodyEnd), parts);
    else parts.push({ text: '', span, resolved: false, label: `${toks[d + 1].v}() (${kind === 'instructions' ? 'instructions' : 'system prompt'} at run time)` });
    site.parts.push(...parts);
    // Instructions join the agent's one instructions message; each system prompt function is a message of its own.
    if (kind === 'instructions' && instructed) continue;
    if (kind === 'instructions') instructed = true;
    site.messages += 1;
    site.systemMessages = (site.systemMessages ?? 0) + 1;
  }
  for (const label of unread) site.parts.push({ text: '', span: { start: from, end: to }, resolved: false, label });
  if (!tools.length) return;
  const had = site.tools;
  const list = had && had.text.startsWith('[') && had.text.endsWith(']') ? had.text.slice(1, -1).replace(/,\s*$/, '') : '';
  if (had && !list && had.definitions > 0) return; // a tools value not read as a list: left as it was read
  site.tools = {
    text: `[${[list, ...tools].filter((t) => t).join(',')}]`,
    definitions: (had?.definitions ?? 0) + tools.length,
    span: { start: Math.min(from, had?.span.start ?? from), end: Math.max(to, had?.span.end ?? to) },
  };
  (site.uses ??= []).includes('tools') || site.uses.push('tools');
}

/** Does the construction made[0..1] pass `key=`? */
function hasKey(c: Ctx, made: [number, number], key: string): boolean {
  for (let k = made[0]; k < made[1] && k < c.toks.length; k++) if (c.toks[k].v === key && keyAt(c, k) > 0) return true;
  return false;
}

/** Is toks[k] the first token of its line? */
function lineStart(c: Ctx, k: number): boolean {
  return k === 0 || c.text.slice(c.toks[k - 1].end, c.toks[k].start).includes('\n');
}

/** The name `Agent(…)` starting at toks[start] is assigned to (`agent = Agent(…)`, `agent: Agent[D, str] = …`), -1 none. */
function assignedName(c: Ctx, start: number): number {
  const { toks } = c;
  while (isP(toks[start - 1], '.') && isId(toks[start - 2])) start -= 2;
  if (!isP(toks[start - 1], '=')) return -1;
  let first = start - 1;
  while (first > 0 && !lineStart(c, first)) first--;
  if (!isId(toks[first])) return -1;
  return first + 1 === start - 1 || isP(toks[first + 1], ':') ? first : -1;
}

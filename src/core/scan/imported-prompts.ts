// A prompt template another module makes and this one pipes or hands to an agent factory (Dev-icpacifico/DioAgent
// agent/agent_executor.py: `from agent.agent_prompt import prompt`, then `create_tool_calling_agent(llm, tools,
// prompt)`, the template `ChatPromptTemplate.from_messages([…])` in agent/agent_prompt.py): read in that module as a
// chain's own template is read here (runnables.ts), its text sourced there.
import { basename } from '../resolve/files';
import type { Via } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { importedBinding } from './imported';
import { contextOf, partsFrom } from './imported-runnables';
import type { Prompt } from './runnable-prompts';
import type { Ctx } from './values';

type ReadPrompt = (c: Ctx, via: Via, name: string, before: number) => Prompt | undefined;

/** The template the imported name `name` (used at token `before`) holds in its module, when any of its text is known there. */
export function importedPrompt(c: Ctx, via: Via, name: string, before: number, read: ReadPrompt): Prompt | undefined {
  if (!c.index || c.syn.id !== 'python' || assignmentBefore(c, name, before) >= 0) return undefined;
  const other = importedBinding(c, name, 0);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const p = read(oc, via, other.name, oc.toks.length);
  // A step known only at run time there too (`prompt = hub.pull(…)`) says no more than the name here.
  if (!p || !p.parts.some((x) => x.resolved)) return undefined;
  const at = { start: c.toks[before].start, end: c.toks[before].end };
  return { ...p, parts: partsFrom(p.parts, oc.file, at, `${other.name} (${basename(oc.file)})`) };
}

// A `@CrewBase` crew keeps its agents' and tasks' texts in YAML: `Agent(config=self.agents_config["researcher"])` reads
// the `researcher:` entry of the class's `agents_config` file, `config/agents.yaml` beside the crew's module when the
// class names none (crewAIInc/crewAI f4731f50 lib/crewai/src/crewai/project/crew_base.py: original_agents_config_path
// "config/agents.yaml", original_tasks_config_path "config/tasks.yaml", loaded relative to the class's file; a task's
// `agent:` names an @agent method, an agent's `llm:` a model id). Read one key at a time (resolve/config-files.ts).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { configAt } from '../resolve/config-files';
import { dirname, join } from '../resolve/files';

/** One entry of a crew's YAML file. */
export interface ConfigEntry { file: string; text: string; name: string }

const DEFAULTS: Record<string, string> = { agents_config: 'config/agents.yaml', tasks_config: 'config/tasks.yaml' };

/** The entry `self.agents_config["name"]` (or tasks_config) at toks[from, to) names, when its file is in the workspace. */
export function configEntry(c: Ctx, from: number, to: number): ConfigEntry | undefined {
  const { toks } = c;
  if (to !== from + 6 || toks[from].v !== 'self' || !isP(toks[from + 1], '.') || !isP(toks[from + 3], '[') || toks[from + 4].t !== T.Str || !isP(toks[from + 5], ']')) return undefined;
  const attr = toks[from + 2].v;
  if (!Object.hasOwn(DEFAULTS, attr) || !c.index || !c.file) return undefined;
  const file = join(dirname(c.file), classPath(c, attr) ?? DEFAULTS[attr]);
  const text = c.index.text(file);
  return text === undefined ? undefined : { file, text, name: toks[from + 4].v };
}

/** `agents_config = "config/agents.yaml"` in the class body. */
function classPath(c: Ctx, attr: string): string | undefined {
  const { toks } = c;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== attr || !isId(toks[k]) || isP(toks[k - 1], '.') || !isP(toks[k + 1], '=') || toks[k + 2].t !== T.Str) continue;
    return toks[k + 2].v;
  }
  return undefined;
}

/** The entry's `key` as a string, with where it is written; undefined when the entry has no such text. */
export function configString(e: ConfigEntry, key: string): { value: string; start: number } | undefined {
  const hit = configAt(e.file, e.text, 'yaml', [e.name, key]);
  return hit?.kind === 'scalar' && typeof hit.value === 'string' ? { value: hit.value, start: hit.start } : undefined;
}

/** The entry's `key` as a prompt part placed at `at`, sourced in the YAML file; a key it lacks or cannot read: named. */
export function configPart(e: ConfigEntry, key: string, at: Span): PromptPart {
  const hit = configAt(e.file, e.text, 'yaml', [e.name, key]);
  if (hit?.kind === 'scalar' && typeof hit.value === 'string') return { text: hit.value, span: at, resolved: true, source: { file: e.file, offset: hit.start, what: `${key} of ${e.name} in ${e.file.split('/').pop()}` } };
  return { text: '', span: at, resolved: false, label: `${key} of ${e.name} (${e.file.split('/').pop()})` };
}

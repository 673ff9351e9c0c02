// src/core/scan/agent-tools-given-js.ts: an openai-agents-js agent given no tools, handoffs, MCP servers or stored
// prompt answers `run(agent, input)` in one model call (openai-agents-js 6d0c61a5 packages/agents-core/src/runner/
// turnResolution.ts: only tool calls or a handoff run the loop again); one given any, or handed on where its tools may
// grow, keeps the SDK's default of 10 turns (runner/constants.ts DEFAULT_MAX_TURNS). Real case: openai/openai-agents-js
// examples/research-bot/manager.ts:89 runs writerAgent (model o3-mini, outputType, no tools) from agents.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, findSites } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const AGENTS = [
  "import { Agent, run, tool } from '@openai/agents';",
  '',
  "const lookup = tool({ name: 'lookup', description: 'Look a word up.', parameters: {}, execute: async () => 'x' });",
  "const summarizer = new Agent({ name: 'Summarizer', instructions: 'Summarize the text.', model: 'gpt-4.1-mini' });",
  "const researcher = new Agent({ name: 'Researcher', instructions: 'Research.', model: 'gpt-4.1-mini', tools: [lookup] });",
  "const triage = Agent.create({ name: 'Triage', instructions: 'Route.', model: 'gpt-4.1-mini', handoffs: [summarizer] });",
  "const helper = summarizer.asTool({ toolName: 'summarize', toolDescription: 'Summarize.' });",
  '',
  'export async function main(text: string) {',
  '  await run(summarizer, text);',
  '  await run(researcher, text);',
  '  await run(triage, text);',
  '}',
  '',
].join('\n');

const turns = (code: string) => analyze(code, 'typescript', 'agents.ts', table).calls.map((c) => c.run?.turns);

test('an agent with nothing to call answers in one call; tools or handoffs keep the default turns', () => {
  // summarizer is also a handoff of triage and offered as a tool: neither gives it tools.
  assert.deepEqual(turns(AGENTS), [undefined, 10, 10]);
});

test('an agent given tools later or handed on keeps the default turns', () => {
  const grown = AGENTS + "summarizer.tools.push(lookup);\n";
  const handed = AGENTS + 'attachTools(summarizer);\n';
  for (const code of [grown, handed]) assert.deepEqual(turns(code), [10, 10, 10]);
});

test('an agent imported from the module making it is read there: no tools, one call', () => {
  const file = path.join(FIXTURES, 'typescript', 'openai_agents_imported', 'planner.ts');
  const sites = findSites(fs.readFileSync(file, 'utf8'), 'typescript', file, undefined, diskIndex()).sites;
  assert.deepEqual(sites.map((s) => [s.model?.id, s.run?.turns]), [['gpt-4.1-mini', undefined], ['gpt-4.1', undefined], ['gpt-4.1-mini', 10]]);
});

// openai-agents-js examples/agent-patterns/routing.ts (`let agent: Agent<any, any> = triageAgent`), examples/basic/
// chat.ts, sandbox factories (`buildGtmAgent(model, …)` returning the agent), rossrobino/gpt src/lib/generate-title.ts
// (`run(create(), text)`, the factory imported): an agent with nothing to call answers in one call however it is reached.
const REACHED = [
  "import { Agent, run, tool } from '@openai/agents';",
  '',
  "const lookup = tool({ name: 'lookup', description: 'Look a word up.', parameters: {}, execute: async () => 'x' });",
  "const summarizer = new Agent({ name: 'Summarizer', instructions: 'Summarize the text.', model: 'gpt-4.1-mini' });",
  "const researcher = new Agent({ name: 'Researcher', instructions: 'Research.', model: 'gpt-4.1-mini', tools: [lookup] });",
  "function buildReviewer(model: string) {",
  "  return new Agent({ name: 'Reviewer', model, instructions: 'Review the change.' });",
  '}',
  "const buildWriter = () => new Agent({ name: 'Writer', model: 'gpt-4.1', instructions: 'Write.' });",
  '',
  'export async function main(text: string) {',
  '  let agent: Agent<any, any> = summarizer;',
  '  await run(agent, text);',
  "  const reviewer = buildReviewer('gpt-4.1');",
  '  await run(reviewer, text);',
  '  await run(buildWriter(), text);',
  '  const current = researcher;',
  '  await run(current, text);',
  '}',
  '',
].join('\n');

test('an agent with nothing to call reached through a name or a factory answers in one call', () => {
  assert.deepEqual(turns(REACHED), [undefined, undefined, undefined, 10]);
});

test('a name the agent is copied to and given tools keeps the default turns', () => {
  assert.deepEqual(turns(REACHED + 'export function grow(a: Agent) { const copy = summarizer; copy.tools.push(lookup); }\n'), [10, undefined, undefined, 10]);
  assert.deepEqual(turns(REACHED.replace('  await run(reviewer, text);', '  await run(reviewer, text);\n  attachTools(reviewer);')), [undefined, 10, undefined, 10]);
});

test("an imported factory's agent is read in its module: no tools, one call", () => {
  const file = path.join(FIXTURES, 'typescript', 'openai_agents_factories', 'chat.ts');
  const sites = findSites(fs.readFileSync(file, 'utf8'), 'typescript', file, undefined, diskIndex()).sites;
  assert.deepEqual(sites.map((s) => [s.model?.id, s.run?.turns]), [['gpt-4.1-mini', undefined], ['gpt-4.1-nano', undefined]]);
});

test('an agent a factory declares and returns by name answers in one call; given tools there, the default turns', () => {
  // StefAltavista/OpenAi_project src/lib/ai_assistant.ts: `const bot = new Agent({ name, instructions }); return bot;`.
  const code = (extra: string) => [
    "import { Agent, run, tool } from '@openai/agents';",
    "const lookup = tool({ name: 'lookup', description: 'Look a word up.', parameters: {}, execute: async () => 'x' });",
    'function assistant() {',
    "  const bot = new Agent({ name: 'JSON', instructions: 'Return JSON only.', model: 'gpt-4.1-mini' });",
    extra,
    '  return bot;',
    '}',
    'export async function main(text: string) {',
    '  const helper = assistant();',
    '  return run(helper, text);',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(turns(code('')), [undefined]);
  assert.deepEqual(turns(code('  bot.tools.push(lookup);')), [10]);
});

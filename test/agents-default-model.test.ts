// src/core/scan/agents-default-model.ts: the openai-agents release a project pins decides the model an Agent with no
// model= runs on; a range that spans two defaults, or no pin, leaves it unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import type { WorkspaceFiles } from '../src/core/resolve/files';

const CODE = 'from agents import Agent, Runner\nagent = Agent(name="a", instructions="Be brief.")\nasync def go(q):\n    return await Runner.run(agent, q)\n';

function modelWith(manifest: string, text: string): string | undefined {
  const files: Record<string, string> = { '/app/main.py': CODE, [`/app/${manifest}`]: text };
  const ws: WorkspaceFiles = {
    read: (p) => files[p],
    list: (d) => (d === '/app' ? Object.keys(files).map((p) => p.slice(5)) : undefined),
  };
  const site = findSites(CODE, 'python', '/app/main.py', undefined, new ValueIndex(ws)).sites[0];
  return site.model?.id;
}

test('the pinned release names the default model (tags v0.0.4, v0.2.9, v0.16.0, v0.20.0 of openai-agents-python)', () => {
  assert.equal(modelWith('requirements.txt', 'openai-agents==0.0.4\n'), 'gpt-4o');
  assert.equal(modelWith('requirements.txt', 'openai-agents[viz]==0.3.1\n'), 'gpt-4.1');
  assert.equal(modelWith('pyproject.toml', 'dependencies = [\n    "openai-agents[sqlalchemy] (>=0.17.5,<0.18.0)",\n]\n'), 'gpt-5.4-mini');
  assert.equal(modelWith('uv.lock', '[[package]]\nname = "openai-agents"\nversion = "0.20.1"\n'), 'gpt-5.6-luna');
  // A floor with no ceiling may install any later release; a range across a change of default is not one model.
  assert.equal(modelWith('pyproject.toml', 'openai-agents = ">=0.0.14"\n'), undefined);
  assert.equal(modelWith('requirements.txt', 'openai-agents>=0.2.0,<0.3.0\n'), undefined);
  assert.equal(modelWith('requirements.txt', 'openai\n'), undefined);
});

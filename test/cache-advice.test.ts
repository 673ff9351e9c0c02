// cost/cache-advice.ts: a Claude run's cache advice names the form the call's SDK takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { cacheEdit } from '../src/core/cost/cache-advice';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

// The form of vercel/ai examples/ai-e2e-next/agent/anthropic/dynamic-weather-with-approval-agent.ts:36.
const AGENT = `import { anthropic } from '@ai-sdk/anthropic';
import { ToolLoopAgent, tool } from 'ai';
import { z } from 'zod';
const weatherTool = tool({ description: 'Get the weather in a location', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, temperature: 72 }) });
export const weatherAgent = new ToolLoopAgent({
  model: anthropic('claude-sonnet-4-5'),
  instructions: 'When a tool execution is not approved by the user, do not retry it.',
  tools: { weather: weatherTool },
});
`;

test('an AI SDK agent on Claude is told the AI SDK’s providerOptions cacheControl, not cache_control', () => {
  const calls = analyze(AGENT, 'typescript', 'agent.ts', table(), { now: '2026-12-07T12:00:00Z' }).calls;
  const cache = calls.flatMap((c) => c.suggestions).find((s) => s.kind === 'cache');
  assert.ok(cache, 'a run cache suggestion');
  assert.match(cache.text, /^Add providerOptions: \{ anthropic: \{ cacheControl: \{ type: 'ephemeral' \} \} \} to the call — saves \$\d/);
});

test('other SDKs on Claude keep cache_control; the AI SDK on another provider too', () => {
  assert.equal(cacheEdit('Anthropic', 'anthropic'), 'Add cache_control to the conversation');
  assert.equal(cacheEdit('Vercel AI SDK', 'openrouter'), 'Add cache_control to the conversation');
});

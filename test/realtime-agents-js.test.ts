// openai-agents-js voice agents (call-shapes-realtime.ts, realtime-agents.ts): `new RealtimeSession(agent, { model })`
// then `session.connect(…)` is a row, one response of the session, with the starting RealtimeAgent's instructions; no
// model named is the SDK's DEFAULT_OPENAI_REALTIME_MODEL, named and not priced; the transcription model is not the
// session's; the limit is named through the session config's providerData (the config has no field for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const SESSION = 'the realtime session (its conversation, audio and settings sent at run time)';
// The forms of openai/openai-agents-js examples/docs/voice-agents/helloWorld.ts and configureSession.ts.
const agentAnd = (options: string) => `import { RealtimeAgent, RealtimeSession } from '@openai/agents/realtime';

const agent = new RealtimeAgent({
  name: 'Greeter',
  instructions: 'Greet the user with cheer and answer questions.',
});

export async function start(apiKey: string) {
  const session = new RealtimeSession(agent${options});
  await session.connect({ apiKey });
}
`;
const sites = (src: string) => findSites(src, 'typescript', 'voice.ts').sites;

test("a RealtimeSession's connect is a row with the session's model and the agent's instructions", () => {
  const got = sites(agentAnd(`, {
    model: 'gpt-realtime',
    config: { audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } },
  }`));
  assert.equal(got.length, 1);
  const s = got[0];
  assert.equal(s.sdk, 'OpenAI Realtime');
  assert.equal(s.model?.id, 'gpt-realtime');
  assert.deepEqual(s.parts.map((p) => (p.resolved ? p.text : `<${p.label}>`)), ['Greet the user with cheer and answer questions.', `<${SESSION}>`]);
  assert.equal(s.limitParam, 'config: { providerData: { max_output_tokens: {n} } }');
});

test("no model named: the SDK's default, named and not priced", () => {
  const s = sites(agentAnd(''))[0];
  assert.equal(s?.model, undefined);
  assert.match(s?.modelUnresolved ?? '', /DEFAULT_OPENAI_REALTIME_MODEL \("gpt-realtime-2\.1"/);
});

test('a connect of something else is no row', () => {
  const src = `import { RealtimeAgent } from '@openai/agents/realtime';
import { Client } from 'pg';

const db = new Client();
await db.connect();
`;
  assert.equal(sites(src).length, 0);
});

test("a session on the SDK's scripted test transport sends nothing: no row", () => {
  const src = `import { RealtimeAgent, RealtimeSession } from '@openai/agents/realtime';
import { ScriptedRealtimeTransport } from '@openai/agents/realtime/testing';

const transport = new ScriptedRealtimeTransport();
const session = new RealtimeSession(new RealtimeAgent({ name: 'Assistant' }), { transport });
await session.connect({ apiKey: 'test' });
`;
  assert.equal(sites(src).length, 0);
});

// The AI SDK's agent class: `new ToolLoopAgent({ model, instructions, tools, stopWhen, maxOutputTokens })` (ai 6 on) runs with `agent.generate({ prompt })` / `agent.stream({ prompt })`
// or, in a route, `createAgentUIStreamResponse({ agent, … })`. Data only, as the other call-shape tables.
import type { CallShape } from './call-shape-types';

/** Where the class and its default are stated (vercel/ai ed857f50, ai 7.0.77). */
export const AI_AGENT_SOURCE = 'https://github.com/vercel/ai (ed857f50, ai 7.0.77: packages/ai/src/agent/tool-loop-agent.ts ToolLoopAgent.generate / stream call generateText / streamText with the settings and `stopWhen: this.settings.stopWhen ?? isStepCount(20)`; agent/index.ts exports it also as Experimental_Agent; tool-loop-agent-settings.ts: model, instructions, tools, stopWhen and the CallSettings maxOutputTokens)';

// Not `Experimental_Agent`: in ai 5 it is another class, whose default is generateText's one step (ai@5.0.244 agent.ts
// `@default stepCountIs(1)`, `generateText({ ...this.settings, ...options })`); in ai 6 on, ToolLoopAgent's alias.
const CLASSES = ['ToolLoopAgent'];
// The file imports from 'ai' and names the class (its word gates the word filter).
const AI = { paths: ['ai'], word: 'ToolLoopAgent' };

export const AI_AGENT_SHAPES: CallShape[] = [
  // Made here and run elsewhere (another module's route, `createAgentUIStreamResponse({ agent })`): the row is where
  // it is made, priced per model call, as a Mastra agent's.
  ...CLASSES.map((cls): CallShape => ({
    id: `vercel.agent.${cls}`, sdk: 'Vercel AI SDK', anchor: [cls, '('], langs: ['javascript'], imports: AI, kind: 'construction', runtimeRequest: true,
    turnInput: 'the conversation (sent by the agent on each model call)',
    // Each step is a generateText / streamText call: no batch API takes them.
    batchable: false, limitParam: 'maxOutputTokens: {n} to the agent', source: AI_AGENT_SOURCE,
  })),
  // `agent.generate(…)` / `agent.stream(…)` on an agent of this file takes the construction's place.
  ...['generate', 'stream'].map((m): CallShape => ({
    id: `vercel.agent.${m}`, sdk: 'Vercel AI SDK', anchor: [m, '('], langs: ['javascript'], imports: AI,
    via: { from: 'receiver', anchors: CLASSES.map((cls) => ({ anchor: [cls, '('] })), chains: true },
    batchable: false, limitParam: 'maxOutputTokens: {n} to the agent', source: AI_AGENT_SOURCE,
  })),
];

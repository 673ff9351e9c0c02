// src/core/scan/llamaindex-chat-agents.ts: before llama-index-core 0.13.0, `index.as_chat_engine()` in chat_mode BEST
// (the default), "openai" or "react" is an agent over the index's query engine, so `chat(q)` is a run: OpenAIAgent up to
// max_function_calls (5) + 2 LLM calls, ReActAgent max_iterations / 2 (5: the count is of reasoning steps, two per tool
// step; agent/react/step.py _get_response `== max_iterations`). The form is ryanmas13/CategoryManagementBot
// streamlit_app.py's (`Settings.llm = OpenAI(model=…)`, `index.as_chat_engine(chat_mode="openai", verbose=True)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import type { WorkspaceFiles } from '../src/core/resolve/files';

const HEAD = 'from llama_index.core import Settings, VectorStoreIndex\nfrom llama_index.llms.openai import OpenAI\nfrom llama_index.llms.anthropic import Anthropic\n';

function send(code: string, manifest?: [string, string]) {
  const files: Record<string, string> = manifest ? { [`/app/${manifest[0]}`]: manifest[1] } : {};
  const ws: WorkspaceFiles = {
    read: (p) => files[p],
    list: (d) => (d === '/app' ? Object.keys(files).map((p) => p.slice(5)) : undefined),
  };
  const sites = findSites(HEAD + code, 'python', '/app/app.py', undefined, new ValueIndex(ws)).sites;
  return sites.find((s) => s.shape.startsWith('llamaindex.engine.'))!;
}

const OPENAI_MODE = 'Settings.llm = OpenAI(model="gpt-4o-mini", temperature=0)\nengine = index.as_chat_engine(chat_mode="openai", verbose=True)\nresponse = engine.chat(prompt)\n';
const PIN = ['requirements.txt', 'llama-index==0.12.8\nstreamlit\n'] as [string, string];

test('chat_mode="openai" with llama-index 0.12 pinned: an OpenAIAgent run of up to 7 LLM calls', () => {
  const r = send(OPENAI_MODE, PIN);
  assert.equal(r.model?.id, 'gpt-4o-mini');
  assert.equal(r.run?.turns, 7);
  assert.equal(r.run?.turnsSource, 'framework-default');
  assert.match(r.run!.turnsFrom, /^OpenAIAgent of chat_mode="openai" in llama-index 0\.12\.8 \(requirements\.txt\)/);
});

test('max_function_calls / max_iterations given to the engine reach the agent; the core pin counts; ChatMode.X and the default BEST', () => {
  const core = ['uv.lock', '[[package]]\nname = "llama-index-core"\nversion = "0.10.51"\n'] as [string, string];
  assert.equal(send('Settings.llm = OpenAI(model="gpt-4o")\nengine = index.as_chat_engine(chat_mode="openai", max_function_calls=2)\nengine.chat(q)\n', core).run?.turns, 4);
  const react = send('llm = Anthropic(model="claude-3-5-sonnet-20241022")\nengine = index.as_chat_engine(chat_mode=ChatMode.REACT, llm=llm, max_iterations=6)\nengine.chat(q)\n', core);
  assert.equal(react.run?.turns, 3, 'max_iterations 6: six reasoning steps are three tool steps, three LLM calls');
  assert.equal(react.run?.turnsSource, 'code');
  // An odd max_iterations is never met by tool steps (two reasoning steps each): the library sets no bound.
  const odd = send('llm = Anthropic(model="claude-3-5-sonnet-20241022")\nengine = index.as_chat_engine(chat_mode=ChatMode.REACT, llm=llm, max_iterations=7)\nengine.chat(q)\n', core);
  assert.equal(odd.run?.turns, undefined);
  assert.equal(odd.run?.turnsSource, 'setting');
  assert.match(odd.run!.turnsFrom, /never reached by tool steps alone/);
  // BEST picks OpenAIAgent for an OpenAI LLM, ReActAgent for another.
  assert.equal(send('llm = OpenAI(model="gpt-4o")\nengine = index.as_chat_engine(llm=llm)\nengine.chat(q)\n', PIN).run?.turns, 7);
  assert.equal(send('llm = Anthropic(model="claude-3-5-sonnet-20241022")\nengine = index.as_chat_engine(chat_mode="best", llm=llm)\nengine.chat(q)\n', PIN).run?.turns, 5);
});

test('no agent: 0.13 or later, no exact pin, a chat engine mode, a mode read at run time', () => {
  assert.equal(send(OPENAI_MODE, ['requirements.txt', 'llama-index==0.13.0\n']).run, undefined, '0.13.0 removed the agent chat modes (#19529)');
  assert.equal(send(OPENAI_MODE, ['requirements.txt', 'llama-index\n']).run, undefined);
  assert.equal(send(OPENAI_MODE, ['requirements.txt', 'llama-index==0.9.48\n']).run, undefined, 'before llama-index-core: not read');
  assert.equal(send(OPENAI_MODE).run, undefined);
  assert.equal(send('Settings.llm = OpenAI(model="gpt-4o")\nengine = index.as_chat_engine(chat_mode="condense_question")\nengine.chat(q)\n', PIN).run, undefined);
  assert.equal(send('Settings.llm = OpenAI(model="gpt-4o")\nengine = index.as_chat_engine(chat_mode=mode)\nengine.chat(q)\n', PIN).run, undefined);
  assert.equal(send('Settings.llm = OpenAI(model="gpt-4o")\nengine = index.as_query_engine()\nengine.query(q)\n', PIN).run, undefined);
});

test('legacy OpenAIAgent / ReActAgent / FunctionCallingAgent.from_tools(…) then .chat / .query: a row, a run when given tools', () => {
  // Shriansh16/Llamaindex 05_basic_Agent.py's form: `ReActAgent.from_tools([multiply_tool, …], llm=llm, verbose=True)`.
  const head = 'from llama_index.core.agent import ReActAgent, FunctionCallingAgent\nfrom llama_index.agent.openai import OpenAIAgent\n';
  const react = send(`${head}llm = OpenAI(model="gpt-4o-mini")\nagent = ReActAgent.from_tools([multiply_tool, add_tool], llm=llm, verbose=True)\nresponse = agent.chat("What is 20+(2*4)?")\n`);
  assert.equal(react.shape, 'llamaindex.engine.chat');
  assert.equal(react.model?.id, 'gpt-4o-mini');
  assert.equal(react.run?.turns, 5, 'max_iterations 10 (default): at most 5 LLM calls, then "Reached max iterations."');
  assert.ok(react.parts.some((p) => p.resolved && p.text === 'What is 20+(2*4)?'));
  const openai = send(`${head}agent = OpenAIAgent.from_tools(tools=[search], llm=OpenAI(model="gpt-4o"), system_prompt="You answer from the notes.", max_function_calls=3)\nagent.chat(q)\n`);
  assert.equal(openai.run?.turns, 5, 'max_function_calls 3 + 2');
  assert.equal(openai.run?.turnsSource, 'code');
  assert.ok(openai.parts.some((p) => p.resolved && p.text === 'You answer from the notes.'));
  assert.equal(send(`${head}agent = FunctionCallingAgent.from_tools([add], llm=OpenAI(model="gpt-4o"))\nagent.query(q)\n`).run?.turns, 6, 'stops at n_function_calls >= 5');
  // No tools: the first answer is the last.
  assert.equal(send(`${head}agent = OpenAIAgent.from_tools([], llm=OpenAI(model="gpt-4o"))\nagent.chat(q)\n`).run, undefined);
  assert.equal(send(`${head}agent = OpenAIAgent.from_tools(llm=OpenAI(model="gpt-4o"))\nagent.chat(q)\n`).run, undefined);
});

// src/core/scan/llamaindex-agents.ts: a LlamaIndex workflow agent's run (`await agent.run(user_msg=…)`) is a row priced
// with the agent's LLM and system prompt, run up to max_iterations (20 by default) when the agent has tools. The forms
// are those of run-llama/python-agents-tutorial, systemnerd/LearnAI and mem0's examples/multiagents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const sites = (text: string) => findSites(text, 'python', '/app/agent.py').sites;
const HEAD = 'from llama_index.llms.openai import OpenAI\nfrom llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent\n';

test('AgentWorkflow.from_tools_or_functions: the LLM bound to a name, the system prompt first, 20 LLM calls a run', () => {
  const s = sites(`${HEAD}llm = OpenAI(model="gpt-4o-mini")
workflow = AgentWorkflow.from_tools_or_functions(
    [multiply, add],
    llm=llm,
    system_prompt="You are an agent that can do maths."
)
async def main():
    response = await workflow.run(user_msg="What is 20+(2*4)?")
`);
  assert.deepEqual(s.map((x) => x.shape), ['llamaindex.agent.run'], 'the OpenAI(…) the agent runs is no row of its own');
  const r = s[0];
  assert.equal(r.model?.id, 'gpt-4o-mini');
  assert.equal(r.maxOutput, undefined);
  assert.deepEqual(r.parts.filter((p) => p.resolved).map((p) => p.text), ['You are an agent that can do maths.', 'What is 20+(2*4)?']);
  assert.equal(r.run?.turns, 20);
  assert.equal(r.run?.turnsSource, 'framework-default');
  assert.ok(r.uses?.includes('tools'));
});

test('FunctionAgent with an inline LLM and its limit; run(max_iterations=5) states the turns', () => {
  const r = sites(`${HEAD}agent = FunctionAgent(
    tools=[multiply, search_documents],
    llm=OpenAI(model="gpt-4.1", max_tokens=300),
    system_prompt="You help.",
)
async def main():
    response = await agent.run("whats 3 * 4?", max_iterations=5)
`)[0];
  assert.equal(r.model?.id, 'gpt-4.1');
  assert.equal(r.maxOutput?.value, 300);
  assert.equal(r.run?.turns, 5);
  assert.equal(r.run?.turnsSource, 'code');
  assert.ok(r.parts.some((p) => p.resolved && p.text === 'whats 3 * 4?'));
});

test('an agent with no tools answers in one call', () => {
  const r = sites(`${HEAD}agent = AgentWorkflow.from_tools_or_functions(tools_or_functions=[], llm=OpenAI(model="gpt-4.1-mini"), system_prompt="Tell a joke.")
handler = agent.run(user_msg="one about llamas")
`)[0];
  assert.equal(r.model?.id, 'gpt-4.1-mini');
  assert.equal(r.run, undefined);
});

test('a multi-agent AgentWorkflow: the root agent\'s LLM and system prompt, on self, with the handoff tool', () => {
  const s = sites(`${HEAD}class Tutor:
    def __init__(self):
        self.llm = OpenAI(model="gpt-4.1-nano", temperature=0.2)
        self.practice_agent = FunctionAgent(name="PracticeAgent", description="d", system_prompt="You set exercises.", llm=self.llm)
        self.tutor_agent = FunctionAgent(name="TutorAgent", description="t", system_prompt="You teach.", llm=self.llm)
        self.workflow = AgentWorkflow(agents=[self.practice_agent, self.tutor_agent], root_agent=self.tutor_agent.name)

    async def ask(self, request):
        return await self.workflow.run(user_msg=request)
`);
  assert.deepEqual(s.map((x) => x.shape), ['llamaindex.agent.run']);
  const r = s[0];
  assert.equal(r.model?.id, 'gpt-4.1-nano');
  assert.ok(r.parts.some((p) => p.resolved && p.text === 'You teach.'));
  assert.ok(!r.parts.some((p) => p.text === 'You set exercises.'));
  assert.equal(r.run?.turns, 20);
});

test('root_agent by its name string; an agent with no llm uses Settings.llm', () => {
  const s = sites(`${HEAD}a = FunctionAgent(name="A", description="a", system_prompt="First.", tools=[f])
b = FunctionAgent(name="B", description="b", system_prompt="Second.", tools=[g])
wf = AgentWorkflow(agents=[a, b], root_agent="B")
out = wf.run(user_msg="go")
`);
  const r = s[0];
  assert.ok(r.parts.some((p) => p.resolved && p.text === 'Second.'));
  assert.equal(r.model, undefined);
  assert.match(r.modelUnresolved ?? '', /Settings\.llm/);
});

test('run( on what is no agent is no row', () => {
  const s = sites(`${HEAD}from llama_index.core.ingestion import IngestionPipeline
pipeline = IngestionPipeline(transformations=[splitter])
nodes = pipeline.run(documents=docs)
asyncio.run(main())
`);
  assert.deepEqual(s, []);
});

test('a run given a Context names the earlier runs\' conversation it sends', () => {
  const r = sites(`${HEAD}wf = AgentWorkflow.from_tools_or_functions([set_name], llm=OpenAI(model="gpt-4o-mini"), system_prompt="Set names.")
async def main():
    ctx = Context(wf)
    await wf.run(user_msg="My name is Laurie", ctx=ctx)
`)[0];
  assert.ok(r.parts.some((p) => !p.resolved && p.label === 'the conversation of earlier runs kept in ctx= (run time)'));
});

test('a CodeActAgent runs the code it writes and asks again, with no tools too', () => {
  const r = sites(`from llama_index.llms.openai import OpenAI
from llama_index.core.agent.workflow import CodeActAgent
agent = CodeActAgent(code_execute_fn=executor.execute, llm=OpenAI(model="gpt-4.1"))
async def main():
    await agent.run("Compute the 10th Fibonacci number")
`)[0];
  assert.equal(r.model?.id, 'gpt-4.1');
  assert.equal(r.run?.turns, 20);
});

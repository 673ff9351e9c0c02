// src/core/scan/crewai-tasks.ts, crewai-served.ts: a CrewAI Task is a row priced with its agent's model, run up to the
// agent's max_iter when it has tools; the LLM(…) its agent runs is no row of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const sites = (text: string) => findSites(text, 'python', '/app/crew.py').sites;

const CREW_BASE = `from crewai import Agent, Crew, Task, LLM
from crewai.project import CrewBase, agent, task

@CrewBase
class ReviewCrew:
    llm = LLM(model="gpt-4o", max_tokens=500)

    @agent
    def reviewer(self) -> Agent:
        return Agent(role="Code reviewer", goal="Find bugs.", backstory="You review Python.", llm=self.llm, tools=[lint_tool], max_iter=4)

    @task
    def review(self) -> Task:
        return Task(description="Review the diff.", expected_output="A list of bugs.", agent=self.reviewer())
`;

test('a @CrewBase task: its agent method, the class LLM and the run up to max_iter', () => {
  const s = sites(CREW_BASE);
  assert.deepEqual(s.map((x) => x.shape), ['crewai.Task'], 'the class LLM is priced in the task row only');
  const t = s[0];
  assert.equal(t.model?.id, 'gpt-4o');
  assert.equal(t.maxOutput?.value, 500);
  assert.equal(t.run?.turns, 4);
  assert.equal(t.run?.turnsSource, 'code');
  assert.ok(t.parts.some((p) => p.resolved && p.text.startsWith('You are Code reviewer. You review Python.\nYour personal goal is: Find bugs.')));
});

test('an agent without tools runs the task once; with tools and no max_iter, up to CrewAI\'s 25', () => {
  const once = sites('from crewai import Agent, Task\na = Agent(role="r", goal="g", backstory="b", llm="gpt-4o-mini")\nt = Task(description="d", expected_output="e", agent=a)\n')[0];
  assert.equal(once.model?.id, 'gpt-4o-mini');
  assert.equal(once.run, undefined);
  const loop = sites('from crewai import Agent, Task\na = Agent(role="r", goal="g", backstory="b", llm="gpt-4o-mini", tools=[search])\nt = Task(description="d", expected_output="e", agent=a)\n')[0];
  assert.equal(loop.run?.turns, 25);
  assert.equal(loop.run?.turnsSource, 'framework-default');
});

test('an agent with no llm= names CrewAI\'s default; an agent the code does not make names what it is', () => {
  const d = sites('from crewai import Agent, Task\na = Agent(role="r", goal="g", backstory="b")\nt = Task(description="d", expected_output="e", agent=a)\n')[0];
  assert.equal(d.model, undefined);
  assert.match(d.modelUnresolved ?? '', /MODEL.*gpt-4\.1-mini/);
  const p = sites('from crewai import Task\ndef make(agent):\n    return Task(description="d", expected_output="e", agent=agent)\n')[0];
  assert.equal(p.model, undefined);
  assert.equal(p.modelUnresolved, 'the model of agent');
});

test('an LLM given to an agent that no task uses keeps its row', () => {
  const s = sites('from crewai import Agent, LLM\nllm = LLM(model="gpt-4o")\na = Agent(role="r", goal="g", backstory="b", llm=llm)\n');
  assert.deepEqual(s.map((x) => x.shape), ['crewai.LLM']);
});

// A realtime session's instructions and tools are input of each response (scan/realtime-agents.ts): the starting
// RealtimeAgent of an openai-agents RealtimeRunner, and openai-python's `connection.session.update(session={…})`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const TOOL = `from agents import function_tool
from agents.realtime import RealtimeAgent, RealtimeRunner


@function_tool
def book_table(time: str) -> str:
    """Book a table at the given time."""
    return "booked"

`;
const SESSION = 'the realtime session (its conversation, audio and settings sent at run time)';
const texts = (src: string) => findSites(src, 'python', 'rt.py').sites.map((s) => ({ parts: s.parts.map((p) => (p.resolved ? p.text : `<${p.label}>`)), tools: !!s.tools }));

test('the starting agent a name holds gives its instructions and tools; the conversation stays run time', () => {
  const src = `${TOOL}host = RealtimeAgent(name="Host", instructions="Seat guests and take bookings.", tools=[book_table])


async def main():
    runner = RealtimeRunner(starting_agent=host, config={"model_settings": {"model_name": "gpt-realtime"}})
    async with await runner.run() as session:
        await session.send_message("Hi")
`;
  assert.deepEqual(texts(src), [{ parts: ['Seat guests and take bookings.', `<${SESSION}>`], tools: true }]);
});

test('an agent made inline is read once, by the runner key walk', () => {
  const src = `${TOOL}async def main():
    runner = RealtimeRunner(RealtimeAgent(name="Host", instructions="Seat guests."))
    async with await runner.run() as session:
        await session.send_message("Hi")
`;
  assert.deepEqual(texts(src)[0].parts, ['Seat guests.']);
});

test('a name bound to something else is not followed', () => {
  const src = `${TOOL}host = make_agent()


async def main():
    runner = RealtimeRunner(host)
    async with await runner.run() as session:
        await session.send_message("Hi")
`;
  assert.deepEqual(texts(src)[0].parts, [`<${SESSION}>`]);
});

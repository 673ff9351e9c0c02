// A growing conversation cannot outgrow the model's context window: the API refuses a longer request, so no turn of a
// run is priced above what the window leaves beside the answer. Uncapped, a 200-turn loop on gpt-4o-mini priced its
// last turn at 800k input tokens (six windows); openai-agents voice/streamed my_workflow.py:78 priced a 1.16M-token
// last turn ($79) on a 128k model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { rowOf } from '../src/core/report/report';
import { runHoverMarkdown } from '../src/core/report/run-format';

const AT = { now: '2026-12-01T10:00:00Z' };
const loop = (turns: number) => `from openai import OpenAI
client = OpenAI()
messages = [{"role": "system", "content": "You are a patient tutor. Answer the student's questions one at a time."}]
for i in range(${turns}):
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=4000)
    messages.append({"role": "assistant", "content": resp.choices[0].message.content})
`;

test('a run whose history outgrows the context window is priced at the window from the turn it fills', () => {
  const table = buildTable(loadShipped().sheets);
  const window = lookupModel(table, 'gpt-4o-mini', 'openai')!.context!;
  assert.ok(window > 0 && window < 200 * 4000, `gpt-4o-mini's window ${window} is below 200 answers of 4,000 tokens`);
  const [c] = analyze(loop(200), 'python', 'tutor.py', table, AT).calls;
  const r = c.run!;
  assert.equal(r.turns, 200);
  assert.equal(r.growsHistory, true);
  assert.ok(r.contextFull, 'the run says it fills the window');
  assert.equal(r.contextFull.window, window);
  // Turn k re-sends k-1 answers of 4,000 tokens: the window is full from the first turn that would pass it.
  const first = r.inputTokensFirstTurn;
  assert.equal(r.contextFull.fromTurn, Math.floor((window - 4000 - first) / 4000) + 2);
  for (const t of r.perTurn) assert.ok(t.inputTokens + 4000 <= window, `turn ${t.turn}: ${t.inputTokens} + 4000 > ${window}`);
  assert.equal(r.inputTokensLastTurn, window - 4000);
  assert.equal(r.perTurn[r.contextFull.fromTurn - 2].inputTokens, first + (r.contextFull.fromTurn - 2) * 4000, 'the turn before grows as before');
  assert.ok(r.totalUsdMax >= r.totalUsdExpected);
  assert.deepEqual(rowOf('tutor.py', c).run!.contextFull, r.contextFull);
  assert.match(runHoverMarkdown(r, true), new RegExp(`from turn ${r.contextFull.fromTurn} the conversation fills the model's [\\d,.k]+-token context window`));
});

test('a run that stays inside the window is priced as before and says nothing of it', () => {
  const table = buildTable(loadShipped().sheets);
  const [c] = analyze(loop(5), 'python', 'tutor.py', table, AT).calls;
  const r = c.run!;
  assert.equal(r.contextFull, undefined);
  assert.equal(r.inputTokensLastTurn, r.inputTokensFirstTurn + 4 * 4000);
  assert.doesNotMatch(runHoverMarkdown(r, true), /context window/);
});

// A loop that cuts the conversation to its last N messages re-sends at most N earlier ones (scan/history-trim.ts).
const chat = (cut: string, js = false) => js
  ? `import OpenAI from "openai";
const client = new OpenAI();
let history = [{ role: "system", content: "You are a patient tutor." }];
for (let i = 0; i < 50; i++) {
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: history, max_tokens: 500 });
  history.push({ role: "assistant", content: r.choices[0].message.content });
  ${cut}
}
`
  : `from openai import OpenAI
client = OpenAI()
history = [{"role": "system", "content": "You are a patient tutor."}]
for i in range(50):
    r = client.chat.completions.create(model="gpt-4o-mini", messages=history, max_tokens=500)
    history.append({"role": "assistant", "content": r.choices[0].message.content})
    ${cut}
`;

test('a conversation cut to its last N messages stops growing at N answers', () => {
  const table = buildTable(loadShipped().sheets);
  const cases: [string, boolean, number | undefined][] = [
    ['history = history[-6:]', false, 6],
    ['history = history[:1] + history[-6:]', false, 7],
    ['history = [history[0]] + history[-4:]', false, 5],
    ['history[:] = history[-8:]', false, 8],
    ['del history[1:-10]', false, 11],
    ['while len(history) > 12:\n        history.pop(0)', false, 12],
    ['history = history.slice(-6);', true, 6],
    ['while (history.length > 10) history.shift();', true, 10],
    // One message dropped a turn by an `if` is outgrown by a loop that adds one: a test, not a bound.
    ['if len(history) > 12:\n        history.pop(0)', false, undefined],
    // A slice sent elsewhere is no cut of the conversation.
    ['print(history[-6:])', false, undefined],
    ['history = history[2:]', false, undefined],
  ];
  for (const [cut, js, kept] of cases) {
    const [c] = analyze(chat(cut, js), js ? 'typescript' : 'python', js ? 'tutor.ts' : 'tutor.py', table, AT).calls;
    const r = c.run!;
    assert.equal(r.growsHistory, true, cut);
    assert.equal(r.keepsMessages, kept, cut);
    const grown = r.inputTokensLastTurn - r.inputTokensFirstTurn;
    if (kept === undefined) assert.equal(grown, 49 * 500, `${cut}: every answer stays`);
    else {
      assert.equal(grown, kept * 500, `${cut}: at most ${kept} answers of 500 tokens stay`);
      assert.match(runHoverMarkdown(r, true), new RegExp(`cut to its last ${kept} messages`), cut);
      assert.equal(rowOf('tutor', c).run!.keepsMessages, kept);
    }
  }
});

// A count the code states is priced whole (cost/run.ts): `range(5000)` was priced as 1,000 turns, a fifth of its cost.
test('a loop of thousands of turns is priced for every turn, past the 1,000 a setting may ask for', () => {
  const table = buildTable(loadShipped().sheets);
  const flat = analyze(`from openai import OpenAI
client = OpenAI()
for i in range(5000):
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hi"}], max_tokens=50)
`, 'python', 'flat.py', table, AT).calls[0].run!;
  assert.equal(flat.turns, 5000);
  assert.equal(flat.perTurn.length, 100, 'the table keeps its first 100 turns');
  assert.ok(Math.abs(flat.totalUsdMax - 5000 * flat.perTurn[0].usdMax) < 1e-9, `${flat.totalUsdMax}`);
  // A growing conversation fills the window, then every turn costs the same: turns 101..3000 at turn 100's price.
  const full = analyze(loop(100), 'python', 'tutor.py', table, AT).calls[0].run!;
  const long = analyze(loop(3000), 'python', 'tutor.py', table, AT).calls[0].run!;
  assert.ok(full.contextFull && full.contextFull.fromTurn < 100);
  assert.equal(long.turns, 3000);
  const want = full.totalUsdMax + 2900 * full.perTurn[99].usdMax;
  assert.ok(Math.abs(long.totalUsdMax - want) < 1e-6 * want, `${long.totalUsdMax} vs ${want}`);
  assert.ok(long.cachedTotalUsdMax <= long.totalUsdMax);
  assert.match(runHoverMarkdown(long, true), /3,000 turns|3000 turns/);
});

// An OpenAI-compatible client pointed at the user's own server (price/hosts.ts localServer, analyze.ts ownServer):
// not priced by a vendor's row of the model's name, one "no per-token price" note, no advice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = '2026-12-01T10:00:00Z';

const py = (url: string, model: string) => `from openai import OpenAI
client = OpenAI(base_url="${url}", api_key="unused")
def tag(note):
    return client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": note}])
`;

test('a local base URL (LM Studio, Ollama, vLLM, the Docker host): no price, one note, no advice', () => {
  for (const [url, model, who] of [
    ['http://127.0.0.1:1234/v1', 'gpt-4o-mini', 'the local server at 127.0.0.1'],
    ['http://localhost:11434/v1', 'llama3.2', 'the local server at localhost'],
    ['http://host.docker.internal:8000/v1', 'Qwen/Qwen2.5-7B-Instruct', 'the local server at host.docker.internal'],
    ['http://ollama:11434/v1', 'llama3.2', 'Ollama (port 11434)'],
  ]) {
    const [call] = analyze(py(url, model), 'python', 'tag.py', table(), { now: AT }).calls;
    assert.equal(call.estimate.modelKnown, false, url);
    assert.deepEqual(call.suggestions, [], url);
    assert.deepEqual((call.warnings ?? []).map((w) => w.text), [`"${model}" is run by ${who}: no per-token price`], url);
  }
});

test('a host that is not local keeps its price and advice', () => {
  const [call] = analyze(py('https://gateway.example.com/v1', 'gpt-4o-mini'), 'python', 'tag.py', table(), { now: AT }).calls;
  assert.equal(call.estimate.modelKnown, true);
  assert.ok(call.suggestions.length > 0);
});

// A pass-through helper that asks for a JSON reply (held58 P1: an openai-php provider class whose chat($systemPrompt,
// $userPrompt) sends response_format json_object; a caller asks for "Word count: …" up to 2,000 words): the lens
// advised "Set max_tokens to 600", a cap that cuts the longer replies into JSON that does not parse. With the whole
// prompt known only at run time and a JSON reply, the advice names the limit and proposes no number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = { now: '2026-12-06T10:00:00Z' };
const limitOf = (src: string, lang: string, file: string) => analyze(src, lang, file, table(), AT).calls.map((c) => c.suggestions.find((s) => s.kind === 'limit-output'));

const PHP = `<?php
namespace App\\Services\\Writing;

use OpenAI\\Client;

final class DraftProvider
{
    public function __construct(protected Client $client, protected string $model = 'gpt-4o') {}

    public function complete(string $instructions, string $request): array
    {
        $res = $this->client->chat()->create([
            'model' => $this->model,
            'messages' => [
                ['role' => 'system', 'content' => $instructions],
                ['role' => 'user', 'content' => $request],
            ],
            'response_format' => ['type' => 'json_object'],
        ]);
        return json_decode($res->choices[0]->message->content, true);
    }
}
`;

test('PHP: a JSON reply whose prompt is all the helper\'s parameters gets the limit named and no number', () => {
  const [s] = limitOf(PHP, 'php', 'app/Services/Writing/DraftProvider.php');
  assert.ok(s, 'limit advice');
  assert.equal(s!.limit, undefined);
  assert.equal(s!.saveUsd, 0);
  assert.match(s!.text, /^Set max_tokens to cap the worst case — the reply is JSON/);
  assert.match(s!.text, /no number is proposed/);
});

const PY = (extra: string, system: string) => `from openai import OpenAI
client = OpenAI()

def ask(system, user):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": ${system}}, {"role": "user", "content": user}]${extra})
`;

test('Python: the same helper without a JSON reply, or with prompt text of its own, keeps the proposed number', () => {
  const [json] = limitOf(PY(', response_format={"type": "json_object"}', 'system'), 'python', 'ask.py');
  assert.equal(json?.limit, undefined);
  assert.match(json!.text, /the reply is JSON/);
  const [plain] = limitOf(PY('', 'system'), 'python', 'ask.py');
  assert.equal(plain?.limit, 600);
  const [own] = limitOf(PY(', response_format={"type": "json_object"}', '"Classify the ticket. Reply with JSON {\\"label\\": ...}."'), 'python', 'ask.py');
  assert.equal(own?.limit, 600);
});

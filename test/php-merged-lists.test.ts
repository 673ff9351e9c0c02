// src/core/scan/php-merged-lists.ts and PHP message arrays in message-lists.ts / message-vars.ts: a keyed array kept in
// a variable is one message (its framing counted once), and a list joined with array_merge counts its literal lists'
// messages, naming the rest. The fixture php/merged_messages states the texts; here, the message counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const sites = (body: string) => findSites(`<?php\nclass A {\n  public function f($client, $history, $q) {\n${body}\n  }\n}\n`, 'php', '/ws/A.php').sites;
const SYS = `    $sys = ['role' => 'system', 'content' => 'Answer in French.'];\n`;
const CALL = (m: string) => `    return $client->chat()->create(['model' => 'gpt-4o-mini', 'max_tokens' => 50, 'messages' => ${m}]);`;

test('a keyed PHP array in a variable is one message, not a list of its pairs', () => {
  const [inline] = sites(SYS + CALL('[$sys]'));
  assert.equal(inline.messages, 1);
  const [listed] = sites(SYS + `    $m = [$sys];\n` + CALL('$m'));
  assert.equal(listed.messages, 1);
  assert.deepEqual(listed.parts.filter((p) => p.resolved).map((p) => p.text), ['Answer in French.']);
});

test('array_merge of literal lists and a history: the literal messages and the pushed one counted, the history named', () => {
  const [s] = sites(SYS + `    $m = array_merge([$sys], $history);\n    $m[] = ['role' => 'user', 'content' => $q];\n` + CALL('$m'));
  assert.equal(s.messages, 2);
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label), ['$history', '$q']);
});

test('array_merge of request maps is no message list', () => {
  const [s] = sites(`    $m = array_merge(['role' => 'user'], $history);\n` + CALL('$m'));
  assert.deepEqual(s.parts.filter((p) => !p.resolved).map((p) => p.label), ['$m']);
});

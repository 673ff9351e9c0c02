// A message's content parts kept in a list and added to it one by one are parts of one message, not messages: the
// per-message framing is counted once (held-out 38 C04, steinhaug/KISTA-AI, built its vision request this way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const one = (src: string, lang: string, file: string) => {
  const s = findSites(src, lang, file).sites;
  assert.equal(s.length, 1);
  return s[0];
};

test('Python: content parts appended to a list make one message', () => {
  const s = one('from openai import OpenAI\nclient = OpenAI()\ndef ask(url):\n    content = []\n    content.append({"type": "text", "text": "Count the jars."})\n    content.append({"type": "image_url", "image_url": {"url": url}})\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])\n', 'python', 'a.py');
  assert.equal(s.messages, 1);
  assert.ok(s.parts.some((p) => p.text === 'Count the jars.'));
});

test('PHP: $parts[] and $messages[] pushes, sent through a settings array set key by key, make one message', () => {
  const s = one("<?php\n$client = OpenAI::client($key);\n$parts = [];\n$parts[] = ['type' => 'text', 'text' => 'Count the jars.'];\n$parts[] = ['type' => 'image_url', 'image_url' => ['url' => $img]];\n$messages = [];\n$messages[] = ['role' => 'user', 'content' => $parts];\n$settings['model'] = 'gpt-4o';\n$settings['messages'] = $messages;\n$r = $client->chat()->create($settings);\n", 'php', 'a.php');
  assert.equal(s.messages, 1);
  assert.ok(s.parts.some((p) => p.label?.startsWith('image_url')), 'the image is named');
});

test('messages pushed to a list still count one each', () => {
  const s = one("<?php\n$client = OpenAI::client($key);\n$messages = [];\n$messages[] = ['role' => 'system', 'content' => 'Be brief.'];\n$messages[] = ['role' => 'user', 'content' => $q];\n$r = $client->chat()->create(['model' => 'gpt-4o', 'messages' => $messages]);\n", 'php', 'a.php');
  assert.equal(s.messages, 2);
});

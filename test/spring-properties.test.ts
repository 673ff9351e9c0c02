// Spring Boot configuration files (src/core/resolve/spring-properties.ts): the module's application.properties and
// application.yml in src/main/resources, relaxed keys, placeholders' defaults; only asked keys returned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { springProperties } from '../src/core/resolve/spring-properties';

function files(map: Record<string, string>): WorkspaceFiles {
  return {
    read: (p) => map[p],
    list: (dir) => {
      const names = Object.keys(map).filter((p) => p.startsWith(dir + '/') && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1));
      return names.length ? names : undefined;
    },
  } as WorkspaceFiles;
}

const PROPS = [
  'spring.ai.openai.api-key=${OPENAI_API_KEY}',
  '# spring.ai.openai.chat.options.model=gpt-4o',
  'spring.ai.openai.chat.options.model = ${CHAT_MODEL:gpt-4.1-mini}',
  'spring.ai.openai.chat.options.max-tokens: 300',
  'spring.ai.openai.chat.options.temperature=${TEMP}',
].join('\n');

test('properties: the module of a source file, relaxed keys, a placeholder default, comments skipped', () => {
  const fs = files({ '/app/svc/src/main/resources/application.properties': PROPS });
  const hits = springProperties(fs, '/app/svc/src/main/java/com/acme', (k) => k.startsWith('spring.ai.openai.chat.options.'));
  assert.deepEqual(hits.map((h) => [h.key, h.value]), [
    ['spring.ai.openai.chat.options.model', 'gpt-4.1-mini'],
    ['spring.ai.openai.chat.options.max-tokens', '300'],
  ]);
  const m = hits[0];
  // The default's own span: an edit there keeps the placeholder.
  assert.equal(PROPS.slice(m.start, m.end), 'gpt-4.1-mini');
  // The API key is never returned unless asked for, and a placeholder without a default has no value.
  assert.deepEqual(springProperties(fs, '/app/svc/src/main/java', (k) => k.endsWith('temperature')), []);
});

test('yaml: nested keys as dotted paths, the span of the scalar', () => {
  const yml = 'spring:\n  ai:\n    anthropic:\n      chat:\n        options:\n          model: claude-3-5-haiku-20241022\n          maxTokens: 512\n';
  const fs = files({ '/m/src/main/resources/application.yml': yml });
  const hits = springProperties(fs, '/m/src/main/kotlin/x', (k) => k.endsWith('.model') || k.endsWith('.maxtokens'));
  assert.deepEqual(hits.map((h) => [h.key, h.value]), [
    ['spring.ai.anthropic.chat.options.model', 'claude-3-5-haiku-20241022'],
    ['spring.ai.anthropic.chat.options.maxTokens', '512'],
  ]);
  assert.equal(yml.slice(hits[1].start, hits[1].end), '512');
});

test('no resources folder above the file: nothing; a broken yaml file: nothing, no throw', () => {
  assert.deepEqual(springProperties(files({ '/x/a.java': '' }), '/x', () => true), []);
  assert.deepEqual(springProperties(files({ '/m/src/main/resources/application.yml': 'a: [\n  b: {' }), '/m/src/main/java', () => true), []);
});

test('yaml: a quoted value spans its text, not its quotes (the switch-model fix edits that span)', () => {
  const YML = 'spring:\n  ai:\n    openai:\n      chat:\n        options:\n          model: "gpt-4o"\n          max-tokens: \'300\'\n';
  const fs = files({ '/app/src/main/resources/application.yml': YML });
  const hits = springProperties(fs, '/app/src/main/java', (k) => k.startsWith('spring.ai.openai.chat.options.'));
  assert.deepEqual(hits.map((h) => YML.slice(h.start, h.end)), ['gpt-4o', '300']);
});

test('only an application.properties.example (the real file git-ignored): its keys are read, the file named', () => {
  const ex = 'gpt.token=PUT_TOKEN_HERE\ngpt.url=https://api.openai.com/v1/chat/completions\n';
  const fs = files({ '/bot/src/main/resources/application.properties.example': ex });
  const hits = springProperties(fs, '/bot/src/main/java/a', (k) => k === 'gpt.url');
  assert.deepEqual(hits.map((h) => [h.file, h.value]), [['/bot/src/main/resources/application.properties.example', 'https://api.openai.com/v1/chat/completions']]);
  assert.equal(ex.slice(hits[0].start, hits[0].end), 'https://api.openai.com/v1/chat/completions');
});

test('a real application.properties beside the .example wins: the example copy is not read', () => {
  const fs = files({
    '/bot/src/main/resources/application.properties': 'gpt.url=https://llm.internal/v1/chat/completions\n',
    '/bot/src/main/resources/application.properties.example': 'gpt.url=https://api.openai.com/v1/chat/completions\n',
  });
  assert.deepEqual(springProperties(fs, '/bot/src/main/java', (k) => k === 'gpt.url').map((h) => h.value), ['https://llm.internal/v1/chat/completions']);
});

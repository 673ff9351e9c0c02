// Documented environment defaults (src/core/resolve/env-example.ts): `.env.example` / `.env.sample` / `.env.template`
// lines, nearest folder first; never `.env`; placeholders are no value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { envExample, valueIn } from '../src/core/resolve/env-example';

test('KEY=value forms: export, quotes, a trailing comment; the offset is the line start', () => {
  const text = '# models\nexport CHAT_MODEL="gpt-4.1-mini"\nLIMIT=800 # tokens\nQUOTED=\'a # b\'\n';
  assert.deepEqual(valueIn(text, 'CHAT_MODEL'), { offset: 9, value: 'gpt-4.1-mini' });
  assert.equal(valueIn(text, 'LIMIT')?.value, '800');
  assert.equal(valueIn(text, 'QUOTED')?.value, 'a # b');
  assert.equal(valueIn(text, 'CHAT'), undefined, 'a prefix of a key is not the key');
});

test('empty values and placeholders are no value', () => {
  for (const v of ['', '<your model>', 'your-model-here', 'changeme', 'xxxx', '...']) assert.equal(valueIn(`MODEL=${v}\n`, 'MODEL'), undefined, v);
});

test('the nearest documented file wins; .env is never asked for', () => {
  const asked: string[] = [];
  const texts: Record<string, string> = { '/p/.env.example': 'MODEL=gpt-4.1\n', '/p/app/.env.sample': 'MODEL=gpt-4.1-mini\n', '/p/app/.env': 'MODEL=gpt-4o\n' };
  const files: WorkspaceFiles = {
    read: (p) => (asked.push(p), texts[p]),
    list: (d) => {
      const names = Object.keys(texts).filter((p) => p.slice(0, p.lastIndexOf('/')) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
      return names.length ? names : undefined;
    },
  };
  assert.deepEqual(envExample(files, '/p/app', 'MODEL'), { file: '/p/app/.env.sample', offset: 0, value: 'gpt-4.1-mini' });
  assert.equal(envExample(files, '/p', 'MODEL')?.value, 'gpt-4.1');
  assert.equal(envExample(files, '/p', 'OTHER'), undefined);
  assert.ok(!asked.some((p) => p.endsWith('/.env')), 'never reads .env');
});

test("Symfony's .env.dist documents defaults; .env.local beside it is never asked for", () => {
  const asked: string[] = [];
  const texts: Record<string, string> = { '/s/.env.dist': 'OPENAI_MODEL=gpt-4.1-mini\n', '/s/.env.local': 'OPENAI_MODEL=gpt-4o\n' };
  const files: WorkspaceFiles = {
    read: (p) => (asked.push(p), texts[p]),
    list: (d) => (d === '/s' ? ['.env.dist', '.env.local'] : undefined),
  };
  assert.deepEqual(envExample(files, '/s', 'OPENAI_MODEL'), { file: '/s/.env.dist', offset: 0, value: 'gpt-4.1-mini' });
  assert.deepEqual(asked, ['/s/.env.dist']);
});

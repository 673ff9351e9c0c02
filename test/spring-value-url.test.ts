// A RestTemplate request to a URL held in a Spring @Value field, the key set only in application.properties.example
// (the fixture java/spring_value_url_example, in the form of s1zyy/telegram-gpt-bot OpenAi/OpenAiClient.java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

const file = path.join(FIXTURES, 'java', 'spring_value_url_example', 'src', 'main', 'java', 'demo', 'bot', 'AiClient.java');

test('the endpoint read from the .example copy is named so for the hover', () => {
  const [s] = findSites(fs.readFileSync(file, 'utf8'), 'java', file, undefined, diskIndex()).sites;
  assert.equal(s?.sdk, 'OpenAI HTTP');
  assert.equal(s.urlFrom, 'openai.endpoint in application.properties.example (an example copy: the real file is not in the workspace)');
});

test('without the workspace index the property is unknown: no call to a URL that cannot be read', () => {
  assert.deepEqual(findSites(fs.readFileSync(file, 'utf8'), 'java', file).sites, []);
});

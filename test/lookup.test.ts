// Names in scope (src/core/scan/lookup.ts): Spring `@Value("${key}")` with no default takes that one key from the
// module's application.properties / .yml, and nothing else of the file reaches the analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';
import { memFiles } from './helpers/mem-files';

const JAVA = `package demo;
public class A {
    @Value("\${ai.model}")
    private String model;
    public String run(String q) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage(q).build();
        return client.chat().completions().create(params).toString();
    }
}
`;

test('@Value("${key}") without a default: the properties value, its file and line; absent or ${ENV} alone: run time', () => {
  const file = '/m/src/main/java/demo/A.java';
  const run = (props: string) => findSites(JAVA, 'java', file, undefined, new ValueIndex(memFiles({ [file]: JAVA, '/m/src/main/resources/application.properties': props }))).sites[0];
  const s = run('ai.key=sk-x\nai.model=gpt-4.1-nano\n');
  assert.equal(s.model?.id, 'gpt-4.1-nano');
  assert.equal(s.model?.source?.what, 'ai.model in application.properties');
  assert.equal(s.model?.file, '/m/src/main/resources/application.properties', 'the switch-model fix edits the properties file');
  assert.equal(run('ai.model=${AI_MODEL:gpt-4o-mini}\n').model?.id, 'gpt-4o-mini');
  assert.equal(run('ai.model=${AI_MODEL}\n').model, undefined);
  assert.equal(run('other.model=gpt-4o\n').model, undefined);
});

test('the properties fixture’s analysis holds no other value of the file', () => {
  const file = path.join(FIXTURES, 'java', 'spring_value_props', 'src', 'main', 'java', 'demo', 'ask', 'Asker.java');
  const out = JSON.stringify(findSites(fs.readFileSync(file, 'utf8'), 'java', file, undefined, diskIndex()).sites);
  assert.ok(!out.includes('sk-placeholder-never-shown'));
});

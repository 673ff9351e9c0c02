// Names in scope (src/core/scan/lookup.ts): Spring `@Value("${key}")` takes that one key from the module's
// application.properties / .yml (a `${key:default}` its default only when the key is not set), and nothing else of the
// file reaches the analysis.
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

const JAVA_DEFAULT = JAVA.replace('${ai.model}', '${ai.model:gpt-4o}');
const KOTLIN_DEFAULT = `package demo
class A(private val client: OpenAIClient, @Value("\\\${ai.model:gpt-4o}") private val model: String) {
    fun run(q: String): String {
        val params = ChatCompletionCreateParams.builder().model(model).addUserMessage(q).build()
        return client.chat().completions().create(params).toString()
    }
}
`;

for (const [lang, src, file] of [['java', JAVA_DEFAULT, '/m/src/main/java/demo/A.java'], ['kotlin', KOTLIN_DEFAULT, '/m/src/main/kotlin/demo/A.kt']] as const) {
  test(`${lang} @Value("\${key:default}"): the key's value when the configuration sets it, the default only when it does not`, () => {
    const run = (config: Record<string, string>) => {
      const files = Object.fromEntries(Object.entries(config).map(([n, t]) => [`/m/src/main/resources/${n}`, t]));
      return findSites(src, lang, file, undefined, new ValueIndex(memFiles({ [file]: src, ...files }))).sites[0];
    };
    const set = run({ 'application.properties': 'ai.model=gpt-4.1-nano\n' });
    assert.equal(set.model?.id, 'gpt-4.1-nano');
    assert.equal(set.model?.source?.what, 'ai.model in application.properties');
    assert.equal(run({ 'application.yml': 'ai:\n  model: gpt-4.1-mini\n' }).model?.id, 'gpt-4.1-mini');
    assert.equal(run({ 'application.properties': 'ai.model=${AI_MODEL:o4-mini}\n' }).model?.id, 'o4-mini');
    // Set to an environment variable with no default: run time, not the annotation's default.
    assert.equal(run({ 'application.properties': 'ai.model=${AI_MODEL}\n' }).model, undefined);
    const unset = run({ 'application.properties': 'other.model=gpt-4.1\n' });
    assert.equal(unset.model?.id, 'gpt-4o');
    assert.equal(unset.model?.source?.what, 'default of property ai.model');
  });
}

test('a nested placeholder: @Value("${key:${ENV:d}}") and key=${A:${B:d}} in the configuration resolve in turn; ${A:${B}} is run time', () => {
  const file = '/m/src/main/java/demo/A.java';
  const run = (value: string, props: string) => {
    const src = JAVA.replace('${ai.model}', value);
    return findSites(src, 'java', file, undefined, new ValueIndex(memFiles({ [file]: src, '/m/src/main/resources/application.properties': props }))).sites[0];
  };
  // The annotation: the key first, then the inner placeholder's key, then its default.
  const nested = run('${ai.model:${AI_MODEL:gpt-4.1-mini}}', 'other=1\n');
  assert.equal(nested.model?.id, 'gpt-4.1-mini');
  assert.equal(nested.model?.source?.what, 'default of property AI_MODEL');
  assert.equal(run('${ai.model:${AI_MODEL:gpt-4.1-mini}}', 'ai.model=o4-mini\n').model?.id, 'o4-mini');
  assert.equal(run('${ai.model:${fallback.model:gpt-4.1-mini}}', 'fallback.model=gpt-4o\n').model?.id, 'gpt-4o');
  assert.equal(run('${ai.model:${AI_MODEL}}', 'other=1\n').model, undefined);
  // The configuration file: a nested default is the innermost one; never the placeholder text as a model id.
  const inFile = run('${ai.model}', 'ai.model=${CHAT_MODEL:${DEFAULT_MODEL:gpt-4.1-nano}}\n');
  assert.equal(inFile.model?.id, 'gpt-4.1-nano');
  assert.equal(run('${ai.model}', 'ai.model=${CHAT_MODEL:${DEFAULT_MODEL}}\n').model, undefined);
  assert.equal(run('${ai.model}', 'ai.model=${A}${B}\n').model, undefined);
});

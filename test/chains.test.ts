// Method chains (src/core/scan/chains.ts): a fluent request read back to its head, a model held by the type it is
// declared with, an AiServices service followed to its model, a builder's request passed by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const java = (body: string) => scan(`import dev.langchain4j.model.chat.ChatModel;\nclass A {\n${body}\n}\n`, 'java');

test('a fluent chain that does not start at prompt() sends nothing; one that does is one call on its sending line', () => {
  const text = [
    'import org.springframework.ai.chat.client.ChatClient;',
    'class B {',
    '  ChatClient chatClient;',
    '  String a(java.util.List<String> xs) { return xs.stream().map(String::trim).toString(); }',
    '  String b() {',
    '    return chatClient.prompt()',
    '        .user("Say hi")',
    '        .call()',
    '        .content();',
    '  }',
    '}',
  ].join('\n');
  const sites = scan(text, 'java');
  assert.equal(sites.length, 1);
  assert.equal(text.slice(0, sites[0].anchor.start).split('\n').length, 8);
  assert.deepEqual(sites[0].parts.filter((p) => p.resolved).map((p) => p.text), ['Say hi']);
  assert.match(sites[0].modelUnresolved ?? '', /^chatClient \(ChatClient made elsewhere/);
});

test('a receiver is a model made elsewhere only when declared with a model type (Java field, Kotlin parameter)', () => {
  assert.equal(java('  ChatModel model;\n  String f() { return model.chat("x"); }').length, 1);
  assert.equal(java('  Room model;\n  String f() { return model.chat("x"); }').length, 0);
  const kt = scan('import dev.langchain4j.model.chat.ChatModel\nclass K(private val model: ChatModel) {\n  fun f() = model.chat("hello")\n}\n', 'kotlin');
  assert.equal(kt.length, 1);
});

test('AiServices.create(I.class, model) is followed to the builder of model', () => {
  const sites = java([
    '  interface Bot { String chat(String m); }',
    '  String f() {',
    '    ChatModel m = OpenAiChatModel.builder().modelName("gpt-4o-mini").maxTokens(90).build();',
    '    Bot bot = AiServices.create(Bot.class, m);',
    '    return bot.chat("hello");',
    '  }',
  ].join('\n'));
  assert.equal(sites.length, 1);
  assert.equal(sites[0].model?.id, 'gpt-4o-mini');
  assert.equal(sites[0].maxOutput?.value, 90);
});

test('a model builder that no call sends is no call', () => {
  assert.equal(java('  ChatModel make() { return OpenAiChatModel.builder().modelName("gpt-4o").build(); }').length, 0);
});

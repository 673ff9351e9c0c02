// A hand-written agent loop on LangChain4j's ChatModel (runs.ts historyNames): `model.chat(history)` given the list
// alone inside a `for (…; i < maxSteps; …)` whose body adds the answer and the tool results to the list is a run that
// grows its conversation, its turns the field's value (set at run time). Own code in the form of held60 N1
// kspqw/langchain4j-nanobot AgentLoop.java (before: one call). A loop over items sending each one's text, never
// added to, stays one call per item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

const java = [
  'import dev.langchain4j.data.message.*;',
  'import dev.langchain4j.model.chat.ChatModel;',
  'import dev.langchain4j.model.openai.OpenAiChatModel;',
  'class Helper {',
  '  private final ChatModel model = OpenAiChatModel.builder().apiKey(System.getenv("OPENAI_API_KEY")).modelName("gpt-4o-mini").build();',
  '  private final int maxSteps;',
  '  Helper(int maxSteps) { this.maxSteps = maxSteps; }',
  '  String solve(List<ChatMessage> history) {',
  '    for (int step = 0; step < maxSteps; step++) {',
  '      ChatResponse answer = model.chat(history);',
  '      AiMessage reply = answer.aiMessage();',
  '      if (reply.hasToolExecutionRequests()) {',
  '        history.add(reply);',
  '        for (ToolExecutionRequest req : reply.toolExecutionRequests()) history.add(ToolExecutionResultMessage.from(req, runTool(req)));',
  '      } else return reply.text();',
  '    }',
  '    return "";',
  '  }',
  '  void label(List<String> notes) {',
  '    for (String note : notes) {',
  '      String tag = model.chat(note);',
  '      System.out.println(tag);',
  '    }',
  '  }',
  '}',
].join('\n');

test('a Java for-loop around model.chat(history) that adds to the list is a run with turns from the setting', () => {
  const calls = analyze(java, 'java', 'Helper.java', table).calls;
  const loop = calls.find((c) => c.line === 10);
  assert.ok(loop, calls.map((c) => c.line).join(','));
  assert.equal(loop!.run?.turnsSource, 'setting');
  assert.equal(loop!.run?.growsHistory, true);
  assert.match(loop!.run?.turnsFrom ?? '', /step < maxSteps/);
  const each = calls.find((c) => c.line === 21);
  assert.ok(each, calls.map((c) => c.line).join(','));
  assert.equal(each!.run, undefined);
});

// LangChain4j AI services built with tools (scan/l4j-tool-runs.ts): each method call is a tool loop bounded by the
// library's round-trip limit (100 from 0.34.0, 10 in 0.25–0.33) or the builder's maxSequentialToolsInvocations(n);
// a service built without tools asks once. Own fixtures in the forms of JUKOMU/LangChain4j-Code-Platform (a factory
// building the service with `.tools(new FileWriteTool())`, called from another class) and langchain4j-examples'
// ServiceWithToolsExample (built and called in one method).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { run as cli } from '../src/cli/main';
import { FIXTURES } from './util';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);

interface Row {
  file: string;
  line: number;
  model?: string;
  run?: { turns?: number; turnsSource: string; turnsFrom: string };
  suggestions: { kind: string; text: string }[];
}

function scan(dir: string): Row[] {
  const out: string[] = [];
  assert.equal(cli(['scan', path.join(FIXTURES, 'java', dir), '--format', 'json'], (s) => out.push(s), () => {}), 0);
  return (JSON.parse(out.join('')) as { calls: Row[] }).calls;
}

test('a LangChain4j AI service given tools runs up to the library default of its version, or the bound its builder states', () => {
  const rows = scan('l4j_tool_services');
  // Built with tools in another class of the module (pom.xml: langchain4j 1.0.1): 100 round trips.
  const desk = rows.find((r) => r.file.endsWith('ShopDesk.java') && r.line === 11);
  assert.equal(desk?.model, 'gpt-4.1-mini');
  assert.equal(desk?.run?.turns, 100);
  assert.equal(desk?.run?.turnsSource, 'framework-default');
  assert.match(desk?.run?.turnsFrom ?? '', /LangChain4j 1\.0\.1 default: 100 tool round trips/);
  // Two calls on one line: the service whose builder states maxSequentialToolsInvocations(5), and one made with
  // AiServices.create (no tools): one request.
  const inline = rows.filter((r) => r.file.endsWith('Inline.java') && r.line === 19);
  assert.equal(inline.length, 2);
  const runs = inline.map((r) => r.run);
  assert.deepEqual(runs.map((r) => r?.turns ?? null).sort(), [5, null]);
  assert.equal(runs.find((r) => r)?.turnsSource, 'code');
});

test('a Spring @AiService in AUTOMATIC wiring gets every @Tool component of the module: each call is a tool loop', () => {
  // langchain4j-spring AiServicesAutoConfig.java: in AUTOMATIC mode `tools` are all beans whose class has a @Tool method
  // (own fixture in the form of spring-petclinic/spring-petclinic-langchain4j chat/AssistantTool.java, held80 L1).
  const rows = scan('l4j_spring_tool_beans');
  const chat = rows.find((r) => r.file.endsWith('DeskController.java') && r.line === 21);
  assert.equal(chat?.model, 'gpt-4o');
  assert.equal(chat?.run?.turns, 100);
  assert.match(chat?.run?.turnsFrom ?? '', /LangChain4j 1\.15\.0 default: 100 tool round trips/);
  // EXPLICIT wiring that names no tools: one request.
  const greet = rows.find((r) => r.file.endsWith('DeskController.java') && r.line === 26);
  assert.ok(greet);
  assert.equal(greet.run, undefined);
});

test('LangChain4j 0.25–0.33 bounded an AI service tool loop at 10 round trips', () => {
  const [agent] = scan('l4j_tool_services_old');
  assert.equal(agent.run?.turns, 10);
  assert.match(agent.run?.turnsFrom ?? '', /LangChain4j 0\.31\.0 default: 10/);
});

test('a LangChain4j tool loop on Claude gets no cache_control advice: its Anthropic model caches only the system message and tools', () => {
  const java = [
    'import dev.langchain4j.model.anthropic.AnthropicChatModel;',
    'import dev.langchain4j.service.AiServices;',
    'class Bot {',
    '  interface Mate { String talk(String text); }',
    '  String go(String text) {',
    '    AnthropicChatModel model = AnthropicChatModel.builder().apiKey(System.getenv("ANTHROPIC_API_KEY")).modelName("claude-sonnet-4-5").maxTokens(800).build();',
    '    Mate mate = AiServices.builder(Mate.class).chatModel(model).tools(new Object()).build();',
    '    return mate.talk(text);',
    '  }',
    '}',
  ].join('\n');
  const [call] = analyze(java, 'java', 'Bot.java', table).calls;
  assert.equal(call.run?.turns, 100);
  assert.equal(call.run?.caching, 'none');
  assert.ok(!call.suggestions.some((s) => s.kind === 'cache'), call.suggestions.map((s) => s.text).join(' | '));
});

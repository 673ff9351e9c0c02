// A LangChain4j AI service built outside Spring with `.tools(new OrderLookup())` (scan/l4j-service-tools.ts) sends the
// object's @Tool methods with each request, as ToolSpecifications builds them (langchain4j 02f1f747). Own fixture in the
// form of langchain4j-examples other-examples/ServiceWithToolsExample.java (`.tools(new Calculator())`); the expected
// JSON is written here by hand from LangChain4j's OpenAI mapping (OpenAiUtils toOpenAiParameters: type, properties,
// required), not taken from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

const DIR = path.join(FIXTURES, 'java', 'l4j_tool_services', 'src', 'main', 'java', 'demo', 'shop');
const ORDER = { name: 'order', description: 'Finds an order by its number', parameters: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] } };

function sitesOf(name: string, text?: string) {
  const file = path.join(DIR, name);
  return findSites(text ?? fs.readFileSync(file, 'utf8'), 'java', file, undefined, diskIndex()).sites;
}

test('an AI service built with .tools(new X()) sends X\'s @Tool methods with each call', () => {
  const sites = sitesOf('Inline.java');
  const clerk = sites.find((s) => s.run);
  assert.ok(clerk, 'the service built with tools is a tool loop');
  assert.deepEqual(JSON.parse(clerk.tools?.text ?? 'null'), [ORDER]);
  // The service made with AiServices.create has no tools.
  assert.ok(sites.some((s) => !s.run && !s.tools));
});

test('a name holding the tool object is read where it is made or declared; an object of unknown class sends nothing counted', () => {
  const text = fs.readFileSync(path.join(DIR, 'Inline.java'), 'utf8').replace(
    '.tools(new OrderLookup())',
    '.tools(lookup)',
  ).replace('public String run(String text) {', 'public String run(String text) {\n        OrderLookup lookup = new OrderLookup();');
  const clerk = sitesOf('Inline.java', text).find((s) => s.run);
  assert.deepEqual(JSON.parse(clerk?.tools?.text ?? 'null'), [ORDER]);
  // Its declared type is read too (`OrderLookup lookup = spy(new OrderLookup())`); `var` with a factory's result is not.
  const spied = sitesOf('Inline.java', text.replace('new OrderLookup();', 'spy(new OrderLookup());')).find((s) => s.run);
  assert.deepEqual(JSON.parse(spied?.tools?.text ?? 'null'), [ORDER]);
  const other = sitesOf('Inline.java', text.replace('OrderLookup lookup = new OrderLookup();', 'var lookup = factory.make();')).find((s) => s.run);
  assert.equal(other?.tools, undefined);
});

test('a service built in another class of the module (a factory) sends that builder\'s tools', () => {
  const desk = sitesOf('ShopDesk.java').find((s) => s.run);
  assert.deepEqual(JSON.parse(desk?.tools?.text ?? 'null'), [ORDER]);
});

test('a call of the service in a loop of the code\'s own (a chat loop) still sends the tools with each request', () => {
  const text = fs.readFileSync(path.join(DIR, 'Inline.java'), 'utf8').replace(
    'return clerk.help(text) + greeter.greet(text);',
    'java.util.Scanner in = new java.util.Scanner(System.in);\n        while (true) {\n            String line = in.nextLine();\n            if (line.equals("exit")) break;\n            System.out.println(clerk.help(line));\n        }\n        return greeter.greet(text);',
  );
  const clerk = sitesOf('Inline.java', text).find((s) => s.tools);
  assert.equal(clerk?.run?.kind, 'loop');
  assert.deepEqual(JSON.parse(clerk?.tools?.text ?? 'null'), [ORDER]);
});

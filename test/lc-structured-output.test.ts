// lc-structured-output.ts: what LangChain's with_structured_output(Cls) sends is counted on each call of the runnable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const sites = (text: string) => findSites(text, 'python', 'x.py').sites;

const NESTED = `from langchain_mistralai import ChatMistralAI
from pydantic import BaseModel

class Author(BaseModel):
    name: str

class Book(BaseModel):
    """A book on the shelf."""
    title: str
    author: Author

llm = ChatMistralAI(model="mistral-small-latest", max_tokens=100)
llm.with_structured_output(Book).invoke("Dune by Frank Herbert")
`;

test('a forced tool: nested classes inlined, titles removed but a field named title kept', () => {
  const [s] = sites(NESTED);
  assert.ok(s.tools, 'tools counted');
  assert.equal(s.schema, undefined);
  const [tool] = JSON.parse(s.tools.text);
  assert.equal(tool.function.name, 'Book');
  assert.equal(tool.function.description, 'A book on the shelf.');
  assert.deepEqual(tool.function.parameters.properties, {
    title: { type: 'string' },
    author: { properties: { name: { type: 'string' } }, required: ['name'], type: 'object' },
  });
  assert.ok(!('$defs' in tool.function.parameters));
});

test('ChatOpenAI: the strict response schema; method="function_calling" makes it a tool', () => {
  const src = NESTED.replace('from langchain_mistralai import ChatMistralAI', 'from langchain_openai import ChatOpenAI').replace('ChatMistralAI(model="mistral-small-latest"', 'ChatOpenAI(model="gpt-4.1-mini"');
  const [s] = sites(src);
  assert.ok(s.schema && !s.tools);
  assert.equal(JSON.parse(s.schema.text).additionalProperties, false);
  const [t] = sites(src.replace('with_structured_output(Book)', 'with_structured_output(Book, method="function_calling")'));
  assert.ok(t.tools && !t.schema);
});

test('a schema it cannot read is not guessed, and the call stays', () => {
  for (const arg of ['Missing', 'schema_dict', '{"title": "x"}', 'Book, method=mode', '']) {
    const found = sites(NESTED.replace('with_structured_output(Book)', `with_structured_output(${arg})`));
    assert.equal(found.length, 1, arg);
    assert.equal(found[0].tools, undefined, arg);
    assert.equal(found[0].schema, undefined, arg);
  }
});

// runnables.ts: a LangChain chain's run is read back to the chat model it runs and the template in front of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';
import { lex } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';
import { matchBrackets } from '../src/core/lex/brackets';
import { receiverStart } from '../src/core/scan/runnables';
import type { Ctx } from '../src/core/scan/values';

const sites = (text: string, lang = 'python') => findSites(text, lang, 'x.py').sites;
const line = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('receiverStart: a name chain, a group, a call chain, a construction', () => {
  for (const [src, want] of [
    ['x = self.chain.invoke(q)', 'self.chain'],
    ['x = (prompt | llm).invoke(q)', '(prompt | llm)'],
    ['x = llm.with_structured_output(S).invoke(q)', 'llm.with_structured_output(S)'],
    ['x = new ChatOpenAI({}).invoke(q)', 'new ChatOpenAI({})'],
  ] as const) {
    const syn = syntaxFor(src.includes('new ') ? 'javascript' : 'python');
    const toks = lex(src, syn);
    const c = { text: src, toks, match: matchBrackets(toks), syn } as unknown as Ctx;
    const dot = toks.findIndex((t, i) => t.v === 'invoke' && toks[i - 1].v === '.') - 1;
    const start = receiverStart(c, dot);
    assert.equal(src.slice(toks[start].start, toks[dot - 1].end), want, src);
  }
});

test('a chain is followed through names, groups and derivatives to its model, however deep', () => {
  const text = [
    'llm = ChatOpenAI(model="gpt-4o-mini")',
    'structured = llm.with_structured_output(Route)',
    'router = prompt | structured',
    'full = router | RunnableLambda(pick)',
    'outer = (full | parser)',
    'outer.invoke({"q": "x"})',
  ].join('\n');
  const s = sites(text);
  assert.equal(s.length, 1);
  assert.equal(line(text, s[0].anchor.start), 6);
  assert.equal(s[0].model?.id, 'gpt-4o-mini');
});

test('a chain that runs no model is no call, and neither is a name assigned in another function', () => {
  const text = [
    'from langchain_openai import ChatOpenAI',
    'llm = ChatOpenAI(model="gpt-4o-mini")',
    'lookup = retriever | format_docs',
    'docs = lookup.invoke("q")',
    'def build():',
    '    local = prompt | ChatOpenAI(model="gpt-4o")',
    '    return local',
    'def other():',
    '    return local.invoke("q")',
  ].join('\n');
  // `llm` is sent by nothing, `lookup` runs no model, `local` is not visible in other(): only the constructions
  // remain, and the file does invoke, so they stay reported where they are made.
  assert.deepEqual(sites(text).map((s) => line(text, s.anchor.start)), [2, 6]);
});

test('a template statement ends at its line: the next statement is not read as part of the chain', () => {
  const text = [
    'llm = ChatOpenAI(model="gpt-4o")',
    'prompt = ChatPromptTemplate.from_messages([("system", "Be brief.")])',
    'llm = ChatOpenAI(model="gpt-4o-mini")',
    'chain = prompt | llm',
    'chain.invoke({})',
  ].join('\n');
  const s = sites(text).filter((x) => line(text, x.anchor.start) === 5);
  assert.equal(s[0].model?.id, 'gpt-4o-mini');
  assert.deepEqual(s[0].parts.map((p) => p.text), ['Be brief.']);
});

test('initChatModel: the limit is named as the provider class takes it (maxOutputTokens for Google models)', () => {
  const src = [
    "import { initChatModel } from 'langchain/chat_models/universal';",
    'export async function a(q: string) {',
    "  const m = await initChatModel('gemini-2.5-flash', { modelProvider: 'google-genai', temperature: 0 });",
    '  return m.invoke(q);',
    '}',
    'export async function b(q: string) {',
    "  const m = await initChatModel('google-vertexai:gemini-2.5-pro');",
    '  return m.invoke(q);',
    '}',
    'export async function c(q: string) {',
    "  const m = await initChatModel('claude-sonnet-4-5', { modelProvider: 'anthropic' });",
    '  return m.invoke(q);',
    '}',
  ].join('\n');
  const found = findSites(src, 'typescript', 'x.ts').sites;
  assert.deepEqual(found.map((s) => [line(src, s.anchor.start), typeof s.limitParam === 'string' ? s.limitParam : JSON.stringify(s.limitParam)]), [
    [4, 'maxOutputTokens'],
    [8, 'maxOutputTokens'],
    [12, 'maxTokens'],
  ]);
});

test("JS: `this.model.invoke` in a class that never sets this.model reads the file's (a parent class's), once", () => {
  // byMember's fallback to the whole file passed `undefined` for the class, which took the parameter's default (the
  // same class) again: a stack overflow on every such file (found by incremental.test's edits of a vsc48 fixture).
  const src = `import { ChatOpenAI } from "@langchain/openai";
class Base {
  constructor() {
    this.model = new ChatOpenAI({ model: "gpt-4o-mini" });
  }
}
class Writer extends Base {
  draft(topic) {
    return this.model.invoke("Write a short note about " + topic);
  }
}
`;
  const { sites } = findSites(src, 'javascript', '/ws/writer.js');
  assert.equal(sites.length, 1);
  assert.equal(sites[0].model?.id, 'gpt-4o-mini');
});

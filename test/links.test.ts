// links.ts: anchors matched backwards from their bracket, names a construction is bound to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorStart, boundName } from '../src/core/scan/links';
import { ctxOf, tokIndex } from './helpers/ctx';

const CREATE = ['chat', '.', 'completions', '.', 'create', '('];

test('anchorStart: the anchor ends at the bracket; what stands before it is not looked at', () => {
  for (const src of ['chat.completions.create(x)', 'self.client.chat.completions.create(x)', 'await openai.chat.completions.create(x)']) {
    const c = ctxOf(src, 'python');
    const open = tokIndex(c, '(');
    assert.equal(anchorStart(c.toks, open, CREATE), tokIndex(c, 'chat'), src);
  }
});

test('anchorStart: `chat (` does not match inside `openai.chat.completions.create(`, nor a string or another word', () => {
  const c = ctxOf('openai.chat.completions.create(x)', 'python');
  assert.equal(anchorStart(c.toks, tokIndex(c, '('), ['chat', '(']), -1);
  const s = ctxOf('"chat".completions.create(x)', 'python');
  assert.equal(anchorStart(s.toks, tokIndex(s, '('), CREATE), -1, 'a string token "chat" is not the identifier');
  const o = ctxOf('x.completions.create(y)', 'python');
  assert.equal(anchorStart(o.toks, tokIndex(o, '('), CREATE), -1);
  const short = ctxOf('create(y)', 'python');
  assert.equal(anchorStart(short.toks, tokIndex(short, '('), CREATE), -1, 'the text starts inside the anchor');
});

test('anchorStart: `*` matches any identifier, not punctuation', () => {
  const anchor = ['ChatClient', '*', '=', 'new', '('];
  const c = ctxOf('ChatClient client = new("gpt-4o", key);', 'csharp');
  assert.equal(anchorStart(c.toks, tokIndex(c, '('), anchor), 0);
  const p = ctxOf('ChatClient ( = new("gpt-4o");', 'csharp');
  assert.equal(anchorStart(p.toks, tokIndex(p, '(', 1), anchor), -1);
});

test('boundName: the variable a construction is assigned to', () => {
  const js = ctxOf('const req = new ChatRequest({ model: "gpt-4o" });', 'javascript');
  assert.equal(boundName(js.toks, tokIndex(js, 'ChatRequest'), 2), 'req');
  const cs = ctxOf('ChatCompletionOptions opts = new ChatCompletionOptions();', 'csharp');
  assert.equal(boundName(cs.toks, tokIndex(cs, 'ChatCompletionOptions', 1), 2), 'opts');
  const bare = ctxOf('send(new ChatRequest())', 'javascript');
  assert.equal(boundName(bare.toks, tokIndex(bare, 'ChatRequest'), 2), undefined);
});

// TypeScript type assertions (src/core/scan/type-casts.ts): the value left of `as` / `satisfies` is what is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';
import { lex } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';
import { matchBrackets } from '../src/core/lex/brackets';
import { typeEnd } from '../src/core/scan/type-casts';

const TS = `import OpenAI from 'openai';
const client = new OpenAI();
export async function f(diff: string) {
  const params = { model: 'gpt-4o-mini', max_tokens: 120, messages: [{ role: 'user', content: diff }] };
  return client.chat.completions.create(params as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
}
`;

test('a request variable with its type asserted (di-sukharev/opencommit) is followed, not dropped', () => {
  const [s, ...rest] = scan(TS, 'typescript');
  assert.equal(rest.length, 0);
  assert.equal(s?.model?.id, 'gpt-4o-mini');
  assert.equal(s?.maxOutput?.value, 120);
  const sat = scan(TS.replace(' as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming', ' satisfies Params'), 'typescript');
  assert.equal(sat[0]?.model?.id, 'gpt-4o-mini');
});

test('a parenthesised model with an assertion (BuilderIO/micro-agent) is read, never a dropped call', () => {
  const src = `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export function f(model: string, m: any[]) {
  return anthropic.messages.stream({
    model: (model as string) === 'claude' ? 'claude-3-5-haiku-20241022' : model,
    max_tokens: 4096,
    messages: m,
  });
}
`;
  const [s] = scan(src, 'typescript');
  assert.equal(s?.model?.id, 'claude-3-5-haiku-20241022');
  // Only the run-time branch: the call is still reported, its model unknown and named.
  const [u] = scan(src.replace("? 'claude-3-5-haiku-20241022' : model", '? process.env.M : model'), 'typescript');
  assert.ok(u, 'call reported');
  assert.equal(u.model, undefined);
  assert.match(u.modelUnresolved ?? '', /model as string/);
});

test('typeEnd skips qualified names, type arguments, arrays and unions', () => {
  const src = 'x as A.B<C, D[]>[] | null, next';
  const toks = lex(src, syntaxFor('typescript'));
  const s = { toks, match: matchBrackets(toks) };
  const end = typeEnd(s, 2, toks.length);
  assert.equal(toks[end].v, ',');
  assert.equal(typeEnd(s, toks.length - 1, toks.length), toks.length);
});

test('an asserted type is not a prompt part: `content as string` leaves one unresolved part, not two', () => {
  const src = `import OpenAI from 'openai';
const client = new OpenAI();
export function f(text: unknown) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text as string }] as any[] });
}
`;
  const [s] = scan(src, 'typescript');
  assert.deepEqual(s?.parts.map((p) => p.label), ['text']);
});

test('an SDK method asserted to another type and then called (thisisformuchfun/Foundry) is a call', () => {
  const head = `import OpenAI from 'openai';\nconst openai = new OpenAI();\n`;
  const one = (call: string) => scan(`${head}export const f = (t: string) => ${call}({ model: 'gpt-4o', input: t });\n`, 'typescript');
  assert.equal(one('(openai.responses.create as any)')[0]?.model?.id, 'gpt-4o');
  assert.equal(one('(openai.responses.create as Function)')[0]?.model?.id, 'gpt-4o');
  assert.equal(one('(<any>openai.responses.create)')[0]?.model?.id, 'gpt-4o');
  // Something else cast and called is not.
  assert.equal(one('(db.create as any)').length, 0);
  assert.equal(one('(f as any)').length, 0);
});

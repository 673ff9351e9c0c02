// OpenAI function tools and response formats as the API renders them (src/core/cost/openai-tools.ts), through the
// request counter `prompt-cost calibrate` uses. The cases are our own, in the forms of recorded calls; the recorded
// totals the terms were fitted on are cited (the recordings stay outside this repository).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openaiFunctions, renderFunctions } from '../src/core/cost/openai-tools';
import { countRequest } from '../src/core/tokenize/request-count';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { countTokens } from '../src/core/tokenize/token-count';

const table = buildTable(loadShipped().sheets);
const price = (m: string) => lookupModel(table, m, 'openai')!;
const o200k = (t: string) => countTokens(t, 'o200k_base').tokens;
const cl100k = (t: string) => countTokens(t, 'cl100k_base').tokens;
const tokens = (r: ReturnType<typeof countRequest>) => ('tokens' in r ? r.tokens : NaN);

const ASK = 'Which train leaves first tomorrow?';
const TRAIN = {
  name: 'find_trains',
  description: 'Lists trains between two stations',
  parameters: {
    type: 'object',
    properties: {
      from: { type: 'string', description: 'the departure station' },
      to: { type: 'string' },
      class: { type: 'string', enum: ['first', 'second'] },
      seats: { type: 'integer' },
      stops: { type: 'array', items: { type: 'string' } },
      filter: { type: 'object', properties: { night: { type: 'boolean', description: 'night trains only' } } },
    },
    required: ['from', 'to'],
  },
};
const CLOCK = { name: 'station_clock', description: 'the time at the station' };

test('the functions as a TypeScript namespace: descriptions as comments, optional properties marked, enums as unions', () => {
  assert.equal(
    renderFunctions([TRAIN, CLOCK]),
    [
      'namespace functions {',
      '',
      '// Lists trains between two stations',
      'type find_trains = (_: {',
      '// the departure station',
      'from: string,',
      'to: string,',
      'class?: "first" | "second",',
      'seats?: number,',
      'stops?: string[],',
      'filter?: {',
      '  // night trains only',
      '  night?: boolean,',
      '},',
      '}) => any;',
      '',
      '// the time at the station',
      'type station_clock = () => any;',
      '',
      '} // namespace functions',
    ].join('\n'),
  );
  // The forms the requests send: chat `{type, function}`, Responses' flat `{type, name, …}`, legacy `functions`.
  assert.deepEqual(openaiFunctions([{ type: 'function', function: CLOCK }]), [CLOCK]);
  assert.deepEqual(openaiFunctions([{ type: 'function', ...CLOCK }]), [CLOCK]);
  assert.equal(openaiFunctions([{ type: 'web_search' }]), undefined, 'a server tool is not a function');
  assert.equal(openaiFunctions([{ name: 'f', parameters: null }]), undefined, 'parameters the scan could not read');
  assert.equal(openaiFunctions([{ name: 'f', parameters: { table: ['a', 'b'] } }]), undefined, 'a zod schema read as written is no JSON schema');
  assert.deepEqual(openaiFunctions([{ name: 'f', parameters: {} }]), [{ name: 'f', parameters: {} }]);
});

test('chat tools: + 9 with no system message, + 5 joining one (openai-dotnet NoParameterToolWorks: 46 prompt_tokens)', () => {
  const user = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: ASK }] };
  const text = o200k(ASK) + 4 + 3;
  assert.equal(tokens(countRequest('openai.chat', user, price('gpt-4o-mini'))), text);
  const tools = [{ type: 'function', function: TRAIN }, { type: 'function', function: CLOCK }];
  const rendered = o200k(renderFunctions([TRAIN, CLOCK]));
  assert.equal(tokens(countRequest('openai.chat', { ...user, tools }, price('gpt-4o-mini'))), text + rendered + 9);
  // The legacy `functions` list the same (openai-dotnet FunctionsWork: 75, as ParametersWork with `tools`).
  assert.equal(tokens(countRequest('openai.chat', { ...user, functions: [TRAIN, CLOCK] }, price('gpt-4o-mini'))), text + rendered + 9);
  const sys = { ...user, messages: [{ role: 'system', content: 'Be brief.' }, ...user.messages], tools };
  assert.equal(tokens(countRequest('openai.chat', sys, price('gpt-4o-mini'))), text + o200k('Be brief.') + 4 + rendered + 5);
  // gpt-3.5-turbo counts them in its own vocabulary (ruby-openai gpt-3_5-turbo_valid_tool_call_chat: 69).
  const old = countRequest('openai.chat', { ...user, model: 'gpt-3.5-turbo', tools }, price('gpt-3.5-turbo'));
  assert.equal(tokens(old), cl100k(ASK) + 7 + cl100k(renderFunctions([TRAIN, CLOCK])) + 9);
});

test('tool_choice: none + 1, a forced tool + 10 on o200k models, nothing on gpt-3.5-turbo', () => {
  const req = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: ASK }], tools: [{ type: 'function', function: CLOCK }] };
  const auto = tokens(countRequest('openai.chat', { ...req, tool_choice: 'auto' }, price('gpt-4o-mini')));
  assert.equal(auto, tokens(countRequest('openai.chat', req, price('gpt-4o-mini'))));
  assert.equal(tokens(countRequest('openai.chat', { ...req, tool_choice: 'none' }, price('gpt-4o-mini'))), auto + 1);
  // openai-dotnet OutputTextMethod (Responses, required): 43; ConstraintsWork, a named function: 69 against 58 auto.
  assert.equal(tokens(countRequest('openai.chat', { ...req, tool_choice: 'required' }, price('gpt-4o-mini'))), auto + 10);
  const named = { ...req, tool_choice: { type: 'function', function: { name: 'station_clock' } } };
  assert.equal(tokens(countRequest('openai.chat', named, price('gpt-4o-mini'))), auto + 10);
  // ruby-openai gpt-3_5-turbo_multiple_tool_calls_full_conversation (required): 70, as without.
  const old = { ...req, model: 'gpt-3.5-turbo' };
  assert.equal(tokens(countRequest('openai.chat', { ...old, tool_choice: 'required' }, price('gpt-3.5-turbo'))), tokens(countRequest('openai.chat', old, price('gpt-3.5-turbo'))));
});

test('Responses: the same rendering, 7 fewer around it (openai-dotnet StructuredOutputs(%gpt-4o-mini%): 48)', () => {
  const req = { model: 'gpt-4o-mini', input: ASK };
  const text = tokens(countRequest('openai.responses', req, price('gpt-4o-mini')));
  const tools = [{ type: 'function', ...TRAIN, strict: false }];
  assert.equal(tokens(countRequest('openai.responses', { ...req, tools }, price('gpt-4o-mini'))), text + o200k(renderFunctions([TRAIN])) + 2);
});

test('response formats: json_object bills nothing; a JSON schema under its name, without additionalProperties and required', () => {
  const req = { model: 'gpt-4o', messages: [{ role: 'user', content: ASK }] };
  const text = tokens(countRequest('openai.chat', req, price('gpt-4o')));
  // openai-dotnet JsonResult: 40 prompt_tokens, the messages alone.
  assert.equal(tokens(countRequest('openai.chat', { ...req, response_format: { type: 'json_object' } }, price('gpt-4o'))), text);
  const schema = { type: 'object', properties: { train: { type: 'string' }, platform: { type: 'integer' } }, required: ['train', 'platform'], additionalProperties: false };
  const rf = { type: 'json_schema', json_schema: { name: 'departure', description: 'the first train', schema, strict: true } };
  const shown = '# Response Formats\n\n## departure\n\n// the first train\n{"type":"object","properties":{"train":{"type":"string"},"platform":{"type":"integer"}}}';
  // openai-dotnet StructuredOutputsWork: 75 (+ 8 with no system message).
  assert.equal(tokens(countRequest('openai.chat', { ...req, response_format: rf }, price('gpt-4o'))), text + o200k(shown) + 8);
  // Responses' text.format: the same, 7 fewer.
  const resp = { model: 'gpt-4o', input: ASK, text: { format: { type: 'json_schema', ...rf.json_schema } } };
  assert.equal(tokens(countRequest('openai.responses', resp, price('gpt-4o'))), tokens(countRequest('openai.responses', { model: 'gpt-4o', input: ASK }, price('gpt-4o'))) + o200k(shown) + 1);
});

// src/core/scan/imported.ts: names from other files. Here: a Go package's other files are lexed into the index only
// when they may declare the name looked up (mayDeclareGo), and the values found there are the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayDeclareGo } from '../src/core/scan/imported';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';

test('mayDeclareGo: top-level const, var, func and block entries; not uses, locals or longer names', () => {
  const yes = ['const model = "gpt-4o"', 'var model string = "x"', 'func model() string { return "x" }', 'const (\n\tmodel = "gpt-4o"\n)', 'var (\n\tmodel   string = "x"\n)', 'const (\n\tmodel openai.ChatModel = "x"\n)'];
  for (const t of yes) assert.equal(mayDeclareGo(t, 'model'), true, t);
  const no = ['fmt.Println(model)', 'func f(model string) {\n\tmodel := "x"\n}', 'const modelName = "x"', 'x := submodel', '\tif model == "x" {', ''];
  for (const t of no) assert.equal(mayDeclareGo(t, 'model'), false, t);
});

test('a Go package: the constant in a sibling file is found; siblings that only use the call\'s parameters are not lexed', () => {
  const call = `package bot

func Answer(ctx context.Context, client openai.Client, question string) {
\tclient.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
\t\tModel:               replyModel,
\t\tMaxCompletionTokens: openai.Int(replyLimit),
\t\tMessages:            []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
\t})
}
`;
  const files = {
    '/ws/bot/answer.go': call,
    '/ws/bot/config.go': 'package bot\n\nconst (\n\treplyModel = "gpt-4.1-mini"\n\treplyLimit = 300\n)\n',
    '/ws/bot/handlers.go': 'package bot\n\nfunc Handle(ctx context.Context, question string) {\n\tquestion = strings.TrimSpace(question)\n\tlog.Println(ctx, question)\n}\n',
    '/ws/bot/util.go': 'package bot\n\nfunc helper(client openai.Client) { _ = client }\n',
  };
  const index = new ValueIndex(memFiles(files));
  const [site] = findSites(call, 'go', '/ws/bot/answer.go', undefined, index).sites;
  assert.equal(site.model?.id, 'gpt-4.1-mini');
  assert.equal(site.maxOutput?.value, 300);
  // config.go lexed for the values; handlers.go (`question = …` passes the text test) may be; util.go never.
  const lexed = index.size;
  assert.ok(lexed >= 1 && lexed <= 2, `files lexed: ${lexed}`);
  index.scope('/ws/bot/util.go');
  assert.equal(index.size, lexed + 1, 'util.go was not in the index yet');
});

test('tools a module imports are counted from the module that defines them, nested names read there', () => {
  const files = {
    '/ws/app/__init__.py': '',
    '/ws/app/tools.py':
      'URGENCY = {"type": "string", "enum": ["low", "high"]}\n' +
      'CLASSIFY = {"name": "classify", "description": "Record the triage.", "input_schema": {"type": "object", "properties": {"urgency": URGENCY}}}\n' +
      'TOOLS = [CLASSIFY]\n',
  };
  const index = new ValueIndex(memFiles(files));
  const call = (tools: string) =>
    'import anthropic\nfrom .tools import CLASSIFY, TOOLS\nclient = anthropic.Anthropic()\n\n' +
    `class T:\n    def __init__(self):\n        self._client = anthropic.Anthropic()\n\n    def run(self, q):\n        return self._client.messages.create(model="claude-sonnet-4-5", max_tokens=100, tools=${tools}, messages=[{"role": "user", "content": q}])\n`;
  const expected = '[{"name":"classify","description":"Record the triage.","input_schema":{"type":"object","properties":{"urgency":{"type":"string","enum":["low","high"]}}}}]';
  const [inList] = findSites(call('[CLASSIFY]'), 'python', '/ws/app/triage.py', undefined, index).sites;
  assert.equal(inList.tools?.text, expected);
  assert.equal(inList.tools?.definitions, 1);
  const [byName] = findSites(call('TOOLS'), 'python', '/ws/app/triage.py', undefined, index).sites;
  assert.equal(byName.tools?.text, expected);
  // Not imported from the workspace: not counted, and never the brackets of the next statement's call.
  const [unknown] = findSites(call('[OTHER]').replace('CLASSIFY, TOOLS', 'CLASSIFY, OTHER'), 'python', '/ws/app/triage.py', undefined, index).sites;
  assert.equal(unknown.tools, undefined);
  // A keyword argument of an earlier call (`tools=tools`) is no assignment: the literal before it is read.
  const twice = 'import anthropic\nclient = anthropic.Anthropic()\ntools = [{"name": "a"}]\nclient.messages.create(model="claude-sonnet-4-5", max_tokens=9, tools=tools, messages=[])\nprint(1)\nclient.messages.create(model="claude-sonnet-4-5", max_tokens=9, tools=tools, messages=[])\n';
  assert.deepEqual(findSites(twice, 'python', '/ws/app/x.py', undefined, index).sites.map((x) => x.tools?.text), ['[{"name":"a"}]', '[{"name":"a"}]']);
  // A tool made by a call of names only has no definition in the code: unknown, never the text `()`.
  const made = 'import anthropic\nclient = anthropic.Anthropic()\nmemory = MemoryTool()\nclient.beta.messages.create(model="claude-sonnet-4-5", max_tokens=9, tools=[memory], messages=[])\n';
  assert.equal(findSites(made, 'python', '/ws/app/x.py', undefined, index).sites[0].tools, undefined);
});

test('Python: a module constant written right after a function is the module\'s, not a local of that function', () => {
  const files = {
    '/ws/app/__init__.py': '',
    '/ws/app/prompts.py': 'def today():\n    return "Monday"\n\n\nSTYLE = "Answer in the style of a ship\'s log, in one line."\n',
  };
  const index = new ValueIndex(memFiles(files));
  const call = 'from openai import OpenAI\nfrom .prompts import STYLE\nclient = OpenAI()\n\n\ndef log_entry(event):\n    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=80, messages=[{"role": "system", "content": STYLE}, {"role": "user", "content": event}])\n';
  const [site] = findSites(call, 'python', '/ws/app/log.py', undefined, index).sites;
  assert.deepEqual(site.parts.filter((p) => p.resolved).map((p) => p.text), ["Answer in the style of a ship's log, in one line."]);
});

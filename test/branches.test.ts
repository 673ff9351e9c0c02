// Values on several branches (src/core/scan/branches.ts): a helper's returns and switch-expression arms. The worst
// case is priced (the longest text, the largest limit, the dearest model), the others kept, a run-time branch named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternatives } from '../src/core/scan/branches';
import { analyze } from '../src/core/analyze';
import { hoverMarkdown } from '../src/core/report/format';
import { testTable } from './helpers/table';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './util';

const table = testTable();

test('alternatives: the longest text first, the largest number first, the others kept', () => {
  assert.deepEqual(alternatives([{ str: 'ab' }, { str: 'abcd' }, { str: 'a' }], 'x'), { str: 'abcd', others: ['ab', 'a'] });
  assert.deepEqual(alternatives([{ num: 300 }, { num: 900 }, { num: 500 }], 'x'), { num: 900, others: [300, 500] });
  assert.deepEqual(alternatives([{ str: 'only' }], 'x'), { str: 'only' });
});

test('alternatives: a run-time branch beside texts is a named hole; beside numbers, or alone, no value', () => {
  const v = alternatives([{ runtime: 'custom' }, { str: 'short' }, { str: 'the longer one' }], 'returned by f()');
  assert.equal(v?.str, 'the longer one');
  assert.deepEqual(v?.holes, ['custom (returned by f(), at run time)']);
  assert.deepEqual(v?.late, ['custom']);
  assert.deepEqual(v?.others, ['short']);
  assert.equal(alternatives([{ runtime: 'n' }, { num: 400 }], 'x'), undefined, 'a limit with an unknown branch is run time');
  assert.equal(alternatives([{ runtime: 'a' }, { runtime: 'b' }], 'x'), undefined);
  assert.equal(alternatives([], 'x'), undefined);
});

test('a helper returning several limits: the largest is the worst case, and the limit is flagged as chosen at run time', () => {
  const text = `import anthropic
client = anthropic.Anthropic()

def budget(kind):
    if kind == "long":
        return 2000
    return 300

def ask(q, kind):
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=budget(kind), messages=[{"role": "user", "content": q}])
`;
  const [c] = analyze(text, 'python', 'ask.py', table).calls;
  assert.equal(c.estimate.maxOutputTokens, 2000);
  assert.deepEqual(c.site.maxOutput?.others, [300]);
  assert.equal(c.estimate.maxOutputSource, 'runtime');
});

test('a Rust match of literals with a run-time arm; a Java block arm is named by its pattern', () => {
  const rust = `use async_openai::{types::CreateChatCompletionRequestArgs, Client};

fn instructions(kind: Kind, own: &str) -> String {
    match kind {
        Kind::Short => "Answer in one line.".to_string(),
        Kind::Long => "Answer in three paragraphs with one example each.".to_string(),
        Kind::Own => own.to_string(),
    }
}

async fn ask(client: &Client<OpenAIConfig>, kind: Kind, own: &str, q: &str) {
    let request = CreateChatCompletionRequestArgs::default()
        .model("gpt-4o-mini")
        .max_tokens(300u32)
        .messages([ChatCompletionRequestSystemMessageArgs::default().content(instructions(kind, own)).build()?.into()])
        .build()?;
    let response = client.chat().create(request).await?;
}
`;
  const [c] = analyze(rust, 'rust', 'ask.rs', table).calls;
  assert.ok(c, 'the call is found');
  const texts = c.site.parts.filter((p) => p.resolved).map((p) => p.text);
  assert.deepEqual(texts, ['Answer in three paragraphs with one example each.']);
  assert.ok(c.site.parts.some((p) => !p.resolved && p.label === 'own.to_string() (a branch of match, at run time)'), JSON.stringify(c.site.parts));
  const java = `public class A {
    private String p(Kind k) {
        return switch (k) {
            case A -> "Short text.";
            case B -> { String t = load(); yield t; }
            default -> "A longer default text here.";
        };
    }
    public String run(Kind k, String x) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).maxCompletionTokens(100).addUserMessage(p(k) + x).build();
        return client.chat().completions().create(params).toString();
    }
}
`;
  const [j] = analyze(java, 'java', 'A.java', table).calls;
  assert.ok(j.site.parts.some((p) => p.resolved && p.text.startsWith('A longer default text here.')));
  assert.ok(j.site.parts.some((p) => !p.resolved && p.label === 'case B (a branch of switch, at run time)'), JSON.stringify(j.site.parts.map((p) => p.label)));
  assert.match(hoverMarkdown(j, table), /the longest of 2 texts; case B only at run time/);
});

// 0alfred00/storyai app/workers/stories_worker.rb build_api_prompt: `if reference_story_id; follow_up_summary = …;
// "…"` — the arm's value is its last statement, not a run-time branch.
test('a Ruby if used as a value: an arm with a statement before its literal is the literal', () => {
  const ruby = `class Writer
  def run(topic, ref)
    client.chat(parameters: { model: "gpt-4o-mini", messages: [{ role: "user", content: build(topic, ref) }], max_tokens: 100 })
  end

  def build(topic, ref)
    if ref
      earlier = Poem.find(ref).summary
      "Write a longer follow-up poem on #{topic} answering this earlier one: #{earlier}"
    else
      "Write a poem on #{topic}."
    end
  end
end
`;
  const [c] = analyze(ruby, 'ruby', 'writer.rb', table).calls;
  assert.ok(c, 'the call is found');
  assert.deepEqual(c.site.parts.filter((p) => p.resolved).map((p) => p.text), ['Write a longer follow-up poem on  answering this earlier one: ']);
  assert.deepEqual([...new Set(c.site.parts.filter((p) => !p.resolved).map((p) => p.label))].sort(), ['earlier', 'topic']);
});

test('a model set in if / else arms: the dearest is priced and the hover names its own line, not the longer id read first', () => {
  const text = `import openai
client = openai.OpenAI()


def ask(q, deep):
    if deep:
        model = "gpt-4o"
    else:
        model = "gpt-4o-mini-2024-07-18"
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": q}], max_tokens=100)
`;
  const [call] = analyze(text, 'python', 'ask.py', table).calls;
  assert.equal(call.site.model?.id, 'gpt-4o');
  assert.deepEqual(call.site.model?.others, ['gpt-4o-mini-2024-07-18']);
  assert.equal(call.site.model?.source?.line, 7, 'From: where gpt-4o is set');
  assert.equal(call.site.model?.otherSources?.['gpt-4o-mini-2024-07-18']?.offset, text.indexOf('model = "gpt-4o-mini'));
  assert.match(hoverMarkdown(call, table), /line 7|:7\b/);
  assert.doesNotMatch(hoverMarkdown(call, table), /line 9|:9\b/);
});

test('a helper returning one of two model ids: the hover names the model priced (the dearest) and the others, never "the longest of 2 texts"', () => {
  const file = path.join(FIXTURES, 'python', 'helper_model_choice.py');
  const [pick, inline, prompt] = analyze(fs.readFileSync(file, 'utf8'), 'python', file, table).calls;
  for (const [c, fn] of [[pick, 'pick'], [inline, 'pick_inline']] as const) {
    assert.equal(c.site.model?.id, 'gpt-4o');
    const md = hoverMarkdown(c, table);
    assert.match(md, new RegExp(`- model: returned by ${fn}\\(\\) \\(\`gpt-4o\` priced, the dearest of 2; it can also be \`gpt-4o-mini\`\\)`));
    assert.doesNotMatch(md, /longest/);
  }
  // A prompt text keeps "the longest".
  assert.match(hoverMarkdown(prompt, table), /- prompt: returned by instructions\(\) \(the longest of 2 texts\)/);
  // An id in no price sheet is not the dearest: the one priced is named as such.
  const src = 'from openai import OpenAI\nclient = OpenAI()\n\ndef pick(x):\n    if x:\n        return "gpt-4o-mini"\n    return "acme-large"\n\nclient.chat.completions.create(model=pick(1), max_tokens=9, messages=[{"role": "user", "content": "Hi"}])\n';
  const [c] = analyze(src, 'python', 'a.py', table).calls;
  assert.match(hoverMarkdown(c, table), /returned by pick\(\) \(`gpt-4o-mini` priced \(`acme-large` in no price sheet\); it can also be `acme-large`\)/);
});

// Text methods of a known prompt (src/core/scan/text-methods.ts) as the lens sees them: the template's text as the
// method leaves it, each run-time value a named hole, and never a prompt dropped without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { testTable } from './helpers/table';

const table = testTable();

function prompt(src: string, lang = 'python', file = 'p.py') {
  const [c] = analyze(src, lang, file, table).calls;
  assert.ok(c, 'a call is found');
  return { text: c.site.parts.filter((p) => p.resolved).map((p) => p.text).join('|'), holes: c.site.parts.filter((p) => !p.resolved).map((p) => p.label) };
}

const py = (setup: string, content: string) => `from openai import OpenAI
client = OpenAI()
${setup}
def f(x):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": ${content}}])
`;

test('str.replace fills every match with a literal; a run-time value leaves a named hole', () => {
  assert.deepEqual(prompt(py('T = "Tools: {{t}}. Again {{t}}."', 'T.replace("{{t}}", "none")')), { text: 'Tools: none. Again none.', holes: [] });
  assert.deepEqual(prompt(py('T = "Tools: {{t}}."', 'T.replace("{{t}}", x)')), { text: 'Tools: .', holes: ['x'] });
});

test('str.format: keyword, numbered and automatic fields, {{ }} escapes; a missing keyword is a hole named by its field', () => {
  assert.deepEqual(prompt(py('T = "In {n} words about {topic}: {{json}}"', 'T.format(n=50, topic=x)')), { text: 'In 50 words about : {json}', holes: ['x'] });
  assert.deepEqual(prompt(py('T = "{0} and {1}"', 'T.format("a", "b")')), { text: 'a and b', holes: [] });
  assert.deepEqual(prompt(py('', '"Q: {}".format(x)')), { text: 'Q: ', holes: ['x'] });
  const spread = prompt(py('T = "Hi {name}"', 'T.format(**x)'));
  assert.equal(spread.text, 'Hi ');
  assert.ok(spread.holes.includes('name'), spread.holes.join());
});

test('strip, textwrap.dedent and inspect.cleandoc give the text Python gives', () => {
  assert.deepEqual(prompt(py('T = """\n  Be brief.\n"""', 'T.strip()')), { text: 'Be brief.', holes: [] });
  // Python 3: textwrap.dedent("\n    a\n      b\n") == "\na\n  b\n"
  assert.deepEqual(prompt(py('import textwrap\nT = textwrap.dedent("""\n    a\n      b\n""")', 'T')), { text: '\na\n  b\n', holes: [] });
  // inspect.cleandoc("First.\n        Second.\n        Third.\n") == "First.\nSecond.\nThird."
  assert.deepEqual(prompt(py('import inspect\nT = inspect.cleandoc("""First.\n        Second.\n        Third.\n""")', 'T')), { text: 'First.\nSecond.\nThird.', holes: [] });
});

test('a method of a run-time value is a named unresolved part, not dropped (it was silently dropped before)', () => {
  assert.deepEqual(prompt(py('', 'x.strip()')), { text: '', holes: ['x'] });
  assert.deepEqual(prompt(py('', 'x.text.strip()')), { text: '', holes: ['x.text'] });
});

test('"sep".join(parts) in a constant is not the separator alone: the value is run time', () => {
  const r = prompt(py('T = "\\n".join(PARTS)', 'T'));
  assert.equal(r.text, '');
  assert.deepEqual(r.holes, ['T']);
});

test('JavaScript replace with a string pattern replaces the first match only; replaceAll and trim', () => {
  const ts = (content: string) => `import OpenAI from "openai";
const client = new OpenAI();
const T = \`About {x}; more about {x}.\`;
export const f = (v: string) => client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: ${content} }] });
`;
  assert.deepEqual(prompt(ts('T.replace("{x}", "cats")'), 'typescript', 'p.ts'), { text: 'About cats; more about {x}.', holes: [] });
  assert.deepEqual(prompt(ts('T.replaceAll("{x}", v)'), 'typescript', 'p.ts'), { text: 'About ; more about .', holes: ['v'] });
  assert.deepEqual(prompt(ts('"  Be brief.  ".trim() + T'), 'typescript', 'p.ts').text, 'Be brief.About {x}; more about {x}.');
});

test('Kotlin trimIndent, trimMargin and a %s template filled by format', () => {
  const kt = (setup: string, content: string) => `import com.openai.client.OpenAIClient
import com.openai.models.ChatModel
import com.openai.models.chat.completions.ChatCompletionCreateParams
${setup}
fun f(client: OpenAIClient, v: String) = client.chat().completions().create(
    ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).maxCompletionTokens(50L).addUserMessage(${content}).build())
`;
  assert.equal(prompt(kt('private val T = """\n    a\n      b\n""".trimIndent()', 'T'), 'kotlin', 'P.kt').text, 'a\n  b');
  assert.equal(prompt(kt('private val T = """\n    |a\n    |b\n""".trimMargin()', 'T'), 'kotlin', 'P.kt').text, 'a\nb');
  assert.deepEqual(prompt(kt('private val T = "%s costs %d%%, %1\\$s"', 'T.format("tea", v)'), 'kotlin', 'P.kt'), { text: 'tea costs %, tea', holes: ['v'] });
});

test('a dedent-tagged template is its text without the common indent and blank end lines, holes kept', () => {
  const ts = (setup: string, content: string) => `import OpenAI from "openai";
import dedent from "dedent";
const client = new OpenAI();
${setup}
export const f = (v: string) => client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: ${content} }] });
`;
  assert.deepEqual(prompt(ts('const T = dedent`\n    a\n      b\n  `;', 'T'), 'typescript', 'p.ts').text, 'a\n  b');
  assert.deepEqual(prompt(ts('', 'dedent`\n    Hello ${v}\n  `'), 'typescript', 'p.ts'), { text: 'Hello ', holes: ['v'] });
});

// Review findings: a replacement whose place is unknown was dropped without a word; a literal's C# Trim() made the
// whole prompt run time.
test('a regex pattern (JS /…/g, Java replaceAll) leaves the text and names the replacement, known or not', () => {
  const ts = `import OpenAI from "openai";
const client = new OpenAI();
const T = "Context: {context}";
const C = "The store opens at nine.";
export const f = () => client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: T.replace(/\\{context\\}/g, C) }] });
`;
  assert.deepEqual(prompt(ts, 'typescript', 'p.ts'), { text: 'Context: {context}', holes: ['C'] });
  const java = `import com.openai.client.OpenAIClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
class P {
    static final String T = "Severity: {severity}";
    static final String SEV = "SEV2";
    void f(OpenAIClient client) {
        client.chat().completions().create(ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).maxCompletionTokens(50L).addUserMessage(T.replaceAll("\\\\{severity\\\\}", SEV)).build());
    }
}
`;
  assert.deepEqual(prompt(java, 'java', 'P.java'), { text: 'Severity: {severity}', holes: ['SEV'] });
});

test('C# "literal".Trim() is the trimmed literal', () => {
  const cs = `using OpenAI.Chat;
ChatClient client = new("gpt-4o-mini", "key");
var p = "  You greet customers warmly in one sentence.  ".Trim();
client.CompleteChat(new SystemChatMessage(p));
`;
  assert.deepEqual(prompt(cs, 'csharp', 'P.cs'), { text: 'You greet customers warmly in one sentence.', holes: [] });
});

test('appends in two branches are alternatives: labelled, not added together', () => {
  const r = prompt(`from openai import OpenAI
client = OpenAI()
def f(short):
    messages = [{"role": "system", "content": "Be helpful."}]
    if short:
        messages.append({"role": "user", "content": "Answer briefly."})
    else:
        messages.append({"role": "user", "content": "Answer at length."})
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=messages)
`);
  assert.equal(r.text, 'Be helpful.');
  assert.deepEqual(r.holes, ['messages (added to at run time)']);
});

test('a method of a value reached through a capitalised member is a named unresolved part (C# properties)', () => {
  const cs = `using OpenAI.Chat;
ChatClient client = new("gpt-4o-mini", "key");
client.CompleteChat(new SystemChatMessage(_store.Templates.Get("welcome")));
`;
  assert.ok(prompt(cs, 'csharp', 'P.cs').holes.includes('_store.Templates'));
});
